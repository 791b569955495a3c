/**
 * The corpus of familiar layouts (test/fixtures/familiar/build.ts): each variation is built with exceljs,
 * imported, checked against the tree it must give, then scored against its own import; the totals must
 * equal an independent sum of the entered data.
 */
import { compileSet, loadCriteriaDef, type CompiledSet, type CriteriaSet } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';
import { buildVariation, expectedTotal, VARIATIONS, type Variation } from '../fixtures/familiar/build';

const built = new Map<string, Buffer>();
beforeAll(async () => {
  for (const v of VARIATIONS) built.set(v.name, await buildVariation(v));
});

async function importOf(v: Variation) {
  const bytes = built.get(v.name)!;
  const { opened, problems } = await openWorkbook(bytes, `${v.name}.xlsx`);
  expect(problems).toEqual([]);
  return importFamiliar(opened!.grids, { file: `${v.name}.xlsx` });
}

function loaded(def: CriteriaSet): CompiledSet {
  const r = loadCriteriaDef(def);
  const errors = r.problems.filter((p) => p.severity === 'error');
  expect(errors).toEqual([]);
  return r.set!;
}

test('the corpus has at least six variations, all different', () => {
  expect(VARIATIONS.length).toBeGreaterThanOrEqual(6);
  expect(new Set(VARIATIONS.map((v) => v.name)).size).toBe(VARIATIONS.length);
});

describe.each(VARIATIONS.map((v) => [v.name, v] as const))('%s', (_name, v) => {
  test('imports the expected tree (ids, max, kinds, roles, cap)', async () => {
    const r = await importOf(v);
    expect(r.criteriaSet).not.toBeNull();
    const set = loaded(r.criteriaSet!);
    const got = set.nodes.map((n): [string, number | null, string?] => {
      const tag = n.depth === 0 ? n.role : n.isLeaf ? (n as { kind?: string }).kind : undefined;
      return tag ? [n.id, n.max, tag] : [n.id, n.max];
    });
    expect(got).toEqual(v.expect.tree);
    expect(set.leaves.length).toBe(v.expect.leaves);
    expect(set.maxBase).toBe(v.expect.maxBase);
    expect(set.maxBonus).toBe(v.expect.maxBonus);
    for (const [id, cap] of Object.entries(v.expect.cap ?? {})) expect(set.byId.get(id)?.cap).toBe(cap);
    const codes = new Set(r.warnings.map((w) => w.code));
    for (const w of v.expect.warnings ?? []) expect(codes).toContain(w);
    // Every guess is located on the sheet, and nothing the importer says is an error.
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    for (const w of r.warnings) expect(w.sheet).toBe(v.sheet);
    expect(r.criteriaSet!.year).toBe(v.expect.year);
  });

  test('scores the filled workbook like an independent sum of its entries', async () => {
    const r = await importOf(v);
    const set = compileSet(r.criteriaSet!);
    const scored = await scoreWorkbook(built.get(v.name)!, { file: `${v.name}.xlsx`, criteria: set });
    expect(scored.layout).toBe('familiar');
    expect(scored.unit).toBe(v.expect.unit);
    const ev = scored.evaluation!;
    const self = expectedTotal(v, 'self');
    expect({ base: ev.self!.base, bonus: ev.self!.bonus, penalty: ev.self!.penalty, total: ev.self!.total }).toEqual(self);
    if (v.columns.includes('inspected')) {
      const insp = expectedTotal(v, 'insp');
      expect({ base: ev.inspected!.base, bonus: ev.inspected!.bonus, penalty: ev.inspected!.penalty, total: ev.inspected!.total }).toEqual(insp);
    } else expect(ev.inspected).toBeNull();

    const codes = new Set(scored.problems.map((p) => p.code));
    for (const c of v.expect.scoreProblems ?? []) expect(codes).toContain(c);
    const unexpectedErrors = scored.problems.filter((p) => p.severity === 'error' && !(v.expect.scoreProblems ?? []).includes(p.code));
    expect(unexpectedErrors).toEqual([]);
    // Workbooks with formulas report them as figures; their cells are on the table's sheet.
    if (v.formulas !== 'none') expect(scored.figures.length).toBeGreaterThan(0);
    else expect(scored.figures).toEqual([]);
    for (const f of scored.figures) expect(f.sheet).toBe(v.sheet);
    if (!codes.has('formula_disagrees') && v.formulas !== 'none') {
      // Correct formulas agree with the recomputation: every figure has a value equal to the engine's.
      expect(scored.figures.every((f) => f.value !== null)).toBe(true);
    }
  });
});
