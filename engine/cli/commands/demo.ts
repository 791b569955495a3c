/**
 * `thidua demo [-o folder]`: the whole year on the bundled example cluster, with no arguments.
 *
 *   1. the self-assessment template from templates/cum-thi-dua-2024.criteria.yaml;
 *   2. seven schools fill it (templates/demo/cluster-2024.yaml): tu-cham/<school>.xlsx;
 *   3. the cross-inspection workbooks, made from the schools' scores (locked) with the inspectors'
 *      scores and remarks: kiem-tra/<school>.xlsx;
 *   4. every workbook is checked (read back and rescored like `thidua check`);
 *   5. the inspection workbooks are ranked: ranking.xlsx and ranking.json;
 *   6. the year-end documents (as `thidua report`): van-ban/*.docx.
 *
 * A folder holding an earlier run is never replaced without --force (then the demo's own files are
 * replaced atomically); the demo touches nothing else there. A folder path that is a file is refused.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import type ExcelJS from 'exceljs';
import { CellValue, CompiledSet, evaluate, formatPoints, formatProblem, hasErrors, Lang, Problem, problem, rankReport } from '../../core';
import { planTemplate, TemplatePlan } from '../../core/template/plan';
import { EXIT, GlobalOptions, langOf, printJson, requireCriteria, say, t, UsageError } from '../context';
import { DemoSchool, demoHeader, loadDemoData } from '../demo-data';
import { checkOutputFolder, writeOutputAtomic } from '../fs-out';
import { rankWithSources } from './report';

// The .docx writer (and the docx library) is loaded only when documents are written.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yearEndDocx: typeof import('../../workbook/docx/year-end').yearEndDocx = (...a) => (require('../../workbook/docx/year-end') as typeof import('../../workbook/docx/year-end')).yearEndDocx(...a);

// The workbook writers (and exceljs behind them) are loaded when the demo runs, not when the CLI starts.
/* eslint-disable @typescript-eslint/no-require-imports */
const writers = () => ({
  ...(require('../ranking-workbook') as typeof import('../ranking-workbook')),
  ...(require('../../workbook/template/write') as typeof import('../../workbook/template/write')),
  ...(require('../../workbook/score') as typeof import('../../workbook/score')),
});
/* eslint-enable @typescript-eslint/no-require-imports */

interface Options extends GlobalOptions {
  output?: string;
  force?: boolean;
}

/** What an earlier demo run left in the folder (the first of its files found), if anything. */
function earlierRun(folder: string, year: number, criteriaFile: string): string | undefined {
  const names = ['ranking.xlsx', 'ranking.json', 'tu-cham', 'kiem-tra', `mau-tu-cham-${year}.xlsx`, path.basename(criteriaFile)];
  return names.find((n) => existsSync(path.join(folder, n)));
}

/** Refusals before anything is written: a file where the folder should be, an earlier run without --force. */
function checkDemoFolder(folder: string, opts: Options, year: number, criteriaFile: string): void {
  let st;
  try {
    st = statSync(folder);
  } catch {
    checkOutputFolder(path.join(folder, 'ranking.xlsx'), { mkdir: true });
    return;
  }
  if (!st.isDirectory()) throw new UsageError([problem('output_folder_is_file', { path: folder })]);
  const found = earlierRun(folder, year, criteriaFile);
  if (found && !opts.force) throw new UsageError([problem('demo_output_exists', { path: folder, file: found })]);
  checkOutputFolder(path.join(folder, 'ranking.xlsx'));
}

export function register(program: Command): void {
  program
    .command('demo')
    .description('Chạy thử cả năm thi đua của Cụm mẫu / the whole year on the bundled example cluster')
    .option('-o, --output <folder>', 'output folder (default ./demo-output)')
    .option('--force', 'replace an earlier demo run in the folder')
    .option('--json', 'JSON output (the files written and the ranking)')
    .action(async (opts: Options) => {
      process.exitCode = await runDemo(opts);
    });
}

export interface DemoResult {
  folder: string;
  files: Array<{ kind: 'criteria' | 'template' | 'self' | 'inspection' | 'ranking-xlsx' | 'ranking-json' | 'document'; path: string; unit?: string }>;
  problems: Problem[];
}

/** Put values into the entry cells of a rendered template (cells the plan says are entries). */
function fill(ws: ExcelJS.Worksheet, cells: Record<string, string>, values: Record<string, CellValue>): void {
  for (const [key, v] of Object.entries(values)) {
    const a = cells[key];
    if (!a || v === null || v === undefined || v === '') continue;
    ws.getCell(a).value = typeof v === 'boolean' ? (v ? 'x' : null) : v;
  }
}

async function workbookBytes(plan: TemplatePlan, put: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = await writers().renderTemplate(plan);
  put(wb.getWorksheet(plan.sheetName)!);
  return writers().templateBytes(wb, plan);
}

/** Evidence for the criteria the school scored above 0 (what a school would attach). */
export function evidenceFor(set: CompiledSet, s: DemoSchool): Record<string, string> {
  const self = evaluate(set, { unit: s.unit, self: s.self }).self;
  const out: Record<string, string> = {};
  for (const leaf of set.leaves) if (s.evidence[leaf.id] && (self?.nodes[leaf.id] ?? 0) > 0) out[leaf.id] = s.evidence[leaf.id];
  return out;
}

export async function runDemo(opts: Options): Promise<number> {
  const lang: Lang = langOf(opts);
  const folder = path.resolve(opts.output ?? 'demo-output');
  const header = demoHeader();
  checkDemoFolder(folder, opts, header.year, header.criteria);
  const set = (await requireCriteria(header.criteria))!;
  const data = loadDemoData(set);
  const when = new Date();
  const result: DemoResult = { folder, files: [], problems: [] };
  const write = (rel: string, bytes: Uint8Array | string) => {
    const p = path.join(folder, rel);
    writeOutputAtomic(p, bytes, { force: true, mkdir: true });
    return p;
  };
  const rel = (p: string) => path.relative(process.cwd(), p) || p;
  const base = { year: data.year, lang, generatedAt: when.toISOString(), toolVersion: 'thidua demo' };

  // 1. The criteria set and the blank self-assessment template.
  result.files.push({ kind: 'criteria', path: write(path.basename(header.criteria), readFileSync(header.criteria)) });
  const blank = planTemplate(set, { ...base, mode: 'self' });
  result.files.push({ kind: 'template', path: write(`mau-tu-cham-${data.year}.xlsx`, await workbookBytes(blank, () => {})) });

  // 2-3. Each school's self-assessment, then the inspection workbook made from it.
  const inspectionFiles: string[] = [];
  for (const s of data.schools) {
    const evidence = evidenceFor(set, s);
    // Evidence and remarks go through the plan, so that the rows are as high as their text in print.
    const selfPlan = planTemplate(set, { ...base, mode: 'self', unit: s.unit, prefill: { evidence } });
    const selfBytes = await workbookBytes(selfPlan, (ws) => fill(ws, selfPlan.entries.self, s.self));
    result.files.push({ kind: 'self', unit: s.unit, path: write(path.join('tu-cham', `${s.file}.xlsx`), selfBytes) });

    const inspPlan = planTemplate(set, { ...base, mode: 'inspection', unit: s.unit, prefill: { unit: s.unit, self: s.self, evidence, remarks: s.remarks } });
    const inspBytes = await workbookBytes(inspPlan, (ws) => fill(ws, inspPlan.entries.inspected, s.inspected));
    const p = write(path.join('kiem-tra', `${s.file}.xlsx`), inspBytes);
    inspectionFiles.push(p);
    result.files.push({ kind: 'inspection', unit: s.unit, path: p });
  }

  // 4. Check every workbook as `thidua check` would.
  let checked = 0;
  for (const f of result.files.filter((x) => x.kind === 'self' || x.kind === 'inspection')) {
    const scored = await writers().scoreWorkbook(readFileSync(f.path), { file: rel(f.path) });
    result.problems.push(...scored.problems);
    if (!hasErrors(scored.problems) && scored.evaluation?.final) checked++;
  }

  // 5. Rank the inspection workbooks.
  const { ranking, sources } = await rankWithSources(inspectionFiles.map(rel));
  const report = rankReport(ranking, lang);
  result.files.push({ kind: 'ranking-xlsx', path: write('ranking.xlsx', await writers().writeRankingWorkbook(ranking, { lang, generatedAt: when })) });
  result.files.push({ kind: 'ranking-json', path: write('ranking.json', `${JSON.stringify(report, null, 2)}\n`) });

  // 6. The year-end documents.
  for (const d of (await yearEndDocx({ ranking, sources, lang })).files) result.files.push({ kind: 'document', path: write(path.join('van-ban', d.name), d.bytes) });
  const ok = checked === data.schools.length * 2 && ranking.refused === 0 && ranking.units.length === data.schools.length;

  if (opts.json) {
    printJson({ folder, files: result.files.map((f) => ({ ...f, path: rel(f.path) })), ok, ranking: report });
  } else {
    const label: Record<DemoResult['files'][number]['kind'], string> = {
      criteria: t(lang, 'Bảng tiêu chí', 'Criteria set'),
      template: t(lang, 'Mẫu tự chấm (trống)', 'Self-assessment template (blank)'),
      self: t(lang, 'Tự chấm', 'Self-assessment'),
      inspection: t(lang, 'Kiểm tra chéo', 'Cross-inspection'),
      'ranking-xlsx': t(lang, 'Bảng xếp hạng', 'Ranking workbook'),
      'ranking-json': t(lang, 'Kết quả (JSON)', 'Ranking (JSON)'),
      document: t(lang, 'Văn bản (.docx)', 'Document (.docx)'),
    };
    say(opts, t(lang, `Chạy thử năm thi đua ${data.year} của Cụm mẫu (${data.schools.length} trường) vào ${rel(folder)}`, `Example year ${data.year} of the sample cluster (${data.schools.length} schools) in ${rel(folder)}`));
    for (const f of result.files) say(opts, `  ${label[f.kind].padEnd(28)} ${rel(f.path)}${f.unit ? `  (${f.unit})` : ''}`);
    say(opts, t(lang, `Kiểm tra: ${checked}/${data.schools.length * 2} tệp không có lỗi`, `Checked: ${checked}/${data.schools.length * 2} workbooks without errors`));
    for (const p of result.problems.filter((x) => x.severity === 'error')) say(opts, `  ${formatProblem(p, lang)}`);
    say(opts, t(lang, 'Xếp hạng:', 'Ranking:'));
    for (const u of report.ranking)
      say(opts, `  ${String(u.rank).padStart(2)}. ${u.unit.padEnd(34)} ${formatPoints(u.final, lang).padStart(6)}  ${u.classification ?? ''}${u.award ? `  — ${u.award}` : ''}`);
    for (const u of report.ranking) for (const n of u.notes) say(opts, `      ${u.unit}: ${n}`);
    say(opts, t(lang, `Mở ${rel(path.join(folder, 'ranking.xlsx'))} để xem bảng xếp hạng.`, `Open ${rel(path.join(folder, 'ranking.xlsx'))} for the ranking.`));
  }
  return ok ? EXIT.ok : EXIT.problems;
}
