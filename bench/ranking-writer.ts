/**
 * The ranking workbook writer alone (issue 16 point 3), in a fresh process as `thidua rank -o` runs it:
 * the engine already loaded, then the writer's module load and one write of the four sheets and the
 * charts, for a ranking of n units of a generated set with a few discrepancies each (built in that
 * process from lib/, no workbook read). Prints the load, the write, the total and the RSS growth.
 * WRITER_LIB=<another checkout>/lib times another build of the writer (e.g. the exceljs one, before).
 */
import { spawnSync } from 'child_process';
import { rmSync, writeFileSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import * as path from 'path';
import { loadCriteriaDef } from '../engine/core';
import { fullEntries, generateSet } from './generate-set';

const ROOT = path.resolve(__dirname, '..');

const CHILD = `
const path = require('path');
const { readFileSync } = require('fs');
const lib = process.argv[1];
const core = require(path.join(lib, 'core', 'index.js'));
const { def, units } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const set = core.loadCriteriaDef(def).set;
const r = core.buildRanking(units.map((u, i) => {
  const evaluation = core.evaluate(set, { unit: u.unit, file: u.file, self: u.self, inspected: u.inspected, remarks: u.remarks });
  return { file: u.file, unit: u.unit, year: 2024, layout: 'generated', set, criteriaSet: { id: set.id, hash: set.hash }, evaluation, remarks: u.remarks, problems: evaluation.problems, sha256: 'ab'.repeat(32) };
}));
const rss0 = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const t0 = performance.now();
// The command line's writer (Node's zlib), where the build has one; else the workbook writer itself.
const cliWriter = path.join(lib, 'cli', 'ranking-workbook.js');
const w = require(require('fs').existsSync(cliWriter) ? cliWriter : path.join(lib, 'workbook', 'ranking-workbook.js'));
const t1 = performance.now();
w.writeRankingWorkbook(r, { generatedAt: new Date(2024, 11, 20) }).then((bytes) => {
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  console.log(JSON.stringify({ load: t1 - t0, write: t2 - t1, cpu: (c.user + c.system) / 1000, kib: bytes.length / 1024, rss: (process.memoryUsage().rss - rss0) / 1048576 }));
});
`;

/** One line: the writer's cost for n units (median of `runs` fresh processes), with the load. */
export function benchRankingWriter(n: number, runs = 3, leaves = 40): string {
  const def = generateSet(leaves);
  const set = loadCriteriaDef(def).set!;
  const units = Array.from({ length: n }, (_, i) => {
    const self = fullEntries(set, i + 1);
    const inspected = { ...self };
    const remarks: Record<string, string> = {};
    // Two or three criteria scored lower by the inspectors, with a remark.
    const keys = Object.keys(self).filter((k) => typeof self[k] === 'number' && (self[k] as number) >= 0.5);
    for (let k = 0; k < 2 + (i % 2) && k < keys.length; k++) {
      const key = keys[(i * 7 + k * 13) % keys.length];
      inspected[key] = (self[key] as number) - 0.5;
      remarks[key] = `Thiếu minh chứng (${key})`;
    }
    return { unit: `Trường Chính trị tỉnh số ${i + 1}`, file: `${String(i + 1).padStart(4, '0')}.xlsx`, self, inspected, remarks };
  });
  const input = path.join(tmpdir(), `thidua-bench-writer-${process.pid}.json`);
  writeFileSync(input, JSON.stringify({ def, units }));
  let results;
  try {
    results = Array.from({ length: runs }, () => {
      const p = spawnSync(process.execPath, [...(process.env.WRITER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.WRITER_PROF] : []), '-e', CHILD, process.env.WRITER_LIB ?? path.join(ROOT, 'lib'), input], { encoding: 'utf8' });
      if (p.status !== 0) throw new Error(`ranking writer bench failed: ${p.stderr}`);
      return JSON.parse(p.stdout) as { load: number; write: number; cpu: number; kib: number; rss: number };
    }).sort((a, b) => a.load + a.write - (b.load + b.write));
  } finally {
    rmSync(input, { force: true });
  }
  const m = results[Math.floor(runs / 2)];
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  return `  ranking workbook (${n} units, in process)  ${(m.load + m.write).toFixed(0)} ms: module load ${m.load.toFixed(0)} ms + write ${m.write.toFixed(0)} ms (CPU ${m.cpu.toFixed(0)} ms), ${m.kib.toFixed(0)} KiB, RSS +${m.rss.toFixed(0)} MiB (median of ${runs})  (load ${load})`;
}

if (require.main === module) for (const n of [60, 1000]) console.log(benchRankingWriter(n));
