/**
 * The ranking's worker pool: results come back in input order and equal the in-thread ones, a damaged
 * file among good ones is refused alone, a single file works, and Ctrl-C during `thidua rank` ends the
 * command with no output file (and no temporary file) left behind.
 */
import { spawn } from 'child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { RankSource } from '../../engine/core';
import { poolSize, scoreInOrder } from '../../engine/cli/rank-pool';
import { BIN } from '../helpers/cli';
import { compile, tinyDef } from './helpers';
import { filledInspection } from './workbooks';

jest.setTimeout(240_000);

let tmp: string;
const files: string[] = [];
const N = 9;
const DAMAGED = 4;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'thidua-pool-'));
  const set = compile(tinyDef());
  for (let i = 0; i < N; i++) {
    const f = path.join(tmp, `${String(i).padStart(2, '0')}.xlsx`);
    if (i === DAMAGED) {
      // A zip cut in half: the reader must refuse it, the pool must go on.
      const good = await filledInspection(set, { unit: 'cut', year: 2024, self: { 'A.1': 5 }, inspected: {} });
      writeFileSync(f, good.subarray(0, Math.floor(good.length / 2)));
    } else {
      const bytes = await filledInspection(set, {
        unit: `Trường số ${i}`,
        year: 2024,
        self: { 'A.1': i % 10, 'A.2': 5, 'B.1': 6, 'C.1': 7, 'X.1': 0, 'D.1': 0, 'D.2': 0 },
        inspected: { 'A.1': (i + 1) % 10, 'A.2': 5, 'B.1': 6, 'C.1': 7, 'X.1': 0, 'D.1': 0, 'D.2': 0 },
      });
      writeFileSync(f, bytes);
    }
    files.push(f);
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(list: string[], workers: number): Promise<Array<{ index: number; src: RankSource }>> {
  const out: Array<{ index: number; src: RankSource }> = [];
  await scoreInOrder(list, { workers }, (src, index) => out.push({ index, src }));
  return out;
}

const summary = (s: RankSource) => ({
  file: s.file,
  unit: s.unit,
  set: s.set?.hash ?? null,
  criteriaSet: s.criteriaSet,
  final: s.evaluation?.final ?? null,
  self: s.evaluation?.self?.total ?? null,
  inspected: s.evaluation?.inspected?.total ?? null,
  codes: s.problems.map((p) => p.code).sort(),
  sha256: s.sha256,
});

describe('rank pool', () => {
  test('two workers: every file once, in input order, equal to scoring in this thread; the damaged file alone refused', async () => {
    const pooled = await collect(files, 2);
    const local = await collect(files, 0);
    expect(pooled.map((r) => r.index)).toEqual(files.map((_, i) => i));
    expect(pooled.map((r) => r.src.file)).toEqual(files);
    expect(pooled.map((r) => summary(r.src))).toEqual(local.map((r) => summary(r.src)));
    const damaged = pooled[DAMAGED].src;
    expect(damaged.evaluation).toBeNull();
    expect(damaged.problems.map((p) => p.code)).toEqual(['not_xlsx']);
    expect(damaged.problems[0].file).toBe(files[DAMAGED]);
    for (const [i, r] of pooled.entries()) {
      if (i === DAMAGED) continue;
      expect(r.src.unit).toBe(`Trường số ${i}`);
      // The set crosses back from the worker as the main thread's compiled set.
      expect(r.src.set?.hash).toBe(r.src.criteriaSet?.hash);
      expect(r.src.evaluation?.inspected?.total).toBe(((i + 1) % 10) + 18);
    }
    // One compiled set object for every file, whichever thread scored it.
    expect(new Set(pooled.filter((r) => r.src.set).map((r) => r.src.set)).size).toBe(1);
  });

  test('a missing file among good ones is refused with its name, the rest are scored', async () => {
    const list = [files[0], path.join(tmp, 'gone.xlsx'), files[1]];
    const pooled = await collect(list, 1);
    expect(pooled.map((r) => r.src.file)).toEqual(list);
    expect(pooled[1].src.problems.map((p) => p.code)).toEqual(['file_unreadable']);
    expect(pooled[0].src.unit).toBe('Trường số 0');
    expect(pooled[2].src.unit).toBe('Trường số 1');
  });

  test('a single file, with and without workers', async () => {
    const one = await collect([files[3]], 2);
    expect(one.map((r) => r.index)).toEqual([0]);
    expect(one[0].src.unit).toBe('Trường số 3');
    expect(summary(one[0].src)).toEqual(summary((await collect([files[3]], 0))[0].src));
  });

  test('few files stay in this thread; many use the other cores; THIDUA_WORKERS decides when set', () => {
    expect(poolSize(1, undefined)).toBe(0);
    expect(poolSize(10, undefined)).toBe(0);
    expect(poolSize(1000, undefined)).toBe(Math.min(4, require('os').availableParallelism() - 1));
    expect(poolSize(1000, '0')).toBe(0);
    expect(poolSize(5, '3')).toBe(3);
    expect(poolSize(2, '3')).toBe(2);
  });
});

describe('Ctrl-C during thidua rank', () => {
  test('SIGINT while scoring: exit 130, no ranking workbook, no temporary file', async () => {
    const COUNT = 2000;
    const dir = path.join(tmp, 'many');
    mkdirSync(dir);
    const good = files.filter((_, i) => i !== DAMAGED);
    // Hard links, not copies: 2000 inputs cost nothing to make and keep the command busy for seconds, so
    // the signal lands while files are still being scored even on a loaded machine.
    for (let i = 0; i < COUNT; i++) linkSync(good[i % good.length], path.join(dir, `${String(i).padStart(4, '0')}.xlsx`));
    const outDir = path.join(tmp, 'out');
    mkdirSync(outDir);
    const out = path.join(outDir, 'ranking.xlsx');
    const child = spawn(process.execPath, [BIN, 'rank', dir, '-o', out, '--allow-partial'], { env: { ...process.env, THIDUA_WORKERS: '1', THIDUA_LANG: 'en' } });
    let stderr = '';
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // The first progress line: files are being scored, in this thread and the worker.
        if (/\d+\/2000/.test(stderr)) resolve();
      });
      child.on('exit', () => resolve());
    });
    child.kill('SIGINT');
    const code = await exit;
    expect(stderr).toMatch(/\d+\/2000/);
    expect(code).toBe(130);
    expect(stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
