/**
 * Text measured for print, pure (shared by the template plan in core and the exceljs sheets in
 * engine/workbook/print-fit.ts): how many lines a text wraps to in a column, the row height that
 * shows them, and the A4 scale that fits a sheet's columns to the page width while the smallest text
 * stays at least 8 pt.
 *
 * Widths are Excel's: a column of width w is trunc(w * 7 + 5) pixels at 96 dpi. Text is measured with a
 * conservative average character width for Times New Roman (0.45 em, wider than its real ~0.42).
 */

export const MIN_PRINT_PT = 8;
const PX_PER_PT = 96 / 72;
const AVG_EM = 0.45;
const MM_PER_IN = 25.4;

export const columnPx = (w: number) => Math.trunc(w * 7 + 5);

/**
 * Whitespace as /\s/ has it (a word ends there), without a regular expression: Vietnamese text is
 * mostly characters above 127, so a test per character would run for most of them. The list is
 * ECMAScript's WhiteSpace and LineTerminator (checked against /\s/ over every UTF-16 unit in the tests).
 */
export const isSpace = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  (code >= 160 &&
    (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));

/**
 * How many lines a text takes in a wrapped cell (greedy word wrap, explicit line breaks kept). Words are
 * the runs between whitespace, measured in UTF-16 units, scanned once (no split into word arrays: the
 * ranking workbook measures every unit's notes).
 */
export function wrappedLines(text: string, widthChars: number, fontPt: number): number {
  const s = String(text);
  const perLine = charsPerLine(widthChars, fontPt);
  // One short line (most cells): no need to look at the words.
  if (s.length <= perLine && !s.includes('\n')) return 1;
  let lines = 0;
  let n = 1;
  let used = 0;
  let len = 0;
  for (let i = 0; i <= s.length; i++) {
    const code = i < s.length ? s.charCodeAt(i) : 10;
    const newline = code === 10;
    if (!newline && !isSpace(code)) {
      len++;
      continue;
    }
    if (len) {
      if (used === 0) {
        n += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        n += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
      len = 0;
    }
    if (newline) {
      lines += n;
      n = 1;
      used = 0;
    }
  }
  return Math.max(1, lines);
}

/** How many average characters fit on one line of a column of that width. */
export function charsPerLine(widthChars: number, fontPt: number): number {
  return Math.max(1, Math.floor((columnPx(widthChars) - 8) / (fontPt * PX_PER_PT * AVG_EM)));
}

/** The height (points) of a row showing that many lines at that size. */
export const rowHeightFor = (lines: number, fontPt: number) => Math.ceil(lines * fontPt * 1.25 + 5);

/** Excel's largest row height (points). */
export const MAX_ROW_HEIGHT = 409;

/**
 * LibreOffice lays columns out about 10 % wider than Excel's pixel rule; scales are computed with this
 * margin so a sheet meant to be one page wide is one page wide in both.
 */
export const READER_MARGIN = 1.15;

export type Orientation = 'portrait' | 'landscape';

/** A4 printable width in pixels (96 dpi) at 100 %, between left and right margins given in inches. */
export function a4WidthPx(orientation: Orientation, leftIn: number, rightIn: number): number {
  const mm = orientation === 'portrait' ? 210 : 297;
  return (mm / MM_PER_IN - leftIn - rightIn) * 96;
}

export interface PageFit {
  /** Integer percent, written as the sheet's print scale (both Excel and LibreOffice honour it). */
  scale: number;
  /** True when every printed column is on one page wide at that scale. */
  fitWidth: boolean;
  /** The smallest text as printed at that scale (points). */
  printedPt: number;
}

/**
 * The largest scale that puts columns of `px` pixels on one page of `pagePx`, when the smallest text
 * (`smallestPt`) stays at 8 pt or more; else the scale that keeps it at 8 pt (the sheet then spans
 * pages across). Never above 100 %.
 */
export function fitScale(px: number, pagePx: number, smallestPt: number): PageFit {
  const fit = Math.min(1, pagePx / (px * READER_MARGIN));
  const floor = (MIN_PRINT_PT * 1.04) / smallestPt;
  const fitWidth = fit >= floor;
  const scale = Math.floor(100 * (fitWidth ? fit : Math.min(1, floor + 0.005)));
  return { scale, fitWidth, printedPt: (smallestPt * scale) / 100 };
}
