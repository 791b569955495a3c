"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bonus = void 0;
/**
 * Bonus item (điểm thưởng): entered like a manual score, 0..max, but a blank means no bonus; the
 * section's cap is applied by the kernel.
 */
exports.bonus = {
    name: 'bonus',
    roles: ['bonus'],
    schema: {},
    compile(def, ctx) {
        const key = ctx.id;
        return {
            entries: [{ key, criterion: ctx.id, label: def.text, type: 'number', min: 0, max: ctx.max, step: ctx.step, blankIsZero: true }],
            uses: [],
            score: (values) => values.get(key) ?? 0,
        };
    },
};
