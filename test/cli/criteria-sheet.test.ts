/**
 * A criteria set authored as an Excel sheet (the README's third format) through the real binary:
 * lint, template, check --criteria, score --criteria and rank --criteria. It used to crash every
 * command ("Cannot find module .../criteria-sheet", an extensionless dynamic import under tsx).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { thidua } from '../helpers/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-sheet-'));
const SHEET = path.join(dir, 'bang-tieu-chi.xlsx');

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  [
    ['Mã', 'TT', 'Nội dung', 'Điểm chuẩn', 'Loại', 'Phần', 'Tối đa', 'Công thức', 'Danh mục', 'Mỗi lần'],
    ['I', 'I', 'Kế hoạch', 10],
    ['I.1', '1', 'Xây dựng kế hoạch', 4],
    ['I.2', '2', 'Số lớp', 6, 'formula', '', '', 'min(6, 6 * mo / kh)'],
    ['II', 'II', 'Hoạt động Cụm', 4],
    ['II.1', '1', 'Tham gia', 4, 'checklist', '', '', '', 'a=2: Hội thảo; b=2: Thể thao'],
    ['VI', 'VI', 'ĐIỂM THƯỞNG', 2, '', 'thưởng', 2],
    ['VI.1', '1', 'Sáng kiến', 2.5],
    ['VII', 'VII', 'ĐIỂM TRỪ', '', '', 'trừ'],
    ['VII.1', '1', 'Kỷ luật', '', '', '', '', '', '', 5],
  ].forEach((r) => ws.addRow(r));
  const s = wb.addWorksheet('Thiết lập');
  [['Khóa', 'Giá trị'], ['id', 'cum-bang-excel'], ['title', 'Bảng từ Excel'], ['year', 2025], ['step', 0.5]].forEach((r) => s.addRow(r));
  const i = wb.addWorksheet('Chỉ số');
  [['id', 'Nội dung', 'Số nguyên'], ['kh', 'Kế hoạch', 'có'], ['mo', 'Đã mở', 'có']].forEach((r) => i.addRow(r));
  writeFileSync(SHEET, new Uint8Array(await wb.xlsx.writeBuffer()));
});

const submission = (name: string, unit: string, self: Record<string, unknown>) => {
  const p = path.join(dir, `${name}.json`);
  writeFileSync(p, JSON.stringify({ unit, year: 2025, self }));
  return p;
};

test('lint reads the sheet', () => {
  const r = thidua(['lint', SHEET, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, leaves: 5, maxBase: 14, maxBonus: 2, criteriaSet: { id: 'cum-bang-excel' } });
});

test('template writes a blank workbook from the sheet, and check reads it back with --criteria', () => {
  const out = path.join(dir, 'mau.xlsx');
  const t = thidua(['template', SHEET, '--unit', 'Trường Chính trị tỉnh Phú Thọ', '-o', out]);
  expect(t.stderr).toBe('');
  expect(t.code).toBe(0);
  const c = thidua(['check', out, '--criteria', SHEET, '--json']);
  // Read back as a template of the sheet's set; nothing entered yet is its only problem.
  const doc = JSON.parse(c.stdout);
  expect(doc).toMatchObject({ ok: false, unit: 'Trường Chính trị tỉnh Phú Thọ', layout: 'template', criteriaSet: { id: 'cum-bang-excel' } });
  expect(doc.problems.map((p: { code: string }) => p.code)).toEqual(['column_empty']);
  expect(c.code).toBe(1);
});

test('check, score and rank score JSON submissions against the sheet', () => {
  const a = submission('a', 'Trường A', { 'I.1': 4, '@kh': 4, '@mo': 3, 'II.1/a': 'x', 'VI.1': 2.5, 'VII.1': 0 });
  const b = submission('b', 'Trường B', { 'I.1': 4, '@kh': 4, '@mo': 4, 'II.1/a': 'x', 'II.1/b': 'x', 'VI.1': 0, 'VII.1': 0 });
  const c = thidua(['check', a, '--criteria', SHEET, '--json']);
  expect(c.code).toBe(0);
  expect(JSON.parse(c.stdout).ok).toBe(true);

  const s = thidua(['score', a, '--criteria', SHEET, '--json']);
  expect(s.code).toBe(0);
  // I.2 = min(6, 6*3/4) = 4.5; base 4 + 4.5 + 2 = 10.5; bonus capped at 2.
  expect(JSON.parse(s.stdout)[0].self).toMatchObject({ base: 10.5, bonus: 2, penalty: 0, total: 12.5 });

  const r = thidua(['rank', a, b, '--criteria', SHEET, '--json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.ranking.map((u: { unit: string; final: number }) => [u.unit, u.final])).toEqual([
    ['Trường B', 14],
    ['Trường A', 12.5],
  ]);
});
