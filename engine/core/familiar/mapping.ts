/**
 * The column mapping of a familiar table: parsed from `--columns "number=A,text=B,max=C,self=D,
 * inspected=E,evidence=F,remark=G"` (Vietnamese names welcome: "tt=A,noi dung=B,diem chuan=C,tu cham=D,
 * tham dinh=E"), and saved with the criteria set (`familiarLayout`) so filled copies are read exactly
 * as the blank was: same sheet, header row and columns, and the import's warnings carried along.
 */
import { columnLetter, columnNumber } from '../grid';
import type { FamiliarLayoutDef } from '../model';
import { problem, type Problem } from '../problems';
import { roleByName } from './roles';
import type { ColumnMapping, TableColumns, TableLocation } from './table';
import type { ColumnRole } from './vocabulary';

/** "number=A, text=B, tự chấm=D" -> columns by role; every part that cannot be read is an error. */
export function parseColumns(text: string): { columns: TableColumns; problems: Problem[] } {
  const columns: TableColumns = {};
  const problems: Problem[] = [];
  for (const part of text.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*[=:]\s*([A-Za-z]{1,3})$/.exec(part);
    const role = m ? roleByName(m[1]) : undefined;
    if (!m || !role) {
      problems.push(problem('familiar_columns_invalid', { part }));
      continue;
    }
    const col = columnNumber(m[2]);
    if (col < 1 || col > 200) problems.push(problem('familiar_columns_invalid', { part }));
    else columns[role] = col;
  }
  return { columns, problems };
}

/** The mapping a saved layout stands for. */
export function mappingOf(saved: FamiliarLayoutDef | undefined): ColumnMapping & { sheet?: string } {
  if (!saved) return {};
  const columns: TableColumns = {};
  for (const [role, letter] of Object.entries(saved.columns ?? {})) if (letter) columns[role as ColumnRole] = columnNumber(letter);
  return { sheet: saved.sheet, headerRow: saved.headerRow, columns };
}

/** What to save with the criteria set: where the table was and how each column was found. */
export function layoutOf(table: TableLocation, carried: Problem[]): FamiliarLayoutDef {
  const columns: Record<string, string> = {};
  for (const [r, c] of Object.entries(table.columns)) if (c !== undefined) columns[r] = columnLetter(c);
  const found: Record<string, string> = {};
  for (const [r, how] of Object.entries(table.how)) if (how) found[r] = how;
  const def: FamiliarLayoutDef = { sheet: table.sheet, headerRow: table.headerTop, columns, found };
  if (carried.length)
    def.warnings = carried.slice(0, 200).map((p) => ({
      code: p.code,
      ...(p.sheet ? { sheet: p.sheet } : {}),
      ...(p.cell ? { cell: p.cell } : {}),
      vi: p.messages.vi,
      en: p.messages.en,
    }));
  return def;
}

/** The import's warnings, told again when a filled copy is read with the set (at the copy's cells). */
export function carriedWarnings(saved: FamiliarLayoutDef | undefined, file: string | undefined, fresh: Problem[]): Problem[] {
  const seen = new Set(fresh.map((p) => `${p.code}@${p.cell ?? ''}`));
  return (saved?.warnings ?? [])
    .filter((w) => !seen.has(`${w.code}@${w.cell ?? ''}`))
    .map((w) => problem('familiar_import_note', { vi: w.vi, en: w.en, code: w.code }, { file, sheet: w.sheet, cell: w.cell }));
}
