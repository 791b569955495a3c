/**
 * The part of mathjs the formula sandbox uses: its expression parser, in an instance built through
 * mathjs's own factory system from the number-only build's `parseDependencies` (the parser, its node
 * classes and their number-only helpers), without the ~1,000 functions, units, matrices, BigNumbers and
 * evaluator of the full library. Nothing that could evaluate an expression is even in it.
 *
 * The command line loads this file bundled into one small file at build time (`npm run build:cli`
 * replaces its compiled lib/core/mathjs-parser.js with an esbuild bundle: scripts/bundle-cli.js), since
 * requiring the package's CommonJS tree means hundreds of files; the add-in's webpack build tree-shakes
 * the same import. test/core/mathjs-parser.test.ts checks that this instance parses formulas exactly as
 * the complete mathjs does.
 */
import { create, parseDependencies } from 'mathjs/number';
import type { MathJsInstance } from 'mathjs';

export function createMathParser(): MathJsInstance {
  return create({ parseDependencies }) as MathJsInstance;
}
