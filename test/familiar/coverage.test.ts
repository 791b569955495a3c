/**
 * Every layout-dependent choice of the importer is exercised by at least one variation of the corpus:
 * each numbering scheme, each way a level is guessed without numbering, each column role, one- and
 * two-row headers, each kind of total row, each special section role, bonus and deduction sections
 * before and after the base total row, caps of bonus and deduction sections and deductions written in
 * words, and the sheet choices. A choice added to the importer without a variation fails here.
 */
import { importFamiliar, classifyTotals } from '../../engine/core/familiar';
import { COLUMN_LABELS, SECTION_ROLES } from '../../engine/core/familiar/vocabulary';
import { NUMBERING } from '../../engine/core/familiar/numbering';
import type { OutlineNode } from '../../engine/core/familiar';
import { openWorkbook } from '../../engine/workbook/open';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';

const LEVEL_GUESSES: Array<NonNullable<OutlineNode['levelGuess']>> = ['indent', 'bold', 'uppercase', 'keyword', 'position'];

test('the corpus covers every layout-dependent choice of the importer', async () => {
  const seen = new Map<string, Set<string>>();
  const mark = (choice: string, variation: string) => seen.set(choice, (seen.get(choice) ?? new Set()).add(variation));
  for (const v of VARIATIONS) {
    const { opened } = await openWorkbook(await buildVariation(v), `${v.name}.xlsx`);
    const grids = opened!.grids;
    const r = importFamiliar(grids);
    const o = r.outline!;
    const t = o.table;
    for (const n of o.items) {
      if (n.scheme) mark(`scheme:${n.scheme}`, v.name);
      if (n.levelGuess) mark(`guess:${n.levelGuess}`, v.name);
      if (n.max.fromText && !n.max.unreadable) mark('max:text', v.name);
      if (n.guidance.length) mark('guidance', v.name);
    }
    for (const role of Object.keys(t.columns)) mark(`column:${role}`, v.name);
    mark(t.headerBottom > t.headerTop ? 'header:two-rows' : 'header:one-row', v.name);
    if (t.firstDataRow > t.headerBottom + 1) mark('header:column-index-row', v.name);
    if (t.columns.number === undefined) mark('numbering-in-text', v.name);
    if (t.headerTop > 1 && Math.min(...Object.values(t.columns)) > 1) mark('header:offset', v.name);
    const order = Object.entries(t.columns).sort((a, b) => a[1] - b[1]).map(([k]) => k);
    if (order[0] === 'evidence') mark('evidence-first', v.name);
    if (t.columns.self !== undefined && t.columns.inspected !== undefined && t.columns.inspected < t.columns.self) mark('inspection-before-self', v.name);
    const kinds = classifyTotals(o);
    for (const kind of kinds.values()) mark(`total:${typeof kind === 'string' ? kind : 'section'}`, v.name);
    // Bonus and deduction sections after the base total row, or before the only (grand) total row.
    const baseRow = [...kinds].find(([, k]) => k === 'base')?.[0];
    const totalRow = [...kinds].find(([, k]) => k === 'total')?.[0];
    const special = o.sections.filter((s) => s.role !== 'base');
    if (baseRow !== undefined && special.length && special.every((s) => s.row > baseRow)) mark(`special-sections-after-base-total${totalRow ? '' : ':no-grand-total'}`, v.name);
    if (baseRow === undefined && totalRow !== undefined && special.length && special.every((s) => s.row < totalRow)) mark('special-sections-before-total', v.name);
    if (r.criteriaSet!.sections.some((s) => s.role === 'deduction' && s.cap !== undefined)) mark('deduction:capped', v.name);
    for (const s of o.sections) mark(`section:${s.role}`, v.name);
    if (grids.indexOf(o.grid) > 0) mark('table-not-on-first-sheet', v.name);
    if (grids.some((g) => g.hidden)) mark('hidden-sheet-skipped', v.name);
    if (o.meta.unit) mark('title:unit', v.name);
    if (o.meta.year) mark('title:year', v.name);
    if (o.meta.cluster) mark('title:cluster', v.name);
    if (o.classificationNote) mark('classification-note', v.name);
    const codes = new Set(r.warnings.map((w) => w.code));
    if (!codes.has('familiar_cap_from_max') && !codes.has('familiar_cap_guessed') && o.sections.some((s) => s.role === 'bonus')) mark('cap:text', v.name);
    if (codes.has('familiar_cap_from_max')) mark('cap:max-column', v.name);
    const deductions = r.criteriaSet!.sections.filter((s) => s.role === 'deduction').flatMap((s) => s.children ?? []);
    if (deductions.some((d) => d.perOccurrence !== undefined)) mark('deduction:per-occurrence', v.name);
    if (deductions.some((d) => Array.isArray(d.disqualifies))) mark('deduction:bars-award', v.name);
    if (codes.has('familiar_tree_mismatch')) mark('children-sum-mismatch', v.name);
    if (v.formulas === 'none') mark('formulas:none', v.name);
    if (v.formulas === 'cached') mark('formulas:cached', v.name);
    if (v.formulas === 'sum') mark('formulas:uncached', v.name);
    if (v.spacers) mark('spacer-rows', v.name);
    if (/[a-z]/i.test(v.labels.text ?? '') && !/[^\x00-\x7f]/.test(Object.values(v.labels).join(''))) mark('labels:ascii', v.name);
  }
  const required = [
    ...NUMBERING.map((s) => `scheme:${s.name}`),
    ...LEVEL_GUESSES.map((g) => `guess:${g}`),
    ...Object.keys(COLUMN_LABELS).map((r) => `column:${r}`),
    ...SECTION_ROLES.map((r) => `section:${r.role}`),
    'section:base',
    'header:one-row',
    'header:two-rows',
    'header:column-index-row',
    'header:offset',
    'numbering-in-text',
    'evidence-first',
    'inspection-before-self',
    'total:base',
    'total:total',
    'total:section',
    'max:text',
    'guidance',
    'table-not-on-first-sheet',
    'hidden-sheet-skipped',
    'title:unit',
    'title:year',
    'title:cluster',
    'classification-note',
    'cap:text',
    'cap:max-column',
    'deduction:per-occurrence',
    'deduction:bars-award',
    'deduction:capped',
    'special-sections-after-base-total',
    'special-sections-after-base-total:no-grand-total',
    'special-sections-before-total',
    'children-sum-mismatch',
    'formulas:none',
    'formulas:cached',
    'formulas:uncached',
    'spacer-rows',
    'labels:ascii',
  ];
  const missing = required.filter((c) => !seen.has(c));
  expect(missing).toEqual([]);
});
