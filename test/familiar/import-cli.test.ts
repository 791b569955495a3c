/** `thidua import` as a user runs it: contract, output files, refusals, exit codes, languages. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { loadCriteriaText } from '../../engine/core';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';
import { run, thidua } from '../helpers/cli';

const BLANK = path.resolve(__dirname, '../fixtures/samples/familiar-trung-du-2024/bang-diem-2024-trong.xlsx');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'thidua-import-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('-o criteria.yaml writes a set that lint accepts; an existing file is kept without --force', () => {
  const out = path.join(tmp, 'bang.yaml');
  const r = thidua(['import', BLANK, '-o', out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('22 tiêu chí');
  expect(r.stdout).toContain(out);
  const text = readFileSync(out, 'utf8');
  const loaded = loadCriteriaText(text, out);
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(loaded.set!.leaves).toHaveLength(22);
  expect(parse(text).policy.classification[0]).toEqual({ label: 'Xuất sắc', labelEn: 'Excellent', min: 95 });
  expect(thidua(['lint', out]).code).toBe(0);

  writeFileSync(out, 'keep me');
  const again = thidua(['import', BLANK, '-o', out]);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/--force/);
  expect(readFileSync(out, 'utf8')).toBe('keep me');
  const forced = thidua(['import', BLANK, '-o', out, '--force', '--lang', 'en']);
  expect(forced.code).toBe(0);
  expect(forced.stdout).toContain('22 criteria');
  expect(readFileSync(out, 'utf8')).toContain('II.2.1');
  // No temporary file is left behind.
  expect(require('fs').readdirSync(tmp).filter((f: string) => f.endsWith('.tmp'))).toEqual([]);
});

test('-o criteria.json with --json: one JSON document on stdout, the file is JSON', async () => {
  const out = path.join(tmp, 'bang.json');
  const r = await run(['import', BLANK, '-o', out, '--json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(Object.keys(doc)).toEqual(expect.arrayContaining(['criteriaSet', 'leaves', 'maxBase', 'maxBonus', 'warnings']));
  expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(doc.criteriaSet);
  for (const w of doc.warnings) {
    expect(w.file).toBe(BLANK);
    expect(typeof w.code).toBe('string');
    expect(w.messages.vi).not.toEqual(w.messages.en);
  }
});

test('never overwrites the input, even with --force; refuses other output formats', async () => {
  const copy = path.join(tmp, 'copy.xlsx');
  copyFileSync(BLANK, copy);
  const before = readFileSync(copy);
  const asJson = path.join(tmp, 'copy.json');
  expect((await run(['import', copy, '-o', copy, '--force'])).code).toBe(2);
  expect(readFileSync(copy).equals(before)).toBe(true);
  const r = await run(['import', copy, '-o', path.join(tmp, 'x.txt')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('.json');
  expect(existsSync(asJson)).toBe(false);
});

test('--sheet picks a sheet; an unknown sheet or a workbook without a table exits 1 with a located message', async () => {
  const v = VARIATIONS.find((x) => x.name === 'merged-letters')!;
  const file = path.join(tmp, 'merged.xlsx');
  writeFileSync(file, await buildVariation(v));
  const ok = await run(['import', file, '--sheet', 'cham diem', '--json']);
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout).leaves).toBe(6);

  const missing = await run(['import', file, '--sheet', 'Không có', '--json']);
  expect(missing.code).toBe(1);
  const doc = JSON.parse(missing.stdout);
  expect(doc.criteriaSet).toBeNull();
  expect(doc.warnings[0].code).toBe('familiar_sheet_not_found');
  expect(doc.warnings[0].message).toContain('Chấm điểm');

  const guide = await run(['import', file, '--sheet', 'Hướng dẫn', '--lang', 'en']);
  expect(guide.code).toBe(1);
  expect(guide.stdout).toContain('No scoring table found');
  expect(guide.stdout).not.toMatch(/at .*\.ts:\d+/);
});

test('unreadable inputs are usage errors (exit 2) without a stack trace', async () => {
  const text = path.join(tmp, 'not.xlsx');
  writeFileSync(text, 'TT;Nội dung;Điểm chuẩn\n');
  for (const args of [['import', text], ['import', path.join(tmp, 'nope.xlsx')]]) {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/LỖI/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }
});

test('check and score read familiar workbooks with --criteria and name the problem cells', async () => {
  const v = VARIATIONS.find((x) => x.name === 'english')!;
  const file = path.join(tmp, 'english.xlsx');
  writeFileSync(file, await buildVariation(v));
  const set = path.join(tmp, 'english.yaml');
  expect((await run(['import', file, '-o', set])).code).toBe(0);
  const r = await run(['check', file, '--criteria', set, '--json']);
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.stdout);
  expect(doc.layout).toBe('familiar');
  const formula = doc.problems.find((p: { code: string }) => p.code === 'formula_in_entry');
  expect(formula).toMatchObject({ sheet: 'Scores', cell: 'E9', criterion: 'II.1', severity: 'error' });
  const broken = doc.problems.find((p: { code: string; criterion: string }) => p.code === 'formula_disagrees' && p.criterion === 'I');
  expect(broken).toMatchObject({ sheet: 'Scores', cell: 'E5', column: 'self' });
  // Without --criteria the familiar table cannot be scored: the message says what to pass.
  const none = await run(['score', file, '--json']);
  expect(JSON.parse(none.stdout)[0].problems[0].code).toBe('criteria_required');
});
