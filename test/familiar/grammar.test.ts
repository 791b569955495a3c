/**
 * Numbering as a grammar (words before numerals, lowercase roman told from the letter i by its
 * sequence, marks after the numeral), points and scores as people write them: ranges, maxima in the
 * text, negative deductions, typed totals of a workbook without formulas (the v3-cum-2 sample, copy 01:
 * self 81, inspected 74.5 by its manifest).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { compileSet, gridFromRows, type GridCell } from '../../engine/core';
import { importFamiliar, numberingInText, numberingOf, parsePoints } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';

type Row = Array<string | number | null | GridCell>;
const imp = (rows: Row[]) => importFamiliar([gridFromRows('S', rows)]);
const ids = (rows: Row[]) => compileSet(imp(rows).criteriaSet!).nodes.map((n) => n.id);
const H = ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'];

describe('numbering grammar', () => {
  const names = (s: string) => numberingOf(s).map((n) => `${n.scheme.name}:${n.numeral}${n.word ? `:${n.word}` : ''}`);
  test.each([
    ['Phần 1', ['part:1:phan']],
    ['PHẦN A', ['part:A:phan']],
    ['Chương II', ['part:II:chuong']],
    ['Mục 2', ['word:2:muc']],
    ['Nhóm 1', ['word:1:nhom']],
    ['Tiêu chí 3', ['word:3:tieu chi']],
    ['Nội dung 4', ['word:4:noi dung']],
    ['1.', ['decimal:1']],
    ['1.1.', ['decimal:1.1']],
    ['a.', ['lower:a']],
    ['a)', ['lower:a']],
    ['ii', ['lroman:ii']],
    ['i', ['lroman:i', 'lower:i']],
    ['+', ['bullet:+']],
    ['*', ['bullet:*']],
  ])('%s', (cell, expected) => expect(names(cell)).toEqual(expected));

  test('numbering inside the text cell', () => {
    expect(numberingInText('1. Xây dựng kế hoạch')).toMatchObject({ numeral: '1', rest: 'Xây dựng kế hoạch' });
    expect(numberingInText('3.1. Tổ chức hội thảo')).toMatchObject({ numeral: '3.1', rest: 'Tổ chức hội thảo' });
    expect(numberingInText('Tiêu chí 3. Hội thi')).toMatchObject({ numeral: '3', word: 'tieu chi', rest: 'Hội thi' });
  });

  test('"i" after "h" is the letter i; "i", "ii", "iii" opening a list are roman', () => {
    const letters = 'abcdefghi'.split('').map((l): Row => [`${l})`, `Mục ${l}`, 1]);
    expect(ids([H, ['I', 'Phần một', 9], ...letters])).toEqual(['I', ...'abcdefghi'.split('').map((l) => `I.${l}`)]);
    expect(ids([H, ['I', 'Phần một', 6], ['i', 'Một', 1], ['ii', 'Hai', 2], ['iii', 'Ba', 3]])).toEqual(['I', 'I.i', 'I.ii', 'I.iii']);
  });

  test('criteria numbered continuously across sections ("Tiêu chí 1" .. "Tiêu chí 4")', () => {
    const rows: Row[] = [
      H,
      ['Phần 1', 'Công tác thi đua', 5],
      ['Tiêu chí 1', 'Kế hoạch', 2],
      ['Tiêu chí 2', 'Phát động', 3],
      ['Phần 2', 'Đào tạo', 7],
      ['Tiêu chí 3', 'Mở lớp', 4],
      ['Tiêu chí 4', 'Giảng dạy', 3],
    ];
    expect(ids(rows)).toEqual(['1', '1.1', '1.2', '2', '2.3', '2.4']);
    expect(imp(rows).warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });
});

describe('points as written', () => {
  test.each([
    ['10 điểm', 10, false],
    ['2,5', 2.5, false],
    ['0 - 3', 3, true],
    ['từ 0 đến 2,5', 2.5, true],
    ['tối đa 3 điểm', 3, false],
  ])('%s -> %s', (text, value, range) => {
    const p = parsePoints(text);
    expect([p.value, !!p.range, p.fromText]).toEqual([value, range, true]);
  });
  test('a section maximum given only in its text "(20 điểm)" is read, and said so', () => {
    const r = imp([H, ['I', 'CÔNG TÁC CHUYÊN MÔN (7 điểm)', null], ['1', 'Một', 4], ['2', 'Hai', 3]]);
    expect(r.warnings.find((w) => w.code === 'familiar_max_in_text')).toMatchObject({ cell: 'B2', params: { id: 'I', max: 7 } });
    expect(compileSet(r.criteriaSet!).byId.get('I')!.max).toBe(7);
  });
});

describe('scores as written, in a workbook without formulas', () => {
  const DIR = path.resolve(__dirname, '../fixtures/samples/other-layouts-2024/v3-cum-2');
  test('a negative deduction is points off (a note, not a refusal); the typed total that now disagrees is reported at its cell', async () => {
    const blank = await openWorkbook(fs.readFileSync(path.join(DIR, 'blank.xlsx')), 'blank.xlsx');
    const set = compileSet(importFamiliar(blank.opened!.grids, { file: 'blank.xlsx' }).criteriaSet!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(DIR, '01.xlsx')) as never);
    wb.getWorksheet('Bang diem')!.getCell('F32').value = -1;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const s = await scoreWorkbook(bytes, { file: '01.xlsx', criteria: set });
    expect(s.evaluation!.inspected!.penalty).toBe(1);
    expect(s.evaluation!.inspected!.total).toBe(73.5);
    expect(s.evaluation!.self!.total).toBe(81);
    expect(s.problems.find((p) => p.code === 'familiar_negative_deduction')).toMatchObject({ severity: 'warning', cell: 'F32', criterion: '7.1' });
    // The hand-typed TỔNG (74.5) no longer matches the entries: reported like a broken formula.
    expect(s.problems.filter((p) => p.code === 'formula_disagrees').map((p) => [p.cell, p.params?.workbook, p.params?.engine])).toEqual([['F34', 74.5, 73.5]]);
  });
  test('the untouched copy: its typed totals agree, nothing to say', async () => {
    const blank = await openWorkbook(fs.readFileSync(path.join(DIR, 'blank.xlsx')), 'blank.xlsx');
    const set = compileSet(importFamiliar(blank.opened!.grids, { file: 'blank.xlsx' }).criteriaSet!);
    const s = await scoreWorkbook(fs.readFileSync(path.join(DIR, '01.xlsx')), { file: '01.xlsx', criteria: set });
    expect(s.problems.filter((p) => p.code === 'formula_disagrees')).toEqual([]);
  });
});
