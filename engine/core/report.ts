/**
 * The JSON contract of the command line (see DESIGN.md): shapes built from evaluations. Pure, so the
 * add-in shows exactly what the CLI prints.
 */
import type { ColumnScore, Evaluation } from './evaluate';
import type { Lang } from './i18n';
import { localize, Problem } from './problems';

export interface ColumnReport {
  total: number;
  base: number;
  bonus: number;
  penalty: number;
  sections: Array<{ id: string; score: number; max: number | null }>;
  filled: number;
  expected: number;
}

export interface ScoreReport {
  file: string;
  unit: string | null;
  year: number | null;
  layout: string | null;
  criteriaSet: { id: string; hash: string } | null;
  self: ColumnReport | null;
  inspected: ColumnReport | null;
  final: { total: number; source: 'inspected' | 'self' } | null;
  disqualifications: Evaluation['disqualifications'];
  problems: Problem[];
}

export function columnReport(c: ColumnScore | null): ColumnReport | null {
  if (!c) return null;
  return {
    total: c.total,
    base: c.base,
    bonus: c.bonus,
    penalty: c.penalty,
    sections: c.sections.map((s) => ({ id: s.id, score: s.score, max: s.max })),
    filled: c.filled,
    expected: c.expected,
  };
}

export function scoreReport(
  r: {
    file: string;
    unit?: string;
    year?: number;
    layout?: string;
    criteriaSet?: { id: string; hash: string } | null;
    evaluation: Evaluation | null;
    problems: Problem[];
  },
  lang: Lang,
): ScoreReport {
  const ev = r.evaluation;
  return {
    file: r.file,
    unit: r.unit ?? null,
    year: r.year ?? null,
    layout: r.layout ?? null,
    criteriaSet: r.criteriaSet ?? null,
    self: columnReport(ev?.self ?? null),
    inspected: columnReport(ev?.inspected ?? null),
    final: ev?.final ?? null,
    disqualifications: ev?.disqualifications ?? [],
    problems: localize(r.problems, lang),
  };
}
