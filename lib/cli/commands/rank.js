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
exports.WARNINGS_SHOWN = void 0;
exports.isRankingWorkbook = isRankingWorkbook;
exports.scoreForRanking = scoreForRanking;
exports.rankFiles = rankFiles;
exports.progressReporter = progressReporter;
exports.register = register;
exports.runRank = runRank;
/**
 * `thidua rank <workbook.xlsx|folder>... [--criteria C] [-o ranking.xlsx] [--json] [--allow-partial] [--force]`
 *
 * Files are scored one at a time and only what the ranking needs is kept (RankingCollector), so memory
 * does not grow with the size or number of workbooks. Refusals (duplicate units, another criteria set
 * or year, unreadable files, files with errors) are reported in the output and on stderr; without
 * --allow-partial any refusal means exit 1 and no ranking workbook.
 */
const crypto_1 = require("crypto");
const fs_1 = require("fs");
const path = __importStar(require("path"));
const core_1 = require("../../core");
const context_1 = require("../context");
const expand_inputs_1 = require("../expand-inputs");
const fs_out_1 = require("../fs-out");
const submission_file_1 = require("../submission-file");
// The ranking writer (and exceljs behind it) is loaded only when a ranking workbook is written.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rankingWorkbook = () => require('../../workbook/ranking-workbook');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbookScore = () => require('../../workbook/score');
/** Warnings listed after the ranking without --verbose (the count always says how many there are). */
exports.WARNINGS_SHOWN = 10;
/** True when the file is a ranking workbook written by `thidua rank` (its keywords say so). */
function isRankingWorkbook(file) {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { strFromU8, unzipSync } = require('fflate');
        const parts = unzipSync((0, fs_1.readFileSync)(file), { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize < 65536 });
        const core = parts['docProps/core.xml'];
        return !!core && strFromU8(core).includes(rankingWorkbook().RANKING_WORKBOOK_KEYWORD);
    }
    catch {
        return false;
    }
}
/** Score one input for the ranking: never throws for a bad file (the problem is the file's). */
async function scoreForRanking(file, criteria) {
    const empty = { file, set: null, criteriaSet: null, evaluation: null, problems: [] };
    let bytes;
    try {
        bytes = (0, context_1.readInput)(file);
    }
    catch (e) {
        if (e instanceof context_1.UsageError)
            return { ...empty, problems: e.problems };
        throw e;
    }
    const sha256 = (0, crypto_1.createHash)('sha256').update(bytes).digest('hex');
    try {
        const scored = path.extname(file).toLowerCase() === '.json' ? (0, submission_file_1.scoreSubmissionJson)(bytes, file, criteria) : await workbookScore().scoreWorkbook(bytes, { file, criteria });
        return { ...scored, sha256 };
    }
    catch (e) {
        // A reader crashing on a strange file must not end the run: the file is refused with the reason.
        const detail = String(e?.message ?? e).slice(0, 200);
        return { ...empty, sha256, problems: [(0, core_1.problem)('file_unreadable', { detail }, { file })] };
    }
}
/** Score files one at a time into a ranking (in-process, streaming). */
async function rankFiles(files, opts = {}) {
    const collector = new core_1.RankingCollector();
    for (let i = 0; i < files.length; i++) {
        collector.add(await scoreForRanking(files[i], opts.criteria));
        opts.onProgress?.(i + 1, files.length, files[i]);
    }
    return collector.build();
}
/** Progress on stderr: a counter redrawn in place on a terminal, a line every 10% otherwise (long runs only). */
function progressReporter(lang, total) {
    const tty = !!process.stderr.isTTY;
    const quiet = total < (tty ? 5 : 50);
    let last = 0;
    let lastDecile = 0;
    const label = (0, context_1.t)(lang, 'Đang chấm', 'Scoring');
    return {
        tick(done, file) {
            if (quiet)
                return;
            const now = Date.now();
            if (tty) {
                if (now - last < 100 && done < total)
                    return;
                last = now;
                const name = path.basename(file);
                process.stderr.write(`\r\x1b[K${label} ${done}/${total} (${Math.floor((100 * done) / total)}%) ${name.length > 40 ? `${name.slice(0, 39)}…` : name}`);
            }
            else {
                const decile = Math.floor((10 * done) / total);
                if (decile > lastDecile || done === total) {
                    lastDecile = decile;
                    process.stderr.write(`${label} ${done}/${total} (${Math.floor((100 * done) / total)}%)\n`);
                }
            }
        },
        end() {
            if (!quiet && tty)
                process.stderr.write('\r\x1b[K');
        },
    };
}
function register(program) {
    program
        .command('rank')
        .description('Tổng hợp, xếp hạng, xếp loại, đề nghị khen thưởng / consolidate workbooks into a ranking')
        .argument('<inputs...>', 'workbook.xlsx, submission.json or a folder of them')
        .option('--criteria <file>', 'criteria set, for workbooks that do not carry one')
        .option('-o, --output <file>', 'ranking workbook to write (.xlsx)')
        .option('--json', 'JSON output')
        .option('--allow-partial', 'rank the valid files even when others are refused')
        .option('--force', 'overwrite the output file if it exists')
        .option('--verbose', 'show every warning')
        .action(async (inputs, opts) => {
        process.exitCode = await runRank(inputs, opts);
    });
}
async function runRank(inputs, opts) {
    const lang = (0, context_1.langOf)(opts);
    if (opts.output && path.extname(opts.output).toLowerCase() !== '.xlsx')
        throw new context_1.UsageError([(0, core_1.problem)('output_write_failed', { path: opts.output, detail: (0, context_1.t)(lang, 'cần tệp .xlsx', 'expected an .xlsx file') })]);
    const criteria = await (0, context_1.requireCriteria)(opts.criteria);
    // The output is left out of the inputs only when it is a ranking workbook of ours (a previous run's
    // ranking.xlsx in the folder); any other existing file there is an input and is never written over.
    const exclude = [opts.criteria, opts.output && isRankingWorkbook(opts.output) ? opts.output : undefined].filter((x) => !!x);
    const { files, problems: expandProblems } = (0, expand_inputs_1.expandInputs)(inputs, { exclude });
    if (!files.length)
        throw new context_1.UsageError([...expandProblems, (0, core_1.problem)('no_inputs')]);
    if (opts.output)
        (0, fs_out_1.checkOutputPath)(opts.output, { force: opts.force, inputs: files });
    const progress = progressReporter(lang, files.length);
    const ranking = await rankFiles(files, { criteria, onProgress: (done, _total, file) => progress.tick(done, file) });
    progress.end();
    const extra = [...expandProblems];
    if (ranking.refused && ranking.units.length)
        extra.push(opts.allowPartial
            ? (0, core_1.problem)('partial_ranking', { ranked: ranking.ranked, total: ranking.sources.length, refused: ranking.refused })
            : (0, core_1.problem)('refused_not_ranked', { refused: ranking.refused, total: ranking.sources.length }));
    ranking.problems.push(...extra);
    const report = (0, core_1.rankReport)(ranking, lang);
    const failed = ranking.units.length === 0 || (ranking.refused > 0 && !opts.allowPartial);
    // Refusals (and what caused them) always go to stderr, whatever the output mode.
    for (const p of refusalLines(ranking, extra))
        process.stderr.write(`${(0, core_1.formatProblem)(p, lang)}\n`);
    let written = null;
    if (opts.output && !failed) {
        const bytes = await rankingWorkbook().writeRankingWorkbook(ranking, { lang });
        (0, fs_out_1.writeOutputAtomic)(opts.output, bytes, { force: opts.force, inputs: files, mkdir: true });
        written = opts.output;
    }
    if (opts.json)
        (0, context_1.printJson)(report);
    else
        printHuman(opts, report, lang);
    if (opts.output)
        (0, context_1.say)(opts, written
            ? (0, context_1.t)(lang, `Đã ghi bảng xếp hạng: ${written}`, `Ranking workbook written: ${written}`)
            : (0, context_1.t)(lang, `Không ghi ${opts.output} vì có tệp bị từ chối (dùng --allow-partial)`, `${opts.output} not written: files were refused (use --allow-partial)`));
    return failed ? context_1.EXIT.problems : context_1.EXIT.ok;
}
/** Refusal problems, the errors of the refused files, and ranking-level warnings. */
function refusalLines(r, extra) {
    const out = [];
    for (const s of r.sources)
        if (s.status === 'refused')
            out.push(...s.problems.filter((p) => p.severity === 'error'));
    out.push(...r.problems.filter((p) => !p.file && !extra.includes(p)));
    out.push(...extra);
    return out;
}
function printHuman(opts, r, lang) {
    const fp = (x) => (0, core_1.formatPoints)(x, lang);
    const title = [r.cluster, r.year ? (0, context_1.t)(lang, `năm ${r.year}`, `${r.year}`) : null].filter(Boolean).join(' — ');
    (0, context_1.say)(opts, `${(0, context_1.t)(lang, 'XẾP HẠNG', 'RANKING')}${title ? ` — ${title}` : ''}`);
    if (r.criteriaSet)
        (0, context_1.say)(opts, `${(0, context_1.t)(lang, 'Bảng tiêu chí', 'Criteria set')}: ${r.criteriaSet.id} (${r.criteriaSet.hash.slice(0, 12)})`);
    const head = [(0, context_1.t)(lang, 'Hạng', 'Rank'), (0, context_1.t)(lang, 'Đơn vị', 'Unit'), (0, context_1.t)(lang, 'Tự chấm', 'Self'), (0, context_1.t)(lang, 'Cụm chấm', 'Inspected'), (0, context_1.t)(lang, 'Điểm', 'Final'), (0, context_1.t)(lang, 'Xếp loại', 'Class'), (0, context_1.t)(lang, 'Khen thưởng', 'Award')];
    const rows = r.ranking.map((u) => [String(u.rank), u.unit, fp(u.self), fp(u.inspected), fp(u.final), u.classification ?? '', u.award ?? '']);
    const width = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
    const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
    (0, context_1.say)(opts, line(head));
    r.ranking.forEach((u, i) => {
        (0, context_1.say)(opts, line(rows[i]));
        for (const n of u.notes)
            (0, context_1.say)(opts, `${' '.repeat(width[0] + 2)}↳ ${n}`);
    });
    for (const a of r.awards)
        (0, context_1.say)(opts, `${a.label}: ${a.units.join(', ') || (0, context_1.t)(lang, 'không có', 'none')}${a.note ? ` (${a.note})` : ''}`);
    if (r.discrepancies.length) {
        (0, context_1.say)(opts, (0, context_1.t)(lang, `Chênh lệch tự chấm / Cụm chấm (${r.discrepancies.length} tiêu chí):`, `Self vs inspection differences (${r.discrepancies.length} criteria):`));
        for (const d of r.discrepancies)
            (0, context_1.say)(opts, `  ${d.unit} [${d.number}] ${fp(d.self)} → ${fp(d.inspected)} (${d.delta > 0 ? '+' : ''}${fp(d.delta)})${d.remark ? `: ${d.remark}` : ''}`);
    }
    const warningList = r.problems.filter((p) => p.severity === 'warning');
    const warnings = warningList.length;
    const shown = opts.verbose ? warningList : warningList.slice(0, exports.WARNINGS_SHOWN);
    if (shown.length)
        (0, context_1.say)(opts, (0, context_1.t)(lang, 'Cảnh báo:', 'Warnings:'));
    for (const p of shown)
        (0, context_1.say)(opts, `  ${(0, core_1.formatProblem)(p, lang)}`);
    if (shown.length < warnings)
        (0, context_1.say)(opts, (0, context_1.t)(lang, `  ... và ${warnings - shown.length} cảnh báo nữa (--verbose để xem tất cả)`, `  ... and ${warnings - shown.length} more (--verbose shows them all)`));
    (0, context_1.say)(opts, (0, context_1.t)(lang, `${r.summary.files} tệp: ${r.summary.ranked} được xếp hạng, ${r.summary.refused} bị từ chối, ${warnings} cảnh báo`, `${r.summary.files} file(s): ${r.summary.ranked} ranked, ${r.summary.refused} refused, ${warnings} warning(s)`));
}
