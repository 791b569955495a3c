/**
 * The template plan (engine/core/template/plan.ts) as sheet layouts for the host: one block of cells and
 * one of number formats for the whole table, formats grouped by row and column, merges, validation
 * grouped over consecutive rows, conditional formats, unlocked entry cells, names, print setup. Pure.
 */
import type { PlanCell, PlanValidation, TemplatePlan } from '../../engine/core/template/plan';
import { EMBED_SHEET, NUM_FMT } from '../../engine/core/template/plan';
import { columnLetter } from '../../engine/core/grid';
import type { ConditionalRule, HostValue, RangeFormat, SheetLayout, ValidationRule } from '../host/types';
import type { ScoringSheetMap } from './sheet-map';

const COLORS = {
  header: '#DDEBF7',
  section: '#E2EFDA',
  total: '#FCE4D6',
  open: '#FFF9E6',
  locked: '#F2F2F2',
  missing: '#FFEB9C',
  invalid: '#FFC7CE',
  invalidFont: '#9C0006',
  evidence: '#F8CBAD',
  note: '#595959',
};

/** Excel column width (characters) to points, as Office.js wants it. */
const points = (chars: number) => Math.round(chars * 5.7 * 10) / 10;

/** Text that Excel would take for a formula or a number sign is written with a leading apostrophe. */
export function asText(s: string): string {
  return /^[=+\-@']/.test(s) ? `'${s}` : s;
}

function cellContent(c: PlanCell): HostValue {
  if (c.formula) return `=${c.formula}`;
  if (c.value === undefined || c.value === null) return null;
  return typeof c.value === 'string' ? asText(c.value) : c.value;
}

function validationRule(address: string, v: PlanValidation): ValidationRule {
  return {
    address,
    type: v.type,
    formula: v.formula,
    min: v.min,
    max: v.operator === 'greaterThanOrEqual' ? undefined : v.max,
    list: v.list,
    prompt: { title: v.promptTitle, message: v.prompt },
    error: { title: v.errorTitle, message: v.error },
  };
}

/** Merge cells sharing a key over consecutive rows of one column into ranges ("D10:D14"). */
function groupRuns<T>(items: Array<{ row: number; col: number; key: string; value: T }>): Array<{ address: string; value: T }> {
  const sorted = [...items].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: Array<{ address: string; value: T }> = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].key === sorted[i].key && sorted[j + 1].row === sorted[j].row + 1) j++;
    const L = columnLetter(sorted[i].col);
    out.push({ address: j > i ? `${L}${sorted[i].row}:${L}${sorted[j].row}` : `${L}${sorted[i].row}`, value: sorted[i].value });
    i = j + 1;
  }
  return out;
}

export function scoringLayout(plan: TemplatePlan): SheetLayout {
  const lastCol = Math.max(...plan.columns.map((c) => c.col));
  const L = columnLetter(lastCol);
  const visibleLast = columnLetter(Math.max(...plan.columns.filter((c) => !c.hidden).map((c) => c.col)));
  const cells: HostValue[][] = Array.from({ length: plan.lastRow }, () => Array<HostValue>(lastCol).fill(null));
  const numFmt: string[][] = Array.from({ length: plan.lastRow }, () => Array<string>(lastCol).fill('General'));
  const merges: string[] = [];
  const formats: RangeFormat[] = [];
  const validations: Array<{ row: number; col: number; key: string; value: PlanValidation }> = [];
  const [tableTop, tableBottom] = plan.tableRows;

  for (const row of plan.rows) {
    for (const c of row.cells) {
      cells[c.row - 1][c.col - 1] = cellContent(c);
      if (c.numFmt) numFmt[c.row - 1][c.col - 1] = NUM_FMT[c.numFmt];
      if (c.mergeTo) merges.push(`${c.address}:${c.mergeTo}`);
      if (c.validation) validations.push({ row: c.row, col: c.col, key: JSON.stringify(c.validation), value: c.validation });
      if (c.kind === 'entry' || c.kind === 'evidence' || c.kind === 'remark' || c.kind === 'meta-value')
        formats.push({ address: c.address, fill: c.open ? COLORS.open : c.kind === 'entry' ? COLORS.locked : undefined });
      if (c.kind === 'text' && row.depth) formats.push({ address: c.address, indent: row.depth });
    }
    const whole = `A${row.row}:${visibleLast}${row.row}`;
    switch (row.kind) {
      case 'org':
        formats.push({ address: whole, bold: true, align: 'center', wrap: true });
        break;
      case 'title':
        formats.push({ address: whole, bold: true, fontSize: 14, align: 'center', wrap: true });
        break;
      case 'subtitle':
        formats.push({ address: whole, italic: true, align: 'center' });
        break;
      case 'note':
        formats.push({ address: whole, italic: true, fontSize: 9, fontColor: COLORS.note });
        break;
      case 'header':
      case 'indicators-head':
        formats.push({ address: whole, bold: true, fill: COLORS.header, align: 'center', verticalAlign: 'center', wrap: true, border: true });
        break;
      case 'section':
        formats.push({ address: whole, bold: true, fill: COLORS.section });
        break;
      case 'group':
        formats.push({ address: whole, bold: true });
        break;
      case 'total':
      case 'grand-total':
        formats.push({ address: whole, bold: true, fill: COLORS.total });
        break;
      case 'signature':
        formats.push({ address: whole, align: 'center', bold: row.cells.some((c) => c.kind === 'signature') });
        break;
      default:
        break;
    }
  }
  // Table body: borders, wrapped criterion text, centred figures.
  const body = `A${plan.headerRow}:${visibleLast}${tableBottom}`;
  formats.unshift(
    { address: body, border: true, verticalAlign: 'center' },
    { address: `B${tableTop}:B${tableBottom}`, wrap: true },
    { address: `E${tableTop}:${visibleLast}${tableBottom}`, wrap: true },
    { address: `A${tableTop}:A${tableBottom}`, align: 'center' },
    { address: `C${tableTop}:D${tableBottom}`, align: 'center' },
    { address: `F${tableTop}:F${tableBottom}`, align: 'center' },
  );
  const indicatorRows = plan.rows.filter((r) => r.kind === 'indicator' || r.kind === 'derived').map((r) => r.row);
  if (indicatorRows.length) formats.push({ address: `A${Math.min(...indicatorRows)}:${visibleLast}${Math.max(...indicatorRows)}`, border: true, wrap: true });

  const conditional = conditionalRules(plan);

  const sheetRef = (ref: string) => ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, '');
  return {
    sheet: plan.sheetName,
    activate: true,
    blocks: [{ address: `A1:${L}${plan.lastRow}`, cells, numberFormat: numFmt }],
    formats,
    merges,
    columnWidths: plan.columns.map((c) => ({ column: c.letter, width: points(c.width), hidden: c.hidden })),
    rowHeights: plan.rows.filter((r) => r.height).map((r) => ({ row: r.row, height: r.height! })),
    validation: groupRuns(validations).map((g) => validationRule(g.address, g.value)),
    conditional,
    unlocked: plan.unlocked,
    protect: true,
    freezeRows: plan.headerRow,
    names: plan.names.map((n) => ({ name: n.name, address: sheetRef(n.ref) })),
    print: { area: plan.print.area, titleRows: `$${plan.headerRow}:$${plan.headerRow}`, landscape: plan.print.orientation === 'landscape' },
  };
}

/** The plan's conditional formats (missing, invalid, evidence) as host rules, in priority order. */
export function conditionalRules(plan: TemplatePlan): ConditionalRule[] {
  const cfFill: Record<string, Pick<ConditionalRule, 'fill' | 'fontColor'>> = {
    'cf-missing': { fill: COLORS.missing },
    'cf-invalid': { fill: COLORS.invalid, fontColor: COLORS.invalidFont },
    'cf-evidence': { fill: COLORS.evidence },
  };
  return [...plan.conditionalFormats]
    .sort((a, b) => a.priority - b.priority)
    .map((cf) => ({ address: cf.ranges.join(','), formula: `=${cf.formula}`, ...cfFill[cf.style] }));
}

export function instructionsLayout(plan: TemplatePlan): SheetLayout {
  const rows = plan.instructions;
  return {
    sheet: plan.instructionsSheetName,
    blocks: [{ address: `A1:A${rows.length}`, cells: rows.map((r) => [asText(r.text)]) }],
    columnWidths: [{ column: 'A', width: points(100) }],
    formats: [
      { address: `A1:A${rows.length}`, wrap: true, verticalAlign: 'top' },
      ...rows.flatMap((r, i): RangeFormat[] =>
        r.kind === 'title' ? [{ address: `A${i + 1}`, bold: true, fontSize: 14 }] : r.kind === 'heading' ? [{ address: `A${i + 1}`, bold: true, fill: COLORS.header }] : [],
      ),
    ],
    protect: true,
  };
}

/** The hidden sheet carrying the criteria set and its hash (cells as the plan lays them out). */
export function embeddedLayout(plan: TemplatePlan): SheetLayout {
  return keyValueSheet(plan.embedded.sheetName, plan.embedded.cells);
}

export function keyValueSheet(sheet: string, list: Array<{ address: string; value: string | number }>): SheetLayout {
  const byRow = new Map<number, [HostValue, HostValue]>();
  for (const c of list) {
    const m = /^([AB])(\d+)$/.exec(c.address);
    if (!m) continue;
    const row = byRow.get(Number(m[2])) ?? [null, null];
    row[m[1] === 'A' ? 0 : 1] = typeof c.value === 'string' ? asText(c.value) : c.value;
    byRow.set(Number(m[2]), row);
  }
  const last = Math.max(1, ...byRow.keys());
  const cells: HostValue[][] = Array.from({ length: last }, (_, i) => byRow.get(i + 1) ?? [null, null]);
  return {
    sheet,
    visibility: 'veryHidden',
    blocks: [{ address: `A1:B${last}`, cells, numberFormat: cells.map((r) => r.map((v) => (typeof v === 'number' ? 'General' : '@'))) }],
    protect: true,
  };
}

/** Every sheet the template adds, scoring sheet first (it is activated). */
export function templateLayouts(plan: TemplatePlan): SheetLayout[] {
  return [scoringLayout(plan), instructionsLayout(plan), embeddedLayout(plan)];
}

/** Where to read and what each cell means, for live validation. */
export function sheetMapOf(plan: TemplatePlan): ScoringSheetMap {
  return {
    sheet: plan.sheetName,
    entries: (['self', 'inspected'] as const).flatMap((column) =>
      Object.entries(plan.entries[column]).map(([key, cell]) => ({ key, column, cell })),
    ),
    evidence: plan.evidence,
    remarks: plan.remarks,
    totals: { self: plan.scores.self.total?.address, inspected: plan.scores.inspected.total?.address },
  };
}

export { EMBED_SHEET };
