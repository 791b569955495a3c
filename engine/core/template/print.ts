/**
 * The template on paper (pure): the font size of every cell, every row's height from the wrapped text
 * of all its cells (criterion, evidence, remark, merged title cells), and the A4 page setup of the
 * scoring sheet and the instructions sheet: the orientation and explicit scale that put every printed
 * column on one page wide while the smallest text stays at 8 pt or more, the header row repeated on
 * every page, the print area, and page numbers in the footer.
 *
 * An explicit scale rather than fit-to-page: Excel and LibreOffice honour a scale the same way.
 */
import { isCasedLetter, parseAddress } from '../grid';
import type { Lang } from '../i18n';
import { a4WidthPx, columnPx, fitScale, MAX_ROW_HEIGHT, type Orientation, rowHeightFor, wrappedLines } from '../print-measure';
import type { CellKind, PlanCell, PlanRow, RowKind, TemplatePlan } from './plan-types';

/** Font size (points) of a cell as the renderers draw it. */
export function cellFontPt(row: RowKind, cell: CellKind): number {
  if (row === 'grand-total') return 13;
  switch (cell) {
    case 'title':
      return 14;
    case 'evidence':
    case 'remark':
    case 'note':
      return 11;
    case 'key':
      return 9;
    default:
      return 12;
  }
}

const BOLD_ROWS: RowKind[] = ['section', 'group', 'total', 'grand-total', 'header', 'indicators-head'];
const BOLD_CELLS: CellKind[] = ['org', 'motto', 'title', 'label', 'meta-value', 'header', 'signature'];
/** Bold text is measured 25 % wider, capitals 20 % more (short bold headers like "Điểm Cụm chấm" wrap early). */
const BOLD_WIDEN = 1.25;
const CAPS_WIDEN = 1.2;
const mostlyCaps = (s: string) => {
  const letters = Array.from(s).filter(isCasedLetter);
  return letters.length > 0 && letters.filter((ch) => ch === ch.toUpperCase()).length > letters.length / 2;
};
const isBold = (row: RowKind, cell: CellKind) => BOLD_ROWS.includes(row) || BOLD_CELLS.includes(cell);

/** Indent levels of a criterion text (deeper criteria are indented). */
export const textIndent = (row: PlanRow) => (row.depth && row.depth > 1 ? Math.min(row.depth - 1, 4) : 0);
/** Characters one indent level takes (Excel: about three spaces). */
const INDENT_CHARS = 2;
/** Cells that do not wrap (short labels). */
const NO_WRAP: CellKind[] = ['label', 'key'];

/** Page margins (inches) of both printed sheets. */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };
/** Footer font size: the smallest printed text with the evidence and remarks. */
const FOOTER_PT = 11;

export interface SheetPrint {
  paper: 'A4';
  orientation: Orientation;
  /** Print scale in percent, fitting every printed column on one page wide. */
  scale: number;
  /** Always 1: the scale fits the sheet to one page wide (checked against the 8 pt floor). */
  fitToWidth: 1;
  /** The smallest text as printed (points, after the scale): at least 8 (print-measure.ts: fitScale). */
  printedPt: number;
  /** Rows repeated at the top of every page ("8:8"), or "" for none. */
  titleRows: string;
  area: string;
  margins: typeof PRINT_MARGINS;
  /** Excel header/footer codes: the sheet's name left, "page n/N" right. */
  footer: string;
}

export type TemplatePrint = SheetPrint & {
  /** Manual page breaks: the row that starts a new page (the signature block kept on one page). */
  breaksBefore: number[];
  /** The instructions sheet: its one column's width and each line's row height. */
  instructions: SheetPrint & { width: number; heights: number[] };
};

type Column = TemplatePlan['columns'][number];

/** Width (characters) a cell's text has: its column, or its merge, less the text's indent. */
function textWidth(c: PlanCell, row: PlanRow, widthOf: (col: number) => number): number {
  const last = c.mergeTo ? parseAddress(c.mergeTo)?.col ?? c.col : c.col;
  let w = 0;
  for (let k = c.col; k <= last; k++) w += widthOf(k);
  return c.kind === 'text' ? w - INDENT_CHARS * textIndent(row) : w;
}

/** The height (points) showing every cell's text of the row in full, or undefined for an empty row. */
export function rowHeight(row: PlanRow, widthOf: (col: number) => number): number | undefined {
  let h: number | undefined;
  for (const c of row.cells) {
    if (NO_WRAP.includes(c.kind) || widthOf(c.col) === 0) continue;
    const pt = cellFontPt(row.kind, c.kind);
    const text = c.value === undefined || c.value === null ? '' : String(c.value);
    // A formula or an empty cell shows one line (a score, or text typed later).
    const measured = pt * (isBold(row.kind, c.kind) ? BOLD_WIDEN : 1) * (mostlyCaps(text) ? CAPS_WIDEN : 1);
    const lines = text ? wrappedLines(text, textWidth(c, row, widthOf), measured) : 1;
    h = Math.max(h ?? 0, rowHeightFor(lines, pt));
  }
  return h === undefined ? undefined : Math.min(MAX_ROW_HEIGHT, h);
}

/** Set every row's height from its cells' text; rows where text is typed later may grow (autoFit). */
export function fitRows(rows: PlanRow[], columns: Column[]): void {
  const widths = new Map(columns.map((c) => [c.col, c.hidden ? 0 : c.width]));
  const widthOf = (col: number) => widths.get(col) ?? 9;
  for (const row of rows) {
    const h = rowHeight(row, widthOf);
    if (h !== undefined) row.height = h;
    if (row.cells.some((c) => c.open && (c.kind === 'evidence' || c.kind === 'remark'))) row.autoFit = true;
  }
}

/**
 * A4 setup of a sheet whose printed columns have these widths: portrait when the columns fit one page
 * wide at 8 pt or more, else landscape (and, if even that is too narrow, the scale that keeps 8 pt).
 */
export function a4Setup(widths: number[], smallestPt: number, o: { titleRows: string; area: string; footer: string }): SheetPrint {
  const px = widths.reduce((s, w) => s + columnPx(w), 0);
  const smallest = Math.min(smallestPt, FOOTER_PT);
  const fits = (orientation: Orientation) => ({ orientation, ...fitScale(px, a4WidthPx(orientation, PRINT_MARGINS.left, PRINT_MARGINS.right), smallest) });
  const portrait = fits('portrait');
  const chosen = portrait.fitWidth ? portrait : fits('landscape');
  return {
    paper: 'A4',
    orientation: chosen.orientation,
    scale: chosen.scale,
    fitToWidth: 1,
    printedPt: chosen.printedPt,
    titleRows: o.titleRows,
    area: o.area,
    margins: PRINT_MARGINS,
    footer: o.footer,
  };
}

export const footerCodes = (lang: Lang) => `&L&${FOOTER_PT}&A&R&${FOOTER_PT}${lang === 'vi' ? 'Trang' : 'Page'} &P/&N`;

/** Width (characters) of the instructions sheet's one column. */
export const INSTRUCTIONS_WIDTH = 68;

/**
 * Where the pages break, from the row heights at the sheet's scale (the header row repeated on every
 * page after the first): when the block of rows would not end at least a twentieth of a page above the
 * bottom of the page it starts on (the estimate is a few points off LibreOffice's and Excel's), it
 * starts a new page.
 */
export function keepTogether(rows: PlanRow[], headerRow: number, p: SheetPrint, block: number[]): number[] {
  if (!block.length) return [];
  const [first, last] = [Math.min(...block), Math.max(...block)];
  const pageHeight = (p.orientation === 'portrait' ? 842 : 595) - 72 * (p.margins.top + p.margins.bottom);
  const usable = (pageHeight * 100) / p.scale;
  const height = new Map(rows.map((r) => [r.row, r.height ?? 15]));
  const header = height.get(headerRow) ?? 15;
  let y = 0;
  for (let r = 1; r < first; r++) {
    const h = height.get(r) ?? 15;
    if (y + h > usable) y = header;
    y += h;
  }
  let blockHeight = 0;
  for (let r = first; r <= last; r++) blockHeight += height.get(r) ?? 15;
  return y > header && y + blockHeight > usable * 0.95 ? [first] : [];
}

/** The print plan of both sheets; rows must already carry their heights (fitRows). */
export function planPrint(
  w: { rows: PlanRow[]; columns: Column[]; headerRow: number; area: string; lang: Lang },
  instructions: TemplatePlan['instructions'],
): TemplatePrint {
  const printed = w.columns.filter((c) => !c.hidden);
  const smallest = Math.min(...w.rows.flatMap((r) => r.cells.filter((c) => !NO_WRAP.includes(c.kind)).map((c) => cellFontPt(r.kind, c.kind))));
  const footer = footerCodes(w.lang);
  const sheet = a4Setup(
    printed.map((c) => c.width),
    smallest,
    { titleRows: `${w.headerRow}:${w.headerRow}`, area: w.area, footer },
  );
  const breaksBefore = keepTogether(w.rows, w.headerRow, sheet, w.rows.filter((r) => r.kind === 'signature').map((r) => r.row));
  const pt = (k: TemplatePlan['instructions'][number]['kind']) => (k === 'title' ? 14 : 12);
  const heights = instructions.map((l) => Math.max(18, rowHeightFor(wrappedLines(l.text, INSTRUCTIONS_WIDTH, pt(l.kind)), pt(l.kind))));
  const guide = a4Setup([INSTRUCTIONS_WIDTH], 12, { titleRows: '', area: `A1:A${Math.max(1, instructions.length)}`, footer });
  return { ...sheet, breaksBefore, instructions: { ...guide, width: INSTRUCTIONS_WIDTH, heights } };
}
