import { readFileSync } from 'fs';
import * as path from 'path';
import type { CriteriaSet } from '../../engine/core/model';

export const BUNDLED_YAML = readFileSync(path.resolve(__dirname, '../../templates/cum-thi-dua-2024.criteria.yaml'), 'utf8');

/** A set of `leaves` manual criteria (max 1, step 0.25) in sections of 30, plus a bonus and a deduction. */
export function bigSet(leaves: number): CriteriaSet {
  const sections = [];
  for (let s = 0; s * 30 < leaves; s++) {
    const n = Math.min(30, leaves - s * 30);
    sections.push({
      id: `S${s + 1}`,
      number: String(s + 1),
      text: `Phần ${s + 1}`,
      max: n,
      children: Array.from({ length: n }, (_, i) => ({ id: `S${s + 1}.${i + 1}`, number: `${i + 1}`, text: `Tiêu chí ${s + 1}.${i + 1}`, max: 1 })),
    });
  }
  return {
    id: `big-${leaves}`,
    title: `Bộ ${leaves} tiêu chí`,
    year: 2024,
    step: 0.25,
    evidence: false,
    sections: [
      ...sections,
      { id: 'B', number: 'B', text: 'Điểm thưởng', role: 'bonus', cap: 2, children: [{ id: 'B.1', text: 'Thưởng', max: 2 }] },
      { id: 'D', number: 'D', text: 'Điểm trừ', role: 'deduction', children: [{ id: 'D.1', text: 'Trừ', max: 5 }] },
    ],
  } as CriteriaSet;
}
