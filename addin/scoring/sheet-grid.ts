/**
 * A sheet read through the host as the engine's Grid (1-based sheet coordinates), so the familiar
 * importer runs on the active sheet exactly as the command line runs it on a file.
 */
import type { Grid, GridCell } from '../../engine/core/grid';
import type { SheetData } from '../host/types';

const DATE_FORMAT = /(^|[^"\\])([dmy]{1,4}[/\-. ][dmy]{1,4})|yyyy|dd\/|mm\/|\[\$-/i;
const ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|BUSY!)/;

export function gridOf(data: SheetData): Grid {
  const cell = (row: number, col: number): GridCell | undefined => {
    const r = row - data.top;
    const c = col - data.left;
    if (r < 0 || c < 0 || r >= data.rowCount || c >= data.colCount) return undefined;
    const value = data.values[r]?.[c] ?? null;
    const f = data.formulas[r]?.[c];
    const out: GridCell = { value };
    if (typeof f === 'string' && f.startsWith('=')) out.formula = f.slice(1);
    if (typeof value === 'string' && ERROR.test(value) && out.formula) {
      out.error = value;
      out.value = null;
    }
    if (typeof value === 'number' && DATE_FORMAT.test(data.numberFormat[r]?.[c] ?? '')) out.isDate = true;
    if (data.bold?.[r]?.[c]) out.bold = true;
    const indent = data.indent?.[r]?.[c];
    if (indent) out.indent = indent;
    return out;
  };
  return {
    sheet: data.sheet,
    rowCount: data.top + data.rowCount - 1,
    colCount: data.left + data.colCount - 1,
    cell,
    merges: data.merges,
    // Hidden rows and columns never take part in an import (the same warning as on the command line).
    ...(data.hiddenRows?.length ? { hiddenRows: new Set(data.hiddenRows) } : {}),
    ...(data.hiddenCols?.length ? { hiddenCols: new Set(data.hiddenCols) } : {}),
  };
}
