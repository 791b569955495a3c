import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { criteriaSetSchema, evaluate, loadCriteriaDef, loadCriteriaText } from '../../engine/core';
import { loadCriteriaWorkbook } from '../../engine/workbook/criteria-sheet';
import { DEFAULT_SET_FILE, ROOT } from '../helpers/sets';

describe('criteria-set loaders', () => {
  test('YAML: the default set loads, and its JSON form gives the same hash', () => {
    const y = loadCriteriaText(readFileSync(DEFAULT_SET_FILE, 'utf8'), 'default.yaml');
    expect(y.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const j = loadCriteriaText(JSON.stringify(y.def, null, 2), 'default.json');
    expect(j.set!.hash).toBe(y.set!.hash);
    expect(j.set!.leaves.map((l) => l.kind)).toEqual(y.set!.leaves.map((l) => l.kind));
  });

  test('YAML syntax errors give the line', () => {
    const r = loadCriteriaText('id: x\ntitle: y\nsections:\n  - id: A\n    text: [unclosed\n', 'bad.yaml');
    expect(r.problems[0]).toMatchObject({ code: 'syntax_error', file: 'bad.yaml' });
    expect(r.problems[0].line).toBeGreaterThanOrEqual(5);
  });

  test('schema and lint problems point to the line of the criterion', () => {
    const text = [
      'id: x',
      'title: y',
      'sections:',
      '  - id: A',
      '    text: A',
      '    max: 10',
      '    children:',
      '      - id: A.1',
      '        text: one',
      '        max: 4',
      '      - id: A.2',
      '        text: two',
      '        max: "five"',
    ].join('\n');
    const r = loadCriteriaText(text, 'x.yaml');
    expect(r.problems[0]).toMatchObject({ code: 'schema_error', line: 13 });
    const r2 = loadCriteriaText(text.replace('"five"', '5'), 'x.yaml');
    expect(r2.problems[0]).toMatchObject({ code: 'max_mismatch', line: 4, criterion: 'A' });
  });

  test('JSON syntax errors are reported, not thrown', () => {
    const r = loadCriteriaText('{"id": "x", "title": ', 'x.json');
    expect(r.set).toBeNull();
    expect(r.problems[0].code).toBe('syntax_error');
  });

  test('a definition is compiled once per hash (1,000 workbooks embedding one set), unless asked not to', () => {
    const def = loadCriteriaText(readFileSync(DEFAULT_SET_FILE, 'utf8')).def!;
    const a = loadCriteriaDef(JSON.parse(JSON.stringify(def)), { file: 'a.xlsx' });
    const b = loadCriteriaDef(JSON.parse(JSON.stringify(def)), { file: 'b.xlsx' });
    expect(b.set).toBe(a.set);
    expect(loadCriteriaDef(def, { cache: false }).set).not.toBe(a.set);
  });

  test('the published schema file is in sync with the kinds', () => {
    const published = JSON.parse(readFileSync(path.join(ROOT, 'templates/criteria-set.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(criteriaSetSchema())));
  });
});

async function sheetWorkbook(rows: unknown[][], extra: (wb: ExcelJS.Workbook) => void = () => {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  rows.forEach((r) => ws.addRow(r));
  extra(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('criteria set authored as an Excel sheet', () => {
  const header = ['Mã', 'TT', 'Nội dung', 'Điểm chuẩn', 'Loại', 'Phần', 'Tối đa', 'Công thức', 'Danh mục', 'Mỗi lần', 'Không xét'];
  const rows = [
    header,
    ['I', 'I', 'Kế hoạch', 10, '', '', '', '', '', '', ''],
    ['I.1', '1', 'Xây dựng kế hoạch', '4', '', '', '', '', '', '', ''],
    ['I.2', '2', 'Số lớp', '6', 'formula', '', '', 'min(6, 6 * mo / kh)', '', '', ''],
    [],
    ['II', 'II', 'Hoạt động Cụm', '4', '', '', '', '', '', '', ''],
    ['II.1', '1', 'Tham gia', '4', 'checklist', '', '', '', 'a=2: Hội thảo; b=2: Thể thao', '', ''],
    ['VI', 'VI', 'ĐIỂM THƯỞNG', 2, '', 'thưởng', 2, '', '', '', ''],
    ['VI.1', '1', 'Sáng kiến', '2,5', '', '', '', '', '', '', ''],
    ['VII', 'VII', 'ĐIỂM TRỪ', '', '', 'trừ', '', '', '', '', ''],
    ['VII.1', '1', 'Kỷ luật', '', '', '', '', '', '', 5, 'co'],
  ];
  const extra = (wb: ExcelJS.Workbook) => {
    const s = wb.addWorksheet('Thiết lập');
    [['Khóa', 'Giá trị'], ['id', 'cum-test'], ['title', 'Bảng thử'], ['year', 2025], ['step', 0.5]].forEach((r) => s.addRow(r));
    const i = wb.addWorksheet('Chỉ số');
    [['id', 'Nội dung', 'Số nguyên'], ['kh', 'Kế hoạch', 'có'], ['mo', 'Đã mở', 'có']].forEach((r) => i.addRow(r));
    const a = wb.addWorksheet('Khen thưởng');
    [['id', 'Nhãn', 'Số lượng', 'Ngưỡng'], ['co', 'Cờ thi đua', 1, 12]].forEach((r) => a.addRow(r));
  };

  test('rows become a nested set with kinds, roles, caps, deductions and policy', async () => {
    const r = await loadCriteriaWorkbook(await sheetWorkbook(rows, extra), 'bang.xlsx');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const set = r.set!;
    expect(set.id).toBe('cum-test');
    expect(set.def.year).toBe(2025);
    expect(set.leaves.map((l) => `${l.id}:${l.kind}`)).toEqual(['I.1:manual', 'I.2:formula', 'II.1:checklist', 'VI.1:bonus', 'VII.1:deduction']);
    expect(set.maxBase).toBe(14);
    expect(set.maxBonus).toBe(2);
    const ev = evaluate(set, { self: { 'I.1': 4, '@kh': 4, '@mo': 3, 'II.1/a': 'x', 'VI.1': 2.5, 'VII.1': 5 } });
    expect(ev.self).toMatchObject({ base: 10.5, bonus: 2, penalty: 5, total: 7.5 });
    expect(ev.disqualifications.map((d) => d.award)).toEqual(['co']);
  });

  test('a deduction row says whether it takes cases (số lần) or points (số điểm)', async () => {
    const withEntry = rows.map((r, i) => [...r, i === 0 ? 'Cách ghi' : i === 10 ? 'số lần' : '']);
    const r = await loadCriteriaWorkbook(await sheetWorkbook(withEntry, extra), 'bang.xlsx');
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ev = evaluate(r.set!, { self: { 'I.1': 4, '@kh': 4, '@mo': 3, 'II.1/a': 'x', 'VI.1': 2, 'VII.1': 2 } });
    expect(ev.self).toMatchObject({ penalty: 10 }); // 2 cases x 5 points
    const bad = withEntry.map((x) => [...x]);
    bad[10][11] = 'vài lần';
    const b = await loadCriteriaWorkbook(await sheetWorkbook(bad, extra), 'bang.xlsx');
    expect(b.problems.find((p) => p.code === 'criteria_bad_value')).toMatchObject({ sheet: 'Tiêu chí', cell: 'L11' });
  });

  test('errors name the sheet and cell of the row', async () => {
    const bad = rows.map((r) => [...r]);
    bad[3][3] = '7'; // I.2 max 7: section I's children add up to 11, not 10
    bad[6][8] = 'a-2 Hội thảo';
    const r = await loadCriteriaWorkbook(await sheetWorkbook(bad, extra), 'bang.xlsx');
    expect(r.set).toBeNull();
    expect(r.problems.find((p) => p.code === 'criteria_bad_value')).toMatchObject({ sheet: 'Tiêu chí', cell: 'I7' });
    const fixed = bad.map((x) => [...x]);
    fixed[6][8] = 'a=2: Hội thảo; b=2: Thể thao';
    const r2 = await loadCriteriaWorkbook(await sheetWorkbook(fixed, extra), 'bang.xlsx');
    expect(r2.problems.find((p) => p.code === 'max_mismatch')).toMatchObject({ sheet: 'Tiêu chí', cell: 'A2', criterion: 'I' });
  });

  test('a workbook with no criteria sheet is refused clearly', async () => {
    const r = await loadCriteriaWorkbook(await sheetWorkbook([['x', 'y']]), 'empty.xlsx');
    expect(r.problems.map((p) => p.code)).toEqual(['criteria_sheet_missing']);
  });
});
