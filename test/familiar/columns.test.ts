/**
 * Columns found by label and content, and never a silent fallback: on a hand-made layout none of us
 * wrote (the v1-cum-2 sample, copy 01: self 88.5, inspected 82.5 by its manifest) relabelled the way
 * other offices head their columns, and on small grids for the sheet choice and content evidence.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { compileSet, gridFromRows, hasErrors, type CriteriaSet, type Grid } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';
import { parseColumns } from '../../engine/core/familiar/mapping';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook } from '../../engine/workbook/score';

const DIR = path.resolve(__dirname, '../fixtures/samples/other-layouts-2024/v1-cum-2');
const SELF = 88.5;
const INSPECTED = 82.5;

/** The sample's blank and copy 01, edited by `edit` (on the sheet "Bảng điểm"). */
async function edited(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(DIR, name)) as never);
  edit(wb.getWorksheet('Bảng điểm')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function importBytes(bytes: Buffer, opts: Parameters<typeof importFamiliar>[1] = {}) {
  const { opened } = await openWorkbook(bytes, 'blank.xlsx');
  return importFamiliar(opened!.grids, { file: 'blank.xlsx', ...opts });
}
async function score(bytes: Buffer, def: CriteriaSet) {
  return scoreWorkbook(bytes, { file: '01.xlsx', criteria: compileSet(def) });
}
const relabel = (label: string) => (ws: ExcelJS.Worksheet) => (ws.getCell('E8').value = label);

describe('the inspection column', () => {
  test.each(['Điểm thẩm định', 'THẨM ĐỊNH', 'Kết quả kiểm tra', 'Điểm đoàn kiểm tra', 'Diem tham dinh', 'Đoàn kiểm tra\nchấm'])(
    '"%s" is the inspection column: the inspectors\' total, not the school\'s',
    async (label) => {
      const r = await importBytes(await edited('blank.xlsx', relabel(label)));
      expect(r.criteriaSet!.familiarLayout!.columns).toMatchObject({ self: 'D', inspected: 'E' });
      expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
      const s = await score(await edited('01.xlsx', relabel(label)), r.criteriaSet!);
      expect(s.evaluation!.inspected!.total).toBe(INSPECTED);
      expect(s.evaluation!.final).toEqual({ total: INSPECTED, source: 'inspected' });
    },
  );

  test('an unknown heading over numbers where the inspection column would be is an error at import and at scoring, never the self score', async () => {
    const label = 'Điểm ĐKT';
    const r = await importBytes(await edited('blank.xlsx', relabel(label)));
    const err = r.warnings.find((w) => w.code === 'familiar_inspected_not_found')!;
    expect(err).toMatchObject({ severity: 'error', file: 'blank.xlsx', sheet: 'Bảng điểm', cell: 'E8' });
    expect(err.messages.en).toContain('--columns "inspected=E"');
    expect(err.messages.vi).toContain('Điểm ĐKT');
    const s = await score(await edited('01.xlsx', relabel(label)), r.criteriaSet!);
    expect(hasErrors(s.problems)).toBe(true);
    expect(s.problems.filter((p) => p.code === 'familiar_inspected_not_found').map((p) => p.cell)).toEqual(['E8']);
  });

  test('a blank with the column unnamed and empty warns at import; the warning is told again at every scoring, and the filled copy is an error', async () => {
    const blank = await edited('blank.xlsx', (ws) => {
      ws.getCell('E8').value = 'Cột 5';
      for (let r = 9; r <= 40; r++) ws.getCell(`E${r}`).value = null;
    });
    const r = await importBytes(blank);
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    // "Cột 5" does not sound like a score column and holds nothing: no role, nothing to say on the blank…
    expect(r.criteriaSet!.familiarLayout!.columns!.inspected).toBeUndefined();
    const copy = await edited('01.xlsx', (ws) => (ws.getCell('E8').value = 'Cột 5'));
    const s = await score(copy, r.criteriaSet!);
    // …but the copy has scores there: an error, not a fallback to the self score.
    expect(s.problems.find((p) => p.code === 'familiar_inspected_not_found')).toMatchObject({ severity: 'error', cell: 'E8' });
  });

  test('import warnings are saved with the set and carried into the scoring of a copy', async () => {
    const blank = await edited('blank.xlsx', (ws) => {
      ws.getCell('G8').value = 'Điểm năm trước';
    });
    const r = await importBytes(blank);
    const w = r.warnings.find((x) => x.code === 'familiar_column_unassigned')!;
    expect(w).toMatchObject({ severity: 'warning', sheet: 'Bảng điểm', cell: 'G8' });
    expect(r.criteriaSet!.familiarLayout!.warnings).toEqual([expect.objectContaining({ code: 'familiar_column_unassigned', cell: 'G8' })]);
    const s = await score(await edited('01.xlsx', () => undefined), r.criteriaSet!);
    const told = s.problems.find((p) => p.code === 'familiar_import_note')!;
    expect(told).toMatchObject({ severity: 'warning', file: '01.xlsx', sheet: 'Bảng điểm', cell: 'G8' });
    expect(told.messages.vi).toContain('Điểm năm trước');
    expect(told.messages.en).toContain('familiar_column_unassigned');
    expect(s.evaluation!.inspected!.total).toBe(INSPECTED);
  });

  test('--columns beats the guess, is saved, and reads filled copies the same way', async () => {
    const label = 'Điểm ĐKT';
    const mapping = parseColumns('tt=A, nội dung=B, điểm chuẩn=C, tự chấm=D, thẩm định=E, remark=F');
    expect(mapping.problems).toEqual([]);
    expect(mapping.columns).toEqual({ number: 1, text: 2, max: 3, self: 4, inspected: 5, remarks: 6 });
    const r = await importBytes(await edited('blank.xlsx', relabel(label)), { mapping: { columns: mapping.columns, headerRow: 8 } });
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(r.criteriaSet!.familiarLayout).toMatchObject({ headerRow: 8, columns: { inspected: 'E' }, found: { inspected: 'given' } });
    const s = await score(await edited('01.xlsx', relabel(label)), r.criteriaSet!);
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect([s.evaluation!.self!.total, s.evaluation!.inspected!.total]).toEqual([SELF, INSPECTED]);
  });

  test('a mapping that cannot be read is refused, naming the part', () => {
    const r = parseColumns('number=A, điểm=Z9, foo=B');
    expect(r.problems.map((p) => [p.code, p.params?.part])).toEqual([
      ['familiar_columns_invalid', 'điểm=Z9'],
      ['familiar_columns_invalid', 'foo=B'],
    ]);
  });
});

describe('hidden and doubled columns, hidden rows', () => {
  const addOld = (ws: ExcelJS.Worksheet, col: string, hidden: boolean) => {
    ws.getCell(`${col}8`).value = 'Điểm chuẩn năm 2023';
    for (let r = 10; r <= 12; r++) ws.getCell(`${col}${r}`).value = 9;
    ws.getColumn(col).hidden = hidden;
  };
  test('a hidden last-year max column never takes a role and is said to be skipped', async () => {
    const r = await importBytes(await edited('blank.xlsx', (ws) => addOld(ws, 'G', true)));
    expect(r.warnings.find((w) => w.code === 'familiar_hidden_column_skipped')).toMatchObject({ cell: 'G8', params: { column: 'G', label: 'Điểm chuẩn năm 2023' } });
    expect(r.criteriaSet!.familiarLayout!.columns!.max).toBe('C');
    expect(compileSet(r.criteriaSet!).maxBase).toBe(100);
    const s = await score(await edited('01.xlsx', (ws) => addOld(ws, 'G', true)), r.criteriaSet!);
    expect(s.evaluation!.inspected!.total).toBe(INSPECTED);
    expect(s.problems.map((p) => p.code)).toContain('familiar_hidden_column_skipped');
  });
  test('two visible max columns: the first is used and the choice is a warning naming both', async () => {
    const r = await importBytes(await edited('blank.xlsx', (ws) => addOld(ws, 'G', false)));
    expect(r.warnings.find((w) => w.code === 'familiar_role_two_columns')).toMatchObject({ cell: 'G8', params: { chosen: 'C', other: 'G' } });
  });
  test('a hidden row is skipped with a warning at its cell', async () => {
    const r = await importBytes(await edited('blank.xlsx', (ws) => (ws.getRow(11).hidden = true)));
    expect(r.warnings.find((w) => w.code === 'familiar_hidden_row_skipped')).toMatchObject({ cell: 'B11', params: { row: 11 } });
    expect(compileSet(r.criteriaSet!).leaves.length).toBe(21);
  });
});

describe('content evidence and the choice of sheet', () => {
  const table = (name: string, header: Array<string | null>, extra: Array<Array<string | number | null>> = []): Grid =>
    gridFromRows(name, [
      header,
      ['I', 'Phần một', 10, 8],
      ['1', 'Việc thứ nhất được giao trong năm học', 6, 5],
      ['2', 'Việc thứ hai được giao trong năm học', 4, 3],
      ['II', 'Phần hai', 5, 4],
      ['1', 'Việc thứ ba được giao trong năm học', 5, 4],
      ...extra,
    ]);
  test('a numbering column with no header is found by its values, and said so', () => {
    const r = importFamiliar([table('S', [null, 'Nội dung', 'Điểm chuẩn', 'Tự chấm'])]);
    expect(compileSet(r.criteriaSet!).nodes.map((n) => n.id)).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1']);
    expect(r.warnings.find((w) => w.code === 'familiar_column_by_content')).toMatchObject({ cell: 'A1', params: { column: 'A' } });
    expect(r.criteriaSet!.familiarLayout!.found).toMatchObject({ number: 'content', text: 'label' });
  });
  test('a numbering column headed "Mã" or "Số TT" is the numbering column', () => {
    for (const h of ['Mã', 'Mã số', 'Số TT', 'STT']) {
      const r = importFamiliar([table('S', [h, 'Nội dung', 'Điểm chuẩn', 'Tự chấm'])]);
      expect(r.criteriaSet!.familiarLayout!.found).toMatchObject({ number: 'label' });
    }
  });
  const header = ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'];
  test('two sheets equally like the table are refused unless --sheet names one', () => {
    const grids = [table('Bảng điểm (cũ)', header), table('Bảng điểm', header)];
    const r = importFamiliar(grids);
    expect(r.warnings.find((w) => w.code === 'familiar_sheet_ambiguous')).toMatchObject({ severity: 'error', params: { sheets: '"Bảng điểm (cũ)", "Bảng điểm"' } });
    const chosen = importFamiliar(grids, { sheet: 'Bảng điểm' });
    expect(chosen.warnings.filter((w) => /sheet/.test(w.code))).toEqual([]);
    expect(chosen.outline!.grid.sheet).toBe('Bảng điểm');
  });
  test('a stale copy with fewer rows loses, and the choice says why', () => {
    const stale = gridFromRows('Cũ', [header, ['I', 'Phần một', 10, null], ['1', 'Việc một của năm trước', 10, null]]);
    const r = importFamiliar([stale, table('Mới', header)]);
    expect(r.outline!.grid.sheet).toBe('Mới');
    const w = r.warnings.find((x) => x.code === 'familiar_sheet_chosen')!;
    expect(w).toMatchObject({ severity: 'warning', sheet: 'Mới', params: { count: 2, sheet: 'Mới' } });
    expect(w.messages.en).toContain('5 numbered rows against 2');
  });
});
