/**
 * Hand-made layouts of other clusters that none of us wrote (test/fixtures/samples/other-layouts-2024,
 * copied from the shared samples with their manifest): each blank is imported as a criteria set, then
 * every filled copy is scored against it, in the way the CLI does (the mapping saved with the set is
 * used). The self and inspected totals must equal the manifest's, which were computed from the entries.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCriteriaDef } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';

const ROOT = path.resolve(__dirname, '../fixtures/samples/other-layouts-2024');
interface Entry {
  file: string;
  blank?: boolean;
  unit?: string;
  self?: { base: number; bonus: number; penalty: number; total: number };
  inspected?: { base: number; bonus: number; penalty: number; total: number };
}
const manifest: { criteria: { leaves: number; scored_max: number; bonus_max: number }; files: Entry[] } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'),
);
const layouts = [...new Set(manifest.files.map((f) => f.file.split('/')[0]))];

async function importBlank(layout: string) {
  const file = path.join(ROOT, layout, 'blank.xlsx');
  const { opened, problems } = await openWorkbook(fs.readFileSync(file), file);
  expect(problems).toEqual([]);
  const r = importFamiliar(opened!.grids, { file });
  const loaded = loadCriteriaDef(r.criteriaSet!, { file });
  return { r, set: loaded.set!, problems: loaded.problems };
}

test('the manifest lists four layouts, each with a blank and filled copies', () => {
  expect(layouts.sort()).toEqual(['v1-cum-2', 'v1-trung-du', 'v2-dong-bang', 'v3-cum-2']);
  for (const l of layouts) expect(manifest.files.filter((f) => f.file.startsWith(`${l}/`) && !f.blank).length).toBeGreaterThanOrEqual(7);
});

describe.each(layouts)('%s', (layout) => {
  test('the blank imports as the manifest says: 22 criteria, 100 + 5 bonus, no error', async () => {
    const { r, set, problems } = await importBlank(layout);
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(problems.filter((w) => w.severity === 'error')).toEqual([]);
    expect(set.leaves.length).toBe(manifest.criteria.leaves);
    expect(set.maxBase).toBe(manifest.criteria.scored_max);
    expect(set.maxBonus).toBe(manifest.criteria.bonus_max);
    // The mapping used is saved with the set: every score column found, by label.
    const saved = r.criteriaSet!.familiarLayout!;
    expect(saved.found).toMatchObject({ text: 'label', max: 'label', self: 'label', inspected: 'label' });
  });

  const copies = manifest.files.filter((f) => f.file.startsWith(`${layout}/`) && !f.blank);
  test.each(copies.map((c) => [c.file, c] as const))('%s scores the manifest totals', async (name, entry) => {
    const { set } = await importBlank(layout);
    const file = path.join(ROOT, name);
    const scored = await scoreWorkbook(fs.readFileSync(file), { file, criteria: set });
    const ev = scored.evaluation!;
    expect(ev).not.toBeNull();
    expect({ base: ev.self!.base, bonus: ev.self!.bonus, penalty: ev.self!.penalty, total: ev.self!.total }).toEqual(entry.self);
    expect({ base: ev.inspected!.base, bonus: ev.inspected!.bonus, penalty: ev.inspected!.penalty, total: ev.inspected!.total }).toEqual(
      entry.inspected,
    );
    expect(ev.final?.source).toBe('inspected');
    // No copy scores silently wrong: the one with text numbers is told its SUMs skip them.
    const codes = scored.problems.map((p) => p.code);
    expect(codes.filter((c) => /^familiar_(inspected|self)_not_found$/.test(c))).toEqual([]);
    if (name === 'v2-dong-bang/05.xlsx') expect(codes).toContain('formula_disagrees');
  });
});
