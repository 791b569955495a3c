/**
 * Last step of `npm run build:cli`: runs `thidua demo`, then rank, template, check, score, lint and
 * report on its files, in one child process with the code cache recorder on (engine/cli/code-cache.ts),
 * which writes lib/.v8-code-cache for every later run of the command line. The trial's output goes
 * to a temporary folder, removed afterwards. A failed trial leaves no cache and a warning, not a failed
 * build (the tests, which need the cache, then fail).
 */
'use strict';
const { execFileSync } = require('child_process');
const { mkdtempSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LIB_CLI = path.join(ROOT, 'lib/cli');

/** The cache file, as the built command line names it (lib/ must be built). */
const cacheFile = () => require(path.join(LIB_CLI, 'code-cache.js')).CACHE_FILE;

function buildCodeCache() {
  const out = mkdtempSync(path.join(tmpdir(), 'thidua-code-cache-'));
  try {
    const demo = path.join(out, 'demo');
    const at = (...p) => path.join(demo, ...p);
    // The trial: the demo (every step of the year), then the commands a user runs on its files.
    const runs = [
      ['demo', '-o', demo, '--force'],
      ['rank', at('kiem-tra'), '-o', at('r.xlsx'), '--json'],
      ['template', at('cum-thi-dua-2024.criteria.yaml'), '-o', at('t.xlsx')],
      ['check', at('kiem-tra', 'bac-kan.xlsx')],
      ['score', at('tu-cham', 'bac-kan.xlsx'), '--json'],
      ['lint', at('cum-thi-dua-2024.criteria.yaml')],
      ['report', at('kiem-tra'), '-o', at('docs')],
      ['--help'],
    ];
    const script = `
      require(${JSON.stringify(path.join(LIB_CLI, 'code-cache.js'))}).recordCodeCache();
      const { main } = require(${JSON.stringify(path.join(LIB_CLI, 'main.js'))});
      (async () => {
        for (const argv of ${JSON.stringify(runs)}) {
          const code = await main(argv);
          if (code !== 0 && code !== 1) throw new Error('code cache trial: thidua ' + argv.join(' ') + ' exited ' + code);
        }
        process.exitCode = 0;
      })();`;
    try {
      execFileSync(process.execPath, ['-e', script], { cwd: out, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, THIDUA_LANG: 'vi' } });
    } catch (e) {
      // No cache then (the command line runs as well without it, only slower to start): said, not fatal.
      rmSync(cacheFile(), { force: true });
      process.stderr.write(
        `thidua build: không tạo được bộ nhớ đệm mã V8, dòng lệnh vẫn chạy nhưng khởi động chậm hơn / could not make the V8 code cache; the command line still runs, slower to start\n${String(e.stderr ?? e.message ?? e).slice(0, 2000)}\n`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

module.exports = buildCodeCache;
module.exports.cacheFile = cacheFile;
if (require.main === module) buildCodeCache();
