/**
 * The template plan's data model: its constants (format, hidden sheet, defined names, columns, number
 * formats) and the types every renderer and reader of a plan uses. Split out of plan.ts (the entry that
 * re-exports everything here).
 */
import type { Lang } from '../i18n';
import type { CellValue } from '../kinds/types';
import type { TemplatePrint } from './print';

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
  /** Height in points showing the wrapped text of every cell of the row (./print.ts). */
  height?: number;
  /**
   * The row has cells where text is typed later (evidence, remarks): renderers let it grow with what is
   * typed (no fixed height), starting at `height`.
   */
  autoFit?: boolean;
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
  /** Another max the row may show (what earlier versions wrote there): read without a problem. */
  alsoAccepted?: number | null;
}

export interface TemplatePrefill {
  /** Self column entries by entry key (inspection mode: the school's values, kept and locked). */
  self?: Record<string, CellValue>;
  /** Evidence by criterion id (both modes: in self mode it stays open for the school). */
  evidence?: Record<string, CellValue>;
  /** Inspection mode: remarks by criterion id (kept open for the inspectors). */
  remarks?: Record<string, CellValue>;
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
  /** A4 page setup of the scoring and the instructions sheets (./print.ts). */
  print: TemplatePrint;
  instructions: Array<{ text: string; kind: 'title' | 'heading' | 'text' }>;
  /** The hidden sheet's cells: metadata and the criteria set's JSON in chunks. */
  embedded: { sheetName: string; cells: Array<{ address: string; value: string | number }> };
  meta: TemplateMeta;
}
