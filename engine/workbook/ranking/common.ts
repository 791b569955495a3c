/**
 * What the four sheets of the ranking workbook share: the labels, the cell formats (registered once per
 * workbook, referred to by index in every cell), the title block, header rows, the text and number
 * cells, and the print setup.
 *
 * Everything that comes from the inputs (unit names, remarks, file names, messages) is written as a text
 * value, never as a formula: a unit named "=HYPERLINK(...)" stays a string.
 */
import type { Lang, Ranking } from '../../core';
import { RANKING_LABELS } from '../../core/rank/sheet-labels';
import { a4Landscape } from '../print-fit';
import type { CellValue, SheetWriter } from '../xlsx-write/sheet';
import { FontSpec, StyleSheet, StyleSpec } from '../xlsx-write/styles';
import { XML_ILLEGAL } from '../xlsx-write/xml';

export const POINTS = '0.00';
export const SIGNED_POINTS = '+0.00;-0.00;0.00';
export const FONT = 'Times New Roman';
export const COLORS = {
  header: 'FFD9E1F2',
  section: 'FFEDEDED',
  maxRow: 'FFF2F2F2',
  award: 'FFFFF2CC',
  discrepancy: 'FFF8CBAD',
  refused: 'FFFCE4D6',
  border: 'FF808080',
};

export const L = {
  vi: { ...RANKING_LABELS.vi, generated: (d: string) => `Lập ngày ${d} bằng công cụ thidua` },
  en: { ...RANKING_LABELS.en, generated: (d: string) => `Prepared on ${d} with thidua` },
};

/** Characters XML 1.0 cannot carry (they would corrupt the file) removed, and Excel's cell text limit. */
export function safeText(s: unknown): string {
  const t = String(s ?? '').replace(XML_ILLEGAL, '');
  return t.length > 32767 ? `${t.slice(0, 32766)}…` : t;
}

const font = (size: number | undefined, bold = false, italic = false, name = FONT): FontSpec => ({ name, size, bold, italic });
/** A cell of a table body: bordered, 11 pt unless said, vertically centred and wrapped unless said. */
const body = (s: StyleSpec): StyleSpec => ({ ...s, border: COLORS.border, font: { name: FONT, size: 11, ...s.font }, v: s.v ?? 'middle', wrap: s.wrap ?? true });
const number = (numFmt: string): StyleSpec => ({ numFmt, h: 'right', v: 'middle' });

/** Every cell format of the ranking workbook, registered once. */
export function rankingStyles(styles: StyleSheet) {
  const id = (s: StyleSpec) => styles.style(s);
  const titles = new Map<string, number>();
  return {
    styles,
    /** A title line: centred, wrapped. */
    title: (size: number, bold: boolean, italic: boolean) => {
      const key = `${size}:${bold}:${italic}`;
      let s = titles.get(key);
      if (s === undefined) titles.set(key, (s = id({ font: font(size, bold, italic), h: 'center', v: 'middle', wrap: true })));
      return s;
    },
    header: id({ font: font(11, true), h: 'center', v: 'middle', wrap: true, fill: COLORS.header, border: COLORS.border }),
    rank: id(body({ numFmt: '0', h: 'center', v: 'middle' })),
    text: id(body({})),
    num: id(body(number(POINTS))),
    numBold: id(body({ ...number(POINTS), font: font(11, true) })),
    ordinal: id(body(number('0'))),
    signed: id(body(number(SIGNED_POINTS))),
    hash: id(body({ font: { name: 'Consolas', size: 10 } })),
    /** The full hashes in the hidden columns: wrapped so they never overflow into printed columns. */
    hidden: id({ wrap: true, v: 'top' }),
    /** A line under a table (awards, refused files): merged over the table, wrapped, top. */
    line: (bold: boolean, italic: boolean) => id({ font: font(11, bold, italic), wrap: true, v: 'top' }),
    sign: (bold: boolean, italic: boolean) => id({ font: font(12, bold, italic), h: 'center' }),
    heading12: id({ font: font(12, true) }),
    noneLine: id({ font: { name: FONT, italic: true } }),
    // Ma trận điểm.
    matrixHead: (leaf: boolean) => id({ font: font(10, true), h: 'center', v: 'middle', wrap: true, fill: leaf ? COLORS.header : COLORS.section, border: COLORS.border }),
    maxLabel: (bold: boolean) => id({ font: font(10, bold, true), fill: COLORS.maxRow, border: COLORS.border }),
    maxNum: id({ ...number(POINTS), font: font(10, false, true), fill: COLORS.maxRow, border: COLORS.border }),
    sectionNum: id(body({ ...number(POINTS), font: font(10, true), fill: COLORS.section })),
    legend: (bold: boolean) => id({ font: font(10, bold), wrap: true, v: 'top' }),
  };
}
export type RankingStyles = ReturnType<typeof rankingStyles>;

/** Text from the inputs: always a string value (never a formula, never rich text or a hyperlink). */
export function text(ws: SheetWriter, r: number, c: number, s: unknown, style: number): void {
  ws.set(r, c, safeText(s), style);
}

export function num(ws: SheetWriter, r: number, c: number, v: number | null | undefined, style: number): void {
  ws.set(r, c, v === null || v === undefined || Number.isNaN(v) ? null : (v as CellValue), style);
}

export interface TitleLine {
  text: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

/** The title block over the first lastCol columns; returns the row under its blank row. */
export function titleBlock(ws: SheetWriter, S: RankingStyles, lastCol: number, lines: TitleLine[]): number {
  lines.forEach((l, i) => {
    const r = i + 1;
    ws.merge(r, 1, r, lastCol);
    text(ws, r, 1, l.text, S.title(l.size ?? 12, !!l.bold, !!l.italic));
    ws.height(r, (l.size ?? 12) + 8);
  });
  return lines.length + 1; // a blank row under the block
}

export function headerRow(ws: SheetWriter, S: RankingStyles, row: number, labels: string[], startCol = 1): void {
  labels.forEach((h, i) => text(ws, row, startCol + i, h, S.header));
  ws.height(row, 32);
}

export function printSetup(ws: SheetWriter, titleRow: number, lastCol: number, lastRow: number, o: { titleRows?: string; repeatCols?: string; smallestPt?: number } = {}): void {
  a4Landscape(ws, { titleRows: o.titleRows ?? `${titleRow}:${titleRow}`, lastCol, lastRow: Math.max(lastRow, titleRow), repeatCols: o.repeatCols, smallestPt: o.smallestPt });
}

/** A hash as printed: its first 12 characters (the full value is in a hidden column). */
export const shortHash = (h: string | undefined) => (h ? (h.length > 13 ? `${h.slice(0, 12)}…` : h) : '');

export const yearText = (r: Ranking) => (r.year ? String(r.year) : '');
const fmtDate = (d: Date) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
export const fmtPoints = (x: number, lang: Lang) => (lang === 'vi' ? String(x).replace('.', ',') : String(x));

export function headLines(r: Ranking, title: string, lang: Lang, when: Date, extra?: string): TitleLine[] {
  const t = L[lang];
  const lines: TitleLine[] = [];
  lines.push({ text: (r.cluster ?? '').toUpperCase() || (lang === 'vi' ? 'CỤM THI ĐUA' : 'EMULATION CLUSTER'), size: 12, bold: true });
  lines.push({ text: title, size: 14, bold: true });
  if (r.criteriaSet) lines.push({ text: t.setLine(r.criteriaSet.title, r.criteriaSet.id, r.criteriaSet.hash.slice(0, 12)), size: 11, italic: true });
  lines.push({ text: extra ? `${extra} ${t.generated(fmtDate(when))}` : t.generated(fmtDate(when)), size: 10, italic: true });
  return lines;
}

/** Everything a sheet is written with. */
export interface SheetContext {
  r: Ranking;
  lang: Lang;
  when: Date;
  S: RankingStyles;
}
