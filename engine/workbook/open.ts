/**
 * Opening an .xlsx safely: the bytes are sniffed and the zip directory is checked (sizes, ratio, required
 * parts) before exceljs inflates anything, then every sheet becomes a Grid. Works on bytes, so the CLI
 * and the add-in share it.
 */
import ExcelJS from 'exceljs';
import { unzip, type UnzipFileInfo } from 'fflate';
import JSZip from 'jszip';
import type { CellValue } from '../core/kinds/types';
import { Problem, problem } from '../core/problems';
import type { Grid, GridCell } from '../core/grid';

export const FILE_LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxEntryRatio: 200,
  maxEntries: 5000,
  maxRows: 20000,
  maxCols: 200,
  maxCellChars: 32767,
};

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  grids: Grid[];
}

/** Identify what the bytes are before trusting the extension. */
export function sniff(bytes: Uint8Array): 'zip' | 'ole2' | 'text' | 'empty' | 'unknown' {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole2';
  const head = bytes.subarray(0, Math.min(512, bytes.length));
  if (head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127) || b >= 128)) return 'text';
  return 'unknown';
}

/** List the zip's entries without inflating them (fflate's filter sees sizes first). */
function zipDirectory(bytes: Uint8Array): Promise<UnzipFileInfo[]> {
  return new Promise((resolve, reject) => {
    const seen: UnzipFileInfo[] = [];
    try {
      unzip(bytes, { filter: (f) => (seen.push(f), false) }, (err) => (err ? reject(err) : resolve(seen)));
    } catch (e) {
      reject(e);
    }
  });
}

export async function openWorkbook(bytes: Uint8Array, file: string): Promise<{ opened?: OpenedWorkbook; problems: Problem[] }> {
  const fail = (code: 'not_xlsx' | 'file_unreadable' | 'file_too_large' | 'zip_bomb' | 'encrypted_or_xls' | 'ods_given', detail: Record<string, unknown> = {}) => ({
    problems: [problem(code, detail, { file })],
  });
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    return fail('file_too_large', { size: Math.round(bytes.length / 1048576), limit: FILE_LIMITS.maxFileBytes / 1048576 });
  const kind = sniff(bytes);
  if (kind === 'ole2') return fail('encrypted_or_xls');
  if (kind !== 'zip') return fail('not_xlsx', { detail: kind === 'empty' ? 'empty file / tệp rỗng' : kind === 'text' ? 'text file (CSV?) / tệp văn bản (CSV?)' : 'unknown format / định dạng lạ' });

  let entries: UnzipFileInfo[];
  try {
    entries = await zipDirectory(bytes);
  } catch (e) {
    return fail('not_xlsx', { detail: `corrupt zip / zip hỏng: ${(e as Error).message}` });
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && !names.has('xl/workbook.xml')) return fail('ods_given');
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
    return fail('not_xlsx', { detail: 'zip without xl/workbook.xml / zip không chứa xl/workbook.xml' });
  if (entries.length > FILE_LIMITS.maxEntries) return fail('zip_bomb', { detail: `${entries.length} entries` });
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    const ratio = e.size > 0 ? e.originalSize / e.size : e.originalSize > 0 ? Infinity : 0;
    if (e.originalSize > 1024 * 1024 && ratio > FILE_LIMITS.maxEntryRatio)
      return fail('zip_bomb', { detail: `${e.name}: ratio ${Math.round(ratio)}:1` });
  }
  if (total > FILE_LIMITS.maxUncompressedBytes) return fail('zip_bomb', { detail: `${Math.round(total / 1048576)} MB uncompressed` });

  // exceljs unzips without checking CRC-32, so a damaged byte inside a compressed part could change a
  // score silently; verify every part first.
  try {
    await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    return fail('not_xlsx', { detail: `corrupt zip / zip hỏng: ${String((e as Error).message ?? e).slice(0, 120)}` });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return fail('not_xlsx', { detail: `exceljs: ${String((e as Error).message ?? e).slice(0, 200)}` });
  }
  const problems: Problem[] = [];
  const grids: Grid[] = [];
  workbook.eachSheet((ws) => {
    const g = worksheetToGrid(ws, file, problems);
    if (g) grids.push(g);
  });
  return { opened: { workbook, grids }, problems };
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
