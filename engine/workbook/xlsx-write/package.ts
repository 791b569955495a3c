/**
 * The xlsx package around directly written sheets: workbook part with sheet names and the print areas
 * and titles (defined names, sheet names quoted), relationships, content types, document properties
 * (core and app), styles, shared strings, and the charts of a sheet (a drawing part and one chart part
 * each, from charts/chart-xml.ts), zipped once (fflate's container; the deflate is pluggable).
 */
import { strToU8 } from 'fflate';
import { Deflater, FFLATE_DEFLATER, packPart, zipStored } from '../zip-write';
import { ChartDef, chartXml, drawingXml } from '../charts/chart-xml';
import { SharedStrings, SheetWriter } from './sheet';
import { StyleSheet } from './styles';
import { quoteSheet, xmlEscape } from './xml';

export interface PackageProps {
  creator: string;
  title: string;
  keywords: string;
  created: Date;
  modified: Date;
}

export interface PackageInput {
  sheets: SheetWriter[];
  styles: StyleSheet;
  props: PackageProps;
  /** Charts drawn on the sheet of that index. */
  charts?: { sheet: number; charts: ChartDef[] };
  /** Deflate level: 1 is the fastest that still compresses the repetitive XML well. */
  level?: number;
  deflater?: Deflater;
}

type Parts = Record<string, Uint8Array>;

/** The zip: each part deflated by the deflater (or stored at level 0), in one container. */
function zipParts(parts: Parts, level: number, deflater: Deflater): Uint8Array {
  return zipStored(Object.entries(parts).map(([name, raw]) => ({ name, ...packPart(raw, level, deflater) })));
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

const rels = (items: Array<[string, string, string]>) =>
  `${XML_HEAD}<Relationships xmlns="${REL_NS}">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;

/** Rows and columns of a range as a defined name holds them: A1:K40 -> $A$1:$K$40, 6:8 -> $6:$8, A:B -> $A:$B. */
const absolute = (range: string) => range.replace(/([A-Z]+)?(\d+)?/g, (m, col?: string, row?: string) => (m ? `${col ? `$${col}` : ''}${row ? `$${row}` : ''}` : m));

function workbookXml(sheets: SheetWriter[]): string {
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const p = s.pageSetup;
    if (!p) return;
    const q = quoteSheet(s.name);
    const name = (n: string, v: string) => names.push(`<definedName name="${n}" localSheetId="${i}">${xmlEscape(v)}</definedName>`);
    if (p.printArea) name('_xlnm.Print_Area', `${q}!${absolute(p.printArea)}`);
    const titles = [p.printTitlesColumn, p.printTitlesRow].filter((t): t is string => !!t).map((t) => `${q}!${absolute(t)}`);
    if (titles.length) name('_xlnm.Print_Titles', titles.join(','));
  });
  return (
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    `</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`
  );
}

const w3cdtf = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

function coreXml(p: PackageProps): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlEscape(p.creator)}</dc:creator><dc:title>${xmlEscape(p.title)}</dc:title><cp:keywords>${xmlEscape(p.keywords)}</cp:keywords>` +
    `<cp:lastModifiedBy>${xmlEscape(p.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(p.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(p.modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appXml(sheets: SheetWriter[]): string {
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>thidua</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${xmlEscape(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}

/** The whole package, zipped. */
export function writeXlsx(input: PackageInput): Uint8Array {
  const { sheets, styles, props } = input;
  const strings = new SharedStrings();
  const files: Parts = {};
  const overrides: Array<[string, string]> = [['/xl/workbook.xml', CT.workbook]];
  const charts = input.charts && input.charts.charts.length ? input.charts : undefined;
  if (charts) sheets[charts.sheet].drawingRid = 'rId1';
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml(strings));
    overrides.push([`/xl/worksheets/sheet${i + 1}.xml`, CT.sheet]);
  });
  if (charts) {
    const n = charts.sheet + 1;
    files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = strToU8(rels([['rId1', `${R}/drawing`, '../drawings/drawing1.xml']]));
    files['xl/drawings/drawing1.xml'] = strToU8(drawingXml(charts.charts));
    files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(rels(charts.charts.map((_, i) => [`rId${i + 1}`, `${R}/chart`, `../charts/chart${i + 1}.xml`])));
    overrides.push(['/xl/drawings/drawing1.xml', CT.drawing]);
    charts.charts.forEach((c, i) => {
      files[`xl/charts/chart${i + 1}.xml`] = strToU8(chartXml(c));
      overrides.push([`/xl/charts/chart${i + 1}.xml`, CT.chart]);
    });
  }
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/workbook.xml'] = strToU8(workbookXml(sheets));
  const k = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels([
      ...sheets.map((_, i): [string, string, string] => [`rId${i + 1}`, `${R}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      [`rId${k + 1}`, `${R}/styles`, 'styles.xml'],
      [`rId${k + 2}`, `${R}/sharedStrings`, 'sharedStrings.xml'],
    ]),
  );
  overrides.push(['/xl/styles.xml', CT.styles], ['/xl/sharedStrings.xml', CT.strings], ['/docProps/core.xml', CT.core], ['/docProps/app.xml', CT.app]);
  files['docProps/core.xml'] = strToU8(coreXml(props));
  files['docProps/app.xml'] = strToU8(appXml(sheets));
  files['_rels/.rels'] = strToU8(
    rels([
      ['rId1', `${R}/officeDocument`, 'xl/workbook.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId3', `${R}/extended-properties`, 'docProps/app.xml'],
    ]),
  );
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
      '</Types>',
  );
  // [Content_Types].xml first, as Office writes it (some readers sniff the first entry).
  const ordered: Parts = { '[Content_Types].xml': files['[Content_Types].xml'], '_rels/.rels': files['_rels/.rels'] };
  for (const [name, data] of Object.entries(files)) if (!(name in ordered)) ordered[name] = data;
  return zipParts(ordered, input.level ?? 1, input.deflater ?? FFLATE_DEFLATER);
}
