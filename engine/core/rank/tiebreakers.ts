/**
 * Tie-breaker registry. The default order of the policy is base, penalty, sections: higher base score
 * before bonus, then fewer deduction points, then section by section in table order.
 */
import { toMilli } from '../points';
import { createRegistry } from '../registry';
import type { TieBreaker } from './types';

const tieBreakers = createRegistry<TieBreaker>();

export const registerTieBreaker = tieBreakers.register;
export const getTieBreaker = tieBreakers.get;
export const tieBreakerNames = tieBreakers.names;

export const DEFAULT_TIE_BREAKERS = ['base', 'penalty', 'sections'];

registerTieBreaker({
  name: 'base',
  label: { vi: 'Điểm các phần (chưa tính thưởng) cao hơn', en: 'Higher base score (before bonus)' },
  better: { vi: 'điểm các phần (chưa tính thưởng) cao hơn', en: 'higher base score (before bonus) than' },
  worse: { vi: 'điểm các phần (chưa tính thưởng) thấp hơn', en: 'lower base score (before bonus) than' },
  compare: (a, b) => toMilli(b.final.base) - toMilli(a.final.base),
});
registerTieBreaker({
  name: 'penalty',
  label: { vi: 'Ít điểm trừ hơn', en: 'Fewer deduction points' },
  better: { vi: 'ít điểm trừ hơn', en: 'fewer deduction points than' },
  worse: { vi: 'nhiều điểm trừ hơn', en: 'more deduction points than' },
  compare: (a, b) => toMilli(a.final.penalty) - toMilli(b.final.penalty),
});
registerTieBreaker({
  name: 'bonus',
  label: { vi: 'Điểm thưởng cao hơn', en: 'More bonus points' },
  better: { vi: 'điểm thưởng cao hơn', en: 'more bonus points than' },
  worse: { vi: 'điểm thưởng thấp hơn', en: 'fewer bonus points than' },
  compare: (a, b) => toMilli(b.final.bonus) - toMilli(a.final.bonus),
});
registerTieBreaker({
  name: 'sections',
  label: { vi: 'Lần lượt điểm từng phần theo thứ tự bảng', en: 'Section by section in table order' },
  better: { vi: 'điểm từng phần (theo thứ tự bảng) cao hơn', en: 'higher section scores (in table order) than' },
  worse: { vi: 'điểm từng phần (theo thứ tự bảng) thấp hơn', en: 'lower section scores (in table order) than' },
  compare: (a, b, set) => {
    for (const s of set.sections) {
      if (s.role !== 'base') continue;
      const d = toMilli(b.final.nodes[s.id] ?? 0) - toMilli(a.final.nodes[s.id] ?? 0);
      if (d) return d;
    }
    return 0;
  },
});
registerTieBreaker({
  name: 'self-agreement',
  label: { vi: 'Chênh lệch tự chấm - Cụm chấm nhỏ hơn', en: 'Smaller self vs inspected difference' },
  better: { vi: 'chênh lệch tự chấm - Cụm chấm nhỏ hơn', en: 'a smaller self vs inspected difference than' },
  worse: { vi: 'chênh lệch tự chấm - Cụm chấm lớn hơn', en: 'a larger self vs inspected difference than' },
  compare: (a, b) => {
    const gap = (e: typeof a) =>
      e.evaluation.self && e.evaluation.inspected ? Math.abs(toMilli(e.evaluation.self.total) - toMilli(e.evaluation.inspected.total)) : 0;
    return gap(a) - gap(b);
  },
});
