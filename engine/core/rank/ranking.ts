/**
 * Kernel step "rank": consolidate many scored submissions of one cluster into a ranking. Pure (no fs,
 * no exceljs): the CLI feeds it one file at a time through a RankingCollector and the add-in reuses it.
 *
 * Order of work: refuse what must not be merged (files with errors, no unit, another criteria set or
 * year, two files for one unit) -> final score per unit by policy -> order by final total, then the
 * policy's tie-breakers, sharing the rank when still tied -> classification bands -> award proposals
 * (award-rule plugins, quotas, thresholds, disqualifications) -> discrepancies between self and inspection.
 * Collecting the inputs one file at a time is collector.ts's. Past 400 lines: the steps above share the
 * candidates, entries and notes of one ranking, and each step is a function of its own here.
 */
import type { CompiledSet } from '../compile';
import type { Column, Evaluation } from '../evaluate';
import type { Bilingual } from '../i18n';
import type { AwardDef, RankingPolicy } from '../model';
import { exact, fromMilli, toMilli } from '../points';
import { hasErrors, Problem, problem } from '../problems';
import { awardRuleNames, DEFAULT_AWARD_RULE, getAwardRule } from './awards';
import { joinBilingual, note } from './notes';
import { DEFAULT_TIE_BREAKERS, getTieBreaker, tieBreakerNames } from './tiebreakers';
import type { RankEntry, TieBreaker } from './types';
import { escapeControls, hasControlChars, hasInvisibleChars, unitKey } from '../unit-name';

/** What the ranking needs of one scored input; a ScoredWorkbook (engine/workbook/score.ts) is one. */
export interface RankSource {
  file: string;
  unit?: string;
  year?: number;
  cluster?: string;
  layout?: string;
  set: CompiledSet | null;
  criteriaSet: { id: string; hash: string } | null;
  evaluation: Evaluation | null;
  /** Inspectors' remarks by criterion id. */
  remarks?: Record<string, string>;
  problems: Problem[];
  /** SHA-256 (hex) of the file's bytes, when the caller read them. */
  sha256?: string;
  /** Where the columns came from (provenance, shown per unit in the ranking's sources). */
  provenance?: Provenance;
}

/**
 * Provenance of a file's columns: a self-assessment (its inspection column never counts), an inspection
 * workbook stamped with the school's self entries (selfHash) by team on date from a self file, or a
 * file of another layout (familiar table, JSON), taken as it is.
 */
export interface Provenance {
  mode: 'self' | 'inspection' | 'familiar' | 'json';
  selfHash?: string;
  team?: string;
  date?: string;
  from?: string;
  /** Set by the ranking: the school's self-assessment file checked against this inspection workbook. */
  selfFile?: string;
}

export interface AwardRef {
  id: string;
  label: Bilingual;
}

export interface Disqualified {
  award: string;
  awardLabel: Bilingual;
  criterion: string;
  column: Column;
  reason: string;
}

export interface RankedUnit {
  /** Competition ranking (1, 2, 2, 4): a shared rank when still tied after every tie-breaker. */
  rank: number;
  unit: string;
  file: string;
  self: number | null;
  inspected: number | null;
  final: number;
  source: Column;
  base: number;
  bonus: number;
  penalty: number;
  classification: { label: string; labelEn?: string } | null;
  awards: AwardRef[];
  disqualified: Disqualified[];
  /** inspected total - self total, when both columns exist. */
  moved: number | null;
  tie: { others: string[]; decidedBy: string | null; shared: boolean } | null;
  notes: Bilingual[];
  /** Score of every node of the deciding column (for the matrix). */
  nodes: Record<string, number | null>;
}

export interface Discrepancy {
  unit: string;
  file: string;
  criterion: string;
  number: string;
  text: string;
  sectionId: string;
  self: number;
  inspected: number;
  /** inspected - self. */
  delta: number;
  remark: string | null;
  /** At or above twice the tolerance: highlighted in the workbook. */
  large: boolean;
}

export interface TotalMove {
  unit: string;
  file: string;
  self: number;
  inspected: number;
  delta: number;
}

export interface AwardProposal {
  id: string;
  label: Bilingual;
  quota: number;
  minTotal: number;
  maxRank?: number;
  rule: string;
  units: string[];
  note: Bilingual | null;
}

export interface SourceRecord {
  file: string;
  sha256?: string;
  unit: string | null;
  year: number | null;
  layout: string | null;
  criteriaSet: { id: string; hash: string } | null;
  status: 'ranked' | 'refused';
  /** Codes of the refusal reasons (empty when ranked). */
  refusals: string[];
  problems: Problem[];
  /** Where its columns came from; for a self-assessment given with its unit's inspection workbook, `matched`. */
  provenance: Provenance | null;
  /** The file whose self column this file's was checked against (self file <-> inspection workbook). */
  matchedWith?: string;
}

export interface Ranking {
  /** The criteria set the ranking is on (the one most files share). */
  set: CompiledSet | null;
  criteriaSet: { id: string; hash: string; title: string } | null;
  year: number | null;
  cluster: string | null;
  policy: Required<Pick<RankingPolicy, 'finalScore' | 'tolerance' | 'totalMoveThreshold' | 'tieBreakers'>>;
  units: RankedUnit[];
  discrepancies: Discrepancy[];
  totalMoves: TotalMove[];
  awards: AwardProposal[];
  sources: SourceRecord[];
  /** Every file's own problems, then the refusals and ranking-level findings. */
  problems: Problem[];
  ranked: number;
  refused: number;
}

export { freshCopy, freshString, RankingCollector, slimSource } from './collector';

// ---------------------------------------------------------------------------------------------------
// Building the ranking.

/** Unit names compared for duplicates: see engine/core/unit-name.ts (kept exported here for callers). */
export { unitKey };

interface Candidate {
  src: RankSource;
  reasons: Problem[];
}

const POLICY_DEFAULTS = { finalScore: 'inspected-else-self' as const, tolerance: 1, totalMoveThreshold: 3 };

/** Most frequent key, the first seen winning a tie. */
function majority<K>(keys: K[]): K | undefined {
  const count = new Map<K, number>();
  let best: K | undefined;
  let bestN = 0;
  for (const k of keys) {
    const n = (count.get(k) ?? 0) + 1;
    count.set(k, n);
    if (n > bestN) (best = k), (bestN = n);
  }
  return best;
}

export function buildRanking(inputs: RankSource[]): Ranking {
  const cands: Candidate[] = inputs.map((src) => ({ src, reasons: [] }));
  const at = (c: Candidate) => ({ file: c.src.file });
  const problems: Problem[] = [];

  // 1. Files that cannot be ranked on their own.
  for (const c of cands) {
    const errs = c.src.problems.filter((p) => p.severity === 'error').length;
    if (errs) c.reasons.push(problem('file_has_errors', { count: errs }, at(c)));
    else if (!c.src.evaluation?.final) {
      const policy = c.src.set?.def.policy?.finalScore ?? POLICY_DEFAULTS.finalScore;
      c.reasons.push(problem('no_final_score', { policy }, at(c)));
    }
    if (!c.src.unit?.trim() && !errs) c.reasons.push(problem('unit_missing', {}, at(c)));
    // One unit, one name: control characters are refused, invisible ones folded (and said).
    const u = c.src.unit ?? '';
    if (u && hasControlChars(u)) c.reasons.push(problem('unit_control_chars', { unit: escapeControls(u).slice(0, 160) }, at(c)));
    else if (u && hasInvisibleChars(u)) c.src = { ...c.src, problems: [...c.src.problems, problem('unit_invisible_chars', { unit: escapeControls(u).slice(0, 160) }, at(c))] };
  }

  // 2. One criteria set: the one most files carry.
  const withSet = cands.filter((c) => c.src.criteriaSet);
  const refHash = majority(withSet.map((c) => c.src.criteriaSet!.hash));
  const refCand = withSet.find((c) => c.src.criteriaSet!.hash === refHash);
  const set = refCand?.src.set ?? null;
  const ref = refCand?.src.criteriaSet ?? null;
  const setMismatch = new Set<Candidate>();
  for (const c of withSet)
    if (c.src.criteriaSet!.hash !== refHash) {
      setMismatch.add(c);
      c.reasons.push(
        problem(
          'criteria_set_mismatch',
          { id: c.src.criteriaSet!.id, hash: c.src.criteriaSet!.hash.slice(0, 12), refId: ref!.id, refHash: ref!.hash.slice(0, 12) },
          at(c),
        ),
      );
    }

  // 3. One year: the one most files (on the set) state; the set's own year when none does.
  const withYear = cands.filter((c) => typeof c.src.year === 'number' && !setMismatch.has(c));
  const refYear = majority(withYear.map((c) => c.src.year!)) ?? set?.def.year ?? null;
  const yearMismatch = new Set<Candidate>();
  for (const c of withYear)
    if (c.src.year !== refYear) {
      yearMismatch.add(c);
      c.reasons.push(problem('year_mismatch', { year: c.src.year!, refYear: refYear ?? '' }, at(c)));
    }

  // 4. One file per unit: every copy is refused (the cluster says which one counts).
  const byUnit = new Map<string, Candidate[]>();
  for (const c of cands) {
    if (!c.src.unit?.trim() || setMismatch.has(c) || yearMismatch.has(c)) continue;
    const k = unitKey(c.src.unit);
    byUnit.set(k, [...(byUnit.get(k) ?? []), c]);
  }
  // A school's self-assessment given with its inspection workbook is not a duplicate: the two self
  // columns must agree (the inspection one counts), else neither is ranked.
  const matched = new Map<Candidate, Candidate>();
  for (const group of byUnit.values()) {
    if (group.length === 2) {
      const selfC = group.find((c) => c.src.provenance?.mode === 'self');
      const inspC = group.find((c) => c.src.provenance?.mode === 'inspection');
      if (selfC && inspC) {
        const differs = selfColumnDifferences(selfC.src, inspC.src);
        if (!differs.length) {
          matched.set(selfC, inspC);
          inspC.src = { ...inspC.src, provenance: { ...inspC.src.provenance!, selfFile: selfC.src.file } };
        } else {
          const p = { unit: inspC.src.unit!.trim(), self: selfC.src.file, inspection: inspC.src.file, keys: differs.slice(0, 10).join(', ') };
          for (const c of group) c.reasons.push(problem('self_differs_from_inspection', p, at(c)));
        }
        continue;
      }
    }
    if (group.length > 1) {
      const files = group.map((c) => c.src.file).join(', ');
      for (const c of group) c.reasons.push(problem('duplicate_unit', { unit: c.src.unit!.trim(), files }, at(c)));
    }
  }

  const accepted = cands.filter((c) => c.reasons.length === 0 && !matched.has(c));
  const policyDef = set?.def.policy ?? {};
  const requested = policyDef.tieBreakers ?? DEFAULT_TIE_BREAKERS;
  const breakers: TieBreaker[] = [];
  for (const name of requested) {
    const b = getTieBreaker(name);
    if (b) breakers.push(b);
    else problems.push(problem('unknown_tie_breaker', { name, known: tieBreakerNames().join(', ') }, { path: 'policy/tieBreakers' }));
  }
  const policy = {
    finalScore: policyDef.finalScore ?? POLICY_DEFAULTS.finalScore,
    tolerance: policyDef.tolerance ?? POLICY_DEFAULTS.tolerance,
    totalMoveThreshold: policyDef.totalMoveThreshold ?? POLICY_DEFAULTS.totalMoveThreshold,
    tieBreakers: breakers.map((b) => b.name),
  };

  // 5. Order and ranks.
  const entries: Array<RankEntry & { src: RankSource }> = accepted.map((c) => {
    const ev = c.src.evaluation!;
    const col = (ev.final!.source === 'inspected' ? ev.inspected : ev.self)!;
    return { unit: c.src.unit!.trim(), file: c.src.file, evaluation: ev, final: col, src: c.src };
  });
  const units: RankedUnit[] = [];
  const entryOf = new Map<RankedUnit, RankEntry & { src: RankSource }>();
  if (set) orderAndRank(entries, breakers, set, units, entryOf);

  // 6. Classification.
  const bands = policyDef.classification ?? [];
  for (const u of units) {
    const band = bands.find((b) => toMilli(b.min) <= toMilli(u.final)) ?? bands[bands.length - 1];
    u.classification = band ? { label: band.label, ...(band.labelEn ? { labelEn: band.labelEn } : {}) } : null;
  }

  // 7. Disqualifications, then awards.
  const awardsDef = policyDef.awards ?? [];
  const labelOf = (id: string): Bilingual => {
    const a = awardsDef.find((x) => x.id === id);
    return a ? { vi: a.label, en: a.labelEn ?? a.label } : { vi: id, en: id };
  };
  for (const u of units) {
    const e = entryOf.get(u)!;
    for (const d of e.evaluation.disqualifications) {
      const awardLabel = labelOf(d.award);
      u.disqualified.push({ award: d.award, awardLabel, criterion: d.criterion, column: d.column, reason: d.reason });
      const node = set?.byId.get(d.criterion);
      u.notes.push(
        note('disqualified', {
          award: awardLabel,
          reason: d.reason,
          criterion: node ? node.fullNumber : d.criterion,
          column: d.column === 'inspected' ? note('column_inspected') : note('column_self'),
        }),
      );
    }
  }
  const awards = proposeAwards(awardsDef, units, entryOf, problems);

  // 8. Discrepancies between the columns.
  const discrepancies: Discrepancy[] = [];
  const totalMoves: TotalMove[] = [];
  const tol = toMilli(policy.tolerance);
  for (const u of units) {
    const e = entryOf.get(u)!;
    const { self, inspected } = e.evaluation;
    if (!self || !inspected || !set) continue;
    for (const leaf of set.leaves) {
      const a = self.nodes[leaf.id];
      const b = inspected.nodes[leaf.id];
      if (a === null || a === undefined || b === null || b === undefined) continue;
      const d = toMilli(b) - toMilli(a);
      if (d === 0 || Math.abs(d) < tol) continue;
      discrepancies.push({
        unit: u.unit,
        file: u.file,
        criterion: leaf.id,
        number: fullNumberOf(set, leaf.id),
        text: leaf.text,
        sectionId: leaf.sectionId,
        self: a,
        inspected: b,
        delta: fromMilli(d),
        remark: e.src.remarks?.[leaf.id] ?? null,
        large: tol > 0 && Math.abs(d) >= 2 * tol,
      });
    }
    const moved = toMilli(inspected.total) - toMilli(self.total);
    if (Math.abs(moved) >= toMilli(policy.totalMoveThreshold) && moved !== 0) {
      totalMoves.push({ unit: u.unit, file: u.file, self: self.total, inspected: inspected.total, delta: fromMilli(moved) });
      const shown = `${moved > 0 ? '+' : ''}${fromMilli(moved)}`;
      u.notes.push(note('total_moved', { delta: { vi: shown.replace('.', ','), en: shown } }));
    }
  }

  // 9. Where every file went.
  const sources: SourceRecord[] = cands.map((c) => ({
    file: c.src.file,
    ...(c.src.sha256 ? { sha256: c.src.sha256 } : {}),
    unit: c.src.unit?.trim() || null,
    year: c.src.year ?? null,
    layout: c.src.layout ?? null,
    criteriaSet: c.src.criteriaSet,
    status: c.reasons.length ? 'refused' : 'ranked',
    refusals: c.reasons.map((p) => p.code),
    problems: [...c.src.problems, ...c.reasons],
    provenance: c.src.provenance ?? null,
    ...(matched.has(c) ? { matchedWith: matched.get(c)!.src.file } : c.src.provenance?.selfFile ? { matchedWith: c.src.provenance.selfFile } : {}),
  }));
  const all: Problem[] = [];
  for (const s of sources) all.push(...s.problems);
  all.push(...problems);
  if (!units.length && inputs.length) all.push(problem('nothing_ranked', {}));

  const clusters = cands.map((c) => c.src.cluster).filter((x): x is string => !!x);
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
    refused: cands.length - accepted.length - matched.size,
  };
}

/** Criteria (and totals) where two files' self columns differ, or ["selfHash"] when only the stamps say so. */
function selfColumnDifferences(a: RankSource, b: RankSource): string[] {
  const x = a.evaluation?.self;
  const y = b.evaluation?.self;
  const out: string[] = [];
  if (x && y) {
    for (const id of Object.keys({ ...x.nodes, ...y.nodes })) if ((x.nodes[id] ?? null) !== (y.nodes[id] ?? null) && toMilli(x.nodes[id] ?? 0) !== toMilli(y.nodes[id] ?? 0)) out.push(id);
    if (!out.length && toMilli(x.total) !== toMilli(y.total)) out.push('total');
  } else if (!!x !== !!y) out.push('self');
  if (!out.length && a.provenance?.selfHash !== b.provenance?.selfHash) out.push('selfHash');
  return out;
}


function orderAndRank<E extends RankEntry>(entries: E[], breakers: TieBreaker[], set: CompiledSet, out: RankedUnit[], entryOf: Map<RankedUnit, E>): void {
  const byTotal = [...entries].sort((a, b) => toMilli(b.final.total) - toMilli(a.final.total) || collate(a.unit, b.unit));
  let position = 0;
  for (let i = 0; i < byTotal.length; ) {
    let j = i;
    while (j < byTotal.length && toMilli(byTotal[j].final.total) === toMilli(byTotal[i].final.total)) j++;
    const group = byTotal.slice(i, j);
    const decidedBy = new Map<RankEntry, string>();
    const parts = resolveTie(group, 0, breakers, set, decidedBy);
    for (const part of parts) {
      const rank = position + 1;
      for (const e of part) {
        const ev = e.evaluation;
        const u: RankedUnit = {
          rank,
          unit: e.unit,
          file: e.file ?? '',
          self: ev.self?.total ?? null,
          inspected: ev.inspected?.total ?? null,
          final: exact(e.final.total),
          source: ev.final!.source,
          base: e.final.base,
          bonus: e.final.bonus,
          penalty: e.final.penalty,
          classification: null,
          awards: [],
          disqualified: [],
          moved: ev.self && ev.inspected ? fromMilli(toMilli(ev.inspected.total) - toMilli(ev.self.total)) : null,
          tie: null,
          notes: [],
          nodes: e.final.nodes,
        };
        if (group.length > 1) {
          const shared = part.length > 1;
          const others = (shared ? part : group).filter((x) => x !== e).map((x) => x.unit);
          const by = decidedBy.get(e) ?? null;
          u.tie = { others: group.filter((x) => x !== e).map((x) => x.unit), decidedBy: shared ? null : by, shared };
          if (shared)
            u.notes.push(
              note('tie_shared', {
                others: others.join(', '),
                breakers: breakers.length ? joinBilingual(breakers.map((b) => b.label), '; ') : '—',
                rank,
              }),
            );
          else if (by) u.notes.push(note('tie_decided', { others: others.join(', '), reasons: tieReasons(e, group, breakers, set) }));
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
 * What decided a unit's place among equal totals, from its own point of view: for every other unit of the
 * group, the first tie-breaker that separates them, worded for the winner ("higher base score than X")
 * or the loser ("lower base score than Y"); units still tied with it are left out.
 */
function tieReasons(e: RankEntry, group: RankEntry[], breakers: TieBreaker[], set: CompiledSet): Bilingual {
  const reasons: Array<{ words: Bilingual; units: string[] }> = [];
  for (const x of group) {
    if (x === e) continue;
    const b = breakers.find((t) => t.compare(e, x, set) !== 0);
    if (!b) continue;
    const won = b.compare(e, x, set) < 0;
    const words = won ? b.better ?? b.label : b.worse ?? { vi: `thua theo: ${b.label.vi}`, en: `behind by: ${b.label.en}` };
    const r = reasons.find((q) => q.words === words);
    if (r) r.units.push(x.unit);
    else reasons.push({ words, units: [x.unit] });
  }
  return joinBilingual(
    reasons.map((r) => ({ vi: `${r.words.vi} ${r.units.join(', ')}`, en: `${r.words.en} ${r.units.join(', ')}` })),
    '; ',
  );
}

/**
 * Split a group of equal totals by the tie-breakers in order. Returns the ordered sub-groups that are
 * still tied (one unit each when fully resolved); `decidedBy` records the tie-breaker that last
 * separated each unit from the others.
 */
function resolveTie<E extends RankEntry>(group: E[], level: number, breakers: TieBreaker[], set: CompiledSet, decidedBy: Map<RankEntry, string>): E[][] {
  if (group.length < 2 || level >= breakers.length) return [group];
  const b = breakers[level];
  const sorted = [...group].sort((x, y) => b.compare(x, y, set)); // stable: the name order survives ties
  const parts: E[][] = [];
  for (const e of sorted) {
    const last = parts[parts.length - 1];
    if (last && b.compare(last[0], e, set) === 0) last.push(e);
    else parts.push([e]);
  }
  if (parts.length > 1) for (const e of group) decidedBy.set(e, b.name);
  return parts.flatMap((p) => resolveTie(p, level + 1, breakers, set, decidedBy));
}

/** Made on the first tie it orders (creating a Vietnamese collator costs about 13 ms). */
let collator: Intl.Collator | undefined;
function collate(a: string, b: string): number {
  return (collator ??= new Intl.Collator('vi')).compare(a, b);
}

function proposeAwards(defs: AwardDef[], units: RankedUnit[], entryOf: Map<RankedUnit, RankEntry>, problems: Problem[]): AwardProposal[] {
  const out: AwardProposal[] = [];
  const awarded = new Set<RankedUnit>();
  const byEntry = new Map<RankEntry, RankedUnit>();
  for (const [u, e] of entryOf) byEntry.set(e, u);
  for (const a of defs) {
    const label: Bilingual = { vi: a.label, en: a.labelEn ?? a.label };
    const ruleName = a.rule ?? DEFAULT_AWARD_RULE;
    const rule = getAwardRule(ruleName);
    const proposal: AwardProposal = { id: a.id, label, quota: a.quota, minTotal: a.minTotal, maxRank: a.maxRank, rule: ruleName, units: [], note: null };
    out.push(proposal);
    if (!rule) {
      problems.push(problem('unknown_award_rule', { name: ruleName, known: awardRuleNames().join(', ') }, { path: `policy/awards/${a.id}` }));
      continue;
    }
    const exclusive = a.exclusive !== false;
    const eligible = (u: RankedUnit) =>
      toMilli(u.final) >= toMilli(a.minTotal) && !u.disqualified.some((d) => d.award === a.id) && !(exclusive && awarded.has(u));
    const ranked = units.map((u) => ({ entry: entryOf.get(u)!, rank: u.rank, eligible: eligible(u) }));
    const chosen = rule
      .select(a, ranked)
      .map((e) => byEntry.get(e))
      .filter((u): u is RankedUnit => !!u && eligible(u) && (a.maxRank === undefined || u.rank <= a.maxRank))
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
        problems.push(problem('award_tie_over_quota', { units: tied.map((u) => u.unit).join(', '), rank: tied[0].rank, quota: a.quota, award: a.label }));
        for (const u of tied)
          u.notes.push(note('award_tie_over_quota', { rank: u.rank, others: tied.filter((x) => x !== u).map((x) => x.unit).join(', '), award: label }));
        proposal.note = note('award_tie_over_quota', { rank: tied[0].rank, others: tied.map((x) => x.unit).join(', '), award: label });
      } else if (!chosen.length) proposal.note = note('award_none');
    }
  }
  return out;
}

/** Is this a ranking worth writing (at least one unit ranked, no ranking-level errors)? */
export function rankingOk(r: Ranking): boolean {
  return r.refused === 0 && r.units.length > 0 && !hasErrors(r.problems);
}

export { rankReport } from './report';
export type { RankReport, RankReportRow } from './report';

function fullNumberOf(set: CompiledSet, id: string): string {
  return set.byId.get(id)?.fullNumber ?? id;
}
