/**
 * Cell edits made straight in the XML of an unzipped xlsx, written as exceljs writes the same edit after
 * a load (the fuzz's cell mutations used to load and save every workbook with exceljs, most of the fuzz
 * suite's time). What exceljs does, and so what this does:
 *   - a number is `<v>String(n)</v>`; a boolean `t="b"` with 1/0; an error `t="e"`; a formula `<f>` with no
 *     cached value; a string goes into the shared strings (`t="s"`); a blank keeps only the cell's style;
 *   - a Date is its serial number. Its cell keeps a style that has a number format. A style without one
 *     gets the built-in date format 14 (exceljs's 'mm-dd-yy') only when the first cell exceljs writes with
 *     that style (sheets in order, rows, then columns) is a Date: exceljs shares one style object among
 *     the cells of one style and numbers it at the first cell it meets, so every cell of that style then
 *     shows a date; otherwise the date shows as a number. An unstyled cell gets its own dated style;
 *   - merging a cell with its right neighbour is refused when it meets an existing merge; otherwise the
 *     neighbour loses its value and takes the master's style, and a mergeCell is added.
 * test/fuzz/fuzz.test.ts checks, against exceljs itself, that both give the same workbook to the reader.
 */
import type ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { xmlUnescape } from '../helpers/xml-text';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => (n > 26 ? colLetters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
const splitAddr = (a: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new Error(`not a cell address: ${a}`);
  return { col: colNum(m[1]), row: Number(m[2]) };
};

const unzipped = new WeakMap<Uint8Array, Record<string, Uint8Array>>();
const decoded = new WeakMap<Uint8Array, string>();
const xmlOf = (part: Uint8Array) => {
  let t = decoded.get(part);
  if (t === undefined) decoded.set(part, (t = strFromU8(part)));
  return t;
};

export class XlsxCellEditor {
  private readonly parts: Record<string, Uint8Array>;
  private readonly sheetPart: string;
  /** Every sheet's part, in the workbook's order (exceljs writes them so). */
  private readonly sheetParts: string[];
  private sheet: string;
  /** Cells now holding a Date in a style of their own (address -> style). */
  private readonly dates = new Map<string, number>();
  private styles?: string;
  private strings?: string;

  constructor(bytes: Uint8Array, sheetName: string) {
    // The fuzz edits the same few base workbooks a thousand times: unzip each once (parts are replaced, never changed).
    let parts = unzipped.get(bytes);
    if (!parts) unzipped.set(bytes, (parts = unzipSync(bytes)));
    this.parts = { ...parts };
    const wbXml = strFromU8(this.parts['xl/workbook.xml']);
    const rels = strFromU8(this.parts['xl/_rels/workbook.xml.rels']);
    const partOf = (tag: string) => {
      const rid = /\br:id="([^"]*)"/.exec(tag)?.[1];
      const rel = rid && [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
      const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
      if (!target) throw new Error(`no part for the sheet ${tag}`);
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    };
    const tags = [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
    this.sheetParts = tags.map(partOf);
    const mine = tags.findIndex((t) => xmlUnescape(/\bname="([^"]*)"/.exec(t)?.[1] ?? '') === sheetName);
    if (mine < 0) throw new Error(`no sheet named ${sheetName}`);
    this.sheetPart = this.sheetParts[mine];
    this.sheet = xmlOf(this.parts[this.sheetPart]);
  }

  /** Where a cell's element starts and ends in the sheet XML, and its style, or null when absent. */
  private find(addr: string): { start: number; end: number; style?: number } | null {
    const start = this.sheet.indexOf(`<c r="${addr}"`); // the closing quote: D1 is not D10
    if (start < 0) return null;
    const close = this.sheet.indexOf('>', start);
    const end = this.sheet[close - 1] === '/' ? close + 1 : this.sheet.indexOf('</c>', close) + 4;
    const s = /\bs="(\d+)"/.exec(this.sheet.slice(start, close));
    return { start, end, style: s ? Number(s[1]) : undefined };
  }

  styleOf(addr: string): number | undefined {
    return this.find(addr)?.style;
  }

  /** Put a value (as exceljs's cell.value = v would) into a cell of the sheet. */
  set(addr: string, v: ExcelJS.CellValue, style: number | undefined | 'own' = 'own'): void {
    const at = this.find(addr);
    let s = style === 'own' ? at?.style : style;
    let body = '';
    this.dates.delete(addr);
    let t = '';
    if (v === null || v === undefined) body = '';
    else if (typeof v === 'number') body = `<v>${String(v)}</v>`;
    else if (typeof v === 'string') (t = 's'), (body = `<v>${this.sharedString(v)}</v>`);
    else if (typeof v === 'boolean') (t = 'b'), (body = `<v>${v ? 1 : 0}</v>`);
    else if (v instanceof Date) {
      body = `<v>${String(25569 + v.getTime() / 86_400_000)}</v>`;
      if (!s) s = this.datedCopy(0);
      else this.dates.set(addr, s);
    }
    else if ('formula' in v && v.formula) body = `<f>${esc(v.formula)}</f>`;
    else if ('error' in v && v.error) (t = 'e'), (body = `<v>${esc(v.error)}</v>`);
    else throw new Error(`a value kind this editor does not write: ${JSON.stringify(v)}`);
    const attrs = `r="${addr}"${s ? ` s="${s}"` : ''}${t ? ` t="${t}"` : ''}`;
    const xml = body ? `<c ${attrs}>${body}</c>` : s ? `<c ${attrs}/>` : '';
    if (at) {
      if (/<f\b[^>]*\bt="shared"[^>]*\bref="/.test(this.sheet.slice(at.start, at.end)))
        throw new Error(`Shared Formula master must exist above and or left of clone (${addr})`); // as exceljs refuses
      this.sheet = this.sheet.slice(0, at.start) + xml + this.sheet.slice(at.end);
    } else if (xml) this.insert(addr, xml);
  }

  /** Merge a cell with its right neighbour; false (nothing changed) when that meets an existing merge. */
  mergeRight(addr: string): boolean {
    const { row, col } = splitAddr(addr);
    const right = `${colLetters(col + 1)}${row}`;
    const merges = this.sheet.slice(Math.max(0, this.sheet.indexOf('<mergeCells')), this.sheet.indexOf('</mergeCells>') + 1);
    for (const m of merges.matchAll(/<mergeCell ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g)) {
      const a = splitAddr(m[1]);
      const b = splitAddr(m[2] ?? m[1]);
      if (a.row <= row && row <= b.row && a.col <= col + 1 && col <= b.col) return false;
    }
    this.set(right, null, this.styleOf(addr));
    const ref = `<mergeCell ref="${addr}:${right}"/>`;
    if (/<mergeCells count="\d+">/.test(this.sheet)) this.sheet = this.sheet.replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + 1}">${ref}`);
    else {
      // After sheetData and what must precede mergeCells in a worksheet (ECMA-376 CT_Worksheet order).
      const before = ['sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews'];
      let at = this.sheet.indexOf('</sheetData>') + '</sheetData>'.length;
      for (const tag of before) {
        const m = new RegExp(`<${tag}\\b[^>]*?(/>|>[\\s\\S]*?</${tag}>)`).exec(this.sheet.slice(at));
        if (m && m.index === 0) at += m[0].length;
      }
      this.sheet = `${this.sheet.slice(0, at)}<mergeCells count="1">${ref}</mergeCells>${this.sheet.slice(at)}`;
    }
    return true;
  }

  bytes(): Uint8Array {
    for (const style of new Set(this.dates.values())) if (this.dates.has(this.firstWithStyle(style) ?? '')) this.dateFormat(style);
    // Stored, not deflated, as zip writers may (the XML and byte mutations cover deflated parts): deflating
    // the parts again took most of the fuzz test's time.
    const out: Zippable = { ...this.parts };
    out[this.sheetPart] = strToU8(this.sheet);
    if (this.styles !== undefined) out['xl/styles.xml'] = strToU8(this.styles);
    if (this.strings !== undefined) out['xl/sharedStrings.xml'] = strToU8(this.strings);
    return zipSync(out, { level: 0 });
  }

  /** A new cell in its row, in column order (and the row, in row order, when there is none). */
  private insert(addr: string, xml: string): void {
    const { row, col } = splitAddr(addr);
    const rowTag = new RegExp(`<row r="${row}"[\\s/>]`).exec(this.sheet);
    if (!rowTag) {
      const next = [...this.sheet.matchAll(/<row r="(\d+)"/g)].find((m) => Number(m[1]) > row);
      const at = next ? next.index! : this.sheet.indexOf('</sheetData>');
      this.sheet = `${this.sheet.slice(0, at)}<row r="${row}">${xml}</row>${this.sheet.slice(at)}`;
      return;
    }
    const open = this.sheet.indexOf('>', rowTag.index);
    if (this.sheet[open - 1] === '/') {
      this.sheet = `${this.sheet.slice(0, open - 1)}>${xml}</row>${this.sheet.slice(open + 1)}`;
      return;
    }
    const close = this.sheet.indexOf('</row>', open);
    const inner = this.sheet.slice(open + 1, close);
    const next = [...inner.matchAll(/<c r="([A-Z]+)\d+"/g)].find((m) => colNum(m[1]) > col);
    const at = next ? open + 1 + next.index! : close;
    this.sheet = this.sheet.slice(0, at) + xml + this.sheet.slice(at);
  }

  private sharedString(text: string): number {
    const part = 'xl/sharedStrings.xml';
    if (this.strings === undefined) {
      if (!this.parts[part]) throw new Error('the workbook has no shared strings part');
      this.strings = xmlOf(this.parts[part]);
    }
    const index = (this.strings.match(/<si>|<si\s/g) ?? []).length;
    const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
    this.strings = this.strings
      .replace('</sst>', () => `<si><t${space}>${esc(text)}</t></si></sst>`)
      .replace(/(<sst\b[^>]*\buniqueCount=")(\d+)"/, (_, a: string, n: string) => `${a}${Number(n) + 1}"`)
      .replace(/(<sst\b[^>]*\bcount=")(\d+)"/, (_, a: string, n: string) => `${a}${Number(n) + 1}"`);
    return index;
  }

  /** The address of the first cell exceljs writes with this style (in this sheet, else null). */
  private firstWithStyle(style: number): string | null {
    const re = new RegExp(`<c r="([A-Z]+\\d+)"[^>]*?\\ss="${style}"[\\s/>]`);
    for (const part of this.sheetParts) {
      if (part === this.sheetPart) return re.exec(this.sheet)?.[1] ?? null;
      if (this.parts[part] && re.test(xmlOf(this.parts[part]))) return null; // an earlier sheet's cell
    }
    return null;
  }

  private cellXfs(): { all: string; body: string; xfs: string[] } {
    if (this.styles === undefined) this.styles = xmlOf(this.parts['xl/styles.xml']);
    const m = /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(this.styles);
    if (!m) throw new Error('styles.xml has no cellXfs');
    return { all: m[0], body: m[1], xfs: [...m[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((x) => x[0]) };
  }

  private static dated(xf: string): string | null {
    if (Number(/\bnumFmtId="(\d+)"/.exec(xf)?.[1] ?? 0) !== 0) return null; // it has a number format: kept
    const copy = /\bnumFmtId="/.test(xf) ? xf.replace(/\bnumFmtId="\d+"/, 'numFmtId="14"') : xf.replace('<xf ', '<xf numFmtId="14" ');
    return /\bapplyNumberFormat=/.test(copy) ? copy : copy.replace(/<xf\b([^>]*?)(\/?>)/, '<xf$1 applyNumberFormat="1"$2');
  }

  /** A new style: the given one with the date format (for an unstyled cell given a Date). */
  private datedCopy(style: number): number {
    const { all, body, xfs } = this.cellXfs();
    const copy = XlsxCellEditor.dated(xfs[style]);
    if (copy === null) return style;
    const id = xfs.length;
    this.styles = this.styles!.replace(all, () => `<cellXfs count="${id + 1}">${body}${copy}</cellXfs>`);
    return id;
  }

  /** The style itself given the date format, for every cell that has it (exceljs's shared style object). */
  private dateFormat(style: number): void {
    const { all, xfs } = this.cellXfs();
    const dated = XlsxCellEditor.dated(xfs[style]);
    if (dated === null) return;
    xfs[style] = dated;
    this.styles = this.styles!.replace(all, () => `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`);
  }
}
