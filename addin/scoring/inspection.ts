/**
 * Inspection mode on a school's filled scoring sheet (kiểm tra chéo), as pure data for the host:
 * - the edits that switch the sheet from self-assessment to inspection (self scores and evidence locked,
 *   the inspector's column and the remark column opened, the plan's inspection look, mode recorded);
 * - the edits that finish an inspection (everything locked again, inspector and date stamped) and that
 *   reopen it;
 * - the live summary the pane shows while the inspector types (difference per criterion, totals,
 *   criteria still to score, changed scores without a remark).
 *
 * Where the stamp goes (documented in docs/addin.md):
 * - visibly, in the signature block of the scoring sheet: the inspector's name under "TRƯỞNG ĐOÀN KIỂM TRA"
 *   (last row of the plan, columns A:B) and the date in the date line above the signatures (column E);
 * - machine-readably, on the hidden sheet `_thidua`, columns D:E (key | value), next to the template's
 *   metadata in A:B, which the engine's reader ignores (so the criteria hash and `thidua check` are
 *   unaffected): inspectionStatus, inspectionStartedAt, inspector, inspectionDate, inspectionFinishedAt.
 * The mode itself is the template's own metadata cell ("mode" row of A:B), so `thidua check` and the
 * engine read the workbook as an inspection template afterwards.
 */
import type { CompiledSet } from '../../engine/core/compile';
import { columnLetter, parseAddress } from '../../engine/core/grid';
import type { Lang } from '../../engine/core/i18n';
import { toMilli } from '../../engine/core/points';
import type { Problem } from '../../engine/core/problems';
import { EMBED_SHEET, NUM_FMT, type TemplatePlan } from '../../engine/core/template/plan';
import type { HostValue, SheetEdit } from '../host/types';
import { asText, conditionalRules } from './render-plan';
import type { SheetValidation } from './validate';

const FILL = { open: '#FFF9E6', locked: '#F2F2F2', none: '#FFFFFF' };

/** Key | value cells of the inspection record on the hidden sheet (columns D:E). */
export const STAMP_KEYS = ['inspectionStatus', 'inspectionStartedAt', 'inspector', 'inspectionDate', 'inspectionFinishedAt'] as const;
export type StampKey = (typeof STAMP_KEYS)[number];
export const STAMP_RANGE = `D1:E${STAMP_KEYS.length}`;
const stampRow = (k: StampKey) => STAMP_KEYS.indexOf(k) + 1;

/** Single cells grouped into vertical runs per column ("F10:F14"), so locking costs few operations. */
export function runs(cells: string[]): string[] {
  const pts = cells
    .map((c) => parseAddress(c))
    .filter((p): p is NonNullable<typeof p> => !!p)
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < pts.length) {
    let j = i;
    while (j + 1 < pts.length && pts[j + 1].col === pts[i].col && pts[j + 1].row <= pts[j].row + 1) j++;
    const L = columnLetter(pts[i].col);
    out.push(pts[j].row > pts[i].row ? `${L}${pts[i].row}:${L}${pts[j].row}` : `${L}${pts[i].row}`);
    i = j + 1;
  }
  return out;
}

function stampBlocks(values: Partial<Record<StampKey, string>>): SheetEdit['blocks'] {
  return Object.entries(values).map(([k, v]) => {
    const r = stampRow(k as StampKey);
    return { address: `D${r}:E${r}`, cells: [[k, asText(v ?? '')]], numberFormat: [['@', '@']] };
  });
}

/** Cells of the inspection plan that differ in wording from the self plan: subtitle and signature block. */
function wordingBlocks(plan: TemplatePlan): NonNullable<SheetEdit['blocks']> {
  const out: NonNullable<SheetEdit['blocks']> = [];
  for (const row of plan.rows)
    if (row.kind === 'subtitle' || row.kind === 'signature')
      for (const c of row.cells) if (typeof c.value === 'string') out.push({ address: c.address, cells: [[asText(c.value)]] });
  return out;
}

/** Number formats of the inspector's column in the inspection plan (zeros shown: 0 is a score). */
function inspectedFormats(plan: TemplatePlan): { address: string; formats: string[][] } | null {
  const col = plan.columns.find((c) => c.id === 'inspected');
  if (!col) return null;
  const top = plan.headerRow + 1;
  const byRow = new Map<number, string>();
  for (const row of plan.rows) for (const c of row.cells) if (c.col === col.col && row.row >= top && c.numFmt) byRow.set(row.row, NUM_FMT[c.numFmt]);
  if (!byRow.size) return null;
  const bottom = Math.max(...byRow.keys());
  return { address: `${col.letter}${top}:${col.letter}${bottom}`, formats: Array.from({ length: bottom - top + 1 }, (_, i) => [byRow.get(top + i) ?? 'General']) };
}

/**
 * Switch a self-assessment sheet to inspection: `self` is the plan the sheet was made from, `inspection`
 * the same set and metadata planned in inspection mode. One batch (1 round trip).
 */
export function switchToInspectionEdits(self: TemplatePlan, inspection: TemplatePlan, startedAt: string): SheetEdit[] {
  const selfEntries = Object.values(inspection.entries.self);
  const inspEntries = Object.values(inspection.entries.inspected);
  const evidence = Object.values(inspection.evidence);
  const remarks = Object.values(inspection.remarks);
  const tableRange = `A${inspection.headerRow + 1}:${columnLetter(Math.max(...inspection.columns.filter((c) => !c.hidden).map((c) => c.col)))}${inspection.lastRow}`;
  const nf = inspectedFormats(inspection);
  return [
    {
      sheet: inspection.sheetName,
      unprotect: true,
      numberFormats: nf ? [nf] : [],
      blocks: wordingBlocks(inspection),
      formats: [
        ...runs(selfEntries).map((address) => ({ address, fill: FILL.locked })),
        ...runs(evidence).map((address) => ({ address, fill: FILL.none })),
        ...runs(inspEntries).map((address) => ({ address, fill: FILL.open })),
        ...runs(remarks).map((address) => ({ address, fill: FILL.open })),
      ],
      locked: runs([...self.unlocked, ...selfEntries, ...evidence]),
      unlocked: runs(inspection.unlocked),
      clearConditional: tableRange,
      conditional: conditionalRules(inspection),
      protect: true,
    },
    {
      sheet: EMBED_SHEET,
      unprotect: true,
      blocks: [
        // Every metadata cell of the inspection plan (mode, self stamp, metadata hash): the hash covers
        // them together, so they are written together.
        ...inspection.embedded.cells.map((c) =>
          typeof c.value === 'string'
            ? { address: c.address, cells: [[asText(c.value)]] as HostValue[][], numberFormat: [['@']] }
            : { address: c.address, cells: [[c.value]] as HostValue[][], numberFormat: [['General']] },
        ),
        ...(stampBlocks({ inspectionStatus: 'in-progress', inspectionStartedAt: startedAt }) ?? []),
      ],
      protect: true,
    },
  ];
}

export function formatStampDate(d: Date, lang: Lang): string {
  const dd = String(d.getDate()).padStart(2, '0');
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  return lang === 'vi' ? `............, ngày ${dd} tháng ${mm} năm ${d.getFullYear()}` : `............, date ${dd}/${mm}/${d.getFullYear()}`;
}

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Where the inspector's name and the date are written on the scoring sheet. */
export function stampCells(plan: TemplatePlan): { name: string; nameMerge: string; date: string } {
  const sig = Math.min(...plan.rows.filter((r) => r.kind === 'signature').map((r) => r.row));
  return { name: `A${plan.lastRow}`, nameMerge: `A${plan.lastRow}:B${plan.lastRow}`, date: `E${sig}` };
}

/** Finish: lock the inspector's cells, stamp name and date (sheet and hidden record), protect. 1 round trip. */
export function finishInspectionEdits(plan: TemplatePlan, inspector: string, when: Date): SheetEdit[] {
  const at = stampCells(plan);
  return [
    {
      sheet: plan.sheetName,
      unprotect: true,
      blocks: [
        { address: at.name, cells: [[asText(inspector)]], numberFormat: [['@']] },
        { address: at.date, cells: [[formatStampDate(when, plan.lang)]], numberFormat: [['@']] },
      ],
      merges: [at.nameMerge],
      formats: [{ address: at.nameMerge, bold: true, align: 'center' }, ...runs(plan.unlocked).map((address) => ({ address, fill: FILL.locked }))],
      locked: runs(plan.unlocked),
      protect: true,
    },
    {
      sheet: EMBED_SHEET,
      unprotect: true,
      blocks: stampBlocks({ inspectionStatus: 'finished', inspector, inspectionDate: isoDay(when), inspectionFinishedAt: when.toISOString() }),
      protect: true,
    },
  ];
}

/** Reopen a finished inspection: the inspector's cells open again. 1 round trip. */
export function reopenInspectionEdits(plan: TemplatePlan): SheetEdit[] {
  return [
    {
      sheet: plan.sheetName,
      unprotect: true,
      formats: runs(plan.unlocked).map((address) => ({ address, fill: FILL.open })),
      unlocked: runs(plan.unlocked),
      protect: true,
    },
    { sheet: EMBED_SHEET, unprotect: true, blocks: stampBlocks({ inspectionStatus: 'in-progress' }), protect: true },
  ];
}

/** The inspection record read back from the hidden sheet's D:E cells. */
export function parseStamp(values: HostValue[][] | undefined): Partial<Record<StampKey, string>> {
  const out: Partial<Record<StampKey, string>> = {};
  for (const row of values ?? []) {
    const k = row[3];
    if (typeof k === 'string' && (STAMP_KEYS as readonly string[]).includes(k)) out[k as StampKey] = row[4] === null || row[4] === undefined ? '' : String(row[4]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------- live summary

export interface InspectionRow {
  id: string;
  number: string;
  text: string;
  /** The cell the inspector fills (or the computed score cell of a formula criterion). */
  cell: string;
  self: number | null;
  inspected: number | null;
  /** inspected - self, when both are known. */
  delta: number | null;
  /** |delta| at or above the tolerance. */
  over: boolean;
  /** The score changed and the remark cell is empty. */
  needsRemark: boolean;
}

export interface InspectionSummary {
  tolerance: number;
  selfTotal: number | null;
  inspectedTotal: number | null;
  filled: number;
  expected: number;
  rows: InspectionRow[];
  /** Criteria the inspector has not scored yet. */
  remaining: InspectionRow[];
  /** Rows whose score moved by the tolerance or more. */
  over: InspectionRow[];
  withoutRemark: InspectionRow[];
}

/** "II" / "2" / "2.1" -> "II.2.1" (a printed number that carries its parent's is kept as is). */
export function printedNumber(set: CompiledSet, id: string): string {
  const parts: string[] = [];
  for (let n = set.byId.get(id); n; n = n.parentId ? set.byId.get(n.parentId) : undefined) parts.unshift(n.number);
  const out: string[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && p.startsWith(`${last}.`)) out[out.length - 1] = p;
    else out.push(p);
  }
  return out.join('.');
}

export function inspectionSummary(set: CompiledSet, plan: TemplatePlan, v: SheetValidation | null): InspectionSummary {
  const tolerance = set.def.policy?.tolerance ?? 1;
  const tol = toMilli(tolerance);
  const noRemark = new Set(((v?.problems ?? []) as Problem[]).filter((p) => p.code === 'change_without_remark').map((p) => p.criterion));
  const rows: InspectionRow[] = set.leaves.map((leaf) => {
    const self = v?.self?.nodes[leaf.id] ?? null;
    const inspected = v?.inspected?.nodes[leaf.id] ?? null;
    const delta = self !== null && inspected !== null ? (toMilli(inspected) - toMilli(self)) / 1000 : null;
    return {
      id: leaf.id,
      number: printedNumber(set, leaf.id),
      text: leaf.text,
      cell: plan.entries.inspected[leaf.id] ?? plan.scores.inspected[leaf.id]?.address ?? '',
      self,
      inspected,
      delta,
      over: delta !== null && delta !== 0 && Math.abs(toMilli(delta)) >= tol,
      needsRemark: noRemark.has(leaf.id),
    };
  });
  const expected = set.entries.filter((e) => !e.blankIsZero).length;
  return {
    tolerance,
    selfTotal: v?.self?.total ?? null,
    inspectedTotal: v?.inspected?.total ?? null,
    filled: v?.inspected?.filled ?? 0,
    expected: v?.inspected?.expected ?? expected,
    rows,
    // Blank bonus, deduction and checklist items mean 0: only criteria that need an entry remain to score.
    remaining: rows.filter((r, i) => r.inspected === null && (set.leaves[i].computed || set.leaves[i].entries.some((e) => !e.blankIsZero))),
    over: rows.filter((r) => r.over),
    withoutRemark: rows.filter((r) => r.needsRemark),
  };
}
