/**
 * The exceljs-based reading the engine used before engine/workbook/xlsx-read.ts, kept ONLY as the
 * reference of the differential test (test/workbook/xlsx-read.test.ts): same grids, cell by cell.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/core/kinds/types';
import { Problem, problem } from '../../engine/core/problems';
import type { Grid, GridCell } from '../../engine/core/grid';
import { FILE_LIMITS } from '../../engine/workbook/open';

/** Load with exceljs and convert every worksheet, plus the data validations exceljs sees. */
export async function exceljsRead(
  bytes: Uint8Array,
  file: string,
): Promise<{ grids: Grid[]; validations: Record<string, Record<string, { type?: string; formulae?: unknown[] }>>; problems: Problem[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const problems: Problem[] = [];
  const grids: Grid[] = [];
  const validations: Record<string, Record<string, { type?: string; formulae?: unknown[] }>> = {};
  workbook.eachSheet((ws) => {
    const g = worksheetToGrid(ws, file, problems);
    if (g) grids.push(g);
    validations[ws.name] = (ws as unknown as { dataValidations: { model: Record<string, { type?: string; formulae?: unknown[] }> } }).dataValidations.model;
  });
  return { grids, validations, problems };
}

/** Dense copy of a worksheet's cells (bounded), with formulas, bold, indent, errors and dates kept. */
export function worksheetToGrid(ws: ExcelJS.Worksheet, file: string, problems: Problem[]): Grid | null {
  const rowCount = Math.min(ws.actualRowCount ? ws.rowCount : 0, FILE_LIMITS.maxRows);
  if (ws.rowCount > FILE_LIMITS.maxRows)
    problems.push(problem('sheet_too_large', { rows: ws.rowCount, limit: FILE_LIMITS.maxRows }, { file, sheet: ws.name }));
  const colCount = Math.min(ws.columnCount, FILE_LIMITS.maxCols);
  const rows: GridCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.findRow(r);
    const out: GridCell[] = [];
    if (row)
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > colCount) return;
        out[c - 1] = toGridCell(cell);
      });
    rows.push(out);
  }
  const merges = Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {}).map(
    (m) => m.model,
  );
  return {
    sheet: ws.name,
    rowCount,
    colCount,
    cell: (r, c) => rows[r - 1]?.[c - 1],
    merges,
    hidden: ws.state !== 'visible',
  };
}

function toGridCell(cell: ExcelJS.Cell): GridCell {
  const v = cell.value as unknown;
  const style: Partial<GridCell> = {};
  if (cell.font?.bold) style.bold = true;
  if (cell.alignment?.indent) style.indent = cell.alignment.indent;
  const clip = (s: string) => (s.length > FILE_LIMITS.maxCellChars ? s.slice(0, FILE_LIMITS.maxCellChars) : s);
  if (v === null || v === undefined) return { value: null, ...style };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, ...style };
  if (typeof v === 'string') return { value: clip(v), ...style };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), isDate: true, ...style };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      // exceljs drops falsy cached results (0, false, "") from cell.value; cell.result keeps them.
      const res = (o.result ?? (cell as unknown as { result?: unknown }).result) as unknown;
      const formula = String(o.formula ?? cell.formula ?? o.sharedFormula ?? '');
      if (res && typeof res === 'object' && 'error' in (res as object)) return { value: null, formula, error: String((res as { error: string }).error), ...style };
      return { value: (res instanceof Date ? res.toISOString() : (res as CellValue)) ?? null, formula, ...style };
    }
    if ('error' in o) return { value: null, error: String(o.error), ...style };
    if ('richText' in o) return { value: clip((o.richText as Array<{ text: string }>).map((t) => t.text).join('')), ...style };
    if ('text' in o) return { value: clip(String(o.text)), ...style };
  }
  return { value: clip(String(v)), ...style };
}
