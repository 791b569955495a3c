import { compileDef, defaultSet } from '../helpers/sets';

describe('compiled nodes', () => {
  test('full numbering as people cite it', () => {
    const s = defaultSet();
    expect(s.byId.get('II.2.1')!.fullNumber).toBe('II.2.1'); // "2.1" under "2" under "II"
    expect(s.byId.get('I.1')!.fullNumber).toBe('I.1');
    expect(s.byId.get('VII')!.fullNumber).toBe('VII');
    const letters = compileDef({
      id: 'l',
      title: 'l',
      sections: [{ id: 'A', number: 'I', text: 'I', max: 2, children: [{ id: 'A1', number: '1', text: '1', max: 2, children: [{ id: 'A1a', number: 'a', text: 'a', max: 2 }] }] }],
    });
    expect(letters.byId.get('A1a')!.fullNumber).toBe('I.1.a');
  });

  test('maxBase, maxBonus and leaves of the default set', () => {
    const s = defaultSet();
    expect([s.maxBase, s.maxBonus, s.leaves.length]).toEqual([100, 5, 22]);
    expect(s.leaves.filter((l) => l.role === 'deduction').map((l) => l.disqualifies)).toEqual([[], ['co-thi-dua']]);
  });
});
