"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formula = void 0;
const sandbox_1 = require("../sandbox");
/**
 * Formula (công thức): points computed from indicators by a sandboxed mathjs expression, e.g.
 * `min(10, 10 * lop_thuc_hien / lop_ke_hoach)`. The school enters the indicators, never the points.
 */
exports.formula = {
    name: 'formula',
    roles: ['base', 'bonus'],
    schema: {
        formula: { type: 'string', minLength: 1, maxLength: 1000, description: 'Biểu thức mathjs trên các chỉ số' },
    },
    compile(def, ctx) {
        const source = typeof def.formula === 'string' ? def.formula : '';
        let expr;
        try {
            expr = ctx.sandbox.compile(source);
        }
        catch (e) {
            const err = e instanceof sandbox_1.FormulaError ? e : new sandbox_1.FormulaError(String(e), String(e));
            ctx.report(ctx.problem('formula_forbidden', { detail: `${err.reason} / ${err.reasonEn}`, formula: source }));
            return { entries: [], uses: [], score: () => null };
        }
        for (const name of expr.symbols)
            if (!ctx.indicators.has(name))
                ctx.report(ctx.problem('formula_unknown_name', { name }));
        const compiled = expr;
        return {
            entries: [],
            uses: compiled.symbols,
            score(_values, indicators) {
                const scope = new Map();
                for (const name of compiled.symbols) {
                    const v = indicators.get(name);
                    if (v === null || v === undefined)
                        return null;
                    scope.set(name, v);
                }
                return compiled.evaluate(scope); // FormulaError is reported by the kernel
            },
            excel: (ref) => compiled.toExcel((name) => ref(`@${name}`)),
        };
    },
};
