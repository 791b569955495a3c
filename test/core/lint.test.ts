import { CriteriaSet, loadCriteriaDef, NodeDef } from '../../engine/core';
import { codes, miniDef } from '../helpers/sets';

const child = (d: CriteriaSet, i: number, j: number) => d.sections[i].children![j] as NodeDef & Record<string, unknown>;

describe('lint', () => {
  test('the mini set and the default set are clean', () => {
    expect(codes(miniDef())).toEqual([]);
  });

  test.each<[string, (d: CriteriaSet) => void, string]>([
    ["children's max not adding up", (d) => (d.sections[0].max = 21), 'max_mismatch'],
    ['duplicate ids', (d) => (child(d, 0, 1).id = 'A.1'), 'duplicate_id'],
    ['duplicate numbering', (d) => ((child(d, 0, 0).number = '1'), (child(d, 0, 1).number = '1')), 'duplicate_number'],
    ['a formula that can exceed its max', (d) => (child(d, 0, 1).formula = '10 * done / plan'), 'formula_can_exceed_max'],
    ['a formula that can go negative', (d) => (child(d, 0, 1).formula = 'min(10, done - plan)'), 'formula_can_exceed_max'],
    ['a checklist worth more than its max', (d) => ((child(d, 0, 2).items as Array<{ points: number }>)[0].points = 3), 'formula_can_exceed_max'],
    ['a bonus section without cap', (d) => delete d.sections[1].cap, 'bonus_without_cap'],
    ['an award threshold above the maximum total', (d) => (d.policy!.awards![0].minTotal = 99), 'threshold_above_max'],
    ['an award with no minimum total', (d) => (d.policy!.awards![0].minTotal = 0), 'award_no_minimum'],
    ['a deduction in cases without points per case', (d) => ((child(d, 2, 0).entry = 'cases'), delete child(d, 2, 0).perOccurrence), 'tiers_invalid'],
    ['an unknown tie-breaker', (d) => (d.policy!.tieBreakers = ['base', 'coin-flip']), 'unknown_tie_breaker'],
    ['an unknown award rule', (d) => (d.policy!.awards![0].rule = 'lottery'), 'unknown_award_rule'],
    ['a deduction barring an unknown award', (d) => (child(d, 2, 1).disqualifies = ['medal']), 'unknown_award'],
    ['classification bands not descending', (d) => (d.policy!.classification = [{ label: 'A', min: 10 }, { label: 'B', min: 15 }]), 'bands_not_descending'],
    ['a max off the step', (d) => ((child(d, 0, 0).max = 4.1), (d.sections[0].max = 20.1)), 'bad_step'],
    ['an unknown kind', (d) => (child(d, 0, 0).kind = 'dice'), 'unknown_kind'],
    ['a kind in the wrong section', (d) => (child(d, 2, 0).kind = 'manual'), 'kind_not_allowed'],
    ['a formula with an unknown name', (d) => (child(d, 0, 1).formula = 'min(10, lop / plan)'), 'formula_unknown_name'],
    ['a forbidden formula', (d) => (child(d, 0, 1).formula = 'import(x)'), 'formula_forbidden'],
    ['indicators in a cycle', (d) => d.indicators!.push({ id: 'p', text: 'p', expr: 'q + 1' }, { id: 'q', text: 'q', expr: 'p * done' }), 'formula_cycle'],
    ['a criterion without max', (d) => delete child(d, 0, 0).max, 'missing_max'],
    ['invalid tiers', (d) => (child(d, 0, 3).tiers = [{ min: 5, points: 1 }, { min: 5, points: 2 }]), 'tiers_invalid'],
    ['an empty section', (d) => d.sections.splice(1, 0, { id: 'E', text: 'empty', max: 0 }), 'empty_section'],
    ['an unknown property (schema)', (d) => (child(d, 0, 0).maxx = 3), 'schema_error'],
  ])('%s', (_name, mutate, code) => {
    expect(codes(miniDef(mutate))).toContain(code);
  });

  test('a capped bonus section may offer more than its cap', () => {
    expect(codes(miniDef((d) => (d.sections[1].max = 3)))).not.toContain('max_mismatch');
  });

  test('problems carry the criterion and the JSON path', () => {
    const r = loadCriteriaDef(miniDef((d) => (d.sections[0].max = 21)));
    expect(r.set).toBeNull();
    expect(r.problems[0]).toMatchObject({ code: 'max_mismatch', criterion: 'A', path: 'sections/0', severity: 'error' });
    expect(r.problems[0].messages.en).toBe('Children of A add up to 20 but A says 21');
    expect(r.problems[0].messages.vi).toBe('Tổng điểm chuẩn các mục con là 20, nhưng A ghi 21');
  });
});
