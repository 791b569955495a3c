import type { CriterionKind } from './types';

/**
 * Bonus item (điểm thưởng): entered like a manual score, 0..max, but a blank means no bonus; the
 * section's cap is applied by the kernel.
 */
export const bonus: CriterionKind = {
  name: 'bonus',
  roles: ['bonus'],
  schema: {},
  compile(def, ctx) {
    const key = ctx.id;
    return {
      entries: [{ key, criterion: ctx.id, label: def.text, type: 'number', min: 0, max: ctx.max, step: ctx.step, blankIsZero: true }],
      uses: [],
      score: (values) => (values.get(key) as number | null) ?? 0,
    };
  },
};
