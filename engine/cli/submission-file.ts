/**
 * Submissions given as JSON files (automation, tests): the documented shape is
 *   { "unit": "Trường Chính trị tỉnh X", "year": 2024, "criteriaSet": "cum-trung-du-2024",
 *     "self": { "I.1": 3.5, "@lop_ke_hoach": 12, "V.1/hoi-thao": "x", ... },
 *     "inspected": { ... } | null, "remarks": { "I.1": "..." }, "evidence": { "I.1": "..." } }
 * Keys are entry keys: a criterion id, "criterion/item" for checklist items and tiers values,
 * "@indicator" for indicator inputs.
 */
import { CompiledSet, evaluate, problem, Submission } from '../core';
import type { ScoredWorkbook } from '../workbook/score';
import { MAX_JSON_DEPTH, nestingExceeds } from '../core/json-limits';

/** A submission is a few kilobytes; 5 MB is far beyond any real one. */
export const MAX_SUBMISSION_BYTES = 5 * 1024 * 1024;

export function scoreSubmissionJson(bytes: Uint8Array, file: string, set: CompiledSet | undefined): ScoredWorkbook {
  const base: ScoredWorkbook = { file, set: null, criteriaSet: null, evaluation: null, figures: [], remarks: {}, problems: [] };
  let sub: Submission & { criteriaSet?: string };
  // Bounded before parsing: size, then nesting depth (one linear pass), so no parser or walker recurses away.
  if (bytes.length > MAX_SUBMISSION_BYTES)
    return { ...base, problems: [problem('file_too_large', { size: Math.round(bytes.length / 1048576), limit: MAX_SUBMISSION_BYTES / 1048576 }, { file })] };
  const text = Buffer.from(bytes).toString('utf8');
  if (nestingExceeds(text)) return { ...base, problems: [problem('json_too_deep', { limit: MAX_JSON_DEPTH }, { file })] };
  try {
    sub = JSON.parse(text);
  } catch (e) {
    return { ...base, problems: [problem('syntax_error', { detail: (e as Error).message }, { file })] };
  }
  if (!sub || typeof sub !== 'object' || Array.isArray(sub))
    return { ...base, problems: [problem('syntax_error', { detail: 'expected an object / cần một đối tượng JSON' }, { file })] };
  if (!set) return { ...base, problems: [problem('criteria_required', {}, { file })] };
  const evaluation = evaluate(set, { ...sub, file });
  return {
    ...base,
    unit: typeof sub.unit === 'string' ? sub.unit : undefined,
    year: typeof sub.year === 'number' ? sub.year : undefined,
    layout: 'json',
    provenance: { mode: 'json' },
    set,
    criteriaSet: { id: set.id, hash: set.hash },
    evaluation,
    remarks: Object.fromEntries(Object.entries(sub.remarks ?? {}).map(([k, v]) => [k, String(v ?? '')])),
    problems: evaluation.problems,
  };
}
