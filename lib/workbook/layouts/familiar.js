"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.familiarLayout = void 0;
const entry_cell_1 = require("../../core/entry-cell");
const core_1 = require("../../core");
const familiar_1 = require("../../core/familiar");
const grid_1 = require("../../core/grid");
const text_1 = require("../../core/familiar/text");
const index_1 = require("./index");
const located = new WeakMap();
function outlineOf(input) {
    let r = located.get(input.grids);
    if (!r) {
        r = (0, familiar_1.locateOutline)(input.grids, { file: input.file });
        located.set(input.grids, r);
    }
    return r;
}
/** Numbering compared loosely: "II." = "ii" = "II)", "Phần 1" = "phan 1". */
function numberKey(s) {
    return (0, text_1.stripMarks)(s).toUpperCase().replace(/[\s.):(]+$/g, '').replace(/^\(/, '').replace(/\s+/g, ' ').trim();
}
function words(s) {
    return new Set((0, familiar_1.textKey)(s).split(' ').filter((w) => w.length > 1));
}
/** Share of words two texts have in common (0..1). */
function similarity(a, b) {
    const A = words(a);
    const B = words(b);
    if (!A.size || !B.size)
        return A.size === B.size ? 1 : 0;
    let common = 0;
    for (const w of A)
        if (B.has(w))
            common++;
    return common / Math.max(A.size, B.size);
}
/** Pair the set's tree with the workbook's outline, sibling list by sibling list. */
function match(set, outline, file) {
    const byNode = new Map();
    const problems = [];
    const sheet = outline.grid.sheet;
    const textCol = outline.table.columns.text ?? 1;
    const missing = [];
    const extra = [];
    const pair = (nodes, rows) => {
        const free = new Set(rows);
        const pairs = [];
        const take = (n, r) => {
            free.delete(r);
            pairs.push([n, r]);
        };
        const left = [];
        // 1. By numbering, when it is unique on both sides.
        for (const n of nodes) {
            const k = numberKey(n.number);
            const sameNumber = [...free].filter((r) => r.number && numberKey(r.number) === k);
            const sameInSet = nodes.filter((m) => numberKey(m.number) === k);
            if (k && sameNumber.length === 1 && sameInSet.length === 1)
                take(n, sameNumber[0]);
            else if (k && sameNumber.length > 1) {
                const exact = sameNumber.find((r) => (0, familiar_1.textKey)(r.text) === (0, familiar_1.textKey)(n.text));
                if (exact)
                    take(n, exact);
                else
                    left.push(n);
            }
            else
                left.push(n);
        }
        // 2. By text.
        const rest = [];
        for (const n of left) {
            const r = [...free].find((x) => (0, familiar_1.textKey)(x.text) === (0, familiar_1.textKey)(n.text));
            if (r)
                take(n, r);
            else
                rest.push(n);
        }
        // 3. By similar text (a reworded criterion keeps most of its words).
        for (const n of rest) {
            let best;
            let score = 0.6;
            for (const r of free) {
                const s = similarity(r.text, n.text);
                if (s >= score)
                    (best = r), (score = s);
            }
            if (best)
                take(n, best);
            else
                missing.push(n);
        }
        extra.push(...free);
        pairs.sort((a, b) => a[1].row - b[1].row);
        for (const [n, r] of pairs) {
            byNode.set(n.id, r);
            if ((0, familiar_1.textKey)(n.text) !== (0, familiar_1.textKey)(r.text) && similarity(n.text, r.text) < 0.5)
                problems.push((0, core_1.problem)('familiar_text_differs', { id: n.id, expected: clip(n.text) }, { file, sheet, cell: (0, grid_1.address)(r.row, textCol), criterion: n.id }));
            const kids = n.childIds.map((id) => set.byId.get(id));
            if (kids.length || r.children.length)
                pair(kids, r.children);
        }
    };
    pair(set.sections, outline.sections);
    // Rows nested differently than the set (a criterion under another heading): pair by exact text.
    for (const n of [...missing]) {
        const same = extra.filter((r) => (0, familiar_1.textKey)(r.text) === (0, familiar_1.textKey)(n.text));
        if (same.length === 1) {
            byNode.set(n.id, same[0]);
            extra.splice(extra.indexOf(same[0]), 1);
            missing.splice(missing.indexOf(n), 1);
            const kids = n.childIds.map((id) => set.byId.get(id));
            if (kids.length || same[0].children.length)
                pair(kids, same[0].children);
        }
    }
    // Report missing criteria (a group's missing children are reported once, as the group).
    const missingIds = new Set(missing.map((m) => m.id));
    for (const n of missing) {
        if (n.parentId && missingIds.has(n.parentId))
            continue;
        const parentRow = n.parentId ? byNode.get(n.parentId) : undefined;
        problems.push((0, core_1.problem)('familiar_missing_criterion', { number: n.number, text: clip(n.text) }, { file, sheet, cell: parentRow ? (0, grid_1.address)(parentRow.row, textCol) : undefined, criterion: n.id }));
    }
    const extraRows = new Set(extra);
    for (const r of extra) {
        if (r.parent && extraRows.has(r.parent))
            continue;
        problems.push((0, core_1.problem)('familiar_extra_row', { number: r.number || '—', text: clip(r.text) }, { file, sheet, cell: (0, grid_1.address)(r.row, textCol) }));
    }
    return { byNode, problems };
}
function clip(s, n = 60) {
    return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
exports.familiarLayout = {
    name: 'familiar',
    detect(input) {
        const r = outlineOf(input);
        if (!r.outline)
            return 0;
        // A plain table: any layout that recognises its own marks (a template's hidden sheet) wins.
        return input.criteria ? 10 : 1;
    },
    read(input) {
        const file = input.file;
        const { outline, problems: locateProblems } = outlineOf(input);
        const empty = { set: null, submission: null, figures: [], problems: [...locateProblems], meta: {} };
        if (!outline)
            return empty;
        empty.meta = { unit: outline.meta.unit, year: outline.meta.year, cluster: outline.meta.cluster };
        const set = input.criteria;
        if (!set)
            return { ...empty, problems: [...empty.problems, (0, core_1.problem)('criteria_required', {}, { file })] };
        const grid = outline.grid;
        const sheet = grid.sheet;
        const cols = outline.table.columns;
        const problems = [];
        if (cols.self === undefined && cols.inspected === undefined)
            return { ...empty, set, problems: [(0, core_1.problem)('familiar_no_score_column', {}, { file, sheet, cell: (0, grid_1.address)(outline.table.headerTop, 1) })] };
        for (const leaf of set.leaves)
            if (leaf.entries.length !== 1 || leaf.entries[0].key !== leaf.id)
                problems.push((0, core_1.problem)('familiar_kind_unsupported', { id: leaf.id, kind: leaf.kind }, { file, criterion: leaf.id }));
        const { byNode, problems: matchProblems } = match(set, outline, file);
        problems.push(...matchProblems);
        // Edited maxima of criteria (the entries are checked against the set's maxima, not the workbook's).
        for (const n of set.leaves) {
            const r = byNode.get(n.id);
            if (!r || n.max === null || cols.max === undefined || n.role === 'deduction')
                continue;
            const stated = r.maxCell?.formula ? outline.formulas.valueAt(r.row, cols.max) : r.max.value;
            if (stated === null)
                continue;
            const expected = n.max;
            if ((0, core_1.toMilli)(stated) !== (0, core_1.toMilli)(expected))
                problems.push((0, core_1.problem)('familiar_max_changed', { id: n.id, workbook: stated, expected }, { file, sheet, cell: (0, grid_1.address)(r.row, cols.max), criterion: n.id }));
        }
        // Entries, remarks, evidence.
        const columnEntries = (col, column) => {
            if (col === undefined)
                return null;
            const out = {};
            for (const leaf of set.leaves) {
                const r = byNode.get(leaf.id);
                if (!r || leaf.entries.length !== 1)
                    continue;
                // Formulas, error values, dates and merges are refused, never counted (the entry stays blank but located).
                out[leaf.entries[0].key] = (0, entry_cell_1.readEntryCell)(grid, r.row, col, { file, criterion: leaf.id, column }, problems);
            }
            return out;
        };
        const textColumn = (col) => {
            if (col === undefined)
                return undefined;
            const out = {};
            for (const leaf of set.leaves) {
                const r = byNode.get(leaf.id);
                if (r)
                    out[leaf.id] = { value: (0, grid_1.cellText)((0, familiar_1.masterCell)(grid, r.row, col)), sheet, cell: (0, grid_1.address)(r.row, col) };
            }
            return out;
        };
        const submission = {
            unit: outline.meta.unit,
            year: outline.meta.year,
            file,
            self: columnEntries(cols.self, 'self'),
            inspected: columnEntries(cols.inspected, 'inspected'),
            remarks: textColumn(cols.remarks),
            evidence: textColumn(cols.evidence),
        };
        // The workbook's own figures: formulas on group, section and total rows.
        const figures = [];
        const figure = (node, row) => {
            for (const [column, col] of [['self', cols.self], ['inspected', cols.inspected]]) {
                if (col === undefined)
                    continue;
                const cell = (0, familiar_1.masterCell)(grid, row, col);
                if (!cell?.formula)
                    continue;
                figures.push({ node, column, sheet, cell: (0, grid_1.address)(row, col), formula: cell.formula, value: outline.formulas.valueAt(row, col) });
            }
        };
        for (const n of set.nodes) {
            const r = byNode.get(n.id);
            if (r && !n.isLeaf)
                figure(n.id, r.row);
        }
        const setIdOf = new Map();
        for (const [id, r] of byNode)
            setIdOf.set(r, id);
        for (const [row, kind] of (0, familiar_1.classifyTotals)(outline)) {
            const node = typeof kind === 'string' ? kind : setIdOf.get(kind);
            if (node)
                figure(node, row);
        }
        return {
            set,
            submission,
            figures,
            problems: [...locateProblems, ...problems],
            meta: { unit: outline.meta.unit, year: outline.meta.year, cluster: outline.meta.cluster },
        };
    },
};
(0, index_1.registerLayout)(exports.familiarLayout);
