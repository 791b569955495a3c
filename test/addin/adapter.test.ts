/**
 * The Office.js adapter against office-addin-mock: what it writes, and how many context.sync() round
 * trips each action costs (constant in the number of criteria; validating a 300-row sheet <= 3).
 */
import { loadCriteriaDef, loadCriteriaText } from '../../engine/core/load';
import type { CompiledSet } from '../../engine/core/compile';
import { planTemplate } from '../../engine/core/template/plan';
import { HostError } from '../../addin/host/types';
import { detectCapabilities, edgesOf, ExcelAdapter, parseAreas } from '../../addin/office/adapter';
import { sheetMapOf, templateLayouts } from '../../addin/scoring/render-plan';
import { boundingRange } from '../../addin/scoring/sheet-map';
import { parseStore, storeLayout } from '../../addin/scoring/store';
import { validateSheet } from '../../addin/scoring/validate';
import { ExcelMock, MemSheet, requirements } from './excel-mock';
import { bigSet, BUNDLED_YAML } from './sets';

function compiled(def: unknown): CompiledSet {
  const r = loadCriteriaDef(def);
  if (!r.set) throw new Error(JSON.stringify(r.problems.map((p) => p.message)));
  return r.set;
}

const bundled = loadCriteriaText(BUNDLED_YAML).set!;

/** Write a template through the adapter, then return the mock and the plan. */
async function renderTemplate(set: CompiledSet, api = 12) {
  const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }]);
  const adapter = new ExcelAdapter(mock.excel as never, requirements(api));
  const plan = planTemplate(set, { mode: 'self', lang: 'vi', unit: 'Trường Chính trị tỉnh Phú Thọ' });
  await adapter.renderSheets(templateLayouts(plan));
  return { mock, adapter, plan };
}

/** A sheet holding a filled template (every self entry = its max, or `override`). */
function filledSheet(set: CompiledSet, override: Record<string, unknown> = {}): { sheet: MemSheet; plan: ReturnType<typeof planTemplate> } {
  const plan = planTemplate(set, { mode: 'self', lang: 'vi' });
  const cells = new Map<string, string | number | boolean | null>();
  for (const row of plan.rows) for (const c of row.cells) if (c.value !== undefined) cells.set(c.address, c.value ?? null);
  for (const spec of set.entries) {
    if (spec.blankIsZero) continue;
    cells.set(plan.entries.self[spec.key], spec.max ?? 1);
  }
  for (const [key, v] of Object.entries(override)) cells.set(plan.entries.self[key], v as never);
  return { sheet: { name: plan.sheetName, cells }, plan };
}

describe('capabilities', () => {
  test('ExcelApi 1.7 is the minimum (volume-licensed Office 2019); 1.8 data validation; 1.13 insertWorksheetsFromBase64', () => {
    expect(detectCapabilities(requirements(6))).toMatchObject({ supported: false, apiVersion: '1.6' });
    expect(detectCapabilities(requirements(7))).toMatchObject({ supported: true, apiVersion: '1.7', insertFromBase64: false, dataValidation: false, cellProperties: false });
    expect(detectCapabilities(requirements(8))).toMatchObject({ dataValidation: true, cellProperties: false });
    expect(detectCapabilities(requirements(12))).toMatchObject({ supported: true, apiVersion: '1.12', insertFromBase64: false, cellProperties: true });
    expect(detectCapabilities(requirements(17))).toMatchObject({ supported: true, insertFromBase64: true });
  });
});

describe('validation reads', () => {
  test.each([30, 300])('validating a %i-criterion sheet costs one sync (<= 3)', async (n) => {
    const set = compiled(bigSet(n));
    const { sheet, plan } = filledSheet(set, { 'S1.1': 7, 'S1.2': 'tám', 'S1.3': '0,5' });
    const mock = new ExcelMock([sheet]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    const map = sheetMapOf(plan);
    const data = await adapter.readRange(map.sheet, boundingRange(map));
    expect(mock.syncs).toBe(1);
    expect(data).not.toBeNull();
    expect(data!.rowCount).toBeGreaterThanOrEqual(n);
    const v = validateSheet(set, map, data!);
    // 7 is above max 1, "tám" is not a number and "0,5" is text (the sheet's formulas leave it out):
    // all three count nothing, as in the workbook's own totals, and each is reported at its cell.
    expect(v.self!.base).toBe(n - 3);
    expect(v.filled).toBe(n - 3);
    expect(v.expected).toBe(n);
    const codes = v.problems.map((p) => `${p.code}@${p.cell}`);
    expect(codes).toContain(`above_max@${plan.entries.self['S1.1']}`);
    expect(codes).toContain(`non_numeric@${plan.entries.self['S1.2']}`);
    expect(codes).toContain(`number_as_text@${plan.entries.self['S1.3']}`);
  });

  test('a missing sheet reads as null, in one sync', async () => {
    const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    expect(await adapter.readRange('Bảng chấm điểm', 'D9:H40')).toBeNull();
    expect(mock.syncs).toBe(1);
  });

  test('the active sheet is read in two syncs with bold cells and merged areas', async () => {
    const cells = new Map<string, string | number | null>([
      ['A1', 'TT'],
      ['B1', 'Nội dung'],
      ['C1', 'Điểm chuẩn'],
      ['A2', 'I'],
      ['B2', 'Phần một'],
      ['C2', 10],
      ['C3', '=SUM(C2)'],
    ]);
    const mock = new ExcelMock([{ name: 'Bảng điểm', cells, bold: new Set(['A2', 'B2']), merges: ['A5:C5'] }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(13));
    const data = await adapter.readActiveSheet();
    expect(mock.syncs).toBe(2);
    expect(data.sheet).toBe('Bảng điểm');
    expect(data.values[0]).toEqual(['TT', 'Nội dung', 'Điểm chuẩn']);
    expect(data.values[1][2]).toBe(10);
    expect(data.formulas[2][2]).toBe('=SUM(C2)');
    expect(data.bold![1]).toEqual([true, true, false]);
    expect(data.merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 3 }]);
  });
});

describe('template rendering', () => {
  test('writes the plan in four syncs (look, build, link, retire), whatever the number of criteria', async () => {
    const small = await renderTemplate(bundled);
    const large = await renderTemplate(compiled(bigSet(300)));
    expect(small.mock.syncs).toBe(4);
    expect(large.mock.syncs).toBe(4);
  });

  test('the scoring sheet gets its formulas, totals, names, validation, unlocked cells and protection', async () => {
    const { mock, plan } = await renderTemplate(bundled);
    expect(mock.added).toEqual([plan.sheetName, plan.instructionsSheetName, '_thidua']);
    const ranges = mock.written(plan.sheetName);
    const block = ranges.find((r) => r.address === `A1:H${plan.lastRow}`)!.mock;
    const at = (a: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return block.formulas[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
    };
    // Every score formula of the plan is written as "=formula" at its address.
    for (const c of ['self', 'inspected'] as const)
      for (const s of Object.values(plan.scores[c])) if (s.formula) expect(at(s.address)).toBe(`=${s.formula}`);
    expect(at(plan.scores.self.total.address)).toMatch(/^=D\d+\+D\d+-D\d+$/);
    expect(at(plan.unitCell)).toBe('Trường Chính trị tỉnh Phú Thọ');
    // Text stays text: the number-format block marks text cells "@".
    expect(block.numberFormat[Number(plan.unitCell.slice(1)) - 1][1]).toBe('@');
    expect(mock.names).toEqual([
      { name: 'TongTuCham', sheet: plan.sheetName, address: plan.scores.self.total.address },
      { name: 'TongCumCham', sheet: plan.sheetName, address: plan.scores.inspected.total.address },
    ]);
    // Data validation on every self entry cell (grouped in runs where the rule is the same).
    const rules = ranges.filter((r) => r.mock.dataValidation?.rule).map((r) => ({ address: r.address, rule: r.mock.dataValidation.rule }));
    const covered = new Set<string>();
    for (const r of rules) {
      const [a, b] = r.address.split(':');
      const col = a.replace(/\d+/g, '');
      for (let row = Number(a.slice(col.length)); row <= Number((b ?? a).slice(col.length)); row++) covered.add(`${col}${row}`);
    }
    for (const spec of bundled.entries) expect(covered.has(plan.entries.self[spec.key])).toBe(true);
    const i1 = rules.find((r) => r.address.split(':')[0] === plan.entries.self['I.1'] || r.address === plan.entries.self['I.1'])!;
    // The 0.25 step is enforced by a custom formula (entry-rule.ts), the same the workbook writer uses.
    expect(i1.rule.custom).toEqual({ formula: '=AND(ISNUMBER(D10),D10>=0,ROUND(D10*1000,0)<=4000,MOD(ROUND(D10*1000,0),250)=0)' });
    // Only the plan's open cells are unlocked, then the sheet is protected.
    const unlocked = ranges.filter((r) => r.mock.format?.protection?.locked === false).map((r) => r.address);
    expect(unlocked.sort()).toEqual([...plan.unlocked].sort());
    expect(mock.sheetObject(plan.sheetName)!.__protected).toBeTruthy();
    expect(mock.sheetObject(plan.sheetName)!.__frozen).toBe(plan.headerRow);
    expect(mock.sheetObject('_thidua')!.visibility).toBe('VeryHidden');
    expect(mock.sheetObject(plan.sheetName)!.visibility).not.toMatch(/Hidden/); // never written
    // Merges of the title block.
    expect(ranges.filter((r) => r.mock.__merged).length).toBe(plan.rows.flatMap((r) => r.cells).filter((c) => c.mergeTo).length);
  });

  test('the hidden sheet carries the criteria set, readable back with its hash checked', async () => {
    const { mock, plan } = await renderTemplate(bundled);
    const hidden = mock.written('_thidua').find((r) => r.address.startsWith('A1:B'))!.mock;
    const parsed = parseStore('_thidua', hidden.formulas.map((r: unknown[]) => r.map((v) => (v === '' ? null : typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v))));
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.set!.hash).toBe(bundled.hash);
    expect(parsed.meta.mode).toBe('self');
    expect(parsed.meta.sheet).toBe(plan.sheetName);
  });

  test('an edited stored set is refused (hash mismatch)', () => {
    const layout = storeLayout(bundled.def);
    const rows = layout.blocks[0].cells.map((r) => [...r]);
    const i = rows.findIndex((r) => r[0] === 'json.1');
    rows[i][1] = String(rows[i][1]).replace('"max":4', '"max":5');
    const parsed = parseStore('_thidua_set', rows);
    expect(parsed.set).toBeNull();
    expect(parsed.problems[0].code).toBe('addin_store_tampered');
  });

  test('re-inserting replaces the old sheets and names instead of duplicating them', async () => {
    const { mock, adapter, plan } = await renderTemplate(bundled);
    mock.syncs = 0;
    await adapter.renderSheets(templateLayouts(plan));
    expect(mock.syncs).toBe(4);
    expect(mock.deleted).toEqual([plan.sheetName, plan.instructionsSheetName, '_thidua']);
    expect(mock.deletedNames.sort()).toEqual(['TongCumCham', 'TongTuCham']);
  });
});

describe('other actions', () => {
  test('selecting a problem cell activates its sheet and selects it in one sync', async () => {
    const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }, { name: 'Bảng chấm điểm', cells: new Map() }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    await adapter.select('Bảng chấm điểm', 'D12');
    expect(mock.syncs).toBe(1);
    expect(mock.activeSheet).toBe('Bảng chấm điểm');
    expect(mock.selected).toEqual({ sheet: 'Bảng chấm điểm', address: 'D12' });
  });

  test('insertWorksheetsFromBase64 in a batch of its own: look, set aside, insert, check names, link, retire', async () => {
    const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }, { name: 'Bảng chấm điểm', cells: new Map() }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(13));
    const names = [{ name: 'TongTuCham', sheet: 'Bảng chấm điểm', address: 'D60' }];
    await adapter.insertWorkbook('UEsDBA==', { sheets: ['Bảng chấm điểm'], names, activate: 'Bảng chấm điểm', fallback: [] });
    expect(mock.syncs).toBe(6);
    expect(mock.inserted).toEqual([{ base64: 'UEsDBA==', options: { positionType: 'End' } }]);
    expect(mock.deleted).toEqual(['Bảng chấm điểm']);
    expect(mock.names).toEqual(names);
    mock.syncs = 0;
    await adapter.insertWorkbook('UEsDBA==', { sheets: ['Bảng chấm điểm'], names, activate: 'Bảng chấm điểm', fallback: [] });
    expect(mock.syncs).toBe(6);
  });

  test('an Excel without ExcelApi 1.13 takes the cell path, and says so', async () => {
    const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    const plan = planTemplate(bundled, { mode: 'self', lang: 'vi' });
    expect(await adapter.insertWorkbook('x', { sheets: [], names: [], fallback: templateLayouts(plan) })).toEqual({ how: 'cells', reason: 'api' });
    expect(mock.inserted).toEqual([]);
    expect(mock.added).toContain(plan.sheetName);
  });

  test('Office errors become bilingual messages, never raw exceptions', async () => {
    const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    mock.failNextSync = { code: 'AccessDenied', message: 'The cell you are trying to change is protected' };
    const err = await adapter.select('Sheet1', 'A1').catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.vi).toMatch(/bảo vệ/);
    expect(err.en).toMatch(/protected/);
    expect(err.detail).toMatch(/AccessDenied/);
  });

  test('inside borders only where a range has several rows or columns', () => {
    expect(edgesOf('A8:G8')).toEqual(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical']);
    expect(edgesOf('B9:B40')).toEqual(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal']);
    expect(edgesOf('D12')).toEqual(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']);
    expect(edgesOf('A8:G40')).toHaveLength(6);
  });

  test('merged-area addresses are parsed, quoted sheet names included', () => {
    expect(parseAreas("'Bảng 1'!A1:B2, 'Bảng 1'!D4")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 4, left: 4, bottom: 4, right: 4 },
    ]);
  });
});
