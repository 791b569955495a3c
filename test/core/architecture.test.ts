/**
 * The architecture stays visible: engine/core imports no Node module, no exceljs and no Office.js (the
 * add-in bundles it); engine/workbook is browser-safe (no Node modules); Office.js is touched only by the
 * add-in's adapter.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+'([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

test('engine/core imports nothing Node-only, no exceljs, no Office', () => {
  const bad = files(path.join(ROOT, 'engine/core')).flatMap((f) =>
    importsOf(f).filter((m) => NODE.has(m) || m === 'exceljs' || m.startsWith('@microsoft/office')).map((m) => `${path.relative(ROOT, f)} -> ${m}`),
  );
  expect(bad).toEqual([]);
});

test('engine/workbook is browser-safe (the add-in reads files with it)', () => {
  const bad = files(path.join(ROOT, 'engine/workbook')).flatMap((f) => importsOf(f).filter((m) => NODE.has(m)).map((m) => `${path.relative(ROOT, f)} -> ${m}`));
  expect(bad).toEqual([]);
});

test('Office.js is called only inside addin/office/ (the entry point only wires it up)', () => {
  // addin/taskpane/index.ts is the composition root: it reads Office's language and builds the adapter.
  const entry = path.join(ROOT, 'addin/taskpane/index.ts');
  const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const outside = [...files(path.join(ROOT, 'engine')), ...files(path.join(ROOT, 'addin')).filter((f) => !f.includes(`${path.sep}office${path.sep}`))];
  const offenders = outside.filter((f) => /\b(Excel\.run|context\.sync\(\))/.test(code(f)) || (f !== entry && /\bOffice\.context\b/.test(code(f))));
  expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
});
