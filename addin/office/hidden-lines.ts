/**
 * Hidden rows and columns of the rectangle the pane reads, so the familiar importer skips them with the
 * same warning as on the command line (a hidden last-year "Điểm chuẩn năm 2024" column is never read).
 * Office.js does not put hidden state in `values`: Range.rowHidden / columnHidden (ExcelApi 1.2, under
 * the manifest's 1.7) say it per range: false when no line of the range is hidden, true when all are,
 * null when some are. The used range's two flags travel with the size (sync 1); only when they are not
 * false is each row (or column) asked, and those loads travel with the first band of cells, so reading
 * the sheet takes no extra sync.
 */

/** What the used range said (loaded with its size). */
export interface UsedHidden {
  rowHidden: boolean | null;
  columnHidden: boolean | null;
}

/**
 * Queue the per-line loads the used range's flags call for; the returned function, called after the
 * next sync, gives the hidden rows and columns in 1-based sheet numbers.
 */
export function queueHiddenLines(
  ws: Excel.Worksheet,
  used: UsedHidden,
  top: number,
  left: number,
  rows: number,
  cols: number,
): () => { rows: number[]; cols: number[] } {
  const rowRanges = used.rowHidden === false ? [] : Array.from({ length: rows }, (_, r) => ws.getRangeByIndexes(top - 1 + r, left - 1, 1, 1).load('rowHidden'));
  const colRanges = used.columnHidden === false ? [] : Array.from({ length: cols }, (_, c) => ws.getRangeByIndexes(top - 1, left - 1 + c, 1, 1).load('columnHidden'));
  return () => ({
    rows: rowRanges.flatMap((r, i) => (r.rowHidden ? [top + i] : [])),
    cols: colRanges.flatMap((c, i) => (c.columnHidden ? [left + i] : [])),
  });
}
