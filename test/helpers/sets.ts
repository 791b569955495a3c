/** Small criteria sets for engine tests, built as data. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { CompiledSet, CriteriaSet, loadCriteriaDef, loadCriteriaText } from '../../engine/core';

export const ROOT = path.resolve(__dirname, '../..');
export const DEFAULT_SET_FILE = path.join(ROOT, 'templates/cum-thi-dua-2024.criteria.yaml');

export function defaultSet(): CompiledSet {
  const r = loadCriteriaText(readFileSync(DEFAULT_SET_FILE, 'utf8'), DEFAULT_SET_FILE);
  if (!r.set) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.set;
}

/** A minimal valid set; `patch` edits it before loading. */
export function miniDef(patch: (d: CriteriaSet) => void = () => {}): CriteriaSet {
  const d: CriteriaSet = {
    id: 'mini',
    title: 'Mini',
    year: 2024,
    step: 0.25,
    indicators: [
      { id: 'plan', text: 'Planned', integer: true },
      { id: 'done', text: 'Done', integer: true },
    ],
    sections: [
      {
        id: 'A',
        text: 'Section A',
        max: 20,
        children: [
          { id: 'A.1', text: 'manual', max: 4 },
          { id: 'A.2', text: 'formula', max: 10, kind: 'formula', formula: 'min(10, 10 * done / plan)' },
          {
            id: 'A.3',
            text: 'checklist',
            max: 4,
            kind: 'checklist',
            items: [
              { id: 'a', text: 'a', points: 1 },
              { id: 'b', text: 'b', points: 1.5 },
              { id: 'c', text: 'c', points: 1.5 },
            ],
          },
          { id: 'A.4', text: 'tiers', max: 2, kind: 'tiers', tiers: [{ min: 90, points: 2 }, { min: 50, points: 1 }, { min: 0, points: 0 }] },
        ],
      },
      { id: 'B', text: 'Bonus', role: 'bonus', cap: 3, max: 3, children: [{ id: 'B.1', text: 'b1', max: 2 }, { id: 'B.2', text: 'b2', max: 2 }] },
      {
        id: 'C',
        text: 'Deductions',
        role: 'deduction',
        children: [
          { id: 'C.1', text: 'late', perOccurrence: 1 },
          { id: 'C.2', text: 'discipline', perOccurrence: 5, disqualifies: ['flag'] },
        ],
      },
    ],
    policy: { awards: [{ id: 'flag', label: 'Flag', quota: 1, minTotal: 20 }] },
  };
  patch(d);
  return d;
}

export function compileDef(d: CriteriaSet): CompiledSet {
  const r = loadCriteriaDef(d);
  if (!r.set) throw new Error(JSON.stringify(r.problems.map((p) => `${p.code}: ${p.messages.en}`)));
  return r.set;
}

export function codes(def: CriteriaSet): string[] {
  return loadCriteriaDef(def).problems.map((p) => p.code);
}
