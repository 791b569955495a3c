"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.scoreWorkbook = scoreWorkbook;
exports.compareFigures = compareFigures;
/**
 * One pipeline for every workbook: open safely -> pick the layout -> read entries -> evaluate with the
 * kernel -> compare the workbook's own formulas with the recomputation. Bytes in, report out: used by
 * the CLI (check, score, rank, demo) and by the add-in.
 */
const core_1 = require("../core");
const layouts_1 = require("./layouts");
const open_1 = require("./open");
require("./layouts/register");
async function scoreWorkbook(bytes, opts) {
    const file = opts.file;
    const empty = { file, set: null, criteriaSet: null, evaluation: null, figures: [], remarks: {}, problems: [] };
    const { opened, problems } = await (0, open_1.openWorkbook)(bytes, file);
    if (!opened)
        return { ...empty, problems };
    const input = { file, grids: opened.grids, validations: opened.validations, criteria: opts.criteria };
    const layout = (0, layouts_1.pickLayout)(input);
    if (!layout) {
        const hint = opts.criteria ? '' : ' (--criteria?)';
        return { ...empty, problems: [...problems, (0, core_1.problem)('no_layout', { hint }, { file })] };
    }
    const read = layout.read(input);
    const all = [...problems, ...read.problems];
    const set = read.set;
    const result = {
        ...empty,
        unit: read.meta.unit ?? read.submission?.unit,
        year: read.meta.year,
        cluster: read.meta.cluster,
        layout: layout.name,
        set,
        criteriaSet: set ? { id: set.id, hash: set.hash } : null,
        figures: read.figures,
        remarks: Object.fromEntries(Object.entries(read.submission?.remarks ?? {}).map(([k, v]) => [k, String((v && typeof v === 'object' ? v.value : v) ?? '')])),
        problems: all,
    };
    if (!set || !read.submission)
        return result;
    const evaluation = (0, core_1.evaluate)(set, { ...read.submission, file });
    result.evaluation = evaluation;
    all.push(...evaluation.problems, ...compareFigures(evaluation, read.figures, file));
    result.problems = all.map((p) => {
        let q = p.file ? p : { ...p, file };
        if (!q.cell && q.criterion && read.cellOf) {
            const at = read.cellOf(q.criterion, q.column ?? 'self');
            if (at)
                q = { ...q, sheet: at.sheet, cell: at.cell };
        }
        return q;
    });
    return result;
}
/** Where the workbook's own formulas give a different figure than the recomputation, say so. */
function compareFigures(ev, figures, file) {
    const out = [];
    for (const f of figures) {
        const col = f.column === 'self' ? ev.self : ev.inspected;
        if (!col || f.value === null)
            continue;
        const engine = f.node === 'total' ? col.total : f.node === 'base' ? col.base : f.node === 'bonus' ? col.bonus : f.node === 'penalty' ? col.penalty : col.nodes[f.node];
        if (engine === null || engine === undefined)
            continue;
        if ((0, core_1.toMilli)(engine) !== (0, core_1.toMilli)(f.value))
            out.push((0, core_1.problem)('formula_disagrees', { workbook: f.value, engine, formula: f.formula }, { file, sheet: f.sheet, cell: f.cell, criterion: f.node, column: f.column }));
    }
    return out;
}
