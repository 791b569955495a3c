"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.columnPresent = columnPresent;
exports.scoreColumn = scoreColumn;
exports.evaluate = evaluate;
const points_1 = require("./points");
const problems_1 = require("./problems");
const sandbox_1 = require("./sandbox");
const values_1 = require("./values");
const asEntry = (v) => v !== null && typeof v === 'object' ? v : { value: v };
const COLUMN_NAME = { self: 'tự chấm / self', inspected: 'Cụm chấm / inspected' };
/** True when a column has any non-blank entry (an absent inspection column is not an error). */
function columnPresent(set, entries) {
    if (!entries)
        return false;
    for (const k of Object.keys(entries))
        if (set.entryByKey.has(k) && !(0, values_1.isBlank)(asEntry(entries[k]).value))
            return true;
    return false;
}
/** Score one column. Invalid entries are reported and count as nothing; they are never guessed. */
function scoreColumn(set, entries, column, where = {}) {
    const problems = [];
    const values = new Map();
    let filled = 0;
    let expected = 0;
    for (const spec of set.entries) {
        const e = asEntry(entries[spec.key]);
        const v = validateEntry(spec, e, where, column, problems);
        values.set(spec.key, v);
        if (!spec.blankIsZero) {
            expected++;
            if (v !== null)
                filled++;
        }
    }
    for (const k of Object.keys(entries))
        if (!set.entryByKey.has(k))
            problems.push((0, problems_1.problem)('unknown_entry', { key: k }, { ...where, column }));
    // Indicators: inputs as entered, derived ones in dependency order.
    const indicators = new Map();
    for (const ind of set.indicators) {
        if (!ind.expr) {
            indicators.set(ind.id, values.get(`@${ind.id}`) ?? null);
            continue;
        }
        const scope = new Map();
        let missing = false;
        for (const s of ind.expr.symbols) {
            const v = indicators.get(s);
            if (v === null || v === undefined)
                missing = true;
            else
                scope.set(s, v);
        }
        if (missing) {
            indicators.set(ind.id, null);
            continue;
        }
        try {
            indicators.set(ind.id, ind.expr.evaluate(scope));
        }
        catch (e) {
            indicators.set(ind.id, null);
            if (e instanceof sandbox_1.FormulaError)
                problems.push((0, problems_1.problem)('formula_not_finite', { detail: `${ind.id}: ${e.reasonEn}` }, { ...where, criterion: ind.id, column }));
            else
                throw e;
        }
    }
    const nodes = {};
    const milli = new Map();
    for (const leaf of set.leaves) {
        const s = scoreLeaf(leaf, values, indicators, entries, column, where, problems);
        nodes[leaf.id] = s;
        milli.set(leaf.id, s === null ? 0 : (0, points_1.toMilli)(s));
    }
    // Groups bottom-up (reverse pre-order visits children before parents).
    for (let i = set.nodes.length - 1; i >= 0; i--) {
        const n = set.nodes[i];
        if (n.isLeaf)
            continue;
        let sum = 0;
        for (const c of n.childIds)
            sum += milli.get(c) ?? 0;
        milli.set(n.id, sum);
        nodes[n.id] = (0, points_1.fromMilli)(sum);
    }
    let base = 0;
    let bonusRaw = 0;
    let bonus = 0;
    let penalty = 0;
    const sections = set.sections.map((s) => {
        let m = milli.get(s.id) ?? 0;
        if (s.role === 'base')
            base += m;
        else if (s.role === 'bonus') {
            bonusRaw += m;
            const cap = (0, points_1.toMilli)(s.cap ?? s.max ?? 0);
            if (m > cap) {
                problems.push((0, problems_1.problem)('bonus_capped', { value: (0, points_1.fromMilli)(m), cap: (0, points_1.fromMilli)(cap) }, { ...where, criterion: s.id, column }));
                m = cap;
            }
            bonus += m;
        }
        else
            penalty += m;
        nodes[s.id] = (0, points_1.fromMilli)(m);
        return { id: s.id, number: s.number, text: s.text, role: s.role, score: (0, points_1.fromMilli)(m), max: s.role === 'bonus' ? (s.cap ?? s.max) : s.max };
    });
    return {
        score: {
            total: (0, points_1.fromMilli)(base + bonus - penalty),
            base: (0, points_1.fromMilli)(base),
            bonus: (0, points_1.fromMilli)(bonus),
            penalty: (0, points_1.fromMilli)(penalty),
            bonusRaw: (0, points_1.fromMilli)(bonusRaw),
            sections,
            nodes,
            filled,
            expected,
            complete: filled === expected,
        },
        problems,
    };
}
/** Where an entry is; built only when something is wrong, since scoring must stay well under 1 ms. */
function entryLocation(where, e, criterion, column) {
    return { ...where, sheet: e.sheet ?? where.sheet, cell: e.cell, criterion, column };
}
function validateEntry(spec, e, where, column, problems) {
    const raw = e.value;
    if (spec.type === 'flag') {
        const p = (0, values_1.parseFlag)(raw);
        if (!p.ok) {
            problems.push((0, problems_1.problem)('not_a_flag', { value: p.raw }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
            return null;
        }
        return p.value ?? false;
    }
    const p = (0, values_1.parseNumber)(raw);
    if (!p.ok) {
        problems.push((0, problems_1.problem)('non_numeric', { value: p.raw }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
        return null;
    }
    if (p.value === null) {
        if (spec.blankIsZero)
            return null;
        problems.push((0, problems_1.problem)('missing_entry', { column: COLUMN_NAME[column] }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
        return null;
    }
    const v = p.value;
    if (v < spec.min) {
        problems.push((0, problems_1.problem)('below_min', { value: v, min: spec.min }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
        return null;
    }
    if (spec.max !== undefined && (0, points_1.toMilli)(v) > (0, points_1.toMilli)(spec.max)) {
        problems.push((0, problems_1.problem)('above_max', { value: v, max: spec.max }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
        return null;
    }
    if (spec.integer && !Number.isInteger(v)) {
        problems.push((0, problems_1.problem)('not_integer', { value: v }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
        return null;
    }
    if (spec.step && !(0, points_1.onStep)(v, spec.step)) {
        problems.push((0, problems_1.problem)('off_step', { value: v, step: spec.step }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
        return null;
    }
    return v;
}
function scoreLeaf(leaf, values, indicators, entries, column, where, problems) {
    let raw;
    try {
        raw = leaf.impl.score(values, indicators);
    }
    catch (e) {
        if (!(e instanceof sandbox_1.FormulaError))
            throw e;
        problems.push((0, problems_1.problem)('formula_not_finite', { detail: e.reasonEn }, entryLocation(where, leaf.entries[0] ? asEntry(entries[leaf.entries[0].key]) : { value: null }, leaf.id, column)));
        return null;
    }
    if (raw === null || !leaf.computed)
        return raw;
    // Computed points are bounded to 0..max and rounded down to the step grid, as the template's formula does.
    const max = leaf.max ?? 0;
    const clamped = Math.min(Math.max(raw, 0), max);
    if ((0, points_1.toMilli)(raw) < 0 || (0, points_1.toMilli)(raw) > (0, points_1.toMilli)(max))
        problems.push((0, problems_1.problem)('formula_out_of_range', { value: Math.round(raw * 1000) / 1000, max, clamped }, entryLocation(where, leaf.entries[0] ? asEntry(entries[leaf.entries[0].key]) : { value: null }, leaf.id, column)));
    return (0, points_1.floorToStep)(clamped, leaf.step);
}
/** Evaluate a whole submission: both columns, evidence, remarks, final score and disqualifications. */
function evaluate(set, sub, opts = {}) {
    const where = { file: sub.file };
    const problems = [];
    const run = (col, entries) => {
        if (!columnPresent(set, entries))
            return null;
        const r = scoreColumn(set, entries, col, where);
        problems.push(...r.problems);
        return r.score;
    };
    const self = run('self', sub.self);
    const inspected = run('inspected', sub.inspected);
    if (!self && !inspected)
        problems.push((0, problems_1.problem)('column_empty', {}, where));
    if (sub.evidence && self) {
        for (const leaf of set.leaves) {
            if (!leaf.evidence || !(self.nodes[leaf.id] > 0))
                continue;
            const ev = asEntry(sub.evidence[leaf.id]);
            if ((0, values_1.isBlank)(ev.value))
                problems.push((0, problems_1.problem)('missing_evidence', {}, { ...where, sheet: ev.sheet, cell: ev.cell, criterion: leaf.id }));
        }
    }
    if (sub.remarks && self && inspected) {
        for (const leaf of set.leaves) {
            const a = self.nodes[leaf.id];
            const b = inspected.nodes[leaf.id];
            if (a === null || b === null || (0, points_1.toMilli)(a) === (0, points_1.toMilli)(b))
                continue;
            const r = asEntry(sub.remarks[leaf.id]);
            if ((0, values_1.isBlank)(r.value))
                problems.push((0, problems_1.problem)('change_without_remark', { self: a, inspected: b }, { ...where, sheet: r.sheet, cell: r.cell, criterion: leaf.id }));
        }
    }
    const policy = opts.finalScore ?? set.def.policy?.finalScore ?? 'inspected-else-self';
    const source = policy === 'self' ? (self ? 'self' : null) : policy === 'inspected' ? (inspected ? 'inspected' : null) : inspected ? 'inspected' : self ? 'self' : null;
    const finalCol = source === 'inspected' ? inspected : source === 'self' ? self : null;
    const disqualifications = [];
    if (finalCol && source)
        for (const leaf of set.leaves)
            if (leaf.disqualifies.length && (finalCol.nodes[leaf.id] ?? 0) > 0)
                for (const award of leaf.disqualifies)
                    disqualifications.push({ award, criterion: leaf.id, column: source, reason: leaf.text });
    return {
        unit: sub.unit,
        self,
        inspected,
        final: finalCol && source ? { total: finalCol.total, source } : null,
        disqualifications,
        problems,
    };
}
