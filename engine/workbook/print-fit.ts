/**
 * Print layout computed from the text (exceljs sheets): row heights from the wrapped text of each cell
 * (readers do not grow rows by themselves, so text spilled or was cut), and an A4 page setup that fits
 * the sheet to one page wide only while the text stays at least 8 pt; wider sheets print at a fixed
 * scale across pages with the key columns repeated.
 *
 * Widths are Excel's: a column of width w is trunc(w * 7 + 5) pixels at 96 dpi. Text is measured with a
 * conservative average character width for Times New Roman (0.45 em, wider than its real ~0.42).
 */
import type ExcelJS from 'exceljs';
import { a4WidthPx, columnPx, fitScale, rowHeightFor, wrappedLines } from '../core/print-measure';

// The measuring rules are pure and shared with the template plan (engine/core/print-measure.ts).
export { columnPx, MIN_PRINT_PT, rowHeightFor, wrappedLines } from '../core/print-measure';

/** A4 landscape, 0.5 in left and right margins: printable width in pixels at 100 %. */
const A4_LANDSCAPE_PX = a4WidthPx('landscape', 0.5, 0.5);

/** The width (characters) of the cell's merge, or of its column. */
function cellWidth(ws: ExcelJS.Worksheet, row: number, col: number, merges: Map<string, number>): number {
  return merges.get(`${row}:${col}`) ?? ws.getColumn(col).width ?? 9;
}

/** Merged ranges by their top-left cell, with their total width (exceljs keeps them as "A1:C1"). */
function mergeWidths(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []) as string[];
  for (const m of merges) {
    const [a, b] = m.split(':').map((x) => ws.getCell(x));
    if (a.row !== b.row) continue; // multi-row merges keep their own heights
    let w = 0;
    for (let c = Number(a.col); c <= Number(b.col); c++) w += ws.getColumn(c).width ?? 9;
    out.set(`${a.row}:${a.col}`, w);
  }
  return out;
}

/** Set every row's height from the text of its cells (never lower than minHeight). */
export function fitRowHeights(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, fromCol: number, toCol: number, minHeight = 18): void {
  const merges = mergeWidths(ws);
  for (let r = fromRow; r <= toRow; r++) {
    let h = minHeight;
    for (let c = fromCol; c <= toCol; c++) {
      const cell = ws.getCell(r, c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const v = cell.value;
      if (v === null || v === undefined || v === '') continue;
      const pt = cell.font?.size ?? 11;
      const s = typeof v === 'number' ? String(v) : String(v);
      h = Math.max(h, rowHeightFor(wrappedLines(s, cellWidth(ws, r, c, merges), pt), pt));
    }
    ws.getRow(r).height = h;
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
export function a4Landscape(ws: ExcelJS.Worksheet, o: A4Options): { scale: number; fitWidth: boolean } {
  let px = 0;
  for (let c = 1; c <= o.lastCol; c++) if (!ws.getColumn(c).hidden) px += columnPx(ws.getColumn(c).width ?? 9);
  const { scale, fitWidth } = fitScale(px, A4_LANDSCAPE_PX, o.smallestPt ?? 11);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: false,
    scale,
    horizontalCentered: fitWidth,
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: o.titleRows,
    ...(o.repeatCols && !fitWidth ? { printTitlesColumn: o.repeatCols } : {}),
    printArea: `A1:${ws.getColumn(o.lastCol).letter}${o.lastRow}`,
  };
  // The sheet's name on every page (a page can be told apart from another sheet's), page numbers below.
  ws.headerFooter = { oddHeader: '&L&10&A', oddFooter: '&C&10&P / &N' };
  return { scale: scale / 100, fitWidth };
}
