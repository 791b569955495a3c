/**
 * Fuzz: at least 1,000 mutations of valid filled templates (bytes of the zip, XML inside the parts, cell
 * values and types). For each: no crash, no hang, the input bytes unchanged, and either a problem of
 * severity error or the same totals as an independent evaluation of the values found at the template's
 * entry cells. FUZZ_CASES and FUZZ_SEED change the run (defaults: 1,050 cases, seed 2024).
 *
 * @slow 1,050 workbooks read (started first: test/helpers/sequencer.js)
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { CellValue, CompiledSet, evaluate, hasErrors } from '../../engine/core';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { scoreWorkbook } from '../../engine/workbook/score';
import { writeTemplate } from '../../engine/workbook/template/write';
import { defaultSet } from '../helpers/sets';
import { fillColumn, largeSet, loadXlsx, randomEntries, toBytes } from '../template/helpers';
import { openWorkbook } from '../../engine/workbook/open';
import { applyCellEdits, applyCellEditsWithExceljs, CELL_VALUES, CellEdits, drawCellEdits, Mutation, mutateBytes, mutateCells, mutateXml, rng } from './mutate';

const CASES = Number(process.env.FUZZ_CASES ?? 1050);
const SEED = Number(process.env.FUZZ_SEED ?? 2024);
const PER_CASE_MS = 15_000;

interface Base {
  set: CompiledSet;
  plan: TemplatePlan;
  bytes: Uint8Array;
}

/** A filled template that scores without any error (random fillings may divide by zero: re-seed). */
async function filledBase(set: CompiledSet, seed: number): Promise<Base> {
  for (let s = seed; s < seed + 50; s++) {
    const b = await filledCandidate(set, s);
    if (!hasErrors((await scoreWorkbook(b.bytes, { file: 'base.xlsx' })).problems)) return b;
  }
  throw new Error('no error-free base filling found');
}

async function filledCandidate(set: CompiledSet, seed: number): Promise<Base> {
  const r = rng(seed);
  // An inspection workbook made from the school's self entries (stamped), as `template --from` makes it.
  const self = randomEntries(set, r);
  const { bytes, plan } = await writeTemplate(set, { mode: 'inspection', unit: `Trường ${seed}`, year: 2024, prefill: { self, unit: `Trường ${seed}` } });
  const wb = await loadXlsx(bytes);
  const ws = wb.getWorksheet(plan.sheetName)!;
  fillColumn(ws, plan, 'inspected', randomEntries(set, r));
  for (const [id, addr] of Object.entries(plan.evidence)) ws.getCell(addr).value = `Văn bản số ${id}`;
  for (const [, addr] of Object.entries(plan.remarks)) ws.getCell(addr).value = 'Đã đối chiếu';
  return { set, plan, bytes: await toBytes(wb) };
}

/** The oracle: read the plan's entry cells straight from the file and evaluate them with the kernel. */
async function independent(b: Base, bytes: Uint8Array): Promise<{ unreadable: true } | { unreadable: false; suspicious: string[]; totals: ReturnType<typeof totalsOf> }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { unreadable: true };
  }
  const ws = wb.getWorksheet(b.plan.sheetName);
  if (!ws) return { unreadable: true };
  const suspicious: string[] = [];
  const read = (col: 'self' | 'inspected') => {
    const out: Record<string, CellValue> = {};
    for (const [key, addr] of Object.entries(b.plan.entries[col])) {
      const cell = ws.getCell(addr);
      const v = cell.value as unknown;
      if (cell.isMerged && cell.master.address !== addr) suspicious.push(`${addr} merged`);
      if (v === null || v === undefined || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out[key] = v as CellValue;
      else if (typeof v === 'object' && v && 'richText' in v) out[key] = (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
      else {
        suspicious.push(`${addr} ${typeof v === 'object' ? Object.keys(v as object).join('/') : typeof v}`);
        out[key] = null;
      }
    }
    return out;
  };
  const ev = evaluate(b.set, { self: read('self'), inspected: read('inspected') });
  if (hasErrors(ev.problems)) suspicious.push(`kernel: ${ev.problems.filter((p) => p.severity === 'error').map((p) => p.code).join(',')}`);
  return { unreadable: false, suspicious, totals: totalsOf(ev) };
}

function totalsOf(ev: { self: { total: number; sections: Array<{ id: string; score: number }> } | null; inspected: { total: number; sections: Array<{ id: string; score: number }> } | null }) {
  const col = (c: typeof ev.self) => (c ? { total: c.total, sections: c.sections.map((s) => `${s.id}=${s.score}`).join(' ') } : null);
  return { self: col(ev.self), inspected: col(ev.inspected) };
}

/** What the reader sees of a workbook: every non-blank cell of every sheet, merges, validations, problems. */
async function readerView(bytes: Uint8Array): Promise<string[]> {
  const { opened, problems } = await openWorkbook(bytes, 'mutated.xlsx');
  const out = problems.map((p) => `problem ${p.severity} ${p.code} ${p.sheet ?? ''}!${p.cell ?? ''}`);
  for (const g of opened?.grids ?? []) {
    out.push(`${g.sheet}: merges ${JSON.stringify([...g.merges].sort((a, b) => a.top - b.top || a.left - b.left))}, hidden ${g.hidden}`);
    for (let row = 1; row <= g.rowCount; row++)
      for (let col = 1; col <= g.colCount; col++) {
        const c = g.cell(row, col);
        if (c && (c.value !== null || c.formula !== undefined || c.error !== undefined || c.isDate || c.bold || c.indent))
          out.push(`${g.sheet}!R${row}C${col} ${c.isDate ? 'date ' : ''}${JSON.stringify([c.value, c.formula, c.error, c.bold, c.indent])}`);
      }
  }
  out.push(`validations ${JSON.stringify(opened?.validations)}`);
  return out;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('fuzz corpus', () => {
  const failures: string[] = [];
  const counts: Record<string, number> = { error: 0, accepted: 0 };
  let bases: Base[] = [];

  beforeAll(async () => {
    const small = defaultSet();
    const large = largeSet(7);
    // Mostly the 22-criterion default set (fast), one base in six on a generated 300-criterion set.
    for (const seed of [1, 20, 40, 60, 80]) bases.push(await filledBase(small, seed));
    bases.push(await filledBase(large, 100));
  }, 120_000);

  test(`${CASES} mutated workbooks: no crash, no hang, input unchanged, a problem or a correct score`, async () => {
    const started = Date.now();
    const r = rng(SEED);
    for (let i = 0; i < CASES; i++) {
      const base = bases[i % bases.length];
      const kind = i % 3;
      let m: Mutation;
      try {
        m = kind === 0 ? mutateBytes(base.bytes, r) : kind === 1 ? mutateXml(base.bytes, r) : mutateCells(base.bytes, base.plan, r);
      } catch {
        continue; // the mutator could not produce this case (e.g. a shared formula's master overwritten)
      }
      const label = `#${i} ${m.label}`;
      const before = sha(m.bytes);
      const t0 = Date.now();
      let result;
      try {
        result = await scoreWorkbook(m.bytes, { file: `fuzz-${i}.xlsx` });
      } catch (e) {
        failures.push(`${label}: threw ${(e as Error).message}`);
        continue;
      }
      const took = Date.now() - t0;
      if (took > PER_CASE_MS) failures.push(`${label}: took ${took} ms`);
      if (sha(m.bytes) !== before) failures.push(`${label}: input bytes modified`);
      for (const p of result.problems) if (!p.messages?.vi || !p.messages?.en || !p.code) failures.push(`${label}: problem without code/messages`);
      if (hasErrors(result.problems)) {
        counts.error++;
        continue;
      }
      counts.accepted++;
      const ind = await independent(base, m.bytes);
      if (ind.unreadable) {
        failures.push(`${label}: accepted a file exceljs cannot read`);
        continue;
      }
      if (ind.suspicious.length) {
        failures.push(`${label}: accepted without an error although ${ind.suspicious.join('; ')}`);
        continue;
      }
      const got = totalsOf(result.evaluation!);
      if (JSON.stringify(got) !== JSON.stringify(ind.totals))
        failures.push(`${label}: score ${JSON.stringify(got)} but the entry cells give ${JSON.stringify(ind.totals)}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: ${CASES} cases (seed ${SEED}) in ${seconds} s: ${counts.error} refused with an error, ${counts.accepted} accepted and checked; ${failures.length} failures`);
    expect(failures.slice(0, 25)).toEqual([]);
  }, 900_000);

  // The cell mutations edit the sheet XML instead of loading and saving each workbook with exceljs: the
  // reader must see exactly the workbook exceljs writes for the same edits. Directed cases put every
  // kind of value into an entry of each column, a remark, an evidence cell, a score cell and the first
  // flag cell (a Date there gives the flags' shared style a date format in exceljs), with a merge; then
  // drawn cases as the fuzz draws them, on every base.
  test('the cell mutations give the workbook exceljs writes for the same edits', async () => {
    const b = bases[0];
    const flag = b.set.entries.find((e) => e.type === 'flag')!;
    const targets = [
      Object.values(b.plan.entries.self)[0],
      Object.values(b.plan.entries.inspected)[1],
      Object.values(b.plan.remarks)[2],
      Object.values(b.plan.evidence)[3],
      Object.values(b.plan.scores.self)[4].address,
      b.plan.entries.self[flag.key],
    ];
    const r = rng(7);
    const cases: Array<{ base: Base; edits: CellEdits }> = CELL_VALUES.map(([kind, make], i) => ({
      base: b,
      edits: { values: targets.map((addr) => ({ addr, kind, value: make(r) })), merge: i % 3 === 0 ? Object.values(b.plan.entries.self)[5 + i] : undefined },
    }));
    for (let i = 0; i < 36; i++) cases.push({ base: bases[i % bases.length], edits: drawCellEdits(bases[i % bases.length].plan, r) });
    const kinds = new Set<string>();
    let merged = 0;
    let dated = 0;
    for (const { base, edits } of cases) {
      const ours = applyCellEdits(base.bytes, base.plan, edits);
      const theirs = await applyCellEditsWithExceljs(base.bytes, base.plan, edits);
      expect(ours.label).toBe(theirs.label);
      const [a, e] = [await readerView(ours.bytes), await readerView(theirs.bytes)];
      const ea = new Set(e);
      const sa = new Set(a);
      expect({ label: ours.label, onlyXmlEdit: a.filter((x) => !ea.has(x)), onlyExceljs: e.filter((x) => !sa.has(x)) }).toEqual({ label: ours.label, onlyXmlEdit: [], onlyExceljs: [] });
      edits.values.forEach((v) => kinds.add(v.kind));
      if (ours.label.includes('merge')) merged++;
      if (a.some((x) => / date \[/.test(x))) dated++;
    }
    expect([...kinds].sort()).toEqual(CELL_VALUES.map(([k]) => k).sort());
    expect(merged).toBeGreaterThanOrEqual(3);
    expect(dated).toBeGreaterThanOrEqual(1); // the first flag's Date dated its style
  }, 300_000);
});
