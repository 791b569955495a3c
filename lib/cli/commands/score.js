"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.register = register;
const core_1 = require("../../core");
const context_1 = require("../context");
const score_input_1 = require("../score-input");
function register(program) {
    program
        .command('score')
        .description('Tính điểm / score workbooks or JSON submissions')
        .argument('<files...>', 'workbook.xlsx or submission.json')
        .option('--criteria <file>', 'criteria set, for workbooks that do not carry one')
        .option('--json', 'JSON output')
        .action(async (files, opts) => {
        const lang = (0, context_1.langOf)(opts);
        const criteria = await (0, context_1.requireCriteria)(opts.criteria);
        const reports = [];
        const all = [];
        for (const file of files) {
            const r = await (0, score_input_1.scoreInput)(file, criteria);
            const rep = (0, core_1.scoreReport)({ ...r, evaluation: r.evaluation }, lang);
            reports.push(rep);
            all.push(...r.problems);
            if (!opts.json) {
                const col = (c) => c ? `${(0, core_1.formatPoints)(c.total, lang)} (${(0, core_1.formatPoints)(c.base, lang)} + ${(0, core_1.formatPoints)(c.bonus, lang)} - ${(0, core_1.formatPoints)(c.penalty, lang)})` : '—';
                (0, context_1.say)(opts, `${file}${rep.unit ? ` — ${rep.unit}` : ''}`);
                (0, context_1.say)(opts, `  ${(0, context_1.t)(lang, 'Tự chấm', 'Self')}: ${col(rep.self)}   ${(0, context_1.t)(lang, 'Cụm chấm', 'Inspected')}: ${col(rep.inspected)}`);
                if (rep.final)
                    (0, context_1.say)(opts, `  ${(0, context_1.t)(lang, 'Điểm cuối', 'Final')}: ${(0, core_1.formatPoints)(rep.final.total, lang)} (${rep.final.source === 'inspected' ? (0, context_1.t)(lang, 'Cụm chấm', 'inspected') : (0, context_1.t)(lang, 'tự chấm', 'self')})`);
                (0, context_1.printProblems)(opts, rep.problems);
            }
        }
        if (opts.json)
            (0, context_1.printJson)(reports);
        process.exitCode = (0, context_1.exitFor)(all);
    });
}
