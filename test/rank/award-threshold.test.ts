/** An award imported from a familiar table: its threshold follows the classification bands, and 0 is linted. */
import { gridFromRows, loadCriteriaDef, type GridCell } from '../../engine/core';
import { importFamiliar } from '../../engine/core/familiar';

const B = (value: string | number): GridCell => ({ value, bold: true });
const table = (note: string | null) => [
  ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm'],
  [B('I'), B('Công tác chuyên môn'), 100],
  ['1', 'Giảng dạy', 100],
  [B('II'), B('Điểm trừ'), null],
  ['1', 'Bị kỷ luật, không xét Cờ thi đua', 5],
  ...(note ? [['', note]] : []),
];

describe('award thresholds of an imported ranking policy', () => {
  test('with classification bands: the award starts at the top band; no lint warning', () => {
    const r = importFamiliar([gridFromRows('S', table('Xếp loại: Xuất sắc từ 95 điểm; Tốt từ 85 đến dưới 95; Khá từ 70 đến dưới 85; Trung bình dưới 70.'))]);
    const awards = r.criteriaSet!.policy!.awards!;
    expect(awards.map((a) => [a.id, a.minTotal])).toEqual([['co-thi-dua', 95]]);
    const loaded = loadCriteriaDef(r.criteriaSet!);
    expect(loaded.problems.map((p) => p.code)).not.toContain('award_no_minimum');
  });

  test('without bands: threshold 0 and a lint warning naming the award', () => {
    const r = importFamiliar([gridFromRows('S', table(null))]);
    expect(r.criteriaSet!.policy!.awards!.map((a) => a.minTotal)).toEqual([0]);
    const loaded = loadCriteriaDef(r.criteriaSet!);
    const w = loaded.problems.find((p) => p.code === 'award_no_minimum')!;
    expect(w.severity).toBe('warning');
    expect(w.messages.en).toMatch(/^"Cờ thi đua[^"]*" has no minimum total/);
    expect(w.messages.vi).toContain('không có tổng điểm tối thiểu');
  });
});
