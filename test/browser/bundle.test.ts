/**
 * The production build as Office's webviews get it: every script of dist/ parses as ES2017 (EdgeHTML,
 * Microsoft Edge Legacy), the page's first script as ES5 (Trident, Internet Explorer 11), and no source
 * map is shipped. Parsed with acorn, not with the engine that built it.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse, type Node } from 'acorn';
import { buildPane, OUT, ROOT } from './build';

// The build every browser suite of this run shares (test/browser/build.ts): production, as it ships.
beforeAll(() => buildPane(), 900_000);

const scripts = () => readdirSync(OUT).filter((f) => f.endsWith('.js'));

test('the page\'s first script is boot.js, plain ES5; Office.js next; the pane deferred after them', () => {
  const html = readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?[^>]*>/g)].map((m) => m[1]);
  expect(srcs[0]).toBe('boot.js');
  expect(srcs[1]).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/);
  expect(srcs).toContain('taskpane.js');
  expect(() => parse(readFileSync(path.join(OUT, 'boot.js'), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test('every script of dist/ parses as ES2017 (EdgeHTML)', () => {
  const files = scripts();
  expect(files).toEqual(expect.arrayContaining(['taskpane.js', 'commands.js', 'polyfills.js', 'boot.js']));
  expect(files.some((f) => /^exceljs\./.test(f))).toBe(true);
  const failures: string[] = [];
  for (const f of files) {
    try {
      parse(readFileSync(path.join(OUT, f), 'utf8'), { ecmaVersion: 2017, sourceType: 'script' });
    } catch (e) {
      failures.push(`${f}: ${(e as Error).message}`);
    }
  }
  expect(failures).toEqual([]);
});

test('the same check fails on ES2018+ syntax (the parser is not lenient)', () => {
  for (const src of ['a?.b', 'a ?? b', 'x = {...y}', '/\\p{L}/u', 'class A { x = 1 }'])
    expect(() => parse(src, { ecmaVersion: 2017, sourceType: 'script' })).toThrow();
});

test('the entry script is light: mathjs and the bundled criteria set are in chunks loaded after the tabs are painted', () => {
  const entry = readFileSync(path.join(OUT, 'taskpane.js'), 'utf8');
  const chunks = scripts().filter((f) => f !== 'taskpane.js').map((f) => readFileSync(path.join(OUT, f), 'utf8'));
  const yamlMarker = 'id: cum-trung-du-2024'; // a line of templates/cum-thi-dua-2024.criteria.yaml
  expect(readFileSync(path.join(ROOT, 'templates/cum-thi-dua-2024.criteria.yaml'), 'utf8')).toContain(yamlMarker);
  // The markers are real: the chunks hold them.
  expect(chunks.some((c) => c.includes('mathjs'))).toBe(true);
  expect(chunks.some((c) => c.includes(yamlMarker))).toBe(true);
  expect(entry).not.toContain('mathjs');
  expect(entry).not.toContain(yamlMarker);
  expect(entry.length).toBeLessThan(300 * 1024);
  // And the tabs' labels are in it (the frame is painted from the entry alone).
  expect(entry).toContain('Nhập tiêu chí');
});

test('no source maps in the production build', () => {
  const all = readdirSync(OUT);
  expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const f of scripts()) expect(readFileSync(path.join(OUT, f), 'utf8')).not.toMatch(/sourceMappingURL/);
});

/**
 * esbuild lowers an ES2018 regex literal (\p{L}, lookbehind, named groups, the s flag) to a run-time
 * `new RegExp("...")` call when the target is ES2017: it parses as ES2017, and EdgeHTML throws a
 * SyntaxError when the line runs. Every RegExp built from a constant string in dist/ is checked.
 */
const ES2018_PATTERN: Array<[RegExp, string]> = [
  [/\\[pP]\{/, 'Unicode property escape \\p{...}'],
  [/\(\?<[=!]/, 'lookbehind (?<= / (?<!'],
  [/\(\?<[A-Za-z_$]/, 'named group (?<name>'],
  [/\\k</, 'named back-reference \\k<name>'],
];

function es2018RegExps(src: string, file: string): string[] {
  const found: string[] = [];
  const text = (n: any): string | null =>
    n?.type === 'Literal' && typeof n.value === 'string' ? n.value : n?.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : null;
  const isRegExp = (c: any) => (c?.type === 'Identifier' && c.name === 'RegExp') || (c?.type === 'MemberExpression' && !c.computed && c.property?.name === 'RegExp');
  // A RegExp tried inside a try block with its own fallback (the yaml package's lookbehinds) is fine.
  const visit = (n: any, guarded = false): void => {
    if (!n || typeof n.type !== 'string') return;
    if ((n.type === 'NewExpression' || n.type === 'CallExpression') && isRegExp(n.callee) && !guarded) {
      const pattern = text(n.arguments[0]);
      const flags = text(n.arguments[1]) ?? '';
      const why = pattern === null ? [] : ES2018_PATTERN.filter(([re]) => re.test(pattern)).map(([, w]) => w);
      if (/s/.test(flags)) why.push('the s (dotAll) flag');
      if (why.length) found.push(`${file}:${n.start}: RegExp(${JSON.stringify(pattern).slice(0, 60)}, ${JSON.stringify(flags)}): ${why.join(', ')}`);
    }
    for (const k of Object.keys(n)) {
      const v = n[k];
      const g = guarded || (n.type === 'TryStatement' && k === 'block' && n.handler);
      if (Array.isArray(v)) v.forEach((c) => visit(c, g));
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v, g);
    }
  };
  visit(parse(src, { ecmaVersion: 2017, sourceType: 'script' }) as Node);
  return found;
}

test('no script of dist/ builds an ES2018 regular expression at run time (EdgeHTML throws on it)', () => {
  const found = scripts().flatMap((f) => es2018RegExps(readFileSync(path.join(OUT, f), 'utf8'), f));
  expect(found).toEqual([]);
});

test('the run-time RegExp check finds what esbuild makes of ES2018 regex literals', () => {
  expect(es2018RegExps('var a = new RegExp("\\\\p{L}+", "u");', 'x')).toHaveLength(1);
  expect(es2018RegExps('var b = RegExp("(?<=a)b");', 'x')).toHaveLength(1);
  expect(es2018RegExps('var c = new window.RegExp(`(?<year>\\\\d{4})`);', 'x')).toHaveLength(1);
  expect(es2018RegExps('var d = new RegExp("a.b", "s");', 'x')).toHaveLength(1);
  expect(es2018RegExps('var e = new RegExp("(?:a|b)\\\\d", "gi"); var f = /(?=x)/;', 'x')).toEqual([]);
  expect(es2018RegExps('var g; try { g = new RegExp("(?<!a)b"); } catch (e) { g = /b/; }', 'x')).toEqual([]);
});

test('the build lowers what it can: dotAll, Unicode property escapes and named groups become ES2017 patterns', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lowerRegExps } = require(path.join(ROOT, 'addin/build/esbuild-loader.js')) as { lowerRegExps: (code: string, file: string) => string };
  const out = lowerRegExps('var a = new RegExp("(.*?)\\\\r?\\\\n", "sy"); var b = new RegExp("\\\\P{ASCII}", "u"); var c = new RegExp("(?<y>\\\\d{4})");', 'x.js');
  expect(es2018RegExps(out, 'x.js')).toEqual([]);
  // eslint-disable-next-line no-new-func
  const [a, b, c] = new Function(`${out}; return [a, b, c];`)() as RegExp[];
  expect(a.exec('x\ny\r\n')?.[1]).toBe('x'); // the same matches as the originals
  expect(a.flags).toBe('y');
  expect(b.test('Việt')).toBe(true);
  expect(b.test('Viet')).toBe(false);
  expect(c.exec('năm 2025')?.[1]).toBe('2025');
});
