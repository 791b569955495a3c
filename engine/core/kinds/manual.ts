import type { CriterionKind } from './types';

/** Manual entry (nhập điểm trực tiếp): the user types the points, 0..max on the step grid. */
export const manual: CriterionKind = {
  name: 'manual',
  roles: ['base'],
  schema: {},
  compile(def, ctx) {
    const key = ctx.id;
    return {
      entries: [{ key, criterion: ctx.id, label: def.text, type: 'number', min: 0, max: ctx.max, step: ctx.step, blankIsZero: false }],
      uses: [],
      score: (values) => (values.get(key) as number | null) ?? null,
    };
  },
};
