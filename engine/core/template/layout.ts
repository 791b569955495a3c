/**
 * Where things go on the scoring sheet: the column widths, and which row each node, extra entry,
 * total, indicator and the signature block take (pass 1 of planTemplate in ./plan.ts).
 */
import type { CompiledLeaf, CompiledSet } from '../compile';
import type { EntrySpec } from '../kinds/types';
import { PlanColumnId, ScoreColumn, TEMPLATE_COLUMNS } from './plan-types';

export const COL = TEMPLATE_COLUMNS;
export const SCORE_COL: Record<ScoreColumn, number> = { self: COL.self, inspected: COL.inspected };

export const COLUMN_WIDTHS: Record<PlanColumnId, number> = { number: 8, text: 56, max: 9, self: 10, evidence: 26, inspected: 10, remark: 26, key: 14 };

/** The header row of the criteria table (the title block is above it). */
export const HEADER_ROW = 8;

export interface RowLayout {
  nodeRow: Map<string, number>;
  extraRows: Map<string, Array<{ spec: EntrySpec; row: number }>>;
  entryRow: Map<string, number>;
  totalRows: { base: number; bonus: number; penalty: number; total: number };
  tableEnd: number;
  indicatorRow: Map<string, number>;
  indicatorsHead: number | null;
  gapRow: number | null;
  signatureStart: number;
  lastRow: number;
}

/** Pass 1: the row of every node, extra entry, total and indicator. */
export function layoutRows(set: CompiledSet): RowLayout {
  let r = HEADER_ROW + 1;
  const nodeRow = new Map<string, number>();
  const extraRows = new Map<string, Array<{ spec: EntrySpec; row: number }>>();
  const entryRow = new Map<string, number>();
  for (const n of set.nodes) {
    nodeRow.set(n.id, r++);
    if (!n.isLeaf) continue;
    const leaf = n as CompiledLeaf;
    const extras: Array<{ spec: EntrySpec; row: number }> = [];
    for (const spec of leaf.entries) {
      if (spec.key === leaf.id) entryRow.set(spec.key, nodeRow.get(n.id)!);
      else {
        extras.push({ spec, row: r });
        entryRow.set(spec.key, r++);
      }
    }
    extraRows.set(n.id, extras);
  }
  const totalRows = { base: r++, bonus: r++, penalty: r++, total: r++ };
  const tableEnd = totalRows.total;
  const indicatorRow = new Map<string, number>();
  let indicatorsHead: number | null = null;
  let gapRow: number | null = null;
  if (set.indicators.length) {
    gapRow = r++;
    indicatorsHead = r++;
    for (const ind of set.indicators) {
      indicatorRow.set(ind.id, r);
      if (!ind.expr) entryRow.set(`@${ind.id}`, r);
      r++;
    }
  }
  const signatureStart = r + 1;
  const lastRow = signatureStart + 5;
  return { nodeRow, extraRows, entryRow, totalRows, tableEnd, indicatorRow, indicatorsHead, gapRow, signatureStart, lastRow };
}

export function itemOf(leaf: CompiledLeaf, key: string): { id: string; text: string; points: number } | undefined {
  const items = Array.isArray(leaf.def.items) ? (leaf.def.items as Array<{ id: string; text: string; points: number }>) : [];
  return items.find((it) => `${leaf.id}/${it.id}` === key && typeof it.points === 'number');
}

export function bandsOf(leaf: CompiledLeaf, fmt: (x: number) => string): string | undefined {
  const tiers = Array.isArray(leaf.def.tiers) ? (leaf.def.tiers as Array<{ min: number; points: number }>) : null;
  if (!tiers) return undefined;
  return [...tiers]
    .sort((a, b) => b.min - a.min)
    .map((t) => `≥ ${fmt(t.min)} → ${fmt(t.points)}`)
    .join('; ');
}
