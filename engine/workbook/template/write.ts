/**
 * Render a template plan (engine/core/template/plan.ts) with exceljs: styles like an official document,
 * data validation, conditional formats, protection with only the entry cells unlocked, the instructions
 * sheet, A4 print setup, defined names, and the very hidden sheet carrying the criteria set.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CompiledSet } from '../../core/compile';
import {
  CellKind,
  NUM_FMT,
  PlanCell,
  PlanRow,
  planTemplate,
  RowKind,
  TemplateOptions,
  TemplatePlan,
} from '../../core/template/plan';
import { cellFontPt, textIndent, type SheetPrint } from '../../core/template/print';

const FONT = 'Times New Roman';
const COLORS = {
  header: 'FFD9E1F2',
  section: 'FFDDEBF7',
  group: 'FFF2F2F2',
  open: 'FFFFFFE0',
  computed: 'FFF2F2F2',
  locked: 'FFF7F7F7',
  total: 'FFE2EFDA',
  grand: 'FFC6E0B4',
  missing: 'FFFFEB9C',
  invalid: 'FFFFC7CE',
  evidence: 'FFFCE4D6',
  border: 'FF808080',
};

const thin = { style: 'thin' as const, color: { argb: COLORS.border } };
const BOX: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const TABLE_ROWS: RowKind[] = ['header', 'section', 'group', 'leaf', 'item', 'total', 'grand-total', 'indicator', 'derived', 'indicators-head'];

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** The look of one cell from its row kind, cell kind and whether it is open for entry. */
function styleCell(cell: ExcelJS.Cell, row: PlanRow, c: PlanCell): void {
  const k: CellKind = c.kind;
  // Sizes from the plan's print layout (row heights are computed from them).
  const font: Partial<ExcelJS.Font> = { name: FONT, size: cellFontPt(row.kind, k) };
  const al: Partial<ExcelJS.Alignment> = { vertical: 'middle', wrapText: true };
  let bg: string | undefined;
  const bold = row.kind === 'section' || row.kind === 'group' || row.kind === 'total' || row.kind === 'grand-total';
  switch (k) {
    case 'org':
      Object.assign(font, { bold: true });
      al.horizontal = 'center';
      break;
    case 'motto':
      Object.assign(font, { bold: true, underline: true });
      al.horizontal = 'center';
      break;
    case 'title':
      Object.assign(font, { bold: true });
      al.horizontal = 'center';
      break;
    case 'subtitle':
      Object.assign(font, { italic: true });
      al.horizontal = 'center';
      break;
    case 'label':
      font.bold = true;
      al.horizontal = 'right';
      al.wrapText = false;
      break;
    case 'meta-value':
      font.bold = true;
      al.horizontal = 'left';
      if (c.open) bg = COLORS.open;
      break;
    case 'header':
      Object.assign(font, { bold: true });
      al.horizontal = 'center';
      bg = COLORS.header;
      break;
    case 'number':
      al.horizontal = 'center';
      font.bold = bold;
      break;
    case 'text':
      font.bold = bold;
      if (row.kind === 'item') font.italic = true;
      if (textIndent(row)) al.indent = textIndent(row);
      break;
    case 'max':
      al.horizontal = 'center';
      font.bold = bold;
      break;
    case 'entry':
      al.horizontal = 'center';
      bg = c.open ? COLORS.open : COLORS.locked;
      if (!c.open) font.color = { argb: 'FF404040' };
      break;
    case 'score':
      al.horizontal = 'center';
      font.bold = bold || row.kind === 'leaf';
      bg = COLORS.computed;
      break;
    case 'evidence':
    case 'remark':
      if (c.open) bg = COLORS.open;
      break;
    case 'key':
      // Hidden, never printed: not wrapped (a wrapped hidden cell still puts its letters in a PDF).
      Object.assign(font, { color: { argb: 'FF808080' } });
      al.wrapText = false;
      break;
    case 'note':
      Object.assign(font, { italic: true });
      al.horizontal = 'center';
      break;
    case 'signature':
      font.bold = true;
      al.horizontal = 'center';
      break;
  }
  if (row.kind === 'section' && !bg) bg = COLORS.section;
  if (row.kind === 'total' && !c.open) bg = COLORS.total;
  if (row.kind === 'grand-total') bg = COLORS.grand;
  if (row.kind === 'indicators-head') (bg = COLORS.section), (al.horizontal = 'left');
  cell.font = font;
  cell.alignment = al;
  if (bg) cell.fill = fill(bg);
  if (TABLE_ROWS.includes(row.kind) && k !== 'key') cell.border = BOX;
  if (c.numFmt) cell.numFmt = NUM_FMT[c.numFmt];
}

function toValidation(c: PlanCell): ExcelJS.DataValidation | undefined {
  const v = c.validation;
  if (!v) return undefined;
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  if (v.type === 'list') return { ...common, type: 'list', formulae: [`"${(v.list ?? []).join(',')}"`] };
  if (v.type === 'custom') return { ...common, type: 'custom', formulae: [v.formula ?? 'TRUE'] };
  if (v.operator === 'between') return { ...common, type: v.type as 'decimal' | 'whole', operator: 'between', formulae: [v.min ?? 0, v.max ?? 0] };
  return { ...common, type: v.type as 'decimal' | 'whole', operator: 'greaterThanOrEqual', formulae: [v.min ?? 0] };
}

/**
 * A4 at the plan's explicit scale (fit to one page wide, checked to keep 8 pt), its orientation, print
 * area and repeated header rows.
 */
function pageSetupOf(p: SheetPrint): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: false,
    scale: p.scale,
    horizontalCentered: true,
    printArea: p.area,
    ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
    margins: { ...p.margins },
  };
}

/** Build the exceljs workbook of a plan. */
export async function renderTemplate(plan: TemplatePlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  wb.lastModifiedBy = 'thidua';
  wb.title = plan.meta.criteriaSetId;
  wb.created = plan.meta.generatedAt ? new Date(plan.meta.generatedAt) : new Date(0);
  wb.modified = wb.created;
  // Excel and LibreOffice recompute every formula when the file is opened (no cached values are written).
  wb.calcProperties = { fullCalcOnLoad: true };

  const ws = wb.addWorksheet(plan.sheetName, {
    properties: { defaultRowHeight: 15, tabColor: { argb: 'FF2F5597' } },
    views: [{ state: 'frozen', xSplit: 0, ySplit: plan.headerRow, topLeftCell: `A${plan.headerRow + 1}`, activeCell: plan.unlocked[0] ?? 'A1' }],
    pageSetup: pageSetupOf(plan.print),
    headerFooter: { oddFooter: plan.print.footer },
  });
  for (const c of plan.columns) {
    const col = ws.getColumn(c.col);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  }

  for (const row of plan.rows) {
    const xr = ws.getRow(row.row);
    if (row.height) xr.height = row.height;
    if (row.outlineLevel) xr.outlineLevel = row.outlineLevel;
    for (const c of row.cells) {
      const cell = ws.getCell(c.address);
      if (c.formula !== undefined) cell.value = { formula: c.formula } as ExcelJS.CellFormulaValue;
      else if (c.value !== undefined && c.value !== null && c.value !== '') cell.value = c.value; // strings are written as text, never formulas
      styleCell(cell, row, c);
      cell.protection = { locked: !c.open, hidden: false };
      const dv = toValidation(c);
      if (dv) cell.dataValidation = dv;
      if (c.note) cell.note = { texts: [{ text: c.note, font: { name: FONT, size: 10 } }], margins: { insetmode: 'auto' }, protection: { locked: 'True', lockText: 'True' }, editAs: 'absolute' } as ExcelJS.Comment;
    }
    for (const c of row.cells) if (c.mergeTo) ws.mergeCells(`${c.address}:${c.mergeTo}`);
  }

  // A page break below the row before each one the plan starts a page with.
  for (const r of plan.print.breaksBefore) ws.getRow(r - 1).addPageBreak();

  for (const cf of plan.conditionalFormats) {
    const bg = cf.style === 'cf-missing' ? COLORS.missing : cf.style === 'cf-invalid' ? COLORS.invalid : COLORS.evidence;
    ws.addConditionalFormatting({
      ref: cf.ranges.join(' '),
      rules: [
        {
          type: 'expression',
          priority: cf.priority,
          formulae: [cf.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } }, font: cf.style === 'cf-invalid' ? { color: { argb: 'FF9C0006' }, bold: true } : undefined },
        },
      ],
    });
  }

  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);

  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    formatCells: false,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
    objects: true,
  });

  // Instructions.
  const gp = plan.print.instructions;
  const guide = wb.addWorksheet(plan.instructionsSheetName, {
    properties: { tabColor: { argb: 'FF70AD47' } },
    pageSetup: pageSetupOf(gp),
    headerFooter: { oddFooter: gp.footer },
  });
  guide.getColumn(1).width = gp.width;
  plan.instructions.forEach((line, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = line.text;
    cell.font = { name: FONT, size: line.kind === 'title' ? 14 : 12, bold: line.kind !== 'text' };
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: line.kind === 'title' ? 'center' : 'left' };
    guide.getRow(i + 1).height = gp.heights[i];
  });
  await guide.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  // The criteria set and its hash, out of sight.
  const hidden = wb.addWorksheet(plan.embedded.sheetName, { state: 'veryHidden' });
  for (const c of plan.embedded.cells) hidden.getCell(c.address).value = c.value;
  hidden.getColumn(1).width = 16;
  hidden.getColumn(2).width = 80;
  await hidden.protect('', { selectLockedCells: false, selectUnlockedCells: false });

  // Open on the scoring sheet.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** The template's bytes, from a compiled set and options. */
export async function writeTemplate(set: CompiledSet, opts: TemplateOptions): Promise<{ bytes: Uint8Array; plan: TemplatePlan }> {
  const plan = planTemplate(set, opts);
  const wb = await renderTemplate(plan);
  return { bytes: await templateBytes(wb, plan), plan };
}

/**
 * The workbook's bytes, with the rows where text is typed later (evidence, remarks: the plan's autoFit
 * rows) left free to grow: exceljs marks every row with a height as custom, and Excel and LibreOffice
 * never grow a custom row when text is typed, so the typed evidence would be cut in print.
 */
export async function templateBytes(wb: ExcelJS.Workbook, plan: TemplatePlan): Promise<Uint8Array> {
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const grow = new Set(plan.rows.filter((r) => r.autoFit && r.height).map((r) => String(r.row)));
  if (!grow.size) return bytes;
  const parts = unzipSync(bytes);
  // The scoring sheet is the first one exceljs writes.
  const name = 'xl/worksheets/sheet1.xml';
  const xml = strFromU8(parts[name]);
  parts[name] = strToU8(xml.replace(/<row r="(\d+)"([^>]*?) customHeight="1"/g, (m, r: string, rest: string) => (grow.has(r) ? `<row r="${r}"${rest}` : m)));
  return zipSync(parts, { level: 6 });
}
