/**
 * Second half of `npm run build:cli` (after tsc): bundles engine/core/mathjs-parser.ts, the mathjs
 * parser subset, into one file over tsc's lib/core/mathjs-parser.js, so the command line loads one
 * small file instead of mathjs's CommonJS tree (hundreds of files; see that module's comment).
 * Everything else in lib/ stays tsc's one-file-per-module output.
 */
'use strict';
const path = require('path');
const { buildSync } = require('esbuild');

const ROOT = path.resolve(__dirname, '..');

function bundleCli() {
  buildSync({
    entryPoints: [path.join(ROOT, 'engine/core/mathjs-parser.ts')],
    outfile: path.join(ROOT, 'lib/core/mathjs-parser.js'),
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
if (require.main === module) bundleCli();
