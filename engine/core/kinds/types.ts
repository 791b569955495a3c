import type { NodeDef, SectionRole } from '../model';
import type { Problem } from '../problems';
import type { CompiledExpr, Sandbox } from '../sandbox';

/** A raw cell as read from a workbook or JSON: anything, parsed tolerantly by the kernel. */
export type CellValue = number | string | boolean | null | undefined;

/**
 * One input a criterion needs from the user, per column (self / inspected). Templates write one entry
 * cell per spec with its validation; readers fill values by `key`.
 */
export interface EntrySpec {
  /** Unique in the set: the criterion id for a single-entry criterion, "id/item" for parts, "@name" for indicators. */
  key: string;
  criterion?: string;
  indicator?: string;
  label: string;
  type: 'number' | 'flag';
  min: number;
  max?: number;
  step?: number;
  integer?: boolean;
  /** Blank means 0 / not ticked and is not reported (bonus, deductions, checklist items). */
  blankIsZero: boolean;
  /** What is typed: points (the default), the number of cases of a deduction (số lần), or a measured value. */
  unit?: 'points' | 'cases' | 'value';
  /** Points one valid unit counts (a deduction typed as cases: the points per case); default 1. */
  pointsPerUnit?: number;
  /** A deduction: in a familiar table, a negative number deducts its size (read tolerantly only). */
  negativeDeducts?: boolean;
}

/** Validated entry values of one column: numbers for number entries, booleans for flags, null for blank. */
export type EntryValues = ReadonlyMap<string, number | boolean | null>;
/** Indicator values of one column (inputs and derived), null when unknown. */
export type IndicatorValues = ReadonlyMap<string, number | null>;

/** What a kind's compile step gets: the node, its resolved settings, and the shared services. */
export interface KindCompileContext {
  id: string;
  role: SectionRole;
  max: number;
  step: number;
  sandbox: Sandbox;
  /** Compiled indicators by id (inputs have no expr). */
  indicators: ReadonlyMap<string, { id: string; text: string; expr?: CompiledExpr }>;
  report(p: Problem): void;
  /** Build a problem located at this criterion. */
  problem: (code: Parameters<typeof import('../problems').problem>[0], params?: Record<string, unknown>) => Problem;
}

/** The compiled behaviour of one criterion. */
export interface KindCompiled {
  entries: EntrySpec[];
  /** Indicator ids the score depends on (directly). */
  uses: string[];
  /**
   * Raw points from validated values, before the kernel clamps to 0..max and rounds down to the step.
   * null when an input is missing.
   */
  score(values: EntryValues, indicators: IndicatorValues): number | null;
  /**
   * Excel formula (no leading "=") computing the raw points from entry and indicator cells; absent when
   * the score cell is the single entry cell itself.
   */
  excel?(ref: (key: string) => string): string;
  /** Inputs where the raw points may exceed max, for lint (found by sampling or analysis). */
  exceedsMax?(): { value: number; when: string } | null;
}

/** A criterion kind plugin: registered once in kinds/index.ts; the kernel never names a kind. */
export interface CriterionKind {
  name: string;
  /** Section roles this kind may appear in. */
  roles: SectionRole[];
  /** JSON Schema properties for the kind-specific fields (merged into the published schema). */
  schema: Record<string, unknown>;
  compile(def: NodeDef, ctx: KindCompileContext): KindCompiled;
}
