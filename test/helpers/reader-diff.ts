/**
 * The direct reader (openWorkbook) against the exceljs-based reading it replaced, as one list of
 * differences: problems, sheets, counts, merges, every cell (value, formula, error, date, bold, indent)
 * and data validations. Used by the reader's differential tests.
 */
import { address, type Grid } from '../../engine/core';
import { FILE_LIMITS, openWorkbook } from '../../engine/workbook/open';
import { validationsByAddress } from '../../engine/workbook/xlsx-read';
import { exceljsRead } from './exceljs-grid';

type Diff = [string, string, unknown, unknown];

/** Everything that differs between two readings of the same bytes (empty when equal). */
export async function differences(bytes: Uint8Array, file: string): Promise<Diff[]> {
  const want = await exceljsRead(bytes, file);
  const { opened, problems } = await openWorkbook(bytes, file);
  const diffs: Diff[] = [];
  if (!opened) return [[file, 'open', 'opened', problems.map((p) => p.code)]];
  const pc = (ps: typeof problems) => ps.map((p) => `${p.code}:${p.sheet ?? ''}`);
  if (JSON.stringify(pc(want.problems)) !== JSON.stringify(pc(problems))) diffs.push([file, 'problems', pc(want.problems), pc(problems)]);
  const names = (gs: Grid[]) => gs.map((g) => g.sheet);
  if (JSON.stringify(names(want.grids)) !== JSON.stringify(names(opened.grids))) return [[file, 'sheets', names(want.grids), names(opened.grids)]];
  want.grids.forEach((w, i) => {
    const g = opened.grids[i];
    const at = (what: string) => `${w.sheet}!${what}`;
    for (const k of ['rowCount', 'colCount', 'hidden'] as const) if (w[k] !== g[k]) diffs.push([file, at(k), w[k], g[k]]);
    if (JSON.stringify(w.merges.map((m) => [m.top, m.left, m.bottom, m.right])) !== JSON.stringify(g.merges.map((m) => [m.top, m.left, m.bottom, m.right])))
      diffs.push([file, at('merges'), w.merges, g.merges]);
    for (let r = 1; r <= Math.max(w.rowCount, g.rowCount) + 1; r++)
      for (let c = 1; c <= Math.max(w.colCount, g.colCount) + 1; c++) {
        const a = w.cell(r, c);
        const b = g.cell(r, c);
        if (!sameCell(a, b)) diffs.push([file, at(address(r, c)), a, b]);
      }
    // Validations: exceljs' {type, formulae} per address, within what a grid can hold.
    const norm = (m: Record<string, { type?: string; formulae?: unknown[] }> | undefined) => {
      const out: Record<string, unknown> = {};
      for (const [addr, v] of Object.entries(m ?? {})) {
        const p = /^([A-Z]+)(\d+)$/.exec(addr);
        if (p && (Number(p[2]) > FILE_LIMITS.maxRows || p[1].length > 2)) continue;
        out[addr] = { type: v.type, formulae: v.formulae?.map((f) => (f instanceof Date ? f.toISOString() : f)) };
      }
      return out;
    };
    const vw = norm(want.validations[w.sheet]);
    const vg = norm(validationsByAddress(opened.validations[w.sheet]));
    if (JSON.stringify(vw) !== JSON.stringify(vg)) diffs.push([file, at('validations'), vw, vg]);
  });
  return diffs;
}

export function sameCell(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)));
  return JSON.stringify(strip(a as Record<string, unknown>)) === JSON.stringify(strip(b as Record<string, unknown>)) && Object.is((a as { value: unknown }).value, (b as { value: unknown }).value);
}

