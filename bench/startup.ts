/**
 * Start-up of the compiled command line, as a user meets it: a new process each time, measured against
 * `node -e 0` in the same run (interleaved, so load changes hit all three alike). Goals: `thidua --help`
 * at most 3x, `thidua check <template>` at most 5x.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ms } from './stats';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin/thidua.js');

function once(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return performance.now() - t;
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchStartup(rounds = 15): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('../test/helpers/build-cli.js') as () => void)(); // lib/ up to date with engine/
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bench-start-'));
  try {
    const template = path.join(dir, 'mau.xlsx');
    const made = spawnSync(process.execPath, [BIN, 'template', path.join(ROOT, 'templates/cum-thi-dua-2024.criteria.yaml'), '-o', template], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`template failed: ${made.stderr}`);
    const runs = { node: [] as number[], help: [] as number[], check: [] as number[] };
    once(['-e', '0']); // warm the file cache
    for (let i = 0; i < rounds; i++) {
      runs.node.push(once(['-e', '0']));
      runs.help.push(once([BIN, '--help']));
      runs.check.push(once([BIN, 'check', template]));
    }
    const base = med(runs.node);
    const line = (label: string, xs: number[], goal: number) => {
      const ratio = med(xs) / base;
      return `${label.padEnd(40)} ${ms(med(xs)).padStart(10)}  ${ratio.toFixed(2)}x node -e 0 (goal ≤ ${goal}x: ${ratio <= goal ? 'met' : 'NOT met'})`;
    };
    return [
      `medians of ${rounds} interleaved runs, each a new process`,
      `${'node -e 0'.padEnd(40)} ${ms(base).padStart(10)}`,
      line('thidua --help', runs.help, 3),
      line('thidua check <template of 22 criteria>', runs.check, 5),
      `load after the runs: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (a loaded machine widens the ratios)`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
