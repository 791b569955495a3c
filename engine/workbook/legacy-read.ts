/**
 * Old and other formats: `.xls` (Excel 97-2003, BIFF in an OLE2 container) and `.ods` (OpenDocument),
 * read into the same Grids as `.xlsx` with SheetJS (the `@e965/xlsx` mirror of SheetJS 0.20.3, which has
 * the fixes for CVE-2023-30533 and CVE-2024-22363 that the frozen `xlsx` 0.18.5 lacks): never a
 * hand-written BIFF or ODS parser. The same limits as `.xlsx` apply (file size checked by the caller,
 * rows, columns and cell text here). Values, cached formula results and formula text, merges, hidden
 * sheets, rows and columns are kept; bold and indent are not read from these formats (the familiar
 * importer then places unnumbered rows by numbering and capitals only, and says so).
 * (Imported statically by open.ts: a dynamic import() does not resolve under the tsx-run CLI.)
 */
import * as XLSX from '@e965/xlsx';
import type { Grid, GridCell } from '../core/grid';
import { problem, type Problem } from '../core/problems';
import { FILE_LIMITS } from './xlsx-read';
import { decodeRefs } from './xml-plain';

export type LegacyFormat = 'xls' | 'ods';


/**
 * SheetJS reports what it could not parse on the console (console.error), which would reach the user's
 * terminal unexplained. Its notes are caught while it reads and returned as warnings naming the file,
 * except those about number formats: values are read raw (`v`) here, never through a format.
 */
function quietly<T>(read: () => T): { value: T; notes: string[] } {
  const notes: string[] = [];
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const note = (...args: unknown[]) => void notes.push(args.map(String).join(' '));
  console.error = console.warn = console.log = note;
  try {
    return { value: read(), notes: notes.filter((n) => !/number format/i.test(n)) };
  } finally {
    Object.assign(console, saved);
  }
}

/** Grids of an .xls or .ods, or the problem that stopped the reading (never a stack trace). */
export function readLegacy(bytes: Uint8Array, file: string, format: LegacyFormat): { grids?: Grid[]; problems: Problem[] } {
  let wb: XLSX.WorkBook;
  let notes: string[];
  try {
    ({ value: wb, notes } = quietly(() =>
      XLSX.read(bytes, { type: 'array', cellFormula: true, cellDates: false, cellNF: false, cellStyles: false, sheetRows: FILE_LIMITS.maxRows + 1, WTF: false }),
    ));
  } catch (e) {
    const msg = String((e as Error)?.message ?? e);
    // An OLE2 file SheetJS cannot read is password-protected (an encrypted .xlsx is OLE2 too) or damaged.
    if (format === 'xls') return { problems: [problem('encrypted_or_xls', { detail: msg.slice(0, 160) }, { file })] };
    return { problems: [problem('ods_given', { detail: msg.slice(0, 160) }, { file })] };
  }
  const problems: Problem[] = [];
  const grids: Grid[] = [];
  const meta = wb.Workbook?.Sheets ?? [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) {
      grids.push({ sheet: name, rowCount: 0, colCount: 0, cell: () => undefined, merges: [], hidden: !!meta[i]?.Hidden });
      return;
    }
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rowCount = Math.min(range.e.r + 1, FILE_LIMITS.maxRows);
    const colCount = Math.min(range.e.c + 1, FILE_LIMITS.maxCols);
    if (range.e.r + 1 > FILE_LIMITS.maxRows || range.e.c + 1 > FILE_LIMITS.maxCols) {
      problems.push(problem('not_xlsx', { detail: `${name}: ${range.e.r + 1} × ${range.e.c + 1} > ${FILE_LIMITS.maxRows} × ${FILE_LIMITS.maxCols}` }, { file, sheet: name }));
      return;
    }
    const rows: Array<Array<GridCell | undefined>> = [];
    for (let r = 0; r < rowCount; r++) {
      const out: Array<GridCell | undefined> = [];
      for (let c = 0; c < colCount; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell) continue;
        const g: GridCell = { value: null };
        if (cell.t === 'e') g.error = cell.w ?? '#ERROR';
        else if (cell.t === 'n' || cell.t === 'b') g.value = cell.v as number | boolean;
        else if (cell.t === 's' || cell.t === 'd') g.value = typeof cell.v === 'string' ? cell.v.slice(0, FILE_LIMITS.maxCellChars) : String(cell.w ?? cell.v ?? '');
        if (cell.f) g.formula = cell.f.replace(/^=/, '');
        if (g.value === null && !g.formula && !g.error) continue;
        out[c] = g;
      }
      rows.push(out);
    }
    const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }));
    // Cells inside a merge carry the top-left value, as the .xlsx reader gives them.
    for (const m of merges)
      for (let r = m.top; r <= Math.min(m.bottom, rowCount); r++)
        for (let c = m.left; c <= Math.min(m.right, colCount); c++)
          if (r > m.top || c > m.left) (rows[r - 1] ??= [])[c - 1] = rows[m.top - 1]?.[m.left - 1] ? { value: rows[m.top - 1][m.left - 1]!.value } : { value: null };
    const hiddenRows = new Set<number>();
    (ws['!rows'] ?? []).forEach((r, k) => r?.hidden && hiddenRows.add(k + 1));
    const hiddenCols = new Set<number>();
    (ws['!cols'] ?? []).forEach((c, k) => c?.hidden && hiddenCols.add(k + 1));
    grids.push({
      sheet: name,
      rowCount,
      colCount,
      cell: (r, c) => rows[r - 1]?.[c - 1],
      merges,
      hidden: !!meta[i]?.Hidden,
      ...(hiddenRows.size ? { hiddenRows } : {}),
      ...(hiddenCols.size ? { hiddenCols } : {}),
    });
  });
  if (problems.length) return { problems };
  const unique = [...new Set(notes)];
  return { grids, problems: unique.slice(0, 10).map((n) => problem('legacy_reader_note', { detail: (decodeRefs(n) ?? n).slice(0, 160) }, { file })) };
}
