/**
 * The criteria set as authored (YAML/JSON/Excel sheet): data, not code. Published as a JSON Schema in
 * criteria-set.schema.json; see the glossary for the Vietnamese names.
 */

/** What a section contributes to the total: scored base, capped bonus, or deductions. */
export type SectionRole = 'base' | 'bonus' | 'deduction';

/** A node of the table: a group when it has children, a criterion (leaf, takes entries) otherwise. */
export interface NodeDef {
  /** Stable identifier, unique in the set (e.g. "II.2.1"). Defaults to the dotted numbering path. */
  id: string;
  /** Numbering as printed (I, 1, 2.1, a). */
  number?: string;
  text: string;
  /** Điểm chuẩn. Groups: must equal the sum of their children (except a capped bonus group). */
  max?: number;
  children?: NodeDef[];
  /** Leaves only: the criterion kind (a registered plugin). Default by role: manual, bonus, deduction. */
  kind?: string;
  /** Allowed increments of an entered score (e.g. 0.25, 0.5). Inherits from the set. */
  step?: number;
  /** Whether a score above 0 needs evidence (minh chứng). Inherits from the set. */
  evidence?: boolean;
  /** Free guidance shown to schools and inspectors (how to score, which documents). */
  guidance?: string;
  /** Kind-specific properties (formula, items, tiers, perOccurrence, disqualifies ...). */
  [extra: string]: unknown;
}

export interface SectionDef extends NodeDef {
  /** Default "base". */
  role?: SectionRole;
  /**
   * Bonus sections: the most they can add (điểm thưởng tối đa). Deduction sections: the most they can
   * take off ("trừ tối đa 10 điểm"); without it a deduction section takes off everything its items add up to.
   */
  cap?: number;
}

/** An indicator (chỉ số): a number entered once per column, or derived from others by a formula. */
export interface IndicatorDef {
  id: string;
  text: string;
  unit?: string;
  /** Derived indicator: a sandboxed mathjs expression over other indicators. */
  expr?: string;
  min?: number;
  max?: number;
  integer?: boolean;
}

export interface ClassificationBand {
  label: string;
  labelEn?: string;
  /** Lowest total (inclusive) for this band. */
  min: number;
}

export interface AwardDef {
  id: string;
  label: string;
  labelEn?: string;
  /** How many units may receive it. */
  quota: number;
  /** Lowest final total to be proposed. */
  minTotal: number;
  /** Award rule plugin, default "top-eligible". */
  rule?: string;
  /** Only units whose rank is at most this (e.g. 1 for the flag). */
  maxRank?: number;
  /** A unit proposed for an earlier award in the list is not proposed again (default true). */
  exclusive?: boolean;
}

export interface RankingPolicy {
  /** Which score decides: default "inspected-else-self". */
  finalScore?: 'inspected-else-self' | 'inspected' | 'self';
  /** |self - inspected| at or above which a criterion is reported (default 1). */
  tolerance?: number;
  /** A unit whose total moved by this much or more is reported (default 3). */
  totalMoveThreshold?: number;
  classification?: ClassificationBand[];
  /** Registered tie-breaker names, applied in order. */
  tieBreakers?: string[];
  awards?: AwardDef[];
}

export interface CriteriaSet {
  /** Stable id of the set, e.g. "cum-trung-du-2024". */
  id: string;
  title: string;
  cluster?: string;
  year?: number;
  /** Default step for entered scores. */
  step?: number;
  /** Default evidence requirement. */
  evidence?: boolean;
  indicators?: IndicatorDef[];
  sections: SectionDef[];
  policy?: RankingPolicy;
  /** Free notes (source, who approved it). */
  notes?: string;
  /** Set by `thidua import`: where the familiar table was and how its columns were read. */
  familiarLayout?: FamiliarLayoutDef;
}

/** How a familiar (hand-made) table was read at import; filled copies are read the same way. */
export interface FamiliarLayoutDef {
  sheet?: string;
  /** First header row (1-based). */
  headerRow?: number;
  /** Column letter by role (number, text, max, self, inspected, evidence, remarks). */
  columns?: Record<string, string>;
  /** How each role was found: "label", "content" or "given". */
  found?: Record<string, string>;
  /** The import's warnings, told again at every check/score of a filled copy. */
  warnings?: Array<{ code: string; sheet?: string; cell?: string; vi: string; en: string }>;
}
