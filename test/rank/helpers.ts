/** Small criteria sets and submissions for the ranking tests, built as data. */
import { CompiledSet, CriteriaSet, evaluate, loadCriteriaDef, RankingPolicy, RankSource } from '../../engine/core';

/**
 * Three base sections (A: 2 x 10, B: 10, C: 10), a bonus capped at 2 and two deductions, the second
 * barring the flag. Every criterion is typed by hand, so totals are easy to reason about.
 */
export function tinyDef(policy: RankingPolicy = {}, patch: (d: CriteriaSet) => void = () => {}): CriteriaSet {
  const d: CriteriaSet = {
    id: 'tiny',
    title: 'Tiny cluster table',
    cluster: 'Cụm thử nghiệm',
    year: 2024,
    step: 0.25,
    evidence: false,
    sections: [
      { id: 'A', number: 'I', text: 'Section A', max: 20, children: [{ id: 'A.1', number: '1', text: 'a1', max: 10 }, { id: 'A.2', number: '2', text: 'a2', max: 10 }] },
      { id: 'B', number: 'II', text: 'Section B', max: 10, children: [{ id: 'B.1', number: '1', text: 'b1', max: 10 }] },
      { id: 'C', number: 'III', text: 'Section C', max: 10, children: [{ id: 'C.1', number: '1', text: 'c1', max: 10 }] },
      { id: 'X', number: 'IV', text: 'Bonus', role: 'bonus', cap: 2, max: 2, children: [{ id: 'X.1', number: '1', text: 'x1', max: 2 }] },
      {
        id: 'D',
        number: 'V',
        text: 'Deductions',
        role: 'deduction',
        children: [
          { id: 'D.1', number: '1', text: 'late report', perOccurrence: 1 },
          { id: 'D.2', number: '2', text: 'Kỷ luật khiển trách', perOccurrence: 5, disqualifies: ['flag'] },
        ],
      },
    ],
    policy: {
      classification: [
        { label: 'Xuất sắc', labelEn: 'Excellent', min: 35 },
        { label: 'Tốt', labelEn: 'Good', min: 30 },
        { label: 'Khá', labelEn: 'Fair', min: 20 },
      ],
      awards: [
        { id: 'flag', label: 'Cờ thi đua', labelEn: 'Flag', quota: 1, minTotal: 30, maxRank: 1 },
        { id: 'merit', label: 'Bằng khen', labelEn: 'Merit', quota: 2, minTotal: 25 },
      ],
      ...policy,
    },
  };
  patch(d);
  return d;
}

export function compile(d: CriteriaSet): CompiledSet {
  const r = loadCriteriaDef(d);
  if (!r.set) throw new Error(JSON.stringify(r.problems.map((p) => `${p.code}: ${p.messages.en}`)));
  return r.set;
}

/** Scores of one column: [A.1, A.2, B.1, C.1, X.1, D.1, D.2]. */
export type Col = [number, number, number, number, number?, number?, number?];

export function entries(c: Col): Record<string, number> {
  const [a1, a2, b1, c1, x1 = 0, d1 = 0, d2 = 0] = c;
  return { 'A.1': a1, 'A.2': a2, 'B.1': b1, 'C.1': c1, 'X.1': x1, 'D.1': d1, 'D.2': d2 };
}

export function unit(
  set: CompiledSet,
  name: string,
  self: Col | null,
  inspected: Col | null = null,
  opts: { file?: string; year?: number; remarks?: Record<string, string>; cluster?: string } = {},
): RankSource {
  const file = opts.file ?? `${name}.json`;
  const evaluation = evaluate(set, {
    unit: name,
    file,
    self: self ? entries(self) : null,
    inspected: inspected ? entries(inspected) : null,
    remarks: opts.remarks,
  });
  return {
    file,
    unit: name,
    year: opts.year ?? 2024,
    cluster: opts.cluster,
    layout: 'json',
    set,
    criteriaSet: { id: set.id, hash: set.hash },
    evaluation,
    remarks: opts.remarks ?? {},
    problems: evaluation.problems,
  };
}
