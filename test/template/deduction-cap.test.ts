/**
 * A deduction section with a cap ("trừ tối đa 4 điểm"): the template's max column shows the cap, as it
 * does for the bonus, and the engine and the workbook's formulas take off at most that much. A template
 * written before (the cell left as the section's own max, blank here) still reads without a problem;
 * any other value there is max_edited.
 */
import type ExcelJS from 'exceljs';
import { CellValue, CompiledSet } from '../../engine/core';
import type { SectionDef } from '../../engine/core/model';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { scoreWorkbook } from '../../engine/workbook/score';
import { compileDef, miniDef } from '../helpers/sets';
import { fillColumn, loadXlsx, template, toBytes, validSelf } from './helpers';

const set: CompiledSet = compileDef(
  miniDef((d) => {
    (d.sections.find((s) => s.id === 'C') as SectionDef).cap = 4;
  }),
);

/** Every entry valid, and deductions of 3 + 5 points (more than the cap). */
const entries = (): Record<string, CellValue> => ({ ...validSelf(set), 'C.1': 3, 'C.2': 5 });

async function written(edit: (ws: ExcelJS.Worksheet, maxCell: string) => void = () => undefined): Promise<{ bytes: Uint8Array; plan: TemplatePlan; shown: unknown }> {
  const { bytes, plan } = await template(set, 'self', { unit: 'Trường Chính trị tỉnh Thử' });
  const wb = await loadXlsx(bytes);
  const ws = wb.getWorksheet(plan.sheetName)!;
  const row = plan.expectations.find((e) => e.key === 'C')!.row;
  const maxCell = `${plan.columns.find((c) => c.id === 'max')!.letter}${row}`;
  const shown = ws.getCell(maxCell).value;
  fillColumn(ws, plan, 'self', entries());
  edit(ws, maxCell);
  return { bytes: await toBytes(wb), plan, shown };
}

test('the capped deduction section shows its cap, and at most the cap is taken off', async () => {
  const { bytes, shown } = await written();
  expect(shown).toBe(4);
  const r = await scoreWorkbook(bytes, { file: 'cap.xlsx' });
  expect(r.layout).toBe('template');
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(r.problems.map((p) => p.code)).toContain('deduction_capped');
  expect(r.evaluation!.self!.penalty).toBe(4);
});

test('an earlier template (the cell blank) reads clean; another value is max_edited at that cell', async () => {
  const old = await written((ws, cell) => void (ws.getCell(cell).value = null));
  const r = await scoreWorkbook(old.bytes, { file: 'old.xlsx' });
  expect(r.problems.filter((p) => p.code === 'max_edited')).toEqual([]);
  expect(r.evaluation!.self!.penalty).toBe(4);

  let at = '';
  const edited = await written((ws, cell) => {
    at = cell;
    ws.getCell(cell).value = 7;
  });
  const e = await scoreWorkbook(edited.bytes, { file: 'edited.xlsx' });
  expect(e.problems.filter((p) => p.code === 'max_edited').map((p) => [p.cell, p.criterion])).toEqual([[at, 'C']]);
});
