/**
 * The layout plan of a scoring template: where every row, entry cell, score cell and formula of the
 * school's workbook goes, as plain data (addresses, values, formulas, style tokens). Pure: the exceljs
 * writer (engine/workbook/template/write.ts) and the add-in's Office.js adapter both render it, and the
 * reader of filled templates (./read.ts) checks a workbook against it.
 *
 * Rendering rules every renderer must keep:
 * - a string `value` is literal text and must never become a formula (a unit named "=HYPERLINK(...)"
 *   stays text: Office.js renderers set the number format "@" or write it with a leading apostrophe);
 * - `formula` is an Excel formula without the leading "=";
 * - only cells with `open: true` are unlocked; the sheet is protected;
 * - conditional formats are custom-formula rules whose formula is written for the first cell of the
 *   first range, with relative references only (Excel shifts them for the other cells).
 *
 * Computed criteria (formula, checklist, tiers) get the kind's raw Excel formula wrapped exactly like
 * evaluate.ts: inputs must be valid (else the criterion counts 0), the raw result is clamped to 0..max
 * and rounded down to the step, and any Excel error counts 0.
 */
import { canonicalEntries, MAX_SELF_ENTRIES_CHARS, metaDigest, selfDigest } from './stamp';
import type { CompiledLeaf, CompiledNode, CompiledSet } from '../compile';
import { address, columnLetter } from '../grid';
import type { Lang } from '../i18n';
import type { CellValue, EntrySpec } from '../kinds/types';
import { formatPoints, toMilli } from '../points';
import { excelCounted, excelInvalid, excelValid, excelValidation } from '../entry-rule';

export const TEMPLATE_FORMAT = 'thidua-template';
export const TEMPLATE_FORMAT_VERSION = 1;
/** The hidden sheet carrying the criteria set, its hash and the metadata. */
export const EMBED_SHEET = '_thidua';
/** Characters of criteria-set JSON per cell of the hidden sheet (well under every spreadsheet's limit). */
export const EMBED_CHUNK = 8000;
export const NAME_SELF_TOTAL = 'TongTuCham';
export const NAME_INSPECTED_TOTAL = 'TongCumCham';

export type TemplateMode = 'self' | 'inspection';
export type ScoreColumn = 'self' | 'inspected';

/** Columns of the scoring sheet (1-based). `key` is a hidden column carrying the row's id. */
export const TEMPLATE_COLUMNS = { number: 1, text: 2, max: 3, self: 4, evidence: 5, inspected: 6, remark: 7, key: 8 } as const;
export type PlanColumnId = keyof typeof TEMPLATE_COLUMNS;
const COL = TEMPLATE_COLUMNS;
const SCORE_COL: Record<ScoreColumn, number> = { self: COL.self, inspected: COL.inspected };

export type RowKind =
  | 'org'
  | 'title'
  | 'subtitle'
  | 'meta'
  | 'header'
  | 'section'
  | 'group'
  | 'leaf'
  | 'item'
  | 'indicators-head'
  | 'indicator'
  | 'derived'
  | 'total'
  | 'grand-total'
  | 'note'
  | 'signature'
  | 'blank';

/** What a cell is: renderers map (row kind, cell kind, open) to fonts, fills, borders and alignment. */
export type CellKind =
  | 'org'
  | 'motto'
  | 'title'
  | 'subtitle'
  | 'label'
  | 'meta-value'
  | 'header'
  | 'number'
  | 'text'
  | 'max'
  | 'entry'
  | 'score'
  | 'evidence'
  | 'remark'
  | 'key'
  | 'note'
  | 'signature';

/** Number formats by token: points "0.00", integer "0", general, text "@", points-hide-zero. */
export type NumFmtToken = 'points' | 'integer' | 'general' | 'text' | 'points-hide-zero';
export const NUM_FMT: Record<NumFmtToken, string> = {
  points: '0.00',
  integer: '0',
  general: 'General',
  text: '@',
  'points-hide-zero': '0.00;-0.00;;@',
};

export interface PlanValidation {
  /** decimal/whole where Excel's built-in types express the entry rule (entry-rule.ts), else custom. */
  type: 'decimal' | 'whole' | 'list' | 'custom';
  operator?: 'between' | 'greaterThanOrEqual';
  min?: number;
  max?: number;
  /** Custom validations: the formula (no "="), written for the cell itself. */
  formula?: string;
  /** List values (flags: "x"). */
  list?: string[];
  allowBlank: true;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface PlanCell {
  address: string;
  row: number;
  col: number;
  kind: CellKind;
  /** Literal value; strings are text, never formulas. */
  value?: string | number | null;
  /** Excel formula without "=". */
  formula?: string;
  /** Unlocked (an entry cell of this mode). */
  open?: boolean;
  numFmt?: NumFmtToken;
  validation?: PlanValidation;
  /** Cell note (comment) for guidance. */
  note?: string;
  /** Bottom-right address of a merged range starting here. */
  mergeTo?: string;
  /** Entry cells: the entry key and column they belong to. */
  entry?: { key: string; column: ScoreColumn };
}

export interface PlanRow {
  row: number;
  kind: RowKind;
  /** The node, entry key or indicator ("@id") the row stands for (also in the hidden key column). */
  key?: string;
  /** Criterion or section the row belongs to. */
  criterion?: string;
  depth?: number;
  /** Suggested height in points (wrapped text). */
  height?: number;
  /** Rows of one criterion may be grouped/outlined by renderers. */
  outlineLevel?: number;
  cells: PlanCell[];
}

export interface PlanScoreCell {
  address: string;
  /** Absent when the score cell is the entry cell itself (manual, bonus, deduction). */
  formula?: string;
  /** Node id, or "base" | "bonus" | "penalty" | "total". */
  node: string;
}

export interface PlanConditionalFormat {
  /** Single cells or ranges, all sharing the rule; the formula is written for the first one. */
  ranges: string[];
  formula: string;
  style: 'cf-missing' | 'cf-invalid' | 'cf-evidence';
  priority: number;
}

/** What the plan expects in the table row of a node or an entry, for checking a filled workbook. */
export interface PlanExpectation {
  key: string;
  row: number;
  criterion: string;
  number: string;
  text: string;
  max: number | null;
}

export interface TemplatePrefill {
  /** Self column entries by entry key (inspection mode: the school's values, kept and locked). */
  self?: Record<string, CellValue>;
  /** Evidence by criterion id. */
  evidence?: Record<string, CellValue>;
  unit?: string;
}

export interface TemplateOptions {
  mode: TemplateMode;
  unit?: string;
  year?: number;
  lang?: Lang;
  /** Overrides the set's cluster name in the title block. */
  cluster?: string;
  prefill?: TemplatePrefill;
  /** Recorded in the hidden sheet. */
  toolVersion?: string;
  /** ISO time recorded in the hidden sheet (the caller passes it; the plan is pure). */
  generatedAt?: string;
  /** Inspection mode: who inspects, when, and the self-assessment file it was made from (stamped). */
  inspection?: { team?: string; date?: string; fromFile?: string };
}

export interface TemplateMeta {
  format: string;
  formatVersion: number;
  criteriaSetId: string;
  hash: string;
  mode: TemplateMode;
  unit: string;
  year: number | null;
  cluster: string;
  lang: Lang;
  sheet: string;
  toolVersion: string;
  generatedAt: string;
  /** Inspection mode: stamp of the school's self entries (engine/core/template/stamp.ts). */
  selfHash?: string;
  selfEntries?: string;
  team?: string;
  inspectedOn?: string;
  fromFile?: string;
  /** SHA-256 over every entry above (stamp.ts: metaDigest). */
  metaHash: string;
}

export interface TemplatePlan {
  mode: TemplateMode;
  lang: Lang;
  sheetName: string;
  instructionsSheetName: string;
  columns: Array<{ id: PlanColumnId; col: number; letter: string; width: number; header: string; hidden?: boolean }>;
  rows: PlanRow[];
  headerRow: number;
  /** First and last rows of the criteria table (sections to the grand total). */
  tableRows: [number, number];
  lastRow: number;
  unitCell: string;
  yearCell: string;
  /** Entry cell address by column and entry key. */
  entries: Record<ScoreColumn, Record<string, string>>;
  /** Score cell by column and node id (every node) and "base" | "bonus" | "penalty" | "total". */
  scores: Record<ScoreColumn, Record<string, PlanScoreCell>>;
  /** Evidence (minh chứng) and remark (ghi chú) cells by criterion id. */
  evidence: Record<string, string>;
  remarks: Record<string, string>;
  /** Every keyed row in table order (nodes, their extra entry rows, indicators). */
  expectations: PlanExpectation[];
  names: Array<{ name: string; ref: string; column: ScoreColumn }>;
  conditionalFormats: PlanConditionalFormat[];
  /** Unlocked cells in this mode. */
  unlocked: string[];
  print: { paper: 'A4'; orientation: 'portrait'; titleRows: string; area: string; fitToWidth: 1 };
  instructions: Array<{ text: string; kind: 'title' | 'heading' | 'text' }>;
  /** The hidden sheet's cells: metadata and the criteria set's JSON in chunks. */
  embedded: { sheetName: string; cells: Array<{ address: string; value: string | number }> };
  meta: TemplateMeta;
}

// ---------------------------------------------------------------------------------------------- labels

const LABELS = {
  vi: {
    sheet: 'Bảng chấm điểm',
    instructions: 'Hướng dẫn',
    org: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    subtitleSelf: '(Đơn vị tự chấm điểm)',
    subtitleInspection: '(Đoàn kiểm tra chéo của Cụm chấm điểm)',
    unit: 'Đơn vị:',
    year: 'Năm:',
    setLine: (id: string, hash: string) => `Bảng tiêu chí: ${id} · mã kiểm tra ${hash}`,
    headers: {
      number: 'TT',
      text: 'Nội dung tiêu chí',
      max: 'Điểm chuẩn',
      self: 'Điểm tự chấm',
      evidence: 'Tài liệu kiểm chứng (minh chứng)',
      inspected: 'Điểm Cụm chấm',
      remark: 'Ghi chú của đoàn kiểm tra',
      key: 'Mã',
    },
    base: (range: string) => `CỘNG ĐIỂM CÁC PHẦN${range ? ` (${range})` : ''}`,
    bonus: (cap: string) => `Điểm thưởng (tối đa ${cap} điểm)`,
    penalty: 'Điểm trừ',
    total: 'TỔNG ĐIỂM ĐẠT ĐƯỢC',
    indicatorsHead: 'SỐ LIỆU CHỈ SỐ (dùng để tính điểm các tiêu chí có công thức)',
    derived: '(tự tính)',
    points: (p: string) => `${p} điểm`,
    deductionHint: (unit: 'cases' | 'points') => (unit === 'cases' ? ' — Ghi số lần vi phạm' : ' — Ghi số điểm bị trừ'),
    computedNote: (inputs: string) => `Điểm tính tự động từ: ${inputs}. Không nhập vào ô này.`,
    tiersNote: (bands: string) => `Mức điểm: ${bands}`,
    date: '............, ngày ...... tháng ...... năm ........',
    signSelf: ['NGƯỜI LẬP BẢNG', 'THỦ TRƯỞNG ĐƠN VỊ'],
    signInspection: ['TRƯỞNG ĐOÀN KIỂM TRA', 'THỦ TRƯỞNG ĐƠN VỊ ĐƯỢC KIỂM TRA'],
    signHint: '(Ký, ghi rõ họ tên)',
    signHintSeal: '(Ký tên, đóng dấu)',
  },
  en: {
    sheet: 'Scoring table',
    instructions: 'Instructions',
    org: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    subtitleSelf: '(Self-assessment by the unit)',
    subtitleInspection: '(Scored by the cluster cross-inspection team)',
    unit: 'Unit:',
    year: 'Year:',
    setLine: (id: string, hash: string) => `Criteria set: ${id} · check code ${hash}`,
    headers: {
      number: 'No.',
      text: 'Criterion',
      max: 'Max points',
      self: 'Self score',
      evidence: 'Evidence',
      inspected: 'Inspection score',
      remark: "Inspectors' remark",
      key: 'Id',
    },
    base: (range: string) => `SCORED SECTIONS${range ? ` (${range})` : ''}`,
    bonus: (cap: string) => `Bonus points (at most ${cap})`,
    penalty: 'Deductions',
    total: 'TOTAL SCORE',
    indicatorsHead: 'INDICATORS (inputs of the criteria computed by formula)',
    derived: '(computed)',
    points: (p: string) => `${p} pts`,
    deductionHint: (unit: 'cases' | 'points') => (unit === 'cases' ? ' — type the number of cases' : ' — type the points deducted'),
    computedNote: (inputs: string) => `Computed from: ${inputs}. Do not type in this cell.`,
    tiersNote: (bands: string) => `Bands: ${bands}`,
    date: '............, date ........',
    signSelf: ['PREPARED BY', 'HEAD OF THE UNIT'],
    signInspection: ['HEAD OF THE INSPECTION TEAM', 'HEAD OF THE INSPECTED UNIT'],
    signHint: '(Signature, full name)',
    signHintSeal: '(Signature, seal)',
  },
};

const COLUMN_WIDTHS: Record<PlanColumnId, number> = { number: 6, text: 58, max: 9, self: 10, evidence: 26, inspected: 10, remark: 26, key: 14 };

// ------------------------------------------------------------------------------------------ formulas

/** Clamp to 0..max and round down to the step, exactly as evaluate.ts treats computed points. */
export function wrapComputed(raw: string, max: number, step: number, guards: string[]): string {
  const bounded = `MAX(0,MIN(${max},${raw}))`;
  const stepped = step > 0 ? `ROUND(ROUNDDOWN(${bounded}/${step}+1E-9,0)*${step},3)` : `ROUND(${bounded},3)`;
  const guarded = guards.length ? `IF(AND(${guards.join(',')}),${stepped},0)` : stepped;
  return `IFERROR(${guarded},0)`;
}

/** SUM over score cells (or expressions), merging runs of consecutive rows into ranges and staying under 255 arguments. */
export function sumOf(cells: string[]): string {
  if (!cells.length) return '0';
  const args: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const m = /^([A-Z]+)(\d+)$/.exec(cells[i]);
    if (!m) {
      // An expression (an entry cell's counted value), summed as it is.
      args.push(cells[i++]);
      continue;
    }
    let j = i;
    while (j + 1 < cells.length) {
      const n = /^([A-Z]+)(\d+)$/.exec(cells[j + 1]);
      if (!n || n[1] !== m[1] || Number(n[2]) !== Number(m[2]) + (j + 1 - i)) break;
      j++;
    }
    args.push(j > i ? `${cells[i]}:${cells[j]}` : cells[i]);
    i = j + 1;
  }
  const chunk = (a: string[]): string => (a.length <= 200 ? `SUM(${a.join(',')})` : `SUM(${chunks(a, 200).map((c) => chunk(c)).join(',')})`);
  return chunk(args);
}

function chunks<T>(a: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
  return out;
}

function estimateHeight(text: string, widthChars: number, base = 15): number {
  const lines = text.split('\n').reduce((s, l) => s + Math.max(1, Math.ceil((l.length * 1.1) / widthChars)), 0);
  return Math.max(base, Math.min(409, lines * 15 + 3));
}

const quoteSheet = (s: string) => `'${s.replace(/'/g, "''")}'`;
const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

// ---------------------------------------------------------------------------------------------- plan

export function planTemplate(set: CompiledSet, opts: TemplateOptions): TemplatePlan {
  const lang: Lang = opts.lang ?? 'vi';
  const L = LABELS[lang];
  const mode = opts.mode;
  const fmt = (x: number) => formatPoints(x, lang);
  const openCol: ScoreColumn = mode === 'self' ? 'self' : 'inspected';
  const year = opts.year ?? set.def.year ?? null;
  const cluster = opts.cluster ?? set.def.cluster ?? '';
  const unit = opts.unit ?? opts.prefill?.unit ?? '';

  // ---- pass 1: rows
  const HEADER_ROW = 8;
  let r = HEADER_ROW + 1;
  const nodeRow = new Map<string, number>();
  const extraRows = new Map<string, Array<{ spec: EntrySpec; row: number }>>();
  const entryRow = new Map<string, number>();
  for (const n of set.nodes) {
    nodeRow.set(n.id, r++);
    if (!n.isLeaf) continue;
    const leaf = n as CompiledLeaf;
    const extras: Array<{ spec: EntrySpec; row: number }> = [];
    for (const spec of leaf.entries) {
      if (spec.key === leaf.id) entryRow.set(spec.key, nodeRow.get(n.id)!);
      else {
        extras.push({ spec, row: r });
        entryRow.set(spec.key, r++);
      }
    }
    extraRows.set(n.id, extras);
  }
  const totalRows = { base: r++, bonus: r++, penalty: r++, total: r++ };
  const tableEnd = totalRows.total;
  const indicatorRow = new Map<string, number>();
  let indicatorsHead: number | null = null;
  let gapRow: number | null = null;
  if (set.indicators.length) {
    gapRow = r++;
    indicatorsHead = r++;
    for (const ind of set.indicators) {
      indicatorRow.set(ind.id, r);
      if (!ind.expr) entryRow.set(`@${ind.id}`, r);
      r++;
    }
  }
  const signatureStart = r + 1;
  const lastRow = signatureStart + 5;

  const at = (row: number, col: number) => address(row, col);
  const entries: TemplatePlan['entries'] = { self: {}, inspected: {} };
  for (const c of ['self', 'inspected'] as ScoreColumn[])
    for (const spec of set.entries) entries[c][spec.key] = at(entryRow.get(spec.key)!, SCORE_COL[c]);
  const indicatorCell = (c: ScoreColumn, id: string) => at(indicatorRow.get(id)!, SCORE_COL[c]);

  // ---- pass 2: score formulas
  const scores: TemplatePlan['scores'] = { self: {}, inspected: {} };
  const computedInputs = new Map<string, string[]>();
  for (const c of ['self', 'inspected'] as ScoreColumn[]) {
    for (const leaf of set.leaves) {
      const cell = at(nodeRow.get(leaf.id)!, SCORE_COL[c]);
      if (!leaf.computed || !leaf.impl.excel) {
        scores[c][leaf.id] = { address: cell, node: leaf.id };
        continue;
      }
      const guards: string[] = [];
      const used: string[] = [];
      const raw = leaf.impl.excel((key) => {
        const spec = set.entryByKey.get(key);
        if (key.startsWith('@') && !spec) {
          // A derived indicator: its cell shows "" until it can be computed.
          const a = indicatorCell(c, key.slice(1));
          if (!used.includes(key)) (used.push(key), guards.push(`ISNUMBER(${a})`));
          return a;
        }
        const a = entries[c][key];
        if (!spec || !a) return '#REF!';
        if (spec.type === 'flag') return excelCounted(a, spec);
        if (!used.includes(key)) (used.push(key), guards.push(...excelValid(a, spec)));
        return a;
      });
      computedInputs.set(leaf.id, used);
      scores[c][leaf.id] = { address: cell, node: leaf.id, formula: wrapComputed(raw, leaf.max ?? 0, leaf.step, guards) };
    }
    // What a node counts in its parent's sum: a score cell, or for an entry that is its own score cell
    // (manual, bonus, deduction) the entry's counted value, so that invalid entries count 0 as in the engine.
    const termOf = (id: string): string => {
      const s = scores[c][id];
      const spec = s.formula === undefined ? set.entryByKey.get(id) : undefined;
      return spec && spec.criterion === id ? excelCounted(s.address, spec) : s.address;
    };
    for (let i = set.nodes.length - 1; i >= 0; i--) {
      const n = set.nodes[i];
      if (n.isLeaf) continue;
      const sum = sumOf(n.childIds.map(termOf));
      // Capped sections, as the engine caps them: bonus MIN(cap, sum); a deduction with a cap likewise.
      const capped = n.depth === 0 && (n.role === 'bonus' || (n.role === 'deduction' && n.cap !== undefined));
      const formula = capped ? `MIN(${n.cap ?? n.max ?? 0},${sum})` : sum;
      scores[c][n.id] = { address: at(nodeRow.get(n.id)!, SCORE_COL[c]), node: n.id, formula };
    }
    // A section that is a single leaf (deductions may be) is summed as it is.
    const byRole = (role: string) =>
      sumOf(set.sections.filter((s) => s.role === role).map((s) => (s.isLeaf && s.role !== 'base' && s.cap !== undefined ? `MIN(${s.cap},${termOf(s.id)})` : termOf(s.id))));
    const col = SCORE_COL[c];
    scores[c].base = { node: 'base', address: at(totalRows.base, col), formula: byRole('base') };
    scores[c].bonus = { node: 'bonus', address: at(totalRows.bonus, col), formula: byRole('bonus') };
    scores[c].penalty = { node: 'penalty', address: at(totalRows.penalty, col), formula: byRole('deduction') };
    scores[c].total = {
      node: 'total',
      address: at(totalRows.total, col),
      formula: `${at(totalRows.base, col)}+${at(totalRows.bonus, col)}-${at(totalRows.penalty, col)}`,
    };
  }

  // ---- pass 3: cells
  const rows: PlanRow[] = [];
  const expectations: PlanExpectation[] = [];
  const unlocked: string[] = [];
  const evidence: Record<string, string> = {};
  const remarks: Record<string, string> = {};
  const cf = new Map<string, { ranges: string[]; formula: (first: string, row: number) => string; style: PlanConditionalFormat['style']; priority: number }>();
  const addCf = (template: string, cell: string, style: PlanConditionalFormat['style'], priority: number, make: (a: string, row: number) => string) => {
    const k = `${style}|${template}`;
    const g = cf.get(k);
    if (g) g.ranges.push(cell);
    else cf.set(k, { ranges: [cell], formula: make, style, priority });
  };
  const cellOf = (row: number, col: number, kind: CellKind, extra: Partial<PlanCell> = {}): PlanCell => {
    const c: PlanCell = { address: at(row, col), row, col, kind, ...extra };
    if (c.open) unlocked.push(c.address);
    return c;
  };
  const prefillSelf = mode === 'inspection' ? opts.prefill?.self ?? {} : {};
  const prefillEvidence = mode === 'inspection' ? opts.prefill?.evidence ?? {} : {};

  // Title block.
  const lastCol = COL.remark;
  const titleWidth = Object.entries(COLUMN_WIDTHS)
    .filter(([k]) => k !== 'key')
    .reduce((s, [, w]) => s + w, 0);
  rows.push({
    row: 1,
    kind: 'org',
    height: estimateHeight(cluster.toUpperCase(), COLUMN_WIDTHS.number + COLUMN_WIDTHS.text, 18),
    cells: [
      cellOf(1, 1, 'org', { value: cluster.toUpperCase(), mergeTo: at(1, COL.text) }),
      cellOf(1, COL.evidence, 'org', { value: L.org, mergeTo: at(1, lastCol) }),
    ],
  });
  rows.push({ row: 2, kind: 'org', cells: [cellOf(2, COL.evidence, 'motto', { value: L.motto, mergeTo: at(2, lastCol) })] });
  const title = (set.def.title || '').toUpperCase();
  rows.push({ row: 3, kind: 'blank', cells: [] });
  rows.push({ row: 4, kind: 'title', height: estimateHeight(title, titleWidth, 21), cells: [cellOf(4, 1, 'title', { value: title, mergeTo: at(4, lastCol) })] });
  rows.push({
    row: 5,
    kind: 'subtitle',
    cells: [cellOf(5, 1, 'subtitle', { value: mode === 'self' ? L.subtitleSelf : L.subtitleInspection, mergeTo: at(5, lastCol) })],
  });
  const unitCell = at(6, COL.text);
  const yearCell = at(6, COL.inspected);
  rows.push({
    row: 6,
    kind: 'meta',
    cells: [
      cellOf(6, 1, 'label', { value: L.unit }),
      cellOf(6, COL.text, 'meta-value', { value: unit, numFmt: 'text', open: mode === 'self', mergeTo: at(6, COL.max) }),
      cellOf(6, COL.evidence, 'label', { value: L.year }),
      cellOf(6, COL.inspected, 'meta-value', { value: year, numFmt: 'integer', open: mode === 'self' && year === null }),
    ],
  });
  rows.push({
    row: 7,
    kind: 'note',
    cells: [cellOf(7, 1, 'note', { value: L.setLine(set.id, set.hash.slice(0, 12)), mergeTo: at(7, lastCol) })],
  });

  // Header.
  const columns = (Object.keys(COL) as PlanColumnId[]).map((id) => ({
    id,
    col: COL[id],
    letter: columnLetter(COL[id]),
    width: COLUMN_WIDTHS[id],
    header: L.headers[id],
    hidden: id === 'key' ? true : undefined,
  }));
  rows.push({
    row: HEADER_ROW,
    kind: 'header',
    height: 33,
    cells: columns.map((c) => cellOf(HEADER_ROW, c.col, c.id === 'key' ? 'key' : 'header', { value: c.header })),
  });

  const scoreCell = (c: ScoreColumn, n: CompiledNode, row: number, hideZero: boolean): PlanCell => {
    const s = scores[c][n.id];
    return cellOf(row, SCORE_COL[c], 'score', { formula: s.formula, numFmt: hideZero ? 'points-hide-zero' : 'points' });
  };
  const hideZero = (c: ScoreColumn) => mode === 'self' && c === 'inspected';

  const entryCell = (c: ScoreColumn, spec: EntrySpec, row: number, leaf: CompiledLeaf | null, itemPoints?: number): PlanCell => {
    const a = entries[c][spec.key];
    const open = c === openCol;
    const pre = c === 'self' ? prefillSelf[spec.key] : undefined;
    let value: string | number | null = null;
    // The school's values exactly as they were: text stays text ("2,5" counted 0 by the school's workbook
    // counts 0 here too), so that both workbooks and the engine give the school the same self total.
    if (pre !== undefined && pre !== null && pre !== '') value = typeof pre === 'number' ? pre : typeof pre === 'boolean' ? (pre ? 'x' : '') : String(pre);
    const validation = validationFor(spec, c, leaf, lang, a, itemPoints);
    const cell = cellOf(row, SCORE_COL[c], 'entry', {
      open,
      value,
      numFmt: spec.type === 'flag' ? 'general' : spec.integer ? 'integer' : leaf ? (hideZero(c) ? 'points-hide-zero' : 'points') : 'general',
      validation,
      entry: { key: spec.key, column: c },
    });
    // Conditional formats: invalid values in both columns, missing required entries in the open one.
    // The rule's own expression, written for the placeholder "@" to group cells sharing it.
    addCf(excelInvalid('@', spec), a, 'cf-invalid', 2, (f) => excelInvalid(f, spec));
    if (spec.type !== 'flag' && !spec.blankIsZero && open) addCf('missing', a, 'cf-missing', 3, (f) => `LEN(${f})=0`);
    return cell;
  };

  // Table rows.
  for (const n of set.nodes) {
    const row = nodeRow.get(n.id)!;
    const kind: RowKind = n.depth === 0 ? 'section' : n.isLeaf ? 'leaf' : 'group';
    const maxShown = n.depth === 0 && n.role === 'bonus' ? n.cap ?? n.max : n.max;
    // A deduction row says what to type in it: the number of cases or the points.
    const ownSpec = n.isLeaf && n.role === 'deduction' ? set.entryByKey.get(n.id) : undefined;
    const text = ownSpec ? `${n.text}${L.deductionHint(ownSpec.unit === 'cases' ? 'cases' : 'points')}` : n.text;
    const cells: PlanCell[] = [
      cellOf(row, COL.number, 'number', { value: n.number, numFmt: 'text' }),
      cellOf(row, COL.text, 'text', { value: text, note: typeof n.def.guidance === 'string' ? n.def.guidance : undefined }),
      cellOf(row, COL.max, 'max', { value: maxShown, numFmt: 'general' }),
    ];
    expectations.push({ key: n.id, row, criterion: n.id, number: n.number, text, max: maxShown });
    if (n.isLeaf) {
      const leaf = n as CompiledLeaf;
      const own = leaf.entries.find((e) => e.key === leaf.id);
      for (const c of ['self', 'inspected'] as ScoreColumn[]) {
        if (own && !leaf.computed) cells.push(entryCell(c, own, row, leaf));
        else {
          const sc = scoreCell(c, n, row, hideZero(c));
          const inputs = (computedInputs.get(leaf.id) ?? []).concat(leaf.entries.filter((e) => e.type === 'flag').map((e) => e.key));
          const where = inputs
            .map((k) => {
              const ind = k.startsWith('@') ? set.indicators.find((i) => `@${i.id}` === k) : undefined;
              const rr = ind ? indicatorRow.get(ind.id) : entryRow.get(k);
              return `${ind ? ind.text : set.entryByKey.get(k)?.label ?? k} (${lang === 'vi' ? 'dòng' : 'row'} ${rr})`;
            })
            .join('; ');
          if (c === 'self') sc.note = L.computedNote(where);
          cells.push(sc);
        }
      }
      const ev = at(row, COL.evidence);
      const pe = prefillEvidence[leaf.id];
      cells.push(cellOf(row, COL.evidence, 'evidence', { value: pe === undefined || pe === null ? null : String(pe), numFmt: 'text', open: mode === 'self' }));
      evidence[leaf.id] = ev;
      if (leaf.evidence)
        addCf('evidence', ev, 'cf-evidence', 4, (f, rr) => `AND(N(${at(rr, COL.self)})>0,LEN(${f})=0)`);
      const rm = at(row, COL.remark);
      cells.push(cellOf(row, COL.remark, 'remark', { numFmt: 'text', open: mode === 'inspection' }));
      remarks[leaf.id] = rm;
    } else {
      for (const c of ['self', 'inspected'] as ScoreColumn[]) cells.push(scoreCell(c, n, row, hideZero(c)));
    }
    cells.push(cellOf(row, COL.key, 'key', { value: n.id }));
    rows.push({
      row,
      kind,
      key: n.id,
      criterion: n.id,
      depth: n.depth,
      height: estimateHeight(text, COLUMN_WIDTHS.text - 2 * n.depth),
      cells,
    });

    if (n.isLeaf) {
      const leaf = n as CompiledLeaf;
      for (const { spec, row: er } of extraRows.get(n.id) ?? []) {
        const item = itemOf(leaf, spec.key);
        const bands = bandsOf(leaf, fmt);
        const label = spec.label + (item ? ` (${L.points(fmt(item.points))})` : '');
        const ecells: PlanCell[] = [
          cellOf(er, COL.number, 'number', { value: '-', numFmt: 'text' }),
          cellOf(er, COL.text, 'text', { value: label, note: bands ? L.tiersNote(bands) : undefined }),
          cellOf(er, COL.max, 'max', { value: item ? item.points : null, numFmt: 'general' }),
        ];
        for (const c of ['self', 'inspected'] as ScoreColumn[]) ecells.push(entryCell(c, spec, er, null, item?.points));
        ecells.push(cellOf(er, COL.key, 'key', { value: spec.key }));
        expectations.push({ key: spec.key, row: er, criterion: leaf.id, number: '-', text: label, max: item ? item.points : null });
        rows.push({ row: er, kind: 'item', key: spec.key, criterion: leaf.id, depth: n.depth + 1, outlineLevel: 1, height: estimateHeight(label, COLUMN_WIDTHS.text - 4), cells: ecells });
      }
    }
  }

  // Totals.
  const baseSections = set.sections.filter((s) => s.role === 'base');
  const range = baseSections.length ? `${baseSections[0].number}${baseSections.length > 1 ? `–${baseSections[baseSections.length - 1].number}` : ''}` : '';
  const totalLine = (key: 'base' | 'bonus' | 'penalty' | 'total', text: string, max: number | null, kind: RowKind) => {
    const row = totalRows[key];
    const cells: PlanCell[] = [
      cellOf(row, COL.number, 'number', { value: null }),
      cellOf(row, COL.text, 'text', { value: text }),
      cellOf(row, COL.max, 'max', { value: max, numFmt: 'general' }),
    ];
    for (const c of ['self', 'inspected'] as ScoreColumn[])
      cells.push(cellOf(row, SCORE_COL[c], 'score', { formula: scores[c][key].formula, numFmt: hideZero(c) ? 'points-hide-zero' : 'points' }));
    cells.push(cellOf(row, COL.evidence, 'evidence', {}), cellOf(row, COL.remark, 'remark', {}), cellOf(row, COL.key, 'key', { value: key }));
    rows.push({ row, kind, key, cells });
    expectations.push({ key, row, criterion: key, number: '', text, max });
  };
  totalLine('base', L.base(range), set.maxBase, 'total');
  totalLine('bonus', L.bonus(fmt(set.maxBonus)), set.maxBonus, 'total');
  totalLine('penalty', L.penalty, null, 'total');
  const maxTotal = Number((set.maxBase + set.maxBonus).toFixed(3));
  totalLine('total', L.total, maxTotal, 'grand-total');

  // Indicators.
  if (indicatorsHead !== null && gapRow !== null) {
    // Separator rows carry keys too, so that every row from the header to the last indicator is checked.
    rows.push({ row: gapRow, kind: 'blank', key: '#gap', cells: [cellOf(gapRow, COL.key, 'key', { value: '#gap' })] });
    expectations.push({ key: '#gap', row: gapRow, criterion: '', number: '', text: '', max: null });
    rows.push({
      row: indicatorsHead,
      kind: 'indicators-head',
      key: '#indicators',
      cells: [
        cellOf(indicatorsHead, 1, 'header', { value: L.indicatorsHead, mergeTo: at(indicatorsHead, lastCol) }),
        cellOf(indicatorsHead, COL.key, 'key', { value: '#indicators' }),
      ],
    });
    expectations.push({ key: '#indicators', row: indicatorsHead, criterion: '', number: L.indicatorsHead, text: '', max: null });
    set.indicators.forEach((ind, i) => {
      const row = indicatorRow.get(ind.id)!;
      const withUnit = ind.unit && !ind.text.includes(`(${ind.unit})`) ? `${ind.text} (${ind.unit})` : ind.text;
      const text = `${withUnit}${ind.expr ? ` ${L.derived}` : ''}`;
      const cells: PlanCell[] = [cellOf(row, COL.number, 'number', { value: String(i + 1), numFmt: 'text' }), cellOf(row, COL.text, 'text', { value: text })];
      cells.push(cellOf(row, COL.max, 'max', { value: null }));
      for (const c of ['self', 'inspected'] as ScoreColumn[]) {
        if (ind.expr) {
          const guards: string[] = [];
          const seen = new Set<string>();
          const raw = ind.expr.toExcel((name) => {
            const a = indicatorCell(c, name);
            if (!indicatorRow.has(name)) return '#REF!';
            if (!seen.has(name)) {
              seen.add(name);
              const spec = set.entryByKey.get(`@${name}`);
              guards.push(...(spec ? excelValid(a, spec) : [`ISNUMBER(${a})`]));
            }
            return a;
          });
          const formula = `IFERROR(${guards.length ? `IF(AND(${guards.join(',')}),${raw},"")` : raw},"")`;
          cells.push(cellOf(row, SCORE_COL[c], 'score', { formula, numFmt: 'points' }));
        } else {
          cells.push(entryCell(c, set.entryByKey.get(`@${ind.id}`)!, row, null));
        }
      }
      cells.push(cellOf(row, COL.key, 'key', { value: `@${ind.id}` }));
      rows.push({ row, kind: ind.expr ? 'derived' : 'indicator', key: `@${ind.id}`, height: estimateHeight(text, COLUMN_WIDTHS.text), cells });
      expectations.push({ key: `@${ind.id}`, row, criterion: ind.id, number: String(i + 1), text, max: null });
    });
  }

  // Signature block.
  const sign = mode === 'self' ? L.signSelf : L.signInspection;
  rows.push({ row: signatureStart, kind: 'signature', cells: [cellOf(signatureStart, COL.evidence, 'note', { value: L.date, mergeTo: at(signatureStart, lastCol) })] });
  rows.push({
    row: signatureStart + 1,
    kind: 'signature',
    cells: [
      cellOf(signatureStart + 1, 1, 'signature', { value: sign[0], mergeTo: at(signatureStart + 1, COL.text) }),
      cellOf(signatureStart + 1, COL.evidence, 'signature', { value: sign[1], mergeTo: at(signatureStart + 1, lastCol) }),
    ],
  });
  rows.push({
    row: signatureStart + 2,
    kind: 'signature',
    cells: [
      cellOf(signatureStart + 2, 1, 'note', { value: L.signHint, mergeTo: at(signatureStart + 2, COL.text) }),
      cellOf(signatureStart + 2, COL.evidence, 'note', { value: L.signHintSeal, mergeTo: at(signatureStart + 2, lastCol) }),
    ],
  });
  rows.sort((a, b) => a.row - b.row);

  const sheetName = L.sheet;
  const names = (['self', 'inspected'] as ScoreColumn[]).map((c) => ({
    name: c === 'self' ? NAME_SELF_TOTAL : NAME_INSPECTED_TOTAL,
    ref: `${quoteSheet(sheetName)}!${abs(scores[c].total.address)}`,
    column: c,
  }));

  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    criteriaSetId: set.id,
    hash: set.hash,
    mode,
    unit,
    year,
    cluster,
    lang,
    sheet: sheetName,
    toolVersion: opts.toolVersion ?? '',
    generatedAt: opts.generatedAt ?? '',
    metaHash: '',
  };
  if (mode === 'inspection') {
    // The self entries as this workbook holds them (after the plan's own number spelling).
    const written: Record<string, CellValue> = {};
    for (const r of rows) for (const c of r.cells) if (c.entry?.column === 'self') written[c.entry.key] = c.value ?? null;
    const canonical = canonicalEntries(written);
    const text = JSON.stringify(canonical);
    meta.selfHash = selfDigest(canonical);
    if (text.length <= MAX_SELF_ENTRIES_CHARS) meta.selfEntries = text;
    meta.team = opts.inspection?.team ?? '';
    meta.inspectedOn = opts.inspection?.date ?? '';
    meta.fromFile = opts.inspection?.fromFile ?? '';
  }
  meta.metaHash = metaDigest(meta as unknown as Record<string, unknown>);

  return {
    mode,
    lang,
    sheetName,
    instructionsSheetName: L.instructions,
    columns,
    rows,
    headerRow: HEADER_ROW,
    tableRows: [HEADER_ROW + 1, tableEnd],
    lastRow,
    unitCell,
    yearCell,
    entries,
    scores,
    evidence,
    remarks,
    expectations,
    names,
    conditionalFormats: [...cf.values()].map((g) => {
      const first = g.ranges[0];
      const row = Number(/\d+$/.exec(first)![0]);
      return { ranges: g.ranges, formula: g.formula(first, row), style: g.style, priority: g.priority };
    }),
    unlocked,
    print: { paper: 'A4', orientation: 'portrait', titleRows: `${HEADER_ROW}:${HEADER_ROW}`, area: `A1:${at(lastRow, lastCol)}`, fitToWidth: 1 },
    instructions: instructionsFor(set, mode, lang, { unitCell, sheetName, totalSelf: scores.self.total.address, totalInspected: scores.inspected.total.address }),
    embedded: { sheetName: EMBED_SHEET, cells: embeddedCells(set, meta) },
    meta,
  };
}

function itemOf(leaf: CompiledLeaf, key: string): { id: string; text: string; points: number } | undefined {
  const items = Array.isArray(leaf.def.items) ? (leaf.def.items as Array<{ id: string; text: string; points: number }>) : [];
  return items.find((it) => `${leaf.id}/${it.id}` === key && typeof it.points === 'number');
}

function bandsOf(leaf: CompiledLeaf, fmt: (x: number) => string): string | undefined {
  const tiers = Array.isArray(leaf.def.tiers) ? (leaf.def.tiers as Array<{ min: number; points: number }>) : null;
  if (!tiers) return undefined;
  return [...tiers]
    .sort((a, b) => b.min - a.min)
    .map((t) => `≥ ${fmt(t.min)} → ${fmt(t.points)}`)
    .join('; ');
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function validationFor(spec: EntrySpec, c: ScoreColumn, leaf: CompiledLeaf | null, lang: Lang, a: string, itemPoints?: number): PlanValidation {
  const vi = lang === 'vi';
  const f = (x: number) => formatPoints(x, lang);
  const title = clip(vi ? (c === 'self' ? 'Điểm tự chấm' : 'Điểm Cụm chấm') : c === 'self' ? 'Self score' : 'Inspection score', 32);
  const rule = excelValidation(a, spec);
  const errorTitle = vi ? 'Giá trị không hợp lệ' : 'Invalid value';
  if (rule.type === 'list') {
    return {
      type: 'list',
      list: rule.list,
      allowBlank: true,
      promptTitle: title,
      prompt: clip(
        vi
          ? `Đánh "x" nếu đạt: ${spec.label}${itemPoints !== undefined ? ` (${f(itemPoints)} điểm)` : ''}; để trống nếu không đạt.`
          : `Type "x" if met: ${spec.label}${itemPoints !== undefined ? ` (${f(itemPoints)} pts)` : ''}; leave blank otherwise.`,
        250,
      ),
      errorTitle,
      error: vi ? 'Chỉ được đánh "x" hoặc để trống.' : 'Only "x" or blank is allowed.',
    };
  }
  const whole = !!spec.integer;
  const between = spec.max !== undefined;
  const base =
    rule.type === 'custom'
      ? { type: 'custom' as const, formula: rule.formula, allowBlank: true as const, promptTitle: title, errorTitle }
      : { type: rule.type, operator: rule.operator, min: rule.min, max: rule.max, allowBlank: true as const, promptTitle: title, errorTitle };
  const stepText = spec.step ? (vi ? `, bước ${f(spec.step)} điểm` : `, in steps of ${f(spec.step)}`) : '';
  if (spec.indicator) {
    const what = `${spec.label}`;
    return {
      ...base,
      prompt: clip(vi ? `Nhập số liệu: ${what}. Số ≥ ${f(spec.min)}${whole ? ', số nguyên' : ''}.` : `Enter: ${what}. A number ≥ ${f(spec.min)}${whole ? ', whole' : ''}.`, 250),
      error: clip(vi ? `Phải là số ≥ ${f(spec.min)}${whole ? ' (số nguyên)' : ''}.` : `Must be a number ≥ ${f(spec.min)}${whole ? ' (whole)' : ''}.`, 250),
    };
  }
  if (leaf && leaf.role === 'deduction' && spec.unit === 'cases') {
    const per = f(spec.pointsPerUnit ?? 1);
    return {
      ...base,
      prompt: clip(
        vi
          ? `Ghi SỐ LẦN vi phạm (số nguyên${between ? `, tối đa ${f(spec.max!)}` : ''}); mỗi lần trừ ${per} điểm. Để trống nếu không có.`
          : `Type the NUMBER OF CASES (whole${between ? `, at most ${f(spec.max!)}` : ''}); each case deducts ${per} pts. Blank if none.`,
        250,
      ),
      error: clip(vi ? `Ghi số lần vi phạm: số nguyên ≥ 0${between ? `, tối đa ${f(spec.max!)}` : ''}.` : `The number of cases: a whole number ≥ 0${between ? `, at most ${f(spec.max!)}` : ''}.`, 250),
    };
  }
  if (leaf && leaf.role === 'deduction') {
    return {
      ...base,
      prompt: clip(
        vi
          ? `Ghi SỐ ĐIỂM bị trừ${spec.step ? ` (bội số của ${f(spec.step)})` : ''}${between ? `, tối đa ${f(spec.max!)}` : ''}; để trống nếu không bị trừ.`
          : `Type the POINTS deducted${spec.step ? ` (a multiple of ${f(spec.step)})` : ''}${between ? `, at most ${f(spec.max!)}` : ''}; blank if none.`,
        250,
      ),
      error: clip(vi ? `Điểm trừ phải là số ≥ 0${stepText}.` : `Deductions must be a number ≥ 0${stepText}.`, 250),
    };
  }
  if (!leaf) {
    return {
      ...base,
      prompt: clip(vi ? `Nhập giá trị: ${spec.label} (số ≥ ${f(spec.min)}).` : `Enter the value: ${spec.label} (a number ≥ ${f(spec.min)}).`, 250),
      error: clip(vi ? `Phải là số ≥ ${f(spec.min)}.` : `Must be a number ≥ ${f(spec.min)}.`, 250),
    };
  }
  const max = spec.max ?? 0;
  return {
    ...base,
    prompt: clip(vi ? `Nhập điểm từ 0 đến ${f(max)}${stepText}. Điểm chuẩn: ${f(max)}.` : `Enter 0 to ${f(max)}${stepText}. Max points: ${f(max)}.`, 250),
    error: clip(vi ? `Điểm phải là số từ 0 đến ${f(max)}${stepText}.` : `The score must be a number from 0 to ${f(max)}${stepText}.`, 250),
  };
}

function instructionsFor(
  set: CompiledSet,
  mode: TemplateMode,
  lang: Lang,
  w: { unitCell: string; sheetName: string; totalSelf: string; totalInspected: string },
): TemplatePlan['instructions'] {
  const f = (x: number) => formatPoints(x, lang);
  if (lang === 'en')
    return [
      { kind: 'title', text: 'HOW TO FILL IN THE SCORING WORKBOOK' },
      { kind: 'text', text: `Criteria set: ${set.def.title} (${set.id}), ${set.leaves.length} criteria, max ${f(set.maxBase)} + bonus ${f(set.maxBonus)}.` },
      { kind: 'heading', text: mode === 'self' ? 'Self-assessment (the school)' : 'Cross-inspection (the inspection team)' },
      ...(mode === 'self'
        ? [
            { kind: 'text' as const, text: `1. Type the unit's name in ${w.unitCell} of the sheet "${w.sheetName}".` },
            { kind: 'text' as const, text: '2. Enter a self score for every criterion in the "Self score" column: a number from 0 to the max points, in the allowed step (e.g. 0.25). Typing is refused outside that range.' },
            { kind: 'text' as const, text: '3. Criteria computed by formula take no score: fill the INDICATORS block below the table; checklist items take "x" when met.' },
            { kind: 'text' as const, text: '4. Name the evidence documents for each criterion in the "Evidence" column (required where highlighted).' },
            { kind: 'text' as const, text: '5. Bonus points and deductions: leave blank when none. The bonus is capped automatically.' },
          ]
        : [
            { kind: 'text' as const, text: "1. The school's self scores and evidence are shown and locked." },
            { kind: 'text' as const, text: '2. Enter the inspection score of every criterion in the "Inspection score" column and the indicator values in the INDICATORS block.' },
            { kind: 'text' as const, text: '3. Where your score differs from the self score, write the reason in the remark column.' },
          ]),
      { kind: 'heading', text: 'Colours' },
      { kind: 'text', text: 'Yellow: an entry is still missing. Red: the value is not a number, outside 0..max or off the step. Orange: evidence is required but missing.' },
      { kind: 'heading', text: 'Totals' },
      { kind: 'text', text: `Subtotals and totals are live formulas (self total ${w.totalSelf}, name TongTuCham; inspection total ${w.totalInspected}, name TongCumCham). Total = scored sections + bonus (capped) - deductions.` },
      { kind: 'text', text: 'Do not insert, delete or move rows and do not edit max points: the sheet is protected and the cluster lead checks the structure with `thidua check`.' },
      { kind: 'text', text: 'A hidden sheet carries the criteria set and its hash; do not edit it.' },
    ];
  return [
    { kind: 'title', text: 'HƯỚNG DẪN NHẬP BẢNG CHẤM ĐIỂM THI ĐUA' },
    { kind: 'text', text: `Bảng tiêu chí: ${set.def.title} (${set.id}), ${set.leaves.length} tiêu chí, điểm tối đa ${f(set.maxBase)} + điểm thưởng ${f(set.maxBonus)}.` },
    { kind: 'heading', text: mode === 'self' ? 'Đơn vị tự chấm điểm' : 'Đoàn kiểm tra chéo chấm điểm' },
    ...(mode === 'self'
      ? [
          { kind: 'text' as const, text: `1. Ghi tên đơn vị vào ô ${w.unitCell} của trang "${w.sheetName}".` },
          { kind: 'text' as const, text: '2. Nhập điểm tự chấm cho từng tiêu chí ở cột "Điểm tự chấm": số từ 0 đến điểm chuẩn, theo bước điểm quy định (ví dụ 0,25). Excel từ chối giá trị ngoài khoảng này.' },
          { kind: 'text' as const, text: '3. Tiêu chí tính bằng công thức không nhập điểm: nhập số liệu ở phần SỐ LIỆU CHỈ SỐ bên dưới bảng; các mục danh sách kiểm tra đánh "x" nếu đạt.' },
          { kind: 'text' as const, text: '4. Ghi tài liệu kiểm chứng (minh chứng) cho từng tiêu chí ở cột "Tài liệu kiểm chứng" (bắt buộc ở các ô được tô màu).' },
          { kind: 'text' as const, text: '5. Điểm thưởng, điểm trừ: để trống nếu không có. Điểm thưởng được tự động giới hạn ở mức tối đa.' },
        ]
      : [
          { kind: 'text' as const, text: '1. Điểm tự chấm và minh chứng của đơn vị được giữ nguyên và khóa lại.' },
          { kind: 'text' as const, text: '2. Nhập điểm đoàn kiểm tra chấm cho từng tiêu chí ở cột "Điểm Cụm chấm" và số liệu chỉ số ở phần SỐ LIỆU CHỈ SỐ.' },
          { kind: 'text' as const, text: '3. Tiêu chí nào chấm khác điểm tự chấm thì ghi rõ lý do ở cột "Ghi chú của đoàn kiểm tra".' },
        ]),
    { kind: 'heading', text: 'Màu sắc' },
    { kind: 'text', text: 'Vàng: ô chưa nhập. Đỏ: giá trị không phải số, ngoài khoảng 0..điểm chuẩn hoặc sai bước điểm. Cam: tiêu chí yêu cầu minh chứng nhưng chưa ghi.' },
    { kind: 'heading', text: 'Tổng điểm' },
    { kind: 'text', text: `Các dòng cộng và tổng điểm là công thức Excel tự tính (tổng tự chấm ô ${w.totalSelf}, tên TongTuCham; tổng Cụm chấm ô ${w.totalInspected}, tên TongCumCham). Tổng điểm = điểm các phần + điểm thưởng (có giới hạn) - điểm trừ.` },
    { kind: 'text', text: 'Không chèn, xóa, di chuyển dòng và không sửa điểm chuẩn: trang tính được khóa bảo vệ và Cụm trưởng kiểm tra cấu trúc bằng lệnh `thidua check`.' },
    { kind: 'text', text: 'Một trang ẩn lưu bảng tiêu chí và mã kiểm tra (hash) của nó; không sửa trang này.' },
  ];
}

/** Cells of the hidden sheet: "key | value" rows, then the criteria set's JSON in chunks. */
function embeddedCells(set: CompiledSet, meta: TemplateMeta): Array<{ address: string; value: string | number }> {
  const json = JSON.stringify(set.def);
  const parts = chunks([...json], EMBED_CHUNK).map((c) => c.join(''));
  const kv: Array<[string, string | number]> = [
    ['format', meta.format],
    ['formatVersion', meta.formatVersion],
    ['criteriaSetId', meta.criteriaSetId],
    ['hash', meta.hash],
    ['mode', meta.mode],
    ['unit', meta.unit],
    ['year', meta.year ?? ''],
    ['cluster', meta.cluster],
    ['lang', meta.lang],
    ['sheet', meta.sheet],
    ['toolVersion', meta.toolVersion],
    ['generatedAt', meta.generatedAt],
    ['chunks', parts.length],
  ];
  const cells: Array<{ address: string; value: string | number }> = [];
  kv.forEach(([k, v], i) => {
    cells.push({ address: address(i + 1, 1), value: k });
    cells.push({ address: address(i + 1, 2), value: v });
  });
  const start = kv.length + 2;
  parts.forEach((p, i) => {
    cells.push({ address: address(start + i, 1), value: `json.${i + 1}` });
    cells.push({ address: address(start + i, 2), value: p });
  });
  // The stamp and the metadata's own hash, after the JSON (the rows above keep their places).
  const extra: Array<[string, string]> = [];
  if (meta.mode === 'inspection')
    for (const k of ['selfHash', 'selfEntries', 'team', 'inspectedOn', 'fromFile'] as const) if (meta[k] !== undefined) extra.push([k, meta[k]!]);
  extra.push(['metaHash', meta.metaHash]);
  extra.forEach(([k, v], i) => {
    const r = start + parts.length + 1 + i;
    cells.push({ address: address(r, 1), value: k });
    cells.push({ address: address(r, 2), value: v });
  });
  return cells;
}

/** Row of the hidden sheet where the JSON chunks start. */
export const EMBED_JSON_ROW = 15;
