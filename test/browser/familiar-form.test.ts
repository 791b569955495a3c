/**
 * The add-in's column form for a familiar table, in the built task pane in headless Chromium against the
 * simulated Excel (test/browser/sim): import the active sheet, whose inspection column is headed in a
 * way the importer does not know ("Điểm ĐKT") and which has a hidden stale row and a hidden last-year
 * max column; see the guessed columns in the form (the hidden column not offered), the error saying the
 * inspection column was not found, and the hidden lines skipped; choose the inspection column in the
 * form and re-import; the export then carries that column as given, the error is gone and the hidden
 * lines are still skipped.
 */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import type { Server } from 'http';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { buildPane, OUT, ROOT, serve, SIM_OUT } from './build';
import { browserDescribe, launchChromium } from './chromium';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const describeBrowser = browserDescribe();

type C = string | number | null | { value: string | number; bold: true };
const B = (value: string | number): C => ({ value, bold: true });
/** Row 7 (a criterion dropped this year) and column F (last year's maxima) are hidden. */
const ROWS: C[][] = [
  ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025'],
  [],
  ['TT', 'Nội dung tiêu chí', 'Điểm chuẩn', 'Tự chấm', 'Điểm ĐKT', 'Điểm chuẩn năm 2023'],
  [B('I'), B('CÔNG TÁC CHỈ ĐẠO'), B(10), null, null, 12],
  ['1', 'Xây dựng kế hoạch thi đua', 4, 4, 3.5, 5],
  ['2', 'Phát động phong trào', 6, 5, 5, 7],
  ['3', 'Tiêu chí năm trước đã bỏ', 2, null, null, 2],
  [B('II'), B('ĐÀO TẠO, BỒI DƯỠNG'), B(20), null, null, 20],
  ['1', 'Hoàn thành kế hoạch đào tạo', 12, 11, 10, 12],
  ['2', 'Chất lượng giảng dạy', 8, 7, 6.5, 8],
  [null, B('TỔNG CỘNG'), 30, null, null, null],
];

function simSheet(name: string) {
  const cells: Array<[string, { value: string | number }]> = [];
  const bold: string[] = [];
  ROWS.forEach((row, r) =>
    row.forEach((c, i) => {
      if (c === null || c === undefined) return;
      const a = `${String.fromCharCode(65 + i)}${r + 1}`;
      cells.push([a, { value: typeof c === 'object' ? c.value : c }]);
      if (typeof c === 'object') bold.push(a);
    }),
  );
  return { name, cells, bold, hiddenRows: [7], hiddenCols: [6] };
}

describeBrowser('the familiar column form in the task pane (headless Chromium, simulated Excel)', () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildPane();
    ({ server, url: base } = await serve(OUT));
    browser = await launchChromium();
  }, 900_000); // may wait for another suite's build of the pane (test/browser/build.ts)

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(config: object): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 1000 }, acceptDownloads: true, locale: 'vi-VN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    (page as unknown as { errors: string[] }).errors = errors;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (/^https:\/\/appsforoffice\.microsoft\.com\//.test(url))
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(path.join(SIM_OUT, 'office-sim.js'), 'utf8') });
      return route.abort('blockedbyclient');
    });
    await page.addInitScript((c) => ((window as unknown as { __simConfig: object }).__simConfig = c), config);
    await page.goto(`${base}/taskpane.html`);
    return page;
  }

  const problems = (page: Page) => page.locator('#panel-import .problems li').allTextContents();
  const options = (page: Page, role: string) => page.locator(`#column-${role} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const value = (page: Page, role: string) => page.locator(`#column-${role}`).inputValue();
  const how = async (page: Page, role: string) => {
    const cell = page.locator(`#column-form tr:has(#column-${role}) td.how`);
    return [await cell.getAttribute('data-how'), await cell.textContent()];
  };

  test('guessed columns shown, one changed, the import uses the change; hidden lines skipped both times', async () => {
    const page = await open({ api: 12, displayLanguage: 'vi-VN', sheets: [simSheet('Bảng điểm')] });
    await page.getByRole('tab', { name: 'Nhập tiêu chí' }).waitFor();
    await page.click('#import-btn');
    await page.locator('#import-msg.success').waitFor();

    // What the importer said: the inspection column not found (an error, no fallback to the self score),
    // the hidden row and the hidden column skipped, at their cells.
    const first = (await problems(page)).join('\n');
    expect(first).toMatch(/Không nhận ra cột điểm Cụm chấm.*cột E \("Điểm ĐKT"\)/);
    expect(first).toMatch(/Ô B7 · Cảnh báoBỏ qua hàng ẩn 7 \("3 Tiêu chí năm trước đã bỏ"\)/);
    expect(first).toMatch(/Bỏ qua cột ẩn F \("Điểm chuẩn năm 2023"\)/);
    // The stale hidden criterion is not in the tree.
    expect(await page.locator('#criteria-tree').textContent()).not.toContain('Tiêu chí năm trước đã bỏ');

    // The form lists the columns used, each changeable; the hidden column is not offered.
    await page.click('#column-form > summary');
    expect({ number: await value(page, 'number'), text: await value(page, 'text'), max: await value(page, 'max'), self: await value(page, 'self'), inspected: await value(page, 'inspected') }).toEqual({
      number: 'A',
      text: 'B',
      max: 'C',
      self: 'D',
      inspected: '',
    });
    expect(await how(page, 'self')).toEqual(['label', 'theo tiêu đề']);
    expect(await page.locator('#column-form tr:has(#column-inspected) th').textContent()).toBe('Cụm chấm');
    expect(await options(page, 'inspected')).toEqual(['', 'A', 'B', 'C', 'D', 'E']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'familiar-form-01-guessed.png'), fullPage: true });

    // Change one: the inspection column is E. Re-import with it.
    await page.selectOption('#column-inspected', 'E');
    await page.click('#columns-apply');
    await page.waitForFunction(() => !document.querySelector('#panel-import .problems')?.textContent?.includes('Không nhận ra cột điểm Cụm chấm'));
    await page.locator('#import-msg.success').waitFor();
    await page.click('#column-form > summary');
    expect(await value(page, 'inspected')).toBe('E');
    expect(await how(page, 'inspected')).toEqual(['given', 'đã chỉ định']);
    const second = (await problems(page)).join('\n');
    expect(second).not.toMatch(/Không nhận ra cột điểm Cụm chấm/);
    expect(second).toMatch(/Bỏ qua hàng ẩn 7/);
    expect(second).toMatch(/Bỏ qua cột ẩn F/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'familiar-form-02-applied.png'), fullPage: true });

    // The criteria set the pane exports was read with that column, given, and saves it for filled copies.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-btn')]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.familiarLayout).toMatchObject({ sheet: 'Bảng điểm', headerRow: 3, columns: { number: 'A', text: 'B', max: 'C', self: 'D', inspected: 'E' } });
    expect(exported.familiarLayout.found.inspected).toBe('given');
    expect(exported.familiarLayout.warnings.map((w: { code: string; cell: string }) => [w.code, w.cell])).toEqual(
      expect.arrayContaining([['familiar_hidden_column_skipped', 'F3'], ['familiar_hidden_row_skipped', 'B7']]),
    );
    // Maxima from this year's column C, not the hidden F; the hidden row left out.
    expect(exported.sections.map((s: { id: string; max: number; children: Array<{ id: string; max: number }> }) => [s.id, s.max, s.children.map((c) => [c.id, c.max])])).toEqual([
      ['I', 10, [['I.1', 4], ['I.2', 6]]],
      ['II', 20, [['II.1', 12], ['II.2', 8]]],
    ]);

    // In English, the form speaks English too (role names, how each column was found).
    await page.click('#lang-switch');
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.click('#column-form > summary');
    expect(await page.locator('#column-form tr:has(#column-inspected) th').textContent()).toBe('inspection score');
    expect(await how(page, 'inspected')).toEqual(['given', 'given']);
    expect(await page.locator('#column-form summary').textContent()).toBe('Columns used (change any that is wrong)');
    expect(await page.locator('#columns-apply').textContent()).toBe('Re-import with these columns');
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  }, 120_000);
});
