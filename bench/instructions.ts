/**
 * `npm run bench -- instructions`: the instructions a file of the rank bench's corpus costs the reader
 * and scorer, counted by valgrind (cachegrind, no cache simulation) under `node --single-threaded`, so
 * that V8 tiers up at the same points every run. Wall time on a shared 2-core VM moves by ±20% within
 * minutes and cannot show a change of a few percent; this count repeats to about 0.2% at the same load.
 * Under a heavy load beside it (the test suite running) the same build counted 14.1 M a file instead
 * of 12.2 M: V8 paces some of its garbage collection by the clock. Run it on a quiet machine, and with
 * BENCH_BASE so that both builds are counted under the same conditions. It counts the main thread's
 * work only (with --single-threaded, compiling and collecting garbage are on it): read it beside the
 * end-to-end figures of `npm run bench -- rank`, never instead of them. A cut here need not show there:
 * in round 14, 20% fewer instructions a file moved the 1,000-file command by a few percent only.
 *
 * A file's cost is the difference between 300 and 100 files, over 200 (start-up and the first files'
 * warm-up cancel out). BENCH_BASE=<another checkout, lib/ built> counts that checkout too, in the same
 * run, with the ratio.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { buildCli, corpus } from './rank';

const ROOT = path.resolve(__dirname, '..');
const RUN = path.join(__dirname, 'instructions-run.js');
const SIZES = [100, 300] as const;

function instructions(root: string, dir: string, n: number): number {
  const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', RUN, root, dir, String(n)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`valgrind on ${root} (${n} files) failed: ${(r.stderr ?? '').slice(-400)}`);
  return Number(m[1].replace(/,/g, ''));
}

export async function benchInstructions(): Promise<string[]> {
  if (spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status !== 0) return ['  valgrind not found: not measured (Debian: apt-get install valgrind)'];
  buildCli();
  const files = await corpus(SIZES[1], 40);
  const dir = path.dirname(files[0]);
  const roots = [ROOT, ...(process.env.BENCH_BASE ? [path.resolve(process.env.BENCH_BASE)] : [])];
  const lines = [`corpus: the rank bench's (${dir}), first ${SIZES.join(' and ')} files; node --single-threaded under valgrind --tool=cachegrind`];
  const perFile: number[] = [];
  for (const root of roots) {
    const [a, b] = SIZES.map((n) => instructions(root, dir, n));
    const each = (b - a) / (SIZES[1] - SIZES[0]);
    perFile.push(each);
    lines.push(`  ${root === ROOT ? 'this checkout' : root}: ${(a / 1e9).toFixed(2)} G at ${SIZES[0]} files, ${(b / 1e9).toFixed(2)} G at ${SIZES[1]}: ${(each / 1e6).toFixed(2)} M instructions a file`);
  }
  if (perFile.length === 2) lines.push(`  this checkout / BENCH_BASE: ${(perFile[0] / perFile[1]).toFixed(3)} a file`);
  return lines;
}
