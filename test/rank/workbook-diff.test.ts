/**
 * The direct ranking workbook writer against the exceljs writer it replaced: for every ranking of
 * ranking-cases.ts, exceljs loading the workbook written now and the reference workbook the exceljs
 * writer wrote (test/fixtures/ranking-reference/, see its README) gives, cell by cell on all four sheets,
 * the same values, types, number formats, fonts, fills, borders and alignment, and the same merges,
 * column widths, row heights, frozen panes, page setup, print titles and areas, header and footer,
 * conditional formats, auto filter, page breaks, charts and document properties.
 *
 * Also: every XML part is well-formed (saxes), and texts from the inputs (markup, quotes, control
 * characters, formulas) come back as the same text, never a formula; LibreOffice opens the workbook and
 * saves the same values.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { writeRankingWorkbook as writeForCli } from '../../engine/cli/ranking-workbook';
import { safeText, writeRankingWorkbook } from '../../engine/workbook/ranking-workbook';
import { writeXlsx } from '../../engine/workbook/xlsx-write/package';
import { SheetWriter } from '../../engine/workbook/xlsx-write/sheet';
import { StyleSheet } from '../../engine/workbook/xlsx-write/styles';
import { haveLibreOffice, recalculate } from '../helpers/libreoffice';
import { CASES, hostile, REFERENCE_DATE } from './ranking-cases';

jest.setTimeout(120_000);

const REF = path.join(__dirname, '../fixtures/ranking-reference');

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** A cell's format as exceljs reads it; the default font (format 0, Calibri) stands for itself. */
function styleOf(cell: ExcelJS.Cell): unknown {
  const s = cell.style ?? {};
  const font = s.font && s.font.name !== 'Calibri' ? s.font : 'default';
  return { numFmt: s.numFmt ?? null, font, fill: s.fill ?? null, border: s.border ?? null, alignment: s.alignment ?? null };
}

function sheetModel(ws: ExcelJS.Worksheet) {
  const rows: unknown[] = [];
  const lastCol = Math.max(ws.columnCount, 13);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      cells.push([cell.address, cell.type, cell.value, styleOf(cell)]);
    }
    // Excel's largest row height is 409 pt: the exceljs writer wrote taller rows for very long notes.
    rows.push({ r, height: row.height === undefined ? null : Math.min(row.height, 409), cells });
  }
  const ps = ws.pageSetup;
  return {
    name: ws.name,
    tabColor: ws.properties.tabColor ?? null,
    // exceljs leaves width 9 (its default) unwritten: a column of width 9 reads back as no width.
    columns: Array.from({ length: lastCol }, (_, i) => [ws.getColumn(i + 1).width ?? 9, !!ws.getColumn(i + 1).hidden]),
    merges: [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort(),
    views: ws.views.map((v) => ({ ...v })),
    pageSetup: {
      paperSize: ps.paperSize,
      orientation: ps.orientation,
      scale: ps.scale,
      fitToPage: ps.fitToPage ?? false,
      fitToWidth: ps.fitToWidth,
      fitToHeight: ps.fitToHeight,
      horizontalCentered: ps.horizontalCentered,
      margins: ps.margins,
      printArea: ps.printArea ?? null,
      printTitlesRow: ps.printTitlesRow ?? null,
      printTitlesColumn: ps.printTitlesColumn ?? null,
    },
    headerFooter: { oddHeader: ws.headerFooter.oddHeader, oddFooter: ws.headerFooter.oddFooter },
    autoFilter: ws.autoFilter ?? null,
    conditionalFormattings: (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
    rows,
  };
}

/** JSON that also tells -0, NaN, infinities and dates from what JSON would make of them. */
function exact(v: unknown): string {
  return JSON.stringify(v, function (this: Record<string, unknown>, k, x: unknown) {
    const raw = this[k];
    if (raw instanceof Date) return `#date:${raw.getTime()}`;
    if (typeof x === 'number' && (Object.is(x, -0) || !Number.isFinite(x))) return `#number:${Object.is(x, -0) ? '-0' : String(x)}`;
    return x;
  });
}

const textParts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const breaks = (xml: string | undefined) => [...(xml ?? '').matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
const drawingAnchors = (xml: string | undefined) => (xml ?? '').replace(/^<\?xml[^>]*>\s*/, '');

/** Parses every XML part with saxes; returns the parts that are not well-formed, with the error. */
function malformed(parts: Record<string, string>): string[] {
  const bad: string[] = [];
  for (const [name, xml] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const p = new SaxesParser({ xmlns: true });
    try {
      p.write(xml).close();
    } catch (e) {
      bad.push(`${name}: ${(e as Error).message}`);
    }
  }
  return bad;
}

describe.each(CASES)('$name', ({ name, lang, ranking }) => {
  let mine: Uint8Array;
  beforeAll(async () => {
    mine = await writeRankingWorkbook(ranking(), { lang, generatedAt: REFERENCE_DATE });
  });

  test('exceljs reads the same workbook as from the exceljs writer, cell by cell', async () => {
    const reference = new Uint8Array(readFileSync(path.join(REF, `${name}.xlsx`)));
    const [a, b] = await Promise.all([load(reference), load(mine)]);
    expect(b.worksheets.map((w) => w.name)).toEqual(['Xếp hạng', 'Ma trận điểm', 'Chênh lệch', 'Nguồn']);
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    expect([b.creator, b.keywords, b.title, b.created, b.modified]).toEqual([a.creator, a.keywords, a.title, a.created, a.modified]);
    expect(b.keywords).toBe('thidua-ranking');
    for (let i = 0; i < a.worksheets.length; i++) {
      const [x, y] = [sheetModel(a.worksheets[i]), sheetModel(b.worksheets[i])];
      const { rows: rx, ...restX } = x;
      const { rows: ry, ...restY } = y;
      expect(restY).toEqual(restX);
      expect(ry.length).toBe(rx.length);
      // Row by row, so a difference names its row (jest's deep comparison only where the exact text of
      // the row differs: 1,000-unit sheets compared in full every time took most of this suite's time).
      for (let r = 0; r < rx.length; r++) if (exact(ry[r]) !== exact(rx[r])) expect(ry[r]).toEqual(rx[r]);
    }
    // What exceljs does not read back: page breaks, the charts and their drawing.
    const [pa, pb] = [textParts(reference), textParts(mine)];
    for (let i = 1; i <= 4; i++) expect(breaks(pb[`xl/worksheets/sheet${i}.xml`])).toEqual(breaks(pa[`xl/worksheets/sheet${i}.xml`]));
    const charts = (p: Record<string, string>) => Object.keys(p).filter((k) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(k)).sort();
    expect(charts(pb)).toEqual(charts(pa));
    for (const k of charts(pa)) expect(drawingAnchors(pb[k])).toBe(drawingAnchors(pa[k]));
  });

  test('every XML part is well-formed, text cells are strings, none a formula', async () => {
    const parts = textParts(mine);
    expect(malformed(parts)).toEqual([]);
    for (let i = 1; i <= 4; i++) expect(parts[`xl/worksheets/sheet${i}.xml`]).not.toMatch(/<f[ >]/);
    expect(parts['docProps/core.xml']).toContain('<cp:keywords>thidua-ranking</cp:keywords>');
  });
});

test('unit names and remarks with markup, quotes and control characters come back as the same text', async () => {
  const hostile = CASES.find((c) => c.name === 'hostile-vi')!;
  const r = hostile.ranking();
  const wb = await load(await writeRankingWorkbook(r, { generatedAt: REFERENCE_DATE }));
  const units = new Set<string>();
  const ws = wb.getWorksheet('Xếp hạng')!;
  ws.eachRow((row) => {
    const v = row.getCell(2).value;
    if (typeof row.getCell(1).value === 'number') {
      expect(typeof v).toBe('string');
      units.add(v as string);
    }
  });
  for (const u of r.units) expect(units.has(safeText(u.unit))).toBe(true);
  expect(units.has('=HYPERLINK("http://x","y")')).toBe(true);
  expect([...units].find((u) => u.startsWith('Dài'))).toHaveLength(32767);
  const remarks: string[] = [];
  wb.getWorksheet('Chênh lệch')!.eachRow((row) => remarks.push(String(row.getCell(8).value ?? '')));
  expect(remarks).toContain(`"quoted" 'single' <tag> & amp`);
  const files: string[] = [];
  const sourceUnits: string[] = [];
  wb.getWorksheet('Nguồn')!.eachRow((row) => {
    files.push(String(row.getCell(2).value ?? ''));
    sourceUnits.push(String(row.getCell(4).value ?? ''));
  });
  expect(files).toEqual(expect.arrayContaining(['a&b <c>.xlsx', "q'uote.xlsx", '-minus.xlsx']));
  // Refused for its control characters, listed in Nguồn without them.
  expect(sourceUnits).toContain(`Tuyên Quang 'B' & <C> "D"`);
});

test('sheet names are quoted and escaped in the defined names; a literal _xHHHH_ stays literal', () => {
  const styles = new StyleSheet();
  const ws = new SheetWriter(`It's <&"> x`);
  ws.set(1, 1, 'a_x0041_b', styles.style({ font: { name: 'Times New Roman', size: 11 } }));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', scale: 90, horizontalCentered: false, margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 }, printArea: 'A1:B2', printTitlesRow: '1:1', printTitlesColumn: 'A:A' };
  const parts = textParts(writeXlsx({ sheets: [ws], styles, props: { creator: 'a&b', title: '<t>', keywords: 'k', created: REFERENCE_DATE, modified: REFERENCE_DATE } }));
  expect(malformed(parts)).toEqual([]);
  expect(parts['xl/workbook.xml']).toContain('<sheet name="It&apos;s &lt;&amp;&quot;&gt; x"');
  expect(parts['xl/workbook.xml']).toContain('>&apos;It&apos;&apos;s &lt;&amp;&quot;&gt; x&apos;!$A$1:$B$2</definedName>');
  expect(parts['xl/workbook.xml']).toContain('>&apos;It&apos;&apos;s &lt;&amp;&quot;&gt; x&apos;!$A:$A,&apos;It&apos;&apos;s &lt;&amp;&quot;&gt; x&apos;!$1:$1</definedName>');
  expect(parts['xl/sharedStrings.xml']).toContain('<t>a_x005F_x0041_b</t>');
});

test("the command line's writer (Node's zlib) writes the same parts as the browser-safe one (fflate)", async () => {
  const c = CASES.find((x) => x.name === 'cluster-60-vi')!;
  const r = c.ranking();
  const [a, b] = [await writeRankingWorkbook(r, { generatedAt: REFERENCE_DATE }), await writeForCli(r, { generatedAt: REFERENCE_DATE })];
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false); // compressed differently
  const [pa, pb] = [unzipSync(a), unzipSync(b)];
  expect(Object.keys(pb)).toEqual(Object.keys(pa));
  for (const k of Object.keys(pa)) expect(Buffer.from(pb[k]).equals(Buffer.from(pa[k]))).toBe(true);
});

test('the compiled writer loads no exceljs (nor any other heavy package) and writes a workbook', () => {
  const lib = path.join(__dirname, '../../lib/workbook/ranking-workbook.js');
  const script = `
    const core = require(${JSON.stringify(path.join(__dirname, '../../lib/core/index.js'))});
    const before = new Set(Object.keys(require.cache));
    const w = require(${JSON.stringify(lib)});
    w.writeRankingWorkbook(core.buildRanking([]), {}).then((bytes) => {
      const added = Object.keys(require.cache).filter((k) => !before.has(k) && k.includes('node_modules'));
      console.log(JSON.stringify({ added: added.map((k) => k.split('node_modules/').pop().split('/')[0]), bytes: bytes.length }));
    });`;
  const p = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(p.stderr).toBe('');
  const out = JSON.parse(p.stdout) as { added: string[]; bytes: number };
  expect([...new Set(out.added)]).toEqual(['fflate']);
  expect(out.bytes).toBeGreaterThan(1000);
});

if (haveLibreOffice('ranking workbook opened and saved by LibreOffice')) {
  test('LibreOffice opens the workbook and saves the same values in every cell', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'thidua-rank-lo-'));
    try {
      // The hostile names with the long one at 1,200 characters: LibreOffice takes about a minute to lay
      // out a 32,767-character wrapped name (the limit itself is checked against exceljs above).
      const cases = [CASES.find((x) => x.name === 'small-vi')!, { name: 'hostile-en', lang: 'en' as const, ranking: () => hostile(300) }];
      const files = [];
      for (const c of cases) {
        const f = path.join(tmp, `${c.name}.xlsx`);
        writeFileSync(f, await writeRankingWorkbook(c.ranking(), { lang: c.lang, generatedAt: REFERENCE_DATE }));
        files.push(f);
      }
      recalculate(files, path.join(tmp, 'lo'));
      for (const f of files) {
        const [a, b] = await Promise.all([load(new Uint8Array(readFileSync(f))), load(new Uint8Array(readFileSync(path.join(tmp, 'lo', path.basename(f)))))]);
        expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
        for (const ws of a.worksheets) {
          const other = b.getWorksheet(ws.name)!;
          const values = (w: ExcelJS.Worksheet) => {
            const out: string[] = [];
            w.eachRow((row, r) => row.eachCell((cell, c) => {
              const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
              if (v !== null && v !== '') out.push(`${r}:${c}=${typeof v === 'number' ? v : String(v)}`);
            }));
            return out;
          };
          expect(values(other)).toEqual(values(ws));
          expect(other.getCell('A1').font?.name).toBe('Times New Roman');
        }
        expect(b.getWorksheet('Xếp hạng')!.pageSetup.orientation).toBe('landscape');
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 240_000);
}
