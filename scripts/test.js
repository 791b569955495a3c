/**
 * `npm test`: the type check (tsc, incremental) and jest side by side, not one after the other: the test
 * run leaves CPU idle while its slow suites wait on LibreOffice and Chromium, and the type check fills it
 * (about 12 s saved on this 2-core machine). Arguments go to jest. Fails when either fails.
 */
const { spawn } = require('child_process');

const run = (what, script, args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [require.resolve(script), ...args], { stdio: 'inherit' });
    child.on('error', (e) => {
      process.stderr.write(`${what}: ${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

(async () => {
  const [typecheck, tests] = await Promise.all([
    run('tsc', 'typescript/bin/tsc', ['--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/thidua/typecheck.tsbuildinfo']),
    run('jest', 'jest/bin/jest', ['--ci', ...process.argv.slice(2)]),
  ]);
  if (typecheck !== 0) process.stderr.write('\nnpm test: the type check (tsc) failed: its errors are above.\n');
  process.exitCode = typecheck || tests;
})();
