/**
 * Generated criteria sets of any size, for the bench (and large-set tests): sections of manual criteria
 * with some formula, checklist and tiers criteria, a capped bonus section and deductions.
 */
import type { CriteriaSet, NodeDef, SectionDef } from '../engine/core';

export function generateSet(leaves: number, opts: { id?: string; sections?: number } = {}): CriteriaSet {
  const nSections = opts.sections ?? Math.max(1, Math.round(leaves / 30));
  const baseLeaves = Math.max(nSections, leaves - 5);
  const indicators: NonNullable<CriteriaSet['indicators']> = [];
  const sections: SectionDef[] = [];
  let made = 0;
  for (let s = 0; s < nSections; s++) {
    const count = Math.floor(baseLeaves / nSections) + (s < baseLeaves % nSections ? 1 : 0);
    const children: NodeDef[] = [];
    for (let i = 0; i < count; i++, made++) {
      const id = `S${s + 1}.${i + 1}`;
      const max = [1, 2, 2.5, 3, 4, 5][made % 6];
      if (made % 10 === 3) {
        const plan = `ke_hoach_${made}`;
        const done = `thuc_hien_${made}`;
        indicators.push({ id: plan, text: `Kế hoạch ${made}`, integer: true }, { id: done, text: `Thực hiện ${made}`, integer: true });
        children.push({ id, number: String(i + 1), text: `Tiêu chí công thức ${id}`, max, kind: 'formula', formula: `${plan} == 0 ? ${max} : min(${max}, ${max} * ${done} / ${plan})` });
      } else if (made % 10 === 6) {
        const half = max / 2;
        children.push({
          id, number: String(i + 1), text: `Danh mục ${id}`, max, kind: 'checklist',
          items: [{ id: 'a', text: 'Mục a', points: half }, { id: 'b', text: 'Mục b', points: max - half }],
        });
      } else if (made % 10 === 8) {
        children.push({ id, number: String(i + 1), text: `Thang mức ${id}`, max, kind: 'tiers', tiers: [{ min: 90, points: max }, { min: 50, points: max / 2 }, { min: 0, points: 0 }] });
      } else {
        children.push({ id, number: String(i + 1), text: `Tiêu chí ${id}`, max });
      }
    }
    const sum = children.reduce((t, c) => t + (c.max as number), 0);
    sections.push({ id: `S${s + 1}`, number: romanish(s + 1), text: `PHẦN ${s + 1}`, max: sum, children });
  }
  sections.push({
    id: 'B', number: 'B', text: 'ĐIỂM THƯỞNG', role: 'bonus', cap: 5,
    children: [1, 2, 3].map((i) => ({ id: `B.${i}`, number: String(i), text: `Thưởng ${i}`, max: 2 })),
  });
  sections.push({
    id: 'T', number: 'T', text: 'ĐIỂM TRỪ', role: 'deduction',
    children: [
      { id: 'T.1', number: '1', text: 'Chậm báo cáo', perOccurrence: 1 },
      { id: 'T.2', number: '2', text: 'Kỷ luật', perOccurrence: 5, disqualifies: ['co'] },
    ],
  });
  return {
    id: opts.id ?? `generated-${leaves}`,
    title: `Bảng sinh tự động ${leaves} tiêu chí`,
    year: 2024,
    step: 0.25,
    indicators,
    sections,
    policy: { awards: [{ id: 'co', label: 'Cờ thi đua', quota: 1, minTotal: 0 }] },
  };
}

function romanish(n: number): string {
  const r: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, t] of r) while (n >= v) (s += t), (n -= v);
  return s;
}

/** A complete, valid self column for a compiled set (deterministic from the seed). */
export function fullEntries(set: import('../engine/core').CompiledSet, seed = 1): Record<string, number | string> {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const out: Record<string, number | string> = {};
  for (const e of set.entries) {
    if (e.type === 'flag') out[e.key] = rnd() < 0.7 ? 'x' : '';
    else if (e.indicator) out[e.key] = 10 + Math.floor(rnd() * 5);
    else if (e.key.endsWith('/value')) out[e.key] = Math.floor(rnd() * 100);
    else if (e.max !== undefined) out[e.key] = Math.floor((rnd() * e.max) / (e.step ?? 0.25)) * (e.step ?? 0.25);
    else out[e.key] = 0;
  }
  return out;
}
