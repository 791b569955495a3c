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
import { writeRankingWorkbook } from '../../engine/workbook/ranking-workbook';
import { haveLibreOffice, recalculate } from '../helpers/libreoffice';
import { compile, tinyDef, unit } from './helpers';
import { xmlUnescape } from '../helpers/xml-text';

const set = compile(tinyDef());
const ranking = () =>
  buildRanking([
    unit(set, 'Thái Nguyên', [8, 8, 8, 8], [8, 8, 8, 8], { file: 'tn.xlsx' }),
    unit(set, "Tuyên Quang 'B' & <C>", [8, 8, 8, 8], null, { file: 'tq.xlsx' }),
    unit(set, 'Điện Biên', [10, 10, 10, 10], [10, 8, 10, 7], { file: 'db.xlsx' }),
  ]);


/** The worksheet part of the sheet with this name, found as any reader does: workbook.xml, then its relationships. */
function sheetPart(files: Record<string, Uint8Array>, sheetName: string): string {
  const wb = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const rid = (wb.match(/<sheet\s[^>]*>/g) ?? []).map((tag) => [xmlUnescape(/\sname="([^"]*)"/.exec(tag)?.[1] ?? ''), /\sr:id="([^"]*)"/.exec(tag)?.[1]]).find(([n]) => n === sheetName)?.[1];
  const target = (rels.match(/<Relationship\s[^>]*>/g) ?? []).find((tag) => tag.includes(`Id="${rid}"`))?.match(/Target="([^"]*)"/)?.[1];
  if (!target) throw new Error(`no sheet named "${sheetName}"`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

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

test('one drawing on the ranking sheet only, placed where CT_Worksheet wants it, with unique relationship ids', async () => {
  const files = parts(await writeRankingWorkbook(ranking(), { generatedAt: new Date(2024, 11, 20) }));
  const sheets = Object.keys(files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(sheets.filter((n) => files[n].includes('<drawing '))).toEqual(['xl/worksheets/sheet1.xml']);
  const sheet = files['xl/worksheets/sheet1.xml'];
  // After the page setup, header and footer and row breaks, last before the end.
  expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('<rowBreaks'));
  expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('<headerFooter'));
  expect(sheet.indexOf('</worksheet>')).toBe(sheet.indexOf('<drawing ') + '<drawing r:id="rId1"/>'.length);
  for (const rels of Object.keys(files).filter((n) => n.endsWith('.rels'))) {
    const ids = [...files[rels].matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  }
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
