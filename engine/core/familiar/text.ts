/** Small text helpers of the familiar-table importer: folding, points written as text, ids. */
import { cellText, fold, type Grid, type GridCell } from '../grid';
import type { CellValue } from '../kinds/types';

/** Remove diacritics but keep case and "đ" (numbering is case-sensitive: I vs i, A vs a). */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Fold for comparing texts: no diacritics, lowercase, punctuation and spacing ignored. */
export function textKey(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The merged range a cell belongs to, if any. */
export function mergeAt(grid: Grid, row: number, col: number): Grid['merges'][number] | undefined {
  for (const m of grid.merges) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

/**
 * The cell as a reader sees it: inside a merged range, the range's top-left cell (exceljs copies the
 * value into every cell of a merge; Office.js leaves them empty; both read the same here).
 */
export function masterCell(grid: Grid, row: number, col: number): GridCell | undefined {
  const m = mergeAt(grid, row, col);
  return m ? grid.cell(m.top, m.left) : grid.cell(row, col);
}

export function textAt(grid: Grid, row: number, col: number | undefined): string {
  if (!col) return '';
  return cellText(masterCell(grid, row, col));
}

export interface PointsText {
  value: number | null;
  /** True when the value had to be read out of text ("5 điểm", "2,5"). */
  fromText: boolean;
  /** True when the cell held something that is not a number of points. */
  unreadable: boolean;
  raw: string;
  /** True when written as a range ("0 - 3", "từ 0 đến 2,5"): the upper end is the maximum. */
  range?: boolean;
}

const POINTS_RANGE = /^(?:tu\s*)?([0-9]+(?:[.,][0-9]+)?)\s*(?:diem|d)?\s*(?:-|–|den)\s*([0-9]+(?:[.,][0-9]+)?)\s*(?:diem|d|points?)?\s*\.?$/;
const POINTS_TEXT = /^[(]?\s*(?:toi da|max(?:imum)?)?\s*:?\s*([+-−]?\d+(?:[.,]\d+)?)\s*(?:diem|d|đ|points?|pts?|p)?\s*\.?[)]?$/;

/** Read a max-points cell: 5, "5", "2,5", "5 điểm", "(5đ)", "tối đa 5 điểm". */
export function parsePoints(v: CellValue): PointsText {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))
    return { value: null, fromText: false, unreadable: false, raw: '' };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null, fromText: false, unreadable: !Number.isFinite(v), raw: String(v) };
  const raw = String(v).trim();
  if (/^[-–—.…]+$/.test(raw) || /^x$/i.test(raw)) return { value: null, fromText: false, unreadable: false, raw };
  const f = fold(raw).replace(/\u2212/g, '-');
  const range = POINTS_RANGE.exec(f);
  if (range) {
    const lo = Number(range[1].replace(',', '.'));
    const hi = Number(range[2].replace(',', '.'));
    if (lo <= hi) return { value: hi, fromText: true, unreadable: false, raw, range: true };
  }
  const m = POINTS_TEXT.exec(f);
  if (!m) return { value: null, fromText: true, unreadable: true, raw };
  const value = Number(m[1].replace(',', '.').replace('−', '-'));
  return { value, fromText: true, unreadable: false, raw };
}

/** Number written in a phrase ("0,5" -> 0.5). */
export function num(s: string): number {
  return Number(s.replace(',', '.'));
}

/** A criteria-set id from a title: ascii, dashes, at most 60 characters. */
export function slug(s: string): string {
  const out = fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (out.slice(0, 60).replace(/-+$/, '') || 'bang-diem');
}

/** An id segment: ascii letters, digits, dots, dashes only. */
export function idSegment(s: string): string {
  return stripMarks(s).replace(/[đĐ]/g, (c) => (c === 'đ' ? 'dd' : 'DD')).replace(/[^A-Za-z0-9_.\-]+/g, '');
}
