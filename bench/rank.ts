/**
 * `npm run bench -- rank`: end-to-end `thidua rank` on 1,000 generated inspection workbooks of a
 * ~40-criterion set, in process and streaming (the same rankFiles the CLI runs), against a lower bound
 * measured in the same run on the same files: unzip with fflate and parse the sheet XML (saxes, the
 * parser exceljs itself uses) with no scoring. Memory: peak RSS sampled during each run, and the heap
 * kept after a full GC at 250 and at 1,000 files, to show it does not grow with the number of files.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { loadCriteriaDef } from '../engine/core';
import { planTemplate } from '../engine/core/template/plan';
import { rankFiles } from '../engine/cli/commands/rank';
import { renderTemplate } from '../engine/workbook/template/write';
import { fullEntries, generateSet } from './generate-set';

const MB = 1024 * 1024;
const mb = (x: number) => `${(x / MB).toFixed(0)} MB`;

function gcFunction(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** Peak RSS while `fn` runs: sampled by a timer and by the caller's progress callback. */
async function withPeakRss<T>(fn: (sample: () => void) => Promise<T>): Promise<{ value: T; peak: number; ms: number }> {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  };
  const timer = setInterval(sample, 10);
  const t0 = performance.now();
  try {
    const value = await fn(sample);
    const ms = performance.now() - t0;
    sample();
    return { value, peak, ms };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Generate `n` filled inspection workbooks (distinct units) into `dir`, like a real cluster's: the
 * inspection column repeats the school's self score except for a few criteria (2 to 4 a school) that
 * the inspectors scored lower, with a remark there.
 */
export async function generateWorkbooks(dir: string, n: number, leaves = 40): Promise<string[]> {
  const def = generateSet(leaves, { id: `bench-${leaves}` });
  def.evidence = true;
  const set = loadCriteriaDef(def).set!;
  // One rendered inspection workbook, refilled for every unit (unit name, both columns, remarks): the
  // same bytes a school's workbook would have, without re-rendering the styles n times.
  const evidence: Record<string, string> = {};
  for (const l of set.leaves) if (l.evidence) evidence[l.id] = `Hồ sơ ${l.id}`;
  const plan = planTemplate(set, { mode: 'inspection', unit: 'x', year: 2024, prefill: { unit: 'x', self: fullEntries(set, 7), evidence }, generatedAt: '2024-12-01T00:00:00Z' });
  const wb = await renderTemplate(plan);
  const ws = wb.getWorksheet(plan.sheetName)!;
  // Plain scored criteria (a number entry keyed by the criterion): where inspectors move points.
  const movable = set.entries.filter((e) => e.key === e.criterion && e.type !== 'flag' && !e.indicator && e.max !== undefined && e.max > 0)
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    ws.getCell(plan.unitCell).value = `Trường Chính trị số ${String(i + 1).padStart(4, '0')}`;
    const self = fullEntries(set, 7 + i);
    const inspected = { ...self };
    const moved = new Set<string>();
    for (let k = 0; k < 2 + (i % 3); k++) {
      const e = movable[(i * 7 + k * 13) % movable.length];
      const v = Number(self[e.key]);
      const step = e.step ?? 0.25;
      inspected[e.key] = v >= step ? v - step : Math.min(e.max!, v + step);
      moved.add(e.criterion!);
    }
    for (const [col, values] of [['self', self], ['inspected', inspected]] as const)
      for (const [k, v] of Object.entries(values)) if (plan.entries[col][k]) ws.getCell(plan.entries[col][k]).value = v === '' ? null : v;
    for (const l of set.leaves) if (plan.remarks[l.id]) ws.getCell(plan.remarks[l.id]).value = moved.has(l.id) ? 'Đoàn kiểm tra chấm lại: thiếu minh chứng' : null;
    const f = path.join(dir, `${String(i + 1).padStart(4, '0')}.xlsx`);
    writeFileSync(f, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    files.push(f);
  }
  return files;
}

/** The raw cost: read, unzip, parse every worksheet and the shared strings, nothing else. */
function lowerBound(files: string[]): number {
  let cells = 0;
  for (const f of files) {
    const zip = unzipSync(readFileSync(f), { filter: (e) => e.name.startsWith('xl/worksheets/') || e.name === 'xl/sharedStrings.xml' || e.name === 'xl/workbook.xml' });
    for (const [name, data] of Object.entries(zip)) {
      if (!name.endsWith('.xml')) continue;
      const p = new SaxesParser();
      p.on('opentag', (t) => {
        if (t.name === 'c') cells++;
      });
      p.write(strFromU8(data)).close();
    }
  }
  return cells;
}

export async function benchRank(opts: { files?: number; leaves?: number } = {}): Promise<string[]> {
  const n = opts.files ?? 1000;
  const small = Math.min(250, n);
  const lines: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-rank-'));
  const gc = gcFunction();
  try {
    mkdirSync(dir, { recursive: true });
    const g0 = performance.now();
    const files = await generateWorkbooks(dir, n, opts.leaves ?? 40);
    const genMs = performance.now() - g0;
    const bytes = files.reduce((s, f) => s + readFileSync(f).length, 0);
    lines.push(`${n} inspection workbooks, ${opts.leaves ?? 40} criteria each (${(bytes / n / 1024).toFixed(1)} KiB avg), generated in ${(genMs / 1000).toFixed(1)} s`);

    // Lower bound first (it also warms the file cache for everyone).
    lowerBound(files.slice(0, 20));
    const lb0 = performance.now();
    const cells = lowerBound(files);
    const lbMs = performance.now() - lb0;

    gc?.();
    const base = process.memoryUsage();
    // Warm-up on a few files (module loading, JIT), not timed.
    await rankFiles(files.slice(0, 10));
    gc?.();

    const runSmall = await withPeakRss((sample) => rankFiles(files.slice(0, small), { onProgress: sample }));
    gc?.();
    const heapSmall = process.memoryUsage().heapUsed;
    // The big run also takes a full GC at 250 and at n files (two GCs: negligible next to the run) to
    // read the heap the ranking keeps.
    const kept: Record<number, number> = {};
    const runBig = await withPeakRss((sample) =>
      rankFiles(files, {
        onProgress: (done) => {
          sample();
          if (gc && (done === small || done === n)) {
            gc();
            kept[done] = process.memoryUsage().heapUsed;
          }
        },
      }),
    );
    gc?.();
    const heapBig = process.memoryUsage().heapUsed;
    const big = runBig.value;
    const ok = big.ranked === n && big.refused === 0;
    lines.push(
      `  rank end to end     ${(runBig.ms / 1000).toFixed(2)} s for ${n} files (${(runBig.ms / n).toFixed(1)} ms/file), ${big.ranked} ranked, ${big.refused} refused${ok ? '' : '  << UNEXPECTED'}`,
      `  lower bound         ${(lbMs / 1000).toFixed(2)} s (fflate unzip + saxes parse of the sheets, ${cells} cells, no scoring)`,
      `  ratio               ${(runBig.ms / lbMs).toFixed(1)}x the lower bound`,
      `  ${small} files          ${(runSmall.ms / 1000).toFixed(2)} s (${(runSmall.ms / small).toFixed(1)} ms/file)`,
      `  peak RSS            ${mb(runSmall.peak)} during ${small} files, ${mb(runBig.peak)} during ${n} files (process before: ${mb(base.rss)})`,
      gc
        ? `  heap after GC       ${mb(heapSmall)} after the ${small}-file ranking, ${mb(heapBig)} after the ${n}-file ranking; mid-run ${mb(kept[small] ?? 0)} at ${small} files vs ${mb(kept[n] ?? 0)} at ${n} (${(((kept[n] ?? 0) - (kept[small] ?? 0)) / Math.max(1, n - small) / 1024).toFixed(1)} KiB kept per extra file: the ranking's own data)`
        : '  heap after GC       (gc not available)',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 1000);
  benchRank({ files: n }).then((l) => console.log(l.join('\n')));
}
