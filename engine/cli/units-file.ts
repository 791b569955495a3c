/**
 * The list of units for `thidua template --units FILE`: a text file with one unit a line (blank lines
 * and lines starting with # skipped), or a column of a workbook's first visible sheet: the column whose
 * heading says unit/school (Đơn vị, Tên đơn vị, Trường, Unit, School), or the one given with
 * `--units-column`. The column chosen and its heading are said, never guessed silently; duplicates and
 * names that cannot be a unit are refused with their line or cell.
 */
import * as path from 'path';
import { address, cellText, columnLetter, columnNumber, fold, problem, Problem } from '../core';
import { openWorkbook } from '../workbook/open';
import { readInput, UsageError } from './context';
import { collisionKey } from './file-names';

export const MAX_UNIT_CHARS = 200;
const HEADING = /^(ten )?(don vi|truong|co so)( chinh tri)?$|^(unit|school)( name)?$/;

export interface UnitsList {
  units: string[];
  /** What was read, for the user: "schools.xlsx, sheet Danh sách, column B (Tên đơn vị), rows 2-61". */
  source: string;
}

const bad = (detail: string) => new UsageError([problem('bad_option', { option: '--units', detail })]);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;

/** Check one unit name; `where` names its line or cell. */
function checkUnit(name: string, where: string): string | null {
  if (CONTROL.test(name)) return `${where}: ký tự điều khiển trong tên / control character in the name`;
  if (name.length > MAX_UNIT_CHARS) return `${where}: tên quá dài (tối đa ${MAX_UNIT_CHARS} ký tự) / name too long (${MAX_UNIT_CHARS} characters at most)`;
  return null;
}

/** Refuse duplicates (same name but for case or spacing) with both places. */
export function checkUnits(items: Array<{ name: string; where: string }>): string[] {
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const { name, where } of items) {
    const e = checkUnit(name, where);
    if (e) errors.push(e);
    const key = collisionKey(name.replace(/\s+/g, ' '));
    const first = seen.get(key);
    if (first) errors.push(`${where}: "${name}" trùng với ${first} / duplicates ${first}`);
    else seen.set(key, where);
  }
  return errors;
}

export async function readUnitsFile(file: string, column?: string): Promise<UnitsList> {
  const bytes = readInput(file);
  const items = path.extname(file).toLowerCase() === '.xlsx' ? await fromWorkbook(bytes, file, column) : { ...fromText(bytes, file), source: file };
  if (!items.list.length) throw bad(`${file}: không có đơn vị nào / no units in it`);
  const errors = checkUnits(items.list);
  if (errors.length) throw new UsageError(errors.slice(0, 20).map((detail) => problem('bad_option', { option: '--units', detail }, { file })));
  return { units: items.list.map((i) => i.name), source: items.source };
}

function fromText(bytes: Uint8Array, file: string): { list: Array<{ name: string; where: string }> } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bad(`${file}: không phải văn bản UTF-8 / not UTF-8 text`);
  }
  const list: Array<{ name: string; where: string }> = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((line, i) => {
      const name = line.trim();
      if (name && !name.startsWith('#')) list.push({ name: name.normalize('NFC'), where: `${path.basename(file)}:${i + 1}` });
    });
  return { list };
}

async function fromWorkbook(bytes: Uint8Array, file: string, column?: string): Promise<{ list: Array<{ name: string; where: string }>; source: string }> {
  const { opened, problems } = await openWorkbook(bytes, file);
  if (!opened) throw new UsageError(problems as Problem[]);
  const grid = opened.grids.find((g) => !g.hidden);
  if (!grid) throw bad(`${file}: không có trang nào / no visible sheet`);
  let col: number | undefined;
  let headRow = 0;
  if (column !== undefined) {
    if (!/^[A-Za-z]{1,3}$/.test(column)) throw new UsageError([problem('bad_option', { option: '--units-column', detail: 'A, B, C…' })]);
    col = columnNumber(column.toUpperCase());
    // A heading in the given column is skipped when it reads as one.
    for (let r = 1; r <= Math.min(grid.rowCount, 10) && !headRow; r++) if (HEADING.test(fold(cellText(grid.cell(r, col))))) headRow = r;
  } else {
    for (let r = 1; r <= Math.min(grid.rowCount, 10) && col === undefined; r++)
      for (let c = 1; c <= Math.min(grid.colCount, 30); c++)
        if (HEADING.test(fold(cellText(grid.cell(r, c))))) {
          col = c;
          headRow = r;
          break;
        }
    if (col === undefined)
      throw bad(
        `${file}: không thấy cột "Tên đơn vị" / "Đơn vị" / "Trường" trong trang "${grid.sheet}"; chỉ rõ bằng --units-column B / no "Unit" or "School" heading found in sheet "${grid.sheet}"; name the column with --units-column B`,
      );
  }
  const list: Array<{ name: string; where: string }> = [];
  for (let r = headRow + 1; r <= grid.rowCount; r++) {
    const name = cellText(grid.cell(r, col)).trim();
    if (name) list.push({ name: name.normalize('NFC'), where: `${grid.sheet}!${address(r, col)}` });
  }
  const heading = headRow ? ` (${cellText(grid.cell(headRow, col))})` : '';
  const rows = list.length ? `, ${list[0].where.split('!')[1]}…${list[list.length - 1].where.split('!')[1]}` : '';
  return { list, source: `${path.basename(file)}, "${grid.sheet}", ${columnLetter(col)}${heading}${rows}` };
}
