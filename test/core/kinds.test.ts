import { evaluate } from '../../engine/core';
import { compileDef, defaultSet, miniDef } from '../helpers/sets';

const set = compileDef(miniDef());
const full = { 'A.1': 4, '@plan': 12, '@done': 12, 'A.3/a': 'x', 'A.3/b': 'có', 'A.3/c': 1, 'A.4/value': 95 };

describe('criterion kinds', () => {
  test('manual: the typed points count as entered', () => {
    const ev = evaluate(set, { self: { ...full, 'A.1': 3.25 } });
    expect(ev.self!.nodes['A.1']).toBe(3.25);
  });

  test('formula: points from indicators, rounded down to the step', () => {
    const ev = evaluate(set, { self: { ...full, '@done': 11 } });
    // 10 * 11 / 12 = 9.1666 -> 9 on the 0.25 grid
    expect(ev.self!.nodes['A.2']).toBe(9);
    expect(evaluate(set, { self: { ...full, '@done': 7 } }).self!.nodes['A.2']).toBe(5.75); // 5.8333 -> 5.75
  });

  test('formula: division by zero is an error, not Infinity', () => {
    const ev = evaluate(set, { self: { ...full, '@plan': 0 } });
    expect(ev.self!.nodes['A.2']).toBeNull();
    expect(ev.problems.map((p) => p.code)).toContain('formula_not_finite');
  });

  test('checklist: ticked items add their points, yes/no spelled many ways', () => {
    expect(evaluate(set, { self: full }).self!.nodes['A.3']).toBe(4);
    const ev = evaluate(set, { self: { ...full, 'A.3/b': '', 'A.3/c': 'không' } });
    expect(ev.self!.nodes['A.3']).toBe(1);
    const bad = evaluate(set, { self: { ...full, 'A.3/a': 'maybe' } });
    expect(bad.problems.find((p) => p.code === 'not_a_flag')?.criterion).toBe('A.3');
  });

  test('tiers: the value falls in a band', () => {
    expect(evaluate(set, { self: { ...full, 'A.4/value': 95 } }).self!.nodes['A.4']).toBe(2);
    expect(evaluate(set, { self: { ...full, 'A.4/value': 90 } }).self!.nodes['A.4']).toBe(2);
    expect(evaluate(set, { self: { ...full, 'A.4/value': 89.9 } }).self!.nodes['A.4']).toBe(1);
    expect(evaluate(set, { self: { ...full, 'A.4/value': 10 } }).self!.nodes['A.4']).toBe(0);
  });

  test('bonus: blank is zero and the section is capped', () => {
    const none = evaluate(set, { self: full }).self!;
    expect(none.bonus).toBe(0);
    const ev = evaluate(set, { self: { ...full, 'B.1': 2, 'B.2': 2 } });
    expect(ev.self!.bonusRaw).toBe(4);
    expect(ev.self!.bonus).toBe(3);
    expect(ev.problems.map((p) => p.code)).toContain('bonus_capped');
  });

  test('deduction: points per occurrence, total = base + bonus - penalty, disqualification', () => {
    const ev = evaluate(set, { self: { ...full, 'B.1': 1, 'C.1': 2, 'C.2': 5 } });
    const s = ev.self!;
    expect([s.base, s.bonus, s.penalty, s.total]).toEqual([20, 1, 7, 14]);
    expect(ev.disqualifications).toEqual([{ award: 'flag', criterion: 'C.2', column: 'self', reason: 'discipline' }]);
    const off = evaluate(set, { self: { ...full, 'C.2': 3 } });
    expect(off.problems.find((p) => p.code === 'off_step')?.criterion).toBe('C.2');
  });

  test('the default 2024 set scores a full submission to 100 + 5 - deductions', () => {
    const s = defaultSet();
    const self: Record<string, unknown> = {};
    for (const e of s.entries) self[e.key] = e.type === 'flag' ? 'x' : e.indicator ? 10 : (e.max ?? 0);
    const ev = evaluate(s, { self: self as never });
    expect(ev.self!.base).toBe(100);
    expect(ev.self!.bonus).toBe(5);
    expect(s.leaves).toHaveLength(22);
  });
});
