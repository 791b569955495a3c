/**
 * A direct .xlsx reader for the scoring path: the unzipped parts (fflate) are parsed straight into
 * Grids, without building an exceljs Workbook: plain markup by xml-plain.ts, anything else by saxes (the
 * parser exceljs itself uses; xml-plain gives its events, or declines). It reproduces
 * what exceljs 4.4 + worksheetToGrid gave (test/workbook/xlsx-read.test.ts checks it cell by cell):
 *  - cell values by type (shared/inline/rich strings, numbers, booleans, errors, dates from the style's
 *    number format, formulas with their cached results, shared formulas slid to each dependent cell);
 *  - bold (the font of the cell's xf) and indent (its alignment), with xf 0 ignored as exceljs does;
 *  - merged ranges, and the cells inside them carrying the top-left cell's value (as exceljs does);
 *  - rowCount / colCount as exceljs counted them (rows and styled cells included);
 *  - hidden sheets, and data validations per address.
 * Browser-safe: no Node imports. The zip layer (directory, inflating, CRC-32 of every part, which fflate
 * does not check) is zip-read.ts; decoding and parsing one part (and its kept events) is xml-parse.ts.
 * Past 400 lines on purpose: one reader whose styles, shared-strings and sheet passes share the per-file
 * limits and the per-content caches (parts, validation blocks, rows and shared strings met in the last
 * file); it is tested as one unit against exceljs, and splitting it would spread those bounds over
 * several files. The next split, if it grows: the shared-strings and styles passes.
 */
import { problem, type Problem } from '../core/problems';
import type { Grid, GridCell } from '../core/grid';
import type { CellValue } from '../core/kinds/types';
import { sameRange, XlsxFormatError } from './zip-read';
import { forgetKeptEvents, handOut, keptPerPart, parseXml, SAME_EVENTS_MAX, utf8Text } from './xml-parse';
import { concatBytes } from './zip-write';
import { plainXmlEvents, type PlainEvent, type PlainTag } from './xml-plain';

/** Bounds shared with open.ts (which re-exports them). */
export const FILE_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntryRatio: 200,
  maxEntries: 5000,
  maxRows: 20000,
  maxCols: 200,
  maxCellChars: 32767,
};

/** A cell's data validation as the template layout checks it (exceljs' model: type and formulae). */
export interface CellValidation {
  type: string;
  formulae?: Array<string | number | Date>;
}
/**
 * A sheet's data validations kept as the ranges the file states (never expanded cell by cell: one
 * `A1:XFD1048576` costs one entry). `at` gives the validation exceljs would have listed at an address:
 * the last one stated that covers it, ranges clipped to what a grid holds. `at` answers from `ranges`
 * alone, and nothing modifies them once read (a check may keep its answer for the very same range objects).
 */
export interface SheetValidations {
  ranges: Array<{ top: number; left: number; bottom: number; right: number; v: CellValidation }>;
  at(address: string): CellValidation | undefined;
}
/** Per sheet name. */
export type WorkbookValidations = Record<string, SheetValidations>;

function sheetValidations(ranges: SheetValidations['ranges']): SheetValidations {
  return {
    ranges,
    at(addr: string) {
      const p = decodeAddress(addr);
      if (!p) return undefined;
      for (let i = ranges.length - 1; i >= 0; i--) {
        const b = ranges[i];
        if (p.row >= b.top && p.row <= b.bottom && p.col >= b.left && p.col <= b.right) return b.v;
      }
      return undefined;
    },
  };
}

/** Every address a sheet's validations cover within the grid's limits (tests compare it with exceljs' model). */
export function validationsByAddress(sv: SheetValidations | undefined, maxRows = FILE_LIMITS.maxRows, maxCols = FILE_LIMITS.maxCols): Record<string, CellValidation> {
  const out: Record<string, CellValidation> = {};
  for (const b of sv?.ranges ?? []) {
    if (b.top === b.bottom && b.left === b.right && (b.top > maxRows || b.left > maxCols)) {
      out[colLetters(b.left) + b.top] = b.v;
      continue;
    }
    for (let r = b.top; r <= Math.min(b.bottom, maxRows); r++) for (let c = b.left; c <= Math.min(b.right, maxCols); c++) out[colLetters(c) + r] = b.v;
  }
  return out;
}

/**
 * Index (in the given order) of a box that overlaps another, or -1: a sweep by top row over an array of
 * live boxes kept disjoint and sorted by left column, so the cost is n log n plus the array moves
 * (at most one live box per column), never pairwise.
 */
export function firstOverlap(boxes: Array<{ top: number; left: number; bottom: number; right: number }>): number {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].top - boxes[b].top || a - b);
  const live: number[] = []; // indices into boxes, sorted by left, disjoint in columns
  for (const i of order) {
    const b = boxes[i];
    let lo = 0;
    let hi = live.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boxes[live[mid]].left <= b.left) lo = mid + 1;
      else hi = mid;
    }
    // Candidates: the predecessor, then successors starting within b's columns.
    let p = lo - 1;
    if (p >= 0) {
      const x = boxes[live[p]];
      if (x.right >= b.left) {
        if (x.bottom >= b.top) return i;
        live.splice(p, 1);
        lo--;
      }
    }
    while (lo < live.length && boxes[live[lo]].left <= b.right) {
      if (boxes[live[lo]].bottom >= b.top) return i;
      live.splice(lo, 1);
    }
    live.splice(lo, 0, i);
  }
  return -1;
}

export interface XlsxContent {
  grids: Grid[];
  validations: WorkbookValidations;
}

export { XlsxFormatError, crc32, centralDirectory, firstCrcMismatch, type ZipEntry } from './zip-read';
export { utf8Text } from './xml-parse';

// ---------------------------------------------------------------------------------------------------
// Small helpers matching exceljs' own

/** exceljs decodes some texts twice (sheet names, t="str" values): keep that. */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** "_x000D_" escapes of <t> texts in shared strings and rich runs. */
const unescapeX = (s: string) => (s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));

/** Built-in number formats exceljs knows (others have no code and so are never dates). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** A number format shows a date or time: date/time letters outside [brackets] and "quotes". */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let known = dateFormats.get(fmt);
  if (known === undefined) {
    known = /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
    if (dateFormats.size >= 1024) dateFormats.clear();
    dateFormats.set(fmt, known);
  }
  return known;
}
/** isDateFormat's answers by format text (asked for every styled number; a workbook has a few formats). */
const dateFormats = new Map<string, boolean>();

function excelToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function colNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col;
}
function colLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
/**
 * "$B$12" -> { row: 12, col: 2 }: what /^\$?([A-Za-z]{1,3})\$?(\d+)$/ accepts (an optional "$", one to
 * three letters, an optional "$", digits), read by character codes (it runs for every cell).
 */
export function decodeAddress(a: string): { row: number; col: number } | null {
  const n = a.length;
  let i = a.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  const from = i;
  for (; i < n && i - from < 4; i++) {
    const ch = a.charCodeAt(i) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === from || i - from > 3) return null;
  if (a.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < n; i++) {
    const d = a.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (i === digits) return null;
  return { row: n - digits > 15 ? parseInt(a.slice(digits), 10) : row, col };
}
/** "B3:A1" -> normalised box; "A1" -> a one-cell box. */
function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(':');
  const p = decodeAddress(a);
  const q = decodeAddress(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** exceljs' slideFormula: move the relative references of a shared formula from its master to a dependent cell. */
const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL_REF.exec(addr);
    if (!m) return whole;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return whole;
    let col = colNumber(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    return (sheet || '') + (m[1] || '') + colLetters(col) + (m[3] || '') + row;
  });
}

// ---------------------------------------------------------------------------------------------------
// Workbook-level parts

interface SheetEntry {
  name: string;
  state: string;
  rId: string | undefined;
}

function readWorkbookXml(data: Uint8Array): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(
    data,
    'xl/workbook.xml',
    (t) => {
      if (t.name === 'sheet') {
        const a = t.attributes;
        sheets.push({ name: xmlDecode(a.name ?? ''), state: a.state || 'visible', rId: a['r:id'] });
      } else if (t.name === 'workbookPr') date1904 = t.attributes.date1904 === '1';
    },
    null,
    () => undefined,
  );
  return { sheets, date1904 };
}

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

function readRels(data: Uint8Array | undefined, part: string): Map<string, Rel> {
  const out = new Map<string, Rel>();
  if (!data) return out;
  parseXml(
    data,
    part,
    (t) => {
      const a = t.attributes;
      if (t.name === 'Relationship') out.set(a.Id, { type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    },
    null,
    () => undefined,
  );
  return out;
}

/** "../comments1.xml" from "xl/worksheets/" -> "xl/comments1.xml"; "/xl/styles.xml" -> "xl/styles.xml". */
function resolveTarget(base: string, target: string): string {
  const segs = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.') out.push(s);
  }
  return out.join('/');
}

/**
 * Parts exceljs parsed besides the ones read here: a broken one made the whole file unreadable, so it
 * still does (a damaged workbook is refused, never half read).
 */
const ALSO_PARSED = /^(_rels\/\.rels|docProps\/(app|core)\.xml|xl\/worksheets\/_rels\/sheet\d+\.xml\.rels|xl\/comments\d+\.xml|xl\/drawings\/[^/]+\.(xml|vml)|xl\/drawings\/_rels\/[^/]+\.rels|xl\/tables\/[^/]+\.xml)$/;

/**
 * Parts that come back byte for byte in every file made from one template (styles, comments, drawings,
 * relationships): the result of the last read of each part name, reused only for the same bytes
 * (keptPerPart). One entry per part name, small parts only.
 */
const SAME_PART_MAX = 256 * 1024;
const sameParts = keptPerPart<unknown>(SAME_PART_MAX);
function oncePerContent<V>(name: string, data: Uint8Array, parse: () => V): V {
  const last = sameParts.find(name, data);
  if (last) return last.value as V;
  const value = parse();
  sameParts.keep(name, data, value);
  return value;
}

/**
 * Shared strings, with the strings of the last file's part reused where an <si> element comes back byte
 * for byte (a cluster's workbooks share every criterion text; the unit name and the remarks differ).
 * The part is cut in the bytes into its skeleton (the declaration, <sst ...>, </sst>) and its <si>...</si>
 * elements, each one plain markup (no <!, no <? past the declaration, no nested <si, only white space
 * between them). The skeleton and the new elements are parsed together by saxes; the elements met before
 * take their kept strings. Each element is balanced and its strings depend on its own bytes only, so the
 * parts parse as the whole would; anything else (or any error) goes through the whole part's parse,
 * which gives the file's own error.
 */
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const BANG_B = ascii('<!');
const PI_B = ascii('<?');
/** The last part read: its bytes (a copy), where each element starts and ends, and its strings. */
let lastStrings: { bytes: Uint8Array; starts: number[]; ends: number[]; strings: string[] } | null = null;
export function readSharedStrings(data: Uint8Array | undefined): string[] {
  if (!data) return [];
  const cut = siChunks(data);
  if (!cut) return parseSharedStrings(data);
  const { starts, ends } = cut;
  const prev = lastStrings;
  const strings: Array<string | undefined> = new Array(starts.length);
  const fresh: number[] = [];
  let j = 0;
  for (let i = 0; i < starts.length; i++) {
    // Walk the last file's elements alongside: an element inserted here or dropped there keeps the rest.
    if (prev && j < prev.starts.length && sameRange(prev.bytes, prev.starts[j], prev.ends[j], data, starts[i], ends[i])) strings[i] = prev.strings[j++];
    else if (prev && j + 1 < prev.starts.length && sameRange(prev.bytes, prev.starts[j + 1], prev.ends[j + 1], data, starts[i], ends[i]))
      (strings[i] = prev.strings[j + 1]), (j += 2);
    else fresh.push(i);
  }
  // The skeleton with the new elements in it, in one parse (a skeleton alone when every element is known).
  const first = starts[0];
  const last = ends[ends.length - 1];
  const pieces: Uint8Array[] = [data.subarray(0, first)];
  for (const i of fresh) pieces.push(data.subarray(starts[i], ends[i]));
  pieces.push(data.subarray(last));
  let parsed: string[];
  try {
    parsed = parseSharedStrings(concatBytes(pieces));
  } catch {
    return parseSharedStrings(data);
  }
  if (parsed.length !== fresh.length) return parseSharedStrings(data);
  fresh.forEach((i, k) => (strings[i] = parsed[k]));
  const out = strings as string[];
  lastStrings = { bytes: data.slice(), starts, ends, strings: out };
  return out;
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/**
 * Where each <si> element starts and ends (past its </si>), or null (see readSharedStrings): one pass
 * over the bytes. Null on a <! anywhere, a <? past the declaration, any "<si" that is not "<si>" or that
 * opens inside an element, anything but white space between two elements, an element left open.
 */
function siChunks(data: Uint8Array): { starts: number[]; ends: number[] } | null {
  const n = data.length;
  const starts: number[] = [];
  const ends: number[] = [];
  let open = -1;
  // From one '<' to the next (a native search; the bytes between are text or inside a tag).
  for (let i = data.indexOf(0x3c); i >= 0 && i < n; i = data.indexOf(0x3c, i + 1)) {
    const c1 = data[i + 1];
    if (c1 === 0x21) return null; // <!
    if (c1 === 0x3f) {
      if (i > 3) return null; // <? other than the declaration (after a BOM at most)
      continue;
    }
    if (c1 === 0x73 && data[i + 2] === 0x69) {
      // "<si": exactly "<si>", not inside another one, after white space only since the last one.
      if (open >= 0 || data[i + 3] !== 0x3e) return null;
      if (ends.length) for (let k = ends[ends.length - 1]; k < i; k++) if (!isSpace(data[k])) return null;
      open = i;
    } else if (c1 === 0x2f && data[i + 2] === 0x73 && data[i + 3] === 0x69 && data[i + 4] === 0x3e && open >= 0) {
      starts.push(open);
      ends.push(i + 5);
      open = -1;
    }
  }
  return open >= 0 || !starts.length ? null : { starts, ends };
}

/** Shared strings: a plain string, or the runs' texts of a rich string joined. */
export function parseSharedStrings(data: Uint8Array): string[] {
  const out: string[] = [];
  let inSi = false;
  let depth = 0; // inside <r> or <rPh>: 1
  let runs: string[] | null = null;
  let plain: string | null = null;
  let buf: string[] | null = null;
  let inPhonetic = false;
  parseXml(
    data,
    'xl/sharedStrings.xml',
    (t) => {
      switch (t.name) {
        case 'si':
          inSi = true;
          runs = null;
          plain = null;
          return;
        case 'r':
          if (inSi && !depth) (depth = 1), (runs ??= []).push('');
          return;
        case 'rPh':
          if (inSi && !depth) (depth = 1), (inPhonetic = true);
          return;
        case 't':
          if (inSi && !inPhonetic) buf = [];
          return;
      }
    },
    (s) => {
      if (buf) buf.push(s);
    },
    (name) => {
      switch (name) {
        case 't':
          if (buf) {
            const text = unescapeX(buf.join(''));
            if (depth && runs) runs[runs.length - 1] += text;
            else plain = text;
            buf = null;
          }
          return;
        case 'r':
        case 'rPh':
          depth = 0;
          inPhonetic = false;
          return;
        case 'si':
          out.push(runs ? runs.join('') : plain ?? '');
          inSi = false;
          return;
      }
    },
  );
  return out;
}

interface CellStyle {
  bold?: boolean;
  indent?: number;
  numFmt?: string;
  /** The xf names a font / has an alignment (what exceljs' merge cells inherit from rows and columns). */
  hasFont?: boolean;
  hasAlign?: boolean;
}
interface Styles {
  /** cellXfs by index; undefined where exceljs would give no style (index 0, missing xf). */
  xf(id: number): CellStyle | undefined;
}

function readStyles(data: Uint8Array | undefined): Styles {
  if (!data) return { xf: () => undefined };
  const numFmts = new Map<number, string>();
  const fonts: Array<{ bold: boolean }> = [];
  const xfs: Array<{ numFmtId: number; fontId: number; indent?: number; align?: boolean }> = [];
  let section = '';
  let font: { bold: boolean } | null = null;
  let xf: { numFmtId: number; fontId: number; indent?: number; align?: boolean } | null = null;
  parseXml(
    data,
    'xl/styles.xml',
    (t) => {
      const a = t.attributes;
      switch (t.name) {
        case 'numFmts':
        case 'fonts':
        case 'cellXfs':
        case 'cellStyleXfs':
        case 'dxfs':
        case 'fills':
        case 'borders':
        case 'cellStyles':
          section = t.name;
          return;
        case 'numFmt':
          if (section === 'numFmts') numFmts.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
          return;
        case 'font':
          if (section === 'fonts') fonts.push((font = { bold: false }));
          return;
        case 'b':
          if (font) font.bold = true;
          return;
        case 'xf':
          if (section === 'cellXfs') xfs.push((xf = { numFmtId: parseInt(a.numFmtId, 10), fontId: parseInt(a.fontId, 10) }));
          return;
        case 'alignment':
          if (xf && Object.keys(a).length) xf.align = true;
          if (xf && a.indent !== undefined) xf.indent = parseInt(a.indent, 10);
          return;
      }
    },
    null,
    (name) => {
      if (name === 'font') font = null;
      else if (name === 'xf') xf = null;
      else if (name === section) section = '';
    },
  );
  const cache = new Map<number, CellStyle | undefined>();
  return {
    xf(id: number) {
      if (!id) return undefined;
      if (cache.has(id)) return cache.get(id);
      const x = xfs[id];
      let s: CellStyle | undefined;
      if (x) {
        s = {};
        if (x.numFmtId) {
          const f = numFmts.get(x.numFmtId) || BUILTIN_FORMATS[x.numFmtId];
          if (f) s.numFmt = f;
        }
        if (fonts[x.fontId]) s.hasFont = true;
        if (fonts[x.fontId]?.bold) s.bold = true;
        if (x.align) s.hasAlign = true;
        if (x.indent) s.indent = x.indent;
      }
      cache.set(id, s);
      return s;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Worksheets

/**
 * A cell as parsed, before it becomes a GridCell. A class with every field set in one order: one shape
 * for every cell, whatever it holds (fields added later gave each kind of cell its own).
 */
class RawCell {
  /** Formula cell: formula text (may be ''), shared-formula master address, result. */
  formula: string | undefined = undefined;
  shared: string | undefined = undefined;
  result: unknown = undefined;
  /** Value cell: the value in exceljs' terms (string, number, boolean, Date, {error}, {richText}). */
  value: unknown = undefined;
  constructor(
    readonly row: number,
    readonly col: number,
    readonly s: number,
    readonly isFormula: boolean,
  ) {}
}

const clip = (s: string) => (s.length > FILE_LIMITS.maxCellChars ? s.slice(0, FILE_LIMITS.maxCellChars) : s);

/** What worksheetToGrid made of an exceljs cell value. */
function valueToGrid(v: unknown, formula: string | undefined, result: unknown, isFormula: boolean): GridCell {
  if (isFormula) {
    const res = result;
    const f = formula ?? '';
    if (res && typeof res === 'object' && 'error' in (res as object)) return { value: null, formula: f, error: String((res as { error: string }).error) };
    return { value: (res instanceof Date ? res.toISOString() : (res as CellValue)) ?? null, formula: f };
  }
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (typeof v === 'string') return { value: clip(v) };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), isDate: true };
  const o = v as { error?: string; richText?: string[]; text?: unknown };
  if ('error' in o) return { value: null, error: String(o.error) };
  return { value: clip(String(v)) };
}

/**
 * A sheet's <dataValidations> block is the same text in every file made from one template (a third of
 * a scoring sheet's XML, with the Vietnamese prompts). When a sheet holds that block as one stretch of
 * plain markup (one occurrence, no comment, CDATA or processing instruction inside), the ranges it gave
 * are kept with its text; the next sheet of the same part name whose block is the same text is parsed
 * with the block replaced by a marker element (a name no file can guess), and the kept ranges are put
 * where the marker opens, in the order they came. The block's parse depends on its text only (the
 * predefined entities, the fixed limits), so this gives what parsing it again would; a marker that
 * turns out inside a comment or a cell gives nothing, as the block there would have.
 */
const DV_OPEN = '<dataValidations';
const DV_CLOSE = '</dataValidations>';
const DV_MARK = `thiduaKeptValidations${Math.random().toString(36).slice(2, 10)}`;
const keptValidations = new Map<string, { bytes: Uint8Array; ranges: SheetValidations['ranges'] }>();
const DV_OPEN_B = ascii(DV_OPEN);
const DV_CLOSE_B = ascii(DV_CLOSE);
const DV_MARK_B = ascii(DV_MARK);
/**
 * First index of `pat` (ASCII bytes) in `b[from, to)`, or -1. The scan jumps (native indexOf) to each
 * occurrence of the pattern's rarest byte (`anchor`, its offset in `pat`): '<' starts every tag, an
 * upper-case 'V' or 'K' or a '!' is rare in sheet markup.
 */
export function bytesIndexOf(b: Uint8Array, pat: Uint8Array, from = 0, to = b.length, anchor = 0): number {
  const a = pat[anchor];
  const last = to - pat.length;
  outer: for (let i = b.indexOf(a, from + anchor); i >= 0; i = b.indexOf(a, i + 1)) {
    const at = i - anchor;
    if (at > last) return -1;
    for (let k = 0; k < pat.length; k++) if (b[at + k] !== pat[k]) continue outer;
    return at;
  }
  return -1;
}
/**
 * Found in the part's BYTES, before any decoding: the block is cut out of the bytes, so the rest of a
 * scoring sheet (ASCII markup: cell texts are in the shared strings) decodes as plain one-byte text and
 * the Vietnamese prompts are never decoded again. The cuts fall on '<', an ASCII byte, so the pieces
 * decode to the same text as the whole (see utf8Text).
 */
function validationsBlock(data: Uint8Array, kept: Uint8Array | undefined): { start: number; end: number; bytes: Uint8Array; same: boolean } | null {
  // The 'V' of "<dataValidations" and "</dataValidations>", the '!' and '?' of "<!" and "<?".
  const n = data.length;
  const start = bytesIndexOf(data, DV_OPEN_B, 0, n, 5);
  if (start < 0) return null;
  // The kept block again, byte for byte, where the first one opens: it passed every check below in its
  // own file (one opening, its first closing at its end, no <! <? or marker inside), so only the rest
  // of this part needs looking at.
  if (kept && start + kept.length <= n && sameRange(kept, 0, kept.length, data, start, start + kept.length)) {
    const end = start + kept.length;
    return bytesIndexOf(data, DV_OPEN_B, end, n, 5) >= 0 ? null : { start, end, bytes: data.subarray(start, end), same: true };
  }
  if (bytesIndexOf(data, DV_OPEN_B, start + 1, n, 5) >= 0) return null;
  const close = bytesIndexOf(data, DV_CLOSE_B, start, n, 6);
  if (close < 0) return null;
  const end = close + DV_CLOSE_B.length;
  if (bytesIndexOf(data, BANG_B, start, end, 1) >= 0 || bytesIndexOf(data, PI_B, start, end, 1) >= 0 || bytesIndexOf(data, DV_MARK_B, start, end, 6) >= 0) return null;
  return { start, end, bytes: data.subarray(start, end), same: false };
}

/**
 * Rows that come back byte for byte. A scoring sheet's rows are the same text in every file made from
 * one template except where the scores differ, and a row that differs from the last file's is often
 * one an earlier school's file already had (the same scores, the same remark). The sheet's <row>
 * elements are found in its BYTES: each opening `<row` (then white space or '>') up to the first
 * `</row>` after it, with no other `<row` between. One whose bytes are those of a row kept from the
 * last files of the same part name (found by a hash of its opening tag, which holds the row number,
 * among the versions kept under it; then compared in full) is cut out: it takes that row's events,
 * tokenized on its own by xml-plain the first time it came back (one balanced element in the plain
 * subset, else it is never cut). Up to ROW_VERSIONS versions of a row are kept, the least recently
 * seen dropped first, at most ROWS_KEPT_BYTES of them a part. The other rows stay in the rest of the
 * part, which, with a marker element (a name no file can guess) where each cut row was, must be plain
 * markup too (xml-plain, never saxes); each marker stands for its row's events in place (handed out,
 * or replayed from the row's program: see readSheet). Plain markup has no comment, CDATA or processing
 * instruction and no '<' in a value, so every cut opening was a tag in element content; a balanced
 * element's events depend on its own bytes only, and one balanced element in place of another keeps a
 * text well-formed or not: this gives what parsing the whole part gives. Anything else (a piece
 * outside the subset, any error) sends the sheet back through the whole part, for the file's own
 * reading or error (test/workbook/row-reuse.test.ts).
 */
const ROW_MARK = `thiduaKeptRow${Math.random().toString(36).slice(2, 10)}`;
const ROW_MARK_TAG = `<${ROW_MARK}/>`;
/**
 * A row kept: its bytes (a copy), its events once tokenized (null: not one plain element), and once
 * readSheet has handed them out, what they did (null: something a program cannot replay; see readSheet).
 */
type KeptRow = { bytes: Uint8Array; events: PlainEvent[] | null | undefined; program: RowProgram | null | undefined };
/**
 * What a kept row's events did to readSheet's state, from a state where they depend on nothing but
 * themselves: the row's opening tag, and for each cell (in order) the cell's fields as they stood when
 * the cell closed. Replaying it gives what handing the events out again gives.
 */
type RowProgram = { attrs: Record<string, string>; cells: ProgramCell[] };
type ProgramCell = {
  cAddr: string;
  addr: { row: number; col: number } | null;
  t: string | undefined;
  s: number;
  fText: string | undefined;
  fType: string | undefined;
  fSi: string | undefined;
  fRef: string | undefined;
  vText: string | undefined;
  rich: string[] | null;
};
/** Per part name, by a hash of the opening tag, the versions of a row seen in its last files (most recent last). */
type KeptRows = { rows: Map<number, KeptRow[]>; bytes: number };
const keptRows = new Map<string, KeptRows>();
/** A part with more rows than this is parsed whole. */
const ROWS_KEPT_MAX = 20000;
/** Versions kept of one row (a scoring row takes a few values across a cluster's schools). */
const ROW_VERSIONS = 32;
/** At most this many bytes of rows kept a part (their events take several times as much); past it, the part's rows start again. */
const ROWS_KEPT_BYTES = 2 * 1024 * 1024;
/** A larger part is parsed whole (its rows are not kept: at most this much is held from one file). */
const ROWS_PART_MAX = 4 * 1024 * 1024;
/** What the reader reused, counted (the tests check that reuse happens; nothing reads it otherwise). */
export const readerCounts = { rowsCut: 0, rowsReplayed: 0 };
/** Forget every part, block, string and row kept from earlier files (tests read a file cold with it). */
export function forgetKept(): void {
  forgetKeptEvents();
  sameParts.clear();
  lastStrings = null;
  keptValidations.clear();
  keptRows.clear();
}

/** [start, end) of each candidate <row> element in data[0, to) (see above). */
export function rowSpans(data: Uint8Array, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // One pass over the 'w' bytes (rare in sheet markup but for "<row" and "</row").
  let open = -1;
  for (let i = data.indexOf(0x77, 3); i >= 0 && i < to; i = data.indexOf(0x77, i + 1)) {
    if (data[i - 1] !== 0x6f || data[i - 2] !== 0x72) continue;
    if (data[i - 3] === 0x3c) {
      // Any "<row": a candidate when a tag named row opens here; a candidate before it is dropped.
      const after = data[i + 1];
      open = isSpace(after) || after === 0x3e ? i - 3 : -1;
    } else if (data[i - 3] === 0x2f && data[i - 4] === 0x3c) {
      let k = i + 1;
      while (k < to && isSpace(data[k])) k++;
      if (open >= 0 && k < to && data[k] === 0x3e) spans.push([open, k + 1]);
      open = -1;
    }
  }
  return spans;
}

/**
 * The text readSheet parses: the part itself, or its pieces with the kept validations block (`dv`) and
 * the rows (above) replaced by markers; `keep` remembers this file's rows once the parse succeeded.
 */
function sheetPieces(
  data: Uint8Array,
  part: string,
  dv: { start: number; end: number } | null,
  rowsToo: boolean,
): { text: string | Uint8Array; cut?: KeptRow[]; keep: () => void } {
  const tail = (from: number) => (dv ? `${piece(data, from, dv.start)}<${DV_MARK}/>${utf8Text(data.subarray(dv.end), false)}` : from ? piece(data, from, data.length) : data);
  // A small part is kept whole (parseXml's keptEvents).
  const spans = rowsToo && data.length > SAME_EVENTS_MAX && data.length <= ROWS_PART_MAX ? rowSpans(data, dv ? dv.start : data.length) : [];
  if (!spans.length || spans.length > ROWS_KEPT_MAX) return { text: tail(0), keep: () => undefined };
  const last = keptRows.get(part);
  /** This file's rows: each one's hash, and the kept row it matched (undefined: none). */
  const hashes = new Array<number>(spans.length);
  const matched = new Array<KeptRow | undefined>(spans.length);
  /** The kept rows cut out, in order (each with its events). */
  const cut: KeptRow[] = [];
  let text = '';
  let from = 0;
  for (let s = 0; s < spans.length; s++) {
    const [start, end] = spans[s];
    // Keyed by a hash of the opening tag (it holds the row number); a version is taken only with the same bytes.
    let h = 0x811c9dc5;
    for (let i = start; i < end && i < start + 200; i++) {
      h = Math.imul(h ^ data[i], 16777619);
      if (data[i] === 0x3e) break;
    }
    hashes[s] = h;
    const versions = last?.rows.get(h);
    if (!versions) continue;
    let was: KeptRow | undefined;
    for (let v = versions.length - 1; v >= 0 && !was; v--) if (sameRange(versions[v].bytes, 0, versions[v].bytes.length, data, start, end)) was = versions[v];
    if (!was) continue;
    matched[s] = was;
    // A row met again is tokenized on its own the first time (null: not one plain element, never cut).
    if (was.events === undefined) was.events = plainXmlEvents(utf8Text(was.bytes, false));
    if (!was.events) continue;
    cut.push(was);
    readerCounts.rowsCut++;
    text += piece(data, from, start) + ROW_MARK_TAG;
    from = end;
  }
  const keep = () => {
    let kept: KeptRows = last ?? { rows: new Map(), bytes: 0 };
    if (kept.bytes > ROWS_KEPT_BYTES) kept = { rows: new Map(), bytes: 0 };
    for (let s = 0; s < spans.length; s++) {
      const h = hashes[s];
      let versions = kept.rows.get(h);
      if (!versions) kept.rows.set(h, (versions = []));
      // Seen now: the most recent version (the oldest gives way past ROW_VERSIONS).
      const m = matched[s];
      const at = m ? versions.indexOf(m) : -1;
      if (at >= 0) {
        if (at !== versions.length - 1) versions.push(versions.splice(at, 1)[0]);
        continue;
      }
      const row: KeptRow = { bytes: data.slice(spans[s][0], spans[s][1]), events: undefined, program: undefined };
      versions.push(row);
      kept.bytes += row.bytes.length;
      if (versions.length > ROW_VERSIONS) kept.bytes -= versions.shift()!.bytes.length;
    }
    if (!keptRows.has(part) && keptRows.size >= 16) keptRows.delete(keptRows.keys().next().value as string);
    keptRows.set(part, kept);
  };
  if (!cut.length) return { text: tail(0), keep };
  return { text: text + tail(from), cut, keep };
}
/** The text of data[from, to) (a piece cut on ASCII bytes: a byte order mark dropped only at the start). */
const piece = (data: Uint8Array, from: number, to: number) => (to > from ? utf8Text(data.subarray(from, to), from === 0) : '');

function readSheet(
  data: Uint8Array,
  part: string,
  name: string,
  hidden: boolean,
  ctx: { shared: string[]; styles: Styles; date1904: boolean; file: string; problems: Problem[]; rels: Map<string, Rel> },
  /** false: nothing kept from earlier files is used (the whole part is parsed, for the file's own error). */
  useKept = true,
): { grid: Grid; validations: SheetValidations } {
  const { maxRows, maxCols } = FILE_LIMITS;
  const { styles, shared, date1904 } = ctx;
  /** Cells kept (rows <= maxRows), by row then column. */
  const cells = new Map<number, Map<number, RawCell>>();
  /** Every row seen: highest column kept by exceljs, and whether a cell had a value. */
  const rowMax = new Map<number, number>();
  const rowHas = new Set<number>();
  const rowStyle = new Map<number, number>();
  const cols: Array<{ min: number; max: number; style: number }> = [];
  /** Hidden rows and columns (the familiar-table reader never gives them a role). */
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  const mergeRefs: string[] = [];
  const hyperlinks = new Set<string>();
  const validationRanges: SheetValidations['ranges'] = [];
  const masters = new Map<string, { row: number; col: number }>();
  let lastRow = 0;

  // Parse state
  let row = 0;
  let prevCol = 0;
  let inCell = false;
  let cAddr = '';
  let cT: string | undefined;
  let cS = 0;
  let node: '' | 'f' | 'v' | 't' = '';
  let fText: string | undefined;
  let fType: string | undefined;
  let fSi: string | undefined;
  let fRef: string | undefined;
  let vText: string | undefined;
  let rich: string[] | null = null;
  let inRun = false;
  let runT: string[] | null = null;
  let dv: CellValidation | null = null;
  let dvSqref = '';
  let dvFormula: string[] | null = null;
  let inSheetData = false;
  let seenRow = false;

  /** Cells and rows where Excel and LibreOffice could disagree: refused, naming the cell (the first 20). */
  let disorder = 0;
  const refuse = (code: 'cell_misplaced' | 'cell_out_of_order' | 'row_out_of_order', params: Record<string, unknown>, cell: string) => {
    if (disorder++ < 20) ctx.problems.push(problem(code, params, { file: ctx.file, sheet: name, cell: cell.slice(0, 12) }));
  };
  const endCell = (addr: { row: number; col: number } | null) => {
    const col = addr ? addr.col : prevCol + 1;
    const r = row;
    if (addr && addr.row !== r) refuse('cell_misplaced', { ref: cAddr.slice(0, 12), row: r }, cAddr);
    else if (addr && col <= prevCol) refuse('cell_out_of_order', { ref: cAddr.slice(0, 12), row: r }, cAddr);
    let raw: RawCell | null = null;
    if (fText || fType) {
      raw = new RawCell(r, col, cS, true);
      raw.formula = fText;
      if (vText) {
        if (cT === 'str') raw.result = xmlDecode(vText);
        else if (cT === 'b') raw.result = parseInt(vText, 10) !== 0;
        else if (cT === 'e') raw.result = { error: vText };
        else raw.result = parseFloat(vText);
      }
      if (fType === 'shared') {
        if (fRef) masters.set(fSi ?? 'undefined', { row: r, col });
        else {
          const m = masters.get(fSi ?? 'undefined');
          if (m) raw.shared = colLetters(m.col) + m.row;
          raw.formula = fText; // a dependent: its own text if it has one, else slid from the master below
        }
      }
    } else if (rich || vText !== undefined) {
      raw = new RawCell(r, col, cS, false);
      const v = vText ?? '';
      switch (cT) {
        case 's': {
          const i = parseInt(v, 10);
          if (!(i >= 0 && i < shared.length)) throw new XlsxFormatError(`${part}: shared string ${v} missing`);
          raw.value = shared[i];
          break;
        }
        case 'str':
          raw.value = xmlDecode(v);
          break;
        case 'inlineStr':
          raw.value = rich ? rich.join('') : v;
          break;
        case 'b':
          raw.value = parseInt(v, 10) !== 0;
          break;
        case 'e':
          raw.value = { error: v };
          break;
        default:
          raw.value = parseFloat(v);
      }
    } else if (cS) raw = new RawCell(r, col, cS, false); // styled, empty: counts for the column count
    if (addr || raw) prevCol = col;
    if (!raw) return;
    if (col > (rowMax.get(r) ?? 0)) rowMax.set(r, col);
    if (raw.isFormula || raw.value !== undefined) rowHas.add(r);
    if (r <= maxRows) {
      let m = cells.get(r);
      if (!m) cells.set(r, (m = new Map()));
      m.set(col, raw);
    }
  };

  const openRow = (a: Record<string, string>) => {
    row = parseInt(a.r, 10);
    if (!(row > 0)) row = lastRow + 1;
    else if (row <= lastRow && seenRow) refuse('row_out_of_order', { row, previous: lastRow }, `A${row}`);
    seenRow = true;
    prevCol = 0;
    if (row > lastRow) lastRow = row;
    if (a.s) rowStyle.set(row, parseInt(a.s, 10));
    if (a.hidden === '1' || a.hidden === 'true') hiddenRows.add(row);
  };

  const kept = keptValidations.get(part);
  const block = validationsBlock(data, useKept ? kept?.bytes : undefined);
  const reuse = block?.same ? kept : undefined;
  /** The block's element as parsed here (to keep its ranges for the next file). */
  let blockElements = 0;
  let blockFrom = -1;
  let blockRanges: SheetValidations['ranges'] | null = null;
  const pieces = sheetPieces(data, part, reuse && block ? block : null, useKept);
  const problemsBefore = ctx.problems.length;

  // A kept row's program (KeptRow.program) is recorded the first time its events are handed out from
  // the state below ("clean": outside any cell and validation, inside sheetData), where what they do
  // depends on themselves only, and only when, outside its cells, the row opens nothing but cells (any
  // other element there could touch state a program does not replay; a closing tag there closes an
  // element opened there, or a cell, and touches nothing). Inside a cell every event only sets the
  // cell's fields, which the program takes as they stand when the cell closes; the row's opening tag
  // and each cell's end then run the very code the events run (openRow, endCell). Replayed only from
  // the same clean state: anywhere else the events are handed out as they are
  // (test/workbook/row-reuse.test.ts reads every such case warm and cold).
  let recording: { attrs: Record<string, string> | null; cells: ProgramCell[]; ok: boolean } | null = null;
  const onOpen = (t: PlainTag) => {
    const a = t.attributes;
    if (recording && !inCell)
      if (t.name === 'row' && !recording.attrs) recording.attrs = a;
      else if (t.name !== 'c') recording.ok = false;
    if (!inCell && (t.name === DV_MARK || t.name === 'dataValidations') && !dv && !dvFormula) {
      if (t.name === DV_MARK) {
        if (reuse) validationRanges.push(...reuse.ranges);
        return;
      }
      blockElements++;
      blockFrom = validationRanges.length;
    }
    if (inCell) {
      switch (t.name) {
        case 'f':
          node = 'f';
          fType = a.t;
          fSi = a.si;
          fRef = a.ref;
          return;
        case 'v':
          node = 'v';
          return;
        case 't':
          if (inRun) runT = [];
          else node = 't';
          return;
        case 'r':
          inRun = true;
          (rich ??= []).push('');
          return;
      }
      return;
    }
    switch (t.name) {
      case 'sheetData':
        inSheetData = true;
        return;
      case 'row':
        openRow(a);
        return;
      case 'c':
        if (!inSheetData) return;
        inCell = true;
        cAddr = a.r ?? '';
        cT = a.t;
        cS = a.s ? parseInt(a.s, 10) : 0;
        fText = fType = fSi = fRef = vText = undefined;
        rich = null;
        return;
      case 'col':
        if (a.hidden === '1' || a.hidden === 'true')
          for (let c = parseInt(a.min, 10); c <= Math.min(parseInt(a.max, 10), maxCols); c++) hiddenCols.add(c);
        if (a.style) cols.push({ min: parseInt(a.min, 10), max: parseInt(a.max, 10), style: parseInt(a.style, 10) });
        return;
      case 'mergeCell':
        if (a.ref) mergeRefs.push(a.ref);
        return;
      case 'hyperlink':
        if (a['r:id'] && !ctx.rels.has(a['r:id'])) throw new XlsxFormatError(`${part}: hyperlink ${a['r:id'].slice(0, 20)} without its relationship`);
        if (a['r:id'] && a.ref) hyperlinks.add(a.ref);
        return;
      case 'dataValidation': {
        dvSqref = a.sqref ?? '';
        dv = { type: a.type || 'any', formulae: [] };
        return;
      }
      case 'formula1':
      case 'formula2':
        if (dv) dvFormula = [];
        return;
    }
  };
  const onText = (s: string) => {
    if (inCell) {
      if (runT) runT.push(s);
      else if (node === 'f') fText = fText ? fText + s : s;
      else if ((node === 'v' || node === 't') && !rich) vText = vText ? vText + s : s;
    } else if (dvFormula) dvFormula.push(s);
  };
  const onClose = (name: string) => {
    if (inCell) {
      switch (name) {
        case 'c': {
          const addr = decodeAddress(cAddr);
          if (recording) recording.cells.push({ cAddr, addr, t: cT, s: cS, fText, fType, fSi, fRef, vText, rich });
          endCell(addr);
          inCell = false;
          node = '';
          inRun = false;
          runT = null;
          return;
        }
        case 'f':
        case 'v':
        case 'is':
          node = '';
          return;
        case 't':
          if (runT && rich) {
            rich[rich.length - 1] += unescapeX(runT.join(''));
            runT = null;
          } else node = '';
          return;
        case 'r':
          inRun = false;
          return;
      }
      return;
    }
    switch (name) {
      case 'dataValidations':
        if (blockFrom >= 0 && !dv && !dvFormula) blockRanges = validationRanges.slice(blockFrom);
        blockFrom = -1;
        return;
      case 'sheetData':
        inSheetData = false;
        return;
      case 'formula1':
      case 'formula2':
        if (dv && dvFormula) {
          const f = dvFormula.join('');
          dv.formulae!.push(
            dv.type === 'whole' || dv.type === 'textLength'
              ? parseInt(f, 10)
              : dv.type === 'decimal'
                ? parseFloat(f)
                : dv.type === 'date'
                  ? excelToDate(parseFloat(f), false)
                  : f,
          );
          dvFormula = null;
        }
        return;
      case 'dataValidation':
        if (dv) {
          if (!dv.formulae!.length) delete dv.formulae;
          // Kept as ranges (interval arithmetic): the cost is the sqref's length, not its area.
          for (const ref of dvSqref.split(/\s+/g)) {
            if (!ref) continue;
            const box = decodeRange(ref);
            if (!box) continue;
            if (ref.includes(':')) {
              box.bottom = Math.min(box.bottom, maxRows);
              box.right = Math.min(box.right, maxCols);
              if (box.top > box.bottom || box.left > box.right) continue;
            }
            validationRanges.push({ ...box, v: dv });
          }
          dv = null;
        }
        return;
    }
  };
  const replay = (p: RowProgram) => {
    openRow(p.attrs);
    for (const c of p.cells) {
      cAddr = c.cAddr;
      cT = c.t;
      cS = c.s;
      fText = c.fText;
      fType = c.fType;
      fSi = c.fSi;
      fRef = c.fRef;
      vText = c.vText;
      rich = c.rich;
      endCell(c.addr);
    }
    // Each cell's close left inCell false, node '', inRun false and runT null: as they already are.
  };
  const cut = pieces.cut;
  const marks = cut && {
    name: ROW_MARK,
    at: (k: number) => {
      const kept = cut[k];
      if (!kept?.events) return;
      const clean = !inCell && !dv && !dvFormula && inSheetData && !recording;
      if (clean && kept.program) {
        readerCounts.rowsReplayed++;
        return replay(kept.program);
      }
      if (!clean || kept.program === null) return handOut(kept.events, onOpen, onText, onClose);
      recording = { attrs: null, cells: [], ok: true };
      handOut(kept.events, onOpen, onText, onClose);
      kept.program = recording.ok && recording.attrs ? { attrs: recording.attrs, cells: recording.cells } : null;
      recording = null;
    },
  };
  try {
    parseXml(pieces.text, part, onOpen, onText, onClose, marks);
  } catch (e) {
    // Rows or the validations block were cut out: the file's own error (or its own reading, with its
    // own positions in messages) comes from the whole part.
    if (!cut && !reuse) throw e;
    ctx.problems.length = problemsBefore;
    return readSheet(data, part, name, hidden, ctx, false);
  }
  pieces.keep();

  // One block, parsed here as one element outside any cell: its ranges serve the next file's same block.
  if (block && !reuse && blockElements === 1 && blockRanges) {
    if (!keptValidations.has(part) && keptValidations.size >= 16) keptValidations.delete(keptValidations.keys().next().value as string);
    keptValidations.set(part, { bytes: block.bytes.slice(), ranges: blockRanges });
  }

  // Merges, as exceljs applies them (overlaps refused, cells inside take the top-left cell's value).
  const merges: Grid['merges'] = [];
  for (const ref of mergeRefs) {
    const box = decodeRange(ref);
    if (!box) throw new XlsxFormatError(`${part}: bad merge ${ref.slice(0, 40)}`);
    merges.push(box);
  }
  const overlap = firstOverlap(merges);
  if (overlap >= 0) throw new XlsxFormatError(`${part}: overlapping merged cells ${mergeRefs[overlap].slice(0, 40)}`, { sheet: name, cell: mergeRefs[overlap].slice(0, 40) });
  // Row and column counts as exceljs computed them: a row counts when a cell in it has a value or lies
  // inside a merged range (not its top-left cell); its width is its last cell, merged ranges included.
  const slaveRows: Array<[number, number]> = [];
  for (const m of merges) {
    const from = m.right > m.left ? m.top : m.top + 1;
    if (from <= m.bottom) slaveRows.push([from, m.bottom]);
    if (m.bottom > lastRow) lastRow = m.bottom;
  }
  // Row intervals joined, then a binary search per row (never a scan of every merge per row).
  slaveRows.sort((x, y) => x[0] - y[0]);
  const joined: Array<[number, number]> = [];
  for (const [a, b] of slaveRows)
    if (joined.length && a <= joined[joined.length - 1][1] + 1) joined[joined.length - 1][1] = Math.max(joined[joined.length - 1][1], b);
    else joined.push([a, b]);
  const inSlaveRow = (r: number) => {
    let lo = 0;
    let hi = joined.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (joined[mid][1] < r) lo = mid + 1;
      else if (joined[mid][0] > r) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const hasValues = (r: number) => rowHas.has(r) || inSlaveRow(r);
  let columnCount = 0;
  // forEach, not for-of, on the per-file paths: no iterator result or entry pair per element before the
  // code is optimized (the first hundreds of files of a run).
  rowMax.forEach((max, r) => {
    if (max > columnCount && hasValues(r)) columnCount = max;
  });
  for (const m of merges) if (m.right > columnCount && (m.right > m.left || m.bottom > m.top || hasValues(m.top))) columnCount = m.right;
  const anyValues = rowHas.size > 0 || slaveRows.length > 0;

  if (lastRow > maxRows) ctx.problems.push(problem('sheet_too_large', { rows: lastRow, limit: maxRows }, { file: ctx.file, sheet: name }));
  const rowCount = Math.min(anyValues ? lastRow : 0, maxRows);
  const colCount = Math.min(columnCount, maxCols);

  // Grid cells.
  const styleOf = (s: number): CellStyle | undefined => styles.xf(s);
  const withStyle = (g: GridCell, st: CellStyle | undefined): GridCell => {
    if (st?.bold) g.bold = true;
    if (st?.indent) g.indent = st.indent;
    return g;
  };
  const formulaOf = (c: RawCell): string | undefined => {
    if (c.formula) return c.formula;
    if (c.shared) {
      const at = decodeAddress(c.shared)!;
      const master = cells.get(at.row)?.get(at.col);
      if (master?.isFormula && master.formula !== undefined && !mergedOver(at.row, at.col)) return slideFormula(master.formula, at, c);
      return master ? undefined : c.shared;
    }
    return c.formula;
  };
  const hyperlinkText = (c: RawCell, st: CellStyle | undefined): string => String(c.isFormula ? dated(c.result, st) : dated(c.value, st));
  const dated = (v: unknown, st: CellStyle | undefined) => (typeof v === 'number' && isDateFormat(st?.numFmt) ? excelToDate(v, date1904) : v);
  const toGrid = (c: RawCell): GridCell | undefined => {
    const st = styleOf(c.s);
    if (!c.isFormula && c.value === undefined) return undefined; // styled, empty
    if (hyperlinks.size && hyperlinks.has(colLetters(c.col) + c.row)) return withStyle({ value: clip(hyperlinkText(c, st)) }, st);
    if (c.isFormula) {
      const f = formulaOf(c);
      if (f === undefined && !c.shared) return withStyle({ value: '[object Object]' }, st); // as exceljs shows a formula without text
      return withStyle(valueToGrid(undefined, f ?? c.shared, dated(c.result, st), true), st);
    }
    return withStyle(valueToGrid(dated(c.value, st), undefined, undefined, false), st);
  };
  /** Inside a merged range and not its top-left cell. */
  const slaveOf = new Map<number, { row: number; col: number }>();
  /** Index of the merged range over each cell the grid holds (merges are disjoint: at most the grid's area). */
  const mergeIndex = new Map<number, Grid['merges'][number]>();
  for (const m of merges) {
    const master = { row: m.top, col: m.left };
    for (let r = m.top; r <= Math.min(m.bottom, rowCount); r++)
      for (let c = m.left; c <= Math.min(m.right, colCount); c++) {
        mergeIndex.set(r * 16384 + c, m);
        if (r > m.top || c > m.left) slaveOf.set(r * 16384 + c, master);
      }
  }
  function mergedOver(r: number, c: number): boolean {
    return slaveOf.has(r * 16384 + c);
  }
  const colStyle = (c: number): number => {
    let best: { min: number; style: number } | undefined;
    for (const d of cols) if (c >= d.min && c <= d.max && (!best || d.min < best.min)) best = d;
    return best?.style ?? 0;
  };

  const rows: Array<Array<GridCell | undefined>> = [];
  for (let r = 1; r <= rowCount; r++) {
    const m = cells.get(r);
    const out: Array<GridCell | undefined> = [];
    if (m)
      m.forEach((raw, c) => {
        if (c > colCount || slaveOf.has(r * 16384 + c)) return;
        const g = toGrid(raw);
        if (g) out[c - 1] = g;
      });
    rows.push(out);
  }
  // Cells inside merged ranges: the top-left cell's value (as exceljs' merge cells give), their own style
  // when the file gave them one, else the row's or column's.
  slaveOf.forEach((at, key) => {
    const r = Math.floor(key / 16384);
    const c = key % 16384;
    const own = cells.get(r)?.get(c);
    const master = cells.get(at.row)?.get(at.col);
    let g: GridCell;
    if (!master || (!master.isFormula && master.value === undefined)) g = { value: null };
    else if (hyperlinks.size && hyperlinks.has(colLetters(master.col) + master.row)) g = { value: clip(hyperlinkText(master, styleOf(master.s))) };
    else if (master.isFormula) {
      // The merge cell sees the master's value object only: no falsy result, no slid shared formula.
      const res = dated(master.result, styleOf(master.s));
      const f = master.formula || master.shared;
      if (!f) g = { value: '[object Object]' };
      else g = valueToGrid(undefined, f, res || undefined, true);
    } else g = valueToGrid(dated(master.value, styleOf(master.s)), undefined, undefined, false);
    let st: CellStyle | undefined;
    if (own && (own.s || own.isFormula || own.value !== undefined)) st = styleOf(own.s);
    else {
      // A cell exceljs created for the merge: the row's font (else the column's), the row's alignment
      // (else the column's).
      const rs = styleOf(rowStyle.get(r) ?? 0);
      const cs = styleOf(colStyle(c));
      st = { bold: (rs?.hasFont ? rs : cs)?.bold, indent: (rs?.hasAlign ? rs : cs)?.indent };
    }
    (rows[r - 1] ??= [])[c - 1] = withStyle(g, st);
  });

  return {
    grid: {
      sheet: name,
      rowCount,
      colCount,
      cell: (r, c) => rows[r - 1]?.[c - 1],
      merges,
      hidden,
      mergeAt: (r, c) =>
        r >= 1 && c >= 1 && r <= rowCount && c <= colCount
          ? mergeIndex.get(r * 16384 + c)
          : merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right),
      ...(hiddenRows.size ? { hiddenRows } : {}),
      ...(hiddenCols.size ? { hiddenCols } : {}),
    },
    validations: sheetValidations(validationRanges),
  };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Read the unzipped parts of an .xlsx (CRCs already verified) into grids and data validations.
 * Throws XlsxFormatError (or a saxes error) when the XML is not an .xlsx's.
 */
export function readXlsx(parts: Record<string, Uint8Array>, file: string, problems: Problem[]): XlsxContent {
  const part = (n: string) => parts[n] ?? parts[`/${n}`];
  const wbXml = part('xl/workbook.xml');
  if (!wbXml) throw new XlsxFormatError('no xl/workbook.xml');
  const { sheets, date1904 } = readWorkbookXml(wbXml);
  const rels = readRels(part('xl/_rels/workbook.xml.rels'), 'xl/_rels/workbook.xml.rels');
  // Parts the workbook's relationships name and this reader needs must be there (a dropped styles part
  // would silently lose dates and bold).
  for (const r of rels.values())
    if (!r.external && /\/(styles|sharedStrings)$/.test(r.type) && !part(resolveTarget('xl/', r.target)))
      throw new XlsxFormatError(`missing part ${resolveTarget('xl/', r.target).slice(0, 80)}`);
  // Well-formedness only (a part met before with the same bytes was well-formed then).
  for (const [n, d] of Object.entries(parts))
    if (ALSO_PARSED.test(n[0] === '/' ? n.slice(1) : n)) oncePerContent(`wellformed:${n}`, d, () => parseXml(d, n, () => undefined, null, () => undefined));
  const shared = readSharedStrings(part('xl/sharedStrings.xml'));
  const stylesXml = part('xl/styles.xml');
  const styles = stylesXml ? oncePerContent('styles', stylesXml, () => readStyles(stylesXml)) : readStyles(undefined);
  // exceljs reads worksheets only from parts named like xl/worksheets/sheetN.xml.
  const worksheetParts = new Map<string, Uint8Array>();
  for (const [n, d] of Object.entries(parts)) {
    const name = n[0] === '/' ? n.slice(1) : n;
    if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name)) worksheetParts.set(name, d);
  }
  const grids: Grid[] = [];
  const validations: WorkbookValidations = {};
  for (const s of sheets) {
    const target = s.rId !== undefined ? rels.get(s.rId)?.target : undefined;
    if (target === undefined) continue;
    const path = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    const data = worksheetParts.get(path);
    if (!data) continue;
    // The sheet's own relationships: comments and their drawings must exist, hyperlinks must resolve.
    const relsPath = path.replace(/([^/]+)$/, '_rels/$1.rels');
    const sheetRels = readRels(part(relsPath), relsPath);
    for (const r of sheetRels.values())
      if (!r.external && /\/(comments|vmlDrawing)$/.test(r.type) && !part(resolveTarget('xl/worksheets/', r.target)))
        throw new XlsxFormatError(`missing part ${resolveTarget('xl/worksheets/', r.target).slice(0, 80)}`);
    const r = readSheet(data, path, s.name, s.state !== 'visible', { shared, styles, date1904, file, problems, rels: sheetRels });
    grids.push(r.grid);
    validations[s.name] = r.validations;
  }
  return { grids, validations };
}
