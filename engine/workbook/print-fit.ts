/**
 * Print layout computed from the text (directly written sheets, xlsx-write/sheet.ts): row heights from
 * the wrapped text of each cell (readers do not grow rows by themselves, so text spilled or was cut),
 * and an A4 page setup that fits the sheet to one page wide only while the text stays at least 8 pt;
 * wider sheets print at a fixed scale across pages with the key columns repeated.
 *
 * Widths are Excel's: a column of width w is trunc(w * 7 + 5) pixels at 96 dpi. Text is measured with a
 * conservative average character width for Times New Roman (0.45 em, wider than its real ~0.42).
 */
import { a4WidthPx, columnPx, fitScale, MAX_ROW_HEIGHT, rowHeightFor, wrappedLines } from '../core/print-measure';
import type { SheetWriter } from './xlsx-write/sheet';
import type { StyleSheet } from './xlsx-write/styles';
import { colLetter } from './xlsx-write/xml';

// The measuring rules are pure and shared with the template plan (engine/core/print-measure.ts).
export { columnPx, MIN_PRINT_PT, rowHeightFor, wrappedLines } from '../core/print-measure';

/** A4 landscape, 0.5 in left and right margins: printable width in pixels at 100 %. */
const A4_LANDSCAPE_PX = a4WidthPx('landscape', 0.5, 0.5);

const widthOf = (ws: SheetWriter, c: number) => ws.widths[c] ?? 9;

/** Set every row's height from the text of its cells (never lower than minHeight, never above Excel's 409 pt). */
export function fitRowHeights(ws: SheetWriter, styles: StyleSheet, fromRow: number, toRow: number, fromCol: number, toCol: number, minHeight = 18): void {
  // Merges touching these rows: a one-row merge measures its text over its total width; the other
  // cells a merge covers have no text of their own; multi-row merges keep their first column's width.
  const merged = new Map<string, number>();
  const covered = new Set<string>();
  for (const [r1, c1, r2, c2] of ws.merges) {
    if (r2 < fromRow || r1 > toRow) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r}:${c}`);
    if (r1 !== r2) continue;
    let w = 0;
    for (let c = c1; c <= c2; c++) w += widthOf(ws, c);
    merged.set(`${r1}:${c1}`, w);
  }
  for (let r = fromRow; r <= toRow; r++) {
    let h = minHeight;
    const row = ws.rows.get(r);
    if (row)
      for (let c = fromCol; c <= toCol; c++) {
        const v = row.values[c];
        if (v === null || v === undefined || v === '') continue;
        if (covered.size && covered.has(`${r}:${c}`)) continue;
        const pt = styles.fontSize(row.styles[c] ?? 0);
        const width = merged.get(`${r}:${c}`) ?? widthOf(ws, c);
        h = Math.max(h, rowHeightFor(wrappedLines(String(v), width, pt), pt));
        if (h >= MAX_ROW_HEIGHT) break; // as tall as a row can be
      }
    ws.height(r, Math.min(h, MAX_ROW_HEIGHT));
  }
}

export interface A4Options {
  /** Rows repeated at the top of every page ("6:8"). */
  titleRows: string;
  lastCol: number;
  lastRow: number;
  /** Columns repeated at the left of every page when the sheet spans pages across ("A:B"). */
  repeatCols?: string;
  /** The smallest font used in the printed cells (points). */
  smallestPt?: number;
}

/**
 * A4 landscape at an explicit scale (both Excel and LibreOffice honour it the same way, unlike
 * fit-to-page): the largest scale that puts every printed column on one page wide, when the smallest
 * text stays at 8 pt or more; else the scale that keeps it at 8 pt, with the key columns repeated on
 * every page across.
 */
export function a4Landscape(ws: SheetWriter, o: A4Options): { scale: number; fitWidth: boolean } {
  let px = 0;
  for (let c = 1; c <= o.lastCol; c++) if (!ws.hidden[c]) px += columnPx(widthOf(ws, c));
  const { scale, fitWidth } = fitScale(px, A4_LANDSCAPE_PX, o.smallestPt ?? 11);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    scale,
    horizontalCentered: fitWidth,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: o.titleRows,
    ...(o.repeatCols && !fitWidth ? { printTitlesColumn: o.repeatCols } : {}),
    printArea: `A1:${colLetter(o.lastCol)}${o.lastRow}`,
  };
  // The sheet's name on every page (a page can be told apart from another sheet's), page numbers below.
  ws.header = '&L&10&A';
  ws.footer = '&C&10&P / &N';
  return { scale: scale / 100, fitWidth };
}
