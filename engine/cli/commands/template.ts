/**
 * `thidua template <criteria> [--mode self|inspection] [--from filled.xlsx] [--unit NAME] [--year N] -o out.xlsx`
 * `thidua template <criteria> --units FILE | --unit A --unit B... -o FOLDER`: one workbook per unit (safe file names)
 *
 * Self mode: the school's workbook, self-score and evidence cells open. Inspection mode: made from the
 * school's filled workbook (--from), its self scores and evidence kept and locked, the inspection and
 * remark cells open. The output is written atomically, never over an input, and never over an existing
 * file without --force.
 */
import type { Command } from 'commander';
import * as path from 'path';
import { existsSync, statSync } from 'fs';
import { CellValue, evaluate, formatProblem, Lang, problem, Problem } from '../../core';
import { readTemplate } from '../../core/template/read';
import type { TemplateMode, TemplatePrefill } from '../../core/template/plan';
import { EXIT, GlobalOptions, langOf, printJson, readInput, requireCriteria, say, t, UsageError } from '../context';
import { fileNamesForUnits } from '../file-names';
import { checkOutputPath, writeOutputAtomic } from '../fs-out';
import { checkUnits, readUnitsFile } from '../units-file';
import { NODE_DEFLATER } from '../natives';

interface Options extends GlobalOptions {
  mode?: string;
  from?: string;
  strict?: boolean;
  unit?: string[];
  units?: string;
  unitsColumn?: string;
  year?: string;
  team?: string;
  date?: string;
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openWorkbook } = require('../../workbook/open') as typeof import('../../workbook/open');
  const { opened, problems } = await openWorkbook(bytes, file);
  if (!opened) throw new UsageError(problems);
  const r = readTemplate(opened.grids, { file });
  if (!r.set) throw new UsageError(r.problems.filter((p) => p.severity === 'error'));
  if (r.set.hash !== setHash)
    throw new UsageError([problem('template_set_mismatch', { found: `${r.set.id} (${r.set.hash.slice(0, 12)})`, expected: `${setId} (${setHash.slice(0, 12)})` }, { file })]);
  // A tampered or restructured workbook cannot be trusted to carry the school's values.
  const fatal = r.problems.filter((p) =>
    ['criteria_tampered', 'metadata_tampered', 'scored_sheet_hidden', 'second_scoring_table', 'self_changed_since_stamp', 'row_missing', 'row_moved', 'row_inserted', 'template_sheet_missing'].includes(p.code),
  );
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
    .option('--unit <name>', 'tên đơn vị (nhắc lại để tạo nhiều bảng) / unit name (repeat for one workbook per unit)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--units <file>', 'danh sách đơn vị: mỗi dòng một đơn vị, hoặc một cột của tệp .xlsx / units: one a line, or a column of an .xlsx')
    .option('--units-column <letter>', 'cột chứa tên đơn vị trong tệp --units .xlsx / the column of the --units workbook')
    .option('--year <n>', 'năm / year')
    .option('--team <name>', 'đoàn kiểm tra (ghi vào dấu của bảng kiểm tra chéo) / inspection team, stamped')
    .option('--date <yyyy-mm-dd>', 'ngày kiểm tra (mặc định hôm nay) / inspection date, stamped (default today)')
    .requiredOption('-o, --output <out.xlsx|folder>', 'output workbook (a folder with --units or several --unit)')
    .option('--force', 'ghi đè tệp đã có / overwrite an existing output')
    .option('--json', 'JSON output')
    .action(async (criteriaFile: string, opts: Options) => {
      const lang = langOf(opts);
      if (opts.units || (opts.unit?.length ?? 0) > 1) {
        process.exitCode = await runUnitTemplates(criteriaFile, opts, lang);
        return;
      }
      const unitName = opts.unit?.[0];
      const mode: TemplateMode = (opts.mode ?? (opts.from ? 'inspection' : 'self')) as TemplateMode;
      if (mode !== 'self' && mode !== 'inspection') throw bad('--mode', 'self | inspection');
      if (mode === 'self' && opts.from) throw bad('--from', t(lang, 'chỉ dùng với --mode inspection', 'only with --mode inspection'));
      let year: number | undefined;
      if (opts.year !== undefined) {
        year = Number(opts.year);
        if (!Number.isInteger(year) || year < 1900 || year > 2200) throw bad('--year', t(lang, 'cần một năm như 2024', 'expected a year such as 2024'));
      }
      if (unitName !== undefined && unitName.length > 200) throw bad('--unit', t(lang, 'tên quá dài (tối đa 200 ký tự)', 'too long (200 characters at most)'));
      if (opts.team !== undefined && (opts.team.length > 200 || /[\u0000-\u001f\u007f-\u009f]/.test(opts.team)))
        throw bad('--team', t(lang, 'tối đa 200 ký tự, không có ký tự điều khiển', 'at most 200 characters, no control characters'));
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw bad('--date', t(lang, 'cần dạng 2024-11-30', 'expected a date such as 2024-11-30'));
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
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { writeTemplate } = require('../../workbook/template/write') as typeof import('../../workbook/template/write');
      const { bytes, plan } = await writeTemplate(set, {
        mode,
        unit: unitName ?? prefill?.unit,
        year,
        lang,
        prefill,
        toolVersion: TOOL_VERSION,
        generatedAt: new Date().toISOString(),
        ...(mode === 'inspection'
          ? { inspection: { team: opts.team ?? '', date: opts.date ?? new Date().toISOString().slice(0, 10), fromFile: opts.from ? path.basename(opts.from) : '' } }
          : {}),
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

/** `--units FILE` or several `--unit`: one workbook per unit in the -o folder, in one process. */
async function runUnitTemplates(criteriaFile: string, opts: Options, lang: Lang): Promise<number> {
  const mode: TemplateMode = (opts.mode ?? 'self') as TemplateMode;
  if (mode !== 'self' && mode !== 'inspection') throw bad('--mode', 'self | inspection');
  if (opts.from) throw bad('--from', t(lang, 'mỗi lần một đơn vị, không dùng với --units', 'one unit at a time, not with --units'));
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) throw bad('--year', t(lang, 'cần một năm như 2024', 'expected a year such as 2024'));
  }
  const folder = opts.output;
  if (path.extname(folder).toLowerCase() === '.xlsx') throw bad('-o', t(lang, 'với nhiều đơn vị, -o là một thư mục', 'with several units, -o is a folder'));
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw bad('-o', t(lang, `${folder} không phải thư mục`, `${folder} is not a folder`));

  const given = (opts.unit ?? []).map((u, i) => ({ name: u.trim().normalize('NFC'), where: `--unit #${i + 1}` }));
  const errors = checkUnits(given);
  if (errors.length) throw new UsageError(errors.map((detail) => problem('bad_option', { option: '--unit', detail })));
  let units = given.map((g) => g.name);
  let source = '--unit';
  if (opts.units) {
    const list = await readUnitsFile(opts.units, opts.unitsColumn);
    const both = checkUnits([...given, ...list.units.map((name) => ({ name, where: list.source }))]);
    if (both.length) throw new UsageError(both.slice(0, 20).map((detail) => problem('bad_option', { option: '--units', detail })));
    units = [...units, ...list.units];
    source = given.length ? `--unit, ${list.source}` : list.source;
  }
  if (units.some((u) => !u)) throw bad('--unit', t(lang, 'tên đơn vị trống', 'empty unit name'));

  // Every target is checked before anything is written: a run never stops halfway on "file exists".
  const names = fileNamesForUnits(units);
  const targets = names.map((n) => path.join(folder, n));
  const inputs = [criteriaFile, ...(opts.units ? [opts.units] : [])];
  for (const target of targets) checkOutputPath(target, { force: opts.force, inputs, mkdir: true });
  const set = (await requireCriteria(criteriaFile))!;
  // exceljs (behind the batch writer) is loaded only when templates are written.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeUnitTemplates } = require('../../workbook/template/batch') as typeof import('../../workbook/template/batch');
  const { rendered } = await writeUnitTemplates(
    set,
    { mode, year, lang, toolVersion: TOOL_VERSION, generatedAt: new Date().toISOString() },
    units,
    ({ bytes }, i) => writeOutputAtomic(targets[i], bytes, { force: opts.force, inputs, mkdir: true }),
    NODE_DEFLATER,
  );
  if (opts.json)
    printJson({
      folder,
      mode,
      source,
      criteriaSet: { id: set.id, hash: set.hash },
      leaves: set.leaves.length,
      entries: set.entries.length,
      files: units.map((unit, i) => ({ unit, file: targets[i] })),
      renderedInFull: rendered,
    });
  else {
    say(opts, t(lang, `Đã tạo ${units.length} bảng ${mode === 'self' ? 'tự chấm' : 'kiểm tra chéo'} trong ${folder} (đơn vị từ ${source}):`, `Wrote ${units.length} ${mode === 'self' ? 'self-assessment' : 'inspection'} workbooks into ${folder} (units from ${source}):`));
    units.forEach((u, i) => say(opts, `  ${names[i]}  ←  ${u}`));
  }
  if (rendered)
    process.stderr.write(
      `${t(lang, `Lưu ý: ${rendered} bảng được dựng lại từ đầu (bản sao nhanh không đọc lại đúng)`, `Note: ${rendered} workbook(s) rendered in full (the fast copy did not read back as expected)`)}\n`,
    );
  return EXIT.ok;
}
