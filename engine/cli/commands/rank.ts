/**
 * `thidua rank <workbook.xlsx|folder>... [--criteria C] [-o ranking.xlsx] [--json] [--allow-partial] [--force]`
 *
 * Files are scored one at a time and only what the ranking needs is kept (RankingCollector), so memory
 * does not grow with the size or number of workbooks. Refusals (duplicate units, another criteria set
 * or year, unreadable files, files with errors) are reported in the output and on stderr; without
 * --allow-partial any refusal means exit 1 and no ranking workbook.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import {
  CompiledSet,
  formatPoints,
  formatProblem,
  Lang,
  Problem,
  problem,
  Ranking,
  RankingCollector,
  rankReport,
  RankReport,
} from '../../core';
import { EXIT, GlobalOptions, langOf, printJson, requireCriteria, say, t, UsageError } from '../context';
import { expandInputs } from '../expand-inputs';
import { scoreInOrder, terminateWorkers } from '../rank-pool';
import { escapeControls } from '../../core/unit-name';
import { checkOutputPath, writeOutputAtomic } from '../fs-out';
import { RANKING_WORKBOOK_KEYWORD } from '../../workbook/ranking-keyword';

// The ranking writer is loaded only when a ranking workbook is written.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rankingWorkbook = () => require('../ranking-workbook') as typeof import('../ranking-workbook');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbookScore = () => require('../../workbook/score') as typeof import('../../workbook/score');

interface Options extends GlobalOptions {
  criteria?: string;
  output?: string;
  allowPartial?: boolean;
  force?: boolean;
  verbose?: boolean;
}

/** Warnings listed after the ranking without --verbose (the count always says how many there are). */
export const WARNINGS_SHOWN = 10;

/** True when the file is a ranking workbook written by `thidua rank` (its keywords say so). */
export function isRankingWorkbook(file: string): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { strFromU8, unzipSync } = require('fflate') as typeof import('fflate');
    const parts = unzipSync(readFileSync(file), { filter: (f) => f.name === 'docProps/core.xml' && f.originalSize < 65536 });
    const core = parts['docProps/core.xml'];
    return !!core && strFromU8(core).includes(RANKING_WORKBOOK_KEYWORD);
  } catch {
    return false;
  }
}

export { scoreForRanking } from '../score-for-ranking';

export interface RankFilesOptions {
  criteria?: CompiledSet;
  /** The file `criteria` was loaded from (worker threads load it themselves). */
  criteriaFile?: string;
  /** Worker threads (0: this thread); default by the number of files (rank-pool.ts). */
  workers?: number;
  /** Called after each file (done = files scored so far). */
  onProgress?: (done: number, total: number, file: string) => void;
  /** This thread's work while the workers start (rank-pool.ts), e.g. loading the ranking writer. */
  meanwhile?: () => void;
}

/** Score files into a ranking, streaming in input order (worker threads for many files). */
export async function rankFiles(files: string[], opts: RankFilesOptions = {}): Promise<Ranking> {
  const collector = new RankingCollector();
  await scoreInOrder(files, { criteria: opts.criteria, criteriaFile: opts.criteriaFile, workers: opts.workers, meanwhile: opts.meanwhile }, (src, i, fresh) => {
    collector.add(src, fresh);
    opts.onProgress?.(i + 1, files.length, files[i]);
  });
  return collector.build();
}

/** Progress on stderr: a counter redrawn in place on a terminal, a line every 10% otherwise (long runs only). */
export function progressReporter(lang: Lang, total: number): { tick: (done: number, file: string) => void; end: () => void } {
  const tty = !!process.stderr.isTTY;
  const quiet = total < (tty ? 5 : 50);
  let last = 0;
  let lastDecile = 0;
  const label = t(lang, 'Đang chấm', 'Scoring');
  return {
    tick(done, file) {
      if (quiet) return;
      const now = Date.now();
      if (tty) {
        if (now - last < 100 && done < total) return;
        last = now;
        const name = escapeControls(path.basename(file));
        process.stderr.write(`\r\x1b[K${label} ${done}/${total} (${Math.floor((100 * done) / total)}%) ${name.length > 40 ? `${name.slice(0, 39)}…` : name}`);
      } else {
        const decile = Math.floor((10 * done) / total);
        if (decile > lastDecile || done === total) {
          lastDecile = decile;
          process.stderr.write(`${label} ${done}/${total} (${Math.floor((100 * done) / total)}%)\n`);
        }
      }
    },
    end() {
      if (!quiet && tty) process.stderr.write('\r\x1b[K');
    },
  };
}

export function register(program: Command): void {
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
    .action(async (inputs: string[], opts: Options) => {
      process.exitCode = await runRank(inputs, opts);
    });
}

export async function runRank(inputs: string[], opts: Options): Promise<number> {
  const lang = langOf(opts);
  if (opts.output && path.extname(opts.output).toLowerCase() !== '.xlsx')
    throw new UsageError([problem('output_write_failed', { path: opts.output, detail: t(lang, 'cần tệp .xlsx', 'expected an .xlsx file') })]);
  const criteria = await requireCriteria(opts.criteria);
  // The output is left out of the inputs only when it is a ranking workbook of ours (a previous run's
  // ranking.xlsx in the folder); any other existing file there is an input and is never written over.
  const exclude = [opts.criteria, opts.output && isRankingWorkbook(opts.output) ? opts.output : undefined].filter((x): x is string => !!x);
  const { files, problems: expandProblems } = expandInputs(inputs, { exclude });
  if (!files.length) throw new UsageError([...expandProblems, problem('no_inputs')]);
  if (opts.output) checkOutputPath(opts.output, { force: opts.force, inputs: files });

  // Ctrl-C: stop the workers and end without output. The ranking workbook reaches the disk in one
  // synchronous write-and-rename after everything is scored, so an interrupt never finds half of it.
  const state = { written: null as string | null };
  const onInterrupt = () => {
    // (A Ctrl-C during the synchronous write is handled after it: the file is then whole, and said so.)
    const what = state.written ? t(lang, `Đã dừng sau khi ghi xong ${state.written}.`, `Interrupted after ${state.written} was fully written.`) : t(lang, 'Đã dừng: không ghi tệp nào.', 'Interrupted: nothing was written.');
    process.stderr.write(`\n${what}\n`);
    void terminateWorkers().finally(() => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  try {
    return await rankAndWrite(files, expandProblems, criteria, opts, lang, state);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

async function rankAndWrite(files: string[], expandProblems: Problem[], criteria: CompiledSet | undefined, opts: Options, lang: Lang, state: { written: string | null }): Promise<number> {
  const progress = progressReporter(lang, files.length);
  // With workers, this thread loads the writer (exceljs) while they start scoring, not after them.
  const ranking = await rankFiles(files, {
    criteria,
    criteriaFile: opts.criteria,
    onProgress: (done, _total, file) => progress.tick(done, file),
    meanwhile: opts.output ? () => void rankingWorkbook() : undefined,
  });
  progress.end();

  const extra: Problem[] = [...expandProblems];
  if (ranking.refused && ranking.units.length)
    extra.push(
      opts.allowPartial
        ? problem('partial_ranking', { ranked: ranking.ranked, total: ranking.sources.length, refused: ranking.refused })
        : problem('refused_not_ranked', { refused: ranking.refused, total: ranking.sources.length }),
    );
  ranking.problems.push(...extra);
  const report = rankReport(ranking, lang);
  const failed = ranking.units.length === 0 || (ranking.refused > 0 && !opts.allowPartial);

  // Refusals (and what caused them) always go to stderr, whatever the output mode.
  for (const p of refusalLines(ranking, extra)) process.stderr.write(`${formatProblem(p, lang)}\n`);

  let written: string | null = null;
  if (opts.output && !failed) {
    const bytes = await rankingWorkbook().writeRankingWorkbook(ranking, { lang });
    writeOutputAtomic(opts.output, bytes, { force: opts.force, inputs: files, mkdir: true });
    written = state.written = opts.output;
  }

  if (opts.json) printJson(report);
  else printHuman(opts, report, lang);
  if (opts.output)
    say(
      opts,
      written
        ? t(lang, `Đã ghi bảng xếp hạng: ${written}`, `Ranking workbook written: ${written}`)
        : t(lang, `Không ghi ${opts.output} vì có tệp bị từ chối (dùng --allow-partial)`, `${opts.output} not written: files were refused (use --allow-partial)`),
    );
  return failed ? EXIT.problems : EXIT.ok;
}

/** Refusal problems, the errors of the refused files, and ranking-level warnings. */
function refusalLines(r: Ranking, extra: Problem[]): Problem[] {
  const out: Problem[] = [];
  for (const s of r.sources) if (s.status === 'refused') out.push(...s.problems.filter((p) => p.severity === 'error'));
  out.push(...r.problems.filter((p) => !p.file && !extra.includes(p)));
  out.push(...extra);
  return out;
}

function printHuman(opts: Options, r: RankReport, lang: Lang): void {
  const fp = (x: number | null) => formatPoints(x, lang);
  const title = [r.cluster, r.year ? t(lang, `năm ${r.year}`, `${r.year}`) : null].filter(Boolean).join(' — ');
  say(opts, `${t(lang, 'XẾP HẠNG', 'RANKING')}${title ? ` — ${title}` : ''}`);
  if (r.criteriaSet) say(opts, `${t(lang, 'Bảng tiêu chí', 'Criteria set')}: ${r.criteriaSet.id} (${r.criteriaSet.hash.slice(0, 12)})`);
  const head = [t(lang, 'Hạng', 'Rank'), t(lang, 'Đơn vị', 'Unit'), t(lang, 'Tự chấm', 'Self'), t(lang, 'Cụm chấm', 'Inspected'), t(lang, 'Điểm', 'Final'), t(lang, 'Xếp loại', 'Class'), t(lang, 'Khen thưởng', 'Award')];
  const rows = r.ranking.map((u) => [String(u.rank), u.unit, fp(u.self), fp(u.inspected), fp(u.final), u.classification ?? '', u.award ?? '']);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd();
  say(opts, line(head));
  r.ranking.forEach((u, i) => {
    say(opts, line(rows[i]));
    for (const n of u.notes) say(opts, `${' '.repeat(width[0] + 2)}↳ ${n}`);
  });
  for (const a of r.awards) say(opts, `${a.label}: ${a.units.join(', ') || t(lang, 'không có', 'none')}${a.note ? ` (${a.note})` : ''}`);
  if (r.discrepancies.length) {
    say(opts, t(lang, `Chênh lệch tự chấm / Cụm chấm (${r.discrepancies.length} tiêu chí):`, `Self vs inspection differences (${r.discrepancies.length} criteria):`));
    for (const d of r.discrepancies)
      say(opts, `  ${d.unit} [${d.number}] ${fp(d.self)} → ${fp(d.inspected)} (${d.delta > 0 ? '+' : ''}${fp(d.delta)})${d.remark ? `: ${d.remark}` : ''}`);
  }
  const warningList = r.problems.filter((p) => p.severity === 'warning');
  const warnings = warningList.length;
  const shown = opts.verbose ? warningList : warningList.slice(0, WARNINGS_SHOWN);
  if (shown.length) say(opts, t(lang, 'Cảnh báo:', 'Warnings:'));
  for (const p of shown) say(opts, `  ${formatProblem(p, lang)}`);
  if (shown.length < warnings)
    say(opts, t(lang, `  ... và ${warnings - shown.length} cảnh báo nữa (--verbose để xem tất cả)`, `  ... and ${warnings - shown.length} more (--verbose shows them all)`));
  say(
    opts,
    t(
      lang,
      `${r.summary.files} tệp: ${r.summary.ranked} được xếp hạng, ${r.summary.refused} bị từ chối, ${warnings} cảnh báo`,
      `${r.summary.files} file(s): ${r.summary.ranked} ranked, ${r.summary.refused} refused, ${warnings} warning(s)`,
    ),
  );
}
