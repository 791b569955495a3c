"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RULES = void 0;
exports.lint = lint;
const points_1 = require("./points");
const problems_1 = require("./problems");
const awards_1 = require("./rank/awards");
const tiebreakers_1 = require("./rank/tiebreakers");
const sandbox_1 = require("./sandbox");
const childrenSum = ({ set, at }) => {
    const out = [];
    for (const n of set.nodes) {
        if (n.isLeaf || n.role === 'deduction' || n.max === null)
            continue;
        const kids = n.childIds.map((id) => set.byId.get(id));
        if (kids.some((k) => k.max === null))
            continue;
        const sum = kids.reduce((s, k) => s + (0, points_1.toMilli)(k.max), 0);
        // A capped bonus group may offer more than its cap.
        if (n.role === 'bonus' && n.cap !== undefined)
            continue;
        if (sum !== (0, points_1.toMilli)(n.max))
            out.push((0, problems_1.problem)('max_mismatch', { id: n.id, sum: (0, points_1.fromMilli)(sum), max: n.max }, at(n)));
    }
    return out;
};
const duplicateNumbering = ({ set, at }) => {
    const out = [];
    const groups = new Map();
    for (const n of set.nodes) {
        const key = `${n.parentId ?? ''}\u0000${n.number.trim().toLowerCase()}`;
        if (!n.number.trim())
            continue;
        groups.set(key, [...(groups.get(key) ?? []), n]);
    }
    for (const g of groups.values())
        if (g.length > 1)
            for (const n of g.slice(1))
                out.push((0, problems_1.problem)('duplicate_number', { number: n.number }, at(n)));
    return out;
};
const steps = ({ set, at }) => {
    const out = [];
    for (const l of set.leaves)
        if (l.max !== null && !l.computed && !(0, points_1.onStep)(l.max, l.step))
            out.push((0, problems_1.problem)('bad_step', { id: l.id, max: l.max, step: l.step }, at(l)));
    return out;
};
const bonusCap = ({ set, at }) => set.sections.filter((s) => s.role === 'bonus' && s.cap === undefined).map((s) => (0, problems_1.problem)('bonus_without_cap', { id: s.id }, at(s)));
/** Search inputs where a computed criterion could leave 0..max: corners, then a seeded random sample. */
const formulaRange = ({ set, at }) => {
    const out = [];
    for (const leaf of set.leaves) {
        if (!leaf.computed || leaf.max === null)
            continue;
        const hint = leaf.impl.exceedsMax?.();
        if (hint) {
            out.push((0, problems_1.problem)('formula_can_exceed_max', { value: hint.value, when: hint.when, max: leaf.max }, at(leaf)));
            continue;
        }
        const found = sampleRange(set, leaf.id, leaf.max);
        if (found)
            out.push((0, problems_1.problem)('formula_can_exceed_max', { value: found.value, when: found.when, max: leaf.max }, at(leaf)));
    }
    return out;
};
const policy = ({ set }) => {
    const out = [];
    const p = set.def.policy ?? {};
    const loc = (path) => ({ path: `policy/${path}` });
    const maxTotal = set.maxBase + set.maxBonus;
    (p.tieBreakers ?? []).forEach((name, i) => {
        if (!(0, tiebreakers_1.getTieBreaker)(name))
            out.push((0, problems_1.problem)('unknown_tie_breaker', { name, known: (0, tiebreakers_1.tieBreakerNames)().join(', ') }, loc(`tieBreakers/${i}`)));
    });
    const bands = p.classification ?? [];
    for (let i = 1; i < bands.length; i++)
        if (!(bands[i].min < bands[i - 1].min))
            out.push((0, problems_1.problem)('bands_not_descending', {}, loc(`classification/${i}`)));
    bands.forEach((b, i) => {
        if (b.min > maxTotal)
            out.push((0, problems_1.problem)('threshold_above_max', { threshold: b.min, label: b.label, max: maxTotal }, loc(`classification/${i}`)));
    });
    const awardIds = new Set((p.awards ?? []).map((a) => a.id));
    (p.awards ?? []).forEach((a, i) => {
        if (a.minTotal > maxTotal)
            out.push((0, problems_1.problem)('threshold_above_max', { threshold: a.minTotal, label: a.label, max: maxTotal }, loc(`awards/${i}`)));
        const rule = a.rule ?? awards_1.DEFAULT_AWARD_RULE;
        if (!(0, awards_1.getAwardRule)(rule))
            out.push((0, problems_1.problem)('unknown_award_rule', { name: rule, known: (0, awards_1.awardRuleNames)().join(', ') }, loc(`awards/${i}`)));
    });
    for (const l of set.leaves)
        for (const award of l.disqualifies)
            if (!awardIds.has(award))
                out.push((0, problems_1.problem)('unknown_award', { award }, { criterion: l.id }));
    return out;
};
const unusedIndicators = ({ set }) => {
    const used = new Set();
    for (const l of set.leaves)
        l.impl.uses.forEach((u) => used.add(u));
    for (const i of set.indicators)
        i.expr?.symbols.forEach((s) => used.add(s));
    return set.indicators.filter((i) => !used.has(i.id)).map((i) => (0, problems_1.problem)('unused_indicator', { name: i.id }, { criterion: i.id }));
};
exports.RULES = [childrenSum, duplicateNumbering, steps, bonusCap, formulaRange, policy, unusedIndicators];
function lint(set, opts = {}) {
    const paths = pathsOf(set);
    const ctx = {
        set,
        at: (n) => {
            const path = n ? paths.get(n.id) : undefined;
            return { file: opts.file, criterion: n?.id, path, line: path ? opts.lineOf?.(path) : undefined };
        },
    };
    const found = exports.RULES.flatMap((r) => r(ctx)).map((p) => ({
        ...p,
        file: p.file ?? opts.file,
        line: p.line ?? (p.path ? opts.lineOf?.(p.path) : undefined),
    }));
    return [...set.problems, ...found];
}
function pathsOf(set) {
    const out = new Map();
    const walk = (ids, prefix) => ids.forEach((id, i) => {
        const path = `${prefix}${i}`;
        out.set(id, path);
        walk(set.byId.get(id).childIds, `${path}/children/`);
    });
    walk(set.sections.map((s) => s.id), 'sections/');
    return out;
}
/** A small deterministic PRNG so lint reports the same example every run. */
function rng(seed) {
    return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}
function sampleRange(set, leafId, max) {
    const leaf = set.leaves.find((l) => l.id === leafId);
    // The inputs that matter: this leaf's entries plus the indicator inputs it depends on, through derived ones.
    const needed = new Set();
    const byId = new Map(set.indicators.map((i) => [i.id, i]));
    const need = (id) => {
        if (needed.has(id))
            return;
        needed.add(id);
        byId.get(id)?.expr?.symbols.forEach(need);
    };
    leaf.impl.uses.forEach(need);
    const derived = set.indicators.filter((d) => d.expr && needed.has(d.id));
    const inputs = [...set.entries.filter((e) => e.indicator && needed.has(e.indicator)), ...leaf.entries];
    const hi = (e) => e.max ?? 1000;
    const candidates = [inputs.map((e) => e.min), inputs.map(hi)];
    inputs.forEach((_, i) => {
        candidates.push(inputs.map((e, j) => (i === j ? hi(e) : e.type === 'flag' ? 0 : Math.max(e.min, 1))));
        candidates.push(inputs.map((e, j) => (i === j ? Math.max(e.min, 1) : hi(e))));
    });
    const r = rng(42);
    for (let k = 0; k < 300; k++)
        candidates.push(inputs.map((e) => (e.type === 'flag' ? (r() < 0.5 ? 1 : 0) : e.min + Math.round(r() * (hi(e) - e.min)))));
    for (const c of candidates) {
        const values = new Map();
        const ind = new Map();
        inputs.forEach((e, i) => {
            const v = e.integer ? Math.round(c[i]) : c[i];
            if (e.indicator)
                ind.set(e.indicator, v);
            else
                values.set(e.key, e.type === 'flag' ? v === 1 : v);
        });
        try {
            for (const d of derived) {
                if (!d.expr)
                    continue;
                ind.set(d.id, d.expr.evaluate(new Map([...ind].filter((x) => x[1] !== null))));
            }
            const v = leaf.impl.score(values, ind);
            if (v !== null && ((0, points_1.toMilli)(v) > (0, points_1.toMilli)(max) || (0, points_1.toMilli)(v) < 0)) {
                const when = inputs.map((e, i) => `${e.indicator ?? e.key}=${c[i]}`).join(', ');
                return { value: Math.round(v * 1000) / 1000, when };
            }
        }
        catch (e) {
            if (!(e instanceof sandbox_1.FormulaError))
                throw e;
        }
    }
    return null;
}
