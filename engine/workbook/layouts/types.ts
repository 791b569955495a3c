import type { CompiledSet, Problem, Submission } from '../../core';
import type { Grid } from '../../core/grid';
import type { WorkbookValidations } from '../xlsx-read';

/** What a layout reader gets: the workbook's sheets as grids, its data validations, and the context of the run. */
export interface LayoutInput {
  file: string;
  grids: Grid[];
  /** Data validations per sheet name: address -> {type, formulae}. */
  validations: WorkbookValidations;
  /** Criteria set given on the command line (--criteria); required by layouts that do not embed one. */
  criteria?: CompiledSet;
}

/** A cell of the workbook whose own value (from its formula) is compared with the engine's. */
export interface WorkbookFigure {
  /** Node id (criterion, group, section) or "total" / "base" / "bonus" / "penalty". */
  node: string;
  column: 'self' | 'inspected';
  sheet: string;
  cell: string;
  formula?: string;
  /** The value the workbook shows (cached result, or recomputed from its formula where possible). */
  value: number | null;
  /** The total the unit signs (a template's TongTuCham / TongCumCham): a difference is an error. */
  signed?: boolean;
}

export interface LayoutReadResult {
  set: CompiledSet | null;
  submission: Submission | null;
  /** Figures the workbook computes itself (subtotals, totals) to compare with the recomputation. */
  figures: WorkbookFigure[];
  problems: Problem[];
  meta: {
    unit?: string;
    year?: number;
    cluster?: string;
    mode?: 'self' | 'inspection';
    /** Digest of the self column (template layout: engine/core/template/stamp.ts). */
    selfHash?: string;
    /** Inspection workbooks: the stamp's team, date and self-assessment file. */
    team?: string;
    inspectedOn?: string;
    fromFile?: string;
  };
  /**
   * Where a criterion's score (or an indicator's input) sits in a column, so that problems the kernel
   * finds on computed criteria (a formula dividing by zero) still name a cell.
   */
  cellOf?(criterionOrIndicator: string, column: 'self' | 'inspected'): { sheet: string; cell: string } | undefined;
}

/**
 * A workbook layout plugin (the project's generated template, the cluster's familiar table, ...).
 * Registered in layouts/index.ts; `detect` scores how sure it is that it can read the workbook.
 */
export interface WorkbookLayout {
  name: string;
  /** 0 = cannot read; higher wins. Called with the run's context (criteria may be absent). */
  detect(input: LayoutInput): number;
  read(input: LayoutInput): LayoutReadResult;
}
