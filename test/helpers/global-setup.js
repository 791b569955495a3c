/**
 * Jest global setup, run once before every test file: the compiled CLI in lib/ up to date (the CLI
 * tests spawn it, the engine tests load its bundled mathjs parser), and LibreOffice looked for once
 * (`soffice --version` takes seconds; the files that use it read the answer from THIDUA_TEST_SOFFICE).
 */
const { spawnSync } = require('child_process');
const buildCli = require('./build-cli');

module.exports = function globalSetup() {
  buildCli();
  // One name per test run: the browser suites build the task pane once for it (test/browser/build.ts).
  process.env.THIDUA_TEST_RUN ??= `${process.pid}-${Date.now()}`;
  if (process.env.THIDUA_TEST_SOFFICE === undefined) {
    const found = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0);
    process.env.THIDUA_TEST_SOFFICE = found ?? '';
  }
};
