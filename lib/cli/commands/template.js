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
const path = __importStar(require("path"));
const core_1 = require("../../core");
const read_1 = require("../../core/template/read");
const context_1 = require("../context");
const fs_out_1 = require("../fs-out");
const TOOL_VERSION = (() => {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return `thidua ${require('../../../package.json').version}`;
    }
    catch {
        return 'thidua';
    }
})();
const bad = (option, detail) => new context_1.UsageError([(0, core_1.problem)('bad_option', { option, detail })]);
/** Self entries, evidence and unit of a school's filled template, for the inspection workbook. */
async function prefillFrom(file, setHash, setId) {
    const bytes = (0, context_1.readInput)(file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { openWorkbook } = require('../../workbook/open');
    const { opened, problems } = await openWorkbook(bytes, file);
    if (!opened)
        throw new context_1.UsageError(problems);
    const r = (0, read_1.readTemplate)(opened.grids, { file });
    if (!r.set)
        throw new context_1.UsageError(r.problems.filter((p) => p.severity === 'error'));
    if (r.set.hash !== setHash)
        throw new context_1.UsageError([(0, core_1.problem)('template_set_mismatch', { found: `${r.set.id} (${r.set.hash.slice(0, 12)})`, expected: `${setId} (${setHash.slice(0, 12)})` }, { file })]);
    // A tampered or restructured workbook cannot be trusted to carry the school's values.
    const fatal = r.problems.filter((p) => ['criteria_tampered', 'row_missing', 'row_moved', 'row_inserted', 'template_sheet_missing'].includes(p.code));
    if (fatal.length || r.structureBroken)
        throw new context_1.UsageError(fatal.length ? fatal : r.problems.filter((p) => p.severity === 'error'));
    const raw = (v) => (v && typeof v === 'object' ? (v.value ?? null) : v);
    const self = {};
    for (const [k, v] of Object.entries(r.submission?.self ?? {}))
        self[k] = raw(v);
    const evidence = {};
    for (const [k, v] of Object.entries(r.submission?.evidence ?? {}))
        evidence[k] = raw(v);
    return { prefill: { self, evidence, unit: r.meta.unit }, problems: [...problems, ...r.problems] };
}
function register(program) {
    program
        .command('template')
        .description('Tạo bảng chấm điểm Excel cho đơn vị / generate the scoring workbook')
        .argument('<criteria>', 'criteria.(yaml|json|xlsx)')
        .option('--mode <self|inspection>', 'tự chấm (self) hoặc kiểm tra chéo (inspection); --from implies inspection')
        .option('--from <filled.xlsx>', "the school's filled workbook (inspection mode)")
        .option('--unit <name>', 'tên đơn vị / unit name')
        .option('--year <n>', 'năm / year')
        .requiredOption('-o, --output <out.xlsx>', 'output workbook')
        .option('--force', 'ghi đè tệp đã có / overwrite an existing output')
        .option('--json', 'JSON output')
        .action(async (criteriaFile, opts) => {
        const lang = (0, context_1.langOf)(opts);
        const mode = (opts.mode ?? (opts.from ? 'inspection' : 'self'));
        if (mode !== 'self' && mode !== 'inspection')
            throw bad('--mode', 'self | inspection');
        if (mode === 'self' && opts.from)
            throw bad('--from', (0, context_1.t)(lang, 'chỉ dùng với --mode inspection', 'only with --mode inspection'));
        let year;
        if (opts.year !== undefined) {
            year = Number(opts.year);
            if (!Number.isInteger(year) || year < 1900 || year > 2200)
                throw bad('--year', (0, context_1.t)(lang, 'cần một năm như 2024', 'expected a year such as 2024'));
        }
        if (opts.unit !== undefined && opts.unit.length > 200)
            throw bad('--unit', (0, context_1.t)(lang, 'tên quá dài (tối đa 200 ký tự)', 'too long (200 characters at most)'));
        const out = opts.output;
        if (path.extname(out).toLowerCase() !== '.xlsx')
            throw bad('-o', (0, context_1.t)(lang, 'tệp kết quả phải có đuôi .xlsx', 'the output must end in .xlsx'));
        const inputs = [criteriaFile, ...(opts.from ? [opts.from] : [])];
        (0, fs_out_1.checkOutputPath)(out, { force: opts.force, inputs });
        const set = (await (0, context_1.requireCriteria)(criteriaFile));
        let prefill;
        let fromProblems = [];
        if (opts.from)
            ({ prefill, problems: fromProblems } = await prefillFrom(opts.from, set.hash, set.id));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { writeTemplate } = require('../../workbook/template/write');
        const { bytes, plan } = await writeTemplate(set, {
            mode,
            unit: opts.unit ?? prefill?.unit,
            year,
            lang,
            prefill,
            toolVersion: TOOL_VERSION,
            generatedAt: new Date().toISOString(),
        });
        (0, fs_out_1.writeOutputAtomic)(out, bytes, { force: opts.force, inputs });
        const fromErrors = fromProblems.filter((p) => p.severity === 'error').length;
        if (opts.json)
            (0, context_1.printJson)({
                file: out,
                mode,
                unit: plan.meta.unit || null,
                year: plan.meta.year,
                criteriaSet: { id: set.id, hash: set.hash },
                leaves: set.leaves.length,
                entries: set.entries.length,
                names: plan.names.map((n) => ({ name: n.name, ref: n.ref })),
                from: opts.from ?? null,
                fromProblems: fromProblems.map((p) => ({ ...p, message: p.messages[lang] })),
            });
        else {
            (0, context_1.say)(opts, (0, context_1.t)(lang, `Đã tạo ${out}: ${mode === 'self' ? 'bảng tự chấm' : 'bảng kiểm tra chéo'}, ${set.leaves.length} tiêu chí, ${set.entries.length} ô nhập mỗi cột${plan.meta.unit ? `, đơn vị ${plan.meta.unit}` : ''}.`, `Wrote ${out}: ${mode === 'self' ? 'self-assessment' : 'inspection'} workbook, ${set.leaves.length} criteria, ${set.entries.length} entry cells per column${plan.meta.unit ? `, unit ${plan.meta.unit}` : ''}.`));
            if (opts.from && fromProblems.length) {
                (0, context_1.say)(opts, (0, context_1.t)(lang, `Tệp ${opts.from} có ${fromErrors} lỗi, ${fromProblems.length - fromErrors} cảnh báo (điểm tự chấm được giữ nguyên):`, `${opts.from} has ${fromErrors} error(s), ${fromProblems.length - fromErrors} warning(s) (self scores kept as they are):`));
                for (const p of fromProblems.slice(0, 20))
                    (0, context_1.say)(opts, `  ${(0, core_1.formatProblem)(p, lang)}`);
                if (fromProblems.length > 20)
                    (0, context_1.say)(opts, `  ... (+${fromProblems.length - 20})`);
            }
        }
        process.exitCode = context_1.EXIT.ok;
    });
}
