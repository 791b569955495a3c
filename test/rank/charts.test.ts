/**
 * Native charts in the ranking workbook: the package's own parts and links (unit), and LibreOffice
 * loading the workbook and saving it again with both charts referencing the right cells.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildRanking } from '../../engine/core';
import { addCharts, sheetPart } from '../../engine/workbook/charts/inject';
import { writeRankingWorkbook } from '../../engine/workbook/ranking-workbook';
import { haveLibreOffice, recalculate } from '../helpers/libreoffice';
import { compile, tinyDef, unit } from './helpers';

const set = compile(tinyDef());
const ranking = () =>
  buildRanking([
    unit(set, 'Thái Nguyên', [8, 8, 8, 8], [8, 8, 8, 8], { file: 'tn.xlsx' }),
    unit(set, "Tuyên Quang 'B' & <C>", [8, 8, 8, 8], null, { file: 'tq.xlsx' }),
    unit(set, 'Điện Biên', [10, 10, 10, 10], [10, 8, 10, 7], { file: 'db.xlsx' }),
  ]);

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(tmpdir(), 'thidua-charts-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

interface ChartRead {
  title: string;
  types: string[];
  series: Array<{ type: string; name: string; values: string; categories: string }>;
}

/** Every chart of the package: title, plot types and each series' references (as any writer saves them). */
function readCharts(files: Record<string, string>): ChartRead[] {
  return Object.keys(files)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .sort()
    .map((n) => {
      const xml = files[n];
      const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      const series: ChartRead['series'] = [];
      const types: string[] = [];
      for (const plot of xml.matchAll(/<c:(barChart|lineChart)>([\s\S]*?)<\/c:\1>/g)) {
        types.push(plot[1]);
        for (const s of plot[2].matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)) {
          const f = (tag: string) => (new RegExp(`<c:${tag}>[\\s\\S]*?<c:f>([^<]*)</c:f>`).exec(s[1])?.[1] ?? '').replace(/&apos;/g, "'");
          const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(s[1])?.[1] ?? '';
          series.push({ type: plot[1], name, values: f('val'), categories: f('cat') });
        }
      }
      return { title, types, series };
    });
}

async function headerRow(bytes: Uint8Array): Promise<{ head: number; last: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Xếp hạng')!;
  let head = 0;
  let last = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(1).value === 'Hạng') head = r;
    if (head && r > head && typeof row.getCell(1).value === 'number') last = r;
  });
  return { head, last };
}

function expectRankingCharts(charts: ChartRead[], head: number, last: number): void {
  const ref = (c: string) => `'Xếp hạng'!$${c}$${head + 1}:$${c}$${last}`;
  expect(charts).toHaveLength(2);
  const [final, selfInsp] = charts;
  expect(final.title).toBe('Điểm xếp hạng theo đơn vị');
  expect(final.types).toEqual(['barChart', 'lineChart']);
  expect(final.series.map((s) => [s.type, s.name, s.values, s.categories])).toEqual([
    ['barChart', 'Điểm xếp hạng', ref('E'), ref('B')],
    ['lineChart', 'Ngưỡng Cờ thi đua (30)', ref('K'), ref('B')],
    ['lineChart', 'Ngưỡng Bằng khen (25)', ref('L'), ref('B')],
  ]);
  expect(selfInsp.title).toBe('Điểm tự chấm và điểm Cụm chấm');
  expect(selfInsp.series.map((s) => [s.type, s.name, s.values, s.categories])).toEqual([
    ['barChart', 'Điểm tự chấm', ref('C'), ref('B')],
    ['barChart', 'Điểm Cụm chấm', ref('D'), ref('B')],
  ]);
}

test('the package carries two chart parts, linked from the sheet, with content types', async () => {
  const bytes = await writeRankingWorkbook(ranking(), { generatedAt: new Date(2024, 11, 20) });
  const files = parts(bytes);
  const sheet = sheetPart(unzipSync(bytes), 'Xếp hạng');
  const rels = files[sheet.replace('worksheets/', 'worksheets/_rels/') + '.rels'];
  const rid = /<drawing r:id="([^"]+)"\/>/.exec(files[sheet])![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="\\.\\./drawings/(drawing\\d+\\.xml)"`).exec(rels)![1];
  const drawingRels = files[`xl/drawings/_rels/${target}.rels`];
  expect(drawingRels.match(/Target="\.\.\/charts\/chart\d+\.xml"/g)).toHaveLength(2);
  expect(files['[Content_Types].xml']).toContain(`PartName="/xl/drawings/${target}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"`);
  for (const c of ['chart1', 'chart2']) expect(files['[Content_Types].xml']).toContain(`PartName="/xl/charts/${c}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
  const { head, last } = await headerRow(bytes);
  expect(last - head).toBe(3);
  expectRankingCharts(readCharts(files), head, last);
  // The caches carry the shown values: unit names escaped, final scores.
  expect(files['xl/charts/chart1.xml']).toContain("<c:v>Tuyên Quang 'B' &amp; &lt;C&gt;</c:v>");
});

test('the drawing goes before a note drawing and takes a free relationship id', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("It's");
  ws.getCell('A1').value = 'x';
  ws.getCell('A1').note = 'a note';
  ws.getCell('B1').value = { text: 'link', hyperlink: 'https://example.org' };
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const out = parts(
    addCharts(bytes, "It's", [
      { title: 'T', categoriesRef: "'It''s'!$A$1:$A$1", categories: ['x'], series: [{ name: 's', valuesRef: "'It''s'!$C$1:$C$1", values: [1] }], from: { col: 0, row: 2 }, to: { col: 4, row: 10 } },
    ]),
  );
  const sheet = out['xl/worksheets/sheet1.xml'];
  expect(sheet.indexOf('<drawing ')).toBeGreaterThan(0);
  expect(sheet.indexOf('<drawing ')).toBeLessThan(sheet.indexOf('<legacyDrawing '));
  const ids = [...out['xl/worksheets/_rels/sheet1.xml.rels'].matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(3);
  expect(() => addCharts(bytes, 'Nope', [])).not.toThrow();
  expect(() => addCharts(bytes, 'Nope', [{ title: 'T', categoriesRef: '', categories: [], series: [], from: { col: 0, row: 0 }, to: { col: 1, row: 1 } }])).toThrow(/no sheet named "Nope"/);
});

if (haveLibreOffice('ranking charts loaded by LibreOffice')) {
  test('LibreOffice loads both charts and saves them with the same series and cells', async () => {
    const bytes = await writeRankingWorkbook(ranking(), { generatedAt: new Date(2024, 11, 20) });
    const f = path.join(tmp, 'ranking.xlsx');
    writeFileSync(f, bytes);
    const out = path.join(tmp, 'lo');
    recalculate([f], out);
    const saved = new Uint8Array(readFileSync(path.join(out, 'ranking.xlsx')));
    const { head, last } = await headerRow(saved);
    expect(head).toBeGreaterThan(0);
    expectRankingCharts(readCharts(parts(saved)), head, last);
  }, 240_000);
}
