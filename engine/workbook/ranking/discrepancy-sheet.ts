/** Chênh lệch: every criterion whose inspected score differs from the self score, then the totals that moved. */
import { RANKING_SHEET_NAMES } from '../../core/rank/sheet-labels';
import { fitRowHeights } from '../print-fit';
import { SheetWriter } from '../xlsx-write/sheet';
import { COLORS, fmtPoints, headerRow, headLines, L, num, printSetup, SheetContext, text, titleBlock } from './common';

export function discrepancySheet({ r, lang, when, S }: SheetContext): SheetWriter {
  const t = L[lang];
  const ws = new SheetWriter(RANKING_SHEET_NAMES.discrepancies);
  ws.tabColor = 'FFC55A11';
  const widths = [6, 26, 8, 44, 10, 10, 10, 40];
  widths.forEach((w, i) => ws.width(i + 1, w));
  const last = widths.length;
  const head = titleBlock(ws, S, last, headLines(r, t.titleDisc, lang, when, t.discNote(fmtPoints(r.policy.tolerance, lang)))) + 1;
  headerRow(ws, S, head, t.discHead);
  let row = head + 1;
  r.discrepancies.forEach((d, i) => {
    num(ws, row, 1, i + 1, S.ordinal);
    text(ws, row, 2, d.unit, S.text);
    text(ws, row, 3, d.number, S.text);
    text(ws, row, 4, d.text, S.text);
    num(ws, row, 5, d.self, S.num);
    num(ws, row, 6, d.inspected, S.num);
    num(ws, row, 7, d.delta, S.signed);
    text(ws, row, 8, d.remark ?? '', S.text);
    row++;
  });
  if (!r.discrepancies.length) {
    ws.merge(row, 1, row, last);
    text(ws, row, 1, t.noDisc, S.noneLine);
    row++;
  } else {
    fitRowHeights(ws, S.styles, head + 1, row - 1, 1, last, 18);
    const twice = 2 * r.policy.tolerance;
    if (twice > 0) ws.conditional(`A${head + 1}:H${row - 1}`, `ABS($G${head + 1})>=${twice}`, S.styles.dxf({ fill: COLORS.discrepancy }), 1);
  }
  ws.frozen = { xSplit: 0, ySplit: head };
  // Totals that moved.
  row += 1;
  ws.merge(row, 1, row, last);
  text(ws, row, 1, t.movesHead(fmtPoints(r.policy.totalMoveThreshold, lang)), S.heading12);
  row++;
  headerRow(ws, S, row, t.movesCols);
  const movesHead = row;
  row++;
  r.totalMoves.forEach((m, i) => {
    num(ws, row, 1, i + 1, S.ordinal);
    text(ws, row, 2, m.unit, S.text);
    num(ws, row, 3, m.self, S.num);
    num(ws, row, 4, m.inspected, S.num);
    num(ws, row, 5, m.delta, S.signed);
    row++;
  });
  if (r.totalMoves.length) fitRowHeights(ws, S.styles, movesHead + 1, row - 1, 1, 5, 18);
  printSetup(ws, head, last, row);
  return ws;
}
