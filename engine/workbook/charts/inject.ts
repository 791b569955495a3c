/**
 * Native charts in a workbook exceljs wrote (exceljs cannot write charts): unzip the package, add one
 * drawing part for the sheet and one chart part per chart, wire them with relationships and content
 * types, zip again. Everything else in the package is left byte for byte.
 *
 * Parts and links added, as Excel writes them:
 *   xl/charts/chartN.xml                     (content type ...drawingml.chart+xml)
 *   xl/drawings/drawingM.xml                 (content type ...drawing+xml)
 *   xl/drawings/_rels/drawingM.xml.rels      drawing -> charts
 *   xl/worksheets/_rels/sheetK.xml.rels      sheet -> drawing, and <drawing r:id> in the sheet
 */
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';
import { ChartDef, chartXml, drawingXml, xmlEscape } from './chart-xml';

export type { ChartDef, ChartSeries } from './chart-xml';
export { absRef } from './chart-xml';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = `${R_NS}/drawing`;
const REL_CHART = `${R_NS}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? unescape(m[1]) : undefined;
};

/** Resolve a relationship target against the folder of the part that owns it. */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

/** The worksheet part (e.g. xl/worksheets/sheet1.xml) of the sheet with this name. */
export function sheetPart(files: Record<string, Uint8Array>, sheetName: string): string {
  const wb = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const sheet = (wb.match(/<sheet\s[^>]*>/g) ?? []).find((tag) => attr(tag, 'name') === sheetName);
  const rid = sheet && attr(sheet, 'r:id');
  const rel = rid ? (rels.match(/<Relationship\s[^>]*>/g) ?? []).find((tag) => attr(tag, 'Id') === rid) : undefined;
  const target = rel && attr(rel, 'Target');
  if (!target) throw new Error(`charts: no sheet named "${sheetName}" in the workbook`);
  return resolve('xl/workbook.xml', target);
}

function nextNumber(files: Record<string, Uint8Array>, re: RegExp): number {
  let max = 0;
  for (const name of Object.keys(files)) {
    const m = re.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

/** Elements that come after <drawing> in a worksheet (CT_Worksheet's sequence). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function addDrawingElement(sheetXml: string, rid: string): string {
  if (/<drawing[\s/>]/.test(sheetXml)) throw new Error('charts: the sheet already has a drawing');
  let xml = sheetXml;
  const root = /<worksheet\s[^>]*>/.exec(xml);
  if (root && !/\sxmlns:r=/.test(root[0])) xml = xml.replace(root[0], root[0].replace('<worksheet', `<worksheet xmlns:r="${R_NS}"`));
  const el = `<drawing r:id="${rid}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = xml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf('</worksheet>');
  return `${xml.slice(0, at)}${el}${xml.slice(at)}`;
}

function addRelationship(relsXml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = relsXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  const used = new Set((xml.match(/\sId="([^"]*)"/g) ?? []).map((m) => m.slice(5, -1)));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  const out = xml.includes('</Relationships>') ? xml.replace('</Relationships>', `${rel}</Relationships>`) : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`);
  return { xml: out, id };
}

function addOverrides(ct: string, parts: Array<[string, string]>): string {
  const add = parts.map(([name, type]) => `<Override PartName="/${name}" ContentType="${type}"/>`).join('');
  return ct.replace('</Types>', `${add}</Types>`);
}

/** The package with the charts drawn on the named sheet. */
export function addCharts(xlsx: Uint8Array, sheetName: string, charts: ChartDef[]): Uint8Array {
  if (!charts.length) return xlsx;
  const files = unzipSync(xlsx) as Record<string, Uint8Array>;
  const sheet = sheetPart(files, sheetName);
  const d = nextNumber(files, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const c0 = nextNumber(files, /^xl\/charts\/chart(\d+)\.xml$/);
  const drawing = `xl/drawings/drawing${d}.xml`;
  const chartParts = charts.map((_, i) => `xl/charts/chart${c0 + i}.xml`);

  const out: Zippable = { ...files };
  charts.forEach((c, i) => (out[chartParts[i]] = strToU8(chartXml(c))));
  out[drawing] = strToU8(drawingXml(charts));
  let drawingRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">`;
  chartParts.forEach((p, i) => (drawingRels += `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/${p.split('/').pop()}"/>`));
  out[relsOf(drawing)] = strToU8(`${drawingRels}</Relationships>`);

  const sheetRelsName = relsOf(sheet);
  const sheetRels = files[sheetRelsName] ? strFromU8(files[sheetRelsName]) : undefined;
  const rel = addRelationship(sheetRels, REL_DRAWING, `../drawings/drawing${d}.xml`);
  out[sheetRelsName] = strToU8(rel.xml);
  out[sheet] = strToU8(addDrawingElement(strFromU8(files[sheet]), rel.id));

  out['[Content_Types].xml'] = strToU8(
    addOverrides(strFromU8(files['[Content_Types].xml']), [[drawing, CT_DRAWING], ...chartParts.map((p) => [p, CT_CHART] as [string, string])]),
  );
  return zipSync(out, { level: 6 });
}
