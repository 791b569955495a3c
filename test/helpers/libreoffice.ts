/**
 * LibreOffice as the independent check of workbook formulas: find it, skip loudly without it (but fail
 * under CI), and recalculate files headless with a private profile that forces recalculation on load.
 */
import { spawn, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
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

/**
 * True when LibreOffice Writer is there too (documents to PDF): its library beside soffice's own
 * program. Otherwise a loud skip on a laptop, a failure under CI, as haveLibreOffice.
 */
export function haveLibreOfficeWriter(what: string): boolean {
  if (!haveLibreOffice(what)) return false;
  let program = '';
  try {
    const bin = spawnSync('sh', ['-c', `readlink -f "$(command -v ${SOFFICE})"`], { encoding: 'utf8' }).stdout.trim();
    program = path.dirname(bin);
  } catch {
    /* not found: said below */
  }
  if (program && ['libswlo.so', 'libswlo.dylib', 'swlo.dll'].some((f) => existsSync(path.join(program, f)))) return true;
  const msg = `LibreOffice Writer is not installed: ${what} is SKIPPED. Install it with: apt-get install -y libreoffice-writer-nogui`;
  if (process.env.CI) test(`LibreOffice Writer is available under CI (${what})`, () => expect(msg).toBe('Writer installed'));
  else {
    process.stderr.write(`\n*** ${msg} ***\n\n`);
    test.skip(msg, () => undefined);
  }
  return false;
}

const RECALC_ON_LOAD = `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
`;

/** "7.4" from "LibreOffice 7.4.7.2 40(Build:2)": the version a profile records after its first start. */
let version: string | null | undefined = process.env.THIDUA_TEST_SOFFICE_VERSION;
function sofficeVersion(): string | null {
  if (version === undefined) {
    const out = SOFFICE ? spawnSync(SOFFICE, ['--version'], { encoding: 'utf8', timeout: 60_000 }).stdout : '';
    version = /(\d+)\.(\d+)/.exec(out ?? '')?.slice(1).join('.') ?? null;
  }
  return version || null;
}

/**
 * A private LibreOffice profile (a folder to pass as -env:UserInstallation; the caller's to remove).
 * It records the running version as the last one started: a profile that does not (a fresh one) makes
 * every start run LibreOffice's graphics self-tests first (GraphicsRenderTests, several CPU-seconds of
 * drawing into memory, nothing to do with documents). With recalcOnLoad, every formula of a workbook
 * opened is recalculated, whatever its cached values say.
 */
export function privateProfile(opts: { recalcOnLoad: boolean }): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'thidua-lo-profile-'));
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  const v = sofficeVersion();
  const items = [
    ...(v ? [`<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>${v}</value></prop></item>\n`] : []),
    ...(opts.recalcOnLoad ? [RECALC_ON_LOAD] : []),
  ];
  writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${items.join('')}</oor:items>
`,
  );
  return profile;
}

/**
 * LibreOffice reads at most 256 command-line arguments and silently drops the rest (7.4: 264 files
 * given, 245 converted, exit status 0): a start takes at most this many files.
 */
const FILES_PER_START = 200;

/** soffice's arguments: convert the files to xlsx into outDir, recalculating on load, with the given profile. */
const convertArgs = (profile: string, outDir: string, files: string[]) => [
  `-env:UserInstallation=${pathToFileURL(profile).href}`,
  '--headless',
  '--norestore',
  '--calc',
  '--convert-to',
  'xlsx',
  '--outdir',
  outDir,
  ...files,
];

/** The files dealt round into `starts` groups, or as many more as the argument limit needs. */
function groups(files: string[], starts: number): string[][] {
  const n = Math.min(files.length, Math.max(starts, Math.ceil(files.length / FILES_PER_START)));
  const out: string[][] = Array.from({ length: n }, () => []);
  files.forEach((f, i) => out[i % n].push(f));
  return out;
}

function checkWritten(files: string[], outDir: string): void {
  const missing = files.filter((f) => !existsSync(path.join(outDir, `${path.basename(f, path.extname(f))}.xlsx`)));
  if (missing.length) throw new Error(`LibreOffice wrote no recalculated copy of ${missing.length} file(s): ${missing.slice(0, 5).join(', ')}`);
}

/**
 * Open every file, recalculate all formulas, save as xlsx into outDir: in one LibreOffice start, or in
 * as few as its argument limit allows. Throws when a file was not written.
 */
export function recalculate(files: string[], outDir: string, timeoutMs = 240_000): void {
  mkdirSync(outDir, { recursive: true });
  for (const group of groups(files, 1)) {
    const profile = privateProfile({ recalcOnLoad: true });
    const r = spawnSync(SOFFICE!, convertArgs(profile, outDir, group), { encoding: 'utf8', timeout: timeoutMs });
    rmSync(profile, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  }
  checkWritten(files, outDir);
}

/**
 * recalculate() in `starts` LibreOffice instances at once, each with its own profile (a start is
 * single-threaded: two of them use both cores while the test waits). Rejects when one fails or a file was
 * not written.
 */
export async function recalculateInParallel(files: string[], outDir: string, starts = 2, timeoutMs = 240_000): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const one = (group: string[]) =>
    new Promise<void>((resolve, reject) => {
      const profile = privateProfile({ recalcOnLoad: true });
      const child = spawn(SOFFICE!, convertArgs(profile, outDir, group), { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        rmSync(profile, { recursive: true, force: true });
        if (code === 0) resolve();
        else reject(new Error(`soffice failed (${signal ?? code}): ${stderr}`));
      });
    });
  await Promise.all(groups(files, starts).map(one));
  checkWritten(files, outDir);
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
  const profile = privateProfile({ recalcOnLoad: false });
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
}
