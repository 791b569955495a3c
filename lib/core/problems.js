"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.problem = problem;
exports.localize = localize;
exports.hasErrors = hasErrors;
exports.formatProblem = formatProblem;
const i18n_1 = require("./i18n");
const messages_1 = require("./messages");
function problem(code, params = {}, where = {}, severity) {
    const def = messages_1.MESSAGES[code];
    const messages = { vi: (0, i18n_1.fill)(def.vi, params, 'vi'), en: (0, i18n_1.fill)(def.en, params, 'en') };
    const p = {
        severity: severity ?? def.severity,
        code,
        message: messages[i18n_1.DEFAULT_LANG],
        messages,
        ...stripUndefined(where),
    };
    if (Object.keys(params).length)
        p.params = params;
    return p;
}
/** Re-render problems' `message` in a language (the catalog text is kept in `messages`). */
function localize(problems, lang) {
    return problems.map((p) => ({ ...p, message: p.messages[lang] }));
}
function hasErrors(problems) {
    return problems.some((p) => p.severity === 'error');
}
/** Human one-liner: "file › sheet!cell [criterion] message (code)". */
function formatProblem(p, lang = i18n_1.DEFAULT_LANG) {
    const where = [];
    if (p.file)
        where.push(p.file);
    if (p.sheet || p.cell)
        where.push(`${p.sheet ?? ''}${p.sheet && p.cell ? '!' : ''}${p.cell ?? ''}`);
    if (p.line)
        where.push(`${lang === 'vi' ? 'dòng' : 'line'} ${p.line}`);
    const crit = p.criterion ? ` [${p.criterion}]` : '';
    const sev = p.severity === 'error' ? (lang === 'vi' ? 'LỖI' : 'ERROR') : lang === 'vi' ? 'CẢNH BÁO' : 'WARNING';
    const head = `${where.join(' › ')}${crit}`.trim();
    return `${sev}${head ? ` ${head}` : ''}: ${p.messages[lang]} (${p.code})`;
}
function stripUndefined(o) {
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (v !== undefined)
            out[k] = v;
    return out;
}
