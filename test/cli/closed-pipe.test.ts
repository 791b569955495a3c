/**
 * A reader that stops early (`thidua rank ... --json | head`, a pager quit at once) closes the pipe the
 * command writes to. The command stops there, quietly, with the status of a writer stopped by SIGPIPE
 * (141): never Node's "Unhandled 'error' event ... EPIPE" stack trace. The real binary in bash, its
 * status read from PIPESTATUS; the reader (`true`) has exited before the command's first write.
 */
import { spawnSync } from 'child_process';
import { BIN } from '../helpers/cli';

jest.setTimeout(60_000);

/** Run `node BIN args` with the stream `fd` (1 or 2) piped into a reader that has already gone. */
function intoClosedPipe(args: string[], fd: 1 | 2): { status: number; stderr: string } {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // stdout closed: stderr stays ours. stderr closed: stdout is dropped, stderr goes to the pipe.
  const line = fd === 1 ? `{ sleep 0.2; exec ${cmd}; } | true` : `{ sleep 0.2; exec ${cmd} 2>&1 >/dev/null; } | true`;
  const r = spawnSync('bash', ['-c', `${line}; echo "status \${PIPESTATUS[0]}" >&3`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'], timeout: 60_000 });
  const out = r.output as unknown as Array<string | null>;
  const m = /status (\d+)/.exec(out[3] ?? '');
  return { status: m ? Number(m[1]) : -1, stderr: r.stderr };
}

test('help into a closed pipe: status 141, no stack trace', () => {
  const r = intoClosedPipe(['--help'], 1);
  expect(r.stderr).not.toMatch(/EPIPE|Unhandled|node:events|at /);
  expect(r.status).toBe(141);
});

test("a usage error's message into a closed pipe: status 141, nothing else", () => {
  const r = intoClosedPipe(['--lang', 'fr'], 2);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(141);
});
