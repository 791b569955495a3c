import type { CriterionKind } from './types';

/**
 * Deduction item (điểm trừ). `entry` says what the row takes: `points` (the points taken off, as in the
 * familiar table: a multiple of `perOccurrence` when given, e.g. "trừ 1 điểm/lần") or `cases` (the
 * number of cases, số lần; each counts `perOccurrence` points). Blank means none. `disqualifies` lists
 * the awards a non-zero deduction bars (e.g. a disciplined member bars the Cờ thi đua); the ranking
 * reads it.
 */
export const deduction: CriterionKind = {
  name: 'deduction',
  roles: ['deduction'],
  schema: {
    perOccurrence: { type: 'number', exclusiveMinimum: 0, description: 'Điểm trừ mỗi lần vi phạm' },
    entry: {
      enum: ['cases', 'points'],
      description: 'Ô nhập ghi số lần vi phạm (cases, cần perOccurrence) hoặc số điểm bị trừ (points, mặc định)',
    },
    disqualifies: { type: 'array', items: { type: 'string' }, description: 'Danh hiệu không được xét khi bị trừ điểm mục này' },
  },
  compile(def, ctx) {
    const key = ctx.id;
    const per = typeof def.perOccurrence === 'number' && def.perOccurrence > 0 ? def.perOccurrence : undefined;
    const max = typeof def.max === 'number' ? def.max : undefined;
    const cases = def.entry === 'cases';
    if (cases && per === undefined)
      ctx.report(ctx.problem('tiers_invalid', { id: ctx.id, detail: 'entry: cases needs perOccurrence / ghi số lần cần perOccurrence (số điểm trừ mỗi lần)' }));
    const perCase = per ?? 1;
    const spec = cases
      ? {
          key,
          criterion: ctx.id,
          label: def.text,
          type: 'number' as const,
          min: 0,
          max: max === undefined ? undefined : Math.floor(max / perCase + 1e-9),
          integer: true,
          blankIsZero: true,
          unit: 'cases' as const,
          pointsPerUnit: perCase,
          negativeDeducts: true,
        }
      : { key, criterion: ctx.id, label: def.text, type: 'number' as const, min: 0, max, step: per ?? ctx.step, blankIsZero: true, unit: 'points' as const, negativeDeducts: true };
    return {
      entries: [spec],
      uses: [],
      score: (values) => ((values.get(key) as number | null) ?? 0) * (spec.pointsPerUnit ?? 1),
    };
  },
};
