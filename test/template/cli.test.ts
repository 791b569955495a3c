/**
 * The command line on templates, through the real binary: `thidua template` (self and inspection
 * --from), refusals (existing output, output over an input, bad options), `check` and `score` JSON
 * contracts and exit codes, input bytes unchanged, unit names kept as text.
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluate } from '../../engine/core';
import { planTemplate } from '../../engine/core/template/plan';
import { run, thidua } from '../helpers/cli';
import { DEFAULT_SET_FILE, defaultSet, fillColumn, loadXlsx, randomEntries, toBytes } from './helpers';
import { rng } from '../helpers/big-set';

jest.setTimeout(120_000);

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-tpl-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('thidua template', () => {
  test('writes a self template; refuses to overwrite without --force; never over an input', async () => {
    const out = path.join(dir, 'self.xlsx');
    const r = thidua(['template', DEFAULT_SET_FILE, '-o', out, '--unit', 'Trường Chính trị tỉnh Phú Thọ', '--year', '2024', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ file: out, mode: 'self', unit: 'Trường Chính trị tỉnh Phú Thọ', year: 2024, leaves: 22 });
    expect(j.names.map((n: { name: string }) => n.name)).toEqual(['TongTuCham', 'TongCumCham']);
    const before = sha(out);

    const again = await run(['template', DEFAULT_SET_FILE, '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('output_exists');
    expect(sha(out)).toBe(before);

    expect((await run(['template', DEFAULT_SET_FILE, '-o', out, '--force'])).code).toBe(0);

    const crit = path.join(dir, 'crit.xlsx');
    writeFileSync(crit, readFileSync(out));
    const overInput = await run(['template', crit, '-o', crit, '--force']);
    expect(overInput.code).toBe(2);
    expect(overInput.stderr).toContain('output_is_input');
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('bad options are usage errors (exit 2), in the language asked', async () => {
    const out = path.join(dir, 'x.xlsx');
    const m = await run(['template', DEFAULT_SET_FILE, '-o', out, '--mode', 'both', '--lang', 'en']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('Invalid option --mode');
    expect((await run(['template', DEFAULT_SET_FILE, '-o', out, '--year', 'hai nghìn'])).code).toBe(2);
    expect((await run(['template', DEFAULT_SET_FILE, '-o', path.join(dir, 'x.txt')])).code).toBe(2);
    expect((await run(['template', path.join(dir, 'missing.yaml'), '-o', out])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    for (const r of [m]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a unit named like a formula stays text', async () => {
    const out = path.join(dir, 'evil.xlsx');
    const unit = '=HYPERLINK("http://example.invalid","bấm vào đây")';
    expect((await run(['template', DEFAULT_SET_FILE, '-o', out, '--unit', unit])).code).toBe(0);
    const wb = await loadXlsx(readFileSync(out));
    const plan = planTemplate(defaultSet(), { mode: 'self' });
    const cell = wb.getWorksheet(plan.sheetName)!.getCell(plan.unitCell);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(unit);
    expect(cell.formula).toBeFalsy();
    const hidden = wb.getWorksheet('_thidua')!;
    expect(hidden.state).toBe('veryHidden');
    expect(hidden.getCell('B6').value).toBe(unit);
  });
});

describe('check and score on templates', () => {
  let filled: string;
  let engineTotal: number;
  beforeAll(async () => {
    const set = defaultSet();
    const blank = path.join(dir, 'blank.xlsx');
    expect((await run(['template', DEFAULT_SET_FILE, '-o', blank, '--unit', 'Trường Chính trị tỉnh Yên Bái'])).code).toBe(0);
    const wb = await loadXlsx(readFileSync(blank));
    const plan = planTemplate(set, { mode: 'self' });
    const ws = wb.getWorksheet(plan.sheetName)!;
    const self = randomEntries(set, rng(99));
    self['@lop_ke_hoach'] = 12; // no division by zero: every formula criterion computes
    self['@de_tai_dang_ky'] = 3;
    self['@tieu_chi_tong'] = 20;
    fillColumn(ws, plan, 'self', self);
    for (const l of set.leaves) ws.getCell(plan.evidence[l.id]).value = 'Hồ sơ minh chứng';
    filled = path.join(dir, 'filled.xlsx');
    writeFileSync(filled, await toBytes(wb));
    engineTotal = evaluate(set, { self }).self!.total;
  });

  test('check --json: ok, exit 0, input bytes unchanged', async () => {
    const before = sha(filled);
    const r = await run(['check', filled, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ file: filled, ok: true, unit: 'Trường Chính trị tỉnh Yên Bái', layout: 'template' });
    expect(j.criteriaSet.id).toBe('cum-trung-du-2024');
    expect(sha(filled)).toBe(before);
  });

  test('score --json: the contract shape, the engine total, input bytes unchanged', async () => {
    const before = sha(filled);
    const r = await run(['score', filled, '--json']);
    expect(r.code).toBe(0);
    const [s] = JSON.parse(r.stdout);
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['file', 'unit', 'criteriaSet', 'self', 'inspected', 'final', 'problems']));
    expect(s.self.total).toBe(engineTotal);
    expect(s.self.total).toBe(Math.round((s.self.base + s.self.bonus - s.self.penalty) * 1000) / 1000);
    expect(s.self.sections.map((x: { id: string }) => x.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']);
    expect(s.inspected).toBeNull();
    expect(s.final).toEqual({ total: engineTotal, source: 'self' });
    expect(sha(filled)).toBe(before);
  });

  test('a bad entry: check exits 1 with the problem located; bytes unchanged', async () => {
    const wb = await loadXlsx(readFileSync(filled));
    wb.getWorksheet('Bảng chấm điểm')!.getCell('D10').value = 'tám';
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, await toBytes(wb));
    const before = sha(bad);
    const r = await run(['check', bad, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    const p = j.problems.find((x: { code: string }) => x.code === 'non_numeric');
    expect(p).toMatchObject({ severity: 'error', sheet: 'Bảng chấm điểm', cell: 'D10', criterion: 'I.1', message: 'Value "tám" is not a number' });
    const human = await run(['check', bad]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Bảng chấm điểm!D10');
    expect(human.stdout).toContain('không phải là số');
    expect(sha(bad)).toBe(before);
  });

  test('inspection --from a self-assessment with errors: a warning with the count and first cells; --strict refuses', async () => {
    const wb = await loadXlsx(readFileSync(filled));
    const ws = wb.getWorksheet('Bảng chấm điểm')!;
    ws.getCell('D10').value = 'tám';
    ws.getCell('D11').value = '2,5'; // text: the workbook does not count it, nor does the engine
    const bad = path.join(dir, 'bad-self.xlsx');
    writeFileSync(bad, await toBytes(wb));
    const out = path.join(dir, 'insp-from-bad.xlsx');
    const r = thidua(['template', DEFAULT_SET_FILE, '--from', bad, '-o', out, '--json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fromProblems[0]).toMatchObject({ code: 'inspection_from_errors', severity: 'warning', cell: 'D10' });
    expect(j.fromProblems[0].message).toContain('has 2 error(s) (first at D10, D11)');
    expect(j.fromProblems.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['non_numeric', 'number_as_text']));
    expect(existsSync(out)).toBe(true);

    const refused = path.join(dir, 'insp-strict.xlsx');
    const s = await run(['template', DEFAULT_SET_FILE, '--from', bad, '--strict', '-o', refused, '--lang', 'en']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('inspection_from_refused');
    expect(s.stderr).toContain('2 error(s) (first at D10, D11)');
    expect(existsSync(refused)).toBe(false);
    // A sound self-assessment passes --strict.
    expect((await run(['template', DEFAULT_SET_FILE, '--from', filled, '--strict', '-o', path.join(dir, 'insp-ok.xlsx')])).code).toBe(0);
  });

  test('inspection --from: self scores kept and locked, inspector column open; scored as inspected', async () => {
    const insp = path.join(dir, 'inspection.xlsx');
    const before = sha(filled);
    const r = await run(['template', DEFAULT_SET_FILE, '--from', filled, '-o', insp, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ mode: 'inspection', unit: 'Trường Chính trị tỉnh Yên Bái' });
    expect(sha(filled)).toBe(before);

    const src = (await loadXlsx(readFileSync(filled))).getWorksheet('Bảng chấm điểm')!;
    const wb = await loadXlsx(readFileSync(insp));
    const ws = wb.getWorksheet('Bảng chấm điểm')!;
    const plan = planTemplate(defaultSet(), { mode: 'inspection' });
    for (const a of Object.values(plan.entries.self)) {
      expect(ws.getCell(a).value ?? null).toEqual(src.getCell(a).value ?? null);
      expect(ws.getCell(a).protection?.locked).not.toBe(false);
    }
    for (const a of Object.values(plan.entries.inspected)) expect(ws.getCell(a).protection?.locked).toBe(false);
    for (const a of Object.values(plan.remarks)) expect(ws.getCell(a).protection?.locked).toBe(false);
    for (const a of Object.values(plan.evidence)) expect(ws.getCell(a).value).toBe('Hồ sơ minh chứng');

    // The inspectors score everything 0.25 lower on I.1 without a remark.
    const set = defaultSet();
    const self: Record<string, unknown> = {};
    for (const [k, a] of Object.entries(plan.entries.self)) self[k] = ws.getCell(a).value;
    fillColumn(ws, plan, 'inspected', self as never);
    const i1 = Number(self['I.1']);
    ws.getCell(plan.entries.inspected['I.1']).value = i1 >= 0.25 ? i1 - 0.25 : 0.25;
    const done = path.join(dir, 'inspected.xlsx');
    writeFileSync(done, await toBytes(wb));
    const s = await run(['score', done, '--json']);
    expect(s.code).toBe(0); // a missing remark is a warning
    const [rep] = JSON.parse(s.stdout);
    expect(rep.final.source).toBe('inspected');
    expect(rep.inspected.total).toBe(evaluate(set, { inspected: { ...self, 'I.1': ws.getCell(plan.entries.inspected['I.1']).value } as never }).inspected!.total);
    expect(rep.problems.filter((p: { code: string }) => p.code === 'change_without_remark').map((p: { cell: string }) => p.cell)).toEqual(['G10']);
  });

  test('--from a workbook that is not a template is refused (exit 2)', async () => {
    const notTpl = path.join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    writeFileSync(notTpl, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await run(['template', DEFAULT_SET_FILE, '--from', notTpl, '-o', path.join(dir, 'no.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not_a_template');
    expect(existsSync(path.join(dir, 'no.xlsx'))).toBe(false);
  });
});
