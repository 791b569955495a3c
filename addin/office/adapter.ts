/**
 * The Office.js adapter: the only place that talks to Excel. Each method queues all its work on one
 * request context and syncs a small constant number of times (documented on WorkbookHost), whatever the
 * number of rows or criteria: ranges are read with one `load` of values, formulas and number formats, and
 * written as whole blocks.
 */
import {
  ChangeEvent,
  ChartSpec,
  ConditionalRule,
  HostCapabilities,
  HostError,
  HostValue,
  RangeFormat,
  SheetData,
  SheetEdit,
  SheetLayout,
  TableSpec,
  ValidationRule,
  WorkbookHost,
} from '../host/types';

/** The part of the Excel namespace the adapter uses (tests pass an office-addin-mock object). */
export interface ExcelLike {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** ExcelApi the pane needs: 1.8 (worksheet events 1.7, data validation 1.8, named items 1.4). */
export const MIN_EXCEL_API = '1.8';
/** The largest used range the importer reads (cells); beyond that the sheet is not a scoring table. */
export const MAX_READ_CELLS = 200_000;

export function detectCapabilities(req: RequirementsLike): HostCapabilities {
  let apiVersion = '1.0';
  for (let minor = 20; minor >= 1; minor--)
    if (req.isSetSupported('ExcelApi', `1.${minor}`)) {
      apiVersion = `1.${minor}`;
      break;
    }
  return {
    supported: req.isSetSupported('ExcelApi', MIN_EXCEL_API),
    apiVersion,
    insertFromBase64: req.isSetSupported('ExcelApi', '1.13'),
    cellProperties: req.isSetSupported('ExcelApi', '1.9'),
    rankingSheets: req.isSetSupported('ExcelApi', RANKING_EXCEL_API),
  };
}

/** ExcelApi the ranking sheets need: chart series added and drawn as lines, category axes (1.7). */
export const RANKING_EXCEL_API = '1.7';
/** Options of every sheet protection the add-in sets (users may still resize, filter). */
const PROTECT_OPTIONS = { allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true };

const HALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

export class ExcelAdapter implements WorkbookHost {
  private caps: HostCapabilities;

  constructor(
    private readonly excel: ExcelLike,
    requirements: RequirementsLike,
  ) {
    this.caps = detectCapabilities(requirements);
  }

  capabilities(): HostCapabilities {
    return this.caps;
  }

  sheetNames(): Promise<Array<{ name: string; visible: boolean }>> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await ctx.sync();
      return sheets.items.map((s) => ({ name: s.name, visible: s.visibility === 'Visible' }));
    });
  }

  readActiveSheet(): Promise<SheetData> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      const used = ws.getUsedRange(false);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync(); // 1: the size, so a huge sheet is refused before its cells travel
      if (used.rowCount * used.columnCount > MAX_READ_CELLS)
        throw new HostError(
          `Trang tính "${ws.name}" quá lớn để đọc (${used.rowCount} hàng × ${used.columnCount} cột).`,
          `Sheet "${ws.name}" is too large to read (${used.rowCount} rows × ${used.columnCount} columns).`,
        );
      used.load('values,formulas,numberFormat');
      const props = this.caps.cellProperties
        ? used.getCellProperties({ format: { font: { bold: true }, indentLevel: true } })
        : null;
      const merged = this.caps.insertFromBase64 ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      await ctx.sync(); // 2: every cell at once
      const data = toSheetData(ws.name, used.rowIndex + 1, used.columnIndex + 1, used.values, used.formulas, used.numberFormat);
      if (props) {
        data.bold = props.value.map((r) => r.map((c) => Boolean(c.format?.font?.bold)));
        data.indent = props.value.map((r) => r.map((c) => c.format?.indentLevel ?? 0));
      }
      if (merged && !merged.isNullObject) data.merges = parseAreas(merged.address);
      return data;
    });
  }

  readRange(sheet: string, address: string): Promise<SheetData | null> {
    return this.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(address);
      range.load('rowIndex,columnIndex,values,formulas,numberFormat');
      try {
        await ctx.sync(); // 1
      } catch (e) {
        if ((e as { code?: string }).code === 'ItemNotFound') return null;
        throw e;
      }
      return toSheetData(sheet, range.rowIndex + 1, range.columnIndex + 1, range.values, range.formulas, range.numberFormat);
    });
  }

  renderSheets(layouts: SheetLayout[]): Promise<void> {
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const olds = layouts.map((l) => {
        const w = wb.worksheets.getItemOrNullObject(l.sheet);
        w.load('name');
        return w;
      });
      const oldNames = layouts.flatMap((l) =>
        (l.names ?? []).map((n) => {
          const item = wb.names.getItemOrNullObject(n.name);
          item.load('name');
          return item;
        }),
      );
      await ctx.sync(); // 1: what to replace

      for (const n of oldNames) if (!n.isNullObject) n.delete();
      this.queueReplace(wb, layouts, olds.filter((o) => !o.isNullObject));
      await ctx.sync(); // 2: everything written at once
    });
  }

  /**
   * Queue the replacement of `olds` by `layouts`. A workbook must keep a visible sheet and very hidden
   * sheets cannot be deleted: rename and hide the old ones, add the new ones, then delete the old ones.
   */
  private queueReplace(wb: Excel.Workbook, layouts: SheetLayout[], olds: Excel.Worksheet[]): void {
    const stamp = Date.now() % 100000;
    olds.forEach((old, i) => {
      old.name = `~${i}~${stamp}`;
      old.visibility = 'Hidden';
    });
    const added = layouts.map((l) => this.queueLayout(wb, l));
    for (const old of olds) old.delete();
    layouts.forEach((l, i) => {
      if (l.activate) added[i].activate();
    });
  }

  replaceOwnSheets(layouts: SheetLayout[], marker: string): Promise<{ replaced: string[] }> {
    if (!this.caps.rankingSheets)
      return Promise.reject(
        new HostError(
          `Excel này chưa hỗ trợ bảng và biểu đồ cần cho trang tổng hợp (cần ExcelApi ${RANKING_EXCEL_API}, có ${this.caps.apiVersion}).`,
          `This Excel cannot write the tables and charts of the ranking sheets (needs ExcelApi ${RANKING_EXCEL_API}, has ${this.caps.apiVersion}).`,
        ),
      );
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const sheets = wb.worksheets;
      sheets.load('items/name');
      await ctx.sync(); // 1: which of these names exist
      const wanted = new Set(layouts.map((l) => l.sheet));
      const existing = sheets.items.filter((w) => wanted.has(w.name));
      const olds: Excel.Worksheet[] = [];
      if (existing.length) {
        const marks = existing.map((w) => {
          const m = w.names.getItemOrNullObject(marker);
          m.load('name');
          return m;
        });
        await ctx.sync(); // 2: which of them are ours
        const foreign = existing.filter((_, i) => marks[i].isNullObject).map((w) => w.name);
        if (foreign.length)
          throw new HostError(
            `Sổ làm việc đã có trang ${foreign.map((n) => `"${n}"`).join(', ')} không do phần bổ trợ tạo. Hãy đổi tên trang đó rồi tổng hợp lại; phần bổ trợ không ghi đè trang của bạn.`,
            `The workbook already has the sheet(s) ${foreign.map((n) => `"${n}"`).join(', ')}, not made by the add-in. Rename them and consolidate again; the add-in never overwrites your sheets.`,
          );
        olds.push(...existing);
      }
      this.queueReplace(wb, layouts.map((l) => ({ ...l, marker })), olds);
      await ctx.sync(); // 2 or 3: everything written at once
      return { replaced: existing.map((w) => w.name) };
    });
  }

  updateSheets(edits: SheetEdit[]): Promise<void> {
    return this.run(async (ctx) => {
      for (const e of edits) {
        const ws = ctx.workbook.worksheets.getItem(e.sheet);
        const many = (a: string) => (a.includes(',') && this.caps.cellProperties ? ws.getRanges(a) : ws.getRange(a));
        if (e.unprotect) ws.protection.unprotect();
        for (const n of e.numberFormats ?? []) ws.getRange(n.address).numberFormat = n.formats;
        for (const b of e.blocks ?? []) {
          const range = ws.getRange(b.address);
          if (b.numberFormat) range.numberFormat = b.numberFormat;
          range.formulas = b.cells.map((r) => r.map((c) => (c === null ? '' : c))) as unknown[][];
        }
        for (const f of e.formats ?? []) this.queueFormat(ws, f);
        for (const m of e.merges ?? []) ws.getRange(m).merge(false);
        for (const a of e.locked ?? []) many(a).format.protection.locked = true;
        for (const a of e.unlocked ?? []) many(a).format.protection.locked = false;
        if (e.clearConditional) ws.getRange(e.clearConditional).conditionalFormats.clearAll();
        for (const c of e.conditional ?? []) this.queueConditional(ws, c);
        if (e.protect) ws.protection.protect(PROTECT_OPTIONS);
      }
      await ctx.sync(); // 1
    });
  }

  /** Queue one sheet's creation and rendering on the batch (no sync). */
  private queueLayout(wb: Excel.Workbook, layout: SheetLayout): Excel.Worksheet {
    const ws = wb.worksheets.add(layout.sheet);
    if (layout.position === 'start') ws.position = 0;
    const many = (a: string) => (a.includes(',') && this.caps.cellProperties ? ws.getRanges(a) : ws.getRange(a));

    for (const c of layout.columnWidths ?? []) {
      const col = ws.getRange(`${c.column}:${c.column}`);
      col.format.columnWidth = c.width;
      if (c.hidden) col.columnHidden = true;
    }
    for (const h of layout.rowHeights ?? []) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
    for (const f of layout.formats ?? []) this.queueFormat(ws, f);
    // Number formats before the cells, so text stays text ("@" cells).
    for (const b of layout.blocks) {
      const range = ws.getRange(b.address);
      if (b.numberFormat) range.numberFormat = b.numberFormat;
      range.formulas = b.cells.map((r) => r.map((c) => (c === null ? '' : c))) as unknown[][];
    }
    for (const m of layout.merges ?? []) ws.getRange(m).merge(false);
    for (const v of layout.validation ?? []) {
      const dv = ws.getRange(v.address).dataValidation;
      dv.clear();
      dv.rule = validationRule(v);
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title.slice(0, 32), message: v.prompt.message.slice(0, 255) };
      if (v.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title.slice(0, 32), message: v.error.message.slice(0, 255) };
    }
    for (const c of layout.conditional ?? []) this.queueConditional(ws, c);
    for (const a of layout.unlocked ?? []) many(a).format.protection.locked = false;
    if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
    if (layout.print && this.caps.cellProperties) {
      ws.pageLayout.orientation = layout.print.landscape ? 'Landscape' : 'Portrait';
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.setPrintArea(layout.print.area);
      ws.pageLayout.setPrintTitleRows(layout.print.titleRows);
    }
    for (const n of layout.names ?? []) wb.names.add(n.name, ws.getRange(n.address));
    for (const t of layout.tables ?? []) this.queueTable(ws, t);
    for (const c of layout.charts ?? []) this.queueChart(ws, c);
    if (layout.marker) {
      const mark = ws.names.add(layout.marker, '="thidua"', 'thidua: made by the add-in, replaced when it runs again');
      mark.visible = false;
    }
    if (layout.protect) ws.protection.protect(PROTECT_OPTIONS);
    if (layout.visibility && layout.visibility !== 'visible') ws.visibility = VISIBILITY[layout.visibility];
    return ws;
  }

  private queueFormat(ws: Excel.Worksheet, f: RangeFormat): void {
    const r = ws.getRange(f.address);
    const fmt = r.format;
    if (f.bold !== undefined) fmt.font.bold = f.bold;
    if (f.italic !== undefined) fmt.font.italic = f.italic;
    if (f.fontColor) fmt.font.color = f.fontColor;
    if (f.fontSize) fmt.font.size = f.fontSize;
    if (f.fill) fmt.fill.color = f.fill;
    if (f.wrap !== undefined) fmt.wrapText = f.wrap;
    if (f.align) fmt.horizontalAlignment = HALIGN[f.align];
    if (f.verticalAlign) fmt.verticalAlignment = VALIGN[f.verticalAlign];
    if (f.indent && this.caps.cellProperties) fmt.indentLevel = f.indent;
    if (f.textOrientation !== undefined) fmt.textOrientation = f.textOrientation;
    if (f.numberFormat) r.numberFormat = f.numberFormat as unknown as unknown[][]; // one value for every cell
    if (f.border) for (const e of edgesOf(f.address)) fmt.borders.getItem(e).style = 'Continuous';
  }

  private queueConditional(ws: Excel.Worksheet, c: ConditionalRule): void {
    if (c.address.includes(',') && !this.caps.cellProperties) return; // multi-area rules need ExcelApi 1.9
    const target = c.address.includes(',') ? ws.getRanges(c.address) : ws.getRange(c.address);
    const cf = target.conditionalFormats.add('Custom');
    cf.custom.rule.formula = c.formula;
    if (c.fill) cf.custom.format.fill.color = c.fill;
    if (c.fontColor) cf.custom.format.font.color = c.fontColor;
    if (c.bold) cf.custom.format.font.bold = true;
  }

  private queueTable(ws: Excel.Worksheet, t: TableSpec): void {
    const table = ws.tables.add(t.address, true);
    table.name = t.name;
    table.style = t.style ?? 'TableStyleLight9';
  }

  private queueChart(ws: Excel.Worksheet, c: ChartSpec): void {
    const [first, ...rest] = c.series;
    if (!first) return;
    const chart = ws.charts.add(c.type, ws.getRange(first.values), 'Columns');
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.position = 'Bottom';
    chart.setPosition(c.from, c.to);
    const categories = ws.getRange(c.categories);
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(categories);
    if (first.color) s0.format.fill.setSolidColor(first.color);
    for (const x of rest) {
      const s = chart.series.add(x.name);
      s.setValues(ws.getRange(x.values));
      s.setXAxisValues(categories);
      if (x.line) {
        s.chartType = 'Line';
        if (x.color) s.format.line.color = x.color;
      } else if (x.color) s.format.fill.setSolidColor(x.color);
    }
    const axis = chart.axes.valueAxis;
    if (c.min !== undefined) axis.minimum = c.min;
    if (c.max !== undefined) axis.maximum = c.max;
    if (c.valueAxisTitle) axis.title.text = c.valueAxisTitle;
  }

  insertWorkbook(
    base64: string,
    opts: { sheets: string[]; names: Array<{ name: string; sheet: string; address: string }>; activate?: string },
  ): Promise<void> {
    if (!this.caps.insertFromBase64)
      return Promise.reject(new HostError('Excel này chưa hỗ trợ chèn trang tính từ tệp (cần ExcelApi 1.13).', 'This Excel cannot insert sheets from a file (needs ExcelApi 1.13).'));
    return this.run(async (ctx) => {
      const wb = ctx.workbook;
      const olds = opts.sheets.map((s) => {
        const w = wb.worksheets.getItemOrNullObject(s);
        w.load('name');
        return w;
      });
      const oldNames = opts.names.map((n) => {
        const item = wb.names.getItemOrNullObject(n.name);
        item.load('name');
        return item;
      });
      await ctx.sync(); // 1: what to replace
      for (const n of oldNames) if (!n.isNullObject) n.delete();
      const stamp = Date.now() % 100000;
      olds.forEach((w, i) => {
        if (w.isNullObject) return;
        w.name = `~${i}~${stamp}`;
        w.visibility = 'Hidden';
      });
      wb.insertWorksheetsFromBase64(base64, { positionType: 'End' });
      for (const w of olds) if (!w.isNullObject) w.delete();
      if (opts.activate) wb.worksheets.getItem(opts.activate).activate();
      const after = opts.names.map((n) => {
        const item = wb.names.getItemOrNullObject(n.name);
        item.load('name');
        return item;
      });
      await ctx.sync(); // 2: inserted
      // Hosts differ on whether workbook names travel with inserted sheets: define the missing ones.
      let missing = 0;
      opts.names.forEach((n, i) => {
        if (!after[i].isNullObject) return;
        missing++;
        wb.names.add(n.name, wb.worksheets.getItem(n.sheet).getRange(n.address));
      });
      if (missing) await ctx.sync(); // 3
    });
  }

  select(sheet: string, address: string): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync(); // 1
    });
  }

  watch(sheet: string, handler: (e: ChangeEvent) => void): Promise<() => Promise<void>> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const reg = ws.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        handler({ sheet, address: e.address });
      });
      await ctx.sync(); // 1
      return async () => {
        await this.excel.run(reg.context, async (c) => {
          reg.remove();
          await c.sync();
        });
      };
    });
  }

  /** Every batch goes through here so Office errors become bilingual messages. */
  private async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (e) {
      throw toHostError(e);
    }
  }
}

/** Outer edges always; inside edges only where the range has more than one row / column. */
export function edgesOf(address: string): Array<(typeof EDGES)[number]> {
  const [a, b] = address.split(':');
  const m1 = /^([A-Z]*)(\d*)$/.exec(a);
  const m2 = b ? /^([A-Z]*)(\d*)$/.exec(b) : m1;
  const multiRow = !!b && m1?.[2] !== m2?.[2];
  const multiCol = !!b && m1?.[1] !== m2?.[1];
  return EDGES.filter((e) => (e === 'InsideHorizontal' ? multiRow : e === 'InsideVertical' ? multiCol : true));
}

function validationRule(v: ValidationRule): Excel.DataValidationRule {
  if (v.type === 'list') return { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
  if (v.type === 'custom') return { custom: { formula: `=${v.formula ?? 'TRUE'}` } };
  const basic: Excel.BasicDataValidation =
    v.max === undefined
      ? { formula1: v.min ?? 0, operator: 'GreaterThanOrEqualTo' }
      : { formula1: v.min ?? 0, formula2: v.max, operator: 'Between' };
  return v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
}

function toSheetData(sheet: string, top: number, left: number, values: unknown[][], formulas: unknown[][], numberFormat: unknown[][]): SheetData {
  const norm = (v: unknown): HostValue => (v === '' || v === undefined ? null : (v as HostValue));
  return {
    sheet,
    top,
    left,
    rowCount: values.length,
    colCount: values[0]?.length ?? 0,
    values: values.map((r) => r.map(norm)),
    formulas: formulas.map((r) => r.map(norm)),
    numberFormat: numberFormat.map((r) => r.map((f) => String(f ?? 'General'))),
    merges: [],
  };
}

/** "Sheet1!A1:B2, 'My sheet'!C3:D3" -> boxes. */
export function parseAreas(address: string): SheetData['merges'] {
  const out: SheetData['merges'] = [];
  for (const part of address.split(',')) {
    const ref = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim().toUpperCase());
    if (!m) continue;
    const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const top = Number(m[2]);
    const left = col(m[1]);
    out.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left });
  }
  return out;
}

const OFFICE_ERRORS: Record<string, [string, string]> = {
  AccessDenied: ['Excel từ chối thao tác (trang tính đang được bảo vệ hoặc sổ làm việc ở chế độ chỉ đọc).', 'Excel refused the operation (the sheet is protected or the workbook is read-only).'],
  InvalidOperation: ['Excel không cho phép thao tác này lúc này (có thể một ô đang được sửa).', 'Excel does not allow this operation now (a cell may be in edit mode).'],
  ItemNotFound: ['Không tìm thấy trang tính hoặc vùng cần dùng.', 'The sheet or range was not found.'],
  RequestPayloadSizeLimitExceeded: ['Dữ liệu quá lớn cho một lần gửi tới Excel.', 'The data is too large for one request to Excel.'],
};

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: string; message?: string };
  const known = err?.code ? OFFICE_ERRORS[err.code] : undefined;
  const detail = [err?.code, err?.message].filter(Boolean).join(': ');
  if (known) return new HostError(known[0], known[1], detail);
  return new HostError('Excel báo lỗi khi thực hiện thao tác.', 'Excel reported an error while doing this.', detail || String(e));
}
