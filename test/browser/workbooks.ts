/**
 * Real workbooks for the browser tests: the project's `thidua demo` writes seven filled school workbooks
 * (self-assessment and inspection versions); a generated .xlsx is turned into the simulated host's
 * workbook (cells, formulas, number formats, merges, unlocked cells, protection, visibility, names), and
 * the simulated workbook back into the engine's Grids to read it as `thidua check` would.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Grid, GridCell } from '../../engine/core/grid';
import { ROOT } from './build';

/** Run `thidua demo` into a fresh folder (about 2 s). */
export function demoFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-demo-'));
  execFileSync(process.execPath, [path.join(ROOT, 'bin/thidua.js'), 'demo', '-o', dir], { stdio: 'ignore' });
  return dir;
}

type SimCell = { value: string | number | boolean | null; formula?: string; numberFormat?: string };
export interface SimSheetConfig {
  name: string;
  cells: Array<[string, SimCell]>;
  merges: string[];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  unlocked: string[];
}

/** An .xlsx as the simulated host's workbook. */
export async function simWorkbookFromXlsx(file: string): Promise<{ sheets: SimSheetConfig[]; names: Array<[string, { sheet: string; address: string }]> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheets: SimSheetConfig[] = [];
  wb.eachSheet((ws) => {
    const cells: Array<[string, SimCell]> = [];
    const unlocked: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const numFmt = cell.numFmt || undefined;
        if (cell.protection?.locked === false) unlocked.push(cell.address);
        const f = cell.formula;
        if (f) cells.push([cell.address, { value: null, formula: `=${f}`, numberFormat: numFmt }]);
        else {
          const v = cell.value;
          const value = v === null || v === undefined ? null : typeof v === 'object' ? cell.text : (v as string | number | boolean);
          if (value !== null || numFmt) cells.push([cell.address, { value, numberFormat: numFmt }]);
        }
      }),
    );
    const model = ws.model as unknown as { merges?: string[] };
    sheets.push({
      name: ws.name,
      cells,
      merges: model.merges ?? [],
      visibility: ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible',
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      unlocked,
    });
  });
  const names: Array<[string, { sheet: string; address: string }]> = [];
  for (const n of (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model) {
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(n.ranges[0] ?? '');
    if (m) names.push([n.name, { sheet: m[1].replace(/''/g, "'"), address: `${m[2]}${m[3]}` }]);
  }
  return { sheets, names };
}

/** The simulated workbook (dump) as Grids, formulas included, for the engine's template reader. */
export function gridsOf(dump: { sheets: Array<{ name: string; cells: Array<[string, SimCell]> }> }): Grid[] {
  return dump.sheets.map((s) => {
    const at = new Map<string, GridCell>();
    let rows = 0;
    let cols = 0;
    for (const [a, c] of s.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const row = Number(m[2]);
      rows = Math.max(rows, row);
      cols = Math.max(cols, col);
      at.set(`${row},${col}`, c.formula ? { value: null, formula: c.formula.slice(1) } : { value: c.value });
    }
    return { sheet: s.name, rowCount: rows, colCount: cols, cell: (r: number, c: number) => at.get(`${r},${c}`), merges: [] };
  });
}
