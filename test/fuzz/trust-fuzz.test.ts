/**
 * Fuzz, trust classes (issue 17): seeded mutations of a filled self-assessment and of the inspection
 * workbook made from it, one class per case: data validations and merged ranges of crafted extent,
 * invisible characters in the unit name, misplaced cell references, metadata edits with a recomputed
 * hash, and scores in the wrong column. Each case asserts: no crash, bounded CPU time, input unchanged,
 * and either an error naming file and sheet (and cell where there is one) or the clean score.
 * TRUST_FUZZ_CASES and FUZZ_SEED change the run (defaults: 120 cases, seed 2024).
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CellValue, hasErrors, Problem } from '../../engine/core';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { metaDigest, SIGNED_META_KEYS } from '../../engine/core/template/stamp';
import { unitKey } from '../../engine/core/unit-name';
import { scoreWorkbook, ScoredWorkbook } from '../../engine/workbook/score';
import { writeTemplate } from '../../engine/workbook/template/write';
import { defaultSet } from '../helpers/sets';
import { fillColumn, loadXlsx, randomEntries, toBytes } from '../template/helpers';
import { rng, type Rand } from './mutate';

const CASES = Number(process.env.TRUST_FUZZ_CASES ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 2024);
const CPU_MS_PER_CASE = 10_000;
const set = defaultSet();

interface Base {
  mode: 'self' | 'inspection';
  plan: TemplatePlan;
  bytes: Uint8Array;
  clean: ScoredWorkbook;
}

const pick = <T>(r: Rand, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function col(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function zipEdit(bytes: Uint8Array, fn: (parts: Record<string, string>) => void): Uint8Array {
  const parts: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) parts[k] = strFromU8(v);
  fn(parts);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

async function bases(): Promise<Base[]> {
  const r = rng(7);
  const unit = 'Trường Chính trị tỉnh Lào Cai';
  const self: Record<string, CellValue> = randomEntries(set, r);
  for (const k of Object.keys(self)) if (k.startsWith('@')) self[k] = 10;
  const s = await writeTemplate(set, { mode: 'self', unit, year: 2024 });
  const wb = await loadXlsx(s.bytes);
  fillColumn(wb.getWorksheet(s.plan.sheetName)!, s.plan, 'self', self);
  for (const a of Object.values(s.plan.evidence)) wb.getWorksheet(s.plan.sheetName)!.getCell(a).value = 'Báo cáo';
  const selfBytes = await toBytes(wb);
  const evidence = Object.fromEntries(Object.keys(s.plan.evidence).map((k) => [k, 'Báo cáo']));
  const i = await writeTemplate(set, { mode: 'inspection', unit, year: 2024, prefill: { self, evidence, unit } });
  const wi = await loadXlsx(i.bytes);
  fillColumn(wi.getWorksheet(i.plan.sheetName)!, i.plan, 'inspected', self);
  for (const a of Object.values(i.plan.remarks)) wi.getWorksheet(i.plan.sheetName)!.getCell(a).value = 'Đã đối chiếu';
  const inspBytes = await toBytes(wi);
  const out: Base[] = [];
  for (const [mode, plan, bytes] of [['self', s.plan, selfBytes], ['inspection', i.plan, inspBytes]] as const) {
    const clean = await scoreWorkbook(bytes, { file: 'base.xlsx' });
    expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([]);
    out.push({ mode, plan, bytes, clean });
  }
  return out;
}

type Expect = { kind: 'error'; codes: string[]; cell?: string } | { kind: 'clean' } | { kind: 'error-or-clean' };
interface Case {
  label: string;
  bytes: Uint8Array;
  expect: Expect;
}

/** The trust-class mutations. */
const CLASSES: Array<(b: Base, r: Rand) => Promise<Case>> = [
  // Data validations of crafted extent, stated before the template's own: same score.
  async (b, r) => {
    const n = int(r, 1, 60);
    const dv = Array.from({ length: n }, () => {
      const top = int(r, 1, 1_048_576);
      const left = int(r, 1, 16_384);
      const ref = r() < 0.5 ? 'A1:XFD1048576' : `${col(left)}${top}:${col(int(r, left, 16_384))}${int(r, top, 1_048_576)}`;
      return `<dataValidation type="decimal" sqref="${ref}"><formula1>0</formula1><formula2>${int(r, 0, 100)}</formula2></dataValidation>`;
    }).join('');
    const bytes = zipEdit(b.bytes, (p) => {
      p['xl/worksheets/sheet1.xml'] = p['xl/worksheets/sheet1.xml'].replace(/<dataValidations count="(\d+)">/, (_m, c) => `<dataValidations count="${Number(c) + n}">${dv}`);
    });
    return { label: `${n} validations of crafted extent`, bytes, expect: { kind: 'clean' } };
  },
  // Merged ranges of crafted extent right of the table (columns past the grid): same score; overlapping: refused.
  async (b, r) => {
    const n = int(r, 1, 20_000);
    const rows = Math.ceil(n / 50);
    const refs: string[] = [];
    for (let i = 0; i < n; i++) {
      const row = 1 + Math.floor(i / 50) * int(r, 1, 3);
      const c = 300 + (i % 50) * 3;
      refs.push(`${col(c)}${row}:${col(c + int(r, 0, 1))}${row + (r() < 0.1 ? int(r, 0, rows) : 0)}`);
    }
    const overlap = r() < 0.3;
    if (overlap) refs.push(`${col(300)}1:${col(310)}5`);
    const bytes = zipEdit(b.bytes, (p) => {
      const xml = refs.map((x) => `<mergeCell ref="${x}"/>`).join('');
      p['xl/worksheets/sheet1.xml'] = p['xl/worksheets/sheet1.xml'].replace(/<mergeCells count="(\d+)">/, (_m, c) => `<mergeCells count="${Number(c) + refs.length}">${xml}`);
    });
    return { label: `${refs.length} merges${overlap ? ' with an overlap' : ''}`, bytes, expect: overlap ? { kind: 'error', codes: ['not_xlsx'] } : { kind: 'error-or-clean' } };
  },
  // Invisible characters in the unit name: the same unit (key), score unchanged.
  async (b, r) => {
    const wb = await loadXlsx(b.bytes);
    const ws = wb.getWorksheet(b.plan.sheetName)!;
    const name = String(b.clean.unit);
    const chars = ['\u200B', '\u00AD', '\u200E', '\u200F', '\uFEFF', '\u2060', '\u202A'];
    const at = int(r, 0, name.length);
    ws.getCell(b.plan.unitCell).value = name.slice(0, at) + pick(r, chars) + name.slice(at);
    return { label: 'invisible character in the unit name', bytes: await toBytes(wb), expect: { kind: 'clean' } };
  },
  // A cell reference moved to another row than its <row>: refused at the written reference.
  async (b, r) => {
    const addrs = [...Object.values(b.plan.entries.self), ...Object.values(b.plan.entries.inspected)];
    const xml = strFromU8(unzipSync(b.bytes)['xl/worksheets/sheet1.xml']);
    const present = addrs.filter((a) => xml.includes(`<c r="${a}"`));
    const a = pick(r, present);
    const row = Number(/\d+$/.exec(a)![0]);
    const to = a.replace(/\d+$/, String(Math.max(1, row + pick(r, [-2, -1, 1, 2, 1000]))));
    const bytes = zipEdit(b.bytes, (p) => (p['xl/worksheets/sheet1.xml'] = p['xl/worksheets/sheet1.xml'].replace(`<c r="${a}"`, `<c r="${to}"`)));
    return { label: `cell ${a} written as ${to}`, bytes, expect: { kind: 'error', codes: ['cell_misplaced', 'cell_out_of_order'], cell: to } };
  },
  // A metadata entry edited and the hash recomputed: refused, or (keys that change nothing read) the clean score.
  async (b, r) => {
    const key = pick(r, ['mode', 'sheet', 'unit', 'year', 'selfHash', 'selfEntries', 'hash', 'cluster'] as const);
    const value = key === 'mode' ? (b.mode === 'self' ? 'inspection' : 'self') : key === 'year' ? '2023' : `${key}-x`;
    const wb = await loadXlsx(b.bytes);
    const ws = wb.getWorksheet('_thidua')!;
    const meta: Record<string, unknown> = {};
    let hashCell: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      const k = String(row.getCell(1).value ?? '');
      if (k === key) row.getCell(2).value = value;
      if (k === 'metaHash') hashCell = row.getCell(2);
      if (k) meta[k] = row.getCell(2).value ?? '';
    });
    const resign = r() < 0.7;
    if (resign) hashCell!.value = metaDigest(meta);
    expect(SIGNED_META_KEYS).toContain(key);
    // What must happen: an unsigned edit is refused; a re-signed one is refused wherever the reader relies
    // on the entry (mode, sheet, year, the stamp, the criteria hash, the unit of an inspection); the
    // cluster's name and the stamp's copy of the entries (selfEntries: only used to name cells) change nothing.
    const absent = b.mode === 'self' && (key === 'selfHash' || key === 'selfEntries');
    const harmless = key === 'selfEntries' || key === 'cluster' || (key === 'unit' && b.mode === 'self');
    const want: Expect = absent ? { kind: 'clean' } : !resign ? { kind: 'error', codes: ['metadata_tampered'] } : harmless ? { kind: 'error-or-clean' } : { kind: 'error', codes: [] };
    return { label: `metadata ${key} = ${value}${resign ? ' (re-signed)' : ''}`, bytes: await toBytes(wb), expect: want };
  },
  // Scores in the wrong column: the inspection column of a self workbook, or the self column of an inspection one.
  async (b, r) => {
    const wb = await loadXlsx(b.bytes);
    const ws = wb.getWorksheet(b.plan.sheetName)!;
    const column = b.mode === 'self' ? 'inspected' : 'self';
    const keys = Object.keys(b.plan.entries[column]).filter((k) => !k.startsWith('@'));
    const k = pick(r, keys);
    const spec = set.entryByKey.get(k)!;
    const cur = ws.getCell(b.plan.entries[column][k]).value;
    ws.getCell(b.plan.entries[column][k]).value = spec.type === 'flag' ? (cur === 'x' ? null : 'x') : Number(cur ?? 0) > 0 ? 0 : (spec.max ?? 1);
    return { label: `score typed in the ${column} column at ${b.plan.entries[column][k]}`, bytes: await toBytes(wb), expect: { kind: 'error', codes: ['inspection_in_self_workbook', 'self_changed_since_stamp'], cell: b.plan.entries[column][k] } };
  },
];

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('trust fuzz', () => {
  let all: Base[] = [];
  beforeAll(async () => {
    all = await bases();
  }, 120_000);

  test(`${CASES} trust-class mutations: no crash, bounded CPU, input unchanged, an error naming file and sheet or the clean score`, async () => {
    const r = rng(SEED);
    const failures: string[] = [];
    const counts = { error: 0, clean: 0 };
    for (let i = 0; i < CASES; i++) {
      const b = all[i % all.length];
      const c = await CLASSES[Math.floor(i / all.length) % CLASSES.length](b, r);
      const label = `#${i} ${b.mode}: ${c.label}`;
      const before = sha(c.bytes);
      const cpu0 = process.cpuUsage();
      let res: ScoredWorkbook;
      try {
        res = await scoreWorkbook(c.bytes, { file: `t-${i}.xlsx` });
      } catch (e) {
        failures.push(`${label}: threw ${(e as Error).message}`);
        continue;
      }
      const cpu = process.cpuUsage(cpu0);
      if ((cpu.user + cpu.system) / 1000 > CPU_MS_PER_CASE) failures.push(`${label}: ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`);
      if (sha(c.bytes) !== before) failures.push(`${label}: input modified`);
      const errs: Problem[] = res.problems.filter((p) => p.severity === 'error');
      if (errs.some((p) => p.file !== `t-${i}.xlsx`)) failures.push(`${label}: an error without the file`);
      const sameScore =
        !hasErrors(res.problems) &&
        res.evaluation?.final?.total === b.clean.evaluation?.final?.total &&
        res.evaluation?.self?.total === b.clean.evaluation?.self?.total &&
        unitKey(res.unit ?? '') === unitKey(b.clean.unit ?? '');
      if (errs.length) counts.error++;
      else counts.clean++;
      const e = c.expect;
      if (e.kind === 'clean' && !sameScore) failures.push(
          `${label}: expected the clean score, got ${errs.map((p) => p.code).join(',') || `${res.evaluation?.final?.total} / ${b.clean.evaluation?.final?.total}, unit ${JSON.stringify(res.unit)}`}`,
        );
      if (e.kind === 'error-or-clean' && !errs.length && !sameScore) failures.push(`${label}: accepted with another score`);
      if (e.kind === 'error') {
        if (!errs.length) failures.push(`${label}: accepted without an error`);
        else if (e.codes.length) {
          const hit = errs.find((p) => e.codes.includes(p.code));
          if (!hit) failures.push(`${label}: expected ${e.codes.join('|')}, got ${errs.map((p) => p.code).join(',')}`);
          else if (!hit.sheet || (e.cell && hit.cell !== e.cell)) failures.push(`${label}: ${hit.code} at ${hit.sheet}!${hit.cell}, expected ${e.cell}`);
        } else if (!errs.some((p) => p.sheet)) failures.push(`${label}: no error names a sheet`);
      }
      // Never an inspection score from a self workbook.
      if (b.mode === 'self' && res.evaluation?.inspected) failures.push(`${label}: a self workbook produced an inspection column`);
    }
    console.log(`trust fuzz: ${CASES} cases (seed ${SEED}): ${counts.error} refused, ${counts.clean} scored clean; ${failures.length} failures`);
    expect(failures.slice(0, 25)).toEqual([]);
  }, 900_000);
});
