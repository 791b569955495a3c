/**
 * The one rule of an entry: what is valid in a cell and what a valid value counts, written once as data
 * (the checks of an EntrySpec) and read by both sides:
 * - the engine (`judgeEntry`, called by evaluate.ts) for every layout;
 * - the generated workbook (`excelValid`, `excelCounted`, `excelInvalid`, `excelValidation`, used by
 *   template/plan.ts for its data validations, subtotal formulas and red conditional formats).
 *
 * The rule in a generated template ("template" reading): a number entry counts only when the cell holds a
 * real number passing every check (>= min, <= max, whole, on the step); anything else (text, even "3,5";
 * an error; an off-step, negative or too large number) counts 0 in the workbook's formulas AND in the
 * engine, and the engine reports an error at the cell. A flag counts when the cell holds "x" or "có"
 * (Excel compares text case-insensitively, without trimming) or the number 1; blank or 0 is not ticked;
 * anything else counts 0 and is reported.
 *
 * The "tolerant" reading (familiar tables, JSON submissions) keeps what people type there working: a
 * number stored as text ("8,5") is that number, the usual yes/no words are flags, and a deduction typed
 * as a negative number (-5) is that many points deducted.
 */
import type { CellValue, EntrySpec } from './kinds/types';
import { toMilli } from './points';
import { isBlank, parseFlag, parseNumber } from './values';

export type EntryReading = 'template' | 'tolerant';

/** One test a number entry passes to be valid, with the problem code reported when it fails. */
export type EntryCheck =
  | { test: 'min'; value: number; code: 'below_min' }
  | { test: 'max'; value: number; code: 'above_max' }
  | { test: 'integer'; code: 'not_integer' }
  | { test: 'step'; value: number; code: 'off_step' };

/** The texts a template flag cell counts as ticked (besides the number 1). */
export const FLAG_TICKS = ['x', 'có'] as const;

/** The checks of a number entry, in the order the engine reports the first failing one. */
export function entryChecks(spec: EntrySpec): EntryCheck[] {
  const c: EntryCheck[] = [{ test: 'min', value: spec.min, code: 'below_min' }];
  if (spec.max !== undefined) c.push({ test: 'max', value: spec.max, code: 'above_max' });
  if (spec.integer) c.push({ test: 'integer', code: 'not_integer' });
  if (spec.step && spec.step > 0 && !(spec.integer && spec.step === 1)) c.push({ test: 'step', value: spec.step, code: 'off_step' });
  return c;
}

/** Points one unit of a valid value counts (the points per case of a deduction typed as cases, else 1). */
export const pointsPerUnit = (spec: EntrySpec): number => spec.pointsPerUnit ?? 1;

// ------------------------------------------------------------------------------------------- engine

function passes(check: EntryCheck, v: number): boolean {
  switch (check.test) {
    case 'min':
      return v >= check.value;
    case 'max':
      return toMilli(v) <= toMilli(check.value);
    case 'integer':
      return Number.isInteger(v);
    case 'step': {
      const s = toMilli(check.value);
      return s === 0 || toMilli(v) % s === 0;
    }
  }
}

export type Judged =
  | { ok: true; value: number | boolean | null }
  | { ok: false; code: string; params: Record<string, unknown> };

const clipRaw = (v: string) => (v.length > 60 ? `${v.slice(0, 57)}...` : v);

/** What the engine makes of a raw cell value: valid (the value, null for blank) or the failing code. */
export function judgeEntry(spec: EntrySpec, raw: CellValue, reading: EntryReading = 'tolerant'): Judged {
  if (spec.type === 'flag') {
    if (reading === 'tolerant') {
      const p = parseFlag(raw);
      return p.ok ? { ok: true, value: p.value ?? false } : { ok: false, code: 'not_a_flag', params: { value: p.raw } };
    }
    if (isBlank(raw)) return { ok: true, value: false };
    if (typeof raw === 'number' && (raw === 0 || raw === 1)) return { ok: true, value: raw === 1 };
    if (typeof raw === 'string' && (FLAG_TICKS as readonly string[]).includes(raw.toLowerCase())) return { ok: true, value: true };
    return { ok: false, code: 'not_a_flag', params: { value: clipRaw(String(raw)) } };
  }
  let v: number;
  if (reading === 'template') {
    if (isBlank(raw)) return { ok: true, value: null };
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      const text = clipRaw(String(raw));
      // Text that reads as a number ("3,5") is still text to the workbook: its formulas leave it out.
      return typeof raw === 'string' && parseNumber(raw).ok ? { ok: false, code: 'number_as_text', params: { value: text } } : { ok: false, code: 'non_numeric', params: { value: text } };
    }
    v = raw;
  } else {
    const p = parseNumber(raw);
    if (!p.ok) return { ok: false, code: 'non_numeric', params: { value: p.raw } };
    if (p.value === null) return { ok: true, value: null };
    v = p.value;
    // A familiar table writes a deduction as a negative number: -5 deducts 5.
    if (spec.negativeDeducts && v < 0) v = -v;
  }
  for (const check of entryChecks(spec))
    if (!passes(check, v)) {
      const params: Record<string, unknown> = { value: v };
      if (check.test === 'min') params.min = check.value;
      if (check.test === 'max') params.max = check.value;
      if (check.test === 'step') params.step = check.value;
      return { ok: false, code: check.code, params };
    }
  return { ok: true, value: v };
}

// -------------------------------------------------------------------------------------------- Excel

function excelCheck(check: EntryCheck, a: string): string {
  switch (check.test) {
    case 'min':
      return `${a}>=${check.value}`;
    case 'max':
      return `ROUND(${a}*1000,0)<=${toMilli(check.value)}`;
    case 'integer':
      return `INT(${a})=${a}`;
    case 'step':
      return `MOD(ROUND(${a}*1000,0),${toMilli(check.value)})=0`;
  }
}

/** Excel conditions, all TRUE exactly when the number entry in `a` is valid (text or errors: FALSE or an error). */
export function excelValid(a: string, spec: EntrySpec): string[] {
  return [`ISNUMBER(${a})`, ...entryChecks(spec).map((c) => excelCheck(c, a))];
}

const ticked = (a: string) => `OR(${FLAG_TICKS.map((t) => `${a}="${t}"`).join(',')})`;

/**
 * Excel expression of what the entry in `a` counts: a valid number times its points per unit, 1 for a
 * ticked flag, else 0 (never an error: text, error values and invalid numbers count 0, as in the engine).
 */
export function excelCounted(a: string, spec: EntrySpec): string {
  if (spec.type === 'flag') return `IF(ISNUMBER(${a}),IF(${a}=1,1,0),IF(ISTEXT(${a}),IF(${ticked(a)},1,0),0))`;
  const per = pointsPerUnit(spec);
  const checks = entryChecks(spec).map((c) => excelCheck(c, a));
  return `IF(ISNUMBER(${a}),IF(AND(${checks.join(',')}),${per === 1 ? a : `${a}*${per}`},0),0)`;
}

/** Excel condition TRUE when the cell `a` holds something the engine reports (for the red conditional format). */
export function excelInvalid(a: string, spec: EntrySpec): string {
  const otherwise = `IF(ISTEXT(${a}),LEN(TRIM(${a}))>0,NOT(ISBLANK(${a})))`;
  if (spec.type === 'flag')
    return `IF(ISNUMBER(${a}),AND(${a}<>0,${a}<>1),IF(ISTEXT(${a}),AND(LEN(TRIM(${a}))>0,NOT(${ticked(a)})),NOT(ISBLANK(${a}))))`;
  return `IF(ISNUMBER(${a}),NOT(AND(${entryChecks(spec)
    .map((c) => excelCheck(c, a))
    .join(',')})),${otherwise})`;
}

/** How Excel's data validation expresses the rule: a built-in type where it can, else a custom formula. */
export type ExcelValidationRule =
  | { type: 'decimal' | 'whole'; operator: 'between' | 'greaterThanOrEqual'; min: number; max?: number }
  | { type: 'custom'; formula: string }
  | { type: 'list'; list: string[] };

export function excelValidation(a: string, spec: EntrySpec): ExcelValidationRule {
  if (spec.type === 'flag') return { type: 'list', list: ['x'] };
  const checks = entryChecks(spec);
  const step = checks.find((c) => c.test === 'step');
  const whole = checks.some((c) => c.test === 'integer') || (step?.test === 'step' && step.value === 1 && Number.isInteger(spec.min) && (spec.max === undefined || Number.isInteger(spec.max)));
  const range = { min: spec.min, max: spec.max, operator: spec.max !== undefined ? ('between' as const) : ('greaterThanOrEqual' as const) };
  if (!step || (whole && step.value === 1)) return { type: whole ? 'whole' : 'decimal', ...range };
  return { type: 'custom', formula: `AND(${excelValid(a, spec).join(',')})` };
}
