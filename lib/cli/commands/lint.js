"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.register = register;
const core_1 = require("../../core");
const context_1 = require("../context");
function register(program) {
    program
        .command('lint')
        .description('Kiểm tra bảng tiêu chí / check a criteria set (YAML, JSON or Excel sheet)')
        .argument('<criteria>', 'criteria.(yaml|json|xlsx)')
        .option('--json', 'JSON output')
        .action(async (file, opts) => {
        const lang = (0, context_1.langOf)(opts);
        const r = await (0, context_1.loadCriteriaFile)(file);
        const problems = (0, core_1.localize)(r.problems, lang);
        const ok = !(0, core_1.hasErrors)(problems);
        if (opts.json) {
            (0, context_1.printJson)({
                file,
                ok,
                criteriaSet: r.set ? { id: r.set.id, hash: r.set.hash } : null,
                leaves: r.set?.leaves.length ?? null,
                maxBase: r.set?.maxBase ?? null,
                maxBonus: r.set?.maxBonus ?? null,
                problems,
            });
        }
        else {
            if (r.set)
                (0, context_1.say)(opts, (0, context_1.t)(lang, `${file}: ${r.set.leaves.length} tiêu chí, điểm tối đa ${r.set.maxBase} + thưởng ${r.set.maxBonus}`, `${file}: ${r.set.leaves.length} criteria, max ${r.set.maxBase} + bonus ${r.set.maxBonus}`));
            (0, context_1.printProblems)(opts, problems);
            (0, context_1.say)(opts, ok ? (0, context_1.t)(lang, 'Hợp lệ.', 'OK.') : (0, context_1.t)(lang, `Có ${problems.filter((p) => p.severity === 'error').length} lỗi.`, `${problems.filter((p) => p.severity === 'error').length} error(s).`));
        }
        process.exitCode = ok ? context_1.EXIT.ok : context_1.EXIT.problems;
    });
}
