import { evaluate, floorToStep, formatPoints, onStep } from '../../engine/core';
import { compileDef } from '../helpers/sets';
import type { CriteriaSet } from '../../engine/core';

describe('scores are exact on the 0.25 grid', () => {
  test('helpers', () => {
    expect(onStep(8.75, 0.25)).toBe(true);
    expect(onStep(8.7, 0.25)).toBe(false);
    expect(onStep(0.3, 0.1)).toBe(true); // 0.1 * 3 is 0.30000000000000004 in floats
    expect(floorToStep(9.1666, 0.25)).toBe(9);
    expect(floorToStep(0.75, 0.25)).toBe(0.75); // no 0.5 from 2.9999 / 4
    expect(formatPoints(89.5, 'vi')).toBe('89,5');
  });

  test('sums of many quarter and tenth points never drift', () => {
    const children = Array.from({ length: 200 }, (_, i) => ({ id: `S.${i}`, text: `c${i}`, max: 0.5, step: 0.1 }));
    const def: CriteriaSet = { id: 'many', title: 'many', sections: [{ id: 'S', text: 'S', max: 100, children }] };
    const set = compileDef(def);
    const self = Object.fromEntries(children.map((c) => [c.id, 0.3]));
    const ev = evaluate(set, { self });
    expect(ev.self!.total).toBe(60); // float summation of 0.3 x 200 gives 59.99999999999...
    let float = 0;
    for (let i = 0; i < 200; i++) float += 0.3;
    expect(float).not.toBe(60);
  });

  test('89.5 stays 89.5 through base, bonus and penalty', () => {
    const def: CriteriaSet = {
      id: 'x',
      title: 'x',
      sections: [
        { id: 'A', text: 'A', max: 100, children: [{ id: 'A.1', text: 'a', max: 50 }, { id: 'A.2', text: 'b', max: 50 }] },
        { id: 'B', text: 'B', role: 'bonus', cap: 5, children: [{ id: 'B.1', text: 'b', max: 5 }] },
        { id: 'C', text: 'C', role: 'deduction', children: [{ id: 'C.1', text: 'c', perOccurrence: 0.25 }] },
      ],
    };
    const ev = evaluate(compileDef(def), { self: { 'A.1': 44.75, 'A.2': 44.5, 'B.1': 0.5, 'C.1': 0.25 } });
    expect(ev.self!.total).toBe(89.5);
    expect(String(ev.self!.total)).toBe('89.5');
  });
});
