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
exports.register = register;
exports.evidenceFor = evidenceFor;
exports.runDemo = runDemo;
/**
 * `thidua demo [-o folder]`: the whole year on the bundled example cluster, with no arguments.
 *
 *   1. the self-assessment template from templates/cum-thi-dua-2024.criteria.yaml;
 *   2. seven schools fill it (templates/demo/cluster-2024.yaml): tu-cham/<school>.xlsx;
 *   3. the cross-inspection workbooks, made from the schools' scores (locked) with the inspectors'
 *      scores and remarks: kiem-tra/<school>.xlsx;
 *   4. every workbook is checked (read back and rescored like `thidua check`);
 *   5. the inspection workbooks are ranked: ranking.xlsx and ranking.json.
 *
 * A folder holding an earlier run is never replaced without --force (then the demo's own files are
 * replaced atomically); the demo touches nothing else there. A folder path that is a file is refused.
 */
const fs_1 = require("fs");
const path = __importStar(require("path"));
const core_1 = require("../../core");
const plan_1 = require("../../core/template/plan");
const context_1 = require("../context");
const demo_data_1 = require("../demo-data");
const fs_out_1 = require("../fs-out");
const rank_1 = require("./rank");
// The workbook writers (and exceljs behind them) are loaded when the demo runs, not when the CLI starts.
/* eslint-disable @typescript-eslint/no-require-imports */
const writers = () => ({
    ...require('../../workbook/ranking-workbook'),
    ...require('../../workbook/template/write'),
    ...require('../../workbook/score'),
});
/** What an earlier demo run left in the folder (the first of its files found), if anything. */
function earlierRun(folder, year, criteriaFile) {
    const names = ['ranking.xlsx', 'ranking.json', 'tu-cham', 'kiem-tra', `mau-tu-cham-${year}.xlsx`, path.basename(criteriaFile)];
    return names.find((n) => (0, fs_1.existsSync)(path.join(folder, n)));
}
/** Refusals before anything is written: a file where the folder should be, an earlier run without --force. */
function checkDemoFolder(folder, opts, year, criteriaFile) {
    let st;
    try {
        st = (0, fs_1.statSync)(folder);
    }
    catch {
        (0, fs_out_1.checkOutputFolder)(path.join(folder, 'ranking.xlsx'), { mkdir: true });
        return;
    }
    if (!st.isDirectory())
        throw new context_1.UsageError([(0, core_1.problem)('output_folder_is_file', { path: folder })]);
    const found = earlierRun(folder, year, criteriaFile);
    if (found && !opts.force)
        throw new context_1.UsageError([(0, core_1.problem)('demo_output_exists', { path: folder, file: found })]);
    (0, fs_out_1.checkOutputFolder)(path.join(folder, 'ranking.xlsx'));
}
function register(program) {
    program
        .command('demo')
        .description('Chạy thử cả năm thi đua của Cụm mẫu / the whole year on the bundled example cluster')
        .option('-o, --output <folder>', 'output folder (default ./demo-output)')
        .option('--force', 'replace an earlier demo run in the folder')
        .option('--json', 'JSON output (the files written and the ranking)')
        .action(async (opts) => {
        process.exitCode = await runDemo(opts);
    });
}
/** Put values into the entry cells of a rendered template (cells the plan says are entries). */
function fill(ws, cells, values) {
    for (const [key, v] of Object.entries(values)) {
        const a = cells[key];
        if (!a || v === null || v === undefined || v === '')
            continue;
        ws.getCell(a).value = typeof v === 'boolean' ? (v ? 'x' : null) : v;
    }
}
async function workbookBytes(plan, put) {
    const wb = await writers().renderTemplate(plan);
    put(wb.getWorksheet(plan.sheetName));
    return new Uint8Array((await wb.xlsx.writeBuffer()));
}
/** Evidence for the criteria the school scored above 0 (what a school would attach). */
function evidenceFor(set, s) {
    const self = (0, core_1.evaluate)(set, { unit: s.unit, self: s.self }).self;
    const out = {};
    for (const leaf of set.leaves)
        if (s.evidence[leaf.id] && (self?.nodes[leaf.id] ?? 0) > 0)
            out[leaf.id] = s.evidence[leaf.id];
    return out;
}
async function runDemo(opts) {
    const lang = (0, context_1.langOf)(opts);
    const folder = path.resolve(opts.output ?? 'demo-output');
    const header = (0, demo_data_1.demoHeader)();
    checkDemoFolder(folder, opts, header.year, header.criteria);
    const set = (await (0, context_1.requireCriteria)(header.criteria));
    const data = (0, demo_data_1.loadDemoData)(set);
    const when = new Date();
    const result = { folder, files: [], problems: [] };
    const write = (rel, bytes) => {
        const p = path.join(folder, rel);
        (0, fs_out_1.writeOutputAtomic)(p, bytes, { force: true, mkdir: true });
        return p;
    };
    const rel = (p) => path.relative(process.cwd(), p) || p;
    const base = { year: data.year, lang, generatedAt: when.toISOString(), toolVersion: 'thidua demo' };
    // 1. The criteria set and the blank self-assessment template.
    result.files.push({ kind: 'criteria', path: write(path.basename(header.criteria), (0, fs_1.readFileSync)(header.criteria)) });
    const blank = (0, plan_1.planTemplate)(set, { ...base, mode: 'self' });
    result.files.push({ kind: 'template', path: write(`mau-tu-cham-${data.year}.xlsx`, await workbookBytes(blank, () => { })) });
    // 2-3. Each school's self-assessment, then the inspection workbook made from it.
    const inspectionFiles = [];
    for (const s of data.schools) {
        const evidence = evidenceFor(set, s);
        const selfPlan = (0, plan_1.planTemplate)(set, { ...base, mode: 'self', unit: s.unit });
        const selfBytes = await workbookBytes(selfPlan, (ws) => {
            fill(ws, selfPlan.entries.self, s.self);
            for (const [id, v] of Object.entries(evidence))
                if (selfPlan.evidence[id])
                    ws.getCell(selfPlan.evidence[id]).value = v;
        });
        result.files.push({ kind: 'self', unit: s.unit, path: write(path.join('tu-cham', `${s.file}.xlsx`), selfBytes) });
        const inspPlan = (0, plan_1.planTemplate)(set, { ...base, mode: 'inspection', unit: s.unit, prefill: { unit: s.unit, self: s.self, evidence } });
        const inspBytes = await workbookBytes(inspPlan, (ws) => {
            fill(ws, inspPlan.entries.inspected, s.inspected);
            for (const [id, v] of Object.entries(s.remarks))
                if (inspPlan.remarks[id])
                    ws.getCell(inspPlan.remarks[id]).value = v;
        });
        const p = write(path.join('kiem-tra', `${s.file}.xlsx`), inspBytes);
        inspectionFiles.push(p);
        result.files.push({ kind: 'inspection', unit: s.unit, path: p });
    }
    // 4. Check every workbook as `thidua check` would.
    let checked = 0;
    for (const f of result.files.filter((x) => x.kind === 'self' || x.kind === 'inspection')) {
        const scored = await writers().scoreWorkbook((0, fs_1.readFileSync)(f.path), { file: rel(f.path) });
        result.problems.push(...scored.problems);
        if (!(0, core_1.hasErrors)(scored.problems) && scored.evaluation?.final)
            checked++;
    }
    // 5. Rank the inspection workbooks.
    const ranking = await (0, rank_1.rankFiles)(inspectionFiles.map(rel));
    const report = (0, core_1.rankReport)(ranking, lang);
    result.files.push({ kind: 'ranking-xlsx', path: write('ranking.xlsx', await writers().writeRankingWorkbook(ranking, { lang, generatedAt: when })) });
    result.files.push({ kind: 'ranking-json', path: write('ranking.json', `${JSON.stringify(report, null, 2)}\n`) });
    const ok = checked === data.schools.length * 2 && ranking.refused === 0 && ranking.units.length === data.schools.length;
    if (opts.json) {
        (0, context_1.printJson)({ folder, files: result.files.map((f) => ({ ...f, path: rel(f.path) })), ok, ranking: report });
    }
    else {
        const label = {
            criteria: (0, context_1.t)(lang, 'Bảng tiêu chí', 'Criteria set'),
            template: (0, context_1.t)(lang, 'Mẫu tự chấm (trống)', 'Self-assessment template (blank)'),
            self: (0, context_1.t)(lang, 'Tự chấm', 'Self-assessment'),
            inspection: (0, context_1.t)(lang, 'Kiểm tra chéo', 'Cross-inspection'),
            'ranking-xlsx': (0, context_1.t)(lang, 'Bảng xếp hạng', 'Ranking workbook'),
            'ranking-json': (0, context_1.t)(lang, 'Kết quả (JSON)', 'Ranking (JSON)'),
        };
        (0, context_1.say)(opts, (0, context_1.t)(lang, `Chạy thử năm thi đua ${data.year} của Cụm mẫu (${data.schools.length} trường) vào ${rel(folder)}`, `Example year ${data.year} of the sample cluster (${data.schools.length} schools) in ${rel(folder)}`));
        for (const f of result.files)
            (0, context_1.say)(opts, `  ${label[f.kind].padEnd(28)} ${rel(f.path)}${f.unit ? `  (${f.unit})` : ''}`);
        (0, context_1.say)(opts, (0, context_1.t)(lang, `Kiểm tra: ${checked}/${data.schools.length * 2} tệp không có lỗi`, `Checked: ${checked}/${data.schools.length * 2} workbooks without errors`));
        for (const p of result.problems.filter((x) => x.severity === 'error'))
            (0, context_1.say)(opts, `  ${(0, core_1.formatProblem)(p, lang)}`);
        (0, context_1.say)(opts, (0, context_1.t)(lang, 'Xếp hạng:', 'Ranking:'));
        for (const u of report.ranking)
            (0, context_1.say)(opts, `  ${String(u.rank).padStart(2)}. ${u.unit.padEnd(34)} ${(0, core_1.formatPoints)(u.final, lang).padStart(6)}  ${u.classification ?? ''}${u.award ? `  — ${u.award}` : ''}`);
        for (const u of report.ranking)
            for (const n of u.notes)
                (0, context_1.say)(opts, `      ${u.unit}: ${n}`);
        (0, context_1.say)(opts, (0, context_1.t)(lang, `Mở ${rel(path.join(folder, 'ranking.xlsx'))} để xem bảng xếp hạng.`, `Open ${rel(path.join(folder, 'ranking.xlsx'))} for the ranking.`));
    }
    return ok ? context_1.EXIT.ok : context_1.EXIT.problems;
}
