/**
 * One worksheet written directly as SpreadsheetML: cells (a text, a number or empty) each with the index
 * of a registered cell format, merges, column widths, row heights, a frozen pane, an auto filter,
 * conditional formats (expressions), page setup with margins, header and footer, row breaks, and the
 * drawing that holds the charts. Text is always a shared string value, never a formula.
 *
 * The parts are written in CT_Worksheet's order (ECMA-376 18.3.1.99), which Excel enforces.
 */
import { cellRef, colLetter, xmlEscape } from './xml';

export type CellValue = string | number | null;

interface Row {
  values: CellValue[];
  styles: number[];
  height?: number;
}

export interface PageSetup {
  paperSize: number;
  orientation: 'landscape' | 'portrait';
  scale: number;
  horizontalCentered: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows repeated at the top of every page ("6:8") and columns at the left ("A:B"). */
  printTitlesRow?: string;
  printTitlesColumn?: string;
  /** "A1:K40". */
  printArea?: string;
}

/** Shared strings of the whole workbook: each distinct text stored once. */
export class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((s) => {
      // Excel reads _xHHHH_ in a string as an escaped character: a literal one is escaped itself.
      const t = xmlEscape(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
      return /^\s|\s$|[\n\t]/.test(s) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`;
    });
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`
    );
  }
}

export class SheetWriter {
  readonly rows = new Map<number, Row>();
  readonly widths: Array<number | undefined> = [];
  readonly hidden: boolean[] = [];
  readonly merges: Array<[number, number, number, number]> = [];
  tabColor?: string;
  frozen?: { xSplit: number; ySplit: number };
  autoFilter?: string;
  pageSetup?: PageSetup;
  header?: string;
  footer?: string;
  /** Rows after which a new page starts. */
  readonly breaks: number[] = [];
  /** Relationship id of the drawing (charts) on this sheet. */
  drawingRid?: string;
  private readonly cfs: Array<{ ref: string; formula: string; dxf: number; priority: number }> = [];

  constructor(readonly name: string) {}

  private row(r: number): Row {
    let x = this.rows.get(r);
    if (!x) this.rows.set(r, (x = { values: [], styles: [] }));
    return x;
  }

  /** A cell: its value (text is written as text, never a formula) and its format's index. */
  set(r: number, c: number, value: CellValue, style: number): void {
    const x = this.row(r);
    x.values[c] = value === undefined || (typeof value === 'number' && Number.isNaN(value)) ? null : value;
    x.styles[c] = style;
  }

  styleOf(r: number, c: number): number {
    return this.rows.get(r)?.styles[c] ?? 0;
  }

  height(r: number, h: number): void {
    this.row(r).height = h;
  }

  width(c: number, w: number, hidden = false): void {
    this.widths[c] = w;
    this.hidden[c] = hidden;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push([r1, c1, r2, c2]);
  }

  conditional(ref: string, formula: string, dxf: number, priority: number): void {
    this.cfs.push({ ref, formula, dxf, priority });
  }

  /** The worksheet part. Cells covered by a merge carry the style of the merge's first cell. */
  xml(strings: SharedStrings): string {
    for (const [r1, c1, r2, c2] of this.merges) {
      const s = this.styleOf(r1, c1);
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) this.set(r, c, null, s);
    }
    const rowNumbers = [...this.rows.keys()].sort((a, b) => a - b);
    let maxCol = 1;
    for (const x of this.rows.values()) maxCol = Math.max(maxCol, x.values.length - 1);
    const out: string[] = [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    ];
    if (this.tabColor) out.push(`<sheetPr><tabColor rgb="${this.tabColor}"/></sheetPr>`);
    const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 1;
    out.push(`<dimension ref="A1:${cellRef(lastRow, maxCol)}"/>`);
    out.push(this.viewXml());
    out.push('<sheetFormatPr defaultRowHeight="15"/>');
    const cols: string[] = [];
    this.widths.forEach((w, c) => {
      if (w !== undefined) cols.push(`<col min="${c}" max="${c}" width="${w}"${this.hidden[c] ? ' hidden="1"' : ''} customWidth="1"/>`);
    });
    if (cols.length) out.push(`<cols>${cols.join('')}</cols>`);
    out.push('<sheetData>');
    const sAttr: string[] = [];
    const letters: string[] = [];
    for (const r of rowNumbers) {
      const x = this.rows.get(r)!;
      let xml = x.height !== undefined ? `<row r="${r}" ht="${x.height}" customHeight="1">` : `<row r="${r}">`;
      const { values, styles } = x;
      for (let c = 1; c < values.length; c++) {
        const v = values[c];
        if (v === undefined) continue;
        const st = styles[c] ?? 0;
        const s = sAttr[st] ?? (sAttr[st] = st ? ` s="${st}"` : '');
        const ref = (letters[c] ?? (letters[c] = colLetter(c))) + r;
        if (typeof v === 'string') xml += `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
        else if (v !== null && Number.isFinite(v)) xml += `<c r="${ref}"${s}><v>${v}</v></c>`;
        else xml += `<c r="${ref}"${s}/>`;
      }
      out.push(xml, '</row>');
    }
    out.push('</sheetData>');
    if (this.autoFilter) out.push(`<autoFilter ref="${this.autoFilter}"/>`);
    if (this.merges.length)
      out.push(`<mergeCells count="${this.merges.length}">${this.merges.map(([r1, c1, r2, c2]) => `<mergeCell ref="${cellRef(r1, c1)}:${cellRef(r2, c2)}"/>`).join('')}</mergeCells>`);
    for (const cf of this.cfs)
      out.push(`<conditionalFormatting sqref="${cf.ref}"><cfRule type="expression" dxfId="${cf.dxf}" priority="${cf.priority}"><formula>${xmlEscape(cf.formula)}</formula></cfRule></conditionalFormatting>`);
    const p = this.pageSetup;
    if (p) {
      if (p.horizontalCentered) out.push('<printOptions horizontalCentered="1"/>');
      const m = p.margins;
      out.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
      out.push(`<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}" scale="${p.scale}" fitToWidth="1" fitToHeight="1"/>`);
    }
    if (this.header || this.footer)
      out.push(`<headerFooter>${this.header ? `<oddHeader>${xmlEscape(this.header)}</oddHeader>` : ''}${this.footer ? `<oddFooter>${xmlEscape(this.footer)}</oddFooter>` : ''}</headerFooter>`);
    if (this.breaks.length) out.push(`<rowBreaks count="${this.breaks.length}" manualBreakCount="${this.breaks.length}">${this.breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join('')}</rowBreaks>`);
    if (this.drawingRid) out.push(`<drawing r:id="${this.drawingRid}"/>`);
    out.push('</worksheet>');
    return out.join('');
  }

  private viewXml(): string {
    const f = this.frozen;
    if (!f || (!f.xSplit && !f.ySplit)) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
    const topLeft = cellRef(f.ySplit + 1, f.xSplit + 1);
    const pane = f.xSplit && f.ySplit ? 'bottomRight' : f.ySplit ? 'bottomLeft' : 'topRight';
    const active = cellRef(f.ySplit + 1, 1);
    return (
      '<sheetViews><sheetView workbookViewId="0">' +
      `<pane${f.xSplit ? ` xSplit="${f.xSplit}"` : ''}${f.ySplit ? ` ySplit="${f.ySplit}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${active}" sqref="${active}"/></sheetView></sheetViews>`
    );
  }
}
