/**
 * LibreOffice as the independent check of workbook formulas: find it, skip loudly without it (but fail
 * under CI), and recalculate files headless with a private profile that forces recalculation on load.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { classifyTotals, locateOutline } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';

export const SOFFICE: string | null = (() => {
  // Looked for once per test run by jest's global setup (test/helpers/global-setup.js); '' = not found.
  const found = process.env.THIDUA_TEST_SOFFICE;
  if (found !== undefined) return found || null;
  for (const bin of ['soffice', 'libreoffice']) if (spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0) return bin;
  return null;
})();

/**
 * True when LibreOffice is there. Otherwise registers, in the calling test file, a skipped test with a
 * loud message on a laptop, or a failing one under CI, and returns false.
 */
export function haveLibreOffice(what: string): boolean {
  if (SOFFICE) return true;
  const msg = `LibreOffice (soffice) is not installed: ${what} is SKIPPED. Install it with: apt-get install -y libreoffice-calc-nogui`;
  if (process.env.CI) test(`LibreOffice is available under CI (${what})`, () => expect(msg).toBe('soffice installed'));
  else {
    process.stderr.write(`\n*** ${msg} ***\n\n`);
    test.skip(msg, () => undefined);
  }
  return false;
}

const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Open every file in one LibreOffice start, recalculate all formulas, save as xlsx into outDir. */
export function recalculate(files: string[], outDir: string, timeoutMs = 240_000): void {
  const profile = mkdtempSync(path.join(tmpdir(), 'thidua-lo-profile-'));
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ON_LOAD);
  mkdirSync(outDir, { recursive: true });
  const r = spawnSync(
    SOFFICE!,
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: timeoutMs },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

/**
 * The grand-total row of a familiar-layout workbook (found as the familiar reader finds it), read with
 * exceljs from the file LibreOffice recalculated: the workbook's own answer, independent of the engine.
 */
export async function familiarWorkbookTotals(file: string): Promise<{ self: number | null; inspected: number | null }> {
  const bytes = readFileSync(file);
  const { opened } = await openWorkbook(bytes, file);
  const { outline } = locateOutline(opened!.grids);
  const row = [...classifyTotals(outline!).entries()].find(([, k]) => k === 'total')![0];
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(outline!.grid.sheet)!;
  const value = (col: number | undefined) => {
    if (!col) return null;
    const v = sheet.getCell(row, col).value as unknown;
    const n = v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v;
    return typeof n === 'number' ? Math.round(n * 1000) / 1000 : null;
  };
  return { self: value(outline!.table.columns.self), inspected: value(outline!.table.columns.inspected) };
}

/** Print a workbook or document to PDF with LibreOffice (its own print setup: areas, scale, titles). */
export function toPdf(file: string, outDir: string, timeoutMs = 240_000): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'thidua-lo-profile-'));
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
}
