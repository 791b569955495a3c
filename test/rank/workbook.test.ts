/** The ranking workbook in-process: styled, printable, every input in Nguồn, shared ranks shown. */
import { writeFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { writeRankingWorkbook } from '../../engine/workbook/ranking-workbook';
import { readRankingWorkbook, xlsxXml } from './read-ranking';
import { small } from './ranking-cases';

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(tmpdir(), 'thidua-rank-wb-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function write(lang: 'vi' | 'en' = 'vi') {
  const r = small();
  const f = path.join(tmp, `r-${lang}.xlsx`);
  writeFileSync(f, await writeRankingWorkbook(r, { lang, generatedAt: new Date(2024, 11, 20) }));
  return { r, f };
}

test('ranking sheet: shared rank, notes, awards summary, refused file line', async () => {
  const { r, f } = await write();
  const wb = await readRankingWorkbook(f);
  expect(wb.ranking.map((x) => [x.rank, x.unit, x.source])).toEqual([
    [1, 'Điện Biên', 'Cụm chấm'],
    [2, 'Thái Nguyên', 'Cụm chấm'],
    [2, 'Tuyên Quang', 'Tự chấm'],
  ]);
  expect(wb.ranking[1].notes).toContain('đồng hạng 2');
  expect(r.refused).toBe(1);
  const texts: string[] = [];
  wb.rankingSheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
  expect(texts.some((t) => t.includes('CỤM THỬ NGHIỆM'))).toBe(true);
  expect(texts.some((t) => t.includes('NĂM 2024'))).toBe(true);
  expect(texts.some((t) => t.startsWith('- Cờ thi đua') && t.includes('Điện Biên'))).toBe(true);
  expect(texts.some((t) => t.includes('1 tệp không được đưa vào xếp hạng'))).toBe(true);
  expect(texts).toContain('TRƯỞNG CỤM THI ĐUA');
});

test('sources: every input with its hash, status and problems', async () => {
  const { f } = await write();
  const wb = await readRankingWorkbook(f);
  expect(wb.sources.map((s) => [s.file, s.status])).toEqual([
    ['tn.xlsx', 'Đã xếp hạng'],
    ['tq.xlsx', 'Đã xếp hạng'],
    ['db.xlsx', 'Đã xếp hạng'],
    ['hong.xlsx', 'Bị từ chối'],
  ]);
  expect(wb.sources[0].sha256).toBe('a'.repeat(64));
  expect(wb.sources[3].problems).toContain('not_xlsx');
  expect(wb.sources[3].problems).toContain('2 lỗi, 0 cảnh báo');
});

test('discrepancies with remarks, and the large one highlighted by a conditional format', async () => {
  const { f } = await write();
  const wb = await readRankingWorkbook(f);
  expect(wb.discrepancies.map((d) => [d.unit, d.number, d.self, d.inspected, d.delta, d.remark])).toEqual([
    ['Điện Biên', 'I.2', 10, 8, -2, 'Thiếu minh chứng'],
    ['Điện Biên', 'III.1', 10, 7, -3, 'Chưa đạt'],
  ]);
  const xml = xlsxXml(f);
  expect(xml['xl/worksheets/sheet3.xml']).toContain('ABS($G');
  expect(xml['xl/worksheets/sheet1.xml']).toContain('LEN($H'); // award rows
});

test('print setup, frozen headers, print titles and widths on every sheet', async () => {
  const { f } = await write();
  const xml = xlsxXml(f);
  for (let i = 1; i <= 4; i++) {
    const s = xml[`xl/worksheets/sheet${i}.xml`];
    expect(s).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"|<pageSetup[^>]*orientation="landscape"[^>]*paperSize="9"/);
    expect(s).toContain('state="frozen"');
    expect(s).toMatch(/<col [^>]*width=/);
  }
  expect(xml['xl/workbook.xml']).toContain('_xlnm.Print_Titles');
  expect(xml['xl/styles.xml']).toMatch(/numFmtId="2"/); // 0.00 (built in)
  expect(xml['xl/styles.xml']).toContain('formatCode="+0.00;-0.00;0.00"');
  expect(xml['xl/styles.xml']).toContain('<left style="thin">');
});

test('English headers with --lang en, sheet names stay the official ones', async () => {
  const { f } = await write('en');
  const wb = await readRankingWorkbook(f);
  expect(wb.sheetNames).toEqual(['Xếp hạng', 'Ma trận điểm', 'Chênh lệch', 'Nguồn']);
  expect(wb.ranking[0]).toMatchObject({ unit: 'Điện Biên', source: 'Inspection', classification: 'Excellent' });
});
