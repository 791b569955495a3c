/** Run the real `thidua` binary in a child process and capture what a user would see. */
import { spawnSync } from 'child_process';
import * as path from 'path';

export const BIN = path.resolve(__dirname, '../../bin/thidua.js');

export function thidua(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
