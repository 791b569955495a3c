/**
 * The sandbox parses formulas with a mathjs instance holding only the parser (engine/core/mathjs-parser.ts),
 * bundled into one file for the command line (lib/core/mathjs-parser.js, which the engine tests load too).
 * It must read every formula exactly as the complete mathjs does: the same syntax tree, or the same syntax
 * error, for the formulas of the bundled set, the sandbox's attack strings, and random expressions and
 * random junk.
 */
import { readFileSync, statSync } from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { bigSet, rng } from '../helpers/big-set';
import { DEFAULT_SET_FILE, ROOT } from '../helpers/sets';

type Parser = { parse: (src: string) => unknown } & Record<string, unknown>;
const BUNDLE = path.join(ROOT, 'lib/core/mathjs-parser.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ours = (require(BUNDLE) as { createMathParser: () => Parser }).createMathParser();
// mathjs's complete single-file build: every function, units, matrices, BigNumbers.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const complete = require('mathjs/lib/browser/math.js') as Parser;

/** The tree as JSON (mathjs's own node serialisation), or the syntax error's message. */
function read(math: Parser, src: string): string {
  try {
    return JSON.stringify(math.parse(src));
  } catch (e) {
    return `error: ${(e as Error).name}: ${(e as Error).message}`;
  }
}

function formulasOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => formulasOf(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'formula' || k === 'expr') && typeof v === 'string') out.push(v);
      else formulasOf(v, out);
    }
  return out;
}

const ATTACKS = [
  'import({}, {override: true})', 'createUnit(x)', 'evaluate(x)', 'parse(x)', 'simplify(x)', 'derivative(x, y)',
  'x.constructor', 'x.__proto__', 'x["prototype"]', 'x[1]', 'f(x) = x^2', 'x = 5', '[1, 2, 3]', 'zeros(100000, 100000)',
  '1:1000000000', '"abc"', "concat('a')", '{a: 1}', 'a; b', '10 ^ 400', '2 ^ x', 'x!', '1e300 * x', '5 cm + 2 inch',
  '3 x', '2(a+b)', 'a ? b : c ? d : e', 'not a and b or c xor d', 'a == b != c <= d >= e < f > g', '50%', '50% * x',
  'a mod b', '-+-x', "x'", '1 to 2', 'a ?? b', '0x1F + 0b101 + 0o17', '1e-3 * .5', '\u00a0x\t+\ny', '',
];

function randomExpr(r: () => number, depth = 0): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  if (depth > 4 || r() < 0.3) return pick([String(Math.floor(r() * 1000)), (r() * 100).toFixed(2), 'x', 'ty_le', 'a_1', 'pi', 'e', '1e3', '.5']);
  const a = () => randomExpr(r, depth + 1);
  switch (Math.floor(r() * 7)) {
    case 0:
      return `${a()} ${pick(['+', '-', '*', '/', '^', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '%', 'mod'])} ${a()}`;
    case 1:
      return `${pick(['-', '+', 'not '])}${a()}`;
    case 2:
      return `(${a()})`;
    case 3:
      return `${pick(['min', 'max', 'round', 'abs', 'floor', 'ceil', 'sqrt', 'f'])}(${a()}${r() < 0.5 ? `, ${a()}` : ''})`;
    case 4:
      return `${a()} ? ${a()} : ${a()}`;
    case 5:
      return `${a()}${pick(['', ' '])}${pick(['x', '(y)', 'cm'])}`;
    default:
      return a();
  }
}

function junk(r: () => number): string {
  const chars = '0123456789.eE+-*/^()?:<>=!,; xyab_[]{}\'"%&|~\\#@$';
  return Array.from({ length: 1 + Math.floor(r() * 24) }, () => chars[Math.floor(r() * chars.length)]).join('');
}

describe('the mathjs parser subset', () => {
  test('holds the parser and nothing that evaluates', () => {
    expect(typeof ours.parse).toBe('function');
    for (const name of ['evaluate', 'compile', 'simplify', 'derivative', 'createUnit', 'zeros', 'add', 'unit']) expect(ours[name]).toBeUndefined();
    expect(typeof complete.evaluate).toBe('function'); // the reference really is the complete library
    // One file, much smaller than the complete build.
    expect(statSync(BUNDLE).size).toBeLessThan(statSync(require.resolve('mathjs/lib/browser/math.js')).size / 2);
  });

  test('parses the formulas of the bundled and a generated set as the complete mathjs does', () => {
    const formulas = [...formulasOf(parseYaml(readFileSync(DEFAULT_SET_FILE, 'utf8'))), ...formulasOf(bigSet({ seed: 7 }))];
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) expect(read(ours, f)).toBe(read(complete, f));
  });

  test.each(ATTACKS)('parses %j as the complete mathjs does', (src) => {
    expect(read(ours, src)).toBe(read(complete, src));
  });

  test('parses 1,500 random expressions and 1,500 random strings as the complete mathjs does', () => {
    const r = rng(13);
    let errors = 0;
    const differ: { src: string; got: string; want: string }[] = [];
    for (let i = 0; i < 3000; i++) {
      const src = i % 2 ? junk(r) : randomExpr(r);
      const want = read(complete, src);
      const got = read(ours, src);
      if (want.startsWith('error:')) errors++;
      if (got !== want) differ.push({ src, got, want });
    }
    expect(differ).toEqual([]);
    // Both kinds of input occur: trees and syntax errors.
    expect(errors).toBeGreaterThan(300);
    expect(errors).toBeLessThan(2700);
  });
});
