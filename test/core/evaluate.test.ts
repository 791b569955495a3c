import { evaluate, Problem } from '../../engine/core';
import { compileDef, miniDef } from '../helpers/sets';

const set = compileDef(miniDef());
const full = { 'A.1': 4, '@plan': 12, '@done': 12, 'A.3/a': 'x', 'A.3/b': 'x', 'A.3/c': 'x', 'A.4/value': 95 };
const find = (ps: Problem[], code: string) => ps.find((p) => p.code === code);

describe('entry validation', () => {
  test('"8,5" and numbers stored as text are read; "tám" is an error with its cell', () => {
    const ok = evaluate(set, { self: { ...full, 'A.1': '3,5' } });
    expect(ok.self!.nodes['A.1']).toBe(3.5);
    expect(evaluate(set, { self: { ...full, 'A.1': ' 2.25 ' } }).self!.nodes['A.1']).toBe(2.25);
    const bad = evaluate(set, { self: { ...full, 'A.1': { value: 'tám', sheet: 'Bảng điểm', cell: 'D10' } } });
    const p = find(bad.problems, 'non_numeric')!;
    expect(p).toMatchObject({ severity: 'error', sheet: 'Bảng điểm', cell: 'D10', criterion: 'A.1', column: 'self' });
    expect(p.messages.vi).toContain('tám');
    expect(p.messages.en).toContain('not a number');
    expect(bad.self!.nodes['A.1']).toBeNull(); // never guessed
  });

  test.each([
    ['above_max', 4.5],
    ['below_min', -1],
    ['off_step', 3.3],
  ])('%s', (code, value) => {
    const ev = evaluate(set, { self: { ...full, 'A.1': value } });
    expect(find(ev.problems, code)?.criterion).toBe('A.1');
    expect(ev.self!.nodes['A.1']).toBeNull();
  });

  test('integer indicators', () => {
    const ev = evaluate(set, { self: { ...full, '@plan': 11.5 } });
    expect(find(ev.problems, 'not_integer')?.criterion).toBe('plan');
  });

  test('missing entries are errors in the self column; blank bonus and deductions are zero', () => {
    const { 'A.1': _omit, ...rest } = full;
    const ev = evaluate(set, { self: rest });
    expect(find(ev.problems, 'missing_entry')?.criterion).toBe('A.1');
    expect(ev.self!.complete).toBe(false);
    expect(ev.self!.filled).toBe(ev.self!.expected - 1);
    expect(ev.problems.filter((p) => p.criterion?.startsWith('B') || p.criterion?.startsWith('C'))).toEqual([]);
  });

  test('an absent inspection column is not an error; final comes from self', () => {
    const ev = evaluate(set, { self: full, inspected: {} });
    expect(ev.inspected).toBeNull();
    expect(ev.final).toEqual({ total: 20, source: 'self' });
  });

  test('the inspected column decides when present', () => {
    const ev = evaluate(set, { self: full, inspected: { ...full, 'A.1': 3 } });
    expect(ev.final).toEqual({ total: 19, source: 'inspected' });
    const selfPolicy = evaluate(set, { self: full, inspected: { ...full, 'A.1': 3 } }, { finalScore: 'self' });
    expect(selfPolicy.final?.source).toBe('self');
  });

  test('both columns empty is one clear error', () => {
    expect(evaluate(set, { self: {}, inspected: null }).problems.map((p) => p.code)).toEqual(['column_empty']);
  });

  test('missing evidence where required, inspector change without a remark', () => {
    const ev = evaluate(compileDef(miniDef((d) => (d.evidence = true))), {
      self: full,
      inspected: { ...full, 'A.1': 3 },
      evidence: { 'A.1': { value: 'Kế hoạch số 12', sheet: 'S', cell: 'G10' }, 'A.2': { value: '', sheet: 'S', cell: 'G11' } },
      remarks: { 'A.1': { value: '', sheet: 'S', cell: 'H10' } },
    });
    expect(find(ev.problems, 'missing_evidence')).toMatchObject({ criterion: 'A.2', cell: 'G11' });
    expect(ev.problems.filter((p) => p.code === 'missing_evidence').map((p) => p.criterion)).not.toContain('A.1');
    expect(find(ev.problems, 'change_without_remark')).toMatchObject({ criterion: 'A.1', cell: 'H10', severity: 'warning' });
  });

  test('unknown keys in a JSON submission are reported', () => {
    expect(find(evaluate(set, { self: { ...full, 'Z.9': 1 } }).problems, 'unknown_entry')).toBeDefined();
  });

  test('formula results outside 0..max are clamped with a warning', () => {
    const s = compileDef(miniDef((d) => ((d.sections[0].children![1] as unknown as { formula: string }).formula = 'min(10, 10 * done / plan)')));
    const ev = evaluate(s, { self: { ...full, '@done': 30 } });
    expect(ev.self!.nodes['A.2']).toBe(10);
  });
});
