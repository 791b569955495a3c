/**
 * A simulated Excel host for the browser test, served in place of Microsoft's office.js. It implements
 * the part of the Excel JavaScript API the adapter uses, with Office.js's batching semantics: operations
 * are queued on a request context and applied in order at context.sync(); a property can be read only
 * after load() and a sync (else PropertyNotLoaded); missing items fail at sync with ItemNotFound; edits
 * fire worksheet onChanged handlers asynchronously. Locked cells of protected sheets refuse edits.
 *
 * Hand-written rather than office-addin-mock (used by the node adapter tests) because the browser test
 * needs state across batches: the sheet the pane writes must be what it reads back, and typing in a cell
 * must raise onChanged.
 *
 * The test drives it through window.__sim (see SimApi). Value checks (types, enum strings, grid shapes)
 * are in value-checks.ts. Past 400 lines: one workbook state shared by every simulated object, built as
 * one script that stands in for office.js.
 */
import { unzipSync } from 'fflate';
import { columnLetter, columnNumber } from '../../../engine/core/grid';
import { readXlsx } from '../../../engine/workbook/xlsx-read';
import { gridError, legendPositionError, pageLayoutError, rangePropertyError } from './value-checks';

/** Excel on the web's limit on one response (and one request): 5 MB. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

type Cell = { value: string | number | boolean | null; formula?: string; numberFormat?: string };

interface SimSheet {
  name: string;
  id: string;
  cells: Map<string, Cell>;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: unknown;
  unlocked: Set<string>;
  validation: Array<{ address: string; rule: unknown }>;
  conditional: Array<{ address: string; formula: string; fill?: string; fontColor?: string; bold?: boolean }>;
  merges: string[];
  bold: Set<string>;
  formats: Array<{ address: string; path: string; value: unknown }>;
  handlers: Array<(e: unknown) => unknown>;
  frozenRows: number;
  tables: SimTable[];
  charts: SimChart[];
  /** Sheet-scoped names: formula or reference, hidden or not. */
  names: Map<string, { reference: string; visible: boolean; comment?: string }>;
  /** Hidden rows and columns (1-based): Range.rowHidden / columnHidden report them, as Excel does. */
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
}

interface SimTable {
  name: string;
  address: string;
  style: string;
  headers: string[];
  rows: number;
}

interface SimChart {
  name: string;
  type: string;
  title: string;
  from: string;
  to: string;
  legend: string;
  series: Array<{ name: string; values: string; categories: string; chartType: string; color?: string }>;
  valueAxis: { minimum?: number; maximum?: number; title?: string };
}

interface SimConfig {
  api: number;
  displayLanguage: string;
  /** Office.context.platform: 'OfficeOnline' (default), 'PC', 'Mac'... */
  platform?: string;
  sheets: Array<{
    name: string;
    cells: Array<[string, Cell]>;
    bold?: string[];
    merges?: string[];
    visibility?: SimSheet['visibility'];
    protected?: boolean;
    unlocked?: string[];
    conditional?: Array<{ address: string; formula: string }>;
    names?: Array<[string, { reference: string; visible: boolean }]>;
    hiddenRows?: number[];
    hiddenCols?: number[];
  }>;
  names?: Array<[string, { sheet: string; address: string }]>;
}

const config: SimConfig = Object.assign(
  { api: 12, displayLanguage: 'vi-VN', sheets: [{ name: 'Sheet1', cells: [] }] },
  (window as unknown as { __simConfig?: Partial<SimConfig> }).__simConfig ?? {},
);

// ------------------------------------------------------------------------------------------ addresses

interface Box { top: number; left: number; bottom: number; right: number }
function box(address: string): Box {
  const a = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [s, e] = a.replace(/\$/g, '').split(':');
  const p = (x: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(x);
    if (!m) throw simError('InvalidArgument', `Bad address ${address}`);
    return { col: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const a1 = p(s);
  const b1 = e ? p(e) : a1;
  return { top: a1.row || 1, left: a1.col || 1, bottom: b1.row || 1048576, right: b1.col || 16384 };
}
function* cellsOf(address: string): Generator<string> {
  for (const part of address.split(',')) {
    const b = box(part.trim());
    if (b.bottom - b.top > 5000 || b.right - b.left > 200) continue; // whole rows/columns: formats only
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) yield `${columnLetter(c)}${r}`;
  }
}
/**
 * An API of a requirement set above the simulated host's `api` fails at sync with ApiNotFound, as
 * Office.js does on an older Excel (the JavaScript library has every method; the host refuses).
 */
function need(ctx: { queue: Array<() => void> }, minor: number, what: string): void {
  if (config.api < minor) ctx.queue.push(() => { throw simError('ApiNotFound', `${what} needs ExcelApi 1.${minor} (this host has 1.${config.api}).`); });
}
function simError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

// ------------------------------------------------------------------------------------------ workbook state

let sheetSeq = 0;
function newSheet(name: string): SimSheet {
  return {
    name,
    id: `{sheet-${++sheetSeq}}`,
    cells: new Map(),
    visibility: 'Visible',
    protected: null,
    unlocked: new Set(),
    validation: [],
    conditional: [],
    merges: [],
    bold: new Set(),
    formats: [],
    handlers: [],
    frozenRows: 0,
    tables: [],
    charts: [],
    names: new Map(),
    hiddenRows: new Set(),
    hiddenCols: new Set(),
  };
}

const state = {
  sheets: [] as SimSheet[],
  names: new Map<string, { sheet: string; address: string; visible?: boolean; comment?: string }>(),
  /** A failure to inject: the `sync`-th sync from now fails before its first or its last operation. */
  inject: null as null | { sync: number; at: 'first' | 'last'; code: string },
  active: '',
  selection: null as null | { sheet: string; address: string },
  syncs: 0,
  log: [] as string[],
};
for (const s of config.sheets) {
  const sh = newSheet(s.name);
  for (const [a, c] of s.cells) sh.cells.set(a, c);
  for (const b of s.bold ?? []) sh.bold.add(b);
  sh.merges.push(...(s.merges ?? []));
  if (s.visibility) sh.visibility = s.visibility;
  if (s.protected) sh.protected = {};
  for (const u of s.unlocked ?? []) sh.unlocked.add(u);
  sh.conditional.push(...(s.conditional ?? []));
  for (const [n, ref] of s.names ?? []) sh.names.set(n, ref);
  for (const r of s.hiddenRows ?? []) sh.hiddenRows.add(r);
  for (const c of s.hiddenCols ?? []) sh.hiddenCols.add(c);
  state.sheets.push(sh);
}
for (const [n, ref] of config.names ?? []) state.names.set(n, ref);
state.active = state.sheets[0].name;
const findSheet = (key: string) => state.sheets.find((s) => s.name === key || s.id === key);
const mustSheet = (name: string) => {
  const s = findSheet(name);
  if (!s) throw simError('ItemNotFound', `The requested resource doesn't exist (sheet "${name}").`);
  return s;
};

function writeCell(sh: SimSheet, a: string, v: unknown, asFormula: boolean) {
  const old = sh.cells.get(a) ?? { value: null };
  if (v === '' || v === null || v === undefined) return sh.cells.set(a, { ...old, value: null, formula: undefined });
  if (typeof v === 'string' && v.startsWith("'")) return sh.cells.set(a, { ...old, value: v.slice(1), formula: undefined });
  if (asFormula && typeof v === 'string' && v.startsWith('=')) return sh.cells.set(a, { ...old, value: null, formula: v });
  if (typeof v === 'string' && old.numberFormat !== '@' && /^[+-]?\d+(\.\d+)?$/.test(v.trim())) return sh.cells.set(a, { ...old, value: Number(v), formula: undefined });
  sh.cells.set(a, { ...old, value: v as Cell['value'], formula: undefined });
}

function usedBox(sh: SimSheet): Box {
  let bottom = 1;
  let right = 1;
  let top = Infinity;
  let left = Infinity;
  for (const [a, c] of sh.cells) {
    if (c.value === null && !c.formula) continue;
    const b = box(a);
    top = Math.min(top, b.top);
    left = Math.min(left, b.left);
    bottom = Math.max(bottom, b.bottom);
    right = Math.max(right, b.right);
  }
  return top === Infinity ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
}

// ------------------------------------------------------------------------------------------ request context

type Op = () => void;

class Ctx {
  queue: Op[] = [];
  /** Bytes loaded / written in the sync being applied (Excel on the web refuses more than 5 MB). */
  response = 0;
  request = 0;
  workbook: ReturnType<typeof workbookProxy>;
  constructor() {
    this.workbook = workbookProxy(this);
  }
  async sync(): Promise<void> {
    state.syncs++;
    await new Promise((r) => setTimeout(r, 2)); // a round trip
    const ops = this.queue;
    this.queue = [];
    this.response = 0;
    this.request = 0;
    const inj = state.inject;
    if (inj && --inj.sync === 0) state.inject = null;
    const failAt = inj && inj.sync === 0 ? (inj.at === 'first' ? 0 : ops.length - 1) : -1;
    ops.forEach((op, i) => {
      if (i === failAt) throw simError(inj!.code, `Injected failure (${inj!.at} operation of this sync)`);
      op(); // throws like Office.js: the first failing op rejects the sync, the ones before stay applied
    });
    if (this.request > PAYLOAD_LIMIT) throw simError('RequestPayloadSizeLimitExceeded', `The request payload (${this.request} bytes) exceeds the limit.`);
    if (this.response > PAYLOAD_LIMIT) throw simError('ResponsePayloadSizeLimitExceeded', `The response payload (${this.response} bytes) exceeds the limit.`);
  }
}

/** A client object whose listed properties are readable only after load() + sync(). */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected ctx: Ctx,
    private readonly snapshot: (props: string[]) => Record<string, unknown>,
  ) {}
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === 'string' ? props.split(',').map((p) => p.trim()) : Array.isArray(props) ? props : Object.keys(props ?? {});
    this.ctx.queue.push(() => {
      const snap = this.snapshot(list);
      this.ctx.response += JSON.stringify(snap).length;
      for (const p of list) this.loaded.set(p, snap[p]);
    });
    return this;
  }
  protected get$(p: string): unknown {
    if (!this.loaded.has(p)) throw simError('PropertyNotLoaded', `The property '${p}' is not available. Call load() and sync() before reading it.`);
    return this.loaded.get(p);
  }
}

/** Records property writes and method calls under a path (format.font.bold = true, borders.getItem(x).style = ...). */
function recorder(ctx: Ctx, sheet: () => SimSheet, address: () => string, path: string): any {
  return new Proxy(
    {},
    {
      get(_t, key: string) {
        if (key === 'getItem') return (k: string) => recorder(ctx, sheet, address, `${path}.${k}`);
        if (key === 'clear') return () => ctx.queue.push(() => {
          const sh = sheet();
          if (path === 'dataValidation') sh.validation = sh.validation.filter((v) => v.address !== address());
        });
        if (key === 'clearAll' && path === 'conditionalFormats')
          return () =>
            ctx.queue.push(() => {
              const sh = sheet();
              if (sh.protected) throw simError('AccessDenied', 'The sheet is protected.');
              const outer = box(address());
              const inside = (a: string) => a.split(',').every((part) => {
                const b = box(part.trim());
                return b.top >= outer.top && b.bottom <= outer.bottom && b.left >= outer.left && b.right <= outer.right;
              });
              sh.conditional = sh.conditional.filter((c) => !inside(c.address));
            });
        if (key === 'add' && path === 'conditionalFormats')
          return () => {
            const fmt: Record<string, unknown> = {};
            const cf = {
              custom: {
                rule: {} as { formula?: string },
                format: {
                  fill: { set color(v: string) { fmt.fill = v; } },
                  font: { set color(v: string) { fmt.fontColor = v; }, set bold(v: boolean) { fmt.bold = v; } },
                },
              },
            };
            ctx.queue.push(() => {
              if (sheet().protected) throw simError('AccessDenied', 'The sheet is protected.');
              sheet().conditional.push({ address: address(), formula: cf.custom.rule.formula ?? '', ...fmt });
            });
            return cf;
          };
        return recorder(ctx, sheet, address, `${path}.${key}`);
      },
      set(_t, key: string, value) {
        const full = `${path}.${key}`;
        ctx.queue.push(() => {
          const bad = rangePropertyError(full, value); // wrong type or enum string: Excel refuses at sync
          if (bad) throw simError('InvalidArgument', bad);
          const sh = sheet();
          const a = address();
          if (sh.protected && full !== 'dataValidation.rule') throw simError('AccessDenied', 'The sheet is protected.');
          sh.formats.push({ address: a, path: full, value });
          if (full === 'format.protection.locked') for (const c of cellsOf(a)) value ? sh.unlocked.delete(c) : sh.unlocked.add(c);
          if (full === 'format.font.bold') for (const c of cellsOf(a)) value ? sh.bold.add(c) : sh.bold.delete(c);
          if (full === 'dataValidation.rule') sh.validation.push({ address: a, rule: value });
        });
        return true;
      },
    },
  );
}

class RangeProxy extends Loadable {
  format: any;
  conditionalFormats: any;
  constructor(
    ctx: Ctx,
    private readonly sheet: () => SimSheet,
    private readonly addr: () => string,
  ) {
    super(ctx, (props) => {
      const sh = this.sheet();
      const a = this.addr();
      const b = box(a.split(',')[0]);
      const grid = (f: (cell: string) => unknown) =>
        Array.from({ length: b.bottom - b.top + 1 }, (_, r) => Array.from({ length: b.right - b.left + 1 }, (_, c) => f(`${columnLetter(b.left + c)}${b.top + r}`)));
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p === 'address') out.address = `${/[^A-Za-z0-9_]/.test(sh.name) ? `'${sh.name}'` : sh.name}!${a}`;
        else if (p === 'rowIndex') out.rowIndex = b.top - 1;
        else if (p === 'columnIndex') out.columnIndex = b.left - 1;
        else if (p === 'rowCount') out.rowCount = b.bottom - b.top + 1;
        else if (p === 'columnCount') out.columnCount = b.right - b.left + 1;
        else if (p === 'values') out.values = grid((c) => sh.cells.get(c)?.value ?? '');
        else if (p === 'formulas') out.formulas = grid((c) => sh.cells.get(c)?.formula ?? sh.cells.get(c)?.value ?? '');
        else if (p === 'numberFormat') out.numberFormat = grid((c) => sh.cells.get(c)?.numberFormat ?? 'General');
        else if (p === 'rowHidden') out.rowHidden = hiddenFlag(b.top, b.bottom, sh.hiddenRows);
        else if (p === 'columnHidden') out.columnHidden = hiddenFlag(b.left, b.right, sh.hiddenCols);
        else throw simError('InvalidArgument', `The simulated host does not load "${p}"`);
      }
      return out;
    });
    this.format = recorder(ctx, sheet, addr, 'format');
    this.conditionalFormats = recorder(ctx, sheet, addr, 'conditionalFormats');
  }
  /** Range.dataValidation is ExcelApi 1.8. */
  get dataValidation(): any {
    need(this.ctx, 8, 'Range.dataValidation');
    return recorder(this.ctx, this.sheet, this.addr, 'dataValidation');
  }
  get address() { return this.get$('address') as string; }
  get rowIndex() { return this.get$('rowIndex') as number; }
  get columnIndex() { return this.get$('columnIndex') as number; }
  get rowCount() { return this.get$('rowCount') as number; }
  get columnCount() { return this.get$('columnCount') as number; }
  get values() { return this.get$('values') as unknown[][]; }
  get formulas() { return this.get$('formulas') as unknown[][]; }
  get numberFormat() { return this.get$('numberFormat') as unknown[][]; }
  set formulas(v: unknown[][]) { this.write(v, true); }
  set values(v: unknown[][]) { this.write(v, false); }
  set numberFormat(v: unknown[][]) {
    this.ctx.queue.push(() => {
      const sh = this.sheet();
      const b = box(this.addr());
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      const bad = gridError('numberFormat', v, rows, cols);
      if (bad) throw simError('InvalidArgument', `${bad} (${this.addr()})`);
      if (rows * cols > 5_000_000) return; // whole columns: no cell to store
      const grid = Array.isArray(v) ? v : Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
      grid.forEach((row, r) => row.forEach((f, c) => {
        const a = `${columnLetter(b.left + c)}${b.top + r}`;
        sh.cells.set(a, { ...(sh.cells.get(a) ?? { value: null }), numberFormat: String(f) });
      }));
    });
  }
  /** Range.rowHidden / columnHidden (ExcelApi 1.2): false when no line is hidden, true when all are, null when some are. */
  get rowHidden() { return this.get$('rowHidden') as boolean; }
  get columnHidden() { return this.get$('columnHidden') as boolean; }
  set columnHidden(v: boolean) {
    this.ctx.queue.push(() => {
      if (typeof v !== 'boolean') throw simError('InvalidArgument', `${JSON.stringify(v)} is not a valid value for Range.columnHidden`);
      const sh = this.sheet();
      sh.formats.push({ address: this.addr(), path: 'columnHidden', value: v });
      const b = box(this.addr());
      for (let c = b.left; c <= Math.min(b.right, 16384); c++) v ? sh.hiddenCols.add(c) : sh.hiddenCols.delete(c);
    });
  }
  private write(v: unknown[][], asFormula: boolean) {
    this.ctx.queue.push(() => {
      const sh = this.sheet();
      const b = box(this.addr());
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      const bad = gridError(asFormula ? 'formulas' : 'values', v, rows, cols);
      if (bad) throw simError('InvalidArgument', `${bad} (${this.addr()})`);
      if (sh.protected) throw simError('AccessDenied', 'The sheet is protected.');
      const grid = Array.isArray(v) ? v : Array.from({ length: rows }, () => Array.from({ length: cols }, () => v as unknown));
      this.ctx.request += JSON.stringify(grid).length;
      grid.forEach((row, r) => row.forEach((x, c) => writeCell(sh, `${columnLetter(b.left + c)}${b.top + r}`, x, asFormula)));
    });
  }
  merge() {
    this.ctx.queue.push(() => this.sheet().merges.push(this.addr()));
  }
  select() {
    this.ctx.queue.push(() => {
      state.selection = { sheet: this.sheet().name, address: this.addr() };
      state.active = this.sheet().name;
    });
  }
  getCellProperties() {
    need(this.ctx, 9, 'Range.getCellProperties');
    const res = { value: undefined as unknown };
    this.ctx.queue.push(() => {
      const sh = this.sheet();
      const b = box(this.addr());
      res.value = Array.from({ length: b.bottom - b.top + 1 }, (_, r) =>
        Array.from({ length: b.right - b.left + 1 }, (_, c) => ({ format: { font: { bold: sh.bold.has(`${columnLetter(b.left + c)}${b.top + r}`) }, indentLevel: 0 } })),
      );
    });
    return res;
  }
  getMergedAreasOrNullObject() {
    need(this.ctx, 13, 'Range.getMergedAreasOrNullObject');
    const o = new (class extends Loadable {
      get isNullObject() { return this.get$('isNullObject') as boolean; }
      get address() { return this.get$('address') as string; }
    })(this.ctx, () => {
      const ms = this.sheet().merges;
      return { address: ms.map((m) => `${this.sheet().name}!${m}`).join(','), isNullObject: !ms.length };
    });
    o.load('isNullObject');
    return o;
  }
}

function hiddenFlag(from: number, to: number, hidden: Set<number>): boolean | null {
  let n = 0;
  for (const x of hidden) if (x >= from && x <= to) n++;
  return n === 0 ? false : n === to - from + 1 ? true : null;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Series of a simulated chart: property writes and setValues/setXAxisValues are applied at sync. */
function seriesProxy(ctx: Ctx, chart: () => SimChart, index: () => number, sheet: () => SimSheet) {
  const at = () => chart().series[index()];
  const rangeAddr = (r: unknown) => (r as { addr: () => string }).addr();
  return {
    set name(v: string) { ctx.queue.push(() => void (at().name = v)); },
    set chartType(v: string) { ctx.queue.push(() => void (at().chartType = v)); },
    setValues(r: unknown) { ctx.queue.push(() => void (at().values = rangeAddr(r))); },
    setXAxisValues(r: unknown) { ctx.queue.push(() => void (at().categories = rangeAddr(r))); },
    format: {
      fill: { setSolidColor: (c: string) => ctx.queue.push(() => void (at().color = c)) },
      line: { set color(c: string) { ctx.queue.push(() => void (at().color = c)); } },
    },
    get __sheet() { return sheet(); },
  };
}

class WorksheetProxy extends Loadable {
  protection: { protect: (o?: unknown) => void; unprotect: (password?: string) => void };
  tables: { add: (address: string, hasHeaders: boolean) => { name: string; style: string } };
  charts: { add: (type: string, source: unknown, seriesBy?: string) => unknown };
  names: { add: (name: string, reference: unknown, comment?: string) => { visible: boolean }; getItemOrNullObject: (name: string) => unknown };
  freezePanes: { freezeRows: (n: number) => void };
  pageLayout: any;
  onChanged: { add: (h: (e: unknown) => unknown) => { context: Ctx; remove: () => void } };
  constructor(
    ctx: Ctx,
    private readonly resolve: () => SimSheet | undefined,
    private readonly label: string,
    orNull: boolean,
  ) {
    super(ctx, (props) => {
      const sh = this.resolve();
      if (!sh && !orNull) throw simError('ItemNotFound', `The requested resource doesn't exist (sheet "${label}").`);
      const out: Record<string, unknown> = { isNullObject: !sh };
      for (const p of props) if (p === 'name' || p === 'visibility' || p === 'id') out[p] = sh ? (sh as unknown as Record<string, unknown>)[p] : null;
      return out;
    });
    if (orNull) this.load('isNullObject');
    const must = () => {
      const sh = this.resolve();
      if (!sh) throw simError('ItemNotFound', `The requested resource doesn't exist (sheet "${label}").`);
      return sh;
    };
    this.protection = {
      protect: (o) => ctx.queue.push(() => void (must().protected = o ?? {})),
      unprotect: () => ctx.queue.push(() => void (must().protected = null)),
    };
    // Tables: the header row must hold unique, non-blank labels; no merged cell inside; names unique in the workbook.
    this.tables = {
      add: (address, hasHeaders) => {
        let table: SimTable | undefined;
        ctx.queue.push(() => {
          const sh = must();
          if (sh.protected) throw simError('AccessDenied', 'The sheet is protected.');
          const b = box(address);
          if (sh.merges.some((m) => overlaps(box(m), b))) throw simError('InvalidOperation', `A table cannot overlap merged cells (${address}).`);
          if (state.sheets.some((x) => x.tables.some((t) => overlaps(box(t.address), b) && x === sh))) throw simError('InvalidOperation', `A table cannot overlap another table (${address}).`);
          const headers: string[] = [];
          for (let c = b.left; c <= b.right; c++) headers.push(String(sh.cells.get(`${columnLetter(c)}${b.top}`)?.value ?? ''));
          if (!hasHeaders || headers.some((x) => !x.trim()) || new Set(headers).size !== headers.length)
            throw simError('InvalidArgument', `The simulated host wants unique, non-blank header labels (${headers.join('|')}).`);
          table = { name: `Table${state.sheets.reduce((n, x) => n + x.tables.length, 1)}`, address, style: 'TableStyleMedium2', headers, rows: b.bottom - b.top };
          sh.tables.push(table);
        });
        return {
          set name(v: string) {
            ctx.queue.push(() => {
              if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(v)) throw simError('InvalidArgument', `Bad table name ${v}`);
              if (state.sheets.some((x) => x.tables.some((t) => t !== table && t.name === v))) throw simError('ItemAlreadyExists', `A table named ${v} exists.`);
              table!.name = v;
            });
          },
          set style(v: string) { ctx.queue.push(() => void (table!.style = v)); },
          get name() { return table?.name ?? ''; },
          get style() { return table?.style ?? ''; },
        };
      },
    };
    this.charts = {
      add: (type, source) => {
        let chart: SimChart | undefined;
        const src = (source as { addr: () => string }).addr;
        ctx.queue.push(() => {
          const sh = must();
          chart = { name: `Chart ${sh.charts.length + 1}`, type, title: '', from: '', to: '', legend: '', series: [{ name: '', values: src(), categories: '', chartType: type }], valueAxis: {} };
          sh.charts.push(chart);
        });
        const get = () => chart!;
        const axis = (k: 'minimum' | 'maximum') => ({ set: (v: number) => ctx.queue.push(() => void (get().valueAxis[k] = v)) });
        return {
          set name(v: string) { ctx.queue.push(() => void (get().name = v)); },
          title: { set text(v: string) { ctx.queue.push(() => void (get().title = v)); } },
          legend: {
            set position(v: string) {
              ctx.queue.push(() => {
                const bad = legendPositionError(v);
                if (bad) throw simError('InvalidArgument', bad);
                get().legend = v;
              });
            },
          },
          setPosition: (from: string, to: string) => ctx.queue.push(() => void Object.assign(get(), { from, to })),
          series: {
            getItemAt: (i: number) => seriesProxy(ctx, get, () => i, must),
            add: (name: string) => {
              let index = -1;
              ctx.queue.push(() => {
                index = get().series.push({ name, values: '', categories: '', chartType: get().type }) - 1;
              });
              return seriesProxy(ctx, get, () => index, must);
            },
          },
          axes: {
            valueAxis: {
              set minimum(v: number) { axis('minimum').set(v); },
              set maximum(v: number) { axis('maximum').set(v); },
              title: { set text(v: string) { ctx.queue.push(() => void (get().valueAxis.title = v)); } },
            },
          },
        };
      },
    };
    this.names = {
      add: (name, reference, comment) => {
        const ref = typeof reference === 'string' ? reference : (reference as { addr: () => string }).addr();
        ctx.queue.push(() => {
          const sh = must();
          if (sh.names.has(name)) throw simError('ItemAlreadyExists', `The name "${name}" exists on this sheet.`);
          sh.names.set(name, { reference: ref, visible: true, comment });
        });
        return {
          set visible(v: boolean) { ctx.queue.push(() => void (must().names.get(name)!.visible = v)); },
          get visible() { return true; },
        };
      },
      getItemOrNullObject: (name) => {
        const o = new (class extends Loadable {
          get isNullObject() { return this.get$('isNullObject') as boolean; }
          get name() { return this.get$('name') as string; }
        })(ctx, () => ({ isNullObject: !this.resolve()?.names.has(name), name }));
        o.load('isNullObject');
        return o;
      },
    };
    const pageLayout = (k: string, v: unknown) => {
      const bad = pageLayoutError(k, v);
      if (bad) throw simError('InvalidArgument', bad);
      must().formats.push({ address: '', path: `pageLayout.${k}`, value: v });
    };
    this.freezePanes = { freezeRows: (n) => ctx.queue.push(() => void (must().frozenRows = n)) };
    this.pageLayout = new Proxy(
      {},
      {
        get: (_t, k: string) => (...args: unknown[]) => (need(ctx, 9, 'Worksheet.pageLayout'), ctx.queue.push(() => pageLayout(k, args[0]))),
        set: (_t, k: string, v) => (need(ctx, 9, 'Worksheet.pageLayout'), ctx.queue.push(() => pageLayout(k, v)), true),
      },
    );
    this.onChanged = {
      add: (h) => {
        ctx.queue.push(() => void must().handlers.push(h));
        return { context: ctx, remove: () => ctx.queue.push(() => { const sh = must(); sh.handlers = sh.handlers.filter((x) => x !== h); }) };
      },
    };
  }
  get isNullObject() { return this.get$('isNullObject') as boolean; }
  get id() { return this.get$('id') as string; }
  get name() { return this.get$('name') as string; }
  set name(v: string) {
    this.ctx.queue.push(() => {
      const sh = this.resolve();
      if (!sh) throw simError('ItemNotFound', `No sheet "${this.label}"`);
      if (findSheet(v)) throw simError('InvalidArgument', `A sheet named "${v}" exists`);
      if (v.length > 31 || /[\\/?*[\]:]/.test(v)) throw simError('InvalidArgument', `Bad sheet name "${v}"`);
      if (state.active === sh.name) state.active = v;
      for (const n of state.names.values()) if (n.sheet === sh.name) n.sheet = v; // references follow a renamed sheet
      sh.name = v;
    });
  }
  get visibility() { return this.get$('visibility') as string; }
  set visibility(v: string) {
    this.ctx.queue.push(() => {
      const sh = this.resolve();
      if (!sh) throw simError('ItemNotFound', `No sheet "${this.label}"`);
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw simError('InvalidArgument', `Bad visibility ${v}`);
      if (v !== 'Visible' && sh.visibility === 'Visible' && !state.sheets.some((s) => s !== sh && s.visibility === 'Visible'))
        throw simError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      sh.visibility = v as SimSheet['visibility'];
      if (v !== 'Visible' && state.active === sh.name) state.active = state.sheets.find((s) => s.visibility === 'Visible')!.name;
    });
  }
  set position(p: number) {
    this.ctx.queue.push(() => {
      const sh = this.resolve()!;
      state.sheets = state.sheets.filter((s) => s !== sh);
      state.sheets.splice(p, 0, sh);
    });
  }
  private sheetOrThrow = () => {
    const sh = this.resolve();
    if (!sh) throw simError('ItemNotFound', `The requested resource doesn't exist (sheet "${this.label}").`);
    return sh;
  };
  getRange(address: string) {
    // Excel's getRange takes one area; several areas need getRanges (ExcelApi 1.9).
    if (address.includes(',')) this.ctx.queue.push(() => { throw simError('InvalidArgument', `getRange takes one area, not "${address}".`); });
    return new RangeProxy(this.ctx, this.sheetOrThrow, () => address);
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number) {
    const a = `${columnLetter(column + 1)}${row + 1}:${columnLetter(column + columnCount)}${row + rowCount}`;
    return new RangeProxy(this.ctx, this.sheetOrThrow, () => a);
  }
  getRanges(address: string) {
    need(this.ctx, 9, 'Worksheet.getRanges');
    return new RangeProxy(this.ctx, this.sheetOrThrow, () => address);
  }
  getUsedRange() {
    return new RangeProxy(this.ctx, this.sheetOrThrow, () => {
      const b = usedBox(this.sheetOrThrow());
      return `${columnLetter(b.left)}${b.top}:${columnLetter(b.right)}${b.bottom}`;
    });
  }
  activate() {
    this.ctx.queue.push(() => void (state.active = this.sheetOrThrow().name));
  }
  delete() {
    this.ctx.queue.push(() => {
      const sh = this.sheetOrThrow();
      if (sh.visibility === 'VeryHidden') throw simError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
      if (state.sheets.filter((s) => s.visibility === 'Visible' && s !== sh).length === 0) throw simError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      state.sheets = state.sheets.filter((s) => s !== sh);
      for (const n of state.names.values()) if (n.sheet === sh.name) n.sheet = '#REF!';
      if (state.active === sh.name) state.active = state.sheets.find((s) => s.visibility === 'Visible')!.name;
    });
  }
}

function workbookProxy(ctx: Ctx) {
  /** Sheets are found by identity once created, so renaming keeps the proxy pointing at the same sheet. */
  const byName = (name: string) => {
    let cached: SimSheet | undefined;
    return () => (cached && state.sheets.includes(cached) ? cached : (cached = findSheet(name)));
  };
  let items: WorksheetProxy[] | null = null;
  return {
    worksheets: {
      /** Loads every sheet (a collection load): `items` then holds one loaded proxy per sheet. */
      load: (props: string) => {
        const list = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
        ctx.queue.push(() => {
          items = state.sheets.map((sh) => {
            const w = new WorksheetProxy(ctx, () => (state.sheets.includes(sh) ? sh : undefined), sh.name, false);
            (w as unknown as { loaded: Map<string, unknown> }).loaded = new Map(list.map((p) => [p, (sh as unknown as Record<string, unknown>)[p]]));
            return w;
          });
        });
      },
      get items() {
        if (!items) throw simError('PropertyNotLoaded', "The property 'items' is not available. Call load() and sync() before reading it.");
        return items;
      },
      getActiveWorksheet: () => new WorksheetProxy(ctx, () => findSheet(state.active), 'active', false),
      getItem: (name: string) => new WorksheetProxy(ctx, byName(name), name, false),
      getItemOrNullObject: (name: string) => new WorksheetProxy(ctx, byName(name), name, true),
      add: (name: string) => {
        let created: SimSheet | undefined;
        ctx.queue.push(() => {
          if (findSheet(name)) throw simError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
          created = newSheet(name);
          state.sheets.push(created);
        });
        return new WorksheetProxy(ctx, () => created, name, false);
      },
    },
    names: {
      /** A range, or a formula such as "='Bảng chấm'!$E$40" (what NamedItem.formula gives back). */
      add: (name: string, reference: RangeProxy | string, comment?: string) => {
        ctx.queue.push(() => {
          if (state.names.has(name)) throw simError('ItemAlreadyExists', `The name "${name}" exists.`);
          if (typeof reference === 'string') {
            const m = /^=(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]+)\$?(\d+)$/.exec(reference);
            if (!m) throw simError('InvalidArgument', `The simulated host reads only single-cell references (${reference}).`);
            const sheet = m[1] ? m[1].replace(/''/g, "'") : m[2];
            if (sheet !== '#REF!' && !findSheet(sheet)) throw simError('InvalidReference', `No sheet "${sheet}"`);
            state.names.set(name, { sheet, address: `${m[3]}${m[4]}`, comment });
          } else {
            const r = reference as unknown as { sheet: () => SimSheet; addr: () => string };
            state.names.set(name, { sheet: r.sheet().name, address: r.addr(), comment });
          }
        });
        return {
          set visible(v: boolean) { ctx.queue.push(() => void (state.names.get(name)!.visible = v)); },
        };
      },
      getItem: (name: string) => namedItem(ctx, name, false),
      getItemOrNullObject: (name: string) => namedItem(ctx, name, true),
    },
    /** Sheets of an .xlsx, read with the engine's own reader (cells, formulas, hidden state). */
    insertWorksheetsFromBase64: (base64: string, options?: { positionType?: string }) => {
      need(ctx, 13, 'Workbook.insertWorksheetsFromBase64');
      const result = { value: [] as string[] };
      ctx.queue.push(() => {
        if (options?.positionType && options.positionType !== 'End') throw simError('InvalidArgument', 'The simulated host inserts at the end only.');
        let grids;
        try {
          const bin = atob(base64);
          const bytes = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          grids = readXlsx(unzipSync(bytes), 'inserted.xlsx', []).grids;
        } catch (e) {
          throw simError('InvalidArgument', `The file is not a workbook (${String((e as Error).message ?? e)}).`);
        }
        for (const g of grids) if (findSheet(g.sheet)) throw simError('ItemAlreadyExists', `A sheet named "${g.sheet}" already exists.`);
        for (const g of grids) {
          const sh = newSheet(g.sheet);
          for (let r = 1; r <= g.rowCount; r++)
            for (let c = 1; c <= g.colCount; c++) {
              const cell = g.cell(r, c);
              if (!cell) continue;
              const raw = cell.value as unknown;
              const value = raw instanceof Date ? raw.toISOString() : ((raw as Cell['value']) ?? null);
              if (value === null && !cell.formula) continue;
              sh.cells.set(`${columnLetter(c)}${r}`, cell.formula ? { value, formula: `=${cell.formula}` } : { value });
            }
          sh.merges.push(...g.merges.map((m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`));
          if (g.hidden) sh.visibility = 'Hidden';
          for (const r of g.hiddenRows ?? []) sh.hiddenRows.add(r);
          for (const c of g.hiddenCols ?? []) sh.hiddenCols.add(c);
          state.sheets.push(sh);
          result.value.push(sh.id);
        }
      });
      return result;
    },
  };
}

/** A workbook-level name: loadable (name, formula, visible, comment), deletable. */
function namedItem(ctx: Ctx, name: string, orNull: boolean) {
  const formula = (n: { sheet: string; address: string }) => {
    if (n.sheet === '#REF!') return '=#REF!';
    const m = /^([A-Z]+)(\d+)$/.exec(n.address);
    const ref = m ? `$${m[1]}$${m[2]}` : n.address;
    return `=${/[^A-Za-z0-9_]/.test(n.sheet) ? `'${n.sheet.replace(/'/g, "''")}'` : n.sheet}!${ref}`;
  };
  const o = new (class extends Loadable {
    get isNullObject() { return this.get$('isNullObject') as boolean; }
    get name() { return this.get$('name') as string; }
    get formula() { return this.get$('formula') as string; }
    get visible() { return this.get$('visible') as boolean; }
    get comment() { return this.get$('comment') as string; }
    delete() {
      ctx.queue.push(() => {
        if (!state.names.has(name)) throw simError('ItemNotFound', `No name "${name}"`);
        state.names.delete(name);
      });
    }
  })(ctx, () => {
    const n = state.names.get(name);
    if (!n && !orNull) throw simError('ItemNotFound', `No name "${name}"`);
    return { isNullObject: !n, name, formula: n ? formula(n) : null, visible: n ? n.visible !== false : null, comment: n?.comment ?? '' };
  });
  if (orNull) o.load('isNullObject');
  return o;
}

// ------------------------------------------------------------------------------------------ typed against Office.js

/**
 * Compile-time check against @types/office-js: every public member of a simulated object is a member of
 * the Excel interface it stands for, so a misspelled or invented property fails `tsc` (the test build).
 */
type NotInOfficeJs<Sim, Real> = Exclude<keyof Sim, keyof Real>;
function typedAs<Sim, Real>(ok: NotInOfficeJs<Sim, Real> extends never ? true : { notInOfficeJs: NotInOfficeJs<Sim, Real> }): void {
  void ok;
}
typedAs<RangeProxy, Excel.Range>(true);
typedAs<WorksheetProxy, Excel.Worksheet>(true);
typedAs<ReturnType<typeof workbookProxy>, Excel.Workbook>(true);
typedAs<ReturnType<typeof workbookProxy>['worksheets'], Excel.WorksheetCollection>(true);
typedAs<ReturnType<typeof workbookProxy>['names'], Excel.NamedItemCollection>(true);
typedAs<ReturnType<typeof namedItem>, Excel.NamedItem>(true);
typedAs<WorksheetProxy['protection'], Excel.WorksheetProtection>(true);
typedAs<WorksheetProxy['freezePanes'], Excel.WorksheetFreezePanes>(true);
typedAs<Omit<Ctx, 'queue' | 'response' | 'request'>, Excel.RequestContext>(true); // its operation queue and byte counts are the sim's own

// ------------------------------------------------------------------------------------------ globals

async function run<T>(a: unknown, b?: unknown): Promise<T> {
  const batch = (typeof a === 'function' ? a : b) as (ctx: Ctx) => Promise<T>;
  const ctx = a instanceof Ctx ? a : new Ctx();
  const out = await batch(ctx);
  if (ctx.queue.length) await ctx.sync(); // Excel.run flushes what is left
  return out;
}

const sim = {
  state,
  get syncs() {
    return state.syncs;
  },
  /** The user types (or pastes) in a cell: refused on locked cells of protected sheets; fires onChanged. */
  async type(sheetName: string, address: string, value: string | number | null): Promise<{ ok: boolean; reason?: string }> {
    const sh = mustSheet(sheetName);
    if (sh.protected && !sh.unlocked.has(address)) return { ok: false, reason: 'locked' };
    writeCell(sh, address, value === null ? '' : value, true);
    await new Promise((r) => setTimeout(r, 0));
    for (const h of [...sh.handlers]) await h({ address, worksheetId: sh.id, source: 'Local', changeType: 'RangeEdited', type: 'WorksheetChanged' });
    return { ok: true };
  },
  cell(sheetName: string, address: string): Cell | null {
    return findSheet(sheetName)?.cells.get(address) ?? null;
  },
  sheet(sheetName: string) {
    const sh = findSheet(sheetName);
    if (!sh) return null;
    return {
      name: sh.name,
      visibility: sh.visibility,
      protected: Boolean(sh.protected),
      unlocked: [...sh.unlocked],
      validation: sh.validation,
      conditional: sh.conditional.length,
      frozenRows: sh.frozenRows,
      handlers: sh.handlers.length,
      conditionalRules: sh.conditional,
      tables: sh.tables,
      charts: sh.charts,
      names: Object.fromEntries(sh.names),
      merges: sh.merges,
      formats: sh.formats.length,
      pageLayout: sh.formats.filter((f) => f.path.startsWith('pageLayout.')).map((f) => [f.path.slice('pageLayout.'.length), f.value]),
    };
  },
  /** Cells of a rectangle as [value or formula] rows (for assertions). */
  values(sheetName: string, address: string): unknown[][] {
    const sh = mustSheet(sheetName);
    const b = box(address);
    return Array.from({ length: b.bottom - b.top + 1 }, (_, r) =>
      Array.from({ length: b.right - b.left + 1 }, (_, c) => {
        const cell = sh.cells.get(`${columnLetter(b.left + c)}${b.top + r}`);
        return cell?.formula ?? cell?.value ?? null;
      }),
    );
  },
  /** The user adds a sheet of their own (to check that the add-in never touches it). */
  addSheet(name: string, cells: Array<[string, Cell]>): void {
    const sh = newSheet(name);
    for (const [a, c] of cells) sh.cells.set(a, c);
    state.sheets.push(sh);
  },
  sheetNames: () => state.sheets.map((s) => s.name),
  /** The workbook as a config for a new pane ("save, close, reopen"). */
  dump: (): Partial<SimConfig> => ({
    sheets: state.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells],
      bold: [...s.bold],
      merges: s.merges,
      visibility: s.visibility,
      protected: Boolean(s.protected),
      unlocked: [...s.unlocked],
      conditional: s.conditional,
      names: [...s.names],
      hiddenRows: [...s.hiddenRows],
      hiddenCols: [...s.hiddenCols],
    })),
    names: [...state.names],
  }),
  names: () => Object.fromEntries(state.names),
  /** Make the `sync`-th sync from now fail before its first (or its last) operation, with `code`. */
  inject(sync: number, at: 'first' | 'last', code = 'GeneralException'): void {
    state.inject = { sync, at, code };
  },
  injected: () => state.inject,
  /** Everything the workbook holds (event handlers aside), for byte-for-byte comparisons. */
  snapshot: (): string =>
    JSON.stringify({
      sheets: state.sheets.map((sh) => ({ ...sh, handlers: undefined, cells: [...sh.cells], unlocked: [...sh.unlocked], bold: [...sh.bold], names: [...sh.names] })),
      names: [...state.names],
      active: state.active,
    }),
  selection: () => state.selection,
  active: () => state.active,
};

const w = window as unknown as Record<string, unknown>;
w.__sim = sim;
w.Excel = { run, RequestContext: Ctx };
w.OfficeExtension = { Error: Error };
w.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
  context: {
    displayLanguage: config.displayLanguage,
    platform: config.platform ?? 'OfficeOnline',
    requirements: { isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && Number((v ?? '1.1').split('.')[1]) <= config.api },
  },
  onReady(cb?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: config.platform ?? 'OfficeOnline' };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
};
