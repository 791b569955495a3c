/**
 * Xếp hạng: the ranking table with its award and discrepancy highlights, the award proposals, refused
 * files and signatures, and the two charts the add-in draws there (final score with the award
 * thresholds; self vs inspected), on a page of their own.
 */
import type { Bilingual } from '../../core';
import { RANKING_SHEET_NAMES } from '../../core/rank/sheet-labels';
import { absRef, ChartDef } from '../charts/chart-xml';
import { fitRowHeights } from '../print-fit';
import { SheetWriter } from '../xlsx-write/sheet';
import { colLetter } from '../xlsx-write/xml';
import { COLORS, fmtPoints, headerRow, headLines, L, num, printSetup, safeText, SheetContext, text, titleBlock, yearText } from './common';

/** Chart colours, the add-in's (addin/consolidate/ranking-sheets.ts). */
const CHART_COLORS = { final: '2F5597', self: 'A9D18E', inspected: '5B9BD5', thresholds: ['C00000', 'ED7D31', '7030A0'] };

export function rankingSheet({ r, lang, when, S }: SheetContext): { ws: SheetWriter; charts: ChartDef[] } {
  const t = L[lang];
  const tr = (b: Bilingual) => b[lang];
  const ws = new SheetWriter(RANKING_SHEET_NAMES.ranking);
  ws.tabColor = 'FF2F5597';
  const widths = [7, 30, 11, 11, 11, 11, 12, 24, 40];
  widths.forEach((w, i) => ws.width(i + 1, w));
  const last = widths.length;
  // The award thresholds, one column each right of the table (K onwards, as the add-in): the chart's lines.
  const thresholds = r.awards.filter((a) => a.minTotal > 0);
  const thresholdCol = (i: number) => last + 2 + i;
  // Hidden: chart data only (the charts plot hidden cells), never printed.
  ws.width(last + 1, 3);
  thresholds.forEach((_, i) => ws.width(thresholdCol(i), 16, true));
  const head = titleBlock(ws, S, last, headLines(r, t.titleRanking(yearText(r)), lang, when)) + 1;
  headerRow(ws, S, head, t.rankingHead);
  const thresholdName = (a: (typeof thresholds)[number]) => t.threshold(tr(a.label), fmtPoints(a.minTotal, lang));
  if (thresholds.length) headerRow(ws, S, head, thresholds.map(thresholdName), thresholdCol(0));
  let row = head + 1;
  for (const u of r.units) {
    num(ws, row, 1, u.rank, S.rank);
    text(ws, row, 2, u.unit, S.text);
    num(ws, row, 3, u.self, S.num);
    num(ws, row, 4, u.inspected, S.num);
    num(ws, row, 5, u.final, S.numBold);
    text(ws, row, 6, t.source[u.source], S.text);
    const cls = u.classification ? (lang === 'en' ? (u.classification.labelEn ?? u.classification.label) : u.classification.label) : '';
    text(ws, row, 7, cls, S.text);
    text(ws, row, 8, u.awards.map((a) => tr(a.label)).join('; '), S.text);
    text(ws, row, 9, u.notes.map(tr).join('\n'), S.text);
    thresholds.forEach((a, i) => num(ws, row, thresholdCol(i), a.minTotal, S.num));
    row++;
  }
  const lastData = row - 1;
  if (lastData > head) {
    // Rows do not grow by themselves in every reader: sized for their wrapped text.
    fitRowHeights(ws, S.styles, head + 1, lastData, 1, last, 20);
    const award = S.styles.dxf({ fill: COLORS.award, bold: true });
    ws.conditional(`A${head + 1}:${colLetter(last)}${lastData}`, `LEN($H${head + 1})>0`, award, 1);
    const moved = S.styles.dxf({ fill: COLORS.discrepancy });
    const c = `$C${head + 1}`;
    const d = `$D${head + 1}`;
    ws.conditional(`C${head + 1}:D${lastData}`, `AND(ISNUMBER(${c}),ISNUMBER(${d}),ABS(${d}-${c})>=${r.policy.totalMoveThreshold})`, moved, 2);
  }
  // Award proposals, refused files, signatures.
  row++;
  const line = (s: string, bold = false, italic = false) => {
    ws.merge(row, 1, row, last);
    text(ws, row, 1, s, S.line(bold, italic));
    fitRowHeights(ws, S.styles, row, row, 1, 1);
    row++;
  };
  if (r.awards.length) {
    line(t.awardsHead, true);
    for (const a of r.awards)
      line(`- ${t.awardLine(tr(a.label), a.quota, fmtPoints(a.minTotal, lang), a.units.join(', ') || t.nobody)}${a.note ? ` (${tr(a.note)})` : ''}`);
  }
  if (r.refused) line(t.refusedLine(r.refused), false, true);
  row++;
  const sig = (col1: number, col2: number, lines: Array<[string, boolean, boolean]>, startRow: number) => {
    lines.forEach(([s, bold, italic], i) => {
      ws.merge(startRow + i, col1, startRow + i, col2);
      text(ws, startRow + i, col1, s, S.sign(bold, italic));
    });
  };
  sig(7, 9, [[t.date, false, true]], row);
  row++;
  sig(1, 4, [[t.sign[0], true, false], [t.signHint, false, true]], row);
  sig(7, 9, [[t.sign[1], true, false], [t.signHint, false, true]], row);
  row += 6;
  ws.frozen = { xSplit: 2, ySplit: head };
  if (lastData > head) ws.autoFilter = `A${head}:${colLetter(last)}${lastData}`;
  // The charts print too, on a page of their own after the signatures.
  if (lastData > head) ws.breaks.push(row - 1);
  printSetup(ws, head, last, lastData > head ? row + 21 : row);
  if (lastData <= head) return { ws, charts: [] };
  // Charts under the signatures, where the add-in puts them: A..E and F..I, 20 rows high.
  const sheet = RANKING_SHEET_NAMES.ranking;
  const ref = (c: number) => absRef(sheet, colLetter(c), head + 1, colLetter(c), lastData);
  const categories = { categoriesRef: ref(2), categories: r.units.map((u) => safeText(u.unit)) };
  const top = row; // zero-based anchor row = the row under the printed area
  const values = (f: (u: (typeof r.units)[number]) => number | null) => r.units.map(f);
  const charts: ChartDef[] = [
    {
      title: t.chartFinal,
      ...categories,
      series: [
        { name: t.rankingHead[4], nameRef: absRef(sheet, 'E', head), valuesRef: ref(5), values: values((u) => u.final), color: CHART_COLORS.final },
        ...thresholds.map((a, i) => ({
          name: thresholdName(a),
          nameRef: absRef(sheet, colLetter(thresholdCol(i)), head),
          valuesRef: ref(thresholdCol(i)),
          values: values(() => a.minTotal),
          line: true,
          color: CHART_COLORS.thresholds[i % CHART_COLORS.thresholds.length],
        })),
      ],
      valueAxisTitle: t.points,
      from: { col: 0, row: top },
      to: { col: 5, row: top + 20 },
    },
    {
      title: t.chartSelfInspected,
      ...categories,
      series: [
        { name: t.rankingHead[2], nameRef: absRef(sheet, 'C', head), valuesRef: ref(3), values: values((u) => u.self), color: CHART_COLORS.self },
        { name: t.rankingHead[3], nameRef: absRef(sheet, 'D', head), valuesRef: ref(4), values: values((u) => u.inspected), color: CHART_COLORS.inspected },
      ],
      valueAxisTitle: t.points,
      from: { col: 5, row: top },
      to: { col: 9, row: top + 20 },
    },
  ];
  return { ws, charts };
}
