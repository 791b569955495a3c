/**
 * Reading one entry cell of any layout: what is typed there goes to the kernel as is (it parses "8,5"
 * and reports "tám"), but a formula, an error value, a date or a merged range where a number belongs is
 * refused here with its own code, the same for every layout.
 */
import type { Entry } from './evaluate';
import { address, Grid } from './grid';
import { Location, Problem, problem } from './problems';

export function readEntryCell(
  grid: Grid,
  row: number,
  col: number,
  where: Location & { column?: 'self' | 'inspected' },
  problems: Problem[],
): Entry {
  const cell = grid.cell(row, col);
  const entry: Entry = { value: null, sheet: grid.sheet, cell: address(row, col) };
  // (Where, for a problem: made only when there is one.)
  const at = (): Location => ({ ...where, sheet: grid.sheet, cell: entry.cell });
  const merge = grid.mergeAt ? grid.mergeAt(row, col) : grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  if (merge && (merge.top !== merge.bottom || merge.left !== merge.right)) {
    problems.push(problem('merged_entry', { range: `${address(merge.top, merge.left)}:${address(merge.bottom, merge.right)}` }, at()));
    return entry;
  }
  if (!cell) return entry;
  if (cell.formula !== undefined) {
    problems.push(problem('formula_in_entry', { formula: cell.formula.slice(0, 80) }, at()));
    return entry;
  }
  if (cell.error) {
    problems.push(problem('error_value', { value: cell.error }, at()));
    return entry;
  }
  if (cell.isDate) {
    problems.push(problem('date_in_entry', { value: String(cell.value ?? '') }, at()));
    return entry;
  }
  entry.value = cell.value;
  return entry;
}
