/**
 * One pipeline for every workbook: open safely -> pick the layout -> read entries -> evaluate with the
 * kernel -> compare the workbook's own formulas with the recomputation. Bytes in, report out: used by
 * the CLI (check, score, rank, demo) and by the add-in.
 */
import { CompiledSet, evaluate, Evaluation, Problem, problem, toMilli } from '../core';
import type { RankSource } from '../core/rank/ranking';
import { pickLayout } from './layouts';
import type { WorkbookFigure } from './layouts/types';
import { openWorkbook } from './open';
import './layouts/register';

/** A workbook read and scored: what the ranking needs (RankSource) plus the workbook's own figures. */
export interface ScoredWorkbook extends RankSource {
  figures: WorkbookFigure[];
  /** Inspectors' remarks as read (for discrepancy reports). */
  remarks: Record<string, string>;
}

export async function scoreWorkbook(bytes: Uint8Array, opts: { file: string; criteria?: CompiledSet }): Promise<ScoredWorkbook> {
  const file = opts.file;
  const empty: ScoredWorkbook = { file, set: null, criteriaSet: null, evaluation: null, figures: [], remarks: {}, problems: [] };
  const { opened, problems } = await openWorkbook(bytes, file);
  if (!opened) return { ...empty, problems };
  const input = { file, grids: opened.grids, validations: opened.validations, criteria: opts.criteria };
  const layout = pickLayout(input);
  if (!layout) {
    const hint = opts.criteria ? '' : ' (--criteria?)';
    return { ...empty, problems: [...problems, problem('no_layout', { hint }, { file })] };
  }
  const read = layout.read(input);
  const all = [...problems, ...read.problems];
  const set = read.set;
  const result: ScoredWorkbook = {
    ...empty,
    unit: read.meta.unit ?? read.submission?.unit,
    year: read.meta.year,
    cluster: read.meta.cluster,
    layout: layout.name,
    provenance:
      layout.name === 'template'
        ? {
            mode: read.meta.mode ?? 'self',
            ...(read.meta.selfHash ? { selfHash: read.meta.selfHash } : {}),
            ...(read.meta.mode === 'inspection' ? { team: read.meta.team ?? '', date: read.meta.inspectedOn ?? '', from: read.meta.fromFile ?? '' } : {}),
          }
        : { mode: 'familiar' },
    set,
    criteriaSet: set ? { id: set.id, hash: set.hash } : null,
    figures: read.figures,
    remarks: Object.fromEntries(
      Object.entries(read.submission?.remarks ?? {}).map(([k, v]) => [k, String((v && typeof v === 'object' ? v.value : v) ?? '')]),
    ),
    problems: all,
  };
  if (!set || !read.submission) return result;
  const evaluation = evaluate(set, { ...read.submission, file });
  result.evaluation = evaluation;
  all.push(...evaluation.problems, ...compareFigures(evaluation, read.figures, file));
  result.problems = all.map((p) => {
    let q = p.file ? p : { ...p, file };
    if (!q.cell && q.criterion && read.cellOf) {
      const at = read.cellOf(q.criterion, q.column ?? 'self');
      if (at) q = { ...q, sheet: at.sheet, cell: at.cell };
    }
    return q;
  });
  return result;
}

/** Where the workbook's own formulas give a different figure than the recomputation, say so. */
export function compareFigures(ev: Evaluation, figures: WorkbookFigure[], file: string): Problem[] {
  const out: Problem[] = [];
  for (const f of figures) {
    const col = f.column === 'self' ? ev.self : ev.inspected;
    if (!col || f.value === null) continue;
    const engine =
      f.node === 'total' ? col.total : f.node === 'base' ? col.base : f.node === 'bonus' ? col.bonus : f.node === 'penalty' ? col.penalty : col.nodes[f.node];
    if (engine === null || engine === undefined) continue;
    // A familiar table may write its deductions negative (-5): the same deduction as the engine's 5.
    const deduction = f.node === 'penalty' || col.sections.some((s) => s.id === f.node && s.role === 'deduction');
    if (toMilli(engine) === toMilli(f.value) || (deduction && toMilli(engine) === -toMilli(f.value))) continue;
    const at = { file, sheet: f.sheet, cell: f.cell, criterion: f.node, column: f.column };
    out.push(problem('formula_disagrees', { workbook: f.value, engine, formula: f.formula }, at));
    if (f.signed) out.push(problem('signed_total_differs', { workbook: f.value, engine }, at));
  }
  return out;
}
