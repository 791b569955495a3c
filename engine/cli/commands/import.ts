/**
 * `thidua import <workbook.xlsx> [--sheet NAME] [-o criteria.json|.yaml] [--json] [--force]`: turn the
 * cluster's familiar scoring workbook into a criteria set, with a warning for everything guessed.
 * --json prints { criteriaSet, leaves, maxBase, maxBonus, warnings }; -o writes the set atomically and
 * never replaces an existing file without --force (nor the input, ever).
 */
import type { Command } from 'commander';
import * as path from 'path';
import { hasErrors, loadCriteriaDef, localize, problem, type CriteriaSet, type Problem } from '../../core';
import { importFamiliar } from '../../core/familiar';
import { parseColumns } from '../../core/familiar/mapping';
import type { ColumnMapping } from '../../core/familiar/table';
import { EXIT, GlobalOptions, langOf, printJson, printProblems, readInput, say, t, UsageError } from '../context';
import { checkOutputPath, writeOutputAtomic } from '../fs-out';

interface Options extends GlobalOptions {
  sheet?: string;
  columns?: string;
  headerRow?: string;
  output?: string;
  force?: boolean;
}

export interface ImportRun {
  criteriaSet: CriteriaSet | null;
  leaves: number | null;
  maxBase: number | null;
  maxBonus: number | null;
  warnings: Problem[];
}

/** Import a workbook's bytes: the importer's guesses plus the loader's verdict on the result. */
export async function importWorkbook(bytes: Uint8Array, file: string, opts: { sheet?: string; mapping?: ColumnMapping } = {}): Promise<ImportRun> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { openWorkbook } = require('../../workbook/open') as typeof import('../../workbook/open');
  const { opened, problems } = await openWorkbook(bytes, file);
  if (!opened) throw new UsageError(problems);
  const r = importFamiliar(opened.grids, { file, sheet: opts.sheet, mapping: opts.mapping });
  const warnings = [...problems, ...r.warnings];
  if (!r.criteriaSet) return { criteriaSet: null, leaves: null, maxBase: null, maxBonus: null, warnings };
  const loaded = loadCriteriaDef(r.criteriaSet, { file });
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
export function serializeCriteria(set: CriteriaSet, target: string): string {
  const ext = path.extname(target).toLowerCase();
  if (ext === '.json') return `${JSON.stringify(set, null, 2)}\n`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stringify } = require('yaml') as typeof import('yaml');
  return `# ${set.notes ?? set.title}\n# Kiểm tra / check: thidua lint ${path.basename(target)}\n${stringify(set, { lineWidth: 0 })}`;
}

export function register(program: Command): void {
  program
    .command('import')
    .description('Nhập bảng chấm điểm quen thuộc thành bảng tiêu chí / import the familiar scoring workbook as a criteria set')
    .argument('<workbook>', 'workbook.xlsx')
    .option('--sheet <name>', 'trang tính chứa bảng điểm / sheet holding the table')
    .option(
      '--columns <mapping>',
      'chỉ định cột, vd "number=A,text=B,max=C,self=D,inspected=E,evidence=F,remark=G" (hoặc tt=, noi dung=, diem chuan=, tu cham=, tham dinh=) / columns by role',
    )
    .option('--header-row <n>', 'hàng tiêu đề của bảng / the header row')
    .option('-o, --output <file>', 'ghi bảng tiêu chí (.json, .yaml) / write the criteria set')
    .option('--force', 'ghi đè tệp đã có / overwrite an existing output')
    .option('--json', 'JSON output')
    .action(async (file: string, opts: Options) => {
      const lang = langOf(opts);
      if (opts.output) {
        const ext = path.extname(opts.output).toLowerCase();
        if (!['.json', '.yaml', '.yml'].includes(ext)) throw new UsageError([problem('familiar_output_format', { path: opts.output })]);
        checkOutputPath(opts.output, { force: opts.force, inputs: [file] });
      }
      const mapping: ColumnMapping = {};
      if (opts.columns !== undefined) {
        const parsed = parseColumns(opts.columns);
        if (parsed.problems.length) throw new UsageError(parsed.problems);
        mapping.columns = parsed.columns;
      }
      if (opts.headerRow !== undefined) {
        const n = Number(opts.headerRow);
        if (!Number.isInteger(n) || n < 1 || n > 100000) throw new UsageError([problem('familiar_header_row_invalid', { row: opts.headerRow })]);
        mapping.headerRow = n;
      }
      const run = await importWorkbook(readInput(file), file, { sheet: opts.sheet, mapping });
      const warnings = localize(run.warnings, lang);
      const ok = !!run.criteriaSet && run.leaves !== null && !hasErrors(warnings);
      let written: string | undefined;
      if (ok && opts.output) {
        writeOutputAtomic(opts.output, serializeCriteria(run.criteriaSet!, opts.output), { force: opts.force, inputs: [file] });
        written = opts.output;
      }
      if (opts.json) printJson({ ...run, warnings, ...(written ? { output: written } : {}) });
      else {
        if (run.criteriaSet && run.leaves !== null)
          say(
            opts,
            t(
              lang,
              `${file}: ${run.leaves} tiêu chí, điểm tối đa ${run.maxBase} + thưởng ${run.maxBonus} (${run.criteriaSet.id})`,
              `${file}: ${run.leaves} criteria, max ${run.maxBase} + bonus ${run.maxBonus} (${run.criteriaSet.id})`,
            ),
          );
        printProblems(opts, warnings);
        if (written) say(opts, t(lang, `Đã ghi ${written}.`, `Wrote ${written}.`));
        else if (ok) say(opts, t(lang, 'Thêm -o bang-tieu-chi.yaml để ghi bảng tiêu chí.', 'Add -o criteria.yaml to write the criteria set.'));
        else say(opts, t(lang, 'Không tạo được bảng tiêu chí.', 'No criteria set was produced.'));
      }
      process.exitCode = ok ? EXIT.ok : EXIT.problems;
    });
}
