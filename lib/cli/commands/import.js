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
exports.importWorkbook = importWorkbook;
exports.serializeCriteria = serializeCriteria;
exports.register = register;
const path = __importStar(require("path"));
const core_1 = require("../../core");
const familiar_1 = require("../../core/familiar");
const context_1 = require("../context");
const fs_out_1 = require("../fs-out");
/** Import a workbook's bytes: the importer's guesses plus the loader's verdict on the result. */
async function importWorkbook(bytes, file, opts = {}) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { openWorkbook } = require('../../workbook/open');
    const { opened, problems } = await openWorkbook(bytes, file);
    if (!opened)
        throw new context_1.UsageError(problems);
    const r = (0, familiar_1.importFamiliar)(opened.grids, { file, sheet: opts.sheet });
    const warnings = [...problems, ...r.warnings];
    if (!r.criteriaSet)
        return { criteriaSet: null, leaves: null, maxBase: null, maxBonus: null, warnings };
    const loaded = (0, core_1.loadCriteriaDef)(r.criteriaSet, { file });
    warnings.push(...loaded.problems);
    return {
        criteriaSet: r.criteriaSet,
        leaves: loaded.set?.leaves.length ?? null,
        maxBase: loaded.set?.maxBase ?? null,
        maxBonus: loaded.set?.maxBonus ?? null,
        warnings: warnings.map((w) => (w.file ? w : { ...w, file })),
    };
}
/** The criteria set as text in the output's format (YAML with a schema hint for editors, or JSON). */
function serializeCriteria(set, target) {
    const ext = path.extname(target).toLowerCase();
    if (ext === '.json')
        return `${JSON.stringify(set, null, 2)}\n`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { stringify } = require('yaml');
    return `# ${set.notes ?? set.title}\n# Kiểm tra / check: thidua lint ${path.basename(target)}\n${stringify(set, { lineWidth: 0 })}`;
}
function register(program) {
    program
        .command('import')
        .description('Nhập bảng chấm điểm quen thuộc thành bảng tiêu chí / import the familiar scoring workbook as a criteria set')
        .argument('<workbook>', 'workbook.xlsx')
        .option('--sheet <name>', 'trang tính chứa bảng điểm / sheet holding the table')
        .option('-o, --output <file>', 'ghi bảng tiêu chí (.json, .yaml) / write the criteria set')
        .option('--force', 'ghi đè tệp đã có / overwrite an existing output')
        .option('--json', 'JSON output')
        .action(async (file, opts) => {
        const lang = (0, context_1.langOf)(opts);
        if (opts.output) {
            const ext = path.extname(opts.output).toLowerCase();
            if (!['.json', '.yaml', '.yml'].includes(ext))
                throw new context_1.UsageError([(0, core_1.problem)('familiar_output_format', { path: opts.output })]);
            (0, fs_out_1.checkOutputPath)(opts.output, { force: opts.force, inputs: [file] });
        }
        const run = await importWorkbook((0, context_1.readInput)(file), file, { sheet: opts.sheet });
        const warnings = (0, core_1.localize)(run.warnings, lang);
        const ok = !!run.criteriaSet && run.leaves !== null && !(0, core_1.hasErrors)(warnings);
        let written;
        if (ok && opts.output) {
            (0, fs_out_1.writeOutputAtomic)(opts.output, serializeCriteria(run.criteriaSet, opts.output), { force: opts.force, inputs: [file] });
            written = opts.output;
        }
        if (opts.json)
            (0, context_1.printJson)({ ...run, warnings, ...(written ? { output: written } : {}) });
        else {
            if (run.criteriaSet && run.leaves !== null)
                (0, context_1.say)(opts, (0, context_1.t)(lang, `${file}: ${run.leaves} tiêu chí, điểm tối đa ${run.maxBase} + thưởng ${run.maxBonus} (${run.criteriaSet.id})`, `${file}: ${run.leaves} criteria, max ${run.maxBase} + bonus ${run.maxBonus} (${run.criteriaSet.id})`));
            (0, context_1.printProblems)(opts, warnings);
            if (written)
                (0, context_1.say)(opts, (0, context_1.t)(lang, `Đã ghi ${written}.`, `Wrote ${written}.`));
            else if (ok)
                (0, context_1.say)(opts, (0, context_1.t)(lang, 'Thêm -o bang-tieu-chi.yaml để ghi bảng tiêu chí.', 'Add -o criteria.yaml to write the criteria set.'));
            else
                (0, context_1.say)(opts, (0, context_1.t)(lang, 'Không tạo được bảng tiêu chí.', 'No criteria set was produced.'));
        }
        process.exitCode = ok ? context_1.EXIT.ok : context_1.EXIT.problems;
    });
}
