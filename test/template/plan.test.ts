/** The pure layout plan: entry cells, validation, protection per mode, formulas, names, hidden sheet. */
import { hashCriteriaSet } from '../../engine/core';
import { EMBED_JSON_ROW, planTemplate, sumOf, TemplatePlan } from '../../engine/core/template/plan';
import { defaultSet, largeSet } from './helpers';

const cellsOf = (plan: TemplatePlan) => new Map(plan.rows.flatMap((r) => r.cells).map((c) => [c.address, c]));

describe('planTemplate on the default set', () => {
  const set = defaultSet();
  const self = planTemplate(set, { mode: 'self', unit: '=HYPERLINK("x")' });
  const insp = planTemplate(set, { mode: 'inspection' });

  test('every entry of both columns has its own cell with data validation', () => {
    const cells = cellsOf(self);
    const all = [...Object.values(self.entries.self), ...Object.values(self.entries.inspected)];
    expect(new Set(all).size).toBe(set.entries.length * 2);
    for (const a of all) {
      const c = cells.get(a)!;
      expect(c.kind).toBe('entry');
      expect(c.validation).toBeDefined();
      expect(c.formula).toBeUndefined();
    }
    const v = (key: string) => cells.get(self.entries.self[key])!.validation!;
    // The 0.25 step needs a custom formula; decimal/whole stay where they express the rule.
    expect(v('I.1')).toMatchObject({ type: 'custom', formula: 'AND(ISNUMBER(D10),D10>=0,ROUND(D10*1000,0)<=4000,MOD(ROUND(D10*1000,0),250)=0)' });
    expect(v('I.1').prompt).toContain('bước 0,25');
    // Deductions of the default set take the number of cases: whole numbers, and they say so.
    expect(v('VII.1')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', min: 0 });
    expect(v('VII.2').prompt).toContain('SỐ LẦN');
    expect(v('VII.2').prompt).toContain('mỗi lần trừ 5 điểm');
    const text = (key: string) => self.rows.find((r) => r.key === key)!.cells.find((c) => c.kind === 'text')!.value;
    expect(text('VII.2')).toMatch(/không xét Cờ thi đua\) — Ghi số lần vi phạm$/);
    expect(v('@lop_ke_hoach')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', min: 0 });
    expect(v('V.1/hoi-thao')).toMatchObject({ type: 'list', list: ['x'] });
  });

  test('self mode opens self entries, evidence and the unit; inspection mode inspected entries and remarks', () => {
    const expectSelf = new Set([...Object.values(self.entries.self), ...Object.values(self.evidence), self.unitCell]);
    expect(new Set(self.unlocked)).toEqual(expectSelf);
    const expectInsp = new Set([...Object.values(insp.entries.inspected), ...Object.values(insp.remarks)]);
    expect(new Set(insp.unlocked)).toEqual(expectInsp);
  });

  test('scores: groups sum children, the bonus is capped, total = base + bonus - penalty', () => {
    // Entry cells count through the entry rule: an invalid value counts 0, as in the engine.
    const counted = (a: string, max: number) => `IF(ISNUMBER(${a}),IF(AND(${a}>=0,ROUND(${a}*1000,0)<=${max * 1000},MOD(ROUND(${a}*1000,0),250)=0),${a},0),0)`;
    expect(self.scores.self.I.formula).toBe(`SUM(${counted('D10', 4)},${counted('D11', 2.5)},${counted('D12', 3.5)})`);
    expect(self.scores.self.VI.formula).toMatch(/^MIN\(5,SUM\(IF\(ISNUMBER\(D37\)/);
    expect(self.scores.self.VII.formula).toBe('SUM(IF(ISNUMBER(D41),IF(AND(D41>=0,INT(D41)=D41),D41,0),0),IF(ISNUMBER(D42),IF(AND(D42>=0,INT(D42)=D42),D42*5,0),0))');
    expect(self.scores.self.total.formula).toBe('D43+D44-D45');
    expect(self.scores.inspected.base.formula).toBe('SUM(F9,F13,F20,F24,F28)');
    expect(self.scores.self['I.1'].formula).toBeUndefined(); // the entry cell is the score
    expect(self.scores.self['II.1'].formula).toMatch(/^IFERROR\(IF\(AND\(.*ROUNDDOWN\(MAX\(0,MIN\(10,/);
    expect(self.names).toEqual([
      { name: 'TongTuCham', ref: "'Bảng chấm điểm'!$D$46", column: 'self' },
      { name: 'TongCumCham', ref: "'Bảng chấm điểm'!$F$46", column: 'inspected' },
    ]);
  });

  test('the unit is a literal value, never a formula', () => {
    const c = cellsOf(self).get(self.unitCell)!;
    expect(c.value).toBe('=HYPERLINK("x")');
    expect(c.formula).toBeUndefined();
  });

  test('the hidden sheet carries the set, its hash and the metadata', () => {
    const cells = new Map(self.embedded.cells.map((c) => [c.address, c.value]));
    expect(cells.get('B1')).toBe('thidua-template');
    expect(cells.get('B4')).toBe(set.hash);
    expect(cells.get('B5')).toBe('self');
    let json = '';
    for (let i = 0; i < Number(cells.get('B13')); i++) json += cells.get(`B${EMBED_JSON_ROW + i}`);
    expect(hashCriteriaSet(JSON.parse(json))).toBe(set.hash);
  });

  test('conditional formats cover missing entries of the open column and invalid values of both', () => {
    const missing = self.conditionalFormats.filter((c) => c.style === 'cf-missing').flatMap((c) => c.ranges);
    expect(missing).toContain(self.entries.self['I.1']);
    expect(missing).not.toContain(self.entries.inspected['I.1']);
    expect(missing).not.toContain(self.entries.self['VI.1']); // a blank bonus means none
    const invalid = self.conditionalFormats.filter((c) => c.style === 'cf-invalid').flatMap((c) => c.ranges);
    expect(invalid).toEqual(expect.arrayContaining([self.entries.self['I.1'], self.entries.inspected['I.1']]));
  });
});

describe('large sets', () => {
  test('a 300-criterion plan: every node has a score cell in both columns', () => {
    const set = largeSet();
    const plan = planTemplate(set, { mode: 'self' });
    for (const n of set.nodes) for (const c of ['self', 'inspected'] as const) expect(plan.scores[c][n.id]).toBeDefined();
    expect(plan.expectations.length).toBeGreaterThan(set.nodes.length);
  });

  test('sums stay under the 255-argument limit of Excel functions', () => {
    const cells = Array.from({ length: 600 }, (_, i) => `D${10 + 2 * i}`);
    const f = sumOf(cells);
    for (const m of f.matchAll(/SUM\(([^()]*)\)/g)) expect(m[1].split(',').length).toBeLessThanOrEqual(200);
    expect(f.match(/D\d+/g)).toHaveLength(600);
    expect(sumOf(['D10', 'D11', 'D12', 'D14'])).toBe('SUM(D10:D12,D14)');
  });
});
