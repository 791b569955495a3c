/**
 * The property of issue 14, proved against LibreOffice: for templates generated from the default set and
 * from random sets (every kind, steps 0.25/0.5/1, deductions in cases and in points), filled with random
 * values of every kind (valid, blank, text with a decimal comma, numbers stored as text, words, off the
 * step, above max, negative, formulas, error values), LibreOffice recalculates the workbook, and for
 * every case and column:
 *   - TongTuCham / TongCumCham (read through the defined names) equal the engine's totals, or the engine
 *     reports an error at an entry cell holding a formula (the only content the workbook counts and the
 *     engine refuses) AND the error naming both totals (signed_total_differs);
 *   - the engine reports an error at every cell filled with a bad value, and none at a valid one.
 * Then the same check must FAIL when either side's rule changes: the engine reading text numbers as
 * numbers (the old tolerant rule), or the workbook's formulas dropping the step check.
 *
 * Seeded and reproducible: THIDUA_PROPERTY_SEED and THIDUA_PROPERTY_CASES override the defaults; the seed
 * and the case count are printed. LibreOffice converts all the files in two starts at once (its argument
 * limit allows 200 files a start), each with a private profile (test/helpers/libreoffice.ts).
 *
 * @slow LibreOffice recalculates 264 workbooks (started first: test/helpers/sequencer.js)
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CompiledSet, evaluate, loadCriteriaDef, parseAddress, Problem, toMilli } from '../../engine/core';
import { planTemplate, ScoreColumn, TemplatePlan } from '../../engine/core/template/plan';
import { readTemplate } from '../../engine/core/template/read';
import { openWorkbook, type OpenedWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';
import { renderTemplate } from '../../engine/workbook/template/write';
import { rng } from '../helpers/big-set';
import { haveLibreOffice, recalculateInParallel } from '../helpers/libreoffice';
import { xmlUnescape } from '../helpers/xml-text';
import { defaultSet } from './helpers';
import { Filling, randomFilling, randomSet } from './random-fill';

const SEED = Number(process.env.THIDUA_PROPERTY_SEED ?? 20261201);
const CASES = Number(process.env.THIDUA_PROPERTY_CASES ?? 240);
const MUTANTS = 24;
const ENTRY_CODES = new Set(['non_numeric', 'number_as_text', 'not_a_flag', 'above_max', 'below_min', 'off_step', 'not_integer', 'formula_in_entry', 'error_value']);

jest.setTimeout(1_200_000);

interface Case {
  name: string;
  set: CompiledSet;
  plan: TemplatePlan;
  /** What each filled entry cell holds, by column and address. */
  fill: Record<ScoreColumn, Map<string, Filling>>;
  columns: ScoreColumn[];
  mutant?: 'workbook-step';
}

/** The workbook's rule changed: its formulas stop checking the step (the bug of the issue, put back). */
function dropStepChecks(plan: TemplatePlan): TemplatePlan {
  const strip = (f: string) => f.replace(/,MOD\(ROUND\([A-Z]+\d+\*1000,0\),\d+\)=0/g, '');
  for (const row of plan.rows) for (const c of row.cells) if (c.formula) c.formula = strip(c.formula);
  return plan;
}

async function buildCase(name: string, set: CompiledSet, rand: () => number, mutant?: Case['mutant']): Promise<{ c: Case; bytes: Uint8Array }> {
  const mode = rand() < 0.6 ? 'self' : 'inspection';
  const badRate = mutant ? 0.5 : [0, 0.08, 0.25, 0.5][Math.floor(rand() * 4)];
  const fill: Case['fill'] = { self: new Map(), inspected: new Map() };
  const plan0 = planTemplate(set, { mode, unit: `Trường ${name}` });
  const selfPrefill: Record<string, string | number | null> = {};
  const selfFillings = new Map<string, Filling>();
  for (const spec of set.entries) {
    const f = randomFilling(spec, rand, badRate, !!mutant);
    // A prefilled self column carries plain values only (a school's formulas are not copied).
    const plain = mode === 'inspection' && f.value !== null && typeof f.value === 'object' ? { value: null, kind: 'blank' as const } : f;
    selfFillings.set(spec.key, plain);
    selfPrefill[spec.key] = plain.value as string | number | null;
  }
  const plan = mode === 'inspection' ? planTemplate(set, { mode, unit: `Trường ${name}`, prefill: { self: selfPrefill } }) : plan0;
  if (mutant === 'workbook-step') dropStepChecks(plan);
  const wb = await renderTemplate(plan);
  const ws = wb.getWorksheet(plan.sheetName)!;
  for (const spec of set.entries) {
    const f = selfFillings.get(spec.key)!;
    const a = plan.entries.self[spec.key];
    fill.self.set(a, f);
    if (mode === 'self') ws.getCell(a).value = f.value as ExcelJS.CellValue;
  }
  const columns: ScoreColumn[] = ['self'];
  if (mode === 'inspection') {
    columns.push('inspected');
    for (const spec of set.entries) {
      const f = randomFilling(spec, rand, badRate, !!mutant);
      const a = plan.entries.inspected[spec.key];
      fill.inspected.set(a, f);
      ws.getCell(a).value = f.value as ExcelJS.CellValue;
    }
  }
  // Parts stored, not deflated: LibreOffice reads either, and JSZip's deflate was a tenth of the suite's own CPU.
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions)) as ArrayBuffer);
  return { c: { name, set, plan, fill, columns, mutant }, bytes };
}

/**
 * LibreOffice's values of the defined names TongTuCham / TongCumCham: the names resolved from the
 * workbook.xml LibreOffice wrote (read as text here, not by the engine's reader), the cached values it
 * wrote read from the sheet. (exceljs, used before, drops a cached result of 0 and cost a whole load per file.)
 */
function namedTotals(bytes: Uint8Array, opened: OpenedWorkbook | undefined): Record<ScoreColumn, number | null> {
  const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'] ?? new Uint8Array());
  const names = new Map<string, string>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g))
    if (!/\blocalSheetId=/.test(m[1])) names.set(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '', xmlUnescape(m[2]));
  const value = (name: string): number | null => {
    const ref = names.get(name);
    if (!ref) return null;
    const bang = ref.lastIndexOf('!');
    const [sheet, addr] = [ref.slice(0, bang), ref.slice(bang + 1)];
    const grid = opened?.grids.find((g) => g.sheet === sheet.replace(/^'|'$/g, '').replace(/''/g, "'"));
    const a = parseAddress(addr.replace(/\$/g, ''));
    const cell = grid && a ? grid.cell(a.row, a.col) : undefined;
    if (!cell || cell.formula === undefined) return null; // the total must still be a formula
    return typeof cell.value === 'number' ? cell.value : null;
  };
  return { self: value('TongTuCham'), inspected: value('TongCumCham') };
}

interface Outcome {
  name: string;
  column: ScoreColumn;
  workbook: number | null;
  engine: number;
  excusedBy: string[];
}

/** The property for one case: failures as readable lines (empty when it holds). */
function judge(c: Case, totals: Record<ScoreColumn, number | null>, engineTotals: Record<ScoreColumn, number>, problems: Problem[], outcomes: Outcome[]): string[] {
  const fails: string[] = [];
  const errorsAt = new Map<string, string[]>();
  for (const p of problems)
    if (p.severity === 'error' && p.cell && p.sheet === c.plan.sheetName) errorsAt.set(p.cell, [...(errorsAt.get(p.cell) ?? []), p.code]);
  for (const col of c.columns) {
    const wbTotal = totals[col];
    const engine = engineTotals[col];
    // Cells the workbook counts and the engine refuses: a formula typed in an entry, reported there.
    const excusedBy = [...c.fill[col]].filter(([a, f]) => f.kind === 'formula' && (errorsAt.get(a) ?? []).includes('formula_in_entry')).map(([a]) => a);
    outcomes.push({ name: c.name, column: col, workbook: wbTotal, engine, excusedBy });
    if (wbTotal === null) {
      fails.push(`${c.name} ${col}: LibreOffice gives no number for the total`);
      continue;
    }
    if (toMilli(wbTotal) !== toMilli(engine)) {
      const total = c.plan.scores[col].total.address;
      const named = problems.find((p) => p.code === 'signed_total_differs' && p.cell === total);
      if (!excusedBy.length || !named)
        fails.push(`${c.name} ${col}: LibreOffice ${wbTotal}, engine ${engine}; excused by ${excusedBy.join(',') || 'no cell'}; signed_total_differs ${named ? 'reported' : 'missing'}`);
      else if (!named.messages.en.includes(String(wbTotal)) || !named.messages.vi.includes(String(engine).replace('.', ',')))
        fails.push(`${c.name} ${col}: the error does not name both totals: ${named.messages.en}`);
    }
    // Every bad cell has an error there; no valid cell has an entry error.
    for (const [a, f] of c.fill[col]) {
      const codes = (errorsAt.get(a) ?? []).filter((x) => ENTRY_CODES.has(x));
      if (f.kind !== 'valid' && f.kind !== 'blank' && !codes.length) fails.push(`${c.name} ${col} ${a}: ${f.kind} ${JSON.stringify(f.value)} not reported`);
      if ((f.kind === 'valid' || f.kind === 'blank') && codes.length) fails.push(`${c.name} ${col} ${a}: valid ${JSON.stringify(f.value)} reported ${codes.join(',')}`);
    }
  }
  return fails;
}

if (haveLibreOffice('the entry-rule property test (LibreOffice vs engine totals)')) {
  describe('entry rule: the total the school signs is the total the engine ranks', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'thidua-prop-'));
    const inDir = path.join(work, 'in');
    const outDir = path.join(work, 'out');
    const cases: Case[] = [];

    beforeAll(async () => {
      mkdirSync(inDir);
      const rand = rng(SEED);
      const std = defaultSet();
      const sets: CompiledSet[] = [];
      for (let i = 0; i < 12; i++) {
        const r = loadCriteriaDef(randomSet(rand, i));
        if (!r.set) throw new Error(`random set ${i}: ${r.problems.filter((p) => p.severity === 'error').map((p) => p.messages.en).join('; ')}`);
        sets.push(r.set);
      }
      const files: string[] = [];
      const add = async (name: string, set: CompiledSet, mutant?: Case['mutant']) => {
        const { c, bytes } = await buildCase(name, set, rand, mutant);
        const file = path.join(inDir, `${name}.xlsx`);
        writeFileSync(file, bytes);
        files.push(file);
        cases.push(c);
      };
      for (let i = 0; i < CASES; i++) await add(`case-${i}`, i % 4 === 0 ? std : sets[i % sets.length]);
      for (let i = 0; i < MUTANTS; i++) await add(`mutant-step-${i}`, i % 2 ? std : sets[i % sets.length], 'workbook-step');
      const t0 = Date.now();
      await recalculateInParallel(files, outDir, 2, 300_000);
      process.stdout.write(`entry-rule property: seed ${SEED}, ${CASES} cases + ${MUTANTS} mutants, LibreOffice ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    });

    afterAll(() => (process.env.THIDUA_PROPERTY_KEEP ? process.stdout.write(`kept ${work}\n`) : rmSync(work, { recursive: true, force: true })));

    // Each recalculated file read once: its bytes, the totals LibreOffice wrote, and the engine's opening of it.
    const results = new Map<string, { totals: Record<ScoreColumn, number | null>; bytes: Uint8Array; opened?: OpenedWorkbook }>();
    const recalculated = async (c: Case) => {
      if (!results.has(c.name)) {
        const bytes = new Uint8Array(readFileSync(path.join(outDir, `${c.name}.xlsx`)));
        const { opened } = await openWorkbook(bytes, c.name);
        results.set(c.name, { bytes, opened, totals: namedTotals(bytes, opened) });
      }
      return results.get(c.name)!;
    };

    test(`the property holds for every case (workbook total = engine total, or an error at the differing cell)`, async () => {
      const outcomes: Outcome[] = [];
      const fails: string[] = [];
      let compared = 0;
      for (const c of cases.filter((x) => !x.mutant)) {
        const { bytes, totals } = await recalculated(c);
        const scored = await scoreWorkbook(bytes, { file: c.name });
        expect(scored.layout).toBe('template');
        const ev = scored.evaluation!;
        fails.push(...judge(c, totals, { self: ev.self?.total ?? 0, inspected: ev.inspected?.total ?? 0 }, scored.problems, outcomes));
        compared += c.columns.length;
      }
      const equal = outcomes.filter((o) => o.workbook !== null && toMilli(o.workbook) === toMilli(o.engine)).length;
      const badCells = cases.filter((x) => !x.mutant).reduce((s, c) => s + c.columns.reduce((t, col) => t + [...c.fill[col].values()].filter((f) => f.kind !== 'valid' && f.kind !== 'blank').length, 0), 0);
      process.stdout.write(
        `entry-rule property: ${cases.filter((x) => !x.mutant).length} cases, ${compared} totals compared (${equal} equal, ${compared - equal} differing with the formula cell reported), ${badCells} bad cells, ${fails.length} failures\n`,
      );
      expect(fails.slice(0, 20)).toEqual([]);
      expect(compared).toBeGreaterThanOrEqual(CASES);
      // The generator must reach the cases that matter: bad values, and totals agreeing despite them.
      expect(badCells).toBeGreaterThan(CASES);
      expect(equal).toBeGreaterThan(compared / 2);
    });

    test('it fails when the engine reads text numbers as numbers (the engine side of the rule changed)', async () => {
      const fails: string[] = [];
      for (const c of cases.filter((x) => !x.mutant)) {
        const { totals, opened } = await recalculated(c);
        const read = readTemplate(opened!.grids, { file: c.name });
        const ev = evaluate(read.set!, { ...read.submission!, reading: 'tolerant' });
        fails.push(...judge(c, totals, { self: ev.self?.total ?? 0, inspected: ev.inspected?.total ?? 0 }, [...read.problems, ...ev.problems], []));
      }
      expect(fails.length).toBeGreaterThan(0);
      expect(fails.some((f) => /LibreOffice .*, engine /.test(f))).toBe(true);
    });

    test('it fails when the workbook formulas stop checking the step (the workbook side of the rule changed)', async () => {
      const fails: string[] = [];
      for (const c of cases.filter((x) => x.mutant)) {
        const { bytes, totals } = await recalculated(c);
        const scored = await scoreWorkbook(bytes, { file: c.name });
        const ev = scored.evaluation!;
        fails.push(...judge(c, totals, { self: ev.self?.total ?? 0, inspected: ev.inspected?.total ?? 0 }, scored.problems, []));
      }
      expect(fails.filter((f) => /LibreOffice .*, engine /.test(f)).length).toBeGreaterThan(0);
    });
  });
}
