/**
 * Jest global setup: the tests that spawn `bin/thidua.js` run the compiled CLI in lib/, so build it
 * (with its code cache) when it is missing or older than a source file under engine/ (`npm ci` builds
 * it through `prepare`; this catches an edit made since).
 */
const { execFileSync } = require('child_process');
const { existsSync, readdirSync, statSync } = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

module.exports = function buildCli() {
  // The mathjs bundle is written last by `npm run build:cli` (the engine tests load it too).
  const built = path.join(ROOT, 'lib/core/mathjs-parser.js');
  const upToDate = (f) => existsSync(f) && statSync(f).mtimeMs >= newest(path.join(ROOT, 'engine'));
  const bundle = require('../../scripts/bundle-cli.js');
  const codeCache = require('../../scripts/code-cache.js');
  // The code cache is made last, from the built lib/ (a stale entry is never used, but would be slower).
  if (upToDate(path.join(ROOT, 'lib/cli/main.js')) && upToDate(built) && bundle.parserBundled()) {
    if (!upToDate(codeCache.cacheFile())) codeCache();
    return;
  }
  process.stderr.write('\njest: building the CLI (npm run build:cli)\n');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  bundle();
  codeCache();
};
