/** The one entry rule (engine/core/entry-rule.ts): what the engine and the workbook's formulas count. */
import { evaluate, loadCriteriaDef } from '../../engine/core';
import { compareFigures } from '../../engine/workbook/score';
import type { EntrySpec } from '../../engine/core/kinds/types';
import { entryChecks, excelCounted, excelValidation, judgeEntry } from '../../engine/core/entry-rule';

const manual: EntrySpec = { key: 'a', criterion: 'a', label: 'a', type: 'number', min: 0, max: 5, step: 0.25, blankIsZero: false };
const cases: EntrySpec = { key: 'd', criterion: 'd', label: 'd', type: 'number', min: 0, integer: true, blankIsZero: true, unit: 'cases', pointsPerUnit: 5, negativeDeducts: true };
const points: EntrySpec = { key: 'p', criterion: 'p', label: 'p', type: 'number', min: 0, step: 0.5, blankIsZero: true, unit: 'points', negativeDeducts: true };
const flag: EntrySpec = { key: 'f', criterion: 'f', label: 'f', type: 'flag', min: 0, max: 1, blankIsZero: true };

describe('judgeEntry', () => {
  test.each<[EntrySpec, unknown, 'template' | 'tolerant', unknown]>([
    [manual, 3.5, 'template', 3.5],
    [manual, '3,5', 'template', 'number_as_text'],
    [manual, '3,5', 'tolerant', 3.5],
    [manual, 'tám', 'template', 'non_numeric'],
    [manual, 0.3, 'template', 'off_step'],
    [manual, 5.25, 'template', 'above_max'],
    [manual, -1, 'template', 'below_min'],
    [manual, null, 'template', null],
    [cases, 2, 'template', 2],
    [cases, 1.5, 'template', 'not_integer'],
    [cases, -1, 'template', 'below_min'],
    [cases, -1, 'tolerant', 1],
    [points, -5, 'tolerant', 5], // a familiar table's negative deduction
    [points, -5, 'template', 'below_min'],
    [flag, 'X', 'template', true],
    [flag, 'có', 'template', true],
    [flag, 1, 'template', true],
    [flag, 0, 'template', false],
    [flag, 'yes', 'template', 'not_a_flag'],
    [flag, 'yes', 'tolerant', true],
    [flag, ' x', 'template', 'not_a_flag'],
  ])('%#: %j read %s', (spec, raw, reading, want) => {
    const j = judgeEntry(spec, raw as never, reading);
    expect(j.ok ? j.value : j.code).toEqual(want);
  });
});

describe('the Excel side of the same rule', () => {
  test('decimal/whole where they express the rule, a custom formula for a step', () => {
    expect(excelValidation('D12', manual)).toEqual({ type: 'custom', formula: 'AND(ISNUMBER(D12),D12>=0,ROUND(D12*1000,0)<=5000,MOD(ROUND(D12*1000,0),250)=0)' });
    expect(excelValidation('D12', cases)).toEqual({ type: 'whole', operator: 'greaterThanOrEqual', min: 0, max: undefined });
    expect(excelValidation('D12', { ...manual, step: 1 })).toEqual({ type: 'whole', operator: 'between', min: 0, max: 5 });
    expect(excelValidation('D12', { ...manual, step: undefined })).toEqual({ type: 'decimal', operator: 'between', min: 0, max: 5 });
    expect(excelValidation('D12', flag)).toEqual({ type: 'list', list: ['x'] });
  });

  test('counted values: invalid counts 0, cases count their points', () => {
    expect(excelCounted('D41', cases)).toBe('IF(ISNUMBER(D41),IF(AND(D41>=0,INT(D41)=D41),D41*5,0),0)');
    expect(excelCounted('D30', flag)).toBe('IF(ISNUMBER(D30),IF(D30=1,1,0),IF(ISTEXT(D30),IF(OR(D30="x",D30="có"),1,0),0))');
    expect(entryChecks(manual).map((c) => c.code)).toEqual(['below_min', 'above_max', 'off_step']);
  });

  test('a deduction in cases counts its points per case in the engine', () => {
    const r = loadCriteriaDef({
      id: 't',
      title: 't',
      sections: [
        { id: 'A', text: 'A', max: 10, children: [{ id: 'A.1', text: 'a', max: 10 }] },
        { id: 'D', text: 'D', role: 'deduction', children: [{ id: 'D.1', text: 'kỷ luật (trừ 5 điểm/lần)', perOccurrence: 5, entry: 'cases' }] },
      ],
    });
    expect(r.set).not.toBeNull();
    const spec = r.set!.entryByKey.get('D.1')!;
    expect(spec).toMatchObject({ unit: 'cases', pointsPerUnit: 5, integer: true });
    const ev = evaluate(r.set!, { self: { 'A.1': 10, 'D.1': 2 } });
    expect([ev.self!.penalty, ev.self!.total]).toEqual([10, 0]);
    // A familiar table typing the deduction negative: the same deduction, and its negative subtotal agrees.
    const fam = evaluate(r.set!, { self: { 'A.1': 10, 'D.1': -2 } });
    expect([fam.problems, fam.self!.penalty]).toEqual([[], 10]);
    const fig = (node: string, value: number) => ({ node, column: 'self' as const, sheet: 'S', cell: 'D9', value });
    expect(compareFigures(fam, [fig('penalty', -10), fig('D', -10), fig('total', 0)], 'f.xlsx')).toEqual([]);
    expect(compareFigures(fam, [fig('A', -10)], 'f.xlsx').map((p) => p.code)).toEqual(['formula_disagrees']);
  });
});
