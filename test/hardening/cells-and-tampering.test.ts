/**
 * Issue 8: hostile cell content and tampering of generated templates, each asserting its own code and
 * location. (Structure tampering -- rows, maxima, formulas, hash -- is covered in test/template/read.)
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Problem } from '../../engine/core';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { scoreWorkbook } from '../../engine/workbook/score';
import { writeTemplate } from '../../engine/workbook/template/write';
import { run, thidua } from '../helpers/cli';
import { defaultSet, DEFAULT_SET_FILE } from '../helpers/sets';
import { fillColumn, loadXlsx, randomEntries, toBytes } from '../template/helpers';

const set = defaultSet();
let filled: Uint8Array;
let plan: TemplatePlan;

/** A clean filled self-assessment: every criterion scored, evidence given. */
beforeAll(async () => {
  const t = await writeTemplate(set, { mode: 'self', unit: 'Trường Chính trị tỉnh Yên Bái', year: 2024 });
  plan = t.plan;
  const wb = await loadXlsx(t.bytes);
  const ws = wb.getWorksheet(plan.sheetName)!;
  let x = 3;
  const entries = randomEntries(set, () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32));
  for (const k of Object.keys(entries)) if (k.startsWith('@')) entries[k] = 10; // no division by zero
  fillColumn(ws, plan, 'self', entries);
  for (const addr of Object.values(plan.evidence)) ws.getCell(addr).value = 'Báo cáo tổng kết';
  filled = await toBytes(wb);
  const clean = await scoreWorkbook(filled, { file: 'yb.xlsx' });
  expect(clean.problems.filter((p) => p.severity === 'error')).toEqual([]);
});

async function edit(fn: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Problem[]> {
  const wb = await loadXlsx(filled);
  fn(wb.getWorksheet(plan.sheetName)!, wb);
  return (await scoreWorkbook(await toBytes(wb), { file: 'yb.xlsx' })).problems;
}
const find = (ps: Problem[], code: string) => ps.find((p) => p.code === code);

describe('hostile content in entry cells', () => {
  test.each<[string, string, (ws: ExcelJS.Worksheet) => void, string]>([
    ['an error value (#REF!)', 'error_value', (ws) => (ws.getCell(plan.entries.self['I.1']).value = { error: '#REF!' } as ExcelJS.CellErrorValue), 'I.1'],
    ['a division error (#DIV/0!)', 'error_value', (ws) => (ws.getCell(plan.entries.self['I.2']).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue), 'I.2'],
    ['a date where points belong', 'date_in_entry', (ws) => {
      // Typing "4/3" in Excel stores a date serial and switches the cell to a date format.
      const c = ws.getCell(plan.entries.self['II.3']);
      c.value = new Date(Date.UTC(2024, 2, 4));
      c.numFmt = 'dd/mm/yyyy';
    }, 'II.3'],
    ['a formula', 'formula_in_entry', (ws) => (ws.getCell(plan.entries.self['II.4']).value = { formula: '3+2', result: 5 } as ExcelJS.CellFormulaValue), 'II.4'],
    ['a shared formula', 'formula_in_entry', (ws) => {
      const a = plan.entries.self['III.2'];
      const b = plan.entries.self['III.3'];
      ws.getCell(a).value = { formula: '1+1', result: 2, shareType: 'shared', ref: `${a}:${b}` } as unknown as ExcelJS.CellFormulaValue;
      ws.getCell(b).value = { sharedFormula: a, result: 2 } as ExcelJS.CellSharedFormulaValue;
    }, 'III.3'],
    ['an array formula', 'formula_in_entry', (ws) => {
      const a = plan.entries.self['IV.2'];
      ws.getCell(a).value = { formula: 'SUM({1,2})', result: 3, shareType: 'array', ref: a } as unknown as ExcelJS.CellFormulaValue;
    }, 'IV.2'],
    ['a merged range over an entry cell', 'merged_entry', (ws) => {
      const c = ws.getCell(plan.entries.self['V.2']);
      ws.mergeCells(Number(c.row), Number(c.col), Number(c.row), Number(c.col) + 1);
    }, 'V.2'],
  ])('%s', async (_name, code, mutate, criterion) => {
    const ps = await edit(mutate);
    const p = ps.find((q) => q.code === code && q.criterion === criterion);
    expect(p).toMatchObject({ severity: 'error', criterion, sheet: plan.sheetName, cell: plan.entries.self[criterion], file: 'yb.xlsx' });
    expect(p!.messages.vi).not.toEqual(p!.messages.en);
  });
});

describe('tampering with a generated template', () => {
  test('the hidden criteria sheet deleted: named, never read as some other layout', async () => {
    const ps = await edit((_ws, wb) => wb.removeWorksheet(wb.getWorksheet('_thidua')!.id));
    expect(ps.map((p) => p.code)).toEqual(['embedded_sheet_deleted']);
    expect(ps[0]).toMatchObject({ sheet: plan.sheetName, severity: 'error' });
    // Even with a criteria set given, the orphaned template is not scored as a familiar table.
    const wb = await loadXlsx(filled);
    wb.removeWorksheet(wb.getWorksheet('_thidua')!.id);
    const r = await scoreWorkbook(await toBytes(wb), { file: 'yb.xlsx', criteria: set });
    expect(r.problems.map((p) => p.code)).toEqual(['embedded_sheet_deleted']);
    expect(r.evaluation).toBeNull();
  });

  test('data validation removed from an entry cell', async () => {
    const addr = plan.entries.self['II.3'];
    const ps = await edit((ws) => (ws as unknown as { dataValidations: { remove(a: string): void } }).dataValidations.remove(addr));
    expect(find(ps, 'validation_removed')).toMatchObject({ cell: addr, criterion: 'II.3', severity: 'warning' });
  });

  test('data validation widened (0..4 became 0..40)', async () => {
    const addr = plan.entries.self['I.1'];
    const ps = await edit((ws) => (ws.getCell(addr).dataValidation = { ...ws.getCell(addr).dataValidation, formulae: [0, 40] }));
    expect(find(ps, 'validation_removed')).toMatchObject({ cell: addr, criterion: 'I.1' });
  });

  test('validations checked again for every file: a file read after one with the same block, or a different one, gets its own answer', async () => {
    const addr = plan.entries.self['II.3'];
    const wb = await loadXlsx(filled);
    const ws = wb.getWorksheet(plan.sheetName)!;
    (ws as unknown as { dataValidations: { remove(a: string): void } }).dataValidations.remove(addr);
    const removed = await toBytes(wb);
    const cells = async (bytes: Uint8Array, file: string) =>
      (await scoreWorkbook(bytes, { file })).problems.filter((p) => p.code === 'validation_removed').map((p) => `${p.file}!${p.cell}`);
    // Same bytes twice in a row (the reader hands back the kept ranges), then the other file, each way.
    expect(await cells(filled, 'a.xlsx')).toEqual([]);
    expect(await cells(filled, 'b.xlsx')).toEqual([]);
    expect(await cells(removed, 'c.xlsx')).toEqual([`c.xlsx!${addr}`]);
    expect(await cells(removed, 'd.xlsx')).toEqual([`d.xlsx!${addr}`]);
    expect(await cells(filled, 'e.xlsx')).toEqual([]);
  });

  test('the scoring sheet hidden: refused (only the visible sheet the metadata names is scored)', async () => {
    const ps = await edit((ws) => (ws.state = 'hidden'));
    expect(find(ps, 'scored_sheet_hidden')).toMatchObject({ sheet: plan.sheetName, severity: 'error', file: 'yb.xlsx' });
  });

  test('the embedded criteria set edited (a max raised) is refused by its hash', async () => {
    const parts = unzipSync(filled);
    const names = Object.keys(parts).filter((n) => n === 'xl/sharedStrings.xml');
    const xml = strFromU8(parts[names[0]]);
    expect(xml).toContain('&quot;max&quot;:4');
    parts[names[0]] = strToU8(xml.replace('&quot;max&quot;:4', '&quot;max&quot;:40'));
    const r = await scoreWorkbook(zipSync(parts), { file: 'yb.xlsx' });
    expect(r.problems.map((p) => p.code)).toContain('criteria_tampered');
    expect(r.evaluation).toBeNull();
  });
});

describe('a workbook from another year or another cluster', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-year-'));

  test('checked against this year\'s criteria set: the difference is named', async () => {
    const other = { ...set.def, id: 'cum-tay-bac-2025', year: 2025, cluster: 'Cụm thi đua khu vực Tây Bắc' };
    const otherFile = path.join(dir, 'tay-bac-2025.yaml');
    writeFileSync(otherFile, stringify(other));
    const wbFile = path.join(dir, 'yb.xlsx');
    writeFileSync(wbFile, filled);
    const r = await run(['check', wbFile, '--criteria', otherFile, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems.map((p: Problem) => p.code)).toContain('criteria_differs');
    expect(r.code).toBe(1);
  });

  test('ranked with this year\'s workbooks: refused, not merged', async () => {
    const last = await writeTemplate({ ...set, def: set.def } as typeof set, { mode: 'self', unit: 'Trường Chính trị tỉnh Lào Cai', year: 2023 });
    const wb = await loadXlsx(last.bytes);
    const ws = wb.getWorksheet(last.plan.sheetName)!;
    fillColumn(ws, last.plan, 'self', Object.fromEntries(set.entries.map((e) => [e.key, e.type === 'flag' ? 'x' : e.indicator ? 10 : (e.max ?? 0)])));
    for (const addr of Object.values(last.plan.evidence)) ws.getCell(addr).value = 'Có';
    const folder = path.join(dir, 'nop');
    require('fs').mkdirSync(folder);
    writeFileSync(path.join(folder, 'lao-cai-2023.xlsx'), await toBytes(wb));
    writeFileSync(path.join(folder, 'yen-bai.xlsx'), filled);
    const t2 = await writeTemplate(set, { mode: 'self', unit: 'Trường Chính trị tỉnh Hà Giang', year: 2024 });
    const wb2 = await loadXlsx(filled);
    wb2.getWorksheet(plan.sheetName)!.getCell(t2.plan.unitCell).value = 'Trường Chính trị tỉnh Hà Giang';
    writeFileSync(path.join(folder, 'ha-giang.xlsx'), await toBytes(wb2));
    const r = await run(['rank', folder, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(doc.problems.map((p: Problem) => p.code)).toContain('year_mismatch');
    expect(JSON.stringify(doc.problems)).toContain('lao-cai-2023.xlsx');
  });
});

describe('output safety', () => {
  test('a unit named like a formula stays text in the template and in the ranking', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thidua-inj-'));
    const out = path.join(dir, 'x.xlsx');
    const r = thidua(['template', DEFAULT_SET_FILE, '--unit', '=HYPERLINK("http://evil","bấm")', '-o', out]);
    expect(r.code).toBe(0);
    const parts = unzipSync(new Uint8Array(require('fs').readFileSync(out)));
    const sheetXml = Object.entries(parts).filter(([n]) => n.startsWith('xl/worksheets/')).map(([, b]) => strFromU8(b)).join('');
    expect(sheetXml).not.toContain('HYPERLINK');
    const strings = strFromU8(parts['xl/sharedStrings.xml']);
    expect(strings).toContain('=HYPERLINK(&quot;http://evil&quot;,&quot;bấm&quot;)');
    // An existing output is not overwritten without --force.
    expect((await run(['template', DEFAULT_SET_FILE, '-o', out])).code).toBe(2);
    expect((await run(['template', DEFAULT_SET_FILE, '-o', out, '--force'])).code).toBe(0);
  });
});
