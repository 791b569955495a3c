/**
 * Live validation of a scoring sheet: the cells read in one batch are turned into a submission and
 * evaluated by the kernel, exactly as the command line would. Pure: no Office.js.
 */
import type { CompiledSet } from '../../engine/core/compile';
import { evaluate, type ColumnScore, type Entry } from '../../engine/core/evaluate';
import { parseAddress } from '../../engine/core/grid';
import type { Problem } from '../../engine/core/problems';
import type { HostValue, SheetData } from '../host/types';
import type { ScoringSheetMap } from './sheet-map';

export interface SheetValidation {
  self: ColumnScore | null;
  inspected: ColumnScore | null;
  /** Entries filled / expected of the self column (shown even when the column is still empty). */
  filled: number;
  expected: number;
  problems: Problem[];
}

/** The value at an address of a block read with readRange; undefined outside it. */
export function valueAt(data: SheetData, cell: string): HostValue | undefined {
  const p = parseAddress(cell);
  if (!p) return undefined;
  return data.values[p.row - data.top]?.[p.col - data.left];
}

export function validateSheet(set: CompiledSet, map: ScoringSheetMap, data: SheetData): SheetValidation {
  const self: Record<string, Entry> = {};
  const inspected: Record<string, Entry> = {};
  for (const e of map.entries) (e.column === 'self' ? self : inspected)[e.key] = { value: valueAt(data, e.cell) ?? null, sheet: map.sheet, cell: e.cell };
  const cells = (by: Record<string, string>) =>
    Object.fromEntries(Object.entries(by).map(([id, cell]) => [id, { value: valueAt(data, cell) ?? null, sheet: map.sheet, cell }]));
  const ev = evaluate(set, {
    self,
    inspected,
    evidence: Object.keys(map.evidence).length ? cells(map.evidence) : undefined,
    remarks: Object.keys(map.remarks).length ? cells(map.remarks) : undefined,
    // The sheet is a rendered template plan: its formulas count entries by the template's rule.
    reading: 'template',
  });
  // An empty self column is "nothing entered yet", not an error: progress says 0 of N.
  const problems = ev.problems.filter((p) => p.code !== 'column_empty');
  const expected = set.entries.filter((e) => !e.blankIsZero).length;
  return {
    self: ev.self,
    inspected: ev.inspected,
    filled: ev.self?.filled ?? 0,
    expected: ev.self?.expected ?? expected,
    problems: sortByCell(problems),
  };
}

/** Problems in sheet order (row, then column), those without a cell last. */
export function sortByCell(problems: Problem[]): Problem[] {
  const key = (p: Problem) => {
    const a = p.cell ? parseAddress(p.cell) : null;
    return a ? a.row * 1000 + a.col : Number.MAX_SAFE_INTEGER;
  };
  return [...problems].sort((a, b) => key(a) - key(b));
}
