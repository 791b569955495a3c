/**
 * Jest global setup, run once before every test file: the compiled CLI in lib/ up to date (the CLI
 * tests spawn it, the engine tests load its bundled mathjs parser), and LibreOffice looked for once
 * (`soffice --version` takes seconds; the files that use it read the answer from THIDUA_TEST_SOFFICE, and
 * its version from THIDUA_TEST_SOFFICE_VERSION).
 */
const { spawnSync } = require('child_process');
const buildCli = require('./build-cli');

module.exports = function globalSetup() {
  buildCli();
  // One name per test run: the browser suites build the task pane once for it (test/browser/build.ts).
  process.env.THIDUA_TEST_RUN ??= `${process.pid}-${Date.now()}`;
  if (process.env.THIDUA_TEST_SOFFICE === undefined) {
    for (const bin of ['soffice', 'libreoffice']) {
      const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
      if (r.status !== 0) continue;
      process.env.THIDUA_TEST_SOFFICE = bin;
      // "7.4" of "LibreOffice 7.4.7.2": written into the private profiles (test/helpers/libreoffice.ts).
      process.env.THIDUA_TEST_SOFFICE_VERSION = /(\d+)\.(\d+)/.exec(r.stdout)?.slice(1).join('.') ?? '';
      break;
    }
    process.env.THIDUA_TEST_SOFFICE ??= '';
  }
};
