/**
 * A sheet as plain data: what both exceljs (CLI) and Office.js (add-in) can produce, so importers and
 * readers of workbook layouts stay pure and run in both places.
 */
import type { CellValue } from './kinds/types';

export interface GridCell {
  /** The value shown (for a formula: its cached result, which is never trusted for scoring). */
  value: CellValue;
  /** Formula text without "=", when the cell holds one. */
  formula?: string;
  bold?: boolean;
  indent?: number;
  /** Excel error like "#REF!" when the cell holds an error value. */
  error?: string;
  /** A date typed where a number belongs. */
  isDate?: boolean;
}

export interface Grid {
  sheet: string;
  /** 1-based rows and columns, as in Excel; rows[r][c] may be undefined for empty cells. */
  rowCount: number;
  colCount: number;
  cell(row: number, col: number): GridCell | undefined;
  /** Merged ranges as 1-based inclusive boxes. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  hidden?: boolean;
  /** The merged range covering a cell, when the grid has an index of them (else merges are scanned). */
  mergeAt?(row: number, col: number): { top: number; left: number; bottom: number; right: number } | undefined;
  /** Hidden rows and columns (1-based), when the reader knows them. */
  hiddenRows?: ReadonlySet<number>;
  hiddenCols?: ReadonlySet<number>;
}

/** "A", "B", ... "AA" for a 1-based column. */
export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** 1 for "A", 28 for "AB": the inverse of columnLetter. */
export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parse "B12" into 1-based row/col. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a.trim().toUpperCase());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** A grid from a dense array of rows (tests, JSON, the add-in's loaded ranges). */
export function gridFromRows(sheet: string, rows: Array<Array<CellValue | GridCell>>, merges: Grid['merges'] = []): Grid {
  const norm = rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? (c as GridCell) : { value: c as CellValue })));
  return {
    sheet,
    rowCount: norm.length,
    colCount: norm.reduce((m, r) => Math.max(m, r.length), 0),
    cell: (row, col) => norm[row - 1]?.[col - 1],
    merges,
  };
}

/** Text of a cell for matching labels: trimmed, single-spaced; '' for blanks. */
export function cellText(c: GridCell | undefined): string {
  if (!c || c.value === null || c.value === undefined) return '';
  return String(c.value).replace(/\s+/g, ' ').trim();
}

/** Lowercase and strip Vietnamese diacritics (đ -> d) so "Điểm chuẩn" matches "diem chuan". */
/** A cased letter (its upper and lower forms differ): ES2017 has no \p{L} (EdgeHTML runs the add-in's copy). */
export const isCasedLetter = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();

export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
