/**
 * Kernel step 2: evaluate a submission (the entries of the self and inspection columns) against a
 * compiled set: validate every entry, compute indicators and every criterion, aggregate sections, bonus
 * (capped) and deductions, and report problems located at the cell they came from.
 */
import type { CompiledLeaf, CompiledNode, CompiledSet } from './compile';
import type { CellValue, EntrySpec } from './kinds/types';
import { EntryReading, judgeEntry } from './entry-rule';
import { floorToStep, fromMilli, Milli, toMilli } from './points';
import { Location, Problem, problem } from './problems';
import { FormulaError } from './sandbox';
import { isBlank } from './values';

export type Column = 'self' | 'inspected';

/** An entered value with where it came from (readers fill sheet/cell; JSON submissions may not). */
export interface Entry {
  value: CellValue;
  sheet?: string;
  cell?: string;
}

export type ColumnEntries = Record<string, CellValue | Entry>;

/** What one unit handed in, independent of the file format it came in. */
export interface Submission {
  unit?: string;
  year?: number;
  file?: string;
  self?: ColumnEntries | null;
  inspected?: ColumnEntries | null;
  /** Inspectors' remarks (ghi chú) by criterion id; given only when the format has the column. */
  remarks?: Record<string, CellValue | Entry>;
  /** Evidence (minh chứng) by criterion id; given only when the format has the column. */
  evidence?: Record<string, CellValue | Entry>;
  /** How typed values are read (entry-rule.ts): "template" for generated workbooks, else tolerant. */
  reading?: EntryReading;
}

export interface SectionScore {
  id: string;
  number: string;
  text: string;
  role: 'base' | 'bonus' | 'deduction';
  score: number;
  max: number | null;
}

export interface ColumnScore {
  total: number;
  base: number;
  bonus: number;
  penalty: number;
  /** Bonus before the cap. */
  bonusRaw: number;
  sections: SectionScore[];
  /** Score of every node (criteria and groups) by id; null where an entry is missing or invalid. */
  nodes: Record<string, number | null>;
  /** Entries filled / entries expected (those that are not blank-means-zero). */
  filled: number;
  expected: number;
  complete: boolean;
}

export interface Disqualification {
  award: string;
  criterion: string;
  column: Column;
  reason: string;
}

export interface Evaluation {
  unit?: string;
  self: ColumnScore | null;
  inspected: ColumnScore | null;
  final: { total: number; source: Column } | null;
  disqualifications: Disqualification[];
  problems: Problem[];
}

const asEntry = (v: CellValue | Entry | undefined): Entry =>
  v !== null && typeof v === 'object' ? (v as Entry) : { value: v as CellValue };

/** Each language its own word (a message shows one language). */
const COLUMN_NAME: Record<Column, { vi: string; en: string }> = { self: { vi: 'tự chấm', en: 'self' }, inspected: { vi: 'Cụm chấm', en: 'inspected' } };

/** True when a column has any non-blank entry (an absent inspection column is not an error). */
export function columnPresent(set: CompiledSet, entries: ColumnEntries | null | undefined): boolean {
  if (!entries) return false;
  for (const k of Object.keys(entries)) if (set.entryByKey.has(k) && !isBlank(asEntry(entries[k]).value)) return true;
  return false;
}

/** Score one column. Invalid entries are reported and count as nothing; they are never guessed. */
export function scoreColumn(
  set: CompiledSet,
  entries: ColumnEntries,
  column: Column,
  where: Location = {},
  reading: EntryReading = 'tolerant',
): { score: ColumnScore; problems: Problem[] } {
  const problems: Problem[] = [];
  const values = new Map<string, number | boolean | null>();
  let filled = 0;
  let expected = 0;

  for (const spec of set.entries) {
    const e = asEntry(entries[spec.key]);
    const v = validateEntry(spec, e, where, column, problems, reading);
    values.set(spec.key, v);
    if (!spec.blankIsZero) {
      expected++;
      if (v !== null) filled++;
    }
  }
  for (const k of Object.keys(entries))
    if (!set.entryByKey.has(k)) problems.push(problem('unknown_entry', { key: k }, { ...where, column }));

  // Indicators: inputs as entered, derived ones in dependency order.
  const indicators = new Map<string, number | null>();
  for (const ind of set.indicators) {
    if (!ind.expr) {
      indicators.set(ind.id, (values.get(`@${ind.id}`) as number | null) ?? null);
      continue;
    }
    const scope = new Map<string, number>();
    let missing = false;
    for (const s of ind.expr.symbols) {
      const v = indicators.get(s);
      if (v === null || v === undefined) missing = true;
      else scope.set(s, v);
    }
    if (missing) {
      indicators.set(ind.id, null);
      continue;
    }
    try {
      indicators.set(ind.id, ind.expr.evaluate(scope));
    } catch (e) {
      indicators.set(ind.id, null);
      if (e instanceof FormulaError)
        problems.push(problem('formula_not_finite', { detail: `${ind.id}: ${e.reasonEn}` }, { ...where, criterion: ind.id, column }));
      else throw e;
    }
  }

  const nodes: Record<string, number | null> = {};
  const milli = new Map<string, Milli>();
  for (const leaf of set.leaves) {
    const s = scoreLeaf(leaf, values, indicators, entries, column, where, problems);
    nodes[leaf.id] = s;
    milli.set(leaf.id, s === null ? 0 : toMilli(s));
  }

  // Groups bottom-up (reverse pre-order visits children before parents).
  for (let i = set.nodes.length - 1; i >= 0; i--) {
    const n = set.nodes[i];
    if (n.isLeaf) continue;
    let sum = 0;
    for (const c of n.childIds) sum += milli.get(c) ?? 0;
    milli.set(n.id, sum);
    nodes[n.id] = fromMilli(sum);
  }

  let base = 0;
  let bonusRaw = 0;
  let bonus = 0;
  let penalty = 0;
  const sections = set.sections.map((s): SectionScore => {
    let m = milli.get(s.id) ?? 0;
    if (s.role === 'base') base += m;
    else if (s.role === 'bonus') {
      bonusRaw += m;
      const cap = toMilli(s.cap ?? s.max ?? 0);
      if (m > cap) {
        problems.push(problem('bonus_capped', { value: fromMilli(m), cap: fromMilli(cap) }, { ...where, criterion: s.id, column }));
        m = cap;
      }
      bonus += m;
    } else {
      // A deduction section with a cap ("trừ tối đa 10 điểm") takes off at most the cap: said in a note.
      if (s.cap !== undefined && m > toMilli(s.cap)) {
        problems.push(problem('deduction_capped', { value: fromMilli(m), cap: s.cap }, { ...where, criterion: s.id, column }));
        m = toMilli(s.cap);
      }
      penalty += m;
    }
    nodes[s.id] = fromMilli(m);
    return { id: s.id, number: s.number, text: s.text, role: s.role, score: fromMilli(m), max: s.role === 'base' ? s.max : (s.cap ?? s.max) };
  });

  return {
    score: {
      total: fromMilli(base + bonus - penalty),
      base: fromMilli(base),
      bonus: fromMilli(bonus),
      penalty: fromMilli(penalty),
      bonusRaw: fromMilli(bonusRaw),
      sections,
      nodes,
      filled,
      expected,
      complete: filled === expected,
    },
    problems,
  };
}

/** Where an entry is; built only when something is wrong, since scoring must stay well under 1 ms. */
function entryLocation(where: Location, e: Entry, criterion: string | undefined, column: Column): Location {
  return { ...where, sheet: e.sheet ?? where.sheet, cell: e.cell, criterion, column };
}

function validateEntry(
  spec: EntrySpec,
  e: Entry,
  where: Location,
  column: Column,
  problems: Problem[],
  reading: EntryReading,
): number | boolean | null {
  const j = judgeEntry(spec, e.value, reading);
  if (!j.ok) {
    problems.push(problem(j.code as Parameters<typeof problem>[0], j.params, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
    return null;
  }
  if (j.value === null && !spec.blankIsZero)
    problems.push(problem('missing_entry', { column: COLUMN_NAME[column] }, entryLocation(where, e, spec.criterion ?? spec.indicator, column)));
  return j.value;
}

function scoreLeaf(
  leaf: CompiledLeaf,
  values: Map<string, number | boolean | null>,
  indicators: Map<string, number | null>,
  entries: ColumnEntries,
  column: Column,
  where: Location,
  problems: Problem[],
): number | null {
  let raw: number | null;
  try {
    raw = leaf.impl.score(values, indicators);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    problems.push(problem('formula_not_finite', { detail: e.reasonEn }, entryLocation(where, leaf.entries[0] ? asEntry(entries[leaf.entries[0].key]) : { value: null }, leaf.id, column)));
    return null;
  }
  if (raw === null || !leaf.computed) return raw;
  // Computed points are bounded to 0..max and rounded down to the step grid, as the template's formula does.
  const max = leaf.max ?? 0;
  const clamped = Math.min(Math.max(raw, 0), max);
  if (toMilli(raw) < 0 || toMilli(raw) > toMilli(max))
    problems.push(problem('formula_out_of_range', { value: Math.round(raw * 1000) / 1000, max, clamped }, entryLocation(where, leaf.entries[0] ? asEntry(entries[leaf.entries[0].key]) : { value: null }, leaf.id, column)));
  return floorToStep(clamped, leaf.step);
}

/** Evaluate a whole submission: both columns, evidence, remarks, final score and disqualifications. */
export function evaluate(
  set: CompiledSet,
  sub: Submission,
  opts: { finalScore?: 'inspected-else-self' | 'inspected' | 'self' } = {},
): Evaluation {
  const where: Location = { file: sub.file };
  const problems: Problem[] = [];
  const run = (col: Column, entries: ColumnEntries | null | undefined) => {
    if (!columnPresent(set, entries)) return null;
    const r = scoreColumn(set, entries!, col, where, sub.reading ?? 'tolerant');
    problems.push(...r.problems);
    return r.score;
  };
  const self = run('self', sub.self);
  const inspected = run('inspected', sub.inspected);
  if (!self && !inspected) problems.push(problem('column_empty', {}, where));

  if (sub.evidence && self) {
    for (const leaf of set.leaves) {
      if (!leaf.evidence || !(self.nodes[leaf.id]! > 0)) continue;
      const ev = asEntry(sub.evidence[leaf.id]);
      if (isBlank(ev.value)) problems.push(problem('missing_evidence', {}, { ...where, sheet: ev.sheet, cell: ev.cell, criterion: leaf.id }));
    }
  }
  if (sub.remarks && self && inspected) {
    for (const leaf of set.leaves) {
      const a = self.nodes[leaf.id];
      const b = inspected.nodes[leaf.id];
      if (a === null || b === null || toMilli(a) === toMilli(b)) continue;
      const r = asEntry(sub.remarks[leaf.id]);
      if (isBlank(r.value))
        problems.push(problem('change_without_remark', { self: a, inspected: b }, { ...where, sheet: r.sheet, cell: r.cell, criterion: leaf.id }));
    }
  }

  const policy = opts.finalScore ?? set.def.policy?.finalScore ?? 'inspected-else-self';
  const source: Column | null =
    policy === 'self' ? (self ? 'self' : null) : policy === 'inspected' ? (inspected ? 'inspected' : null) : inspected ? 'inspected' : self ? 'self' : null;
  const finalCol = source === 'inspected' ? inspected : source === 'self' ? self : null;

  const disqualifications: Disqualification[] = [];
  if (finalCol && source)
    for (const leaf of set.leaves)
      if (leaf.disqualifies.length && (finalCol.nodes[leaf.id] ?? 0) > 0)
        for (const award of leaf.disqualifies) disqualifications.push({ award, criterion: leaf.id, column: source, reason: leaf.text });

  return {
    unit: sub.unit,
    self,
    inspected,
    final: finalCol && source ? { total: finalCol.total, source } : null,
    disqualifications,
    problems,
  };
}

export type { CompiledNode };
