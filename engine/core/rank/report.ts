/**
 * The JSON contract of `thidua rank` (DESIGN.md): built from a Ranking, in one language. Pure, so the
 * add-in shows exactly what the CLI prints.
 */
import type { Bilingual, Lang } from '../i18n';
import { localize, Problem } from '../problems';
import type { Provenance, Ranking } from './ranking';

export interface RankReportRow {
  rank: number;
  unit: string;
  final: number;
  self: number | null;
  inspected: number | null;
  source: 'inspected' | 'self';
  base: number;
  bonus: number;
  penalty: number;
  classification: string | null;
  /** Label of the award proposed (several joined with "; "), or null. */
  award: string | null;
  awards: string[];
  /** Awards the unit is barred from, with the reason; empty when none. */
  disqualified: Array<{ award: string; criterion: string; reason: string }>;
  moved: number | null;
  notes: string[];
  file: string;
  /** Where the columns came from (mode, inspection stamp, self file checked against). */
  provenance: (Omit<Provenance, 'selfFile'> & { file: string; selfFile: string | null }) | null;
}

export interface RankReport {
  criteriaSet: { id: string; hash: string; title: string } | null;
  cluster: string | null;
  year: number | null;
  policy: Ranking['policy'];
  ranking: RankReportRow[];
  discrepancies: Array<{ unit: string; criterion: string; number: string; self: number; inspected: number; delta: number; remark: string | null; file: string }>;
  totalMoves: Ranking['totalMoves'];
  awards: Array<{ id: string; label: string; quota: number; minTotal: number; maxRank: number | null; units: string[]; note: string | null }>;
  sources: Array<{ file: string; sha256: string | null; unit: string | null; year: number | null; layout: string | null; criteriaSet: { id: string; hash: string } | null; status: 'ranked' | 'refused'; refusals: string[]; provenance: Provenance | null; matchedWith: string | null }>;
  summary: { files: number; ranked: number; refused: number };
  problems: Problem[];
}

/**
 * Where a ranked unit's columns came from: the file's mode, its inspection stamp, and the self file it was
 * checked against (null for a unit the ranking has no source record for).
 */
function provenanceOf(bySource: Map<string, Ranking['sources'][number]>, file: string): (Omit<Provenance, 'selfFile'> & { file: string; selfFile: string | null }) | null {
  const s = bySource.get(file);
  if (!s?.provenance) return null;
  return { ...s.provenance, file, selfFile: s.matchedWith ?? s.provenance.selfFile ?? null };
}

export function rankReport(r: Ranking, lang: Lang): RankReport {
  const tr = (b: Bilingual) => b[lang];
  const bySource = new Map(r.sources.map((s) => [s.file, s]));
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
      provenance: provenanceOf(bySource, u.file),
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
      provenance: s.provenance ?? null,
      matchedWith: s.matchedWith ?? null,
    })),
    summary: { files: r.sources.length, ranked: r.ranked, refused: r.refused },
    problems: localize(r.problems, lang),
  };
}
