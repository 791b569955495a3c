/**
 * Where things are on a scoring sheet in the workbook: the entry cell of every entry key and column, the
 * evidence and remark cells of every criterion, and the rectangle to read to validate it all in one go.
 * Built from the template plan (engine/core/template/plan.ts), so validation never guesses positions.
 */
import type { Column } from '../../engine/core/evaluate';
import { parseAddress } from '../../engine/core/grid';

export interface ScoringSheetMap {
  sheet: string;
  /** Entry cells: key (criterion id, "id/item" or "@indicator") and column. */
  entries: Array<{ key: string; column: Column; cell: string }>;
  /** Evidence (minh chứng) cell by criterion id. */
  evidence: Record<string, string>;
  /** Inspectors' remark cell by criterion id. */
  remarks: Record<string, string>;
  /** Cells of the totals the workbook computes itself (TongTuCham, TongCumCham). */
  totals: Partial<Record<Column, string>>;
}

/** The smallest rectangle ("A1:H60") holding every cell of the map: one read validates everything. */
export function boundingRange(map: ScoringSheetMap): string {
  const cells = [
    ...map.entries.map((e) => e.cell),
    ...Object.values(map.evidence),
    ...Object.values(map.remarks),
    ...Object.values(map.totals).filter((c): c is string => Boolean(c)),
  ];
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    const p = parseAddress(c);
    if (!p) continue;
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  if (!bottom) return 'A1';
  return `${letters(left)}${top}:${letters(right)}${bottom}`;
}

function letters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
