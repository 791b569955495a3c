/**
 * The production build as Office's webviews get it: every script of dist/ parses as ES2017 (EdgeHTML,
 * Microsoft Edge Legacy), the page's first script as ES5 (Trident, Internet Explorer 11), and no source
 * map is shipped. Parsed with acorn, not with the engine that built it.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'acorn';
import webpack from 'webpack';
import { ROOT } from './build';

const OUT = path.join(ROOT, 'test/.tmp/bundle-dist');

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const config = await makeConfig({}, { mode: 'production' });
  config.output = { ...config.output, path: OUT };
  config.infrastructureLogging = { level: 'error' };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}, 600_000);

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

test('no source maps in the production build', () => {
  const all = readdirSync(OUT);
  expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const f of scripts()) expect(readFileSync(path.join(OUT, f), 'utf8')).not.toMatch(/sourceMappingURL/);
});
