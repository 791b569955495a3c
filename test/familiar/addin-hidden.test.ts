/**
 * Hidden rows and columns in the add-in's reading of a familiar sheet: the adapter loads their hidden
 * state (Range.rowHidden / columnHidden, ExcelApi 1.2, no extra sync) and the same importer skips them
 * with the same warnings, at the same cells, as the command line reading the same workbook. Checked
 * through office-addin-mock (which counts syncs and refuses unloaded properties) and through the
 * simulated Excel of the browser tests loaded in Node, fed the corpus workbooks (hidden stale row,
 * hidden last-year max column) as the engine's reader reads them.
 */
import { importFamiliar } from '../../engine/core/familiar';
import { columnLetter, type Grid } from '../../engine/core/grid';
import { openWorkbook } from '../../engine/workbook/open';
import { ExcelAdapter } from '../../addin/office/adapter';
import { gridOf } from '../../addin/scoring/sheet-grid';
import { ExcelMock } from '../addin/excel-mock';
import { loadSim } from '../addin/sim-host';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';

const requirements = (minor: number) => ({ isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && Number((v ?? '1.1').split('.')[1]) <= minor });

/** What the importer says about hidden lines, and every warning's code and cell. */
function said(grids: Grid[]) {
  const r = importFamiliar(grids, { file: 'bang.xlsx' });
  return {
    hidden: r.warnings.filter((w) => /hidden/.test(w.code)).map((w) => [w.code, w.cell]),
    all: r.warnings.map((w) => [w.code, w.cell, w.messages.vi]),
    sections: r.criteriaSet?.sections.map((s) => [s.id, s.max ?? null, (s.children ?? []).map((c) => [c.id, c.max ?? null])]),
  };
}

describe('office-addin-mock: the active sheet with a hidden row and a hidden column', () => {
  const cells = new Map<string, string | number | null>([
    ['A1', 'TT'], ['B1', 'Nội dung'], ['C1', 'Điểm chuẩn'], ['D1', 'Tự chấm'], ['E1', 'Điểm chuẩn năm 2023'],
    ['A2', 'I'], ['B2', 'CÔNG TÁC'], ['C2', 10], ['E2', 12],
    ['A3', '1'], ['B3', 'Kế hoạch'], ['C3', 4], ['D3', 4], ['E3', 5],
    ['A4', '2'], ['B4', 'Tiêu chí cũ đã bỏ'], ['C4', 3], ['E4', 3],
    ['A5', '3'], ['B5', 'Phong trào'], ['C5', 6], ['D5', 5], ['E5', 7],
  ]);

  test('hidden state is loaded in the same two syncs, and the importer skips both, saying so', async () => {
    const mock = new ExcelMock([{ name: 'Bảng điểm', cells, hiddenRows: new Set([4]), hiddenCols: new Set([5]) }]);
    const data = await new ExcelAdapter(mock.excel as never, requirements(13)).readActiveSheet();
    expect(mock.syncs).toBe(2);
    expect(data.hiddenRows).toEqual([4]);
    expect(data.hiddenCols).toEqual([5]);
    const s = said([gridOf(data)]);
    expect(s.hidden).toEqual([['familiar_hidden_column_skipped', 'E1'], ['familiar_hidden_row_skipped', 'B4']]);
    expect(s.sections).toEqual([['I', 10, [['I.1', 4], ['I.3', 6]]]]);
  });

  test('nothing hidden: no per-line loads, nothing reported', async () => {
    const mock = new ExcelMock([{ name: 'Bảng điểm', cells }]);
    const data = await new ExcelAdapter(mock.excel as never, requirements(13)).readActiveSheet();
    expect(mock.syncs).toBe(2);
    expect(data.hiddenRows).toBeUndefined();
    expect(data.hiddenCols).toBeUndefined();
    // Only the used range and the bands of cells were asked: no one-cell range per row.
    expect(mock.ranges.filter((r) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(r.address) && r.address.split(':')[0] === r.address.split(':')[1])).toEqual([]);
    const s = said([gridOf(data)]);
    expect(s.hidden).toEqual([]);
    // Unhidden, the stale row is read and the column E competes for the max role: the hidden state is what changed.
    expect(s.sections![0][2]).toHaveLength(3);
  });
});

describe('the simulated Excel fed the corpus workbooks: the pane says what the command line says', () => {
  test.each(['d-hidden-row', 'd-hidden-old-max'])('%s', async (name) => {
    const v = VARIATIONS.find((x) => x.name === name)!;
    const bytes = await buildVariation(v);
    const { opened } = await openWorkbook(bytes, 'bang.xlsx');
    const grid = opened!.grids.find((g) => g.sheet === v.sheet)!;
    expect((grid.hiddenRows?.size ?? 0) + (grid.hiddenCols?.size ?? 0)).toBeGreaterThan(0);
    const cli = said([grid]);
    expect(cli.hidden.length).toBeGreaterThan(0);

    // The same sheet in the simulated Excel: cells as values/formulas, hidden rows and columns as Excel keeps them.
    const simCells: Array<[string, { value: string | number | boolean | null; formula?: string }]> = [];
    for (let r = 1; r <= grid.rowCount; r++)
      for (let c = 1; c <= grid.colCount; c++) {
        const cell = grid.cell(r, c);
        if (!cell || (cell.value === null && !cell.formula)) continue;
        simCells.push([`${columnLetter(c)}${r}`, cell.formula ? { value: null, formula: `=${cell.formula}` } : { value: cell.value as string | number }]);
      }
    const { sim, Excel, Office } = loadSim({
      api: 12,
      sheets: [{ name: v.sheet, cells: simCells, hiddenRows: [...(grid.hiddenRows ?? [])], hiddenCols: [...(grid.hiddenCols ?? [])] } as never],
    });
    const s0 = sim.syncs;
    const data = await new ExcelAdapter(Excel, Office.context.requirements).readActiveSheet();
    expect(sim.syncs - s0).toBe(2);
    const pane = said([gridOf(data)]);
    expect(pane.hidden).toEqual(cli.hidden);
    expect(pane.sections).toEqual(cli.sections);
  });
});
