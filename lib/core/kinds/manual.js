"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.manual = void 0;
/** Manual entry (nhập điểm trực tiếp): the user types the points, 0..max on the step grid. */
exports.manual = {
    name: 'manual',
    roles: ['base'],
    schema: {},
    compile(def, ctx) {
        const key = ctx.id;
        return {
            entries: [{ key, criterion: ctx.id, label: def.text, type: 'number', min: 0, max: ctx.max, step: ctx.step, blankIsZero: false }],
            uses: [],
            score: (values) => values.get(key) ?? null,
        };
    },
};
