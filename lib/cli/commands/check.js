"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.register = register;
const core_1 = require("../../core");
const context_1 = require("../context");
const score_input_1 = require("../score-input");
function register(program) {
    program
        .command('check')
        .description('Kiểm tra một bảng điểm đã nhập / check a filled workbook')
        .argument('<file>', 'workbook.xlsx or submission.json')
        .option('--criteria <file>', 'criteria set, for workbooks that do not carry one')
        .option('--json', 'JSON output')
        .action(async (file, opts) => {
        const lang = (0, context_1.langOf)(opts);
        const criteria = await (0, context_1.requireCriteria)(opts.criteria);
        const r = await (0, score_input_1.scoreInput)(file, criteria);
        const problems = (0, core_1.localize)(r.problems, lang);
        const ok = !(0, core_1.hasErrors)(problems);
        if (opts.json)
            (0, context_1.printJson)({ file, ok, unit: r.unit ?? null, layout: r.layout ?? null, criteriaSet: r.criteriaSet, problems });
        else {
            (0, context_1.say)(opts, `${file}${r.unit ? ` — ${r.unit}` : ''}`);
            (0, context_1.printProblems)(opts, problems);
            const errs = problems.filter((p) => p.severity === 'error').length;
            const warns = problems.length - errs;
            (0, context_1.say)(opts, ok ? (0, context_1.t)(lang, `Hợp lệ (${warns} cảnh báo).`, `OK (${warns} warning(s)).`) : (0, context_1.t)(lang, `${errs} lỗi, ${warns} cảnh báo.`, `${errs} error(s), ${warns} warning(s).`));
        }
        process.exitCode = (0, context_1.exitFor)(problems);
    });
}
