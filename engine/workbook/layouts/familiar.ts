/**
 * The cluster's familiar scoring table, filled by a school (and by the inspectors), read against a
 * criteria set given with --criteria. The table is located the same way the importer does; rows are
 * matched to criteria by numbering and text (tolerant of spacing, case and diacritics, strict about a
 * missing or extra criterion); self and inspection cells are passed raw with their sheet and cell, so
 * the kernel parses "8,5" and reports "tám"; the workbook's own subtotal and total formulas become
 * figures the pipeline compares with the recomputation.
 */
import type { CompiledNode, CompiledSet, Entry, Problem, Submission } from '../../core';
import { readEntryCell } from '../../core/entry-cell';
import { problem, toMilli } from '../../core';
import { classifyTotals, locateOutline, masterCell, parsePoints, textKey, type Outline, type OutlineNode } from '../../core/familiar';
import { address, cellText, type Grid } from '../../core/grid';
import { stripMarks } from '../../core/familiar/text';
import { carriedWarnings, mappingOf } from '../../core/familiar/mapping';
import { registerLayout } from './index';
import type { LayoutInput, LayoutReadResult, WorkbookFigure, WorkbookLayout } from './types';

const located = new WeakMap<Grid[], { set: unknown; r: ReturnType<typeof locateOutline> }>();
/**
 * The outline of a filled copy, read the way the criteria set's blank was read when the set says how
 * (`familiarLayout`: sheet, header row, columns), else located afresh. A saved header row that the copy
 * moved (a row inserted above) is searched for again with the saved columns.
 */
function outlineOf(input: LayoutInput): ReturnType<typeof locateOutline> {
  const cached = located.get(input.grids);
  if (cached && cached.set === input.criteria) return cached.r;
  const saved = input.criteria?.def.familiarLayout;
  const m = mappingOf(saved);
  const sheet = m.sheet && input.grids.some((g) => g.sheet === m.sheet) ? m.sheet : undefined;
  let r = locateOutline(input.grids, { file: input.file, sheet, mapping: { headerRow: m.headerRow, columns: m.columns } });
  if (!r.outline && saved) r = locateOutline(input.grids, { file: input.file, sheet, mapping: { columns: m.columns } });
  if (!r.outline && saved) r = locateOutline(input.grids, { file: input.file });
  if (saved) r = { ...r, problems: [...r.problems, ...carriedWarnings(saved, input.file, r.problems)] };
  located.set(input.grids, { set: input.criteria, r });
  return r;
}

/** Numbering compared loosely: "II." = "ii" = "II)", "Phần 1" = "phan 1". */
function numberKey(s: string): string {
  return stripMarks(s).toUpperCase().replace(/[\s.):(]+$/g, '').replace(/^\(/, '').replace(/\s+/g, ' ').trim();
}

function words(s: string): Set<string> {
  return new Set(textKey(s).split(' ').filter((w) => w.length > 1));
}

/** Share of words two texts have in common (0..1). */
function similarity(a: string, b: string): number {
  const A = words(a);
  const B = words(b);
  if (!A.size || !B.size) return A.size === B.size ? 1 : 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return common / Math.max(A.size, B.size);
}

interface Matching {
  byNode: Map<string, OutlineNode>;
  problems: Problem[];
}

/** Pair the set's tree with the workbook's outline, sibling list by sibling list. */
function match(set: CompiledSet, outline: Outline, file: string): Matching {
  const byNode = new Map<string, OutlineNode>();
  const problems: Problem[] = [];
  const sheet = outline.grid.sheet;
  const textCol = outline.table.columns.text ?? 1;
  const missing: CompiledNode[] = [];
  const extra: OutlineNode[] = [];

  const pair = (nodes: CompiledNode[], rows: OutlineNode[]) => {
    const free = new Set(rows);
    const pairs: Array<[CompiledNode, OutlineNode]> = [];
    const take = (n: CompiledNode, r: OutlineNode) => {
      free.delete(r);
      pairs.push([n, r]);
    };
    const left: CompiledNode[] = [];
    // 1. By numbering, when it is unique on both sides.
    for (const n of nodes) {
      const k = numberKey(n.number);
      const sameNumber = [...free].filter((r) => r.number && numberKey(r.number) === k);
      const sameInSet = nodes.filter((m) => numberKey(m.number) === k);
      if (k && sameNumber.length === 1 && sameInSet.length === 1) take(n, sameNumber[0]);
      else if (k && sameNumber.length > 1) {
        const exact = sameNumber.find((r) => textKey(r.text) === textKey(n.text));
        if (exact) take(n, exact);
        else left.push(n);
      } else left.push(n);
    }
    // 2. By text.
    const rest: CompiledNode[] = [];
    for (const n of left) {
      const r = [...free].find((x) => textKey(x.text) === textKey(n.text));
      if (r) take(n, r);
      else rest.push(n);
    }
    // 3. By similar text (a reworded criterion keeps most of its words).
    for (const n of rest) {
      let best: OutlineNode | undefined;
      let score = 0.6;
      for (const r of free) {
        const s = similarity(r.text, n.text);
        if (s >= score) (best = r), (score = s);
      }
      if (best) take(n, best);
      else missing.push(n);
    }
    extra.push(...free);
    pairs.sort((a, b) => a[1].row - b[1].row);
    for (const [n, r] of pairs) {
      byNode.set(n.id, r);
      if (textKey(n.text) !== textKey(r.text) && similarity(n.text, r.text) < 0.5)
        problems.push(problem('familiar_text_differs', { id: n.id, expected: clip(n.text) }, { file, sheet, cell: address(r.row, textCol), criterion: n.id }));
      const kids = n.childIds.map((id) => set.byId.get(id)!);
      if (kids.length || r.children.length) pair(kids, r.children);
    }
  };
  pair(set.sections, outline.sections);

  // Rows nested differently than the set (a criterion under another heading): pair by exact text.
  for (const n of [...missing]) {
    const same = extra.filter((r) => textKey(r.text) === textKey(n.text));
    if (same.length === 1) {
      byNode.set(n.id, same[0]);
      extra.splice(extra.indexOf(same[0]), 1);
      missing.splice(missing.indexOf(n), 1);
      const kids = n.childIds.map((id) => set.byId.get(id)!);
      if (kids.length || same[0].children.length) pair(kids, same[0].children);
    }
  }
  // Report missing criteria (a group's missing children are reported once, as the group).
  const missingIds = new Set(missing.map((m) => m.id));
  for (const n of missing) {
    if (n.parentId && missingIds.has(n.parentId)) continue;
    const parentRow = n.parentId ? byNode.get(n.parentId) : undefined;
    problems.push(
      problem(
        'familiar_missing_criterion',
        { number: n.number, text: clip(n.text) },
        { file, sheet, cell: parentRow ? address(parentRow.row, textCol) : undefined, criterion: n.id },
      ),
    );
  }
  const extraRows = new Set(extra);
  for (const r of extra) {
    if (r.parent && extraRows.has(r.parent)) continue;
    problems.push(problem('familiar_extra_row', { number: r.number || '—', text: clip(r.text) }, { file, sheet, cell: address(r.row, textCol) }));
  }
  return { byNode, problems };
}

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export const familiarLayout: WorkbookLayout = {
  name: 'familiar',

  detect(input) {
    const r = outlineOf(input);
    if (!r.outline) return 0;
    // A plain table: any layout that recognises its own marks (a template's hidden sheet) wins.
    return input.criteria ? 10 : 1;
  },

  read(input): LayoutReadResult {
    const file = input.file;
    const { outline, problems: locateProblems } = outlineOf(input);
    const empty: LayoutReadResult = { set: null, submission: null, figures: [], problems: [...locateProblems], meta: {} };
    if (!outline) return empty;
    empty.meta = { unit: outline.meta.unit, year: outline.meta.year, cluster: outline.meta.cluster };
    const set = input.criteria;
    if (!set) return { ...empty, problems: [...empty.problems, problem('criteria_required', {}, { file })] };
    const grid = outline.grid;
    const sheet = grid.sheet;
    const cols = outline.table.columns;
    const problems: Problem[] = [];
    if (cols.self === undefined && cols.inspected === undefined)
      return { ...empty, set, problems: [problem('familiar_no_score_column', {}, { file, sheet, cell: address(outline.table.headerTop, 1) })] };

    for (const leaf of set.leaves)
      if (leaf.entries.length !== 1 || leaf.entries[0].key !== leaf.id)
        problems.push(problem('familiar_kind_unsupported', { id: leaf.id, kind: leaf.kind }, { file, criterion: leaf.id }));

    const { byNode, problems: matchProblems } = match(set, outline, file);
    problems.push(...matchProblems);

    // Edited maxima of criteria (the entries are checked against the set's maxima, not the workbook's).
    for (const n of set.leaves) {
      const r = byNode.get(n.id);
      if (!r || n.max === null || cols.max === undefined || n.role === 'deduction') continue;
      const stated = r.maxCell?.formula ? outline.formulas.valueAt(r.row, cols.max) : r.max.value;
      if (stated === null) continue;
      const expected = n.max;
      if (toMilli(stated) !== toMilli(expected))
        problems.push(
          problem('familiar_max_changed', { id: n.id, workbook: stated, expected }, { file, sheet, cell: address(r.row, cols.max), criterion: n.id }),
        );
    }

    // Entries, remarks, evidence.
    const columnEntries = (col: number | undefined, column: 'self' | 'inspected'): Record<string, Entry> | null => {
      if (col === undefined) return null;
      const out: Record<string, Entry> = {};
      for (const leaf of set.leaves) {
        const r = byNode.get(leaf.id);
        if (!r || leaf.entries.length !== 1) continue;
        // Formulas, error values, dates and merges are refused, never counted (the entry stays blank but located).
        const entry = readEntryCell(grid, r.row, col, { file, criterion: leaf.id, column }, problems);
        // A deduction written as a negative number ("-1", "−0,5") is that many points off: said, not refused.
        if (leaf.role === 'deduction') {
          const v = entry.value;
          const neg = typeof v === 'number' ? v < 0 : typeof v === 'string' && /^\s*[-−–]\s*\d/.test(v);
          if (neg) {
            const points = typeof v === 'number' ? -v : String(v).replace(/^\s*[-−–]\s*/, '');
            problems.push(problem('familiar_negative_deduction', { value: v, points }, { file, sheet, cell: entry.cell, criterion: leaf.id, column }));
            entry.value = points;
          }
        }
        out[leaf.entries[0].key] = entry;
      }
      return out;
    };
    const textColumn = (col: number | undefined): Record<string, Entry> | undefined => {
      if (col === undefined) return undefined;
      const out: Record<string, Entry> = {};
      for (const leaf of set.leaves) {
        const r = byNode.get(leaf.id);
        if (r) out[leaf.id] = { value: cellText(masterCell(grid, r.row, col)), sheet, cell: address(r.row, col) };
      }
      return out;
    };
    const submission: Submission = {
      unit: outline.meta.unit,
      year: outline.meta.year,
      file,
      self: columnEntries(cols.self, 'self'),
      inspected: columnEntries(cols.inspected, 'inspected'),
      remarks: textColumn(cols.remarks),
      evidence: textColumn(cols.evidence),
    };

    // The workbook's own figures: formulas on group, section and total rows.
    const figures: WorkbookFigure[] = [];
    const figure = (node: string, row: number) => {
      for (const [column, col] of [['self', cols.self], ['inspected', cols.inspected]] as const) {
        if (col === undefined) continue;
        const cell = masterCell(grid, row, col);
        if (!cell) continue;
        if (cell.formula) {
          figures.push({ node, column, sheet, cell: address(row, col), formula: cell.formula, value: outline.formulas.valueAt(row, col) });
          continue;
        }
        // A subtotal or total typed by hand (a workbook without formulas) is checked like a formula.
        const typed = typeof cell.value === 'number' ? cell.value : typeof cell.value === 'string' ? parsePoints(cell.value).value : null;
        if (typed !== null && Number.isFinite(typed)) figures.push({ node, column, sheet, cell: address(row, col), value: typed });
      }
    };
    for (const n of set.nodes) {
      const r = byNode.get(n.id);
      if (r && !n.isLeaf) figure(n.id, r.row);
    }
    const setIdOf = new Map<OutlineNode, string>();
    for (const [id, r] of byNode) setIdOf.set(r, id);
    for (const [row, kind] of classifyTotals(outline)) {
      const node = typeof kind === 'string' ? kind : setIdOf.get(kind);
      if (node) figure(node, row);
    }

    return {
      set,
      submission,
      figures,
      problems: [...locateProblems, ...problems],
      meta: { unit: outline.meta.unit, year: outline.meta.year, cluster: outline.meta.cluster },
      // Where a criterion's (or a section's) score sits, for problems the engine finds without a cell
      // (a capped bonus or deduction section: the note is put on the section's row).
      cellOf: (id, column) => {
        const r = byNode.get(id);
        const col = column === 'self' ? cols.self : cols.inspected;
        return r && col !== undefined ? { sheet, cell: address(r.row, col) } : undefined;
      },
    };
  },
};

registerLayout(familiarLayout);
