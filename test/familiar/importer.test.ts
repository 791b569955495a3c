/**
 * The importer's layout-dependent choices one by one, on small grids built in memory (the add-in's
 * Office.js grids have merged cells empty except the top-left one: those are covered here too), and the
 * familiar-layout reader's strictness (missing and extra rows, edited maxima, formulas in entry cells).
 */
import ExcelJS from 'exceljs';
import { compileSet, gridFromRows, loadCriteriaDef, type GridCell } from '../../engine/core';
import {
  findTableOnSheet,
  importFamiliar,
  labelRoles,
  numberingOf,
  parseClassification,
  parsePoints,
  SheetFormulas,
} from '../../engine/core/familiar';
import { TOTAL_ROWS } from '../../engine/core/familiar/vocabulary';
import { scoreWorkbook } from '../../engine/workbook/score';

type Row = Array<string | number | null | GridCell>;
const B = (value: string | number): GridCell => ({ value, bold: true });

function imp(rows: Row[], merges: Parameters<typeof gridFromRows>[2] = []) {
  const r = importFamiliar([gridFromRows('S', rows, merges)]);
  return { ...r, codes: r.warnings.map((w) => w.code) };
}
const ids = (r: ReturnType<typeof imp>) => compileSet(r.criteriaSet!).nodes.map((n) => n.id);

describe('header labels', () => {
  test.each([
    ['TT', 'number'],
    ['S TT', 'number'],
    ['Nội dung, tiêu chí chấm điểm', 'text'],
    ['noi dung', 'text'],
    ['ĐIỂM CHUẨN', 'max'],
    ['Thang điểm', 'max'],
    ['Điểm tối đa', 'max'],
    ['Đơn vị tự chấm', 'self'],
    ['Điểm Cụm chấm', 'inspected'],
    ['Đoàn kiểm tra chấm', 'inspected'],
    ['Max points', 'max'],
    ['Self score', 'self'],
    ['Inspection score', 'inspected'],
    ['Minh chứng', 'evidence'],
    ['Ghi chú', 'remarks'],
  ])('%s -> %s', (label, role) => expect(labelRoles(label)[0]).toBe(role));

  test('"Ghi chú / Tài liệu kiểm chứng" serves remarks and evidence; long content is no label', () => {
    expect(labelRoles('Ghi chú / Tài liệu kiểm chứng').sort()).toEqual(['evidence', 'remarks']);
    expect(labelRoles('Tổ chức tự chấm điểm và gửi hồ sơ minh chứng về Cụm trưởng đúng thời hạn quy định của Học viện')).toEqual([]);
  });

  test('a two-row header from an Office.js grid (merged cells empty but the first)', () => {
    const rows: Row[] = [
      ['Bảng điểm'],
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Điểm chấm', null, 'Ghi chú'],
      [null, null, null, 'Tự chấm', 'Cụm chấm', null],
      ['I', 'Phần một', 10, null, null],
      ['1', 'Việc một', 10, 9, 8, 'ok'],
    ];
    const merges = [
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 5 },
      { top: 2, left: 6, bottom: 3, right: 6 },
    ];
    const t = findTableOnSheet(gridFromRows('S', rows, merges))!;
    expect(t.columns).toEqual({ number: 1, text: 2, max: 3, self: 4, inspected: 5, remarks: 6 });
    expect([t.headerTop, t.headerBottom, t.firstDataRow]).toEqual([2, 3, 4]);
  });

  test('no table: a sheet without the labels gives no_scoring_table', () => {
    const r = imp([['Danh sách'], ['TT', 'Họ tên'], [1, 'A']]);
    expect(r.criteriaSet).toBeNull();
    expect(r.codes).toEqual(['no_scoring_table']);
  });
});

describe('numbering', () => {
  test('schemes recognised in the number cell', () => {
    const names = (s: string) => numberingOf(s).map((n) => `${n.scheme.name}:${n.numeral}`);
    expect(names('II')).toEqual(['roman:II']);
    expect(names('C')).toEqual(['roman:C', 'upper:C']);
    expect(names('Phần 2')).toEqual(['part:2']);
    expect(names('2.3.1')).toEqual(['decimal:2.3.1']);
    expect(names('b)')).toEqual(['lower:b']);
    expect(names('-')).toEqual(['bullet:-']);
    expect(names('x.y')).toEqual([]);
  });

  test('an ambiguous letter continues the sequence it belongs to (A, B, C are letters; IV, V roman)', () => {
    const r = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('A'), B('Một'), 2],
      ['1', 'a1', 2],
      [B('B'), B('Hai'), 2],
      ['1', 'b1', 2],
      [B('C'), B('Ba'), 2],
      ['1', 'c1', 2],
    ]);
    expect(ids(r)).toEqual(['A', 'A.1', 'B', 'B.1', 'C', 'C.1']);
    const roman = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('IV'), B('Bốn'), 2],
      ['1', 'x', 2],
      [B('V'), B('Năm'), 2],
      ['1', 'y', 2],
    ]);
    expect(ids(roman)).toEqual(['IV', 'IV.1', 'V', 'V.1']);
  });

  test('a number not under its parent is flagged; repeated numbers get unique ids', () => {
    const r = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('I'), B('Một'), 6],
      ['1', 'x', 2],
      ['3.1', 'lạc chỗ', 2],
      ['1', 'lặp', 2],
    ]);
    expect(r.codes).toContain('familiar_number_mismatch');
    expect(r.codes).toContain('familiar_duplicate_number');
    expect(new Set(ids(r)).size).toBe(ids(r).length);
  });

  test('an unknown numbering is reported and the row placed by formatting', () => {
    const r = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('I'), B('Một'), 4],
      ['(*)', 'lạ', 4],
    ]);
    expect(r.codes).toContain('familiar_number_unknown');
    expect(ids(r)).toEqual(['I', 'I.1']);
  });
});

describe('points, totals, sections', () => {
  test.each([
    [5, 5, false],
    ['2,5', 2.5, false],
    ['5 điểm', 5, false],
    ['(5đ)', 5, false],
    ['tối đa 3 điểm', 3, false],
    ['năm điểm', null, true],
    ['-', null, false],
  ])('max %p -> %p', (raw, value, unreadable) => {
    const p = parsePoints(raw);
    expect(p.value).toBe(value);
    expect(p.unreadable).toBe(unreadable);
  });

  test('total rows are told from criteria ("Cộng" vs "Công tác")', () => {
    const t = (s: string) => TOTAL_ROWS.test(s.normalize('NFC').toLocaleLowerCase('vi'));
    for (const s of ['CỘNG (I + II)', 'Tổng cộng', 'TỔNG ĐIỂM', 'Total', 'Cong (I+II)', 'Tổng:']) expect(t(s)).toBe(true);
    for (const s of ['Công tác thi đua', 'Cộng đồng'.replace('Cộng', 'Công'), 'Tổng kết thực tiễn', 'Totally new']) expect(t(s)).toBe(false);
  });

  test('an unreadable or missing max is an error naming the cell; the set then fails to load', () => {
    const r = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('I'), B('Một'), 4],
      ['1', 'x', 'bốn'],
      ['2', 'y', null],
    ]);
    const errs = r.warnings.filter((w) => w.severity === 'error');
    expect(errs.map((e) => [e.code, e.cell])).toEqual([
      ['familiar_max_unreadable', 'C3'],
      ['familiar_no_max', 'C4'],
    ]);
    expect(loadCriteriaDef(r.criteriaSet).set).toBeNull();
  });

  test('bonus without any cap takes the sum of its items; deductions read per-occurrence and barred awards', () => {
    const r = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('I'), B('Một'), 4],
      ['1', 'x', 4],
      [B('II'), B('Điểm thưởng'), null],
      ['1', 'a', 1],
      ['2', 'b', 1.5],
      [B('III'), B('Điểm trừ'), null],
      ['1', 'Chậm báo cáo', '-0,5 điểm/lần'],
      ['2', 'Bị kỷ luật, không được xét tặng Bằng khen', 2],
    ]);
    const set = r.criteriaSet!;
    expect(set.sections[1]).toMatchObject({ role: 'bonus', cap: 2.5 });
    expect(r.codes).toContain('familiar_cap_guessed');
    expect(set.sections[2].children![0]).toMatchObject({ perOccurrence: 0.5 });
    expect(set.sections[2].children![1]).toMatchObject({ max: 2, disqualifies: ['bang-khen'] });
    expect(set.policy!.awards!.map((a) => a.id)).toEqual(['bang-khen']);
    expect(loadCriteriaDef(set).set).not.toBeNull();
  });

  test('the step is the largest usual step every maximum is a multiple of', () => {
    const r = imp([
      ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
      [B('I'), B('Một'), 3.15],
      ['1', 'x', 3],
      ['2', 'y', 0.15],
    ]);
    expect(r.criteriaSet!.step).toBe(0.05);
  });
});

describe('notes', () => {
  test('classification notes in several wordings', () => {
    expect(parseClassification('Xếp loại: Xuất sắc từ 95 điểm; Tốt từ 85 đến dưới 95; Khá từ 70 đến dưới 85; Trung bình dưới 70.')).toEqual([
      { label: 'Xuất sắc', labelEn: 'Excellent', min: 95 },
      { label: 'Tốt', labelEn: 'Good', min: 85 },
      { label: 'Khá', labelEn: 'Fair', min: 70 },
      { label: 'Trung bình', labelEn: 'Average', min: 0 },
    ]);
    expect(parseClassification('Classification: Excellent >= 90; Good >= 75; Average below 75')!.map((b) => [b.labelEn, b.min])).toEqual([
      ['Excellent', 90],
      ['Good', 75],
      ['Average', 0],
    ]);
    expect(parseClassification('Phân loại: Loại A từ 90; Loại B từ 80; Loại C dưới 80')).toEqual([
      { label: 'Loại A', min: 90 },
      { label: 'Loại B', min: 80 },
      { label: 'Loại C', min: 0 },
    ]);
    expect(parseClassification('Xếp loại: theo quy định của Học viện')).toBeNull();
  });
});

describe('workbook formulas', () => {
  test('SUM, MIN, + and - over the sheet, text skipped by SUM, cached results trusted', () => {
    const g = gridFromRows('S', [
      [1, 2, '3'],
      [{ value: null, formula: 'SUM(A1:C1)' }, { value: null, formula: 'A1+B1-A2' }, { value: 7, formula: 'A1' }],
      [{ value: null, formula: 'MIN(5,SUM(A1,B1,A2))' }, { value: null, formula: 'A1+C1' }, { value: null, formula: 'VLOOKUP(A1,A1:B2,2)' }],
    ]);
    const f = new SheetFormulas(g);
    expect(f.valueAt(2, 1)).toBe(3);
    expect(f.valueAt(2, 2)).toBe(0);
    expect(f.valueAt(2, 3)).toBe(7);
    expect(f.valueAt(3, 1)).toBe(5);
    expect(f.valueAt(3, 2)).toBe(4); // "3" typed as text is converted in arithmetic, as Excel does
    expect(f.valueAt(3, 3)).toBeNull(); // unsupported: not compared
  });
});

describe('reading filled workbooks against a set', () => {
  const ROWS: Array<[string, string, number | string | null, number | string | null, number | string | null]> = [
    ['I', 'MỘT', 10, null, null],
    ['1', 'Việc một', 4, 4, 3],
    ['2', 'Việc hai', 6, '5,5', 'tám'],
    ['', 'CỘNG', 10, null, null],
  ];
  async function workbook(rows = ROWS, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Điểm');
    ws.addRow(['Đơn vị: Trường Chính trị tỉnh Thử']);
    ws.addRow(['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm', 'Cụm chấm']);
    rows.forEach((r) => ws.addRow(r));
    edit?.(ws);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  async function score(bytes: Buffer) {
    const { openWorkbook } = await import('../../engine/workbook/open');
    const { opened } = await openWorkbook(await workbook(), 'base.xlsx');
    const set = compileSet(importFamiliar(opened!.grids).criteriaSet!);
    return scoreWorkbook(bytes, { file: 'filled.xlsx', criteria: set });
  }

  test('raw values reach the kernel: "5,5" is 5.5, "tám" is an error at its cell; unit from the title block', async () => {
    const r = await score(await workbook());
    expect(r.unit).toBe('Trường Chính trị tỉnh Thử');
    expect(r.evaluation!.self!.total).toBe(9.5);
    expect(r.problems.find((p) => p.code === 'non_numeric')).toMatchObject({ sheet: 'Điểm', cell: 'E5', criterion: 'I.2', column: 'inspected' });
  });

  test('a deleted row, an added row and an edited max are errors naming the row', async () => {
    const rows = [ROWS[0], ROWS[1], ['3', 'Việc ba thêm vào', 2, 2, 2], ROWS[3]] as typeof ROWS;
    const r = await score(await workbook(rows));
    const codes = r.problems.map((p) => [p.code, p.criterion ?? p.cell]);
    expect(codes).toContainEqual(['familiar_missing_criterion', 'I.2']);
    expect(codes).toContainEqual(['familiar_extra_row', 'B5']);
    const edited = await score(await workbook([ROWS[0], ['1', 'việc   MỘT', 5, 4, 3], ROWS[2], ROWS[3]] as typeof ROWS));
    expect(edited.problems.find((p) => p.code === 'familiar_max_changed')).toMatchObject({ cell: 'C4', criterion: 'I.1' });
    // Spacing, case and diacritics in the text do not matter for matching.
    expect(edited.problems.some((p) => p.code === 'familiar_missing_criterion' || p.code === 'familiar_text_differs')).toBe(false);
  });

  test('rows matched by text when renumbered; a broken SUM is reported, a right one is not', async () => {
    const rows = [ROWS[0], ['a', 'Việc một', 4, 4, 3], ['b', 'Việc hai', 6, 5, 5], ROWS[3]] as typeof ROWS;
    const r = await score(
      await workbook(rows, (ws) => {
        ws.getCell('D6').value = { formula: 'SUM(D4:D4)' } as ExcelJS.CellFormulaValue;
        ws.getCell('E6').value = { formula: 'E4+E5' } as ExcelJS.CellFormulaValue;
      }),
    );
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const disagree = r.problems.filter((p) => p.code === 'formula_disagrees');
    expect(disagree.map((p) => [p.cell, p.params?.workbook, p.params?.engine])).toEqual([['D6', 4, 9]]);
  });
});
