/**
 * For the entry-rule property test: random criteria sets (every kind, steps 0.25/0.5/1, deductions in
 * cases and in points) and random cell contents, valid and of every bad kind. Each generated value says
 * whether it is valid by an independent reckoning (written here, not taken from engine/core/entry-rule.ts).
 */
import type { CriteriaSet, EntrySpec, NodeDef, SectionDef } from '../../engine/core';

export type Rand = () => number;
const pick = <T>(rand: Rand, a: readonly T[]): T => a[Math.floor(rand() * a.length)];
const int = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

export function randomSet(rand: Rand, n: number): CriteriaSet {
  const step = pick(rand, [0.25, 0.5, 1]);
  const indicators: NonNullable<CriteriaSet['indicators']> = [
    { id: 'ind_a', text: 'Chỉ số A', unit: 'lớp', integer: true, min: 0 },
    { id: 'ind_b', text: 'Chỉ số B', unit: 'lớp', integer: true, min: 0 },
    { id: 'ind_c', text: 'Chỉ số C (thập phân)', min: 0 },
    { id: 'ty_le', text: 'Tỷ lệ A/B (%)', expr: '100 * ind_a / ind_b' },
  ];
  let k = 0;
  const leaf = (id: string, number: string): NodeDef => {
    const text = `Tiêu chí ${id}`;
    switch (int(rand, 0, 5)) {
      case 0:
        return { id, number, text, max: 4, kind: 'formula', formula: 'min(4, 4 * ind_a / ind_b)' };
      case 1:
        return { id, number, text, max: 3, kind: 'formula', formula: pick(rand, ['min(3, ty_le / 30)', 'min(3, ind_c / 2)']) };
      case 2:
        return {
          id,
          number,
          text,
          max: 4,
          kind: 'checklist',
          items: [
            { id: 'a', text: 'Mục a', points: 1 },
            { id: 'b', text: 'Mục b', points: 1.5 },
            { id: 'c', text: 'Mục c', points: pick(rand, [0.5, 1]) },
          ],
        };
      case 3:
        return { id, number, text, max: 4, kind: 'tiers', valueLabel: 'Tỷ lệ (%)', tiers: [{ min: 90, points: 4 }, { min: 70, points: 2 }, { min: 0, points: 0 }] };
      default: {
        const own = rand() < 0.3 ? pick(rand, [0.25, 0.5, 1]) : undefined;
        const s = own ?? step;
        return { id, number, text, max: Math.max(1, Math.round(int(rand, 1, 5) / s) * s), ...(own ? { step: own } : {}) };
      }
    }
  };
  const sections: SectionDef[] = [];
  const nBase = int(rand, 1, 2);
  for (let s = 0; s < nBase; s++) {
    const sid = ROMAN[s];
    const groups: NodeDef[] = [];
    for (let g = 1; g <= int(rand, 1, 2); g++) {
      const children: NodeDef[] = [];
      for (let l = 1; l <= int(rand, 2, 4); l++) children.push(leaf(`${sid}.${g}.${l}`, `${g}.${l}`));
      k += children.length;
      groups.push({ id: `${sid}.${g}`, number: String(g), text: `Nhóm ${sid}.${g}`, max: children.reduce((t, c) => t + (c.max as number), 0), children });
    }
    sections.push({ id: sid, number: sid, text: `PHẦN ${sid}`, max: groups.reduce((t, c) => t + (c.max as number), 0), children: groups });
  }
  const bonus: NodeDef[] = [];
  for (let i = 1; i <= int(rand, 1, 3); i++) bonus.push({ id: `T.${i}`, number: String(i), text: `Thưởng ${i}`, max: step * int(rand, 1, Math.round(2 / step)) });
  sections.push({ id: 'T', number: ROMAN[nBase], text: 'ĐIỂM THƯỞNG', role: 'bonus', cap: 2, max: 2, children: bonus });
  const deductions: NodeDef[] = [];
  for (let i = 1; i <= int(rand, 1, 3); i++) {
    const per = pick(rand, [0.5, 1, 2, 5]);
    const cases = rand() < 0.5;
    const withPer = cases || rand() < 0.7;
    const max = withPer && rand() < 0.3 ? per * int(rand, 2, 4) : undefined;
    deductions.push({
      id: `D.${i}`,
      number: String(i),
      text: `Vi phạm ${i}`,
      ...(withPer ? { perOccurrence: per } : {}),
      ...(cases ? { entry: 'cases' } : {}),
      ...(max !== undefined ? { max } : {}),
    });
  }
  sections.push({ id: 'D', number: ROMAN[nBase + 1], text: 'ĐIỂM TRỪ', role: 'deduction', evidence: false, children: deductions });
  void k;
  return { id: `random-${n}`, title: `Bảng ngẫu nhiên ${n}`, cluster: 'Cụm thử', year: 2024, step, evidence: false, indicators, sections };
}

/** What a cell is filled with, and whether the engine and the workbook must both count it. */
export interface Filling {
  /** Cell content as exceljs writes it. */
  value: unknown;
  kind: 'blank' | 'valid' | 'comma-text' | 'number-text' | 'word' | 'off-step' | 'above-max' | 'negative' | 'formula' | 'error' | 'bad-flag';
}

export const BAD_KINDS = ['comma-text', 'number-text', 'word', 'off-step', 'above-max', 'negative', 'formula', 'error'] as const;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A valid number for the entry (by its own spec, reckoned here). */
function validNumber(spec: EntrySpec, rand: Rand): number {
  if (spec.integer) return int(rand, 0, spec.max ?? 20);
  const step = spec.step;
  if (spec.max === undefined && !step) return round3(int(rand, 0, 1000) / 10); // a measured value
  const s = step ?? 0.25;
  const top = spec.max ?? s * 6;
  return round3(int(rand, 0, Math.round(top / s)) * s);
}

/** A value of the given kind for a number entry, or null when the kind cannot apply to it. */
function numberOfKind(spec: EntrySpec, kind: Filling['kind'], rand: Rand): unknown {
  const s = spec.integer ? 1 : spec.step;
  switch (kind) {
    case 'blank':
      return null;
    case 'valid':
      return validNumber(spec, rand);
    case 'comma-text': {
      const v = validNumber(spec, rand);
      return Number.isInteger(v) ? `${v},0` : String(v).replace('.', ',');
    }
    case 'number-text':
      return pick(rand, [` ${validNumber(spec, rand)} `, String(validNumber(spec, rand))]);
    case 'word':
      return pick(rand, ['tám', 'không có', 'x', 'đạt', '3 điểm']);
    case 'off-step':
      if (!s) return undefined;
      return round3(validNumber(spec, rand) + s / 2 > (spec.max ?? Infinity) ? s / 2 : validNumber(spec, rand) + s / 2);
    case 'above-max':
      return spec.max === undefined ? undefined : round3(spec.max + (s ?? 1));
    case 'negative':
      return -(s ?? 1);
    case 'formula':
      return { formula: pick(rand, [`${validNumber(spec, rand)}+0`, '1/0', `"${validNumber(spec, rand)}"`]) };
    case 'error':
      return { error: pick(rand, ['#N/A', '#DIV/0!', '#VALUE!']) };
    default:
      return undefined;
  }
}

const FLAG_VALID: unknown[] = ['x', 'X', 'có', 1, 0, null];
const FLAG_BAD: unknown[] = ['yes', 'có lẽ', 2, ' x', 'x ', '0', 'không'];

/** A random filling of one entry: bad with probability badRate (a bad kind that applies to the entry). */
export function randomFilling(spec: EntrySpec, rand: Rand, badRate: number, noFormulas = false): Filling {
  if (spec.type === 'flag') {
    if (rand() >= badRate) {
      const v = pick(rand, FLAG_VALID);
      return { value: v, kind: v === null ? 'blank' : 'valid' };
    }
    const r = rand();
    if (r < 0.15 && !noFormulas) return { value: { formula: '"x"' }, kind: 'formula' };
    if (r < 0.3) return { value: { error: '#N/A' }, kind: 'error' };
    return { value: pick(rand, FLAG_BAD), kind: 'bad-flag' };
  }
  if (rand() >= badRate) {
    if (rand() < (spec.blankIsZero ? 0.35 : 0.05)) return { value: null, kind: 'blank' };
    return { value: validNumber(spec, rand), kind: 'valid' };
  }
  for (let tries = 0; tries < 10; tries++) {
    const kind = pick(rand, BAD_KINDS);
    if (noFormulas && kind === 'formula') continue;
    const v = numberOfKind(spec, kind, rand);
    if (v !== undefined) return { value: v, kind };
  }
  return { value: 'tám', kind: 'word' };
}
