import type { CompiledSet } from '../compile';
import type { AwardDef } from '../model';
import type { ColumnScore, Evaluation } from '../evaluate';

/** One unit as the ranking sees it: its evaluation and the column its final score comes from. */
export interface RankEntry {
  unit: string;
  file?: string;
  evaluation: Evaluation;
  /** The column that decides (inspected where present, else self, by policy). */
  final: ColumnScore;
}

/**
 * A tie-breaker plugin: compares two units whose final totals are equal. Negative when `a` ranks first.
 * Registered by name in tiebreakers.ts; a policy lists names in order.
 */
export interface TieBreaker {
  name: string;
  label: { vi: string; en: string };
  /** From the winner's point of view, followed by the units it beat ("higher base score than"). */
  better?: { vi: string; en: string };
  /** From the loser's point of view, followed by the units that beat it ("lower base score than"). */
  worse?: { vi: string; en: string };
  compare(a: RankEntry, b: RankEntry, set: CompiledSet): number;
}

/** An award rule plugin: picks up to `award.quota` units among the ranked, eligible ones. */
export interface AwardRule {
  name: string;
  select(award: AwardDef, ranked: ReadonlyArray<{ entry: RankEntry; rank: number; eligible: boolean }>): RankEntry[];
}
