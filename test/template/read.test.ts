/**
 * Reading back filled templates: each kind of bad entry and each kind of tampering gives its problem
 * code at its cell; valid tolerant entries ("2,5", numbers as text) score.
 */
import type ExcelJS from 'exceljs';
import { CompiledSet, Problem } from '../../engine/core';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { scoreWorkbook } from '../../engine/workbook/score';
import { defaultSet, fillColumn, largeSet, loadXlsx, toBytes, template, validSelf } from './helpers';

let set: CompiledSet;
beforeAll(() => {
  set = defaultSet();
});


async function filled(
  mutate: (ws: ExcelJS.Worksheet, plan: TemplatePlan, wb: ExcelJS.Workbook) => void,
  opts: { mode?: 'self' | 'inspection'; inspected?: boolean } = {},
): Promise<Uint8Array> {
  const mode = opts.mode ?? 'self';
  const self = validSelf(set);
  const { bytes, plan } = await template(set, mode, { unit: 'Trường Chính trị tỉnh Thử', prefill: mode === 'inspection' ? { self } : undefined });
  const wb = await loadXlsx(bytes);
  const ws = wb.getWorksheet(plan.sheetName)!;
  if (mode === 'self') fillColumn(ws, plan, 'self', self);
  for (const l of set.leaves) ws.getCell(plan.evidence[l.id]).value = 'Báo cáo tổng kết năm 2024';
  if (opts.inspected) fillColumn(ws, plan, 'inspected', self);
  mutate(ws, plan, wb);
  return toBytes(wb);
}

async function problemsOf(bytes: Uint8Array, criteria?: CompiledSet): Promise<Problem[]> {
  const r = await scoreWorkbook(bytes, { file: 'filled.xlsx', criteria });
  expect(r.layout).toBe('template');
  return r.problems;
}

const find = (ps: Problem[], code: string) => ps.filter((p) => p.code === code);

describe('a valid filled template', () => {
  test('scores with no problem and the expected total', async () => {
    const r = await scoreWorkbook(await filled(() => undefined), { file: 'ok.xlsx' });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.unit).toBe('Trường Chính trị tỉnh Thử');
    expect(r.evaluation!.self!.total).toBeGreaterThan(60);
    expect(r.evaluation!.inspected).toBeNull();
  });

  test('a number stored as text ("2,5", " 3 ") is an error at its cell and counts 0, as the workbook counts it', async () => {
    const r = await scoreWorkbook(
      await filled((ws, plan) => {
        ws.getCell(plan.entries.self['I.2']).value = '2,5';
        ws.getCell(plan.entries.self['I.3']).value = ' 3 ';
      }),
      { file: 'f.xlsx' },
    );
    const hits = r.problems.filter((p) => p.code === 'number_as_text');
    expect(hits.map((p) => [p.cell, p.severity, p.criterion])).toEqual([
      ['D11', 'error', 'I.2'],
      ['D12', 'error', 'I.3'],
    ]);
    expect(hits[0].messages.vi).toContain('"2,5"');
    expect(r.evaluation!.self!.nodes['I.2']).toBeNull();
    expect(r.evaluation!.self!.nodes['I']).toBe(r.evaluation!.self!.nodes['I.1']);
  });
});

describe('bad entries: code and cell', () => {
  const cases: Array<[string, string, (ws: ExcelJS.Worksheet, p: TemplatePlan) => void, string]> = [
    ['non-numeric', 'non_numeric', (ws, p) => (ws.getCell(p.entries.self['I.1']).value = 'tám'), 'D10'],
    ['above max', 'above_max', (ws, p) => (ws.getCell(p.entries.self['I.1']).value = 4.5), 'D10'],
    ['below 0', 'below_min', (ws, p) => (ws.getCell(p.entries.self['I.2']).value = -1), 'D11'],
    ['off the step', 'off_step', (ws, p) => (ws.getCell(p.entries.self['I.3']).value = 1.3), 'D12'],
    ['missing entry', 'missing_entry', (ws, p) => (ws.getCell(p.entries.self['II.2.1']).value = null), 'D16'],
    ['missing evidence', 'missing_evidence', (ws, p) => (ws.getCell(p.evidence['II.3']).value = null), 'E18'],
    ['formula typed in an entry', 'formula_in_entry', (ws, p) => (ws.getCell(p.entries.self['II.4']).value = { formula: '2+3' } as ExcelJS.CellFormulaValue), 'D19'],
    ['indicator not a whole number', 'not_integer', (ws, p) => (ws.getCell(p.entries.self['@lop_ke_hoach']).value = 2.5), 'D49'],
    ['checklist mark not yes/no', 'not_a_flag', (ws, p) => (ws.getCell(p.entries.self['V.1/hoi-thao']).value = 'có lẽ'), 'D30'],
    ['deduction in cases not a whole number', 'not_integer', (ws, p) => (ws.getCell(p.entries.self['VII.2']).value = 1.5), 'D42'],
    ['deduction in cases negative', 'below_min', (ws, p) => (ws.getCell(p.entries.self['VII.1']).value = -2), 'D41'],
  ];
  test.each(cases)('%s -> %s', async (_name, code, mutate, cell) => {
    const ps = await problemsOf(await filled(mutate));
    const hits = find(ps, code);
    expect(hits.map((p) => `${p.sheet}!${p.cell}`)).toContain(`Bảng chấm điểm!${cell}`);
    expect(hits[0].criterion).toBeTruthy();
    expect(hits[0].messages.vi).toBeTruthy();
    expect(hits[0].messages.en).toBeTruthy();
  });

  test('formula criterion dividing by zero -> formula_not_finite at its score cell', async () => {
    const ps = await problemsOf(await filled((ws, p) => (ws.getCell(p.entries.self['@lop_ke_hoach']).value = 0)));
    expect(find(ps, 'formula_not_finite').map((x) => [x.cell, x.criterion])).toEqual([['D14', 'II.1']]);
  });

  test('the plan addresses used above are the ones of the default set', async () => {
    const { plan } = await template(set);
    expect([plan.entries.self['I.1'], plan.entries.self['II.2.1'], plan.evidence['II.3'], plan.entries.self['@lop_ke_hoach'], plan.entries.self['VII.2']]).toEqual([
      'D10',
      'D16',
      'E18',
      'D49',
      'D42',
    ]);
  });

  test('inspector change without a remark -> change_without_remark at the remark cell; with a remark, none', async () => {
    const change = (remark: string | null) => (ws: ExcelJS.Worksheet, p: TemplatePlan) => {
      ws.getCell(p.entries.inspected['I.1']).value = 2;
      ws.getCell(p.remarks['I.1']).value = remark;
    };
    const without = await problemsOf(await filled(change(null), { mode: 'inspection', inspected: true }));
    const hits = find(without, 'change_without_remark');
    expect(hits.map((p) => [p.cell, p.criterion])).toEqual([['G10', 'I.1']]);
    const withRemark = await problemsOf(await filled(change('Thiếu kế hoạch thi đua của 2 khoa'), { mode: 'inspection', inspected: true }));
    expect(find(withRemark, 'change_without_remark')).toEqual([]);
  });
});

describe('tampering: code and cell', () => {
  test('embedded criteria edited -> criteria_tampered', async () => {
    const ps = await problemsOf(
      await filled((_ws, _p, wb) => {
        const h = wb.getWorksheet('_thidua')!;
        for (let r = 15; r < 40; r++) {
          const v = h.getCell(r, 2).value;
          if (typeof v === 'string' && v.includes('"max":4')) {
            h.getCell(r, 2).value = v.replace('"max":4', '"max":9');
            break;
          }
        }
      }),
    );
    expect(find(ps, 'criteria_tampered').map((p) => `${p.sheet}!${p.cell}`)).toEqual(['_thidua!B4']);
  });

  test('hash edited -> criteria_tampered', async () => {
    const ps = await problemsOf(await filled((_ws, _p, wb) => (wb.getWorksheet('_thidua')!.getCell('B4').value = 'deadbeef')));
    expect(find(ps, 'criteria_tampered')).toHaveLength(1);
  });

  test('row deleted -> row_missing naming the criterion', async () => {
    const ps = await problemsOf(await filled((ws) => ws.spliceRows(16, 1)));
    const hits = find(ps, 'row_missing');
    expect(hits.map((p) => [p.cell, p.criterion])).toEqual([['A16', 'II.2.1']]);
  });

  test('row inserted -> row_inserted at the new row', async () => {
    const ps = await problemsOf(await filled((ws) => ws.spliceRows(16, 0, [null, 'dòng thêm', 5, 5])));
    const hits = find(ps, 'row_inserted');
    expect(hits.map((p) => p.cell)).toEqual(['A16']);
    expect(hits[0].params).toMatchObject({ count: 1, after: 'II.2' });
    expect(find(ps, 'row_missing')).toEqual([]);
  });

  test('rows swapped -> row_moved', async () => {
    const ps = await problemsOf(
      await filled((ws) => {
        for (let c = 1; c <= 8; c++) {
          const a = ws.getCell(10, c).value;
          ws.getCell(10, c).value = ws.getCell(11, c).value;
          ws.getCell(11, c).value = a;
        }
      }),
    );
    const hits = find(ps, 'row_moved');
    expect(hits).toHaveLength(1);
    expect(['I.1', 'I.2']).toContain(hits[0].criterion);
    expect(['A10', 'A11']).toContain(hits[0].cell);
  });

  test('max points edited -> max_edited', async () => {
    const ps = await problemsOf(await filled((ws) => (ws.getCell('C10').value = 10)));
    expect(find(ps, 'max_edited').map((p) => [p.cell, p.criterion])).toEqual([['C10', 'I.1']]);
  });

  test('subtotal formula overwritten by a number -> formula_overwritten (and the figure disagrees)', async () => {
    const ps = await problemsOf(await filled((ws) => (ws.getCell('D9').value = 99)));
    expect(find(ps, 'formula_overwritten').map((p) => [p.cell, p.criterion])).toEqual([['D9', 'I']]);
    expect(find(ps, 'formula_disagrees').map((p) => p.cell)).toContain('D9');
  });

  test('computed criterion formula overwritten -> formula_overwritten', async () => {
    const ps = await problemsOf(await filled((ws, p) => (ws.getCell(p.scores.self['II.1'].address).value = 10)));
    expect(find(ps, 'formula_overwritten').map((x) => [x.cell, x.criterion])).toEqual([['D14', 'II.1']]);
  });

  test('total formula edited -> formula_edited', async () => {
    const ps = await problemsOf(await filled((ws, p) => (ws.getCell(p.scores.self.total.address).value = { formula: 'D43+D44' } as ExcelJS.CellFormulaValue)));
    expect(find(ps, 'formula_edited').map((x) => x.cell)).toEqual(['D46']);
  });

  test('a workbook formula showing another value than the recomputation -> formula_disagrees', async () => {
    const ps = await problemsOf(
      await filled((ws) => (ws.getCell('D9').value = { formula: 'SUM(D10:D12)', result: 1.5 } as ExcelJS.CellFormulaValue)),
    );
    const hits = find(ps, 'formula_disagrees');
    expect(hits.map((p) => [p.cell, p.criterion, p.severity])).toEqual([['D9', 'I', 'warning']]);
  });

  test('the total the workbook shows differs from the recomputation -> signed_total_differs naming both totals', async () => {
    const r = await scoreWorkbook(
      await filled((ws, p) => {
        const total = p.scores.self.total;
        ws.getCell(total.address).value = { formula: total.formula!, result: 91.5 } as ExcelJS.CellFormulaValue;
      }),
      { file: 'f.xlsx' },
    );
    const engine = r.evaluation!.self!.total;
    expect(engine).not.toBe(91.5);
    const hit = r.problems.find((p) => p.code === 'signed_total_differs')!;
    expect([hit.severity, hit.cell, hit.column]).toEqual(['error', 'D46', 'self']);
    expect(hit.messages.en).toContain(`The workbook shows 91.5; recomputed ${engine}`);
    expect(hit.messages.vi).toContain(`Tổng điểm tệp hiển thị là 91,5; tính lại được ${String(engine).replace('.', ',')}`);
  });

  test('scoring sheet renamed -> template_sheet_missing', async () => {
    const ps = await problemsOf(await filled((ws) => (ws.name = 'Sheet1')));
    expect(find(ps, 'template_sheet_missing')).toHaveLength(1);
  });

  test('--criteria differing from the embedded set -> criteria_differs', async () => {
    const ps = await problemsOf(await filled(() => undefined), largeSet(3));
    expect(find(ps, 'criteria_differs').map((p) => p.severity)).toEqual(['error']);
    const same = await problemsOf(await filled(() => undefined), defaultSet());
    expect(find(same, 'criteria_differs')).toEqual([]);
  });
});
