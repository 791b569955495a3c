/**
 * An Excel for the adapter tests, built from office-addin-mock's OfficeMockObject: every object the
 * adapter touches is a mock in the context's tree, so properties read without load+sync are errors, and
 * context.sync() is counted. Reads come from in-memory sheets; writes are recorded for assertions.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetter, columnNumber } from '../../engine/core/grid';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full import pulls ESM-only
// packages jest cannot load: give it just the enum (same values as office-addin-manifest's).
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

export type Cell = string | number | boolean | null;
export interface MemSheet {
  name: string;
  cells: Map<string, Cell>;
  bold?: Set<string>;
  merges?: string[];
  /** Hidden rows and columns (1-based), reported by Range.rowHidden / columnHidden. */
  hiddenRows?: Set<number>;
  hiddenCols?: Set<number>;
}

export interface RangeRecord {
  sheet: string;
  address: string;
  mock: Record<string, any>;
}

export function box(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = address.replace(/\$/g, '').split(':');
  // Whole columns ("B:B") and whole rows ("9:9") are reduced to their first cell.
  const p = (x: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(x)!;
    return { col: m[1] ? columnNumber(m[1]) : 1, row: m[2] ? Number(m[2]) : 1 };
  };
  const s = p(a);
  const e = b ? p(b) : s;
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

function hiddenFlag(from: number, to: number, hidden: Set<number> | undefined): boolean | null {
  let n = 0;
  for (let i = from; i <= to; i++) if (hidden?.has(i)) n++;
  return n === 0 ? false : n === to - from + 1 ? true : null;
}

export class ExcelMock {
  syncs = 0;
  ranges: RangeRecord[] = [];
  added: string[] = [];
  deleted: string[] = [];
  names: Array<{ name: string; sheet: string; address: string }> = [];
  deletedNames: string[] = [];
  inserted: Array<{ base64: string; options: unknown }> = [];
  existingNames = new Set<string>();
  /** Names the host brings along with inserted sheets. */
  namesTravel = true;
  activeSheet: string;
  failNextSync: { code: string; message: string } | null = null;
  /** Sheet-scoped names by "sheet|name" (the ranking sheets' marker). */
  scopedNames = new Map<string, { sheet: string; name: string; reference: string; comment?: string; visible?: boolean }>();
  tables: Array<{ sheet: string; address: string; hasHeaders: boolean; table: Record<string, any> }> = [];
  charts: Array<{ sheet: string; chart: Record<string, any> }> = [];
  /** Protection calls in order ("Sheet:unprotect", "Sheet:protect"). */
  protectionLog: string[] = [];
  renamed: Array<{ from: string; to: string }> = [];
  readonly excel: { run: (...args: any[]) => Promise<any> };
  private n = 0;

  constructor(public sheets: MemSheet[]) {
    this.activeSheet = sheets[0]?.name ?? 'Sheet1';
    const self = this;
    const root = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getActiveWorksheet() {
              return self.sheetMock(this, self.activeSheet);
            },
            getItem(key: string) {
              return self.sheetMock(this, key.startsWith('id:') ? key.slice(3) : key);
            },
            getItemOrNullObject(name: string) {
              return self.sheetMock(this, name, true);
            },
            add(name: string) {
              self.added.push(name);
              self.sheets.push({ name, cells: new Map() });
              const m = self.sheetMock(this, name);
              m.__added = true;
              return m;
            },
          },
          names: {
            add(name: string, range: Record<string, any>) {
              self.names.push({ name, sheet: range.__sheet, address: range.__address });
              self.existingNames.add(name);
            },
            getItemOrNullObject(name: string) {
              const exists = self.existingNames.has(name);
              return self.child(this, { name, formula: `=X!$A$1`, visible: true, comment: '' }, { isNullObject: !exists, delete: () => (self.deletedNames.push(name), self.existingNames.delete(name)) });
            },
            getItem(name: string) {
              return { delete: () => (self.deletedNames.push(name), self.existingNames.delete(name)) };
            },
          },
          insertWorksheetsFromBase64(base64: string, options: unknown) {
            self.inserted.push({ base64, options });
          },
        },
      },
      run: async function (this: any, a: unknown, b?: unknown) {
        const cb = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
        return cb(this.context);
      },
    }) as any;
    const ctx = root.context;
    const realSync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      this.syncs++;
      if (this.failNextSync) {
        const e = Object.assign(new Error(this.failNextSync.message), { code: this.failNextSync.code });
        this.failNextSync = null;
        throw e;
      }
      await realSync();
    };
    this.excel = root;
    // A collection load ("items/name"): plain objects standing for the sheets as they are now.
    const worksheets = ctx.workbook.worksheets;
    worksheets.load = () => undefined;
    Object.defineProperty(worksheets, 'items', {
      get: () =>
        this.sheets.map((mem) => {
          const name = mem.name;
          const item: Record<string, any> = {
            id: `id:${name}`,
            visibility: 'Visible',
            names: {
              getItemOrNullObject: (n: string) => ({ load: () => undefined, isNullObject: !this.scopedNames.has(`${name}|${n}`) }),
            },
            delete: () => this.deleted.push(name),
          };
          Object.defineProperty(item, 'name', { get: () => name, set: (v: string) => this.renamed.push({ from: name, to: v }) });
          return item;
        }),
    });
  }

  /** A child mock attached to `parent` so that context.sync() reaches it. */
  child(parent: any, data: Record<string, unknown>, plain: Record<string, unknown> = {}): any {
    const key = `m${++this.n}`;
    parent.addMock(key);
    const m = parent[key];
    m.populate(data);
    Object.assign(m, plain);
    return m;
  }

  sheet(name: string): MemSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private sheetMock(parent: any, name: string, orNull = false): any {
    const self = this;
    const mem = this.sheet(name);
    if (!mem && !orNull) {
      // Office.js raises ItemNotFound at sync time.
      this.failNextSync = { code: 'ItemNotFound', message: `The requested resource doesn't exist: ${name}` };
    }
    const ws = this.child(
      parent,
      {
        name,
        id: `id:${name}`,
        visibility: 'Visible',
        position: 0,
        protection: { protect() {}, unprotect() {} },
        tables: {
          add(address: string, hasHeaders: boolean) {
            const table: Record<string, any> = {};
            self.tables.push({ sheet: name, address, hasHeaders, table });
            return table;
          },
        },
        charts: {
          add(type: string, source: Record<string, any>, seriesBy: string) {
            const chart = self.chartMock(type, source.__address, seriesBy);
            self.charts.push({ sheet: name, chart });
            return chart;
          },
        },
        names: {
          add(n: string, reference: unknown, comment?: string) {
            const item = { sheet: name, name: n, reference: String(reference), comment, visible: true };
            self.scopedNames.set(`${name}|${n}`, item);
            return item;
          },
          getItemOrNullObject(n: string) {
            return self.child(this, { name: n }, { isNullObject: !self.scopedNames.has(`${name}|${n}`) });
          },
        },
        freezePanes: { freezeRows() {} },
        pageLayout: { setPrintArea() {}, setPrintTitleRows() {} },
        getRange(address: string) {
          return self.rangeMock(this, name, address);
        },
        getRanges(address: string) {
          return self.rangeMock(this, name, address);
        },
        getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
          return self.rangeMock(this, name, `${columnLetter(col + 1)}${row + 1}:${columnLetter(col + cols)}${row + rows}`);
        },
        getUsedRange() {
          const s = self.sheet(name)!;
          let bottom = 1;
          let right = 1;
          for (const k of s.cells.keys()) {
            const b = box(k);
            bottom = Math.max(bottom, b.bottom);
            right = Math.max(right, b.right);
          }
          return self.rangeMock(this, name, `A1:${columnLetter(right)}${bottom}`);
        },
        activate() {
          self.activeSheet = name;
        },
        delete() {
          self.deleted.push(name);
        },
      },
      { isNullObject: !mem },
    );
    this.sheetMocks.push({ name, mock: ws });
    ws.protection.protect = (opts: unknown) => {
      ws.__protected = opts ?? true;
      this.protectionLog.push(`${name}:protect`);
    };
    ws.protection.unprotect = () => this.protectionLog.push(`${name}:unprotect`);
    ws.freezePanes.freezeRows = (n: number) => (ws.__frozen = n);
    return ws;
  }

  private rangeMock(parent: any, sheet: string, address: string): any {
    const mem = this.sheet(sheet);
    const areas = address.split(',');
    const b = box(areas[0]);
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    const grid = (f: (a: string) => unknown) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(`${columnLetter(b.left + c)}${b.top + r}`)));
    const val = (a: string) => {
      const v = mem?.cells.get(a);
      return v === undefined || v === null ? '' : typeof v === 'string' && v.startsWith('=') ? 0 : v;
    };
    const self = this;
    const flags = { rowHidden: hiddenFlag(b.top, b.bottom, mem?.hiddenRows), columnHidden: hiddenFlag(b.left, b.right, mem?.hiddenCols) };
    const r = this.child(
      parent,
      {
        address: `${sheet}!${address}`,
        rowIndex: b.top - 1,
        columnIndex: b.left - 1,
        rowCount: rows,
        columnCount: cols,
        values: grid(val),
        formulas: grid((a) => mem?.cells.get(a) ?? ''),
        numberFormat: grid(() => 'General'),
        // As Office.js says it: false when no line of the range is hidden, true when all are, null when some
        // are (office-addin-mock takes a null as an object: the value is put in after, below).
        rowHidden: flags.rowHidden ?? false,
        columnHidden: flags.columnHidden ?? false,
        format: { font: {}, fill: {}, protection: {}, borders: { getItem: () => ({}) } },
        dataValidation: { clear() {} },
        conditionalFormats: {
          clearAll() {
            r.__clearedConditional = true;
          },
          add(type: string) {
            const cf = { type, custom: { rule: {}, format: { fill: {}, font: {} } } };
            (r.__cfs ??= []).push(cf);
            return cf;
          },
        },
        merge() {
          r.__merged = true;
        },
        select() {
          self.selected = { sheet, address };
        },
        getCellProperties() {
          return self.child(r, {}, { value: grid((a) => ({ format: { font: { bold: mem?.bold?.has(a) ?? false }, indentLevel: 0 } })) });
        },
        getMergedAreasOrNullObject() {
          return self.child(r, { address: (mem?.merges ?? []).map((m) => `${sheet}!${m}`).join(',') }, { isNullObject: !(mem?.merges ?? []).length });
        },
      },
      { __sheet: sheet, __address: address },
    );
    for (const [k, f] of Object.entries(flags)) if (f === null) r._properties.get(k).resetValue(null);
    this.ranges.push({ sheet, address, mock: r });
    return r;
  }

  /** A chart as plain data: its series, categories, position, titles. */
  chartMock(type: string, source: string, seriesBy: string): Record<string, any> {
    const series = (name: string, values = ''): Record<string, any> => {
      const s: Record<string, any> = {
        name,
        values,
        format: { fill: { setSolidColor: (c: string) => (s.color = c) }, line: {} },
        setValues: (r: Record<string, any>) => (s.values = r.__address),
        setXAxisValues: (r: Record<string, any>) => (s.categories = r.__address),
      };
      return s;
    };
    const items = [series('', source)];
    const chart: Record<string, any> = {
      type,
      source,
      seriesBy,
      title: {},
      legend: {},
      axes: { valueAxis: { title: {} } },
      setPosition: (from: string, to: string) => (chart.position = [from, to]),
      series: {
        items,
        getItemAt: (i: number) => items[i],
        add: (name: string) => {
          const s = series(name);
          items.push(s);
          return s;
        },
      },
    };
    return chart;
  }

  selected: { sheet: string; address: string } | null = null;
  sheetMocks: Array<{ name: string; mock: Record<string, any> }> = [];
  /** The worksheet object of the sheet added last under a name (else the last one handed out). */
  sheetObject(name: string): Record<string, any> | undefined {
    const all = [...this.sheetMocks].reverse().filter((s) => s.name === name);
    return (all.find((s) => s.mock.__added) ?? all[0])?.mock;
  }

  /** Ranges written on a sheet (by address). */
  written(sheet: string): RangeRecord[] {
    return this.ranges.filter((x) => x.sheet === sheet);
  }
}

/** isSetSupported for an Excel that has ExcelApi up to 1.maxMinor. */
export function requirements(maxMinor: number) {
  return {
    isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && Number((v ?? '1.1').split('.')[1]) <= maxMinor,
  };
}
