"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.columnReport = columnReport;
exports.scoreReport = scoreReport;
const problems_1 = require("./problems");
function columnReport(c) {
    if (!c)
        return null;
    return {
        total: c.total,
        base: c.base,
        bonus: c.bonus,
        penalty: c.penalty,
        sections: c.sections.map((s) => ({ id: s.id, score: s.score, max: s.max })),
        filled: c.filled,
        expected: c.expected,
    };
}
function scoreReport(r, lang) {
    const ev = r.evaluation;
    return {
        file: r.file,
        unit: r.unit ?? null,
        year: r.year ?? null,
        layout: r.layout ?? null,
        criteriaSet: r.criteriaSet ?? null,
        self: columnReport(ev?.self ?? null),
        inspected: columnReport(ev?.inspected ?? null),
        final: ev?.final ?? null,
        disqualifications: ev?.disqualifications ?? [],
        problems: (0, problems_1.localize)(r.problems, lang),
    };
}
