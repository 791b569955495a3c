"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tiers = void 0;
/**
 * Tiers (thang mức): a measured value (a percentage, a count) falls in a band that gives fixed points,
 * e.g. >= 90% -> 10, >= 70% -> 7, else 0. The value is an entry of the criterion, or an indicator when
 * `indicator` names one.
 */
exports.tiers = {
    name: 'tiers',
    roles: ['base', 'bonus'],
    schema: {
        indicator: { type: 'string', description: 'Chỉ số dùng để xếp mức (mặc định: nhập trực tiếp)' },
        valueLabel: { type: 'string', description: 'Tên giá trị nhập, ví dụ "Tỷ lệ (%)"' },
        tiers: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                required: ['min', 'points'],
                additionalProperties: false,
                properties: { min: { type: 'number' }, points: { type: 'number', minimum: 0 } },
            },
        },
    },
    compile(def, ctx) {
        const bands = (Array.isArray(def.tiers) ? def.tiers : []).slice().sort((a, b) => b.min - a.min);
        if (!bands.length)
            ctx.report(ctx.problem('tiers_invalid', { id: ctx.id, detail: 'no tiers / chưa có mức nào' }));
        for (let i = 1; i < bands.length; i++)
            if (bands[i].min === bands[i - 1].min)
                ctx.report(ctx.problem('tiers_invalid', { id: ctx.id, detail: `two tiers start at ${bands[i].min} / hai mức cùng bắt đầu từ ${bands[i].min}` }));
        const indicator = typeof def.indicator === 'string' ? def.indicator : undefined;
        if (indicator && !ctx.indicators.has(indicator))
            ctx.report(ctx.problem('formula_unknown_name', { name: indicator }));
        const key = indicator ? `@${indicator}` : `${ctx.id}/value`;
        const top = bands.reduce((m, b) => Math.max(m, b.points), 0);
        const pick = (v) => bands.find((b) => v >= b.min)?.points ?? 0;
        return {
            entries: indicator
                ? []
                : [{ key, criterion: ctx.id, label: String(def.valueLabel ?? def.text), type: 'number', min: 0, blankIsZero: false }],
            uses: indicator ? [indicator] : [],
            score: (values, ind) => {
                const v = indicator ? ind.get(indicator) : values.get(key);
                return v === null || v === undefined ? null : pick(v);
            },
            // Bands are tested from the highest threshold down, like the engine.
            excel: (ref) => bands.reduceRight((acc, b) => `IF(${ref(key)}>=${b.min},${b.points},${acc})`, '0'),
            exceedsMax: () => (top > ctx.max ? { value: top, when: `value >= ${bands.find((b) => b.points === top)?.min}` } : null),
        };
    },
};
