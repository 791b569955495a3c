"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = exports.EXIT = void 0;
exports.exitFor = exitFor;
exports.langOf = langOf;
exports.t = t;
exports.say = say;
exports.printJson = printJson;
exports.printProblems = printProblems;
exports.readInput = readInput;
exports.loadCriteriaFile = loadCriteriaFile;
exports.requireCriteria = requireCriteria;
/**
 * What every command shares: language, output discipline (--json prints one document on stdout and
 * nothing else there), exit codes, reading files, loading criteria sets.
 */
const fs_1 = require("fs");
const path = __importStar(require("path"));
const files_1 = require("../core/messages/files");
const sys_errors_1 = require("./sys-errors");
const core_1 = require("../core");
exports.EXIT = { ok: 0, problems: 1, usage: 2 };
/** Exit code for a set of problems: 2 when an input could not be read at all, 1 for other errors, else 0. */
function exitFor(problems) {
    if (problems.some((p) => files_1.UNREADABLE_CODES.has(p.code)))
        return exports.EXIT.usage;
    return (0, core_1.hasErrors)(problems) ? exports.EXIT.problems : exports.EXIT.ok;
}
/** A failure the user caused (bad path, unreadable input): printed as a message, never a stack. */
class UsageError extends Error {
    problems;
    constructor(problems, message) {
        super(message ?? problems.map((p) => p.messages.en).join('; '));
        this.problems = problems;
    }
}
exports.UsageError = UsageError;
function langOf(opts) {
    return (0, core_1.pickLang)(process.env.THIDUA_LANG ?? opts.lang);
}
function t(lang, vi, en) {
    return lang === 'vi' ? vi : en;
}
/** Human text goes to stdout unless --json, where it goes to stderr so stdout stays one JSON document. */
function say(opts, line) {
    (opts.json ? process.stderr : process.stdout).write(`${line}\n`);
}
function printJson(value) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
function printProblems(opts, problems) {
    const lang = langOf(opts);
    for (const p of problems)
        say(opts, `  ${(0, core_1.formatProblem)(p, lang)}`);
}
function readInput(file) {
    let st;
    try {
        st = (0, fs_1.statSync)(file);
    }
    catch (e) {
        throw new UsageError([(0, core_1.problem)('file_unreadable', { detail: (0, sys_errors_1.systemDetail)(e) }, { file })]);
    }
    if (st.isDirectory())
        throw new UsageError([(0, core_1.problem)('file_unreadable', { detail: (0, sys_errors_1.systemDetail)({ code: 'EISDIR' }) }, { file })]);
    try {
        return (0, fs_1.readFileSync)(file);
    }
    catch (e) {
        throw new UsageError([(0, core_1.problem)('file_unreadable', { detail: (0, sys_errors_1.systemDetail)(e) }, { file })]);
    }
}
/** Criteria-set loaders by file extension: text formats here, the Excel sheet through the workbook edge. */
/** A criteria set is a few hundred lines; anything this large is not one. */
const MAX_CRITERIA_TEXT_BYTES = 5 * 1024 * 1024;
async function loadCriteriaFile(file) {
    const ext = path.extname(file).toLowerCase();
    const bytes = readInput(file);
    if (ext !== '.xlsx' && bytes.length > MAX_CRITERIA_TEXT_BYTES)
        throw new UsageError([(0, core_1.problem)('file_too_large', { size: Math.round(bytes.length / 1048576), limit: MAX_CRITERIA_TEXT_BYTES / 1048576 }, { file })]);
    if (ext === '.xlsx') {
        // A plain require (compiled to CommonJS): an extensionless dynamic import() breaks under tsx.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { loadCriteriaWorkbook } = require('../workbook/criteria-sheet');
        return loadCriteriaWorkbook(bytes, file);
    }
    if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json')
        throw new UsageError([(0, core_1.problem)('file_unreadable', { detail: { vi: 'cần tệp .yaml, .json hoặc .xlsx', en: 'expected .yaml, .json or .xlsx' } }, { file })]);
    return (0, core_1.loadCriteriaText)(Buffer.from(bytes).toString('utf8'), file);
}
/** Load --criteria for commands that need a compiled set; a broken set is a usage error (exit 2). */
async function requireCriteria(file) {
    if (!file)
        return undefined;
    const r = await loadCriteriaFile(file);
    if (!r.set || (0, core_1.hasErrors)(r.problems))
        throw new UsageError(r.problems.filter((p) => p.severity === 'error'));
    return r.set;
}
