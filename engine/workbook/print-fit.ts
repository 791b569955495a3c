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

export const MIN_PRINT_PT = 8;
const PX_PER_PT = 96 / 72;
const AVG_EM = 0.45;
/** A4 landscape, 0.5 in left and right margins: printable width in pixels at 100 %. */
const A4_LANDSCAPE_PX = ((297 - 2 * 12.7) / 25.4) * 96;

export const columnPx = (w: number) => Math.trunc(w * 7 + 5);

/** How many lines a text takes in a wrapped cell (greedy word wrap, explicit line breaks kept). */
export function wrappedLines(text: string, widthChars: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((columnPx(widthChars) - 8) / (fontPt * PX_PER_PT * AVG_EM)));
  let lines = 0;
  for (const para of String(text).split('\n')) {
    let n = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) {
        n += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        n += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

export const rowHeightFor = (lines: number, fontPt: number) => Math.ceil(lines * fontPt * 1.25 + 5);

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
 * LibreOffice lays columns out about 10 % wider than Excel's pixel rule; scales are computed with this
 * margin so a sheet meant to be one page wide is one page wide in both.
 */
const READER_MARGIN = 1.15;

/**
 * A4 landscape at an explicit scale (both Excel and LibreOffice honour it the same way, unlike
 * fit-to-page): the largest scale that puts every printed column on one page wide, when the smallest
 * text stays at 8 pt or more; else the scale that keeps it at 8 pt, with the key columns repeated on
 * every page across.
 */
export function a4Landscape(ws: ExcelJS.Worksheet, o: A4Options): { scale: number; fitWidth: boolean } {
  let px = 0;
  for (let c = 1; c <= o.lastCol; c++) if (!ws.getColumn(c).hidden) px += columnPx(ws.getColumn(c).width ?? 9);
  const smallest = o.smallestPt ?? 11;
  const fitScale = Math.min(1, A4_LANDSCAPE_PX / (px * READER_MARGIN));
  const floor = (MIN_PRINT_PT * 1.04) / smallest;
  const fitWidth = fitScale >= floor;
  const scale = Math.floor(100 * (fitWidth ? fitScale : Math.min(1, floor + 0.005)));
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
