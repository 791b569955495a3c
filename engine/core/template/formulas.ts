/**
 * The score formulas of a template (pass 2 of planTemplate in ./plan.ts): computed criteria wrapped
 * like evaluate.ts, group and section sums over counted entry values, the capped bonus, deductions and
 * the total. Also the SUM builder and the formula text helpers the plan uses.
 */
import type { CompiledSet } from '../compile';
import { address } from '../grid';
import { excelCounted, excelValid } from '../entry-rule';
import { SCORE_COL, type RowLayout } from './layout';
import type { ScoreColumn, TemplatePlan } from './plan-types';

/** Clamp to 0..max and round down to the step, exactly as evaluate.ts treats computed points. */
export function wrapComputed(raw: string, max: number, step: number, guards: string[]): string {
  const bounded = `MAX(0,MIN(${max},${raw}))`;
  const stepped = step > 0 ? `ROUND(ROUNDDOWN(${bounded}/${step}+1E-9,0)*${step},3)` : `ROUND(${bounded},3)`;
  const guarded = guards.length ? `IF(AND(${guards.join(',')}),${stepped},0)` : stepped;
  return `IFERROR(${guarded},0)`;
}

/** SUM over score cells (or expressions), merging runs of consecutive rows into ranges and staying under 255 arguments. */
export function sumOf(cells: string[]): string {
  if (!cells.length) return '0';
  const args: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const m = /^([A-Z]+)(\d+)$/.exec(cells[i]);
    if (!m) {
      // An expression (an entry cell's counted value), summed as it is.
      args.push(cells[i++]);
      continue;
    }
    let j = i;
    while (j + 1 < cells.length) {
      const n = /^([A-Z]+)(\d+)$/.exec(cells[j + 1]);
      if (!n || n[1] !== m[1] || Number(n[2]) !== Number(m[2]) + (j + 1 - i)) break;
      j++;
    }
    args.push(j > i ? `${cells[i]}:${cells[j]}` : cells[i]);
    i = j + 1;
  }
  const chunk = (a: string[]): string => (a.length <= 200 ? `SUM(${a.join(',')})` : `SUM(${chunks(a, 200).map((c) => chunk(c)).join(',')})`);
  return chunk(args);
}

export function chunks<T>(a: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
  return out;
}

export const quoteSheet = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');

/** Entry cell address by column and entry key (the self and inspected columns). */
export function entryCells(set: CompiledSet, layout: RowLayout): TemplatePlan['entries'] {
  const { entryRow } = layout;
  const at = (row: number, col: number) => address(row, col);
  const entries: TemplatePlan['entries'] = { self: {}, inspected: {} };
  for (const c of ['self', 'inspected'] as ScoreColumn[])
    for (const spec of set.entries) entries[c][spec.key] = at(entryRow.get(spec.key)!, SCORE_COL[c]);
  return entries;
}

/** Pass 2: the score cell and formula of every node and total, and the inputs of computed criteria. */
export function planScores(
  set: CompiledSet,
  layout: RowLayout,
  entries: TemplatePlan['entries'],
): { scores: TemplatePlan['scores']; computedInputs: Map<string, string[]> } {
  const { nodeRow, indicatorRow, totalRows } = layout;
  const at = (row: number, col: number) => address(row, col);
  const indicatorCell = (c: ScoreColumn, id: string) => at(indicatorRow.get(id)!, SCORE_COL[c]);

  // ---- pass 2: score formulas
  const scores: TemplatePlan['scores'] = { self: {}, inspected: {} };
  const computedInputs = new Map<string, string[]>();
  for (const c of ['self', 'inspected'] as ScoreColumn[]) {
    for (const leaf of set.leaves) {
      const cell = at(nodeRow.get(leaf.id)!, SCORE_COL[c]);
      if (!leaf.computed || !leaf.impl.excel) {
        scores[c][leaf.id] = { address: cell, node: leaf.id };
        continue;
      }
      const guards: string[] = [];
      const used: string[] = [];
      const raw = leaf.impl.excel((key) => {
        const spec = set.entryByKey.get(key);
        if (key.startsWith('@') && !spec) {
          // A derived indicator: its cell shows "" until it can be computed.
          const a = indicatorCell(c, key.slice(1));
          if (!used.includes(key)) (used.push(key), guards.push(`ISNUMBER(${a})`));
          return a;
        }
        const a = entries[c][key];
        if (!spec || !a) return '#REF!';
        if (spec.type === 'flag') return excelCounted(a, spec);
        if (!used.includes(key)) (used.push(key), guards.push(...excelValid(a, spec)));
        return a;
      });
      computedInputs.set(leaf.id, used);
      scores[c][leaf.id] = { address: cell, node: leaf.id, formula: wrapComputed(raw, leaf.max ?? 0, leaf.step, guards) };
    }
    // What a node counts in its parent's sum: a score cell, or for an entry that is its own score cell
    // (manual, bonus, deduction) the entry's counted value, so that invalid entries count 0 as in the engine.
    const termOf = (id: string): string => {
      const s = scores[c][id];
      const spec = s.formula === undefined ? set.entryByKey.get(id) : undefined;
      return spec && spec.criterion === id ? excelCounted(s.address, spec) : s.address;
    };
    for (let i = set.nodes.length - 1; i >= 0; i--) {
      const n = set.nodes[i];
      if (n.isLeaf) continue;
      const sum = sumOf(n.childIds.map(termOf));
      // Capped sections, as the engine caps them: bonus MIN(cap, sum); a deduction with a cap likewise.
      const capped = n.depth === 0 && (n.role === 'bonus' || (n.role === 'deduction' && n.cap !== undefined));
      const formula = capped ? `MIN(${n.cap ?? n.max ?? 0},${sum})` : sum;
      scores[c][n.id] = { address: at(nodeRow.get(n.id)!, SCORE_COL[c]), node: n.id, formula };
    }
    // A section that is a single leaf (deductions may be) is summed as it is.
    const byRole = (role: string) =>
      sumOf(set.sections.filter((s) => s.role === role).map((s) => (s.isLeaf && s.role !== 'base' && s.cap !== undefined ? `MIN(${s.cap},${termOf(s.id)})` : termOf(s.id))));
    const col = SCORE_COL[c];
    scores[c].base = { node: 'base', address: at(totalRows.base, col), formula: byRole('base') };
    scores[c].bonus = { node: 'bonus', address: at(totalRows.bonus, col), formula: byRole('bonus') };
    scores[c].penalty = { node: 'penalty', address: at(totalRows.penalty, col), formula: byRole('deduction') };
    scores[c].total = {
      node: 'total',
      address: at(totalRows.total, col),
      formula: `${at(totalRows.base, col)}+${at(totalRows.bonus, col)}-${at(totalRows.penalty, col)}`,
    };
  }
  return { scores, computedInputs };
}
