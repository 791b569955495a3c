/** The template's print plan, pure: row heights from every wrapped cell, orientation and scale, kept blocks. */
import { planTemplate } from '../../engine/core/template/plan';
import { a4Setup, keepTogether, PRINT_MARGINS } from '../../engine/core/template/print';
import { MIN_PRINT_PT } from '../../engine/core/print-measure';
import { defaultSet } from './helpers';

const set = defaultSet();
const leaf = set.leaves.find((l) => !l.computed && l.text.length < 60)!;
const rowOf = (plan: ReturnType<typeof planTemplate>, key: string) => plan.rows.find((r) => r.key === key)!;

test('a short criterion with a long evidence or remark gets the height of the longest text, and may grow', () => {
  const bare = planTemplate(set, { mode: 'inspection' });
  const long = 'Quyết định số 12/QĐ-TCT ngày 15/01/2024 ban hành kế hoạch thi đua; '.repeat(4);
  const withEvidence = planTemplate(set, { mode: 'inspection', prefill: { evidence: { [leaf.id]: long } } });
  const withRemark = planTemplate(set, { mode: 'inspection', prefill: { remarks: { [leaf.id]: long } } });
  const h0 = rowOf(bare, leaf.id).height!;
  expect(rowOf(withEvidence, leaf.id).height!).toBeGreaterThan(h0 * 2);
  expect(rowOf(withRemark, leaf.id).height!).toBeGreaterThan(h0 * 2);
  expect(rowOf(withRemark, leaf.id).cells.find((c) => c.kind === 'remark')!.value).toBe(long);
  // Rows where the school or the inspectors type text are free to grow; totals are not.
  expect(rowOf(bare, leaf.id).autoFit).toBe(true);
  expect(rowOf(bare, 'total').autoFit).toBeUndefined();
  // Every row with text has a height; the header's two- and three-line labels fit.
  for (const r of bare.rows) if (r.cells.some((c) => typeof c.value === 'string' && c.kind !== 'key')) expect(r.height).toBeGreaterThanOrEqual(18);
  expect(bare.rows.find((r) => r.kind === 'header')!.height).toBeGreaterThanOrEqual(45);
});

test('both modes and languages: A4 landscape, one page wide at a scale that keeps 8 pt, the header row repeated', () => {
  for (const mode of ['self', 'inspection'] as const)
    for (const lang of ['vi', 'en'] as const) {
      const p = planTemplate(set, { mode, lang }).print;
      expect(p).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '8:8', area: expect.stringMatching(/^A1:G\d+$/) });
      expect(p.printedPt).toBeGreaterThanOrEqual(MIN_PRINT_PT);
      expect(p.scale).toBeGreaterThanOrEqual(75);
      expect(p.scale).toBeLessThanOrEqual(100);
      expect(p.footer).toContain(lang === 'vi' ? 'Trang &P/&N' : 'Page &P/&N');
      expect(p.instructions).toMatchObject({ orientation: 'portrait', scale: 100 });
      expect(p.instructions.heights).toHaveLength(planTemplate(set, { mode, lang }).instructions.length);
    }
});

test('a4Setup: portrait when the columns fit at 8 pt, landscape when not, and never under 8 pt', () => {
  const o = { titleRows: '1:1', area: 'A1:B9', footer: '' };
  expect(a4Setup([50, 30], 11, o)).toMatchObject({ orientation: 'portrait', scale: 100 });
  expect(a4Setup([80, 60], 11, o).orientation).toBe('landscape');
  const wide = a4Setup([200, 200], 11, o);
  expect(wide.orientation).toBe('landscape');
  expect(wide.printedPt).toBeGreaterThanOrEqual(MIN_PRINT_PT);
});

test('keepTogether: a block that would reach the page bottom starts a new page; one well inside does not', () => {
  const p = { ...a4Setup([140], 11, { titleRows: '', area: '', footer: '' }), orientation: 'landscape' as const, scale: 100, margins: PRINT_MARGINS };
  const usable = 595 - 72 * (PRINT_MARGINS.top + PRINT_MARGINS.bottom);
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ row: i + 1, kind: 'leaf' as const, height: 20, cells: [] }));
  const fill = Math.floor(usable / 20);
  expect(keepTogether(rows(fill + 3), 1, p, [fill - 1, fill, fill + 1])).toEqual([fill - 1]);
  expect(keepTogether(rows(10), 1, p, [5, 6, 7])).toEqual([]);
});
