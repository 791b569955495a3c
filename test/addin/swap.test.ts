/**
 * Sheet replacement against the simulated Excel (one visible sheet rule, very hidden sheets that cannot
 * be deleted, names that follow renamed sheets, API levels, payload limits): a failure injected before the
 * first and before the last operation of every sync of a replacement leaves the workbook byte-for-byte as
 * it was; a workbook holding only the template's own sheets is re-inserted; insertWorksheetsFromBase64
 * (the file read by the engine's reader) in its own batch, with the cell path as fallback.
 */
import { loadCriteriaText } from '../../engine/core/load';
import { EMBED_SHEET, planTemplate } from '../../engine/core/template/plan';
import { writeTemplate } from '../../engine/workbook/template/write';
import { HostError, type SheetLayout } from '../../addin/host/types';
import { ExcelAdapter } from '../../addin/office/adapter';
import { templateLayouts } from '../../addin/scoring/render-plan';
import { loadSim } from './sim-host';
import { BUNDLED_YAML } from './sets';

const set = loadCriteriaText(BUNDLED_YAML).set!;
const plan = planTemplate(set, { mode: 'self', lang: 'vi', unit: 'Trường Chính trị tỉnh Phú Thọ', generatedAt: '2025-01-01T00:00:00Z' });
const namesOf = (p: typeof plan) => p.names.map((n) => ({ name: n.name, sheet: p.sheetName, address: n.ref.slice(n.ref.lastIndexOf('!') + 1).replace(/\$/g, '') }));

/** A workbook made by the template alone: its sheets, nothing else (the user's Sheet1 removed). */
async function templateOnlyWorkbook(api: number) {
  const { sim, Excel, Office } = loadSim({ api, sheets: [{ name: 'Sheet1', cells: [] }] });
  const adapter = new ExcelAdapter(Excel, Office.context.requirements);
  await adapter.renderSheets(templateLayouts(plan));
  sim.state.sheets = sim.state.sheets.filter((s: { name: string }) => s.name !== 'Sheet1');
  sim.state.active = plan.sheetName;
  return { sim, adapter };
}

/**
 * Fail sync k (k = 1, 2, ...) of `action`, before its first and before its last operation, until the
 * action has fewer syncs than k. Each failure must leave the workbook as it was; returns the syncs seen.
 */
async function failEveryStep(sim: any, action: () => Promise<unknown>, onSuccess?: (r: unknown) => void): Promise<number> {
  for (let k = 1; k < 60; k++) {
    for (const at of ['first', 'last'] as const) {
      const before = sim.snapshot();
      sim.inject(k, at);
      let err: unknown;
      let result: unknown;
      try {
        result = await action();
      } catch (e) {
        err = e;
      }
      if (sim.injected() !== null) {
        // The action ran fewer than k syncs: nothing was injected, it must have succeeded.
        sim.state.inject = null;
        expect(err).toBeUndefined();
        return k - 1;
      }
      if (err === undefined) {
        onSuccess?.(result); // the fallback path took over: a complete, correct result
        continue;
      }
      expect(err).toBeInstanceOf(HostError);
      const e = err as HostError;
      expect(e.vi).not.toMatch(/undefined|\[object/);
      expect(e.vi).toMatch(/giữ nguyên như trước/);
      expect(e.en).toMatch(/the workbook is as it was/);
      expect(sim.snapshot()).toBe(before);
    }
  }
  throw new Error('never ended');
}

function expectTemplateInPlace(sim: any) {
  const names = sim.sheetNames() as string[];
  expect(names.filter((n) => n.startsWith('~'))).toEqual([]);
  expect([...names].sort()).toEqual([plan.sheetName, plan.instructionsSheetName, EMBED_SHEET].sort());
  expect(sim.sheet(EMBED_SHEET).visibility).toBe('VeryHidden');
  const wbNames = sim.names();
  for (const n of namesOf(plan)) expect(wbNames[n.name]).toMatchObject({ sheet: plan.sheetName, address: n.address });
}

describe('replacing the template on a workbook holding only its own sheets', () => {
  test.each([7, 9, 12])('ExcelApi 1.%i: re-inserting succeeds (the last visible sheet is never hidden), names and _thidua as before', async (api) => {
    const { sim, adapter } = await templateOnlyWorkbook(api);
    expectTemplateInPlace(sim);
    const s0 = sim.syncs;
    await adapter.renderSheets(templateLayouts(plan));
    expect(sim.syncs - s0).toBe(4); // look, build, link, retire
    expectTemplateInPlace(sim);
    expect(sim.active()).toBe(plan.sheetName);
    expect(sim.sheet(plan.sheetName).protected).toBe(true);
    // Data validation only where Excel has it (1.8); without it, nothing was attempted (no ApiNotFound).
    expect(sim.sheet(plan.sheetName).validation.length > 0).toBe(api >= 8);
  });

  test('a failure at every step of the cell path leaves the workbook byte-for-byte unchanged', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(12);
    let finished = 0;
    // Failing inside the last step (old sheets deleted) cannot be undone once one is gone: it is finished.
    const steps = await failEveryStep(sim, () => adapter.renderSheets(templateLayouts(plan)), () => {
      finished++;
      expectTemplateInPlace(sim);
    });
    expect(steps).toBe(4);
    expect(finished).toBe(1);
    expectTemplateInPlace(sim);
  }, 60_000);

  test('cell-edit mode refusing the last step (deleting the old sheets) is said as such, and restored', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(12);
    const before = sim.snapshot();
    // The user's edit mode makes the last step fail: nothing is lost.
    sim.inject(4, 'first', 'InvalidOperationInCellEditMode');
    const err = await adapter.renderSheets(templateLayouts(plan)).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.vi).toMatch(/chế độ sửa ô/);
    expect(err.en).toMatch(/cell-edit mode/);
    expect(err.en).toMatch(/Nothing was changed/);
    expect(sim.snapshot()).toBe(before);
  });
});

describe('insertWorksheetsFromBase64', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await writeTemplate(set, { mode: 'self', lang: 'vi', unit: 'Trường Chính trị tỉnh Phú Thọ', generatedAt: '2025-01-01T00:00:00Z' })).bytes;
  }, 60_000);
  const base64 = () => Buffer.from(bytes).toString('base64');
  const opts = () => ({ sheets: [plan.sheetName, plan.instructionsSheetName, EMBED_SHEET], names: namesOf(plan), veryHidden: [EMBED_SHEET], activate: plan.sheetName, fallback: templateLayouts(plan) });

  test('ExcelApi 1.13: the file is inserted (read by the engine\'s reader), replacing the old sheets; names defined, _thidua very hidden', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(13);
    const out = await adapter.insertWorkbook(base64(), opts());
    expect(out).toEqual({ how: 'base64' });
    expectTemplateInPlace(sim);
    // The inserted sheet holds the file's cells: the total formula where the plan puts it.
    expect(sim.cell(plan.sheetName, plan.scores.self.total.address).formula).toBe(`=${plan.scores.self.total.formula}`);
  });

  test('ExcelApi 1.12: no insertion API, the cell path is taken and said', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(12);
    expect(await adapter.insertWorkbook(base64(), opts())).toEqual({ how: 'cells', reason: 'api' });
    expectTemplateInPlace(sim);
  });

  test('a file Excel refuses: restored, then written cell by cell, and said', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(13);
    const out = await adapter.insertWorkbook(Buffer.from('not a workbook').toString('base64'), opts());
    expect(out).toMatchObject({ how: 'cells', reason: 'refused' });
    expectTemplateInPlace(sim);
  });

  test('a failure at every step: unchanged, or (insertion refused) the cell path completes the job', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(13);
    const outcomes: string[] = [];
    const steps = await failEveryStep(sim, () => adapter.insertWorkbook(base64(), opts()), (r) => {
      outcomes.push((r as { how: string }).how);
      expectTemplateInPlace(sim);
    });
    expect(steps).toBeGreaterThanOrEqual(5);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((h) => h === 'cells' || h === 'base64')).toBe(true);
    expect(outcomes).toContain('cells'); // the insertion batch refused: the cell path
    expectTemplateInPlace(sim);
  }, 120_000);
});

describe('the simulated host fails where Excel fails', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    const { Excel } = loadSim({ api: 12, sheets: [{ name: 'Sheet1', cells: [] }] });
    await Excel.run(async (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.name).toThrow(/not available/);
      ws.load('name');
      await ctx.sync();
      expect(ws.name).toBe('Sheet1');
    });
  });

  test('the last visible sheet cannot be hidden; a very hidden sheet cannot be deleted', async () => {
    const { Excel } = loadSim({ api: 12, sheets: [{ name: 'Sheet1', cells: [] }, { name: 'h', cells: [], visibility: 'VeryHidden' }] });
    await expect(Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('h').delete();
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('APIs above the host\'s level fail with ApiNotFound (getRanges needs 1.9)', async () => {
    const { Excel } = loadSim({ api: 8, sheets: [{ name: 'Sheet1', cells: [] }] });
    await expect(Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRanges('A1,B2').format.protection.locked = false;
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('a response over 5 MB is refused; the adapter reads a large sheet in bands under it', async () => {
    const long = 'x'.repeat(60);
    const cells: Array<[string, { value: string }]> = [];
    const cols = 'ABCDEFGHIJ'.split('');
    for (let r = 1; r <= 9000; r++) for (const c of cols) cells.push([`${c}${r}`, { value: `${long}${r}` }]);
    const { sim, Excel, Office } = loadSim({ api: 12, sheets: [{ name: 'Sheet1', cells }] });
    await expect(Excel.run(async (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:J9000');
      r.load('values,formulas');
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    const adapter = new ExcelAdapter(Excel, Office.context.requirements);
    const s0 = sim.syncs;
    const data = await adapter.readActiveSheet();
    expect(sim.syncs - s0).toBeGreaterThan(3);
    expect(data.rowCount).toBe(9000);
    expect(data.values[8999][9]).toBe(`${long}9000`);
  }, 60_000);
});

// A layout list for replaceOwnSheets (the consolidation's sheets), small enough to read.
const ranking = (marker: string): SheetLayout[] => [
  { sheet: 'Xếp hạng', blocks: [{ address: 'A1:B2', cells: [['Hạng', 'Đơn vị'], [1, 'A']] }], names: [], activate: true, marker },
  { sheet: 'Nguồn', blocks: [{ address: 'A1', cells: [['Tệp']] }], marker },
];

describe('consolidation sheets replaced on a template-only workbook', () => {
  test('re-consolidating replaces only its own sheets; a failure at every step leaves the workbook unchanged', async () => {
    const { sim, adapter } = await templateOnlyWorkbook(12);
    await adapter.replaceOwnSheets(ranking('_thidua_ranking'), '_thidua_ranking');
    expect(sim.sheetNames()).toEqual(expect.arrayContaining(['Xếp hạng', 'Nguồn', plan.sheetName]));
    const steps = await failEveryStep(sim, () => adapter.replaceOwnSheets(ranking('_thidua_ranking'), '_thidua_ranking'), () => {
      expect(sim.sheetNames().filter((n: string) => n.startsWith('~'))).toEqual([]);
    });
    expect(steps).toBe(5); // look, markers, build, link, retire
    expect(sim.sheetNames().filter((n: string) => n.startsWith('~'))).toEqual([]);
    expectTemplateInPlace({ ...sim, sheetNames: () => sim.sheetNames().filter((n: string) => n !== 'Xếp hạng' && n !== 'Nguồn') });
  }, 60_000);
});
