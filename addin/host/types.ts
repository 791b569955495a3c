/**
 * What the task pane needs from the workbook it runs in. The UI only talks to this interface; the Office.js
 * implementation lives in addin/office/adapter.ts and tests inject simulated hosts. No Office types here.
 *
 * Every method is one user-visible action and costs a small constant number of round trips to Excel
 * (documented per method), whatever the number of criteria or rows.
 */

/** A raw cell value as Excel returns it. */
export type HostValue = string | number | boolean | null;

/** A rectangle of a sheet as read in one batch. Rows and columns are 1-based, as in Excel. */
export interface SheetData {
  sheet: string;
  top: number;
  left: number;
  rowCount: number;
  colCount: number;
  values: HostValue[][];
  /** Formulas as Excel gives them ("=SUM(D5:D9)"; constants as their value). */
  formulas: HostValue[][];
  numberFormat: string[][];
  /** Per-cell bold / indent level, when the host can give them in the same batch (ExcelApi 1.9). */
  bold?: boolean[][];
  indent?: number[][];
  /** Merged areas as 1-based inclusive boxes (ExcelApi 1.13), [] when unknown. */
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  /** Hidden rows and columns (1-based sheet numbers), when the read asked for them (the active sheet). */
  hiddenRows?: number[];
  hiddenCols?: number[];
}

export interface HostCapabilities {
  /** The minimum requirement set is there (ExcelApi 1.7: events, visibility, named items). */
  supported: boolean;
  /** The highest ExcelApi version 1.x found (for messages). */
  apiVersion: string;
  /** ExcelApi 1.13: insertWorksheetsFromBase64, merged areas. */
  insertFromBase64: boolean;
  /** ExcelApi 1.8: Excel's own data validation on entry cells (without it the pane still validates). */
  dataValidation: boolean;
  /** ExcelApi 1.9: per-cell formatting in one call (bold rows and indents help the importer). */
  cellProperties: boolean;
  /** ExcelApi 1.9: page layout (print area, title rows, A4, orientation); without it sheets print with Excel's defaults, and the pane says so. */
  printSetup: boolean;
  /**
   * ExcelApi 1.7: what the consolidation writes besides cells: tables (1.1), conditional formats (1.6),
   * charts with added series, category axes and line series over columns (1.7), sheet-scoped names (1.4).
   */
  rankingSheets: boolean;
}

export type HorizontalAlign = 'left' | 'center' | 'right';

/** Formatting applied to a range (all optional). Colors are #RRGGBB. */
export interface RangeFormat {
  address: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  align?: HorizontalAlign;
  verticalAlign?: 'top' | 'center' | 'bottom';
  indent?: number;
  border?: boolean;
  numberFormat?: string;
  /** Text rotation in degrees (-90..90; ExcelApi 1.7). */
  textOrientation?: number;
}

export interface ValidationRule {
  address: string;
  type: 'decimal' | 'whole' | 'list' | 'custom';
  /** Custom: the formula (no "="), relative to the cell. */
  formula?: string;
  min?: number;
  /** Absent: no upper bound (deductions). */
  max?: number;
  list?: string[];
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

export interface ConditionalRule {
  /** One range, or several cells/ranges separated by commas sharing the rule (ExcelApi 1.9). */
  address: string;
  /** An Excel formula relative to the top-left cell of `address`, e.g. "=AND(E5<>\"\",E5>C5)". */
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

/** An Excel table over a rectangle whose first row is the header (unique text labels). */
export interface TableSpec {
  name: string;
  address: string;
  style?: string;
}

/** A chart on the sheet: the first series gives its type; the others may be drawn as lines (thresholds). */
export interface ChartSpec {
  name: string;
  type: 'ColumnClustered' | 'BarClustered';
  title: string;
  /** Category labels (units), same number of cells as every series. */
  categories: string;
  series: Array<{ name: string; values: string; line?: boolean; color?: string }>;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
  valueAxisTitle?: string;
  /** Value axis bounds (points). */
  min?: number;
  max?: number;
}

/**
 * A whole sheet to render in one batch: cell blocks (formulas and constants), formats, merges, data
 * validation, conditional formats, unlocked entry cells, protection and workbook names.
 */
export interface SheetLayout {
  sheet: string;
  /** Put it first or last among the sheets (default last). */
  position?: 'start' | 'end';
  activate?: boolean;
  /** 'veryHidden' sheets are not listed in Excel's Unhide dialog. */
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** Blocks written with one `formulas` assignment each ("=..." for formulas, anything else is a constant). */
  blocks: Array<{ address: string; cells: HostValue[][]; numberFormat?: string[][] }>;
  formats?: RangeFormat[];
  merges?: string[];
  /** Widths in points; hidden columns (e.g. a key column) are still written. */
  columnWidths?: Array<{ column: string; width: number; hidden?: boolean }>;
  /** Row heights in points. */
  rowHeights?: Array<{ row: number; height: number }>;
  /** Print setup (ExcelApi 1.9; older hosts skip it and the pane warns: capabilities().printSetup). */
  print?: { area: string; titleRows: string; landscape?: boolean };
  validation?: ValidationRule[];
  conditional?: ConditionalRule[];
  /** Ranges left editable when the sheet is protected. */
  unlocked?: string[];
  protect?: boolean;
  freezeRows?: number;
  /** Workbook-level names, e.g. { name: 'TongTuCham', address: 'E40' } (on this sheet). */
  names?: Array<{ name: string; address: string }>;
  /** Excel tables (ExcelApi 1.1), created after the cells are written. */
  tables?: TableSpec[];
  /** Charts (ExcelApi 1.7 for the extra series), created after the tables. */
  charts?: ChartSpec[];
  /** A hidden sheet-scoped name saying the add-in made this sheet (set by replaceOwnSheets). */
  marker?: string;
}

/**
 * Changes to an existing sheet, applied in order in one batch: unprotect, number formats, cells, formats,
 * merges, locking, conditional formats (cleared over a range, then added), protect.
 */
export interface SheetEdit {
  sheet: string;
  unprotect?: boolean;
  numberFormats?: Array<{ address: string; formats: string[][] }>;
  blocks?: Array<{ address: string; cells: HostValue[][]; numberFormat?: string[][] }>;
  formats?: RangeFormat[];
  merges?: string[];
  locked?: string[];
  unlocked?: string[];
  clearConditional?: string;
  conditional?: ConditionalRule[];
  protect?: boolean;
}

export interface ChangeEvent {
  sheet: string;
  address: string;
}

export interface InsertOptions {
  /** Sheet names the file brings (same-named sheets are replaced). */
  sheets: string[];
  names: Array<{ name: string; sheet: string; address: string }>;
  /** Sheets set very hidden after insertion (the file's state may not survive insertion). */
  veryHidden?: string[];
  activate?: string;
  /** The same sheets as layouts, written cell by cell when the host cannot insert the file. */
  fallback: SheetLayout[];
}

/** How the sheets were written: from the file, or cell by cell (the host lacks ExcelApi 1.13, or refused the file). */
export type InsertOutcome = { how: 'base64' } | { how: 'cells'; reason: 'api' | 'refused'; detail?: string };

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  /** Names of the worksheets, visible or not. 1 round trip. */
  sheetNames(): Promise<Array<{ name: string; visible: boolean }>>;
  /** The active sheet's used range (values, formulas, formats; bold/indent and merges when available). 2 round trips. */
  readActiveSheet(): Promise<SheetData>;
  /** One rectangle of a named sheet (null when the sheet does not exist). 1 round trip. */
  readRange(sheet: string, address: string): Promise<SheetData | null>;
  /**
   * Replace (or create) sheets and render their layouts: new sheets first, old ones deleted last; any
   * failure restores the workbook as it was (addin/office/swap.ts). 4 round trips.
   */
  renderSheets(layouts: SheetLayout[]): Promise<void>;
  /**
   * Insert the sheets of an .xlsx (base64) in a batch of its own, replacing same-named sheets and names,
   * then (re)define the given workbook names when the host did not bring them; when the host lacks
   * ExcelApi 1.13 or refuses the file, write `fallback` cell by cell instead (said in the outcome). Any
   * failure restores the workbook first. 6 round trips (plus the fallback's).
   */
  insertWorkbook(base64: string, opts: InsertOptions): Promise<InsertOutcome>;
  /** Edit existing sheets (protection, locks, cells, conditional formats), all in one batch. 1 round trip. */
  updateSheets(edits: SheetEdit[]): Promise<void>;
  /**
   * Write sheets that belong to the add-in: a sheet of the same name is replaced only when it carries the
   * hidden sheet-scoped name `marker` (written on every sheet made here); any other sheet of that name is
   * left alone and the call fails with a HostError naming it, before anything is written. Nothing else in
   * the workbook is touched. 4 round trips (5 when same-named sheets exist).
   */
  replaceOwnSheets(layouts: SheetLayout[], marker: string): Promise<{ replaced: string[] }>;
  /** Activate a sheet and select a cell. 1 round trip. */
  select(sheet: string, address: string): Promise<void>;
  /** Watch a sheet's edits; returns the function that stops watching. 1 round trip each. */
  watch(sheet: string, handler: (e: ChangeEvent) => void): Promise<() => Promise<void>>;
}

/** Thrown by hosts with a bilingual, user-readable message (never a stack trace). */
export class HostError extends Error {
  constructor(
    public readonly vi: string,
    public readonly en: string,
    public readonly detail?: string,
  ) {
    super(en);
  }
}
