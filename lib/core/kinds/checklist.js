"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checklist = void 0;
/**
 * Checklist (danh mục kiểm tra): each ticked item gives its points; the total is capped at max by the
 * kernel. One entry per item ("x", "có", 1 tick it).
 */
exports.checklist = {
    name: 'checklist',
    roles: ['base', 'bonus'],
    schema: {
        items: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                required: ['id', 'text', 'points'],
                additionalProperties: false,
                properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' }, text: { type: 'string' }, points: { type: 'number', minimum: 0 } },
            },
        },
    },
    compile(def, ctx) {
        const items = (Array.isArray(def.items) ? def.items : []);
        if (!items.length)
            ctx.report(ctx.problem('tiers_invalid', { id: ctx.id, detail: 'checklist without items / danh mục không có mục nào' }));
        const keys = items.map((it) => `${ctx.id}/${it.id}`);
        const sum = items.reduce((s, it) => s + it.points, 0);
        return {
            entries: items.map((it, i) => ({
                key: keys[i],
                criterion: ctx.id,
                label: it.text,
                type: 'flag',
                min: 0,
                max: 1,
                blankIsZero: true,
            })),
            uses: [],
            score: (values) => items.reduce((s, it, i) => s + (values.get(keys[i]) ? it.points : 0), 0),
            excel: (ref) => (items.length ? items.map((it, i) => `IF(${ref(keys[i])}=1,${it.points},0)`).join('+') : '0'),
            exceedsMax: () => (sum > ctx.max ? { value: sum, when: 'all items ticked / đạt tất cả các mục' } : null),
        };
    },
};
