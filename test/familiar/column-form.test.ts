/** The add-in's column form, its model: the guessed columns listed per role, each changeable, applied as a mapping. */
import { gridFromRows } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';
import { columnChoices, mappingFromChoices } from '../../addin/familiar/column-form';

const grid = gridFromRows('S', [
  ['Bảng điểm'],
  ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm', 'Điểm HĐ', 'Ghi chú'],
  ['I', 'Phần một', 10, null, null],
  ['1', 'Việc thứ nhất trong năm học', 6, 5, 4],
  ['2', 'Việc thứ hai trong năm học', 4, 3, 3],
]);

test('the form lists the column used per role and how it was found; changing one re-imports with it', () => {
  const first = importFamiliar([grid]);
  // "Điểm HĐ" sits where the inspection column would be, with scores: an error, not a guess.
  expect(first.warnings.find((w) => w.code === 'familiar_inspected_not_found')).toMatchObject({ cell: 'E2', severity: 'error' });
  const choices = columnChoices(first.criteriaSet!, grid);
  expect(choices.map((c) => [c.role, c.letter, c.how])).toEqual([
    ['number', 'A', 'label'],
    ['text', 'B', 'label'],
    ['max', 'C', 'label'],
    ['self', 'D', 'label'],
    ['inspected', '', ''],
    ['evidence', '', ''],
    ['remarks', 'F', 'label'],
  ]);
  expect(choices[0].options.map((o) => o.letter + ':' + o.label)).toEqual(['A:TT', 'B:Nội dung', 'C:Điểm chuẩn', 'D:Tự chấm', 'E:Điểm HĐ', 'F:Ghi chú']);
  const values = Object.fromEntries(choices.map((c) => [c.role, c.letter]));
  const mapping = mappingFromChoices({ ...values, inspected: 'E' }, first.criteriaSet!.familiarLayout!.headerRow);
  const again = importFamiliar([grid], { mapping });
  expect(again.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  expect(again.criteriaSet!.familiarLayout).toMatchObject({ headerRow: 2, columns: { inspected: 'E' }, found: { inspected: 'given' } });
});
