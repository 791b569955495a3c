/**
 * A generated large criteria set (~300 criteria) exercising every kind: manual entries on 0.25 and 0.5
 * steps, formula criteria over indicators (with a derived indicator and division by zero possible),
 * checklists, tiers on an entered value, a capped bonus section and deductions. Deterministic for a seed.
 */
import type { CriteriaSet, NodeDef, SectionDef } from '../../engine/core';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export function bigSet(opts: { seed?: number; sections?: number; groups?: number; leaves?: number } = {}): CriteriaSet {
  const rand = rng(opts.seed ?? 42);
  const nSections = opts.sections ?? 8;
  const nGroups = opts.groups ?? 5;
  const nLeaves = opts.leaves ?? 7;
  const indicators: CriteriaSet['indicators'] = [];
  for (let i = 1; i <= 20; i++) indicators.push({ id: `chi_so_${i}`, text: `Chỉ số số ${i}`, unit: 'lượt', integer: true, min: 0 });
  indicators.push({ id: 'ty_le_a', text: 'Tỷ lệ A (%)', expr: '100 * chi_so_1 / chi_so_2' });
  let formulaCount = 0;

  const leaf = (id: string, number: string, k: number): NodeDef => {
    const kind = k % 9;
    const base = { id, number, text: `Tiêu chí ${id}: nội dung đánh giá số ${number}` };
    if (kind === 3) {
      const max = 4;
      const a = `chi_so_${(formulaCount % 10) * 2 + 1}`;
      const b = `chi_so_${(formulaCount % 10) * 2 + 2}`;
      formulaCount++;
      return { ...base, max, kind: 'formula', formula: `min(${max}, ${max} * ${a} / ${b})` };
    }
    if (kind === 5) return { ...base, max: 3, kind: 'formula', formula: 'min(3, ty_le_a / 30)' };
    if (kind === 6)
      return {
        ...base,
        max: 3,
        kind: 'checklist',
        items: [
          { id: 'a', text: 'Mục a', points: 1 },
          { id: 'b', text: 'Mục b', points: 1.5 },
          { id: 'c', text: 'Mục c', points: 0.5 },
        ],
      };
    if (kind === 7)
      return {
        ...base,
        max: 4,
        kind: 'tiers',
        valueLabel: 'Tỷ lệ đạt (%)',
        tiers: [
          { min: 90, points: 4 },
          { min: 70, points: 2.5 },
          { min: 0, points: 0 },
        ],
      };
    if (kind === 8) return { ...base, max: 3, step: 0.5 };
    return { ...base, max: [2, 2.5, 3, 4, 5][Math.floor(rand() * 5)] };
  };

  const sections: SectionDef[] = [];
  let k = 0;
  for (let s = 0; s < nSections; s++) {
    const sid = ROMAN[s];
    const groups: NodeDef[] = [];
    for (let g = 1; g <= nGroups; g++) {
      const gid = `${sid}.${g}`;
      const children: NodeDef[] = [];
      for (let l = 1; l <= nLeaves; l++) children.push(leaf(`${gid}.${l}`, `${g}.${l}`, k++));
      const max = children.reduce((t, c) => t + (c.max as number), 0);
      groups.push({ id: gid, number: String(g), text: `Nhóm tiêu chí ${gid}`, max, children });
    }
    sections.push({ id: sid, number: sid, text: `PHẦN ${sid}: NHÓM NHIỆM VỤ SỐ ${s + 1}`, max: groups.reduce((t, c) => t + (c.max as number), 0), children: groups });
  }
  const bonusItems: NodeDef[] = [];
  for (let i = 1; i <= 10; i++) bonusItems.push({ id: `T.${i}`, number: String(i), text: `Thành tích thưởng số ${i}`, max: 1.5 });
  sections.push({ id: 'T', number: ROMAN[nSections], text: 'ĐIỂM THƯỞNG', role: 'bonus', cap: 5, max: 5, children: bonusItems });
  const deductions: NodeDef[] = [];
  for (let i = 1; i <= 10; i++) deductions.push({ id: `D.${i}`, number: String(i), text: `Vi phạm số ${i} (trừ ${i % 2 ? 1 : 0.5} điểm/lần)`, perOccurrence: i % 2 ? 1 : 0.5 });
  sections.push({ id: 'D', number: ROMAN[nSections + 1], text: 'ĐIỂM TRỪ', role: 'deduction', evidence: false, children: deductions });

  return { id: `big-set-${opts.seed ?? 42}`, title: 'Bảng chấm điểm thử nghiệm lớn', cluster: 'Cụm thử nghiệm', year: 2024, step: 0.25, evidence: true, indicators, sections };
}
