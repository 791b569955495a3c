"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_AWARD_RULE = exports.awardRuleNames = exports.getAwardRule = exports.registerAwardRule = void 0;
/**
 * Award rule registry. "top-eligible" proposes the best-ranked eligible units up to the quota; a shared
 * rank that would overflow the quota proposes none of the tied units beyond it (the cluster decides).
 */
const registry_1 = require("../registry");
const awardRules = (0, registry_1.createRegistry)();
exports.registerAwardRule = awardRules.register;
exports.getAwardRule = awardRules.get;
exports.awardRuleNames = awardRules.names;
exports.DEFAULT_AWARD_RULE = 'top-eligible';
(0, exports.registerAwardRule)({
    name: 'top-eligible',
    select(award, ranked) {
        const eligible = ranked.filter((r) => r.eligible && (award.maxRank === undefined || r.rank <= award.maxRank));
        const out = [];
        for (let i = 0; i < eligible.length;) {
            let j = i;
            while (j < eligible.length && eligible[j].rank === eligible[i].rank)
                j++;
            if (out.length + (j - i) > award.quota)
                break; // a tie across the quota line is left to the cluster
            for (let k = i; k < j; k++)
                out.push(eligible[k].entry);
            i = j;
        }
        return out;
    },
});
