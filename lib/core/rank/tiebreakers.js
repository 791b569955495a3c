"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_TIE_BREAKERS = exports.tieBreakerNames = exports.getTieBreaker = exports.registerTieBreaker = void 0;
/**
 * Tie-breaker registry. The default order of the policy is base, penalty, sections: higher base score
 * before bonus, then fewer deduction points, then section by section in table order.
 */
const points_1 = require("../points");
const registry_1 = require("../registry");
const tieBreakers = (0, registry_1.createRegistry)();
exports.registerTieBreaker = tieBreakers.register;
exports.getTieBreaker = tieBreakers.get;
exports.tieBreakerNames = tieBreakers.names;
exports.DEFAULT_TIE_BREAKERS = ['base', 'penalty', 'sections'];
(0, exports.registerTieBreaker)({
    name: 'base',
    label: { vi: 'Điểm các phần (chưa tính thưởng) cao hơn', en: 'Higher base score (before bonus)' },
    compare: (a, b) => (0, points_1.toMilli)(b.final.base) - (0, points_1.toMilli)(a.final.base),
});
(0, exports.registerTieBreaker)({
    name: 'penalty',
    label: { vi: 'Ít điểm trừ hơn', en: 'Fewer deduction points' },
    compare: (a, b) => (0, points_1.toMilli)(a.final.penalty) - (0, points_1.toMilli)(b.final.penalty),
});
(0, exports.registerTieBreaker)({
    name: 'bonus',
    label: { vi: 'Điểm thưởng cao hơn', en: 'More bonus points' },
    compare: (a, b) => (0, points_1.toMilli)(b.final.bonus) - (0, points_1.toMilli)(a.final.bonus),
});
(0, exports.registerTieBreaker)({
    name: 'sections',
    label: { vi: 'Lần lượt điểm từng phần theo thứ tự bảng', en: 'Section by section in table order' },
    compare: (a, b, set) => {
        for (const s of set.sections) {
            if (s.role !== 'base')
                continue;
            const d = (0, points_1.toMilli)(b.final.nodes[s.id] ?? 0) - (0, points_1.toMilli)(a.final.nodes[s.id] ?? 0);
            if (d)
                return d;
        }
        return 0;
    },
});
(0, exports.registerTieBreaker)({
    name: 'self-agreement',
    label: { vi: 'Chênh lệch tự chấm - Cụm chấm nhỏ hơn', en: 'Smaller self vs inspected difference' },
    compare: (a, b) => {
        const gap = (e) => e.evaluation.self && e.evaluation.inspected ? Math.abs((0, points_1.toMilli)(e.evaluation.self.total) - (0, points_1.toMilli)(e.evaluation.inspected.total)) : 0;
        return gap(a) - gap(b);
    },
});
