/**
 * The layout plan of a scoring template: where every row, entry cell, score cell and formula of the
 * school's workbook goes, as plain data (addresses, values, formulas, style tokens). Pure: the exceljs
 * writer (engine/workbook/template/write.ts) and the add-in's Office.js adapter both render it, and the
 * reader of filled templates (./read.ts) checks a workbook against it.
 *
 * Rendering rules every renderer must keep:
 * - a string `value` is literal text and must never become a formula (a unit named "=HYPERLINK(...)"
 *   stays text: Office.js renderers set the number format "@" or write it with a leading apostrophe);
 * - `formula` is an Excel formula without the leading "=";
 * - only cells with `open: true` are unlocked; the sheet is protected;
 * - conditional formats are custom-formula rules whose formula is written for the first cell of the
 *   first range, with relative references only (Excel shifts them for the other cells).
 *
 * Computed criteria (formula, checklist, tiers) get the kind's raw Excel formula wrapped exactly like
 * evaluate.ts: inputs must be valid (else the criterion counts 0), the raw result is clamped to 0..max
 * and rounded down to the step, and any Excel error counts 0.
 */
import type { CompiledLeaf, CompiledNode, CompiledSet } from '../compile';
import { address, columnLetter } from '../grid';
import type { Lang } from '../i18n';
import type { EntrySpec } from '../kinds/types';
import { formatPoints } from '../points';
import { excelInvalid, excelValid } from '../entry-rule';
import { embeddedCells, templateMeta } from './embed';
import { abs, entryCells, planScores, quoteSheet } from './formulas';
import { instructionsFor } from './instructions';
import { LABELS } from './labels';
import { bandsOf, COL, COLUMN_WIDTHS, HEADER_ROW, itemOf, layoutRows, SCORE_COL } from './layout';
import {
  EMBED_SHEET,
  NAME_INSPECTED_TOTAL,
  NAME_SELF_TOTAL,
  type CellKind,
  type PlanCell,
  type PlanColumnId,
  type PlanConditionalFormat,
  type PlanExpectation,
  type PlanRow,
  type RowKind,
  type ScoreColumn,
  type TemplateOptions,
  type TemplatePlan,
} from './plan-types';
import { fitRows, planPrint } from './print';
import { validationFor } from './validation';

// The plan's parts, each in its own file: data model (./plan-types), texts (./labels), row layout
// (./layout), score formulas (./formulas), data validation (./validation), instructions sheet
// (./instructions), hidden sheet (./embed). Everything other modules use is exported from here.
export * from './plan-types';
export { sumOf, wrapComputed } from './formulas';
export { EMBED_JSON_ROW } from './embed';

// ---------------------------------------------------------------------------------------------- plan

export function planTemplate(set: CompiledSet, opts: TemplateOptions): TemplatePlan {
  const lang: Lang = opts.lang ?? 'vi';
  const L = LABELS[lang];
  const mode = opts.mode;
  const fmt = (x: number) => formatPoints(x, lang);
  const openCol: ScoreColumn = mode === 'self' ? 'self' : 'inspected';
  const year = opts.year ?? set.def.year ?? null;
  const cluster = opts.cluster ?? set.def.cluster ?? '';
  const unit = opts.unit ?? opts.prefill?.unit ?? '';

  // ---- pass 1: rows
  const layout = layoutRows(set);
  const { nodeRow, extraRows, entryRow, totalRows, tableEnd, indicatorRow, indicatorsHead, gapRow, signatureStart, lastRow } = layout;

  const at = (row: number, col: number) => address(row, col);
  const entries = entryCells(set, layout);
  const indicatorCell = (c: ScoreColumn, id: string) => at(indicatorRow.get(id)!, SCORE_COL[c]);

  // ---- pass 2: score formulas
  const { scores, computedInputs } = planScores(set, layout, entries);

  // ---- pass 3: cells
  const rows: PlanRow[] = [];
  const expectations: PlanExpectation[] = [];
  const unlocked: string[] = [];
  const evidence: Record<string, string> = {};
  const remarks: Record<string, string> = {};
  const cf = new Map<string, { ranges: string[]; formula: (first: string, row: number) => string; style: PlanConditionalFormat['style']; priority: number }>();
  const addCf = (template: string, cell: string, style: PlanConditionalFormat['style'], priority: number, make: (a: string, row: number) => string) => {
    const k = `${style}|${template}`;
    const g = cf.get(k);
    if (g) g.ranges.push(cell);
    else cf.set(k, { ranges: [cell], formula: make, style, priority });
  };
  const cellOf = (row: number, col: number, kind: CellKind, extra: Partial<PlanCell> = {}): PlanCell => {
    const c: PlanCell = { address: at(row, col), row, col, kind, ...extra };
    if (c.open) unlocked.push(c.address);
    return c;
  };
  const prefillSelf = mode === 'inspection' ? opts.prefill?.self ?? {} : {};
  const prefillEvidence = opts.prefill?.evidence ?? {};
  const prefillRemarks = mode === 'inspection' ? opts.prefill?.remarks ?? {} : {};

  // Title block.
  const lastCol = COL.remark;
  rows.push({
    row: 1,
    kind: 'org',
    cells: [
      cellOf(1, 1, 'org', { value: cluster.toUpperCase(), mergeTo: at(1, COL.text) }),
      cellOf(1, COL.evidence, 'org', { value: L.org, mergeTo: at(1, lastCol) }),
    ],
  });
  rows.push({ row: 2, kind: 'org', cells: [cellOf(2, COL.evidence, 'motto', { value: L.motto, mergeTo: at(2, lastCol) })] });
  const title = (set.def.title || '').toUpperCase();
  rows.push({ row: 3, kind: 'blank', cells: [] });
  rows.push({ row: 4, kind: 'title', cells: [cellOf(4, 1, 'title', { value: title, mergeTo: at(4, lastCol) })] });
  rows.push({
    row: 5,
    kind: 'subtitle',
    cells: [cellOf(5, 1, 'subtitle', { value: mode === 'self' ? L.subtitleSelf : L.subtitleInspection, mergeTo: at(5, lastCol) })],
  });
  const unitCell = at(6, COL.text);
  const yearCell = at(6, COL.inspected);
  rows.push({
    row: 6,
    kind: 'meta',
    cells: [
      cellOf(6, 1, 'label', { value: L.unit }),
      cellOf(6, COL.text, 'meta-value', { value: unit, numFmt: 'text', open: mode === 'self', mergeTo: at(6, COL.max) }),
      cellOf(6, COL.evidence, 'label', { value: L.year }),
      cellOf(6, COL.inspected, 'meta-value', { value: year, numFmt: 'integer', open: mode === 'self' && year === null }),
    ],
  });
  rows.push({
    row: 7,
    kind: 'note',
    cells: [cellOf(7, 1, 'note', { value: L.setLine(set.id, set.hash.slice(0, 12)), mergeTo: at(7, lastCol) })],
  });

  // Header.
  const columns = (Object.keys(COL) as PlanColumnId[]).map((id) => ({
    id,
    col: COL[id],
    letter: columnLetter(COL[id]),
    width: COLUMN_WIDTHS[id],
    header: L.headers[id],
    hidden: id === 'key' ? true : undefined,
  }));
  rows.push({
    row: HEADER_ROW,
    kind: 'header',
    cells: columns.map((c) => cellOf(HEADER_ROW, c.col, c.id === 'key' ? 'key' : 'header', { value: c.header })),
  });

  const scoreCell = (c: ScoreColumn, n: CompiledNode, row: number, hideZero: boolean): PlanCell => {
    const s = scores[c][n.id];
    return cellOf(row, SCORE_COL[c], 'score', { formula: s.formula, numFmt: hideZero ? 'points-hide-zero' : 'points' });
  };
  const hideZero = (c: ScoreColumn) => mode === 'self' && c === 'inspected';

  const entryCell = (c: ScoreColumn, spec: EntrySpec, row: number, leaf: CompiledLeaf | null, itemPoints?: number): PlanCell => {
    const a = entries[c][spec.key];
    const open = c === openCol;
    const pre = c === 'self' ? prefillSelf[spec.key] : undefined;
    let value: string | number | null = null;
    // The school's values exactly as they were: text stays text ("2,5" counted 0 by the school's workbook
    // counts 0 here too), so that both workbooks and the engine give the school the same self total.
    if (pre !== undefined && pre !== null && pre !== '') value = typeof pre === 'number' ? pre : typeof pre === 'boolean' ? (pre ? 'x' : '') : String(pre);
    const validation = validationFor(spec, c, leaf, lang, a, itemPoints);
    const cell = cellOf(row, SCORE_COL[c], 'entry', {
      open,
      value,
      numFmt: spec.type === 'flag' ? 'general' : spec.integer ? 'integer' : leaf ? (hideZero(c) ? 'points-hide-zero' : 'points') : 'general',
      validation,
      entry: { key: spec.key, column: c },
    });
    // Conditional formats: invalid values in both columns, missing required entries in the open one.
    // The rule's own expression, written for the placeholder "@" to group cells sharing it.
    addCf(excelInvalid('@', spec), a, 'cf-invalid', 2, (f) => excelInvalid(f, spec));
    if (spec.type !== 'flag' && !spec.blankIsZero && open) addCf('missing', a, 'cf-missing', 3, (f) => `LEN(${f})=0`);
    return cell;
  };

  // Table rows.
  for (const n of set.nodes) {
    const row = nodeRow.get(n.id)!;
    const kind: RowKind = n.depth === 0 ? 'section' : n.isLeaf ? 'leaf' : 'group';
    // A capped section (bonus, or a deduction "trừ tối đa 10 điểm") shows its cap: what the engine counts at most.
    const maxShown = n.depth === 0 && n.role !== 'base' ? n.cap ?? n.max : n.max;
    // A deduction row says what to type in it: the number of cases or the points.
    const ownSpec = n.isLeaf && n.role === 'deduction' ? set.entryByKey.get(n.id) : undefined;
    const text = ownSpec ? `${n.text}${L.deductionHint(ownSpec.unit === 'cases' ? 'cases' : 'points')}` : n.text;
    const cells: PlanCell[] = [
      cellOf(row, COL.number, 'number', { value: n.number, numFmt: 'text' }),
      cellOf(row, COL.text, 'text', { value: text, note: typeof n.def.guidance === 'string' ? n.def.guidance : undefined }),
      cellOf(row, COL.max, 'max', { value: maxShown, numFmt: 'general' }),
    ];
    // Templates written before a capped deduction showed its cap left that cell as the section's max.
    const legacyMax = n.role === 'deduction' && maxShown !== n.max ? { alsoAccepted: n.max } : {};
    expectations.push({ key: n.id, row, criterion: n.id, number: n.number, text, max: maxShown, ...legacyMax });
    if (n.isLeaf) {
      const leaf = n as CompiledLeaf;
      const own = leaf.entries.find((e) => e.key === leaf.id);
      for (const c of ['self', 'inspected'] as ScoreColumn[]) {
        if (own && !leaf.computed) cells.push(entryCell(c, own, row, leaf));
        else {
          const sc = scoreCell(c, n, row, hideZero(c));
          const inputs = (computedInputs.get(leaf.id) ?? []).concat(leaf.entries.filter((e) => e.type === 'flag').map((e) => e.key));
          const where = inputs
            .map((k) => {
              const ind = k.startsWith('@') ? set.indicators.find((i) => `@${i.id}` === k) : undefined;
              const rr = ind ? indicatorRow.get(ind.id) : entryRow.get(k);
              return `${ind ? ind.text : set.entryByKey.get(k)?.label ?? k} (${lang === 'vi' ? 'dòng' : 'row'} ${rr})`;
            })
            .join('; ');
          if (c === 'self') sc.note = L.computedNote(where);
          cells.push(sc);
        }
      }
      const ev = at(row, COL.evidence);
      const pe = prefillEvidence[leaf.id];
      cells.push(cellOf(row, COL.evidence, 'evidence', { value: pe === undefined || pe === null ? null : String(pe), numFmt: 'text', open: mode === 'self' }));
      evidence[leaf.id] = ev;
      if (leaf.evidence)
        addCf('evidence', ev, 'cf-evidence', 4, (f, rr) => `AND(N(${at(rr, COL.self)})>0,LEN(${f})=0)`);
      const rm = at(row, COL.remark);
      const pr = prefillRemarks[leaf.id];
      cells.push(cellOf(row, COL.remark, 'remark', { value: pr === undefined || pr === null ? undefined : String(pr), numFmt: 'text', open: mode === 'inspection' }));
      remarks[leaf.id] = rm;
    } else {
      for (const c of ['self', 'inspected'] as ScoreColumn[]) cells.push(scoreCell(c, n, row, hideZero(c)));
    }
    cells.push(cellOf(row, COL.key, 'key', { value: n.id }));
    rows.push({
      row,
      kind,
      key: n.id,
      criterion: n.id,
      depth: n.depth,
      cells,
    });

    if (n.isLeaf) {
      const leaf = n as CompiledLeaf;
      for (const { spec, row: er } of extraRows.get(n.id) ?? []) {
        const item = itemOf(leaf, spec.key);
        const bands = bandsOf(leaf, fmt);
        const label = spec.label + (item ? ` (${L.points(fmt(item.points))})` : '');
        const ecells: PlanCell[] = [
          cellOf(er, COL.number, 'number', { value: '-', numFmt: 'text' }),
          cellOf(er, COL.text, 'text', { value: label, note: bands ? L.tiersNote(bands) : undefined }),
          cellOf(er, COL.max, 'max', { value: item ? item.points : null, numFmt: 'general' }),
        ];
        for (const c of ['self', 'inspected'] as ScoreColumn[]) ecells.push(entryCell(c, spec, er, null, item?.points));
        ecells.push(cellOf(er, COL.key, 'key', { value: spec.key }));
        expectations.push({ key: spec.key, row: er, criterion: leaf.id, number: '-', text: label, max: item ? item.points : null });
        rows.push({ row: er, kind: 'item', key: spec.key, criterion: leaf.id, depth: n.depth + 1, outlineLevel: 1, cells: ecells });
      }
    }
  }

  // Totals.
  const baseSections = set.sections.filter((s) => s.role === 'base');
  const range = baseSections.length ? `${baseSections[0].number}${baseSections.length > 1 ? `–${baseSections[baseSections.length - 1].number}` : ''}` : '';
  const totalLine = (key: 'base' | 'bonus' | 'penalty' | 'total', text: string, max: number | null, kind: RowKind) => {
    const row = totalRows[key];
    const cells: PlanCell[] = [
      cellOf(row, COL.number, 'number', { value: null }),
      cellOf(row, COL.text, 'text', { value: text }),
      cellOf(row, COL.max, 'max', { value: max, numFmt: 'general' }),
    ];
    for (const c of ['self', 'inspected'] as ScoreColumn[])
      cells.push(cellOf(row, SCORE_COL[c], 'score', { formula: scores[c][key].formula, numFmt: hideZero(c) ? 'points-hide-zero' : 'points' }));
    cells.push(cellOf(row, COL.evidence, 'evidence', {}), cellOf(row, COL.remark, 'remark', {}), cellOf(row, COL.key, 'key', { value: key }));
    rows.push({ row, kind, key, cells });
    expectations.push({ key, row, criterion: key, number: '', text, max });
  };
  totalLine('base', L.base(range), set.maxBase, 'total');
  totalLine('bonus', L.bonus(fmt(set.maxBonus)), set.maxBonus, 'total');
  totalLine('penalty', L.penalty, null, 'total');
  const maxTotal = Number((set.maxBase + set.maxBonus).toFixed(3));
  totalLine('total', L.total, maxTotal, 'grand-total');

  // Indicators.
  if (indicatorsHead !== null && gapRow !== null) {
    // Separator rows carry keys too, so that every row from the header to the last indicator is checked.
    rows.push({ row: gapRow, kind: 'blank', key: '#gap', cells: [cellOf(gapRow, COL.key, 'key', { value: '#gap' })] });
    expectations.push({ key: '#gap', row: gapRow, criterion: '', number: '', text: '', max: null });
    rows.push({
      row: indicatorsHead,
      kind: 'indicators-head',
      key: '#indicators',
      cells: [
        cellOf(indicatorsHead, 1, 'header', { value: L.indicatorsHead, mergeTo: at(indicatorsHead, lastCol) }),
        cellOf(indicatorsHead, COL.key, 'key', { value: '#indicators' }),
      ],
    });
    expectations.push({ key: '#indicators', row: indicatorsHead, criterion: '', number: L.indicatorsHead, text: '', max: null });
    set.indicators.forEach((ind, i) => {
      const row = indicatorRow.get(ind.id)!;
      const withUnit = ind.unit && !ind.text.includes(`(${ind.unit})`) ? `${ind.text} (${ind.unit})` : ind.text;
      const text = `${withUnit}${ind.expr ? ` ${L.derived}` : ''}`;
      const cells: PlanCell[] = [cellOf(row, COL.number, 'number', { value: String(i + 1), numFmt: 'text' }), cellOf(row, COL.text, 'text', { value: text })];
      cells.push(cellOf(row, COL.max, 'max', { value: null }));
      for (const c of ['self', 'inspected'] as ScoreColumn[]) {
        if (ind.expr) {
          const guards: string[] = [];
          const seen = new Set<string>();
          const raw = ind.expr.toExcel((name) => {
            const a = indicatorCell(c, name);
            if (!indicatorRow.has(name)) return '#REF!';
            if (!seen.has(name)) {
              seen.add(name);
              const spec = set.entryByKey.get(`@${name}`);
              guards.push(...(spec ? excelValid(a, spec) : [`ISNUMBER(${a})`]));
            }
            return a;
          });
          const formula = `IFERROR(${guards.length ? `IF(AND(${guards.join(',')}),${raw},"")` : raw},"")`;
          cells.push(cellOf(row, SCORE_COL[c], 'score', { formula, numFmt: 'points' }));
        } else {
          cells.push(entryCell(c, set.entryByKey.get(`@${ind.id}`)!, row, null));
        }
      }
      cells.push(cellOf(row, COL.key, 'key', { value: `@${ind.id}` }));
      rows.push({ row, kind: ind.expr ? 'derived' : 'indicator', key: `@${ind.id}`, cells });
      expectations.push({ key: `@${ind.id}`, row, criterion: ind.id, number: String(i + 1), text, max: null });
    });
  }

  // Signature block.
  const sign = mode === 'self' ? L.signSelf : L.signInspection;
  rows.push({ row: signatureStart, kind: 'signature', cells: [cellOf(signatureStart, COL.evidence, 'note', { value: L.date, mergeTo: at(signatureStart, lastCol) })] });
  rows.push({
    row: signatureStart + 1,
    kind: 'signature',
    cells: [
      cellOf(signatureStart + 1, 1, 'signature', { value: sign[0], mergeTo: at(signatureStart + 1, COL.text) }),
      cellOf(signatureStart + 1, COL.evidence, 'signature', { value: sign[1], mergeTo: at(signatureStart + 1, lastCol) }),
    ],
  });
  rows.push({
    row: signatureStart + 2,
    kind: 'signature',
    cells: [
      cellOf(signatureStart + 2, 1, 'note', { value: L.signHint, mergeTo: at(signatureStart + 2, COL.text) }),
      cellOf(signatureStart + 2, COL.evidence, 'note', { value: L.signHintSeal, mergeTo: at(signatureStart + 2, lastCol) }),
    ],
  });
  rows.sort((a, b) => a.row - b.row);
  // Every row as high as the wrapped text of all its cells (criterion, evidence, remark, titles).
  fitRows(rows, columns);

  const sheetName = L.sheet;
  const names = (['self', 'inspected'] as ScoreColumn[]).map((c) => ({
    name: c === 'self' ? NAME_SELF_TOTAL : NAME_INSPECTED_TOTAL,
    ref: `${quoteSheet(sheetName)}!${abs(scores[c].total.address)}`,
    column: c,
  }));

  const instructions = instructionsFor(set, mode, lang, { unitCell, sheetName, totalSelf: scores.self.total.address, totalInspected: scores.inspected.total.address });
  const meta = templateMeta(set, opts, { mode, unit, year, cluster, lang, sheet: sheetName }, rows);

  return {
    mode,
    lang,
    sheetName,
    instructionsSheetName: L.instructions,
    columns,
    rows,
    headerRow: HEADER_ROW,
    tableRows: [HEADER_ROW + 1, tableEnd],
    lastRow,
    unitCell,
    yearCell,
    entries,
    scores,
    evidence,
    remarks,
    expectations,
    names,
    conditionalFormats: [...cf.values()].map((g) => {
      const first = g.ranges[0];
      const row = Number(/\d+$/.exec(first)![0]);
      return { ranges: g.ranges, formula: g.formula(first, row), style: g.style, priority: g.priority };
    }),
    unlocked,
    print: planPrint({ rows, columns, headerRow: HEADER_ROW, area: `A1:${at(lastRow, lastCol)}`, lang }, instructions),
    instructions,
    embedded: { sheetName: EMBED_SHEET, cells: embeddedCells(set, meta) },
    meta,
  };
}
