/**
 * The built task pane in headless Chromium against a simulated Excel host (test/browser/sim): import the
 * active sheet, save and export the criteria set, insert the self-assessment template, validate as the
 * user types (problem listed, click selects the cell, total and progress), switch to English; plus the
 * page outside Excel and on an old Excel. Screenshots go to test-artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import type { Server } from 'http';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importFamiliar } from '../../engine/core/familiar';
import { gridFromRows, type GridCell } from '../../engine/core/grid';
import { loadCriteriaDef } from '../../engine/core/load';
import { planTemplate } from '../../engine/core/template/plan';
import { buildPane, OUT, ROOT, serve, SIM_OUT } from './build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/**';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  const msg = `\n\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH) ***\n\n`;
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
}
const describeBrowser = haveChromium ? describe : describe.skip;

/** The cluster's familiar table as the active sheet holds it (values, a formula, bold section rows). */
const FAMILIAR: Array<Array<string | number | null | GridCell>> = [
  ['CỤM THI ĐUA CÁC TRƯỜNG CHÍNH TRỊ', null, null, null, null],
  ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025', null, null, null, null],
  [null],
  ['TT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Ghi chú'],
  [{ value: 'I', bold: true }, { value: 'CÔNG TÁC CHỈ ĐẠO', bold: true }, { value: 10, bold: true }, null, null],
  ['1', 'Xây dựng kế hoạch thi đua', 4, null, null],
  ['2', 'Phát động phong trào', '6', null, null],
  [{ value: 'II', bold: true }, { value: 'ĐÀO TẠO, BỒI DƯỠNG', bold: true }, { value: 20, bold: true }, null, null],
  ['1', 'Hoàn thành kế hoạch đào tạo', 12.5, null, null],
  ['2', 'Chất lượng giảng dạy', '7,5', null, null],
  [{ value: 'III', bold: true }, { value: 'ĐIỂM THƯỞNG (tối đa 2 điểm)', bold: true }, { value: 2, bold: true }, null, null],
  ['1', 'Sáng kiến được công nhận', 2, null, null],
  [null, { value: 'TỔNG CỘNG', bold: true }, { value: 32, formula: 'C5+C8+C11' }, null, null],
];

function simSheet(name: string) {
  const cells: Array<[string, { value: unknown; formula?: string }]> = [];
  const bold: string[] = [];
  FAMILIAR.forEach((row, r) =>
    row.forEach((c, i) => {
      if (c === null || c === undefined) return;
      const a = `${String.fromCharCode(65 + i)}${r + 1}`;
      const cell = typeof c === 'object' ? c : { value: c };
      cells.push([a, { value: cell.value ?? null, formula: cell.formula ? `=${cell.formula}` : undefined }]);
      if (cell.bold) bold.push(a);
    }),
  );
  return { name, cells, bold };
}

/** What the pane should compute, from the same engine (cell addresses of the template). */
function expectedPlan() {
  const imp = importFamiliar([gridFromRows('Bảng điểm', FAMILIAR)], { sheet: 'Bảng điểm' });
  const set = loadCriteriaDef(imp.criteriaSet).set!;
  return { set, plan: planTemplate(set, { mode: 'self', lang: 'vi' }) };
}

describeBrowser('task pane in headless Chromium against a simulated Excel', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  const external: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildPane();
    ({ server, url: base } = await serve(OUT));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(config: object, officeJs: 'sim' | 'none' = 'sim'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    (page as unknown as { errors: string[] }).errors = errors;
    // Nothing leaves the machine: Office.js from the CDN is the simulated host, anything else external is refused.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (/^https:\/\/appsforoffice\.microsoft\.com\//.test(url)) {
        if (officeJs === 'none') return route.abort('internetdisconnected');
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(path.join(SIM_OUT, 'office-sim.js'), 'utf8') });
      }
      external.push(url);
      return route.abort('blockedbyclient');
    });
    void OFFICE_CDN;
    await page.addInitScript((c) => ((window as unknown as { __simConfig: object }).__simConfig = c), config);
    await page.goto(`${base}/taskpane.html`);
    return page;
  }

  const sim = <T>(page: Page, fn: string, ...args: unknown[]) =>
    page.evaluate(({ fn, args }) => (window as any).__sim[fn](...args), { fn, args }) as Promise<T>;

  test('import, save and export, insert the template, validate as the user types, switch to English', async () => {
    const { set, plan } = expectedPlan();
    const page = await open({ api: 12, displayLanguage: 'vi-VN', sheets: [simSheet('Bảng điểm')] });
    const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });

    // Vietnamese by default, nothing inserted yet.
    await page.getByRole('tab', { name: 'Nhập tiêu chí' }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('Chấm điểm thi đua');
    expect(await page.locator('#self-total').textContent()).toBe('—');

    // Import the active sheet.
    await page.click('#import-btn');
    await page.locator('#import-msg.success').waitFor();
    expect(await page.locator('#import-msg').textContent()).toContain(`${set.leaves.length} tiêu chí`);
    expect(await page.locator('#criteria-tree').textContent()).toContain('Hoàn thành kế hoạch đào tạo');
    const warnings = await page.locator('#panel-import .problems li').allTextContents();
    expect(warnings.join('\n')).toMatch(/7,5/); // the max written as text with a decimal comma was read, and said so
    await shot('01-import.png');

    // Save in the workbook (very hidden sheet), export as JSON.
    await page.click('#save-btn');
    await page.locator('#save-msg.success').waitFor();
    expect(await sim<{ visibility: string } | null>(page, 'sheet', '_thidua_set')).toMatchObject({ visibility: 'VeryHidden', protected: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-btn')]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(download.suggestedFilename()).toMatch(/\.criteria\.json$/);
    expect(exported.sections.map((s: { id: string }) => s.id)).toEqual(set.def.sections.map((s) => s.id));

    // Insert the template from the stored set.
    await page.getByRole('tab', { name: 'Bảng chấm' }).click();
    await page.selectOption('#source', 'stored');
    await page.fill('#unit', '=HYPERLINK("http://x","Trường")');
    await page.click('#insert-btn');
    await page.locator('#template-msg.success').waitFor();
    const sheetName = plan.sheetName;
    const sheet = await sim<any>(page, 'sheet', sheetName);
    expect(sheet).toMatchObject({ protected: true, frozenRows: plan.headerRow, handlers: 1 });
    expect([...sheet.unlocked].sort()).toEqual([...plan.unlocked].sort());
    expect(sheet.validation.length).toBeGreaterThan(0);
    expect(await sim(page, 'names')).toEqual({
      TongTuCham: { sheet: sheetName, address: plan.scores.self.total.address },
      TongCumCham: { sheet: sheetName, address: plan.scores.inspected.total.address },
    });
    expect((await sim<any>(page, 'cell', sheetName, plan.scores.self.total.address)).formula).toBe(`=${plan.scores.self.total.formula}`);
    expect((await sim<any>(page, 'cell', sheetName, plan.scores.self.I.address)).formula).toBe(`=${plan.scores.self.I.formula}`);
    // The unit name that looks like a formula stays text.
    const unit = await sim<any>(page, 'cell', sheetName, plan.unitCell);
    expect(unit.formula).toBeUndefined();
    expect(unit.value).toBe('=HYPERLINK("http://x","Trường")');
    expect(await sim(page, 'sheetNames')).toEqual(['Bảng điểm', '_thidua_set', sheetName, plan.instructionsSheetName, '_thidua']);
    expect((await sim<any>(page, 'sheet', '_thidua')).visibility).toBe('VeryHidden');
    expect(await page.locator('#progress-text').textContent()).toBe(`Đã nhập 0/${set.leaves.length - 1} ô`);
    await shot('02-template.png');

    // Validate as the user types.
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    const cellOf = (id: string) => plan.entries.self[id];
    expect(await sim(page, 'type', sheetName, plan.scores.self.I.address, 99)).toEqual({ ok: false, reason: 'locked' });
    const syncs0 = await page.evaluate(() => (window as any).__sim.syncs);
    await sim(page, 'type', sheetName, cellOf('I.1'), 3);
    await page.waitForFunction(() => document.querySelector('#self-total')?.textContent?.startsWith('3 /'));
    const syncs1 = await page.evaluate(() => (window as any).__sim.syncs);
    expect(syncs1 - syncs0).toBeGreaterThanOrEqual(1);
    expect(syncs1 - syncs0).toBeLessThanOrEqual(3);
    expect(await page.locator('#progress-text').textContent()).toBe(`Đã nhập 1/${set.leaves.length - 1} ô`);

    await sim(page, 'type', sheetName, cellOf('I.2'), 9); // above its max 6 (pasted: Excel's own validation does not stop a paste)
    await sim(page, 'type', sheetName, cellOf('II.2'), 'tám');
    const bad = page.locator(`#problems button[data-cell="${cellOf('I.2')}"][data-code="above_max"]`);
    await bad.waitFor();
    expect(await bad.textContent()).toMatch(new RegExp(`^Ô ${cellOf('I.2')} · I\\.2 · Lỗi.*9`));
    await page.locator(`#problems button[data-cell="${cellOf('II.2')}"][data-code="non_numeric"]`).waitFor();
    await bad.click();
    await page.waitForFunction((c) => (window as any).__sim.selection()?.address === c, cellOf('I.2'));
    expect(await sim(page, 'selection')).toEqual({ sheet: sheetName, address: cellOf('I.2') });
    await shot('03-validate.png');

    // Keyboard: the problem buttons are reachable and activate with Enter.
    await page.locator(`#problems button[data-cell="${cellOf('II.2')}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((c) => (window as any).__sim.selection()?.address === c, cellOf('II.2'));

    // English.
    await page.click('#lang-switch');
    await page.getByRole('tab', { name: 'Validate' }).waitFor();
    expect(await page.locator(`#problems button[data-cell="${cellOf('II.2')}"]`).textContent()).toMatch(/Cell .*not a number/i);
    expect(await page.locator('#progress-text').textContent()).toBe(`1 of ${set.leaves.length - 1} entries filled`); // invalid entries do not count as filled;

    // Fix everything: no problems, the full total.
    await sim(page, 'type', sheetName, cellOf('I.2'), 6);
    await sim(page, 'type', sheetName, cellOf('II.1'), 12.5);
    await sim(page, 'type', sheetName, cellOf('II.2'), '7,5');
    await page.locator('#no-problems').waitFor();
    expect(await page.locator('#self-total').textContent()).toBe('29 / 32');
    await shot('04-english-valid.png');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    expect(external).toEqual([]);
  }, 120_000);

  test('reopening a workbook that holds a template resumes validation (English Office)', async () => {
    const first = await open({ api: 12, displayLanguage: 'en-US', sheets: [simSheet('Bảng điểm')] });
    expect(await first.locator('h1').textContent()).toBe('Emulation scoring');
    await first.click('#import-btn');
    await first.locator('#import-msg.success').waitFor();
    await first.getByRole('tab', { name: 'Template' }).click();
    await first.selectOption('#source', 'imported');
    await first.click('#insert-btn');
    await first.locator('#template-msg.success').waitFor();
    const names = await sim<string[]>(first, 'sheetNames');
    expect(names).toContain('Scoring table');
    // The school fills two scores, saves and closes; later the pane opens on the saved workbook.
    const en = planTemplate(expectedPlan().set, { mode: 'self', lang: 'en' });
    await sim(first, 'type', 'Scoring table', en.entries.self['I.1'], 4);
    await sim(first, 'type', 'Scoring table', en.entries.self['II.1'], 20);
    const saved = await sim<object>(first, 'dump');
    await first.context().close();

    const page = await open({ api: 12, displayLanguage: 'en-US', ...saved });
    await page.waitForFunction(() => document.querySelector('#tab-validate')?.getAttribute('aria-selected') === 'true');
    await page.locator(`#problems button[data-cell="${en.entries.self['II.1']}"][data-code="above_max"]`).waitFor();
    expect(await page.locator('#self-total').textContent()).toBe('4 / 32');
    expect(await page.locator('#progress-text').textContent()).toBe('1 of 4 entries filled');
    // Still watching the sheet: a correction is picked up.
    await sim(page, 'type', 'Scoring table', en.entries.self['II.1'], 12);
    await page.waitForFunction(() => document.querySelector('#self-total')?.textContent === '16 / 32');
    await page.screenshot({ path: path.join(ARTIFACTS, '05-reopened.png'), fullPage: true });
  }, 60_000);

  test('outside Excel the page says it must be opened in Excel', async () => {
    const page = await open({}, 'none');
    await page.locator('#outside').waitFor({ timeout: 15_000 });
    const text = await page.locator('#outside').textContent();
    expect(text).toContain('Hãy mở nó trong Excel');
    expect(text).toContain('Open it in Excel');
    await page.screenshot({ path: path.join(ARTIFACTS, '06-outside-excel.png') });
  }, 30_000);

  test('an Excel without ExcelApi 1.8 gets a clear bilingual message', async () => {
    const page = await open({ api: 7, displayLanguage: 'vi-VN', sheets: [simSheet('Sheet1')] });
    await page.locator('#outside').waitFor();
    const text = await page.locator('#outside').textContent();
    expect(text).toContain('có ExcelApi 1.7, cần 1.8');
    expect(text).toContain('has ExcelApi 1.7, needs 1.8');
  }, 30_000);
});
