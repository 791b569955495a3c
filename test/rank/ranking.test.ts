import * as v8 from 'v8';
import * as vm from 'vm';
import { buildRanking, compileSet, problem, rankReport, RankingCollector, unitKey } from '../../engine/core';
import { freshCopy } from '../../engine/core/rank/collector';
import { compile, tinyDef, unit } from './helpers';

const set = compile(tinyDef());
const byUnit = (r: ReturnType<typeof buildRanking>) => Object.fromEntries(r.units.map((u) => [u.unit, u]));

describe('ranks and tie-breakers', () => {
  test('a three-way tie on the total is resolved by base, then penalty', () => {
    // All three total 35.
    const r = buildRanking([
      unit(set, 'Phú Thọ', [9, 9, 9, 8, 0, 0]), // base 35, no bonus, no deduction
      unit(set, 'Bắc Giang', [9, 9, 8, 8, 1, 0]), // base 34 + bonus 1
      unit(set, 'Yên Bái', [9, 9, 9, 8, 1, 1]), // base 35 + bonus 1 - deduction 1
    ]);
    const u = byUnit(r);
    expect(r.units.map((x) => x.final)).toEqual([35, 35, 35]);
    // base: Phú Thọ 35 = Yên Bái 35 > Bắc Giang 34; penalty: Phú Thọ 0 < Yên Bái 1.
    expect(r.units.map((x) => [x.unit, x.rank])).toEqual([
      ['Phú Thọ', 1],
      ['Yên Bái', 2],
      ['Bắc Giang', 3],
    ]);
    expect(u['Bắc Giang'].tie).toEqual({ others: ['Phú Thọ', 'Yên Bái'], decidedBy: 'base', shared: false });
    expect(u['Phú Thọ'].tie?.decidedBy).toBe('penalty');
    expect(u['Yên Bái'].tie?.decidedBy).toBe('penalty');
    // Each unit is told what decided its place from its own point of view.
    expect(u['Phú Thọ'].notes[0].en).toBe('Same total as Bắc Giang, Yên Bái; separated by: higher base score (before bonus) than Bắc Giang; fewer deduction points than Yên Bái');
    expect(u['Yên Bái'].notes[0].en).toBe('Same total as Bắc Giang, Phú Thọ; separated by: higher base score (before bonus) than Bắc Giang; more deduction points than Phú Thọ');
    expect(u['Bắc Giang'].notes[0].en).toBe('Same total as Phú Thọ, Yên Bái; separated by: lower base score (before bonus) than Phú Thọ, Yên Bái');
    expect(u['Bắc Giang'].notes[0].vi).toBe('Bằng tổng điểm với Phú Thọ, Yên Bái; phân định theo: điểm các phần (chưa tính thưởng) thấp hơn Phú Thọ, Yên Bái');
    expect(u['Phú Thọ'].notes[0].vi).toContain('ít điểm trừ hơn Yên Bái');
  });

  test('the sections tie-breaker goes section by section in table order', () => {
    const r = buildRanking([
      // All 33, base 33, no deduction: section A first, then B.
      unit(set, 'Hà Giang', [9, 9, 6, 9]), // A 18, B 6
      unit(set, 'Lào Cai', [10, 10, 5, 8]), // A 20: first
      unit(set, 'Sơn La', [9, 9, 8, 7]), // A 18, B 8 > 6
    ]);
    expect(r.units.map((x) => `${x.rank} ${x.unit}`)).toEqual(['1 Lào Cai', '2 Sơn La', '3 Hà Giang']);
    expect(r.units.every((x) => x.tie?.decidedBy === 'sections')).toBe(true);
  });

  test('a tie that survives every tie-breaker is a shared rank with a note, and the next rank is skipped', () => {
    const r = buildRanking([
      unit(set, 'Thái Nguyên', [8, 8, 8, 8]),
      unit(set, 'Tuyên Quang', [8, 8, 8, 8]),
      unit(set, 'Điện Biên', [10, 10, 10, 10]),
      unit(set, 'Lai Châu', [5, 5, 5, 5]),
    ]);
    expect(r.units.map((x) => `${x.rank} ${x.unit}`)).toEqual(['1 Điện Biên', '2 Thái Nguyên', '2 Tuyên Quang', '4 Lai Châu']);
    const tn = byUnit(r)['Thái Nguyên'];
    expect(tn.tie).toEqual({ others: ['Tuyên Quang'], decidedBy: null, shared: true });
    expect(tn.notes[0].vi).toContain('đồng hạng 2');
    expect(tn.notes[0].en).toContain('shared rank 2');
    expect(byUnit(r)['Điện Biên'].tie).toBeNull();
  });

  test('the policy chooses the tie-breakers and their order', () => {
    const s = compile(tinyDef({ tieBreakers: ['bonus'] }));
    const r = buildRanking([unit(s, 'Phú Thọ', [9, 9, 9, 8, 0]), unit(s, 'Bắc Giang', [9, 9, 8, 8, 1])]);
    expect(r.units.map((x) => x.unit)).toEqual(['Bắc Giang', 'Phú Thọ']);
    expect(r.policy.tieBreakers).toEqual(['bonus']);
  });

  test('final score is the inspection where present, else the self score, and says which', () => {
    const r = buildRanking([unit(set, 'Hoà Bình', [9, 9, 9, 9], [8, 8, 8, 8]), unit(set, 'Bắc Kạn', [7, 7, 7, 7])]);
    const u = byUnit(r);
    expect(u['Hoà Bình']).toMatchObject({ final: 32, source: 'inspected', self: 36, inspected: 32, moved: -4 });
    expect(u['Bắc Kạn']).toMatchObject({ final: 28, source: 'self', self: 28, inspected: null, moved: null });
  });

  test('a self-only policy ranks on self scores', () => {
    const s = compile(tinyDef({ finalScore: 'self' }));
    const r = buildRanking([unit(s, 'Hoà Bình', [9, 9, 9, 9], [8, 8, 8, 8])]);
    expect(r.units[0]).toMatchObject({ final: 36, source: 'self' });
  });
});

describe('classification', () => {
  test('first band whose minimum is reached, else the last band', () => {
    const r = buildRanking([
      unit(set, 'A', [10, 10, 10, 5]), // 35: Xuất sắc (min inclusive)
      unit(set, 'B', [10, 10, 9.75, 5]), // 34.75: Tốt
      unit(set, 'C', [5, 5, 5, 5]), // 20: Khá
      unit(set, 'D', [1, 1, 1, 1]), // 4: below every band -> last band
    ]);
    expect(r.units.map((u) => [u.unit, u.classification?.label])).toEqual([
      ['A', 'Xuất sắc'],
      ['B', 'Tốt'],
      ['C', 'Khá'],
      ['D', 'Khá'],
    ]);
    expect(rankReport(r, 'en').ranking.map((x) => x.classification)).toEqual(['Excellent', 'Good', 'Fair', 'Fair']);
  });
});

describe('awards', () => {
  test('quota, threshold, maxRank and exclusivity', () => {
    const r = buildRanking([
      unit(set, 'Một', [10, 10, 10, 10]), // 40
      unit(set, 'Hai', [9, 9, 9, 9]), // 36
      unit(set, 'Ba', [8, 8, 8, 8]), // 32
      unit(set, 'Bốn', [6, 6, 6, 6]), // 24: below merit's 25
    ]);
    const u = byUnit(r);
    expect(u['Một'].awards.map((a) => a.id)).toEqual(['flag']);
    // merit is exclusive by default: Một has the flag, so the two next eligible get it.
    expect(u['Hai'].awards.map((a) => a.id)).toEqual(['merit']);
    expect(u['Ba'].awards.map((a) => a.id)).toEqual(['merit']);
    expect(u['Bốn'].awards).toEqual([]);
    expect(r.awards.map((a) => [a.id, a.units])).toEqual([
      ['flag', ['Một']],
      ['merit', ['Hai', 'Ba']],
    ]);
  });

  test('a non-exclusive award may go to a unit already proposed', () => {
    const s = compile(
      tinyDef({
        awards: [
          { id: 'flag', label: 'Cờ', quota: 1, minTotal: 30 },
          { id: 'merit', label: 'Bằng khen', quota: 1, minTotal: 25, exclusive: false },
        ],
      }),
    );
    const r = buildRanking([unit(s, 'Một', [10, 10, 10, 10]), unit(s, 'Hai', [9, 9, 9, 9])]);
    expect(r.units[0].awards.map((a) => a.id)).toEqual(['flag', 'merit']);
    expect(rankReport(r, 'vi').ranking[0].award).toBe('Cờ; Bằng khen');
  });

  test('a disciplined unit is named with the reason and skipped; maxRank keeps the flag from rank 2', () => {
    const r = buildRanking([
      unit(set, 'Kỷ Luật', [10, 10, 10, 10, 2, 0, 5]), // 42 - 5 = 37, rank 1 but barred from the flag
      unit(set, 'Hai', [9, 9, 9, 9]), // 36, rank 2: maxRank 1 keeps it from the flag
      unit(set, 'Ba', [8, 8, 8, 8]),
    ]);
    const u = byUnit(r);
    expect(u['Kỷ Luật'].rank).toBe(1);
    expect(u['Kỷ Luật'].disqualified).toEqual([
      expect.objectContaining({ award: 'flag', criterion: 'D.2', reason: 'Kỷ luật khiển trách', column: 'self' }),
    ]);
    expect(u['Kỷ Luật'].notes.some((n) => n.vi.includes('Không xét "Cờ thi đua"') && n.vi.includes('Kỷ luật khiển trách'))).toBe(true);
    expect(r.awards[0].units).toEqual([]);
    expect(r.awards[0].note?.en).toBe('No unit qualifies');
    // Not barred from the certificate: it gets one, and so does Hai.
    expect(r.awards[1].units).toEqual(['Kỷ Luật', 'Hai']);
    const json = rankReport(r, 'vi').ranking[0];
    expect(json.disqualified).toEqual([{ award: 'flag', criterion: 'D.2', reason: 'Kỷ luật khiển trách' }]);
  });

  test('without maxRank the flag goes to the best eligible unit below a disqualified one', () => {
    const s = compile(tinyDef({ awards: [{ id: 'flag', label: 'Cờ', quota: 1, minTotal: 30 }] }));
    const r = buildRanking([unit(s, 'Kỷ Luật', [10, 10, 10, 10, 2, 0, 5]), unit(s, 'Hai', [9, 9, 9, 9])]);
    expect(r.awards[0].units).toEqual(['Hai']);
  });

  test('a shared rank across the quota line proposes nobody and says the cluster decides', () => {
    const r = buildRanking([unit(set, 'Một', [9, 9, 9, 9]), unit(set, 'Hai', [9, 9, 9, 9]), unit(set, 'Ba', [8, 8, 8, 8])]);
    expect(r.awards[0].units).toEqual([]);
    expect(r.problems.find((p) => p.code === 'award_tie_over_quota')?.messages.en).toContain('Hai, Một');
    expect(byUnit(r)['Một'].notes.some((n) => n.en.includes('beyond the quota of "Flag"'))).toBe(true);
    // The certificate has room for both.
    expect(r.awards[1].units.sort()).toEqual(['Hai', 'Một']);
  });
});

describe('discrepancies', () => {
  test('per criterion at or above the tolerance, with the remark; totals that moved 3 or more', () => {
    const r = buildRanking([
      unit(set, 'Tuyên Quang', [9, 9, 9, 9, 1], [8, 9.25, 7, 9, 1], { remarks: { 'A.1': 'Thiếu minh chứng kế hoạch', 'B.1': 'Chưa tổ chức hội thi' } }),
      unit(set, 'Yên Bái', [9, 9, 9, 9], [9, 9, 9, 8.5], { remarks: { 'C.1': 'ok' } }),
    ]);
    expect(r.discrepancies.map((d) => [d.unit, d.criterion, d.self, d.inspected, d.delta, d.remark, d.large])).toEqual([
      ['Tuyên Quang', 'A.1', 9, 8, -1, 'Thiếu minh chứng kế hoạch', false],
      ['Tuyên Quang', 'B.1', 9, 7, -2, 'Chưa tổ chức hội thi', true],
    ]);
    expect(r.discrepancies[0].number).toBe('I.1');
    // 37 -> 34.25: moved by 2.75 < 3, not reported; Yên Bái moved 0.5.
    expect(r.totalMoves).toEqual([]);
    const r2 = buildRanking([unit(set, 'Tuyên Quang', [9, 9, 9, 9], [8, 8, 8, 10])]);
    expect(r2.totalMoves).toEqual([]); // 36 -> 34
    const r3 = buildRanking([unit(set, 'Tuyên Quang', [9, 9, 9, 9], [8, 8, 8, 9])]);
    expect(r3.totalMoves).toEqual([{ unit: 'Tuyên Quang', file: 'Tuyên Quang.json', self: 36, inspected: 33, delta: -3 }]);
    expect(r3.units[0].notes.map((n) => n.en)).toContain('The inspection moved the total by -3');
    const json = rankReport(r, 'en');
    expect(json.discrepancies[1]).toEqual({ unit: 'Tuyên Quang', criterion: 'B.1', number: 'II.1', self: 9, inspected: 7, delta: -2, remark: 'Chưa tổ chức hội thi', file: 'Tuyên Quang.json' });
  });

  test('the tolerance comes from the policy', () => {
    const s = compile(tinyDef({ tolerance: 0.5, totalMoveThreshold: 1 }));
    const r = buildRanking([unit(s, 'Yên Bái', [9, 9, 9, 9], [9, 9, 9, 8.5])]);
    expect(r.discrepancies.map((d) => d.criterion)).toEqual(['C.1']);
    expect(r.totalMoves).toEqual([]);
  });
});

describe('refusals', () => {
  test('two files for one unit are both refused (Hoà Bình = Hòa Bình), the others ranked', () => {
    const r = buildRanking([
      unit(set, 'Trường Chính trị tỉnh Hoà Bình', [9, 9, 9, 9], null, { file: 'a/hoa-binh.xlsx' }),
      unit(set, 'Trường chính trị tỉnh  Hòa Bình ', [8, 8, 8, 8], null, { file: 'b/hoa-binh (1).xlsx' }),
      unit(set, 'Phú Thọ', [7, 7, 7, 7]),
    ]);
    expect(r.units.map((u) => u.unit)).toEqual(['Phú Thọ']);
    expect(r.refused).toBe(2);
    const dup = r.problems.filter((p) => p.code === 'duplicate_unit');
    expect(dup.map((p) => p.file)).toEqual(['a/hoa-binh.xlsx', 'b/hoa-binh (1).xlsx']);
    expect(dup[0].messages.vi).toContain('a/hoa-binh.xlsx, b/hoa-binh (1).xlsx');
    expect(r.sources.map((s) => s.status)).toEqual(['refused', 'refused', 'ranked']);
  });

  test('unit names compare across spacing, case and tone placement', () => {
    expect(unitKey('Hoà Bình')).toBe(unitKey('hòa  bình'));
    expect(unitKey('Thuỷ')).toBe(unitKey('Thủy'));
    expect(unitKey('Hoà Bình')).not.toBe(unitKey('Hoa Bình'));
  });

  test('a workbook on another criteria set is refused, naming both sets', () => {
    const other = compile(tinyDef({}, (d) => (d.sections[0].children![0].max = 9, d.sections[0].children![1].max = 11)));
    const r = buildRanking([unit(set, 'Một', [9, 9, 9, 9]), unit(set, 'Hai', [8, 8, 8, 8]), unit(other, 'Ba', [8, 8, 8, 8])]);
    expect(r.units.map((u) => u.unit)).toEqual(['Một', 'Hai']);
    const p = r.problems.find((x) => x.code === 'criteria_set_mismatch')!;
    expect(p.file).toBe('Ba.json');
    expect(p.messages.en).toContain(other.hash.slice(0, 12));
    expect(p.messages.en).toContain(set.hash.slice(0, 12));
    expect(r.criteriaSet?.hash).toBe(set.hash);
  });

  test('a workbook for another year is refused', () => {
    const r = buildRanking([unit(set, 'Một', [9, 9, 9, 9]), unit(set, 'Hai', [8, 8, 8, 8]), unit(set, 'Ba', [8, 8, 8, 8], null, { year: 2023 })]);
    expect(r.units.map((u) => u.unit)).toEqual(['Một', 'Hai']);
    expect(r.year).toBe(2024);
    const p = r.problems.find((x) => x.code === 'year_mismatch')!;
    expect([p.file, p.messages.vi]).toEqual(['Ba.json', 'Tệp thuộc năm 2023, các tệp còn lại thuộc năm 2024']);
  });

  test('a file with errors (e.g. not a workbook) and a file without a unit are refused', () => {
    const notWorkbook = {
      file: 'notes.xlsx',
      set: null,
      criteriaSet: null,
      evaluation: null,
      problems: [problem('not_xlsx', { detail: 'text file' }, { file: 'notes.xlsx' })],
    };
    const noUnit = { ...unit(set, 'x', [5, 5, 5, 5]), unit: undefined, file: 'nobody.json' };
    const bad = unit(set, 'Sai', [11, 5, 5, 5]); // above max
    const r = buildRanking([notWorkbook, noUnit, bad, unit(set, 'Tốt', [5, 5, 5, 5])]);
    expect(r.units.map((u) => u.unit)).toEqual(['Tốt']);
    expect(r.sources.map((s) => [s.file, s.refusals])).toEqual([
      ['notes.xlsx', ['file_has_errors']],
      ['nobody.json', ['unit_missing']],
      ['Sai.json', ['file_has_errors']],
      ['Tốt.json', []],
    ]);
    // The files' own problems are in the report too.
    expect(r.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['not_xlsx', 'above_max', 'file_has_errors', 'unit_missing']));
  });

  test('nothing valid: an error says so', () => {
    const r = buildRanking([{ file: 'x.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: '' })] }]);
    expect(r.units).toEqual([]);
    expect(r.problems.map((p) => p.code)).toContain('nothing_ranked');
  });
});

describe('collector', () => {
  test('keeps one compiled set per hash and drops the evaluation problems it does not need', () => {
    const s2 = compileSet(tinyDef()); // same definition compiled again: same hash, another object
    expect(s2).not.toBe(set);
    const c = new RankingCollector();
    c.add(unit(set, 'Một', [9, 9, 9, 9]));
    c.add(unit(s2, 'Hai', [8, 8, 8, 8]));
    expect(c.inputs[1].set).toBe(set);
    expect(c.inputs.every((i) => i.evaluation!.problems.length === 0)).toBe(true);
    const r = c.build();
    expect(r.units.map((u) => [u.rank, u.unit])).toEqual([
      [1, 'Một'],
      [2, 'Hai'],
    ]);
  });

  test('what it keeps holds nothing of the text its strings were cut from (the whole XML of a workbook)', () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const c = new RankingCollector();
    const before = (gc(), process.memoryUsage().heapUsed);
    for (let i = 0; i < 40; i++) {
      // A 1 MB text of its own for each file, the kept strings substrings of it (as the reader cuts them).
      const xml = `${i}`.padEnd(1_000_000, '<c r="A1"><v>9</v></c>') + `Trường Chính trị tỉnh số ${i}|Cụm chấm: minh chứng đủ, đạt ${i}|`;
      const [name, remark] = xml.slice(1_000_000).split('|');
      const src = unit(set, name, [9, 9, 9, 9], null, { file: `f${i}.xlsx` });
      src.remarks = { 'I.1': remark };
      src.problems = [problem('unit_differs_from_metadata', { found: name, expected: remark }, { file: 'x.xlsx', sheet: name, cell: 'B3' }, 'warning')];
      c.add(src);
    }
    const held = (gc(), process.memoryUsage().heapUsed) - before;
    expect(held).toBeLessThan(10_000_000); // 40 MB when a kept string still points into its text
    expect(c.inputs[7].unit).toBe('Trường Chính trị tỉnh số 7');
    expect(c.inputs[7].remarks).toEqual({ 'I.1': 'Cụm chấm: minh chứng đủ, đạt 7' });
    expect(c.inputs[7].problems[0]).toMatchObject({ sheet: 'Trường Chính trị tỉnh số 7', params: { found: 'Trường Chính trị tỉnh số 7' } });
  });

  test('freshCopy: the same plain data, strings and all', () => {
    const data = { a: 'x'.repeat(40), n: [1, null, { b: 'ngắn', c: true, d: undefined }], e: 0.5, when: new Date(0) };
    const copied = freshCopy(data);
    expect(copied).toEqual(data);
    expect(copied.n).not.toBe(data.n);
    expect(copied.when).toBe(data.when);
  });

  test('the JSON report carries the contract names', () => {
    const r = buildRanking([unit(set, 'Một', [9, 9, 9, 9], [9, 9, 9, 8])]);
    const j = rankReport(r, 'vi');
    expect(Object.keys(j.ranking[0])).toEqual(
      expect.arrayContaining(['rank', 'unit', 'final', 'self', 'inspected', 'classification', 'award', 'disqualified', 'file']),
    );
    expect(Object.keys(j.discrepancies[0])).toEqual(expect.arrayContaining(['unit', 'criterion', 'self', 'inspected', 'delta']));
    expect(j.ranking[0]).toMatchObject({ rank: 1, unit: 'Một', final: 35, self: 36, inspected: 35, classification: 'Xuất sắc', award: 'Cờ thi đua' });
  });
});
