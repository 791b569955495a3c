/**
 * When the numbering tree does not add up to the maxima, the warning says which reading of the
 * numbering was tried ("đọc 'i' là số La Mã viết thường", "đánh số liên tục qua các phần", rows placed
 * by indentation), the other readings the cell allowed, and the cell, in Vietnamese and in English.
 */
import { importFamiliar } from '../../engine/core/familiar';
import { gridFromRows, type GridCell } from '../../engine/core/grid';
import type { CellValue } from '../../engine/core/kinds/types';
import { openWorkbook } from '../../engine/workbook/open';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';

type Row = Array<CellValue | GridCell>;
const HEADER: Row = ['TT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm'];
const bold = (value: CellValue): GridCell => ({ value, bold: true });

function mismatches(rows: Row[]) {
  const r = importFamiliar([gridFromRows('Bảng điểm', [HEADER, ...rows])], { file: 'bang.xlsx' });
  expect(r.criteriaSet).not.toBeNull();
  return r.warnings.filter((w) => w.code === 'familiar_tree_mismatch');
}

test("lowercase roman 'i, ii, iii' under \"Mục I\": the reading, the other reading (a letter) and the cell are said", () => {
  const w = mismatches([
    [bold('Mục I'), bold('CÔNG TÁC CHUYÊN MÔN'), bold(10)],
    ['i', 'Giảng dạy', 4, 4],
    ['ii', 'Nghiên cứu', 4, 3],
    ['iii', 'Bồi dưỡng', 3, 3],
    [bold('Mục II'), bold('CÔNG TÁC KHÁC'), bold(5)],
    ['i', 'Văn hóa', 5, 5],
  ]);
  expect(w).toHaveLength(1);
  expect(w[0]).toMatchObject({ severity: 'warning', sheet: 'Bảng điểm', cell: 'C2', criterion: 'I', file: 'bang.xlsx' });
  expect(w[0].params).toMatchObject({ id: 'I', sum: 11, max: 10, cell: 'A3' });
  expect(w[0].messages.vi).toBe(
    "Các mục con của I cộng lại được 11 nhưng I ghi 10 khi đọc 'i' là số La Mã viết thường (i, ii, iii) (ô A3); 'i' cũng có thể đọc là chữ cái; bảng tiêu chí dùng 11. Nếu cách đọc này sai, sửa số thứ tự hoặc điểm chuẩn trong bảng",
  );
  expect(w[0].messages.en).toBe(
    "Children of I add up to 11 but I says 10 when reading 'i' as a lowercase roman numeral (i, ii, iii) (cell A3); 'i' could also be read as a letter; the criteria set uses 11. If this reading is wrong, fix the numbering or the maxima in the table",
  );
});

test('"Tiêu chí k" numbered across the sections: the continuous reading is named', () => {
  const w = mismatches([
    [bold('PHẦN 1'), bold('NHIỆM VỤ CHÍNH TRỊ'), bold(10)],
    ['Tiêu chí 1', 'Đào tạo', 5, 5],
    ['Tiêu chí 2', 'Bồi dưỡng', 5, 5],
    [bold('PHẦN 2'), bold('XÂY DỰNG ĐẢNG'), bold(10)],
    ['Tiêu chí 3', 'Chi bộ', 4, 4],
    ['Tiêu chí 4', 'Đoàn thể', 4, 4],
  ]);
  expect(w).toHaveLength(1);
  expect(w[0]).toMatchObject({ cell: 'C5', criterion: '2' });
  expect(w[0].params).toMatchObject({ sum: 8, max: 10, cell: 'A6' });
  expect(w[0].messages.vi).toContain("khi đọc 'Tiêu chí 3' là đánh số liên tục qua các phần (\"Tiêu chí\" 1 đến n trên cả bảng) (ô A6)");
  expect(w[0].messages.en).toContain("when reading 'Tiêu chí 3' as numbering continuous across the sections");
});

test('unnumbered rows placed by indentation: that placement is the reading named', () => {
  const w = mismatches([
    [bold('I'), bold('CÔNG TÁC CHUYÊN MÔN'), bold(10)],
    [null, { value: 'Giảng dạy đúng chương trình', indent: 1 }, 5, 5],
    [null, { value: 'Dự giờ đồng nghiệp', indent: 1 }, 3, 3],
  ]);
  expect(w).toHaveLength(1);
  expect(w[0].params).toMatchObject({ sum: 8, max: 10, cell: 'B3' });
  expect(w[0].messages.vi).toContain('khi xếp các hàng không đánh số theo thụt lề (ô B3)');
  expect(w[0].messages.en).toContain('when placing the unnumbered rows by indentation (cell B3)');
});

test('the corpus variation whose group says more than its children: multi-level numbering, in the text column', async () => {
  const v = VARIATIONS.find((x) => x.name === 'text-numbers')!;
  const { opened } = await openWorkbook(await buildVariation(v), 'text-numbers.xlsx');
  const r = importFamiliar(opened!.grids, { file: 'text-numbers.xlsx' });
  const w = r.warnings.filter((x) => x.code === 'familiar_tree_mismatch');
  expect(w.map((x) => [x.criterion, x.params?.sum, x.params?.max])).toEqual([['II.2', 7, 8], ['II', 14, 15]]);
  // No number column: the numbering sits at the start of the text, and the cell named is the text's.
  for (const x of w) expect(String(x.params?.cell)).toMatch(/^B\d+$/);
  expect(w[0].messages.vi).toContain("khi đọc '2.1.' là số thứ tự nhiều cấp (1, 1.1, 1.1.1)");
  // Nothing English inside the Vietnamese text, nothing Vietnamese inside the English one.
  for (const x of w) {
    expect(x.messages.vi).not.toMatch(/\b(reading|when|cell|could)\b/);
    expect(x.messages.en).not.toMatch(/[ạảãáàăâđêếềệôơưứừ]/);
  }
});

test('continuous numbering is named in the first section too (its "Tiêu chí 1" starts the sequence of the whole table)', () => {
  const w = mismatches([
    [bold('PHẦN 1'), bold('NHIỆM VỤ CHÍNH TRỊ'), bold(12)],
    ['Tiêu chí 1', 'Đào tạo', 5, 5],
    ['Tiêu chí 2', 'Bồi dưỡng', 5, 5],
    [bold('PHẦN 2'), bold('XÂY DỰNG ĐẢNG'), bold(8)],
    ['Tiêu chí 3', 'Chi bộ', 4, 4],
    ['Tiêu chí 4', 'Đoàn thể', 4, 4],
  ]);
  expect(w.map((x) => x.criterion)).toEqual(['1']);
  expect(w[0].messages.vi).toContain("khi đọc 'Tiêu chí 1' là đánh số liên tục qua các phần");
});

test('numbering restarting in each section is read as numbering within the section', () => {
  const w = mismatches([
    [bold('PHẦN 1'), bold('NHIỆM VỤ CHÍNH TRỊ'), bold(12)],
    ['Tiêu chí 1', 'Đào tạo', 5, 5],
    ['Tiêu chí 2', 'Bồi dưỡng', 5, 5],
    [bold('PHẦN 2'), bold('XÂY DỰNG ĐẢNG'), bold(8)],
    ['Tiêu chí 1', 'Chi bộ', 4, 4],
    ['Tiêu chí 2', 'Đoàn thể', 4, 4],
  ]);
  expect(w.map((x) => x.criterion)).toEqual(['1']);
  expect(w[0].messages.vi).toContain("khi đọc 'Tiêu chí 1' là đánh số theo từ \"Tiêu chí\" trong phần");
  expect(w[0].messages.en).toContain("when reading 'Tiêu chí 1' as numbering by the word \"Tiêu chí\" within the section");
});
