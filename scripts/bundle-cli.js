/**
 * Second half of `npm run build:cli` (after tsc): bundles engine/core/mathjs-parser.ts, the mathjs
 * parser subset, into one file over tsc's lib/core/mathjs-parser.js, so the command line loads one
 * small file instead of mathjs's CommonJS tree (hundreds of files; see that module's comment).
 * Everything else in lib/ stays tsc's one-file-per-module output.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { buildSync } = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'lib/core/mathjs-parser.js');

/**
 * Whether lib/ holds the bundle (over 100 KB), not tsc's own small module, which loads mathjs's whole
 * CommonJS tree: tsc alone (e.g. `npx tsc -p tsconfig.build.json`) leaves that one behind.
 */
function parserBundled() {
  return fs.existsSync(OUT) && fs.statSync(OUT).size > 20000;
}

function bundleCli() {
  buildSync({
    entryPoints: [path.join(ROOT, 'engine/core/mathjs-parser.ts')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    keepNames: true, // mathjs and typed-function read function names
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

module.exports = bundleCli;
module.exports.parserBundled = parserBundled;
if (require.main === module) bundleCli();
