/**
 * Inspection mode and consolidation through the Office.js adapter on office-addin-mock: what is locked,
 * unlocked, stamped and written (ranges, tables, charts, conditional formats, the marker name), and the
 * number of context.sync() round trips: constant in the number of criteria and of units.
 */
import ExcelJS from 'exceljs';
import { loadCriteriaDef, loadCriteriaText } from '../../engine/core/load';
import type { CompiledSet } from '../../engine/core/compile';
import { evaluate } from '../../engine/core/evaluate';
import { buildRanking, type RankSource } from '../../engine/core/rank/ranking';
import { planTemplate, type TemplatePlan } from '../../engine/core/template/plan';
import { writeRankingWorkbook } from '../../engine/workbook/ranking-workbook';
import { HostError, type SheetLayout } from '../../addin/host/types';
import { ExcelAdapter } from '../../addin/office/adapter';
import { RANKING_MARKER, RANKING_SHEET_NAMES, rankingSheetLayouts } from '../../addin/consolidate/ranking-sheets';
import { readWorkbooks } from '../../addin/consolidate/read-files';
import { finishInspectionEdits, inspectionSummary, runs, switchToInspectionEdits } from '../../addin/scoring/inspection';
import { sheetMapOf } from '../../addin/scoring/render-plan';
import { validateSheet } from '../../addin/scoring/validate';
import { box, ExcelMock, requirements } from './excel-mock';
import { bigSet, BUNDLED_YAML } from './sets';

const bundled = loadCriteriaText(BUNDLED_YAML).set!;

function compiled(def: unknown): CompiledSet {
  const r = loadCriteriaDef(def);
  if (!r.set) throw new Error(JSON.stringify(r.problems.map((p) => p.message)));
  return r.set;
}

/** Every cell of a list of ranges ("F10:F12" -> F10, F11, F12). */
function expand(addresses: string[]): Set<string> {
  const out = new Set<string>();
  for (const a of addresses)
    for (const part of a.split(',')) {
      const b = box(part);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.add(`${String.fromCharCode(64 + c)}${r}`);
    }
  return out;
}

/** A filled self-assessment sheet in memory: the plan's cells, every self entry at its max. */
function filledWorkbook(set: CompiledSet, plan: TemplatePlan) {
  const cells = new Map<string, string | number | boolean | null>();
  for (const row of plan.rows) for (const c of row.cells) cells.set(c.address, c.formula ? `=${c.formula}` : (c.value ?? null));
  for (const spec of set.entries) if (!spec.blankIsZero) cells.set(plan.entries.self[spec.key], spec.max ?? 1);
  return new ExcelMock([{ name: plan.sheetName, cells }, { name: '_thidua', cells: new Map() }]);
}

describe('inspection mode', () => {
  test.each([['bundled', bundled], ['300 criteria', compiled(bigSet(300))]] as const)('switching costs one sync (%s): self scores and evidence locked, inspector columns open, mode recorded', async (_n, set) => {
    const self = planTemplate(set, { mode: 'self', lang: 'vi' });
    const insp = planTemplate(set, { mode: 'inspection', lang: 'vi' });
    const mock = filledWorkbook(set, self);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    await adapter.updateSheets(switchToInspectionEdits(self, insp, '2025-06-05T08:00:00.000Z'));
    expect(mock.syncs).toBe(1);
    expect(mock.protectionLog).toEqual([`${insp.sheetName}:unprotect`, `${insp.sheetName}:protect`, '_thidua:unprotect', '_thidua:protect']);
    const ranges = mock.written(insp.sheetName);
    const locked = expand(ranges.filter((r) => r.mock.format?.protection?.locked === true).map((r) => r.address));
    const unlocked = expand(ranges.filter((r) => r.mock.format?.protection?.locked === false).map((r) => r.address));
    for (const c of Object.values(insp.entries.self)) expect(locked.has(c)).toBe(true);
    for (const c of Object.values(insp.evidence)) expect(locked.has(c)).toBe(true);
    expect([...unlocked].sort()).toEqual([...expand(insp.unlocked)].sort());
    for (const c of Object.values(insp.remarks)) expect(unlocked.has(c)).toBe(true);
    for (const c of Object.values(insp.entries.inspected)) expect(unlocked.has(c)).toBe(true);
    // Conditional formats replaced by the inspection plan's (missing entries in the inspector's column).
    expect(ranges.filter((r) => r.mock.__clearedConditional).map((r) => r.address)).toEqual([`A${insp.headerRow + 1}:G${insp.lastRow}`]);
    expect(ranges.reduce((n, r) => n + (r.mock.__cfs?.length ?? 0), 0)).toBe(insp.conditionalFormats.length);
    // The mode is the template's own metadata cell; the start of the inspection is recorded beside it.
    const hidden = mock.written('_thidua');
    expect(hidden.find((r) => r.address === 'B5')!.mock.formulas).toEqual([['inspection']]);
    expect(hidden.find((r) => r.address === 'D1:E1')!.mock.formulas).toEqual([['inspectionStatus', 'in-progress']]);
    // The subtitle and signature block say "inspection".
    expect(ranges.find((r) => r.address === 'A5')!.mock.formulas[0][0]).toMatch(/kiểm tra/i);
  });

  test('locked and unlocked cells are grouped into runs, not one call per cell', () => {
    expect(runs(['F10', 'F11', 'F12', 'F14', 'G10', 'G11'])).toEqual(['F10:F12', 'F14', 'G10:G11']);
    const insp = planTemplate(compiled(bigSet(300)), { mode: 'inspection', lang: 'vi' });
    const edits = switchToInspectionEdits(planTemplate(compiled(bigSet(300)), { mode: 'self', lang: 'vi' }), insp, 'x');
    expect(edits[0].unlocked!.length).toBeLessThan(40); // 300 criteria in 10 sections, two columns
  });

  test('finishing costs one sync: inspector cells locked, name and date stamped as text, protected again', async () => {
    const insp = planTemplate(bundled, { mode: 'inspection', lang: 'vi' });
    const mock = filledWorkbook(bundled, insp);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
    await adapter.updateSheets(finishInspectionEdits(insp, '=Nguyễn Văn A', new Date(2025, 5, 5, 10, 30)));
    expect(mock.syncs).toBe(1);
    const ranges = mock.written(insp.sheetName);
    const name = ranges.find((r) => r.address === `A${insp.lastRow}`)!.mock;
    expect(name.formulas).toEqual([["'=Nguyễn Văn A"]]); // text, never a formula
    expect(name.numberFormat).toEqual([['@']]);
    expect(ranges.some((r) => r.address === `A${insp.lastRow}:B${insp.lastRow}` && r.mock.__merged)).toBe(true);
    const sig = Math.min(...insp.rows.filter((r) => r.kind === 'signature').map((r) => r.row));
    expect(ranges.find((r) => r.address === `E${sig}`)!.mock.formulas).toEqual([['............, ngày 05 tháng 06 năm 2025']]);
    const locked = expand(ranges.filter((r) => r.mock.format?.protection?.locked === true).map((r) => r.address));
    for (const c of insp.unlocked) expect(locked.has(c)).toBe(true);
    expect(mock.protectionLog.slice(-1)).toEqual(['_thidua:protect']);
    expect(mock.protectionLog).toContain(`${insp.sheetName}:protect`);
    const stamp = mock.written('_thidua').flatMap((r) => r.mock.formulas);
    expect(stamp).toEqual(expect.arrayContaining([['inspectionStatus', 'finished'], ['inspector', "'=Nguyễn Văn A"], ['inspectionDate', '2025-06-05']]));
  });

  test('the live summary: difference per criterion against the tolerance, totals, criteria left, changes without a remark', () => {
    const insp = planTemplate(bundled, { mode: 'inspection', lang: 'vi' });
    const map = sheetMapOf(insp);
    const leaves = bundled.leaves.filter((l) => !l.computed && l.entries.length === 1 && !l.entries[0].blankIsZero);
    const [a, b, c] = leaves;
    const cells = new Map<string, unknown>();
    for (const spec of bundled.entries) if (!spec.blankIsZero) cells.set(insp.entries.self[spec.key], spec.max ?? 1);
    cells.set(insp.entries.inspected[a.id], (a.max ?? 0) - 1.5); // moved by 1.5 >= 1: highlighted, no remark
    cells.set(insp.entries.inspected[b.id], (b.max ?? 0) - 0.5); // below the tolerance, with a remark
    cells.set(insp.remarks[b.id], 'Thiếu biên bản');
    cells.set(insp.entries.inspected[c.id], c.max ?? 0);
    const range = { top: 1, left: 1, rows: insp.lastRow, cols: 8 };
    const values = Array.from({ length: range.rows }, (_, r) => Array.from({ length: range.cols }, (_, k) => (cells.get(`${String.fromCharCode(65 + k)}${r + 1}`) ?? null) as never));
    const v = validateSheet(bundled, map, { sheet: insp.sheetName, top: 1, left: 1, rowCount: range.rows, colCount: range.cols, values, formulas: values, numberFormat: [], merges: [] });
    const s = inspectionSummary(bundled, insp, v);
    expect(s.tolerance).toBe(1);
    const row = (id: string) => s.rows.find((r) => r.id === id)!;
    expect(row(a.id)).toMatchObject({ delta: -1.5, over: true, needsRemark: true, cell: insp.entries.inspected[a.id] });
    expect(row(b.id)).toMatchObject({ delta: -0.5, over: false, needsRemark: false });
    expect(row(c.id)).toMatchObject({ delta: 0, over: false });
    expect(s.over.map((r) => r.id)).toEqual([a.id]);
    expect(s.withoutRemark.map((r) => r.id)).toEqual([a.id]);
    expect(s.remaining.map((r) => r.id)).not.toContain(a.id);
    expect(s.remaining.length).toBeGreaterThan(0);
    expect(s.remaining.map((r) => r.id)).toContain(leaves[3].id);
    expect(s.inspectedTotal).toBe((a.max ?? 0) - 1.5 + (b.max ?? 0) - 0.5 + (c.max ?? 0));
  });
});

// ------------------------------------------------------------------------------------------------ ranking

/** A scored unit as the workbook reader gives it: self all at max; inspection a little lower for some. */
function source(set: CompiledSet, i: number, unit = `Trường Chính trị tỉnh số ${i + 1}`): RankSource {
  const self: Record<string, { value: number | null }> = {};
  const inspected: Record<string, { value: number | null }> = {};
  const remarks: Record<string, { value: string | null }> = {};
  set.entries.forEach((spec, k) => {
    if (spec.blankIsZero) return;
    self[spec.key] = { value: spec.max ?? 1 };
    const lower = k < i % 7;
    inspected[spec.key] = { value: lower ? 0 : (spec.max ?? 1) };
    if (lower && spec.criterion) remarks[spec.criterion] = { value: `Thiếu minh chứng ${k}` };
  });
  const evaluation = evaluate(set, { unit, self, inspected, remarks });
  return { file: `truong-${i + 1}.xlsx`, unit, year: 2024, set, criteriaSet: { id: set.id, hash: set.hash }, evaluation, problems: [], sha256: 'ab'.repeat(32) };
}

function rankedSet(leaves: number): CompiledSet {
  return compiled({ ...bigSet(leaves), policy: { tolerance: 1, awards: [{ id: 'co', label: 'Cờ thi đua', labelEn: 'Flag', quota: 1, minTotal: leaves - 2 }, { id: 'bk', label: 'Bằng khen', quota: 1, minTotal: leaves - 5 }] } });
}

async function writeRanking(units: number, leaves: number, mock = new ExcelMock([{ name: 'Sheet1', cells: new Map([['A1', 'của tôi']]) }])) {
  const set = rankedSet(leaves);
  const srcs = Array.from({ length: units }, (_, i) => source(set, i, i === 1 ? '=HYPERLINK("http://x","Trường")' : undefined));
  const ranking = buildRanking(srcs);
  const layouts = rankingSheetLayouts(ranking, { lang: 'vi', when: new Date(2025, 11, 20), stamp: 'r1' });
  const adapter = new ExcelAdapter(mock.excel as never, requirements(12));
  mock.syncs = 0;
  const out = await adapter.replaceOwnSheets(layouts, RANKING_MARKER);
  return { mock, adapter, ranking, layouts, out, set };
}

/** The one block of cells written on a sheet (A1:...). */
const blockOf = (mock: ExcelMock, sheet: string) => mock.written(sheet).find((r) => r.address.startsWith('A1:') && Array.isArray(r.mock.formulas))!.mock;

const cellAt = (layout: SheetLayout, address: string) => {
  const b = box(address);
  return layout.blocks[0].cells[b.top - 1][b.left - 1];
};

describe('consolidation sheets', () => {
  test.each([
    [3, 20],
    [30, 20],
    [3, 300],
    [30, 300],
  ])('%i units x %i criteria: written in four syncs (look, build, link, retire)', async (units, leaves) => {
    const { mock, ranking } = await writeRanking(units, leaves);
    expect(mock.syncs).toBe(4);
    expect(mock.added).toEqual(Object.values(RANKING_SHEET_NAMES));
    expect(ranking.units).toHaveLength(units);
    // One block per sheet, whatever the size.
    for (const s of Object.values(RANKING_SHEET_NAMES)) expect(mock.written(s).filter((r) => Array.isArray(r.mock.formulas) && r.mock.formulas.length > 1)).toHaveLength(1);
  });

  test('same columns as the command line ranking workbook, text never a formula, tables, conditional formats, charts, marker', async () => {
    const { mock, ranking, layouts } = await writeRanking(7, 20);
    // The CLI's workbook for the same ranking: its header rows.
    const cli = new ExcelJS.Workbook();
    await cli.xlsx.load((await writeRankingWorkbook(ranking, { lang: 'vi' })) as unknown as ArrayBuffer);
    const headerOf = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1).map((v) => (v === undefined ? null : String(v)));
    const [rk, mx, dc, src] = layouts;
    const rkSheet = blockOf(mock, RANKING_SHEET_NAMES.ranking);
    const block = rkSheet.formulas as unknown[][];
    // Both carry the award-threshold columns (K onwards) that the charts draw.
    expect(block[5].filter(Boolean)).toEqual(headerOf(cli.getWorksheet(RANKING_SHEET_NAMES.ranking)!, 6).filter(Boolean));
    expect(cellAt(mx, 'A8')).toBe('Hạng'); // texts (row 6) and max points (row 7) above the table's header
    expect((blockOf(mock, RANKING_SHEET_NAMES.matrix).formulas as unknown[][])[7].filter(Boolean)).toEqual(headerOf(cli.getWorksheet(RANKING_SHEET_NAMES.matrix)!, 6).filter(Boolean));
    expect((blockOf(mock, RANKING_SHEET_NAMES.discrepancies).formulas as unknown[][])[5]).toEqual(headerOf(cli.getWorksheet(RANKING_SHEET_NAMES.discrepancies)!, 6));
    // The CLI adds hidden full-hash columns (L, M) beyond the printed eleven (K: provenance); the printed ones match.
    expect((blockOf(mock, RANKING_SHEET_NAMES.sources).formulas as unknown[][])[5]).toEqual(headerOf(cli.getWorksheet(RANKING_SHEET_NAMES.sources)!, 6).slice(0, 11));
    // Ranks, units and scores in the order of the ranking; the unit that looks like a formula stays text.
    ranking.units.forEach((u, i) => {
      expect(block[6 + i][0]).toBe(u.rank);
      expect(block[6 + i][4]).toBe(u.final);
    });
    const inj = ranking.units.findIndex((u) => u.unit.startsWith('='));
    expect(block[6 + inj][1]).toBe('\'=HYPERLINK("http://x","Trường")');
    expect(rkSheet.numberFormat[6 + inj][1]).toBe('@');
    expect(rkSheet.numberFormat[6][4]).toBe('0.00');
    expect(cellAt(dc, 'G7')).toBe(ranking.discrepancies[0].delta);
    expect(layouts[2].blocks[0].numberFormat![6][6]).toBe('+0.00;-0.00;0.00');
    expect(src.blocks[0].cells.length).toBeGreaterThan(6 + 7 - 1);
    // Excel tables over each data block (unique names per run), and the conditional formats.
    expect(mock.tables.map((t) => [t.sheet, t.address, t.table.name])).toEqual([
      [RANKING_SHEET_NAMES.ranking, 'A6:I13', 'ThiDua_XepHang_r1'],
      [RANKING_SHEET_NAMES.matrix, `A8:${mx.blocks[0].address.split(':')[1].replace(/\d+$/, '')}15`, 'ThiDua_MaTran_r1'],
      [RANKING_SHEET_NAMES.discrepancies, `A6:H${6 + ranking.discrepancies.length}`, 'ThiDua_ChenhLech_r1'],
      [RANKING_SHEET_NAMES.discrepancies, expect.stringMatching(/^A\d+:E\d+$/), 'ThiDua_TongThayDoi_r1'],
      [RANKING_SHEET_NAMES.sources, 'A6:K13', 'ThiDua_Nguon_r1'],
    ]);
    const cfs = mock.written(RANKING_SHEET_NAMES.ranking).flatMap((r) => (r.mock.__cfs ?? []).map((c: any) => [r.address, c.custom.rule.formula, c.custom.format.fill.color]));
    expect(cfs).toEqual([
      ['A7:I13', '=LEN($H7)>0', '#FFF2CC'],
      ['C7:D13', '=AND(ISNUMBER($C7),ISNUMBER($D7),ABS($D7-$C7)>=3)', '#F8CBAD'],
    ]);
    // Two charts on Xếp hạng: final scores with the two award thresholds as lines; self vs inspection.
    expect(mock.charts).toHaveLength(2);
    const [finalChart, selfInsp] = mock.charts.map((c) => c.chart);
    expect(finalChart).toMatchObject({ type: 'ColumnClustered', source: 'E7:E13', name: 'ThiDua_DiemXepHang' });
    expect(finalChart.series.items.map((s: any) => [s.name, s.values, s.categories, s.chartType ?? 'ColumnClustered'])).toEqual([
      ['Điểm xếp hạng', 'E7:E13', 'B7:B13', 'ColumnClustered'],
      ['Ngưỡng Cờ thi đua (18)', 'K7:K13', 'B7:B13', 'Line'],
      ['Ngưỡng Bằng khen (15)', 'L7:L13', 'B7:B13', 'Line'],
    ]);
    expect(cellAt(rk, 'K7')).toBe(18);
    expect(selfInsp.series.items.map((s: any) => [s.name, s.values])).toEqual([
      ['Điểm tự chấm', 'C7:C13'],
      ['Điểm Cụm chấm', 'D7:D13'],
    ]);
    // Every sheet carries the hidden marker; the user's sheet is untouched.
    for (const s of Object.values(RANKING_SHEET_NAMES)) expect(mock.scopedNames.get(`${s}|${RANKING_MARKER}`)).toMatchObject({ visible: false, reference: '="thidua"' });
    expect(mock.written('Sheet1')).toEqual([]);
  });

  test('running again replaces only its own sheets (five syncs); a sheet of the user with one of the names stops it before any write', async () => {
    const first = await writeRanking(3, 20);
    const mock = first.mock;
    const again = await writeRanking(30, 20, mock);
    expect(mock.syncs).toBe(5);
    expect(again.out.replaced).toEqual(Object.values(RANKING_SHEET_NAMES));
    expect(mock.deleted).toEqual(Object.values(RANKING_SHEET_NAMES));
    expect(mock.deleted).not.toContain('Sheet1');

    const user = new ExcelMock([{ name: 'Sheet1', cells: new Map() }, { name: 'Nguồn', cells: new Map([['A1', 'sổ quỹ']]) }]);
    const err = await writeRanking(3, 20, user).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.vi).toContain('"Nguồn"');
    expect(err.en).toContain('never overwrites');
    expect(user.syncs).toBe(2);
    expect(user.added).toEqual([]);
    expect(user.deleted).toEqual([]);
  });

  test('an Excel without ExcelApi 1.7 is told so in both languages, without a round trip', async () => {
    const mock = new ExcelMock([{ name: 'Sheet1', cells: new Map() }]);
    const adapter = new ExcelAdapter(mock.excel as never, requirements(6));
    const err = await adapter.replaceOwnSheets([], RANKING_MARKER).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.vi).toContain('ExcelApi 1.7');
    expect(err.en).toContain('ExcelApi 1.7');
    expect(mock.syncs).toBe(0);
  });

  test('files are read one by one; a bad one is listed with its reason and the others are ranked', async () => {
    const set = rankedSet(20);
    const seen: string[] = [];
    const file = (name: string, text: string) => ({ name, size: text.length, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });
    const files = [file('a.xlsx', 'a'), file('hong.xlsx', 'broken'), file('c.xlsx', 'c')];
    const { ranking, outcomes } = await readWorkbooks(files, {
      score: async (bytes, { file: f }) => {
        if (f === 'hong.xlsx') throw new Error('zip hỏng');
        return source(set, bytes[0], `Trường ${f}`);
      },
      onProgress: (p) => seen.push(`${p.index}/${p.total} ${p.file}`),
      yieldToUi: async () => undefined,
    });
    expect(seen).toEqual(['0/3 a.xlsx', '1/3 hong.xlsx', '2/3 c.xlsx', '3/3 ']);
    expect(outcomes.map((o) => [o.file, o.errors.map((p) => p.code)])).toEqual([['a.xlsx', []], ['hong.xlsx', ['addin_file_unreadable']], ['c.xlsx', []]]);
    expect(outcomes[1].errors[0].messages.vi).toContain('zip hỏng');
    expect(ranking.units.map((u) => u.unit).sort()).toEqual(['Trường a.xlsx', 'Trường c.xlsx']);
    expect(ranking.sources.find((s) => s.file === 'hong.xlsx')!.status).toBe('refused');
    expect(ranking.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
