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
  compare: (a, b) => toMilli(b.final.base) - toMilli(a.final.base),
});
registerTieBreaker({
  name: 'penalty',
  label: { vi: 'Ít điểm trừ hơn', en: 'Fewer deduction points' },
  compare: (a, b) => toMilli(a.final.penalty) - toMilli(b.final.penalty),
});
registerTieBreaker({
  name: 'bonus',
  label: { vi: 'Điểm thưởng cao hơn', en: 'More bonus points' },
  compare: (a, b) => toMilli(b.final.bonus) - toMilli(a.final.bonus),
});
registerTieBreaker({
  name: 'sections',
  label: { vi: 'Lần lượt điểm từng phần theo thứ tự bảng', en: 'Section by section in table order' },
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
  compare: (a, b) => {
    const gap = (e: typeof a) =>
      e.evaluation.self && e.evaluation.inspected ? Math.abs(toMilli(e.evaluation.self.total) - toMilli(e.evaluation.inspected.total)) : 0;
    return gap(a) - gap(b);
  },
});
