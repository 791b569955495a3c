"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.rankReport = exports.RankingCollector = void 0;
exports.slimSource = slimSource;
exports.unitKey = unitKey;
exports.buildRanking = buildRanking;
exports.rankingOk = rankingOk;
const points_1 = require("../points");
const problems_1 = require("../problems");
const awards_1 = require("./awards");
const notes_1 = require("./notes");
const tiebreakers_1 = require("./tiebreakers");
// ---------------------------------------------------------------------------------------------------
// Collecting inputs one at a time, keeping only what the ranking needs.
/**
 * Streams inputs into a ranking: `add` keeps a slim copy (scores, remarks, problems; one compiled
 * criteria set per hash, not one per file), so memory does not grow with the size of the workbooks.
 */
class RankingCollector {
    sets = new Map();
    inputs = [];
    add(src) {
        this.inputs.push(slimSource(src, this.sets));
    }
    get size() {
        return this.inputs.length;
    }
    build() {
        return buildRanking(this.inputs);
    }
}
exports.RankingCollector = RankingCollector;
/** A copy of a source without what the ranking never reads (and with a shared compiled set). */
function slimSource(src, sets = new Map()) {
    let set = src.set;
    if (set) {
        const known = sets.get(set.hash);
        if (known)
            set = known;
        else
            sets.set(set.hash, set);
    }
    const slimCol = (c) => {
        if (!c)
            return null;
        return {
            ...c,
            sections: c.sections.map((s) => {
                const n = set?.byId.get(s.id);
                return { ...s, number: n?.number ?? s.number, text: n?.text ?? s.text };
            }),
        };
    };
    const ev = src.evaluation;
    const remarks = {};
    for (const [k, v] of Object.entries(src.remarks ?? {})) {
        const s = String(v ?? '').trim();
        if (s)
            remarks[k] = s;
    }
    // structuredClone copies every kept string into a fresh one: a unit name or remark sliced out of a
    // workbook's XML would otherwise keep that whole XML text alive for the rest of the run.
    const kept = structuredClone({
        file: src.file,
        unit: src.unit,
        year: src.year,
        cluster: src.cluster,
        layout: src.layout,
        criteriaSet: src.criteriaSet ? { id: src.criteriaSet.id, hash: src.criteriaSet.hash } : null,
        evaluation: ev ? { unit: ev.unit, self: ev.self, inspected: ev.inspected, final: ev.final, disqualifications: ev.disqualifications, problems: [] } : null,
        remarks,
        problems: src.problems,
        sha256: src.sha256,
    });
    if (kept.evaluation) {
        kept.evaluation.self = slimCol(kept.evaluation.self);
        kept.evaluation.inspected = slimCol(kept.evaluation.inspected);
    }
    return { ...kept, set };
}
// ---------------------------------------------------------------------------------------------------
// Building the ranking.
/** Unit names compared for duplicates: Unicode NFC, spaces, case, and old/new tone placement (Hoà/Hòa). */
function unitKey(name) {
    return name
        .normalize('NFC')
        .trim()
        .replace(/\s+/g, ' ')
        .toLocaleLowerCase('vi')
        .replace(/[oóòỏõọ][aàáảãạeèéẻẽẹ]|[uúùủũụ][yỳýỷỹỵ]/g, retone);
}
const TONES = {};
for (const [base, forms] of Object.entries({ a: 'àáảãạ', e: 'èéẻẽẹ', y: 'ỳýỷỹỵ', o: 'òóỏõọ', u: 'ùúủũụ' }))
    [...forms].forEach((ch, i) => (TONES[ch] = [base, i]));
/** "oà" and "òa" are the same syllable written in two styles; compare them as the plain pair + tone. */
function retone(pair) {
    const [a, b] = [...pair];
    const ta = TONES[a];
    const tb = TONES[b];
    const tone = ta ? ta[1] : tb ? tb[1] : -1;
    return `${ta ? ta[0] : a}${tb ? tb[0] : b}${tone >= 0 ? `#${tone}` : ''}`;
}
const POLICY_DEFAULTS = { finalScore: 'inspected-else-self', tolerance: 1, totalMoveThreshold: 3 };
/** Most frequent key, the first seen winning a tie. */
function majority(keys) {
    const count = new Map();
    let best;
    let bestN = 0;
    for (const k of keys) {
        const n = (count.get(k) ?? 0) + 1;
        count.set(k, n);
        if (n > bestN)
            (best = k), (bestN = n);
    }
    return best;
}
function buildRanking(inputs) {
    const cands = inputs.map((src) => ({ src, reasons: [] }));
    const at = (c) => ({ file: c.src.file });
    const problems = [];
    // 1. Files that cannot be ranked on their own.
    for (const c of cands) {
        const errs = c.src.problems.filter((p) => p.severity === 'error').length;
        if (errs)
            c.reasons.push((0, problems_1.problem)('file_has_errors', { count: errs }, at(c)));
        else if (!c.src.evaluation?.final) {
            const policy = c.src.set?.def.policy?.finalScore ?? POLICY_DEFAULTS.finalScore;
            c.reasons.push((0, problems_1.problem)('no_final_score', { policy }, at(c)));
        }
        if (!c.src.unit?.trim() && !errs)
            c.reasons.push((0, problems_1.problem)('unit_missing', {}, at(c)));
    }
    // 2. One criteria set: the one most files carry.
    const withSet = cands.filter((c) => c.src.criteriaSet);
    const refHash = majority(withSet.map((c) => c.src.criteriaSet.hash));
    const refCand = withSet.find((c) => c.src.criteriaSet.hash === refHash);
    const set = refCand?.src.set ?? null;
    const ref = refCand?.src.criteriaSet ?? null;
    const setMismatch = new Set();
    for (const c of withSet)
        if (c.src.criteriaSet.hash !== refHash) {
            setMismatch.add(c);
            c.reasons.push((0, problems_1.problem)('criteria_set_mismatch', { id: c.src.criteriaSet.id, hash: c.src.criteriaSet.hash.slice(0, 12), refId: ref.id, refHash: ref.hash.slice(0, 12) }, at(c)));
        }
    // 3. One year: the one most files (on the set) state; the set's own year when none does.
    const withYear = cands.filter((c) => typeof c.src.year === 'number' && !setMismatch.has(c));
    const refYear = majority(withYear.map((c) => c.src.year)) ?? set?.def.year ?? null;
    const yearMismatch = new Set();
    for (const c of withYear)
        if (c.src.year !== refYear) {
            yearMismatch.add(c);
            c.reasons.push((0, problems_1.problem)('year_mismatch', { year: c.src.year, refYear: refYear ?? '' }, at(c)));
        }
    // 4. One file per unit: every copy is refused (the cluster says which one counts).
    const byUnit = new Map();
    for (const c of cands) {
        if (!c.src.unit?.trim() || setMismatch.has(c) || yearMismatch.has(c))
            continue;
        const k = unitKey(c.src.unit);
        byUnit.set(k, [...(byUnit.get(k) ?? []), c]);
    }
    for (const group of byUnit.values())
        if (group.length > 1) {
            const files = group.map((c) => c.src.file).join(', ');
            for (const c of group)
                c.reasons.push((0, problems_1.problem)('duplicate_unit', { unit: c.src.unit.trim(), files }, at(c)));
        }
    const accepted = cands.filter((c) => c.reasons.length === 0);
    const policyDef = set?.def.policy ?? {};
    const requested = policyDef.tieBreakers ?? tiebreakers_1.DEFAULT_TIE_BREAKERS;
    const breakers = [];
    for (const name of requested) {
        const b = (0, tiebreakers_1.getTieBreaker)(name);
        if (b)
            breakers.push(b);
        else
            problems.push((0, problems_1.problem)('unknown_tie_breaker', { name, known: (0, tiebreakers_1.tieBreakerNames)().join(', ') }, { path: 'policy/tieBreakers' }));
    }
    const policy = {
        finalScore: policyDef.finalScore ?? POLICY_DEFAULTS.finalScore,
        tolerance: policyDef.tolerance ?? POLICY_DEFAULTS.tolerance,
        totalMoveThreshold: policyDef.totalMoveThreshold ?? POLICY_DEFAULTS.totalMoveThreshold,
        tieBreakers: breakers.map((b) => b.name),
    };
    // 5. Order and ranks.
    const entries = accepted.map((c) => {
        const ev = c.src.evaluation;
        const col = (ev.final.source === 'inspected' ? ev.inspected : ev.self);
        return { unit: c.src.unit.trim(), file: c.src.file, evaluation: ev, final: col, src: c.src };
    });
    const units = [];
    const entryOf = new Map();
    if (set)
        orderAndRank(entries, breakers, set, units, entryOf);
    // 6. Classification.
    const bands = policyDef.classification ?? [];
    for (const u of units) {
        const band = bands.find((b) => (0, points_1.toMilli)(b.min) <= (0, points_1.toMilli)(u.final)) ?? bands[bands.length - 1];
        u.classification = band ? { label: band.label, ...(band.labelEn ? { labelEn: band.labelEn } : {}) } : null;
    }
    // 7. Disqualifications, then awards.
    const awardsDef = policyDef.awards ?? [];
    const labelOf = (id) => {
        const a = awardsDef.find((x) => x.id === id);
        return a ? { vi: a.label, en: a.labelEn ?? a.label } : { vi: id, en: id };
    };
    for (const u of units) {
        const e = entryOf.get(u);
        for (const d of e.evaluation.disqualifications) {
            const awardLabel = labelOf(d.award);
            u.disqualified.push({ award: d.award, awardLabel, criterion: d.criterion, column: d.column, reason: d.reason });
            const node = set?.byId.get(d.criterion);
            u.notes.push((0, notes_1.note)('disqualified', {
                award: awardLabel,
                reason: d.reason,
                criterion: node ? node.fullNumber : d.criterion,
                column: d.column === 'inspected' ? (0, notes_1.note)('column_inspected') : (0, notes_1.note)('column_self'),
            }));
        }
    }
    const awards = proposeAwards(awardsDef, units, entryOf, problems);
    // 8. Discrepancies between the columns.
    const discrepancies = [];
    const totalMoves = [];
    const tol = (0, points_1.toMilli)(policy.tolerance);
    for (const u of units) {
        const e = entryOf.get(u);
        const { self, inspected } = e.evaluation;
        if (!self || !inspected || !set)
            continue;
        for (const leaf of set.leaves) {
            const a = self.nodes[leaf.id];
            const b = inspected.nodes[leaf.id];
            if (a === null || a === undefined || b === null || b === undefined)
                continue;
            const d = (0, points_1.toMilli)(b) - (0, points_1.toMilli)(a);
            if (d === 0 || Math.abs(d) < tol)
                continue;
            discrepancies.push({
                unit: u.unit,
                file: u.file,
                criterion: leaf.id,
                number: fullNumberOf(set, leaf.id),
                text: leaf.text,
                sectionId: leaf.sectionId,
                self: a,
                inspected: b,
                delta: (0, points_1.fromMilli)(d),
                remark: e.src.remarks?.[leaf.id] ?? null,
                large: tol > 0 && Math.abs(d) >= 2 * tol,
            });
        }
        const moved = (0, points_1.toMilli)(inspected.total) - (0, points_1.toMilli)(self.total);
        if (Math.abs(moved) >= (0, points_1.toMilli)(policy.totalMoveThreshold) && moved !== 0) {
            totalMoves.push({ unit: u.unit, file: u.file, self: self.total, inspected: inspected.total, delta: (0, points_1.fromMilli)(moved) });
            const shown = `${moved > 0 ? '+' : ''}${(0, points_1.fromMilli)(moved)}`;
            u.notes.push((0, notes_1.note)('total_moved', { delta: { vi: shown.replace('.', ','), en: shown } }));
        }
    }
    // 9. Where every file went.
    const sources = cands.map((c) => ({
        file: c.src.file,
        ...(c.src.sha256 ? { sha256: c.src.sha256 } : {}),
        unit: c.src.unit?.trim() || null,
        year: c.src.year ?? null,
        layout: c.src.layout ?? null,
        criteriaSet: c.src.criteriaSet,
        status: c.reasons.length ? 'refused' : 'ranked',
        refusals: c.reasons.map((p) => p.code),
        problems: [...c.src.problems, ...c.reasons],
    }));
    const all = [];
    for (const s of sources)
        all.push(...s.problems);
    all.push(...problems);
    if (!units.length && inputs.length)
        all.push((0, problems_1.problem)('nothing_ranked', {}));
    const clusters = cands.map((c) => c.src.cluster).filter((x) => !!x);
    return {
        set,
        criteriaSet: set ? { id: set.id, hash: set.hash, title: set.def.title } : null,
        year: refYear,
        cluster: set?.def.cluster ?? majority(clusters) ?? null,
        policy,
        units,
        discrepancies,
        totalMoves,
        awards,
        sources,
        problems: all,
        ranked: units.length,
        refused: cands.length - accepted.length,
    };
}
function orderAndRank(entries, breakers, set, out, entryOf) {
    const byTotal = [...entries].sort((a, b) => (0, points_1.toMilli)(b.final.total) - (0, points_1.toMilli)(a.final.total) || collate(a.unit, b.unit));
    let position = 0;
    for (let i = 0; i < byTotal.length;) {
        let j = i;
        while (j < byTotal.length && (0, points_1.toMilli)(byTotal[j].final.total) === (0, points_1.toMilli)(byTotal[i].final.total))
            j++;
        const group = byTotal.slice(i, j);
        const decidedBy = new Map();
        const parts = resolveTie(group, 0, breakers, set, decidedBy);
        for (const part of parts) {
            const rank = position + 1;
            for (const e of part) {
                const ev = e.evaluation;
                const u = {
                    rank,
                    unit: e.unit,
                    file: e.file ?? '',
                    self: ev.self?.total ?? null,
                    inspected: ev.inspected?.total ?? null,
                    final: (0, points_1.exact)(e.final.total),
                    source: ev.final.source,
                    base: e.final.base,
                    bonus: e.final.bonus,
                    penalty: e.final.penalty,
                    classification: null,
                    awards: [],
                    disqualified: [],
                    moved: ev.self && ev.inspected ? (0, points_1.fromMilli)((0, points_1.toMilli)(ev.inspected.total) - (0, points_1.toMilli)(ev.self.total)) : null,
                    tie: null,
                    notes: [],
                    nodes: e.final.nodes,
                };
                if (group.length > 1) {
                    const shared = part.length > 1;
                    const others = (shared ? part : group).filter((x) => x !== e).map((x) => x.unit);
                    const by = decidedBy.get(e) ?? null;
                    u.tie = { others: group.filter((x) => x !== e).map((x) => x.unit), decidedBy: shared ? null : by, shared };
                    const label = (name) => breakers.find((b) => b.name === name).label;
                    if (shared)
                        u.notes.push((0, notes_1.note)('tie_shared', {
                            others: others.join(', '),
                            breakers: breakers.length ? (0, notes_1.joinBilingual)(breakers.map((b) => b.label), '; ') : '—',
                            rank,
                        }));
                    else if (by)
                        u.notes.push((0, notes_1.note)('tie_decided', { others: others.join(', '), breaker: label(by) }));
                }
                out.push(u);
                entryOf.set(u, e);
            }
            position += part.length;
        }
        i = j;
    }
}
/**
 * Split a group of equal totals by the tie-breakers in order. Returns the ordered sub-groups that are
 * still tied (one unit each when fully resolved); `decidedBy` records the tie-breaker that last
 * separated each unit from the others.
 */
function resolveTie(group, level, breakers, set, decidedBy) {
    if (group.length < 2 || level >= breakers.length)
        return [group];
    const b = breakers[level];
    const sorted = [...group].sort((x, y) => b.compare(x, y, set)); // stable: the name order survives ties
    const parts = [];
    for (const e of sorted) {
        const last = parts[parts.length - 1];
        if (last && b.compare(last[0], e, set) === 0)
            last.push(e);
        else
            parts.push([e]);
    }
    if (parts.length > 1)
        for (const e of group)
            decidedBy.set(e, b.name);
    return parts.flatMap((p) => resolveTie(p, level + 1, breakers, set, decidedBy));
}
const collator = new Intl.Collator('vi');
function collate(a, b) {
    return collator.compare(a, b);
}
function proposeAwards(defs, units, entryOf, problems) {
    const out = [];
    const awarded = new Set();
    const byEntry = new Map();
    for (const [u, e] of entryOf)
        byEntry.set(e, u);
    for (const a of defs) {
        const label = { vi: a.label, en: a.labelEn ?? a.label };
        const ruleName = a.rule ?? awards_1.DEFAULT_AWARD_RULE;
        const rule = (0, awards_1.getAwardRule)(ruleName);
        const proposal = { id: a.id, label, quota: a.quota, minTotal: a.minTotal, maxRank: a.maxRank, rule: ruleName, units: [], note: null };
        out.push(proposal);
        if (!rule) {
            problems.push((0, problems_1.problem)('unknown_award_rule', { name: ruleName, known: (0, awards_1.awardRuleNames)().join(', ') }, { path: `policy/awards/${a.id}` }));
            continue;
        }
        const exclusive = a.exclusive !== false;
        const eligible = (u) => (0, points_1.toMilli)(u.final) >= (0, points_1.toMilli)(a.minTotal) && !u.disqualified.some((d) => d.award === a.id) && !(exclusive && awarded.has(u));
        const ranked = units.map((u) => ({ entry: entryOf.get(u), rank: u.rank, eligible: eligible(u) }));
        const chosen = rule
            .select(a, ranked)
            .map((e) => byEntry.get(e))
            .filter((u) => !!u && eligible(u) && (a.maxRank === undefined || u.rank <= a.maxRank))
            .slice(0, Math.max(0, a.quota));
        for (const u of chosen) {
            awarded.add(u);
            u.awards.push({ id: a.id, label });
            proposal.units.push(u.unit);
        }
        // A tie across the quota line: say so rather than pick one.
        if (chosen.length < a.quota) {
            const left = units.filter((u) => eligible(u) && !chosen.includes(u) && (a.maxRank === undefined || u.rank <= a.maxRank));
            const tied = left.filter((u) => u.rank === left[0]?.rank);
            if (tied.length > 1 && chosen.length + tied.length > a.quota) {
                problems.push((0, problems_1.problem)('award_tie_over_quota', { units: tied.map((u) => u.unit).join(', '), rank: tied[0].rank, quota: a.quota, award: a.label }));
                for (const u of tied)
                    u.notes.push((0, notes_1.note)('award_tie_over_quota', { rank: u.rank, others: tied.filter((x) => x !== u).map((x) => x.unit).join(', '), award: label }));
                proposal.note = (0, notes_1.note)('award_tie_over_quota', { rank: tied[0].rank, others: tied.map((x) => x.unit).join(', '), award: label });
            }
            else if (!chosen.length)
                proposal.note = (0, notes_1.note)('award_none');
        }
    }
    return out;
}
/** Is this a ranking worth writing (at least one unit ranked, no ranking-level errors)? */
function rankingOk(r) {
    return r.refused === 0 && r.units.length > 0 && !(0, problems_1.hasErrors)(r.problems);
}
var report_1 = require("./report");
Object.defineProperty(exports, "rankReport", { enumerable: true, get: function () { return report_1.rankReport; } });
function fullNumberOf(set, id) {
    return set.byId.get(id)?.fullNumber ?? id;
}
