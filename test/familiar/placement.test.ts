/**
 * Bonus ("điểm thưởng/cộng") and deduction ("điểm trừ") sections placed after the base total row
 * ("TỔNG CỘNG", "Tổng điểm") or before the only total row, as sections with items or as single rows:
 * the corpus variations (test/fixtures/familiar/derived.ts) import to the right tree, their total rows
 * are read as what they add up, and the scored totals are the hand-computed ones (the deduction cap of 2
 * applies to the inspectors' 4.5 and 3 points, not to the school's 1).
 */
import { compileSet } from '../../engine/core';
import { classifyTotals, importFamiliar } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';

const CASES: Array<{
  name: string;
  /** Text of each total row and what it adds up ("base": the scored sections, "total": everything). */
  totals: Array<[string, 'base' | 'total']>;
  /** Section ids in table order with their role. */
  sections: Array<[string, string]>;
  self: { base: number; bonus: number; penalty: number; total: number };
  inspected: { base: number; bonus: number; penalty: number; total: number };
}> = [
  {
    name: 'd-after-total-capped',
    totals: [['TỔNG CỘNG', 'base'], ['TỔNG ĐIỂM ĐẠT ĐƯỢC', 'total']],
    sections: [['I', 'base'], ['II', 'base'], ['III', 'bonus'], ['IV', 'deduction']],
    self: { base: 27.5, bonus: 3, penalty: 1, total: 29.5 },
    inspected: { base: 26.25, bonus: 3, penalty: 2, total: 27.25 },
  },
  {
    name: 'd-after-total-no-grand',
    totals: [['Tổng điểm', 'base']],
    sections: [['I', 'base'], ['II', 'base'], ['III', 'bonus'], ['IV', 'deduction']],
    self: { base: 27.5, bonus: 3, penalty: 1, total: 29.5 },
    inspected: { base: 26.25, bonus: 3, penalty: 2, total: 27.25 },
  },
  {
    name: 'd-before-total',
    totals: [['TỔNG CỘNG', 'total']],
    sections: [['I', 'base'], ['II', 'base'], ['III', 'bonus'], ['IV', 'deduction']],
    self: { base: 27.5, bonus: 3, penalty: 1, total: 29.5 },
    inspected: { base: 26.25, bonus: 3, penalty: 2, total: 27.25 },
  },
  {
    name: 'd-after-total-single-rows',
    totals: [['TỔNG CỘNG', 'base'], ['TỔNG ĐIỂM', 'total']],
    sections: [['I', 'base'], ['II', 'base'], ['S3', 'bonus'], ['S4', 'deduction']],
    self: { base: 27.5, bonus: 2.5, penalty: 1, total: 29 },
    inspected: { base: 26.25, bonus: 2, penalty: 2, total: 26.25 },
  },
];

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  const v = VARIATIONS.find((x) => x.name === name)!;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await buildVariation(v);
  });

  test('imports the sections with their roles, and reads each total row as what it adds up', async () => {
    const { opened } = await openWorkbook(bytes, `${name}.xlsx`);
    const r = importFamiliar(opened!.grids, { file: `${name}.xlsx` });
    expect(r.criteriaSet!.sections.map((s) => [s.id, s.role ?? 'base'])).toEqual(c.sections);
    const deduction = r.criteriaSet!.sections.find((s) => s.role === 'deduction')!;
    expect(deduction.cap).toBe(2);
    const totals = [...classifyTotals(r.outline!)].map(([row, kind]) => [r.outline!.totals.find((t) => t.row === row)!.text, kind]);
    expect(totals).toEqual(c.totals);
    // Every total row is classified (none left unread).
    expect(r.outline!.totals).toHaveLength(c.totals.length);
    // The special sections come after the base total row, or before the only total row.
    const secRow = (id: string) => r.outline!.sections.find((s) => s.id === id)!.row;
    const baseRow = r.outline!.totals.find((t) => c.totals.find(([x]) => x === t.text)?.[1] === 'base')?.row;
    for (const [id, role] of c.sections)
      if (role !== 'base') expect(baseRow === undefined ? secRow(id) < r.outline!.totals[0].row : secRow(id) > baseRow).toBe(true);
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });

  test('scores the filled copy to the hand-computed totals, and the workbook\'s own total rows agree', async () => {
    const { opened } = await openWorkbook(bytes, `${name}.xlsx`);
    const set = compileSet(importFamiliar(opened!.grids).criteriaSet!);
    const scored = await scoreWorkbook(bytes, { file: `${name}.xlsx`, criteria: set });
    const pick = (s: { base: number; bonus: number; penalty: number; total: number }) => ({ base: s.base, bonus: s.bonus, penalty: s.penalty, total: s.total });
    expect(pick(scored.evaluation!.self!)).toEqual(c.self);
    expect(pick(scored.evaluation!.inspected!)).toEqual(c.inspected);
    expect(scored.evaluation!.final).toEqual({ total: c.inspected.total, source: 'inspected' });
    // The cap applied to the inspectors' deductions only, and said so at the section.
    const capped = scored.problems.filter((p) => p.code === 'deduction_capped');
    expect(capped.map((p) => [p.column, p.criterion])).toEqual([['inspected', c.sections[3][0]]]);
    expect(scored.problems.filter((p) => p.code === 'formula_disagrees')).toEqual([]);
    // The total rows' formulas were compared with the engine: the base row as "base", the last as "total".
    const nodes = new Set(scored.figures.map((f) => f.node));
    for (const [, kind] of c.totals) expect(nodes).toContain(kind);
    // A deduction section with items has its own subtotal formula (MIN(2, SUM(...))), compared too.
    if (v.items.find((s) => s.role === 'deduction')!.children?.length) expect(nodes).toContain(c.sections[3][0]);
    else expect(nodes).not.toContain(c.sections[3][0]);
  });
});
