/**
 * `thidua report <workbooks|folder>... [--criteria C] [--unit NAME]... -o <folder> [--allow-partial] [--force]`
 *
 * The year-end documents from the same data as `thidua rank`: the cross-inspection minutes of each
 * school (one .docx, a school per section; --unit limits it), the report of scores and ranking, and the
 * award proposal, as .docx in the administrative layout of Nghị định 30/2020/NĐ-CP. The documents are
 * built as data in engine/core/report and rendered in engine/workbook/docx; this file only reads the
 * inputs and writes the files.
 */
import * as path from 'path';
import type { Command } from 'commander';
import { CompiledSet, formatProblem, problem, Ranking, RankingCollector, RankSource } from '../../core';
import { EXIT, GlobalOptions, langOf, printJson, requireCriteria, say, t, UsageError } from '../context';
import { expandInputs } from '../expand-inputs';
import { checkOutputPath, writeOutputAtomic } from '../fs-out';
import { isRankingWorkbook, progressReporter, scoreForRanking } from './rank';

// The .docx writer (and the docx library) is loaded only when documents are written.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yearEndDocx: typeof import('../../workbook/docx/year-end').yearEndDocx = (...a) => (require('../../workbook/docx/year-end') as typeof import('../../workbook/docx/year-end')).yearEndDocx(...a);

interface Options extends GlobalOptions {
  criteria?: string;
  output: string;
  unit?: string[];
  allowPartial?: boolean;
  force?: boolean;
}

/** Rank the files and keep the scored sources (both columns, remarks) the minutes need. */
export async function rankWithSources(files: string[], criteria?: CompiledSet, onProgress?: (done: number, file: string) => void): Promise<{ ranking: Ranking; sources: RankSource[] }> {
  const collector = new RankingCollector();
  for (let i = 0; i < files.length; i++) {
    collector.add(await scoreForRanking(files[i], criteria));
    onProgress?.(i + 1, files[i]);
  }
  return { ranking: collector.build(), sources: collector.inputs };
}

export function register(program: Command): void {
  program
    .command('report')
    .description('Biên bản kiểm tra chéo, báo cáo kết quả, tờ trình khen thưởng (.docx) / year-end documents')
    .argument('<inputs...>', 'workbook.xlsx, submission.json or a folder of them')
    .option('--criteria <file>', 'criteria set, for workbooks that do not carry one')
    .option('--unit <name>', 'minutes for this unit only (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .requiredOption('-o, --output <folder>', 'folder to write the .docx files into')
    .option('--json', 'JSON output (the files written)')
    .option('--allow-partial', 'write the documents for the valid files even when others are refused')
    .option('--force', 'overwrite documents that exist')
    .action(async (inputs: string[], opts: Options) => {
      process.exitCode = await runReport(inputs, opts);
    });
}

export async function runReport(inputs: string[], opts: Options): Promise<number> {
  const lang = langOf(opts);
  const criteria = await requireCriteria(opts.criteria);
  const folder = opts.output;
  const exclude = [opts.criteria].filter((x): x is string => !!x);
  const expanded = expandInputs(inputs, { exclude });
  // A ranking workbook of ours in the folder is an output, not a school's workbook.
  const files = expanded.files.filter((f) => !(path.extname(f).toLowerCase() === '.xlsx' && isRankingWorkbook(f)));
  if (!files.length) throw new UsageError([...expanded.problems, problem('no_inputs')]);

  const progress = progressReporter(lang, files.length);
  const { ranking, sources } = await rankWithSources(files, criteria, (done, file) => progress.tick(done, file));
  progress.end();

  for (const s of ranking.sources) if (s.status === 'refused') for (const p of s.problems.filter((x) => x.severity === 'error')) process.stderr.write(`${formatProblem(p, lang)}\n`);
  if (!ranking.units.length) throw new UsageError([problem('refused_not_ranked', { refused: ranking.refused, total: ranking.sources.length })]);
  if (ranking.refused && !opts.allowPartial) {
    process.stderr.write(`${formatProblem(problem('refused_not_ranked', { refused: ranking.refused, total: ranking.sources.length }), lang)}\n`);
    return EXIT.problems;
  }
  const { files: docs, unknownUnits } = await yearEndDocx({ ranking, sources, lang, units: opts.unit });
  if (unknownUnits.length)
    throw new UsageError(unknownUnits.map((unit) => problem('report_unit_unknown', { unit, known: ranking.units.map((u) => u.unit).join(', ') })));

  const targets = docs.map((d) => ({ ...d, path: path.join(folder, d.name) }));
  for (const d of targets) checkOutputPath(d.path, { force: opts.force, inputs: files, mkdir: true });
  for (const d of targets) writeOutputAtomic(d.path, d.bytes, { force: opts.force, inputs: files, mkdir: true });

  if (opts.json) printJson({ folder, files: targets.map((d) => ({ kind: d.kind, path: d.path })), units: ranking.units.map((u) => u.unit) });
  else {
    const label = { minutes: t(lang, 'Biên bản kiểm tra chéo', 'Cross-inspection minutes'), summary: t(lang, 'Báo cáo kết quả', 'Scoring report'), proposal: t(lang, 'Tờ trình khen thưởng', 'Award proposal') };
    for (const d of targets) say(opts, `${label[d.kind].padEnd(26)} ${d.path}`);
    say(opts, t(lang, 'Các chỗ tô vàng (số văn bản, ngày, người ký...) cần điền trước khi ban hành.', 'Fill the yellow blanks (number, date, signers...) before issuing.'));
  }
  return EXIT.ok;
}
