/**
 * The ranking workbook (exceljs): Xếp hạng (ranking), Ma trận điểm (unit x criterion), Chênh lệch
 * (discrepancies) and Nguồn (sources), laid out like an official document: title block, frozen headers,
 * number formats, borders, A4 landscape print setup, conditional highlights.
 *
 * Everything that comes from the inputs (unit names, remarks, file names, messages) is written as a text
 * value, never as a formula: a unit named "=HYPERLINK(...)" stays a string.
 *
 * Past 400 lines: the four sheets share the title block, styles and print helpers here; print sizing is in
 * print-fit.ts and the charts in charts/. Splitting one sheet per file is the next step.
 */
import ExcelJS from 'exceljs';
import type { Bilingual, CompiledNode, Lang, Ranking } from '../core';
import { formatProblem } from '../core';
import { provenanceText, RANKING_LABELS, RANKING_SHEET_NAMES } from '../core/rank/sheet-labels';
import { absRef, addCharts, ChartDef } from './charts/inject';
import { a4Landscape, fitRowHeights } from './print-fit';

import { RANKING_WORKBOOK_KEYWORD } from './ranking-keyword';

export { RANKING_WORKBOOK_KEYWORD };

/** The sheet names, shared with the add-in's consolidation. */
export const RANKING_SHEETS = RANKING_SHEET_NAMES;

export interface RankingWorkbookOptions {
  lang?: Lang;
  /** Shown in the title block and the workbook properties (defaults to now). */
  generatedAt?: Date;
}

const POINTS = '0.00';
const SIGNED_POINTS = '+0.00;-0.00;0.00';
const FONT = 'Times New Roman';
const COLORS = {
  header: 'FFD9E1F2',
  section: 'FFEDEDED',
  maxRow: 'FFF2F2F2',
  award: 'FFFFF2CC',
  discrepancy: 'FFF8CBAD',
  refused: 'FFFCE4D6',
  border: 'FF808080',
};

const L = {
  vi: { ...RANKING_LABELS.vi,
    generated: (d: string) => `Lập ngày ${d} bằng công cụ thidua`,
  },
  en: { ...RANKING_LABELS.en,
    generated: (d: string) => `Prepared on ${d} with thidua`,
  },
};

/** Characters XML 1.0 cannot carry (they would corrupt the file), and Excel's cell text limit. */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export function safeText(s: unknown): string {
  const t = String(s ?? '').replace(XML_ILLEGAL, '');
  return t.length > 32767 ? `${t.slice(0, 32766)}…` : t;
}

const thin = { style: 'thin' as const, color: { argb: COLORS.border } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Text from the inputs: always a string value (never a formula, never rich text or a hyperlink). */
function text(cell: ExcelJS.Cell, s: unknown): void {
  cell.value = safeText(s);
}

function num(cell: ExcelJS.Cell, v: number | null | undefined, fmt = POINTS): void {
  cell.value = v === null || v === undefined || Number.isNaN(v) ? null : v;
  cell.numFmt = fmt;
  cell.alignment = { horizontal: 'right', vertical: 'middle' };
}

function titleBlock(ws: ExcelJS.Worksheet, lastCol: number, lines: Array<{ text: string; size?: number; bold?: boolean; italic?: boolean }>): number {
  lines.forEach((l, i) => {
    const r = i + 1;
    ws.mergeCells(r, 1, r, lastCol);
    const c = ws.getCell(r, 1);
    text(c, l.text);
    c.font = { name: FONT, size: l.size ?? 12, bold: !!l.bold, italic: !!l.italic };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = (l.size ?? 12) + 8;
  });
  return lines.length + 1; // a blank row under the block
}

function headerRow(ws: ExcelJS.Worksheet, row: number, labels: string[], startCol = 1): void {
  const r = ws.getRow(row);
  labels.forEach((h, i) => {
    const c = r.getCell(startCol + i);
    text(c, h);
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.header } };
    c.border = BORDER;
  });
  r.height = 32;
}

function bodyStyle(ws: ExcelJS.Worksheet, fromRow: number, toRow: number, fromCol: number, toCol: number): void {
  for (let r = fromRow; r <= toRow; r++) {
    const row = ws.getRow(r); // a row's cells directly: ws.getCell(r, c) goes through an address string
    for (let c = fromCol; c <= toCol; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { name: FONT, size: 11, ...(cell.font ?? {}) };
      cell.alignment = { vertical: 'middle', wrapText: true, ...(cell.alignment ?? {}) };
    }
  }
}

function printSetup(ws: ExcelJS.Worksheet, titleRow: number, lastCol: number, lastRow: number, o: { titleRows?: string; repeatCols?: string; smallestPt?: number } = {}): void {
  a4Landscape(ws, { titleRows: o.titleRows ?? `${titleRow}:${titleRow}`, lastCol, lastRow: Math.max(lastRow, titleRow), repeatCols: o.repeatCols, smallestPt: o.smallestPt });
}

/** A hash as printed: its first 12 characters (the full value is in a hidden column). */
const shortHash = (h: string | undefined) => (h ? (h.length > 13 ? `${h.slice(0, 12)}…` : h) : '');

const yearText = (r: Ranking) => (r.year ? String(r.year) : '');
const fmtDate = (d: Date) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
const fmtPoints = (x: number, lang: Lang) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));

function headLines(r: Ranking, title: string, lang: Lang, when: Date, extra?: string) {
  const t = L[lang];
  const lines: Array<{ text: string; size?: number; bold?: boolean; italic?: boolean }> = [];
  lines.push({ text: (r.cluster ?? '').toUpperCase() || (lang === 'vi' ? 'CỤM THI ĐUA' : 'EMULATION CLUSTER'), size: 12, bold: true });
  lines.push({ text: title, size: 14, bold: true });
  if (r.criteriaSet) lines.push({ text: t.setLine(r.criteriaSet.title, r.criteriaSet.id, r.criteriaSet.hash.slice(0, 12)), size: 11, italic: true });
  lines.push({ text: extra ? `${extra} ${t.generated(fmtDate(when))}` : t.generated(fmtDate(when)), size: 10, italic: true });
  return lines;
}

export async function writeRankingWorkbook(r: Ranking, opts: RankingWorkbookOptions = {}): Promise<Uint8Array> {
  const lang = opts.lang ?? 'vi';
  const when = opts.generatedAt ?? new Date();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  wb.keywords = RANKING_WORKBOOK_KEYWORD;
  wb.created = when;
  wb.modified = when;
  wb.title = L[lang].titleRanking(yearText(r));
  const charts = rankingSheet(wb, r, lang, when);
  matrixSheet(wb, r, lang, when);
  discrepancySheet(wb, r, lang, when);
  sourcesSheet(wb, r, lang, when);
  shareStyles(wb);
  // With charts the package is zipped once, by addCharts: exceljs only stores its parts.
  const buf = await wb.xlsx.writeBuffer(charts.length ? { zip: { compression: 'STORE' } } : undefined);
  return addCharts(new Uint8Array(buf as ArrayBuffer), RANKING_SHEETS.ranking, charts);
}

/**
 * Cells with equal styles are given one shared style object, just before writing: exceljs registers a
 * style object it has seen once (by identity) instead of rebuilding its XML for every cell, which was
 * half the cost of writing 1,000 units. Nothing changes a cell's style after this point.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const key = JSON.stringify(cell.style);
        const same = shared.get(key);
        if (same) cell.style = same;
        else shared.set(key, cell.style);
      }),
    ),
  );
}

/** Chart colours, the add-in's (addin/consolidate/ranking-sheets.ts). */
const CHART_COLORS = { final: '2F5597', self: 'A9D18E', inspected: '5B9BD5', thresholds: ['C00000', 'ED7D31', '7030A0'] };

/** Xếp hạng, and the two charts the add-in draws there (final score with the award thresholds; self vs inspected). */
function rankingSheet(wb: ExcelJS.Workbook, r: Ranking, lang: Lang, when: Date): ChartDef[] {
  const t = L[lang];
  const tr = (b: Bilingual) => b[lang];
  const ws = wb.addWorksheet(RANKING_SHEETS.ranking, { properties: { tabColor: { argb: 'FF2F5597' } } });
  const widths = [7, 30, 11, 11, 11, 11, 12, 24, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = widths.length;
  // The award thresholds, one column each right of the table (K onwards, as the add-in): the chart's lines.
  const thresholds = r.awards.filter((a) => a.minTotal > 0);
  const thresholdCol = (i: number) => last + 2 + i;
  // Hidden: chart data only (the charts plot hidden cells), never printed.
  ws.getColumn(last + 1).width = 3;
  thresholds.forEach((_, i) => Object.assign(ws.getColumn(thresholdCol(i)), { width: 16, hidden: true }));
  const head = titleBlock(ws, last, headLines(r, t.titleRanking(yearText(r)), lang, when)) + 1;
  headerRow(ws, head, t.rankingHead);
  const thresholdName = (a: (typeof thresholds)[number]) => t.threshold(tr(a.label), fmtPoints(a.minTotal, lang));
  if (thresholds.length) headerRow(ws, head, thresholds.map(thresholdName), thresholdCol(0));
  let row = head + 1;
  for (const u of r.units) {
    const x = ws.getRow(row);
    num(x.getCell(1), u.rank, '0');
    x.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    text(x.getCell(2), u.unit);
    num(x.getCell(3), u.self);
    num(x.getCell(4), u.inspected);
    num(x.getCell(5), u.final);
    x.getCell(5).font = { name: FONT, size: 11, bold: true };
    text(x.getCell(6), t.source[u.source]);
    const cls = u.classification ? (lang === 'en' ? (u.classification.labelEn ?? u.classification.label) : u.classification.label) : '';
    text(x.getCell(7), cls);
    text(x.getCell(8), u.awards.map((a) => tr(a.label)).join('; '));
    text(x.getCell(9), u.notes.map(tr).join('\n'));
    thresholds.forEach((a, i) => num(x.getCell(thresholdCol(i)), a.minTotal));
    row++;
  }
  const lastData = row - 1;
  if (lastData > head) {
    bodyStyle(ws, head + 1, lastData, 1, last);
    // Rows do not grow by themselves in every reader: sized for their wrapped text.
    fitRowHeights(ws, head + 1, lastData, 1, last, 20);
    if (thresholds.length) bodyStyle(ws, head + 1, lastData, thresholdCol(0), thresholdCol(thresholds.length - 1));
    const range = `A${head + 1}:${ws.getColumn(last).letter}${lastData}`;
    ws.addConditionalFormatting({
      ref: range,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`LEN($H${head + 1})>0`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.award } }, font: { bold: true } },
        },
      ],
    });
    ws.addConditionalFormatting({
      ref: `C${head + 1}:D${lastData}`,
      rules: [
        {
          type: 'expression',
          priority: 2,
          formulae: [`AND(ISNUMBER($C${head + 1}),ISNUMBER($D${head + 1}),ABS($D${head + 1}-$C${head + 1})>=${r.policy.totalMoveThreshold})`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.discrepancy } } },
        },
      ],
    });
  }
  // Award proposals, refused files, signatures.
  row++;
  const line = (s: string, bold = false, italic = false) => {
    ws.mergeCells(row, 1, row, last);
    const c = ws.getCell(row, 1);
    text(c, s);
    c.font = { name: FONT, size: 11, bold, italic };
    c.alignment = { wrapText: true, vertical: 'top' };
    fitRowHeights(ws, row, row, 1, 1);
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
      ws.mergeCells(startRow + i, col1, startRow + i, col2);
      const c = ws.getCell(startRow + i, col1);
      text(c, s);
      c.font = { name: FONT, size: 12, bold, italic };
      c.alignment = { horizontal: 'center' };
    });
  };
  sig(7, 9, [[t.date, false, true]], row);
  row++;
  sig(1, 4, [[t.sign[0], true, false], [t.signHint, false, true]], row);
  sig(7, 9, [[t.sign[1], true, false], [t.signHint, false, true]], row);
  row += 6;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: head, topLeftCell: `C${head + 1}`, activeCell: `A${head + 1}` }];
  ws.autoFilter = lastData > head ? { from: { row: head, column: 1 }, to: { row: lastData, column: last } } : undefined;
  // The charts print too, on a page of their own after the signatures.
  if (lastData > head) ws.getRow(row - 1).addPageBreak();
  printSetup(ws, head, last, lastData > head ? row + 21 : row);
  if (lastData <= head) return [];
  // Charts under the signatures, where the add-in puts them: A..E and F..I, 20 rows high.
  const sheet = RANKING_SHEETS.ranking;
  const col = (c: number) => ws.getColumn(c).letter;
  const ref = (c: number) => absRef(sheet, col(c), head + 1, col(c), lastData);
  const categories = { categoriesRef: ref(2), categories: r.units.map((u) => safeText(u.unit)) };
  const top = row; // zero-based anchor row = the row under the printed area
  const values = (f: (u: Ranking['units'][number]) => number | null) => r.units.map(f);
  return [
    {
      title: t.chartFinal,
      ...categories,
      series: [
        { name: t.rankingHead[4], nameRef: absRef(sheet, 'E', head), valuesRef: ref(5), values: values((u) => u.final), color: CHART_COLORS.final },
        ...thresholds.map((a, i) => ({
          name: thresholdName(a),
          nameRef: absRef(sheet, col(thresholdCol(i)), head),
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
}

/** Matrix columns: each section's leaves, then the section's subtotal; the total at the end. */
function matrixColumns(r: Ranking): Array<{ node: CompiledNode | null; kind: 'leaf' | 'section' | 'total'; label: string; max: number | null }> {
  const set = r.set;
  if (!set) return [];
  const cols: Array<{ node: CompiledNode | null; kind: 'leaf' | 'section' | 'total'; label: string; max: number | null }> = [];
  for (const s of set.sections) {
    for (const leaf of set.leaves) if (leaf.sectionId === s.id && leaf.id !== s.id) cols.push({ node: leaf, kind: 'leaf', label: leaf.text, max: leaf.max });
    cols.push({ node: s, kind: 'section', label: s.text, max: s.role === 'bonus' ? (s.cap ?? s.max) : s.max });
  }
  cols.push({ node: null, kind: 'total', label: '', max: set.maxBase + set.maxBonus });
  return cols;
}

function printedNumber(r: Ranking, id: string): string {
  return r.set?.byId.get(id)?.fullNumber ?? id;
}

function matrixSheet(wb: ExcelJS.Workbook, r: Ranking, lang: Lang, when: Date): void {
  const t = L[lang];
  const ws = wb.addWorksheet(RANKING_SHEETS.matrix, { properties: { tabColor: { argb: 'FF548235' } } });
  const cols = matrixColumns(r);
  const first = 3;
  const last = first + cols.length - 1;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 30;
  for (let i = 0; i < cols.length; i++) ws.getColumn(first + i).width = cols[i].kind === 'leaf' ? 7.5 : 9;
  // Merged blocks (title, legend) stay within the first page's columns when the sheet spans pages across.
  const pageCols = Math.min(Math.max(last, 8), 14);
  const head = titleBlock(ws, pageCols, headLines(r, t.titleMatrix(yearText(r)), lang, when, t.matrixNote)) + 1;
  // Header: the abbreviated numbers (I.1, Cộng I) over two rows, readable in print; the texts go in the
  // legend under the table. Then the max row.
  headerRow(ws, head, [t.rank, t.matrixUnit]);
  headerRow(ws, head + 1, ['', '']);
  ws.mergeCells(head, 1, head + 1, 1);
  ws.mergeCells(head, 2, head + 1, 2);
  const label = (c: (typeof cols)[number]) => (c.kind === 'total' ? t.total : c.kind === 'section' ? t.sectionTotal(c.node!.number) : printedNumber(r, c.node!.id));
  cols.forEach((c, i) => {
    const col = first + i;
    const numCell = ws.getCell(head, col);
    text(numCell, label(c));
    for (const cell of [numCell, ws.getCell(head + 1, col)]) {
      cell.font = { name: FONT, size: 10, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.kind === 'leaf' ? COLORS.header : COLORS.section } };
      cell.border = BORDER;
    }
    ws.mergeCells(head, col, head + 1, col);
  });
  ws.getRow(head).height = 18;
  ws.getRow(head + 1).height = 18;
  const maxRow = head + 2;
  text(ws.getCell(maxRow, 2), t.maxRow);
  cols.forEach((c, i) => num(ws.getCell(maxRow, first + i), c.max));
  for (let c = 1; c <= last; c++) {
    const cell = ws.getCell(maxRow, c);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.maxRow } };
    cell.font = { name: FONT, size: 10, italic: true, bold: c === 2 };
    cell.border = BORDER;
  }
  let row = maxRow + 1;
  for (const u of r.units) {
    const x = ws.getRow(row);
    num(x.getCell(1), u.rank, '0');
    x.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    text(x.getCell(2), u.unit);
    cols.forEach((c, i) => {
      const v = c.kind === 'total' ? u.final : u.nodes[c.node!.id];
      const cell = x.getCell(first + i);
      num(cell, v ?? null);
      if (c.kind !== 'leaf') {
        cell.font = { name: FONT, size: 10, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.section } };
      }
    });
    row++;
  }
  if (row > maxRow + 1) {
    bodyStyle(ws, maxRow + 1, row - 1, 1, last);
    for (let rr = maxRow + 1; rr < row; rr++) {
      const x = ws.getRow(rr);
      for (let c = first; c <= last; c++) x.getCell(c).font = { name: FONT, size: 10, ...(x.getCell(c).font ?? {}) };
    }
  }
  fitRowHeights(ws, maxRow + 1, row - 1, 1, 2, 18);
  // The legend: each column's number and its criterion or section text.
  row++;
  const legendLine = (s: string, bold = false) => {
    ws.mergeCells(row, 1, row, pageCols);
    const c = ws.getCell(row, 1);
    text(c, s);
    c.font = { name: FONT, size: 10, bold };
    c.alignment = { wrapText: true, vertical: 'top' };
    fitRowHeights(ws, row, row, 1, 1, 15);
    row++;
  };
  legendLine(t.legend, true);
  for (const c of cols) if (c.kind !== 'total') legendLine(`${label(c)}: ${c.label}`, c.kind === 'section');
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: maxRow, topLeftCell: `C${maxRow + 1}`, activeCell: `A${maxRow + 1}` }];
  printSetup(ws, head, last, row - 1, { titleRows: `${head}:${maxRow}`, repeatCols: 'A:B', smallestPt: 10 });
}

function discrepancySheet(wb: ExcelJS.Workbook, r: Ranking, lang: Lang, when: Date): void {
  const t = L[lang];
  const ws = wb.addWorksheet(RANKING_SHEETS.discrepancies, { properties: { tabColor: { argb: 'FFC55A11' } } });
  const widths = [6, 26, 8, 44, 10, 10, 10, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = widths.length;
  const head = titleBlock(ws, last, headLines(r, t.titleDisc, lang, when, t.discNote(fmtPoints(r.policy.tolerance, lang)))) + 1;
  headerRow(ws, head, t.discHead);
  let row = head + 1;
  r.discrepancies.forEach((d, i) => {
    const x = ws.getRow(row);
    num(x.getCell(1), i + 1, '0');
    text(x.getCell(2), d.unit);
    text(x.getCell(3), d.number);
    text(x.getCell(4), d.text);
    num(x.getCell(5), d.self);
    num(x.getCell(6), d.inspected);
    num(x.getCell(7), d.delta, SIGNED_POINTS);
    text(x.getCell(8), d.remark ?? '');
    row++;
  });
  if (!r.discrepancies.length) {
    ws.mergeCells(row, 1, row, last);
    text(ws.getCell(row, 1), t.noDisc);
    ws.getCell(row, 1).font = { name: FONT, italic: true };
    row++;
  } else {
    bodyStyle(ws, head + 1, row - 1, 1, last);
    fitRowHeights(ws, head + 1, row - 1, 1, last, 18);
    const twice = 2 * r.policy.tolerance;
    if (twice > 0)
      ws.addConditionalFormatting({
        ref: `A${head + 1}:H${row - 1}`,
        rules: [
          {
            type: 'expression',
            priority: 1,
            formulae: [`ABS($G${head + 1})>=${twice}`],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.discrepancy } } },
          },
        ],
      });
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: head, topLeftCell: `A${head + 1}`, activeCell: `A${head + 1}` }];
  // Totals that moved.
  row += 1;
  ws.mergeCells(row, 1, row, last);
  text(ws.getCell(row, 1), t.movesHead(fmtPoints(r.policy.totalMoveThreshold, lang)));
  ws.getCell(row, 1).font = { name: FONT, size: 12, bold: true };
  row++;
  headerRow(ws, row, t.movesCols);
  const movesHead = row;
  row++;
  r.totalMoves.forEach((m, i) => {
    num(ws.getCell(row, 1), i + 1, '0');
    text(ws.getCell(row, 2), m.unit);
    num(ws.getCell(row, 3), m.self);
    num(ws.getCell(row, 4), m.inspected);
    num(ws.getCell(row, 5), m.delta, SIGNED_POINTS);
    row++;
  });
  if (r.totalMoves.length) {
    bodyStyle(ws, movesHead + 1, row - 1, 1, 5);
    fitRowHeights(ws, movesHead + 1, row - 1, 1, 5, 18);
  }
  printSetup(ws, head, last, row);
}

function sourcesSheet(wb: ExcelJS.Workbook, r: Ranking, lang: Lang, when: Date): void {
  const t = L[lang];
  const ws = wb.addWorksheet(RANKING_SHEETS.sources, { properties: { tabColor: { argb: 'FF7F7F7F' } } });
  // Printed hashes are shortened (…); the full values are in the hidden columns L and M. Column K says
  // where the scores came from (source; inspection stamp; self file checked against), one line each,
  // so the sheet still prints one page wide at 8 pt or more.
  const widths = [5, 24, 15, 20, 6, 9, 13, 15, 11, 26, 15];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = widths.length;
  const full = { file: last + 1, set: last + 2 };
  for (const c of [full.file, full.set]) Object.assign(ws.getColumn(c), { width: 66, hidden: true });
  const head = titleBlock(ws, last, headLines(r, t.titleSources, lang, when)) + 1;
  headerRow(ws, head, t.srcHead);
  headerRow(ws, head, [t.srcProvenanceHead[0]], t.srcHead.length + 1);
  let row = head + 1;
  r.sources.forEach((s, i) => {
    const x = ws.getRow(row);
    num(x.getCell(1), i + 1, '0');
    text(x.getCell(2), s.file);
    text(x.getCell(3), shortHash(s.sha256));
    x.getCell(3).font = { name: 'Consolas', size: 10 };
    text(x.getCell(full.file), s.sha256 ?? '');
    // Wrapped, so a reader never lets the hidden text overflow into the printed columns.
    for (const c of [full.file, full.set]) x.getCell(c).alignment = { wrapText: true, vertical: 'top' };
    text(x.getCell(4), s.unit ?? '');
    num(x.getCell(5), s.year, '0');
    text(x.getCell(6), s.layout ?? '');
    text(x.getCell(7), s.criteriaSet?.id ?? '');
    text(x.getCell(8), shortHash(s.criteriaSet?.hash));
    x.getCell(8).font = { name: 'Consolas', size: 10 };
    text(x.getCell(full.set), s.criteriaSet?.hash ?? '');
    text(x.getCell(9), t.status[s.status]);
    const errors = s.problems.filter((p) => p.severity === 'error').length;
    const warnings = s.problems.length - errors;
    const lines = s.problems.length ? [t.problemsCount(errors, warnings), ...s.problems.map((p) => formatProblem({ ...p, file: undefined }, lang))] : [];
    text(x.getCell(10), lines.join('\n'));
    // Provenance: where the columns came from (mode; inspection stamp; the self file checked against).
    text(x.getCell(11), provenanceText(s, lang));
    row++;
  });
  if (row > head + 1) {
    headerRow(ws, head, [`${t.srcHead[2]}`, t.srcHead[7]], full.file);
    bodyStyle(ws, head + 1, row - 1, 1, last);
    fitRowHeights(ws, head + 1, row - 1, 1, last, 18);
    ws.addConditionalFormatting({
      ref: `A${head + 1}:${ws.getColumn(last).letter}${row - 1}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`$I${head + 1}="${t.status.refused}"`],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.refused } } },
        },
      ],
    });
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: head, topLeftCell: `C${head + 1}`, activeCell: `A${head + 1}` }];
  printSetup(ws, head, last, row);
}
