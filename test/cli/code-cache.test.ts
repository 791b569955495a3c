/**
 * The build's V8 code cache (engine/cli/code-cache.ts, made by scripts/code-cache.js): the real binary
 * compiles lib/'s modules from it; a module whose text changed is compiled from its text (even when the
 * length is the same: V8's own check compares lengths only); a damaged, truncated or foreign cache
 * file changes nothing but the speed. Each case runs the binary of a copy of the package in a new process.
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
jest.setTimeout(120_000); // new processes on a shared machine

interface Stats {
  installed: boolean;
  used: number;
  rejected: number;
  stale: number;
  damaged: number;
}

/** Runs `bin/thidua.js argv` of the package at root, with the cache's report on. */
function thidua(root: string, argv: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/thidua.js'), ...argv], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, THIDUA_CODE_CACHE_REPORT: '1', THIDUA_LANG: 'vi', ...env },
  });
  const line = /thidua code cache: (\{.*\})/.exec(r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.replace(/thidua code cache: .*\n/, ''), stats: line ? (JSON.parse(line[1]) as Stats) : null };
}

let copy: string;
const cacheFile = () => path.join(copy, 'lib/.v8-code-cache');
const pristine = () => readFileSync(path.join(ROOT, 'lib/.v8-code-cache'));

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'thidua-code-cache-'));
  for (const d of ['bin', 'lib']) cpSync(path.join(ROOT, d), path.join(copy, d), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));
beforeEach(() => writeFileSync(cacheFile(), pristine()));

/** The entries of a cache file: its JSON line and where the data starts. */
function entriesOf(blob: Buffer) {
  const eol = blob.indexOf(10, blob.indexOf(10) + 1);
  const header = JSON.parse(blob.subarray(blob.indexOf(10) + 1, eol).toString('utf8')) as { entries: Array<{ file: string; offset: number; length: number }> };
  return { entries: header.entries, start: eol + 1 };
}

test('the built binary compiles its own modules from the cache, and prints what it prints without it', () => {
  const on = thidua(ROOT, ['--help']);
  expect(on.status).toBe(0);
  expect(on.stats).toMatchObject({ installed: true, rejected: 0, stale: 0, damaged: 0 });
  expect(on.stats!.used).toBeGreaterThan(20);
  const off = thidua(ROOT, ['--help'], { THIDUA_CODE_CACHE: '0' });
  expect(off.stats).toBeNull();
  expect(off.stdout).toBe(on.stdout);
  // The trial run covered the commands: the cache holds rank's and template's modules.
  const files = entriesOf(pristine()).entries.map((e) => e.file.split(path.sep).join('/'));
  expect(files).toEqual(expect.arrayContaining(['cli/main.js', 'cli/commands/rank.js', 'cli/commands/template.js', 'workbook/xlsx-read.js', 'core/template/read.js']));
});

test('a module changed since the build, by the same length, runs as it now reads', () => {
  const file = path.join(copy, 'lib/cli/help-text.js');
  const text = readFileSync(file, 'utf8');
  const before = thidua(copy, ['--help']);
  expect(before.stats).toMatchObject({ installed: true, stale: 0 });
  // Same number of characters: V8 alone would take the cached code for this text.
  const word = /Cách dùng/.exec(text) ? 'Cách dùng' : null;
  expect(word).not.toBeNull();
  writeFileSync(file, text.split(word!).join('CÁCH DÙNG'));
  try {
    const after = thidua(copy, ['--help']);
    expect(after.status).toBe(0);
    expect(after.stats).toMatchObject({ stale: 1, damaged: 0 });
    expect(after.stdout).toContain('CÁCH DÙNG');
    expect(after.stdout).not.toContain('Cách dùng');
  } finally {
    writeFileSync(file, text);
  }
});

test('damaged cached bytes are never handed to V8 (it would stop the process): that module is compiled from its text', () => {
  const blob = pristine();
  const { entries, start } = entriesOf(blob);
  const main = entries.find((e) => e.file.split(path.sep).join('/') === 'cli/main.js')!;
  for (let i = start + main.offset + 64; i < start + main.offset + main.length; i += 5) blob[i] ^= 0x5a;
  writeFileSync(cacheFile(), blob);
  const r = thidua(copy, ['--help']);
  expect(r.status).toBe(0);
  expect(r.stats).toMatchObject({ installed: true, damaged: 1, rejected: 0 });
  expect(r.stdout).toBe(thidua(ROOT, ['--help']).stdout);
});

test('a truncated, foreign or unreadable cache file is ignored', () => {
  const want = thidua(ROOT, ['--help']).stdout;
  const blob = pristine();
  const cases: Array<[string, Buffer]> = [
    ['truncated', blob.subarray(0, Math.floor(blob.length / 2))],
    ['empty', Buffer.alloc(0)],
    ['header only', blob.subarray(0, 10)],
    ['another V8', Buffer.from(blob.toString('latin1').replace(/"v8":"[^"]*"/, '"v8":"0.0.0"'), 'latin1')],
    ['not JSON', Buffer.concat([Buffer.from('THIDUA-V8-CACHE 1\n{oops\n'), blob.subarray(200)])],
    ['another format', Buffer.from('PK\u0003\u0004 not a cache at all')],
  ];
  for (const [what, bytes] of cases) {
    writeFileSync(cacheFile(), bytes);
    const r = thidua(copy, ['--help']);
    expect({ what, status: r.status, stdout: r.stdout }).toEqual({ what, status: 0, stdout: want });
    if (what === 'truncated') expect(r.stats).toMatchObject({ installed: true, damaged: 0, rejected: 0 });
    else expect({ what, stats: r.stats }).toEqual({ what, stats: null });
  }
});
