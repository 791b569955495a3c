"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rankReport = rankReport;
const problems_1 = require("../problems");
function rankReport(r, lang) {
    const tr = (b) => b[lang];
    return {
        criteriaSet: r.criteriaSet,
        cluster: r.cluster,
        year: r.year,
        policy: r.policy,
        ranking: r.units.map((u) => ({
            rank: u.rank,
            unit: u.unit,
            final: u.final,
            self: u.self,
            inspected: u.inspected,
            source: u.source,
            base: u.base,
            bonus: u.bonus,
            penalty: u.penalty,
            classification: u.classification ? (lang === 'en' ? (u.classification.labelEn ?? u.classification.label) : u.classification.label) : null,
            award: u.awards.length ? u.awards.map((a) => tr(a.label)).join('; ') : null,
            awards: u.awards.map((a) => a.id),
            disqualified: u.disqualified.map((d) => ({ award: d.award, criterion: d.criterion, reason: d.reason })),
            moved: u.moved,
            notes: u.notes.map(tr),
            file: u.file,
        })),
        discrepancies: r.discrepancies.map((d) => ({
            unit: d.unit,
            criterion: d.criterion,
            number: d.number,
            self: d.self,
            inspected: d.inspected,
            delta: d.delta,
            remark: d.remark,
            file: d.file,
        })),
        totalMoves: r.totalMoves,
        awards: r.awards.map((a) => ({
            id: a.id,
            label: tr(a.label),
            quota: a.quota,
            minTotal: a.minTotal,
            maxRank: a.maxRank ?? null,
            units: a.units,
            note: a.note ? tr(a.note) : null,
        })),
        sources: r.sources.map((s) => ({
            file: s.file,
            sha256: s.sha256 ?? null,
            unit: s.unit,
            year: s.year,
            layout: s.layout,
            criteriaSet: s.criteriaSet,
            status: s.status,
            refusals: s.refusals,
        })),
        summary: { files: r.sources.length, ranked: r.ranked, refused: r.refused },
        problems: (0, problems_1.localize)(r.problems, lang),
    };
}
