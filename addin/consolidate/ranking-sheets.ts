/**
 * The ranking sheets the pane writes into the open workbook, as pure layouts for the host: the same four
 * sheets and columns as the command line's ranking workbook (engine/workbook/ranking-workbook.ts): Xếp
 * hạng, Ma trận điểm, Chênh lệch, Nguồn; each data block an Excel table with number formats and
 * conditional formats, and on Xếp hạng two charts (final score by unit with the award thresholds drawn as
 * lines; self vs inspected totals).
 *
 * Every sheet's cells are built in memory and written as one block, so writing costs the same number of
 * round trips for 3 or 60 units, 20 or 300 criteria. Text from the inputs (unit names, remarks, file names,
 * messages) is written as text: "@" number format and a leading apostrophe before = + - @, so a unit named
 * "=HYPERLINK(...)" never becomes a formula.
 * Slightly past 400 lines: the four sheets share one table and format vocabulary; a file per sheet is next.
 *
 * Differences from the file the CLI writes, forced by Excel tables (a table's header is one row of unique
 * labels right above its data, without merged cells): on Ma trận điểm the criterion texts and the max row
 * come above the header row of numbers instead of below it; Xếp hạng has the chart data (award thresholds)
 * in columns K onwards.
 */
import type { CompiledNode } from '../../engine/core/compile';
import { columnLetter } from '../../engine/core/grid';
import type { Bilingual, Lang } from '../../engine/core/i18n';
import { formatProblem } from '../../engine/core/problems';
import type { Ranking } from '../../engine/core/rank/ranking';
import type { ChartSpec, ConditionalRule, HostValue, RangeFormat, SheetLayout, TableSpec } from '../host/types';
import { printedNumber } from '../scoring/inspection';
import { provenanceText, RANKING_LABELS, RANKING_SHEET_NAMES } from '../../engine/core/rank/sheet-labels';
import { asText } from '../scoring/render-plan';

export { RANKING_SHEET_NAMES };
/** The hidden sheet-scoped name that marks a sheet as written by the consolidation. */
export const RANKING_MARKER = '_thidua_ranking';

const POINTS = '0.00';
const SIGNED_POINTS = '+0.00;-0.00;0.00';
const INTEGER = '0';
const COLORS = {
  header: '#D9E1F2',
  section: '#EDEDED',
  maxRow: '#F2F2F2',
  award: '#FFF2CC',
  discrepancy: '#F8CBAD',
  refused: '#FCE4D6',
  final: '#2F5597',
  self: '#A9D18E',
  inspected: '#5B9BD5',
  thresholds: ['#C00000', '#ED7D31', '#7030A0'],
};

const L = {
  vi: { ...RANKING_LABELS.vi,
    generated: (d: string) => `Lập ngày ${d} bằng phần bổ trợ thidua trong Excel`,
  },
  en: { ...RANKING_LABELS.en,
    generated: (d: string) => `Prepared on ${d} with the thidua Excel add-in`,
  },
};

// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Text from the inputs as Excel will keep it: no control characters, within the cell limit, never a formula. */
export function cellText(s: unknown): string {
  const t = String(s ?? '').replace(ILLEGAL, '');
  return asText(t.length > 32000 ? `${t.slice(0, 31999)}…` : t);
}

/** Excel column width (characters) to points. */
const points = (chars: number) => Math.round(chars * 5.7 * 10) / 10;
const fmtDate = (d: Date) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
const fmtPoints = (x: number, lang: Lang) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));

/** One sheet's cells and number formats in memory, written as a single block. */
class Sheet {
  cells: HostValue[][] = [];
  fmt: string[][] = [];
  formats: RangeFormat[] = [];
  merges: string[] = [];
  conditional: ConditionalRule[] = [];
  tables: TableSpec[] = [];
  charts: ChartSpec[] = [];
  constructor(readonly width: number) {}
  private ensure(row: number): void {
    while (this.cells.length < row) {
      this.cells.push(Array<HostValue>(this.width).fill(null));
      this.fmt.push(Array<string>(this.width).fill('General'));
    }
  }
  text(row: number, col: number, s: unknown): void {
    this.ensure(row);
    this.cells[row - 1][col - 1] = cellText(s);
    this.fmt[row - 1][col - 1] = '@';
  }
  num(row: number, col: number, v: number | null | undefined, fmt = POINTS): void {
    this.ensure(row);
    this.cells[row - 1][col - 1] = v === null || v === undefined || Number.isNaN(v) ? null : v;
    this.fmt[row - 1][col - 1] = fmt;
  }
  get rows(): number {
    return this.cells.length;
  }
  /** A line of text merged across the first `cols` columns. */
  line(row: number, cols: number, s: string, f: Omit<RangeFormat, 'address'> = {}): void {
    this.text(row, 1, s);
    const a = `A${row}:${columnLetter(cols)}${row}`;
    this.merges.push(a);
    this.formats.push({ address: a, wrap: true, verticalAlign: 'top', ...f });
  }
  layout(sheet: string, widths: number[], extra: Partial<SheetLayout>): SheetLayout {
    this.ensure(1);
    return {
      sheet,
      blocks: [{ address: `A1:${columnLetter(this.width)}${this.rows}`, cells: this.cells, numberFormat: this.fmt }],
      formats: this.formats,
      merges: this.merges,
      conditional: this.conditional,
      tables: this.tables,
      charts: this.charts,
      columnWidths: widths.map((w, i) => ({ column: columnLetter(i + 1), width: points(w) })),
      ...extra,
    };
  }
}

type Lines = Array<{ text: string; size?: number; bold?: boolean; italic?: boolean }>;

function headLines(r: Ranking, title: string, lang: Lang, when: Date, extra?: string): Lines {
  const t = L[lang];
  const lines: Lines = [];
  lines.push({ text: (r.cluster ?? '').toUpperCase() || t.cluster, size: 12, bold: true });
  lines.push({ text: title, size: 14, bold: true });
  if (r.criteriaSet) lines.push({ text: t.setLine(r.criteriaSet.title, r.criteriaSet.id, r.criteriaSet.hash.slice(0, 12)), size: 11, italic: true });
  lines.push({ text: extra ? `${extra} ${t.generated(fmtDate(when))}` : t.generated(fmtDate(when)), size: 10, italic: true });
  return lines;
}

/** Title lines merged across the sheet; returns the header row (a blank row under the block). */
function titleBlock(s: Sheet, cols: number, lines: Lines): number {
  lines.forEach((l, i) => s.line(i + 1, cols, l.text, { bold: !!l.bold, italic: !!l.italic, fontSize: l.size ?? 12, align: 'center', verticalAlign: 'center' }));
  return lines.length + 2;
}

function header(s: Sheet, row: number, labels: string[], startCol = 1): void {
  labels.forEach((h, i) => s.text(row, startCol + i, h));
  s.formats.push({ address: `${columnLetter(startCol)}${row}:${columnLetter(startCol + labels.length - 1)}${row}`, bold: true, align: 'center', verticalAlign: 'center', wrap: true, fill: COLORS.header, border: true });
}

function body(s: Sheet, from: number, to: number, c1: number, c2: number): void {
  if (to < from) return;
  s.formats.push({ address: `${columnLetter(c1)}${from}:${columnLetter(c2)}${to}`, border: true, verticalAlign: 'center', wrap: true });
}

export interface RankingSheetsOptions {
  lang: Lang;
  when: Date;
  /** Makes the table names of this run unique in the workbook (old tables go with the old sheets). */
  stamp: string;
}

export function rankingSheetLayouts(r: Ranking, opts: RankingSheetsOptions): SheetLayout[] {
  return [rankingSheet(r, opts), matrixSheet(r, opts), discrepancySheet(r, opts), sourcesSheet(r, opts)];
}

const print = (last: number, lastRow: number, titleRow: number) => ({ area: `A1:${columnLetter(last)}${Math.max(lastRow, titleRow)}`, titleRows: `$${titleRow}:$${titleRow}`, landscape: true });

function rankingSheet(r: Ranking, { lang, when, stamp }: RankingSheetsOptions): SheetLayout {
  const t = L[lang];
  const tr = (b: Bilingual) => b[lang];
  const widths = [7, 36, 11, 11, 11, 11, 12, 26, 60];
  const last = widths.length;
  const thresholds = r.awards.filter((a) => a.minTotal > 0);
  const s = new Sheet(last + 1 + thresholds.length);
  const head = titleBlock(s, last, headLines(r, t.titleRanking(r.year ? String(r.year) : ''), lang, when));
  header(s, head, t.rankingHead);
  let row = head + 1;
  for (const u of r.units) {
    s.num(row, 1, u.rank, INTEGER);
    s.text(row, 2, u.unit);
    s.num(row, 3, u.self);
    s.num(row, 4, u.inspected);
    s.num(row, 5, u.final);
    s.text(row, 6, t.source[u.source]);
    s.text(row, 7, u.classification ? (lang === 'en' ? (u.classification.labelEn ?? u.classification.label) : u.classification.label) : '');
    s.text(row, 8, u.awards.map((a) => tr(a.label)).join('; '));
    s.text(row, 9, u.notes.map(tr).join('\n'));
    thresholds.forEach((a, i) => s.num(row, last + 2 + i, a.minTotal));
    row++;
  }
  const lastData = row - 1;
  const charts: ChartSpec[] = [];
  if (lastData > head) {
    body(s, head + 1, lastData, 1, last);
    s.formats.push(
      { address: `A${head + 1}:A${lastData}`, align: 'center' },
      { address: `C${head + 1}:E${lastData}`, align: 'right' },
      { address: `E${head + 1}:E${lastData}`, bold: true },
    );
    s.conditional.push(
      { address: `A${head + 1}:I${lastData}`, formula: `=LEN($H${head + 1})>0`, fill: COLORS.award, bold: true },
      { address: `C${head + 1}:D${lastData}`, formula: `=AND(ISNUMBER($C${head + 1}),ISNUMBER($D${head + 1}),ABS($D${head + 1}-$C${head + 1})>=${r.policy.totalMoveThreshold})`, fill: COLORS.discrepancy },
    );
    s.tables.push({ name: `ThiDua_XepHang_${stamp}`, address: `A${head}:I${lastData}`, style: 'TableStyleLight9' });
    if (thresholds.length) {
      header(s, head, thresholds.map((a) => t.threshold(tr(a.label), fmtPoints(a.minTotal, lang))), last + 2);
      body(s, head + 1, lastData, last + 2, last + 1 + thresholds.length);
    }
  }
  // Award proposals, refused files, signatures.
  row++;
  if (r.awards.length) {
    s.line(row++, last, t.awardsHead, { bold: true });
    for (const a of r.awards) s.line(row++, last, `- ${t.awardLine(tr(a.label), a.quota, fmtPoints(a.minTotal, lang), a.units.join(', ') || t.nobody)}${a.note ? ` (${tr(a.note)})` : ''}`);
  }
  if (r.refused) s.line(row++, last, t.refusedLine(r.refused), { italic: true });
  row++;
  const sig = (c1: number, c2: number, text: string, f: Omit<RangeFormat, 'address'>, at: number) => {
    s.text(at, c1, text);
    const a = `${columnLetter(c1)}${at}:${columnLetter(c2)}${at}`;
    s.merges.push(a);
    s.formats.push({ address: a, align: 'center', ...f });
  };
  sig(7, 9, t.date, { italic: true }, row++);
  sig(1, 4, t.sign[0], { bold: true }, row);
  sig(7, 9, t.sign[1], { bold: true }, row++);
  sig(1, 4, t.signHint, { italic: true }, row);
  sig(7, 9, t.signHint, { italic: true }, row++);
  row += 4;
  const printLast = row;
  // Charts under the signatures: final scores with the award thresholds, then self vs inspected totals.
  if (lastData > head) {
    const units = `B${head + 1}:B${lastData}`;
    const top = row + 1;
    charts.push({
      name: 'ThiDua_DiemXepHang',
      type: 'ColumnClustered',
      title: t.chartFinal,
      categories: units,
      series: [
        { name: t.rankingHead[4], values: `E${head + 1}:E${lastData}`, color: COLORS.final },
        ...thresholds.map((a, i) => ({ name: t.threshold(tr(a.label), fmtPoints(a.minTotal, lang)), values: `${columnLetter(last + 2 + i)}${head + 1}:${columnLetter(last + 2 + i)}${lastData}`, line: true, color: COLORS.thresholds[i % COLORS.thresholds.length] })),
      ],
      from: `A${top}`,
      to: `E${top + 20}`,
      valueAxisTitle: t.points,
    });
    charts.push({
      name: 'ThiDua_TuChamCumCham',
      type: 'ColumnClustered',
      title: t.chartSelfInspected,
      categories: units,
      series: [
        { name: t.rankingHead[2], values: `C${head + 1}:C${lastData}`, color: COLORS.self },
        { name: t.rankingHead[3], values: `D${head + 1}:D${lastData}`, color: COLORS.inspected },
      ],
      from: `F${top}`,
      to: `I${top + 20}`,
      valueAxisTitle: t.points,
    });
  }
  s.charts = charts;
  return s.layout(RANKING_SHEET_NAMES.ranking, [...widths, 3, ...thresholds.map(() => 16)], {
    activate: true,
    freezeRows: head,
    print: print(last, printLast, head),
  });
}

/** Matrix columns: each section's leaves, then the section's subtotal; the total at the end. */
function matrixColumns(r: Ranking): Array<{ node: CompiledNode | null; kind: 'leaf' | 'section' | 'total'; label: string; max: number | null }> {
  const set = r.set;
  if (!set) return [];
  const cols: Array<{ node: CompiledNode | null; kind: 'leaf' | 'section' | 'total'; label: string; max: number | null }> = [];
  for (const sec of set.sections) {
    for (const leaf of set.leaves) if (leaf.sectionId === sec.id && leaf.id !== sec.id) cols.push({ node: leaf, kind: 'leaf', label: leaf.text, max: leaf.max });
    cols.push({ node: sec, kind: 'section', label: sec.text, max: sec.role === 'bonus' ? (sec.cap ?? sec.max) : sec.max });
  }
  cols.push({ node: null, kind: 'total', label: '', max: set.maxBase + set.maxBonus });
  return cols;
}

function matrixSheet(r: Ranking, { lang, when, stamp }: RankingSheetsOptions): SheetLayout {
  const t = L[lang];
  const cols = matrixColumns(r);
  const first = 3;
  const last = Math.max(first + cols.length - 1, 2);
  const s = new Sheet(last);
  const titleCols = Math.max(last, 8);
  const textRow = titleBlock(s, Math.min(titleCols, s.width), headLines(r, t.titleMatrix(r.year ? String(r.year) : ''), lang, when, t.matrixNote));
  const maxRow = textRow + 1;
  const head = textRow + 2;
  // Criterion texts (rotated), the max points, then the table's header of printed numbers.
  const seen = new Set<string>();
  const unique = (label: string) => {
    let l = label;
    for (let i = 2; seen.has(l); i++) l = `${label} (${i})`;
    seen.add(l);
    return l;
  };
  header(s, head, [unique(t.rank), unique(t.matrixUnit)]);
  s.text(maxRow, 2, t.maxRow);
  cols.forEach((c, i) => {
    const col = first + i;
    s.text(textRow, col, c.kind === 'total' ? '' : c.label);
    s.text(head, col, unique(c.kind === 'total' ? t.total : c.kind === 'section' ? t.sectionTotal(c.node!.number) : printedNumber(r.set!, c.node!.id)));
    s.num(maxRow, col, c.max);
  });
  if (cols.length) {
    const L1 = columnLetter(first);
    const L2 = columnLetter(last);
    s.formats.push(
      { address: `${L1}${textRow}:${L2}${textRow}`, fontSize: 8, wrap: true, align: 'center', verticalAlign: 'bottom', textOrientation: 90, border: true, fill: COLORS.header },
      { address: `${L1}${head}:${L2}${head}`, fontSize: 10, bold: true, fill: COLORS.header, align: 'center', border: true, wrap: true },
      { address: `A${maxRow}:${L2}${maxRow}`, italic: true, fill: COLORS.maxRow, fontSize: 10, border: true },
      { address: `B${maxRow}`, bold: true },
    );
  }
  let row = head + 1;
  for (const u of r.units) {
    s.num(row, 1, u.rank, INTEGER);
    s.text(row, 2, u.unit);
    cols.forEach((c, i) => s.num(row, first + i, c.kind === 'total' ? u.final : (u.nodes[c.node!.id] ?? null)));
    row++;
  }
  const lastData = row - 1;
  if (lastData > head) {
    body(s, head + 1, lastData, 1, last);
    s.formats.push({ address: `A${head + 1}:A${lastData}`, align: 'center' }, { address: `${columnLetter(first)}${head + 1}:${columnLetter(last)}${lastData}`, fontSize: 10 });
    // Section subtotals and the total stand out.
    cols.forEach((c, i) => {
      if (c.kind !== 'leaf') s.formats.push({ address: `${columnLetter(first + i)}${head + 1}:${columnLetter(first + i)}${lastData}`, bold: true, fill: COLORS.section });
    });
    // A score of 0 on a criterion worth points (nothing earned there) is highlighted.
    s.conditional.push({ address: `${columnLetter(first)}${head + 1}:${columnLetter(last)}${lastData}`, formula: `=AND(ISNUMBER(${columnLetter(first)}${head + 1}),${columnLetter(first)}${head + 1}=0,N(${columnLetter(first)}$${maxRow})>0)`, fill: COLORS.award });
    s.tables.push({ name: `ThiDua_MaTran_${stamp}`, address: `A${head}:${columnLetter(last)}${lastData}`, style: 'TableStyleLight1' });
  }
  return s.layout(RANKING_SHEET_NAMES.matrix, [6, 30, ...cols.map((c) => (c.kind === 'leaf' ? 7.5 : 9))], {
    freezeRows: head,
    rowHeights: [{ row: textRow, height: 150 }],
    print: { ...print(last, row, head), titleRows: `$${textRow}:$${head}` },
  });
}

function discrepancySheet(r: Ranking, { lang, when, stamp }: RankingSheetsOptions): SheetLayout {
  const t = L[lang];
  const widths = [6, 30, 9, 50, 11, 11, 11, 50];
  const last = widths.length;
  const s = new Sheet(last);
  const head = titleBlock(s, last, headLines(r, t.titleDisc, lang, when, t.discNote(fmtPoints(r.policy.tolerance, lang))));
  header(s, head, t.discHead);
  let row = head + 1;
  r.discrepancies.forEach((d, i) => {
    s.num(row, 1, i + 1, INTEGER);
    s.text(row, 2, d.unit);
    s.text(row, 3, d.number);
    s.text(row, 4, d.text);
    s.num(row, 5, d.self);
    s.num(row, 6, d.inspected);
    s.num(row, 7, d.delta, SIGNED_POINTS);
    s.text(row, 8, d.remark ?? '');
    row++;
  });
  if (!r.discrepancies.length) s.line(row++, last, t.noDisc, { italic: true });
  else {
    body(s, head + 1, row - 1, 1, last);
    const twice = 2 * r.policy.tolerance;
    if (twice > 0) s.conditional.push({ address: `A${head + 1}:H${row - 1}`, formula: `=ABS($G${head + 1})>=${twice}`, fill: COLORS.discrepancy });
    s.tables.push({ name: `ThiDua_ChenhLech_${stamp}`, address: `A${head}:H${row - 1}`, style: 'TableStyleLight10' });
  }
  // Totals that moved.
  row += 1;
  s.line(row++, last, t.movesHead(fmtPoints(r.policy.totalMoveThreshold, lang)), { bold: true, fontSize: 12 });
  header(s, row, t.movesCols);
  const movesHead = row++;
  r.totalMoves.forEach((m, i) => {
    s.num(row, 1, i + 1, INTEGER);
    s.text(row, 2, m.unit);
    s.num(row, 3, m.self);
    s.num(row, 4, m.inspected);
    s.num(row, 5, m.delta, SIGNED_POINTS);
    row++;
  });
  if (r.totalMoves.length) {
    body(s, movesHead + 1, row - 1, 1, 5);
    s.tables.push({ name: `ThiDua_TongThayDoi_${stamp}`, address: `A${movesHead}:E${row - 1}`, style: 'TableStyleLight10' });
  } else s.line(row++, 5, t.noMoves, { italic: true });
  return s.layout(RANKING_SHEET_NAMES.discrepancies, widths, { freezeRows: head, print: print(last, row, head) });
}

function sourcesSheet(r: Ranking, { lang, when, stamp }: RankingSheetsOptions): SheetLayout {
  const t = L[lang];
  const widths = [6, 36, 22, 30, 7, 10, 20, 22, 13, 70, 40];
  const last = widths.length;
  const s = new Sheet(last);
  const head = titleBlock(s, last, headLines(r, t.titleSources, lang, when));
  header(s, head, [...t.srcHead, t.srcProvenanceHead[0]]);
  let row = head + 1;
  r.sources.forEach((src, i) => {
    s.num(row, 1, i + 1, INTEGER);
    s.text(row, 2, src.file);
    s.text(row, 3, src.sha256 ?? '');
    s.text(row, 4, src.unit ?? '');
    s.num(row, 5, src.year, INTEGER);
    s.text(row, 6, src.layout ?? '');
    s.text(row, 7, src.criteriaSet?.id ?? '');
    s.text(row, 8, src.criteriaSet?.hash ?? '');
    s.text(row, 9, t.status[src.status]);
    const errors = src.problems.filter((p) => p.severity === 'error').length;
    const warnings = src.problems.length - errors;
    // A file's problems in one cell: the first 50 (a broken file may have hundreds).
    const shown = src.problems.slice(0, 50).map((p) => formatProblem({ ...p, file: undefined }, lang));
    if (src.problems.length > shown.length) shown.push(`… (+${src.problems.length - shown.length})`);
    s.text(row, 10, src.problems.length ? [t.problemsCount(errors, warnings), ...shown].join('\n') : '');
    // Provenance, as the command line's Nguồn sheet (issue 17): mode, inspection stamp, self file matched.
    s.text(row, 11, provenanceText(src, lang));
    row++;
  });
  if (row > head + 1) {
    body(s, head + 1, row - 1, 1, last);
    s.formats.push({ address: `C${head + 1}:C${row - 1}`, fontSize: 9 }, { address: `H${head + 1}:H${row - 1}`, fontSize: 9 });
    s.conditional.push({ address: `A${head + 1}:K${row - 1}`, formula: `=$I${head + 1}="${t.status.refused}"`, fill: COLORS.refused });
    s.tables.push({ name: `ThiDua_Nguon_${stamp}`, address: `A${head}:K${row - 1}`, style: 'TableStyleLight15' });
  }
  return s.layout(RANKING_SHEET_NAMES.sources, widths, { freezeRows: head, print: print(last, row, head) });
}
