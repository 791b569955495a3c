/**
 * `thidua template <criteria> [--mode self|inspection] [--from filled.xlsx] [--unit NAME] [--year N] -o out.xlsx`
 *
 * Self mode: the school's workbook, self-score and evidence cells open. Inspection mode: made from the
 * school's filled workbook (--from), its self scores and evidence kept and locked, the inspection and
 * remark cells open. The output is written atomically, never over an input, and never over an existing
 * file without --force.
 */
import type { Command } from 'commander';
import * as path from 'path';
import { CellValue, evaluate, formatProblem, problem, Problem } from '../../core';
import { readTemplate } from '../../core/template/read';
import type { TemplateMode, TemplatePrefill } from '../../core/template/plan';
import { openWorkbook } from '../../workbook/open';
import { writeTemplate } from '../../workbook/template/write';
import { EXIT, GlobalOptions, langOf, printJson, readInput, requireCriteria, say, t, UsageError } from '../context';
import { checkOutputPath, writeOutputAtomic } from '../fs-out';

interface Options extends GlobalOptions {
  mode?: string;
  from?: string;
  strict?: boolean;
  unit?: string;
  year?: string;
  output: string;
  force?: boolean;
}

const TOOL_VERSION = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return `thidua ${(require('../../../package.json') as { version: string }).version}`;
  } catch {
    return 'thidua';
  }
})();

const bad = (option: string, detail: string) => new UsageError([problem('bad_option', { option, detail })]);

/** Self entries, evidence and unit of a school's filled template, for the inspection workbook. */
async function prefillFrom(file: string, setHash: string, setId: string): Promise<{ prefill: TemplatePrefill; problems: Problem[] }> {
  const bytes = readInput(file);
  const { opened, problems } = await openWorkbook(bytes, file);
  if (!opened) throw new UsageError(problems);
  const r = readTemplate(opened.grids, { file });
  if (!r.set) throw new UsageError(r.problems.filter((p) => p.severity === 'error'));
  if (r.set.hash !== setHash)
    throw new UsageError([problem('template_set_mismatch', { found: `${r.set.id} (${r.set.hash.slice(0, 12)})`, expected: `${setId} (${setHash.slice(0, 12)})` }, { file })]);
  // A tampered or restructured workbook cannot be trusted to carry the school's values.
  const fatal = r.problems.filter((p) => ['criteria_tampered', 'row_missing', 'row_moved', 'row_inserted', 'template_sheet_missing'].includes(p.code));
  if (fatal.length || r.structureBroken) throw new UsageError(fatal.length ? fatal : r.problems.filter((p) => p.severity === 'error'));
  const raw = (v: unknown): CellValue => (v && typeof v === 'object' ? ((v as { value: CellValue }).value ?? null) : (v as CellValue));
  const self: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(r.submission?.self ?? {})) self[k] = raw(v);
  const evidence: Record<string, CellValue> = {};
  for (const [k, v] of Object.entries(r.submission?.evidence ?? {})) evidence[k] = raw(v);
  // The self-assessment scored as `check` scores it: its errors (a text "3,5", an off-step score) are
  // the school's, and the inspection must not start from them unnoticed.
  const scored = r.submission ? evaluate(r.set, { ...r.submission, inspected: null, file }).problems : [];
  return { prefill: { self, evidence, unit: r.meta.unit }, problems: [...problems, ...r.problems, ...scored] };
}

/** The warning (or, with --strict, the refusal) for a self-assessment with errors: count and first cells. */
function fromErrorsProblem(file: string, errors: Problem[], strict: boolean): Problem {
  const cells = [...new Set(errors.map((p) => p.cell ?? p.criterion).filter((x): x is string => !!x))];
  const first = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ', …' : '');
  return problem(strict ? 'inspection_from_refused' : 'inspection_from_errors', { file, count: errors.length, cells: first || '—' }, { file, sheet: errors[0]?.sheet, cell: errors[0]?.cell });
}

export function register(program: Command): void {
  program
    .command('template')
    .description('Tạo bảng chấm điểm Excel cho đơn vị / generate the scoring workbook')
    .argument('<criteria>', 'criteria.(yaml|json|xlsx)')
    .option('--mode <self|inspection>', 'tự chấm (self) hoặc kiểm tra chéo (inspection); --from implies inspection')
    .option('--from <filled.xlsx>', "the school's filled workbook (inspection mode)")
    .option('--strict', 'không tạo bảng kiểm tra chéo từ bảng tự chấm có lỗi / refuse a --from workbook with errors')
    .option('--unit <name>', 'tên đơn vị / unit name')
    .option('--year <n>', 'năm / year')
    .requiredOption('-o, --output <out.xlsx>', 'output workbook')
    .option('--force', 'ghi đè tệp đã có / overwrite an existing output')
    .option('--json', 'JSON output')
    .action(async (criteriaFile: string, opts: Options) => {
      const lang = langOf(opts);
      const mode: TemplateMode = (opts.mode ?? (opts.from ? 'inspection' : 'self')) as TemplateMode;
      if (mode !== 'self' && mode !== 'inspection') throw bad('--mode', 'self | inspection');
      if (mode === 'self' && opts.from) throw bad('--from', t(lang, 'chỉ dùng với --mode inspection', 'only with --mode inspection'));
      let year: number | undefined;
      if (opts.year !== undefined) {
        year = Number(opts.year);
        if (!Number.isInteger(year) || year < 1900 || year > 2200) throw bad('--year', t(lang, 'cần một năm như 2024', 'expected a year such as 2024'));
      }
      if (opts.unit !== undefined && opts.unit.length > 200) throw bad('--unit', t(lang, 'tên quá dài (tối đa 200 ký tự)', 'too long (200 characters at most)'));
      const out = opts.output;
      if (path.extname(out).toLowerCase() !== '.xlsx') throw bad('-o', t(lang, 'tệp kết quả phải có đuôi .xlsx', 'the output must end in .xlsx'));
      const inputs = [criteriaFile, ...(opts.from ? [opts.from] : [])];
      checkOutputPath(out, { force: opts.force, inputs });

      const set = (await requireCriteria(criteriaFile))!;
      let prefill: TemplatePrefill | undefined;
      let fromProblems: Problem[] = [];
      if (opts.from) ({ prefill, problems: fromProblems } = await prefillFrom(opts.from, set.hash, set.id));
      const fromErrorList = fromProblems.filter((p) => p.severity === 'error');
      if (opts.from && fromErrorList.length) {
        const summary = fromErrorsProblem(opts.from, fromErrorList, !!opts.strict);
        if (opts.strict) throw new UsageError([summary, ...fromErrorList.slice(0, 20)]);
        fromProblems = [summary, ...fromProblems];
      }
      const { bytes, plan } = await writeTemplate(set, {
        mode,
        unit: opts.unit ?? prefill?.unit,
        year,
        lang,
        prefill,
        toolVersion: TOOL_VERSION,
        generatedAt: new Date().toISOString(),
      });
      writeOutputAtomic(out, bytes, { force: opts.force, inputs });

      const fromErrors = fromProblems.filter((p) => p.severity === 'error').length;
      if (opts.json)
        printJson({
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
        say(
          opts,
          t(
            lang,
            `Đã tạo ${out}: ${mode === 'self' ? 'bảng tự chấm' : 'bảng kiểm tra chéo'}, ${set.leaves.length} tiêu chí, ${set.entries.length} ô nhập mỗi cột${plan.meta.unit ? `, đơn vị ${plan.meta.unit}` : ''}.`,
            `Wrote ${out}: ${mode === 'self' ? 'self-assessment' : 'inspection'} workbook, ${set.leaves.length} criteria, ${set.entries.length} entry cells per column${plan.meta.unit ? `, unit ${plan.meta.unit}` : ''}.`,
          ),
        );
        if (opts.from && fromProblems.length) {
          say(opts, t(lang, `Tệp ${opts.from} có ${fromErrors} lỗi, ${fromProblems.length - fromErrors} cảnh báo (điểm tự chấm được giữ nguyên):`, `${opts.from} has ${fromErrors} error(s), ${fromProblems.length - fromErrors} warning(s) (self scores kept as they are):`));
          for (const p of fromProblems.slice(0, 20)) say(opts, `  ${formatProblem(p, lang)}`);
          if (fromProblems.length > 20) say(opts, `  ... (+${fromProblems.length - 20})`);
        }
      }
      process.exitCode = EXIT.ok;
    });
}
