/**
 * Award rule registry. "top-eligible" proposes the best-ranked eligible units up to the quota; a shared
 * rank that would overflow the quota proposes none of the tied units beyond it (the cluster decides).
 */
import { createRegistry } from '../registry';
import type { AwardRule } from './types';

const awardRules = createRegistry<AwardRule>();

export const registerAwardRule = awardRules.register;
export const getAwardRule = awardRules.get;
export const awardRuleNames = awardRules.names;

export const DEFAULT_AWARD_RULE = 'top-eligible';

registerAwardRule({
  name: 'top-eligible',
  select(award, ranked) {
    const eligible = ranked.filter((r) => r.eligible && (award.maxRank === undefined || r.rank <= award.maxRank));
    const out = [];
    for (let i = 0; i < eligible.length; ) {
      let j = i;
      while (j < eligible.length && eligible[j].rank === eligible[i].rank) j++;
      if (out.length + (j - i) > award.quota) break; // a tie across the quota line is left to the cluster
      for (let k = i; k < j; k++) out.push(eligible[k].entry);
      i = j;
    }
    return out;
  },
});
