"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_STEP = void 0;
exports.compileSet = compileSet;
/**
 * Kernel step 1: compile a criteria set into a flat, indexed, runnable form. Structure and formulas are
 * checked here; consistency rules (sums, numbering, policy) live in lint.ts.
 */
const hash_1 = require("./hash");
const kinds_1 = require("./kinds");
const points_1 = require("./points");
const problems_1 = require("./problems");
const sandbox_1 = require("./sandbox");
exports.DEFAULT_STEP = 0.25;
function compileSet(def, opts = {}) {
    const sb = opts.sandbox ?? (0, sandbox_1.sandbox)();
    const problems = [];
    const at = (path, extra = {}) => ({
        file: opts.file,
        line: opts.lineOf?.(path),
        path,
        ...extra,
    });
    const setStep = def.step ?? exports.DEFAULT_STEP;
    // Indicators first: criteria formulas refer to them.
    const indicators = compileIndicators(def.indicators ?? [], sb, problems, at);
    const indicatorMap = new Map(indicators.map((i) => [i.id, i]));
    const nodes = [];
    const byId = new Map();
    const leaves = [];
    const sections = [];
    const visit = (n, path, depth, parent, role, inherited) => {
        const id = String(n.id ?? '');
        if (byId.has(id))
            problems.push((0, problems_1.problem)('duplicate_id', { id }, at(path, { criterion: id })));
        const isLeaf = !Array.isArray(n.children) || n.children.length === 0;
        const step = typeof n.step === 'number' && n.step > 0 ? n.step : inherited.step;
        const evidence = typeof n.evidence === 'boolean' ? n.evidence : inherited.evidence;
        const number = n.number !== undefined ? String(n.number) : id;
        const node = {
            id,
            number,
            fullNumber: citedNumber(parent?.fullNumber, number),
            text: String(n.text ?? ''),
            depth,
            parentId: parent?.id,
            sectionId: parent ? parent.sectionId : id,
            role,
            isLeaf,
            max: typeof n.max === 'number' ? n.max : null,
            step,
            evidence,
            childIds: [],
            def: n,
        };
        if (depth === 0 && role === 'bonus' && typeof n.cap === 'number')
            node.cap = n.cap;
        nodes.push(node);
        byId.set(id, node);
        parent?.childIds.push(id);
        if (isLeaf) {
            if (depth === 0 && role !== 'deduction')
                problems.push((0, problems_1.problem)('empty_section', { id }, at(path, { criterion: id })));
            const kindName = typeof n.kind === 'string' ? n.kind : kinds_1.DEFAULT_KIND[role];
            const kind = (0, kinds_1.getKind)(kindName);
            const loc = at(path, { criterion: id });
            let impl = { entries: [], uses: [], score: () => null };
            if (!kind) {
                problems.push((0, problems_1.problem)('unknown_kind', { kind: kindName, known: (0, kinds_1.kindNames)().join(', ') }, loc));
            }
            else if (!kind.roles.includes(role)) {
                problems.push((0, problems_1.problem)('kind_not_allowed', { kind: kindName, role }, loc));
            }
            else {
                if (node.max === null && role !== 'deduction')
                    problems.push((0, problems_1.problem)('missing_max', { id }, loc));
                impl = kind.compile(n, {
                    id,
                    role,
                    max: node.max ?? 0,
                    step,
                    sandbox: sb,
                    indicators: indicatorMap,
                    report: (p) => problems.push({ ...loc, ...p }),
                    problem: (code, params = {}) => (0, problems_1.problem)(code, params, loc),
                });
            }
            const leaf = {
                ...node,
                kind: kindName,
                impl,
                entries: impl.entries,
                disqualifies: Array.isArray(n.disqualifies) ? n.disqualifies.map(String) : [],
                computed: typeof impl.excel === 'function',
            };
            nodes[nodes.length - 1] = leaf;
            byId.set(id, leaf);
            leaves.push(leaf);
            return leaf;
        }
        n.children.forEach((c, i) => visit(c, `${path}/children/${i}`, depth + 1, node, role, { step, evidence }));
        if (node.max === null && role !== 'deduction') {
            // A group without its own max is worth what its children are worth.
            const kids = node.childIds.map((cid) => byId.get(cid));
            if (kids.every((k) => k.max !== null))
                node.max = (0, points_1.fromMilli)(kids.reduce((s, k) => s + (0, points_1.toMilli)(k.max), 0));
        }
        return node;
    };
    def.sections.forEach((s, i) => {
        const role = s.role ?? 'base';
        sections.push(visit(s, `sections/${i}`, 0, undefined, role, { step: setStep, evidence: def.evidence ?? false }));
    });
    const entries = [];
    for (const ind of indicators) {
        if (ind.expr)
            continue;
        entries.push({
            key: `@${ind.id}`,
            indicator: ind.id,
            label: ind.text,
            type: 'number',
            min: ind.def.min ?? 0,
            max: ind.def.max,
            integer: ind.def.integer,
            blankIsZero: false,
        });
    }
    for (const l of leaves)
        entries.push(...l.entries);
    const entryByKey = new Map();
    for (const e of entries) {
        if (entryByKey.has(e.key))
            problems.push((0, problems_1.problem)('duplicate_id', { id: e.key }, { file: opts.file, criterion: e.criterion }));
        entryByKey.set(e.key, e);
    }
    const maxBase = (0, points_1.fromMilli)(sections.filter((s) => s.role === 'base').reduce((t, s) => t + (0, points_1.toMilli)(s.max ?? 0), 0));
    const maxBonus = (0, points_1.fromMilli)(sections.filter((s) => s.role === 'bonus').reduce((t, s) => t + (0, points_1.toMilli)(s.cap ?? s.max ?? 0), 0));
    return {
        def,
        id: def.id,
        hash: (0, hash_1.hashCriteriaSet)(def),
        nodes,
        byId,
        sections,
        leaves,
        indicators,
        entries,
        entryByKey,
        maxBase,
        maxBonus,
        problems,
    };
}
function compileIndicators(defs, sb, problems, at) {
    const out = new Map();
    defs.forEach((d, i) => {
        const path = `indicators/${i}`;
        if (out.has(d.id))
            problems.push((0, problems_1.problem)('duplicate_id', { id: d.id }, at(path)));
        if (sandbox_1.FUNCTION_NAMES.includes(d.id))
            problems.push((0, problems_1.problem)('formula_forbidden', { detail: `"${d.id}" là tên hàm / is a function name` }, at(path)));
        const ind = { id: d.id, text: d.text, unit: d.unit, def: d };
        if (typeof d.expr === 'string') {
            try {
                ind.expr = sb.compile(d.expr);
            }
            catch (e) {
                const err = e;
                problems.push((0, problems_1.problem)('formula_forbidden', { detail: `${err.reason ?? err.message} / ${err.reasonEn ?? ''}` }, at(path)));
            }
        }
        out.set(d.id, ind);
    });
    defs.forEach((d, i) => {
        for (const s of out.get(d.id)?.expr?.symbols ?? [])
            if (!out.has(s))
                problems.push((0, problems_1.problem)('formula_unknown_name', { name: s }, at(`indicators/${i}`)));
    });
    // Dependency order with cycle detection (derived indicators may use derived ones).
    const order = [];
    const state = new Map();
    const stack = [];
    const reported = new Set();
    const walk = (id) => {
        const ind = out.get(id);
        if (!ind || state.get(id) === 'done')
            return;
        if (state.get(id) === 'visiting') {
            const cycle = [...stack.slice(stack.indexOf(id)), id];
            const key = [...cycle].sort().join(',');
            if (!reported.has(key)) {
                reported.add(key);
                problems.push((0, problems_1.problem)('formula_cycle', { cycle: cycle.join(' → ') }, at(`indicators/${defs.findIndex((x) => x.id === id)}`)));
            }
            return;
        }
        state.set(id, 'visiting');
        stack.push(id);
        for (const s of ind.expr?.symbols ?? [])
            walk(s);
        stack.pop();
        state.set(id, 'done');
        order.push(ind);
    };
    for (const d of defs)
        walk(d.id);
    return order;
}
/** Printed numbers like "2.1" already carry their parent's number ("2"): cite the deeper one alone. */
function citedNumber(parent, number) {
    if (parent === undefined)
        return number;
    const cut = parent.lastIndexOf('.');
    const last = parent.slice(cut + 1);
    if (number.startsWith(`${last}.`))
        return `${cut >= 0 ? parent.slice(0, cut + 1) : ''}${number}`;
    return `${parent}.${number}`;
}
