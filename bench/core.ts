/** Engine figures: compiling criteria sets and scoring submissions. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { compileSet, evaluate, loadCriteriaDef, parseCriteriaText } from '../engine/core';
import { fullEntries, generateSet } from './generate-set';
import { median, ms } from './stats';

export async function benchCore(): Promise<string[]> {
  const lines: string[] = [];
  const file = path.resolve(__dirname, '../templates/cum-thi-dua-2024.criteria.yaml');
  const def = parseCriteriaText(readFileSync(file, 'utf8')).def;
  const big = generateSet(300);

  for (const [name, d] of [['default 2024 set (22 criteria)', def], ['generated set (300 criteria)', big]] as const) {
    compileSet(d as never); // warm up
    const compile = median(60, () => compileSet(d as never));
    const full = median(30, () => loadCriteriaDef(d, { cache: false }));
    const set = loadCriteriaDef(d).set!;
    const self = fullEntries(set, 7);
    const inspected = fullEntries(set, 11);
    for (let i = 0; i < 300; i++) evaluate(set, { self, inspected });
    const score = median(2000, () => evaluate(set, { self, inspected }));
    lines.push(
      `${name}: ${set.leaves.length} leaves, ${set.entries.length} entries`,
      `  compile            ${ms(compile)}   (schema + compile + lint: ${ms(full)})`,
      `  score submission   ${ms(score)}   (self + inspected columns, median of 2000)`,
    );
  }
  return lines;
}
