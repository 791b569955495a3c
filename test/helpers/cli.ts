/**
 * Running `thidua` in tests, two ways with the same result shape { code, stdout, stderr }:
 *  - thidua(args): the real binary (bin/thidua.js, compiled lib/) in a child process, as a user runs it;
 *  - run(args): the same `main(argv)` in this process with stdout/stderr captured (no start-up cost),
 *    for most cases; keep a few real spawns per command.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

export const BIN = path.resolve(__dirname, '../../bin/thidua.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function thidua(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `thidua args` through main(argv) in this process, its output captured; cwd and env restored after. */
export async function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const cwd = process.cwd();
  const savedEnv: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    if (opts.cwd) process.chdir(opts.cwd);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require('../../engine/cli/main') as typeof import('../../engine/cli/main');
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.chdir(cwd);
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
