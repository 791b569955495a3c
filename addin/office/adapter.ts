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
import type { InsertOptions, InsertOutcome } from '../host/types';
import { toHostError } from './errors';
import { failed, look, swapSheets, SwapError, type Before } from './swap';
import { slideFormula } from '../../engine/workbook/xlsx-read';
import { queueHiddenLines } from './hidden-lines';

export { toHostError } from './errors';

/** The part of the Excel namespace the adapter uses (tests pass an office-addin-mock object). */
export interface ExcelLike {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * ExcelApi the pane needs: 1.7 (worksheet events, visibility and freeze panes 1.7, named item formulas
 * 1.7, named items 1.4, protection 1.2), so that volume-licensed Office 2019 lists the add-in. Higher
 * sets are checked at run time: data validation 1.8, cell properties / several areas / print setup 1.9,
 * insertWorksheetsFromBase64 and merged areas 1.13.
 */
export const MIN_EXCEL_API = '1.7';
/** ExcelApi of Excel's own data validation in the template (the pane validates as the user types anyway). */
export const VALIDATION_EXCEL_API = '1.8';
/** ExcelApi of Worksheet.pageLayout (print area, title rows, paper, orientation). */
export const PRINT_EXCEL_API = '1.9';
/** Cells read in one sync: values, formulas and number formats of 10 000 cells stay far below 5 MB. */
export const READ_CHUNK_CELLS = 10_000;
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
    dataValidation: req.isSetSupported('ExcelApi', VALIDATION_EXCEL_API),
    cellProperties: req.isSetSupported('ExcelApi', '1.9'),
    printSetup: req.isSetSupported('ExcelApi', PRINT_EXCEL_API),
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
      used.load('address,rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden');
      await ctx.sync(); // 1: the size, so a huge sheet is refused before its cells travel
      if (used.rowCount * used.columnCount > MAX_READ_CELLS)
        throw new HostError(
          `Trang tính "${ws.name}" quá lớn để đọc (${used.rowCount} hàng × ${used.columnCount} cột).`,
          `Sheet "${ws.name}" is too large to read (${used.rowCount} rows × ${used.columnCount} columns).`,
        );
      const top = used.rowIndex + 1;
      const left = used.columnIndex + 1;
      const merged = this.caps.insertFromBase64 ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address'); // travels with the first band
      const hidden = queueHiddenLines(ws, used, top, left, used.rowCount, used.columnCount); // so do hidden rows/columns
      const data = await this.readChunks(ctx, ws, top, left, used.rowCount, used.columnCount, true); // 2..: every cell, 10 000 at a time
      if (merged && !merged.isNullObject) data.merges = parseAreas(merged.address);
      const lines = hidden();
      if (lines.rows.length) data.hiddenRows = lines.rows;
      if (lines.cols.length) data.hiddenCols = lines.cols;
      data.sheet = ws.name;
      return data;
    });
  }

  /**
   * A rectangle read in bands of rows, one sync each, so that no response reaches Excel on the web's
   * 5 MB limit (ResponsePayloadSizeLimitExceeded). One band for any sheet up to READ_CHUNK_CELLS cells.
   */
  private async readChunks(
    ctx: Excel.RequestContext,
    ws: Excel.Worksheet,
    top: number,
    left: number,
    rows: number,
    cols: number,
    withProps: boolean,
  ): Promise<SheetData> {
    const band = Math.max(1, Math.floor(READ_CHUNK_CELLS / Math.max(1, cols)));
    const values: unknown[][] = [];
    const formulas: unknown[][] = [];
    const formats: unknown[][] = [];
    const bold: boolean[][] = [];
    const indent: number[][] = [];
    const props = withProps && this.caps.cellProperties;
    for (let r = 0; r < rows; r += band) {
      const n = Math.min(band, rows - r);
      const range = ws.getRangeByIndexes(top - 1 + r, left - 1, n, cols);
      range.load('values,formulas,numberFormat');
      const p = props ? range.getCellProperties({ format: { font: { bold: true }, indentLevel: true } }) : null;
      await ctx.sync();
      values.push(...range.values);
      formulas.push(...range.formulas);
      formats.push(...range.numberFormat);
      if (p) {
        bold.push(...p.value.map((row) => row.map((c) => Boolean(c.format?.font?.bold))));
        indent.push(...p.value.map((row) => row.map((c) => c.format?.indentLevel ?? 0)));
      }
    }
    const data = toSheetData('', top, left, values, formulas, formats);
    if (props) {
      data.bold = bold;
      data.indent = indent;
    }
    return data;
  }

  readRange(sheet: string, address: string): Promise<SheetData | null> {
    return this.run(async (ctx) => {
      const [b] = parseAreas(address);
      if (!b) throw new HostError(`Địa chỉ vùng không hợp lệ: ${address}.`, `Invalid range address: ${address}.`);
      const ws = ctx.workbook.worksheets.getItem(sheet);
      try {
        const data = await this.readChunks(ctx, ws, b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1, false); // 1 per 10 000 cells
        data.sheet = sheet;
        return data;
      } catch (e) {
        if ((e as { code?: string }).code === 'ItemNotFound') return null;
        throw e;
      }
    });
  }

  renderSheets(layouts: SheetLayout[]): Promise<void> {
    return this.run(async (ctx) => {
      await this.replaceWith(ctx, layouts);
    });
  }

  /**
   * Replace same-named sheets by `layouts` in the order of addin/office/swap.ts (look, build, link,
   * retire; any failure restores the workbook). 4 syncs.
   */
  private async replaceWith(ctx: Excel.RequestContext, layouts: SheetLayout[], before?: Before): Promise<string[]> {
    const wb = ctx.workbook;
    const names = layouts.flatMap((l) => (l.names ?? []).map((n) => ({ ...n, sheet: l.sheet })));
    const seen = before ?? (await look(ctx, names.map((n) => n.name))); // 1
    return swapSheets(ctx, seen, {
      sheets: layouts.map((l) => l.sheet),
      build: () => {
        for (const l of layouts) this.queueLayout(wb, l);
      },
      link: () => {
        for (const n of names) wb.names.add(n.name, wb.worksheets.getItem(n.sheet).getRange(n.address));
        for (const l of layouts) if (l.activate) wb.worksheets.getItem(l.sheet).activate();
      },
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
      const names = layouts.flatMap((l) => (l.names ?? []).map((n) => n.name));
      const before = await look(ctx, names); // 1: which of these sheet names exist
      const wanted = new Set(layouts.map((l) => l.sheet));
      const existing = before.sheets.filter((w) => wanted.has(w.name));
      if (existing.length) {
        const marks = existing.map((w) => {
          const m = wb.worksheets.getItem(w.id).names.getItemOrNullObject(marker);
          m.load('name');
          return m;
        });
        await ctx.sync().catch((e: unknown) => {
          throw failed(toHostError(e), 'look', []); // 2: which of them are ours (nothing changed yet)
        });
        const foreign = existing.filter((_, i) => marks[i].isNullObject).map((w) => w.name);
        if (foreign.length)
          throw new HostError(
            `Sổ làm việc đã có trang ${foreign.map((n) => `"${n}"`).join(', ')} không do phần bổ trợ tạo. Hãy đổi tên trang đó rồi tổng hợp lại; phần bổ trợ không ghi đè trang của bạn.`,
            `The workbook already has the sheet(s) ${foreign.map((n) => `"${n}"`).join(', ')}, not made by the add-in. Rename them and consolidate again; the add-in never overwrites your sheets.`,
          );
      }
      const replaced = await this.replaceWith(ctx, layouts.map((l) => ({ ...l, marker })), before);
      return { replaced };
    });
  }

  updateSheets(edits: SheetEdit[]): Promise<void> {
    return this.run(async (ctx) => {
      for (const e of edits) {
        const ws = ctx.workbook.worksheets.getItem(e.sheet);
        const many = (a: string) => this.areas(ws, a);
        if (e.unprotect) ws.protection.unprotect();
        for (const n of e.numberFormats ?? []) ws.getRange(n.address).numberFormat = n.formats;
        for (const b of e.blocks ?? []) {
          const range = ws.getRange(b.address);
          if (b.numberFormat) range.numberFormat = b.numberFormat;
          range.formulas = b.cells.map((r) => r.map((c) => (c === null ? '' : c))) as unknown[][];
        }
        for (const f of e.formats ?? []) this.queueFormat(ws, f);
        for (const m of e.merges ?? []) ws.getRange(m).merge(false);
        for (const a of e.locked ?? []) for (const r of many(a)) r.format.protection.locked = true;
        for (const a of e.unlocked ?? []) for (const r of many(a)) r.format.protection.locked = false;
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
    const many = (a: string) => this.areas(ws, a);

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
    for (const v of this.caps.dataValidation ? (layout.validation ?? []) : []) {
      const dv = ws.getRange(v.address).dataValidation;
      dv.clear();
      dv.rule = validationRule(v);
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title.slice(0, 32), message: v.prompt.message.slice(0, 255) };
      if (v.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title.slice(0, 32), message: v.error.message.slice(0, 255) };
    }
    for (const c of layout.conditional ?? []) this.queueConditional(ws, c);
    for (const a of layout.unlocked ?? []) for (const r of many(a)) r.format.protection.locked = false;
    if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
    if (layout.print && this.caps.printSetup) {
      ws.pageLayout.orientation = layout.print.landscape ? 'Landscape' : 'Portrait';
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.setPrintArea(layout.print.area);
      ws.pageLayout.setPrintTitleRows(layout.print.titleRows);
    }
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

  /** Several areas ("D9,D12:D14") as one RangeAreas (ExcelApi 1.9), or as one Range per area before. */
  private areas(ws: Excel.Worksheet, address: string): Array<Excel.Range | Excel.RangeAreas> {
    if (!address.includes(',')) return [ws.getRange(address)];
    if (this.caps.cellProperties) return [ws.getRanges(address)];
    return address.split(',').map((a) => ws.getRange(a.trim()));
  }

  private queueConditional(ws: Excel.Worksheet, c: ConditionalRule): void {
    if (c.address.includes(',') && !this.caps.cellProperties) {
      // Before ExcelApi 1.9 a rule spans one range: one rule per area, its formula slid from the first area.
      const parts = c.address.split(',').map((a) => a.trim());
      const [first] = parseAreas(parts[0]);
      for (const part of parts) {
        const [b] = parseAreas(part);
        const formula = `=${slideFormula(c.formula.replace(/^=/, ''), { row: first.top, col: first.left }, { row: b.top, col: b.left })}`;
        this.queueConditional(ws, { ...c, address: part, formula });
      }
      return;
    }
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

  /**
   * The template file inserted with insertWorksheetsFromBase64 (ExcelApi 1.13) in a batch of its own; when
   * the host lacks it or refuses the file, the same sheets are written cell by cell from `fallback`.
   */
  async insertWorkbook(base64: string, opts: InsertOptions): Promise<InsertOutcome> {
    if (!this.caps.insertFromBase64) {
      await this.renderSheets(opts.fallback);
      return { how: 'cells', reason: 'api' };
    }
    try {
      await this.run(async (ctx) => {
        const wb = ctx.workbook;
        const before = await look(ctx, opts.names.map((n) => n.name)); // 1
        await swapSheets(ctx, before, {
          sheets: opts.sheets,
          build: async () => {
            await ctx.sync(); // the old sheets set aside first: the file's sheets keep their own names
            wb.insertWorksheetsFromBase64(base64, { positionType: 'End' });
          },
          link: async () => {
            const after = opts.names.map((n) => {
              const item = wb.names.getItemOrNullObject(n.name);
              item.load('name');
              return item;
            });
            await ctx.sync();
            // Hosts differ on whether workbook names travel with inserted sheets: define the missing ones.
            opts.names.forEach((n, i) => {
              if (after[i].isNullObject) wb.names.add(n.name, wb.worksheets.getItem(n.sheet).getRange(n.address));
            });
            for (const s of opts.veryHidden ?? []) wb.worksheets.getItem(s).visibility = 'VeryHidden';
            if (opts.activate) wb.worksheets.getItem(opts.activate).activate();
          },
        });
      });
      return { how: 'base64' };
    } catch (e) {
      // The workbook is as it was (swapSheets restored it); the cell path does not depend on the file.
      const cause = toHostError(e);
      if (!(e instanceof SwapError) || !e.restored) throw cause;
      await this.renderSheets(opts.fallback);
      return { how: 'cells', reason: 'refused', detail: cause.detail ?? cause.en };
    }
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
