"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deduction = void 0;
/**
 * Deduction item (điểm trừ): the points taken off are entered (as in the familiar table), a multiple of
 * `perOccurrence` when given (e.g. "trừ 1 điểm/lần"); blank means none. `disqualifies` lists the awards a
 * non-zero deduction bars (e.g. a disciplined member bars the Cờ thi đua); the ranking reads it.
 */
exports.deduction = {
    name: 'deduction',
    roles: ['deduction'],
    schema: {
        perOccurrence: { type: 'number', exclusiveMinimum: 0, description: 'Điểm trừ mỗi lần vi phạm' },
        disqualifies: { type: 'array', items: { type: 'string' }, description: 'Danh hiệu không được xét khi bị trừ điểm mục này' },
    },
    compile(def, ctx) {
        const key = ctx.id;
        const per = typeof def.perOccurrence === 'number' ? def.perOccurrence : undefined;
        return {
            entries: [
                {
                    key,
                    criterion: ctx.id,
                    label: def.text,
                    type: 'number',
                    min: 0,
                    max: typeof def.max === 'number' ? def.max : undefined,
                    step: per ?? ctx.step,
                    blankIsZero: true,
                },
            ],
            uses: [],
            score: (values) => values.get(key) ?? 0,
        };
    },
};
