/**
 * `thidua report` on the demo cluster as a user runs it: three .docx in the folder, opened (unzipped) and
 * checked against the ranking the same workbooks give (`thidua rank --json`): every school, score,
 * classification, discrepancy, disqualification and award; the Nghị định 30 layout (A4, margins, Times
 * New Roman, motto, Nơi nhận, signature, marked blanks); English; --unit; errors.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { formatPoints } from '../../engine/core';
import { run as inProcess, thidua } from '../helpers/cli';
import { readDocx } from './read-docx';

jest.setTimeout(240_000);

const TN = 'Trường Chính trị tỉnh Thái Nguyên';
const TQ = 'Trường Chính trị tỉnh Tuyên Quang';
const YB = 'Trường Chính trị tỉnh Yên Bái';
const PT = 'Trường Chính trị tỉnh Phú Thọ';

interface RankJson {
  ranking: Array<{ rank: number; unit: string; self: number | null; inspected: number | null; final: number; classification: string | null; award: string | null }>;
  awards: Array<{ label: string; units: string[] }>;
  discrepancies: Array<{ unit: string; number: string; self: number; inspected: number; delta: number; remark: string | null }>;
}

let tmp: string;
let inspections: string;
let rank: RankJson;
let run: ReturnType<typeof thidua>;
const docs = () => path.join(tmp, 'docs');
const vi = (x: number | null) => formatPoints(x, 'vi');

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'thidua-report-'));
  const demo = thidua(['demo', '-o', path.join(tmp, 'demo')]);
  expect(demo.code).toBe(0);
  inspections = path.join(tmp, 'demo', 'kiem-tra');
  const r = await inProcess(['rank', inspections, '--json']);
  expect(r.code).toBe(0);
  rank = JSON.parse(r.stdout);
  run = thidua(['report', inspections, '-o', docs()]);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('writes the three documents and says where', () => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const names = ['bien-ban-kiem-tra-cheo-2024.docx', 'bao-cao-ket-qua-cham-diem-2024.docx', 'to-trinh-khen-thuong-2024.docx'];
  expect(readdirSync(docs()).sort()).toEqual([...names].sort());
  for (const n of names) expect(run.stdout).toContain(path.join(docs(), n));
  expect(rank.ranking).toHaveLength(7);
});

test('every document has the Nghị định 30 layout', () => {
  for (const f of readdirSync(docs())) {
    const d = readDocx(path.join(docs(), f));
    const xml = d.parts['word/document.xml'];
    // A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (in twips).
    for (const m of xml.matchAll(/<w:pgSz [^>]*>/g)) expect(m[0]).toMatch(/w:w="11906" w:h="16838"/);
    for (const m of xml.matchAll(/<w:pgMar [^>]*>/g)) {
      expect(m[0]).toMatch(/w:top="1134"/);
      expect(m[0]).toMatch(/w:bottom="1134"/);
      expect(m[0]).toMatch(/w:left="1701"/);
      expect(m[0]).toMatch(/w:right="851"/);
    }
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    const sizes = [...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]) / 2);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    // Body and tables in 13-14 pt; only the national name (12 pt) and Nơi nhận (12 and 11 pt) are smaller.
    expect(sizes.filter((s) => s < 13).length).toBe(5 * d.sections.length);
    expect(sizes.filter((s) => s < 12).length).toBe(3 * d.sections.length);
    for (const s of d.sections) {
      const p = s.paragraphs;
      expect(p).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(p).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(p.some((x) => /^Số: \.+\/(BB|BC|TTr)-CTĐ$/.test(x))).toBe(true);
      expect(p.some((x) => /ngày \.+ tháng \.+ năm \.+/.test(x))).toBe(true);
      expect(p).toContain('Nơi nhận:');
      expect(p).toContain('Họ và tên ........................');
    }
    // The blanks are marked (highlighted) for the lead to fill.
    expect((xml.match(/<w:highlight w:val="yellow"\/>/g) ?? []).length).toBeGreaterThanOrEqual(d.sections.length * 5);
    // Page numbers from page 2, in the top margin.
    expect(Object.values(d.parts).some((x) => x.includes('PAGE'))).toBe(true);
  }
});

test('the summary report: ranking table, classification counts, discrepancies, disqualification, awards', () => {
  const d = readDocx(path.join(docs(), 'bao-cao-ket-qua-cham-diem-2024.docx'));
  const [s] = d.sections;
  expect(s.paragraphs).toContain('BÁO CÁO');
  expect(s.paragraphs).toContain('Kết quả chấm điểm, xếp hạng thi đua năm 2024');
  for (const u of rank.ranking)
    expect(s.rows).toContainEqual([String(u.rank), u.unit, vi(u.self), u.inspected === null ? '' : vi(u.inspected), vi(u.final), u.classification ?? '']);
  const counts = new Map<string, number>();
  for (const u of rank.ranking) counts.set(u.classification!, (counts.get(u.classification!) ?? 0) + 1);
  for (const [c, n] of counts) expect(s.paragraphs.some((p) => p.startsWith(`- ${c}: ${n} đơn vị (`))).toBe(true);
  expect(rank.discrepancies.length).toBeGreaterThan(0);
  for (const x of rank.discrepancies)
    expect(s.rows).toContainEqual([x.unit, x.number, vi(x.self), vi(x.inspected), `${x.delta > 0 ? '+' : ''}${vi(x.delta)}`, x.remark ?? '']);
  expect(s.paragraphs.some((p) => p.startsWith(`- ${YB}: không xét Cờ thi đua`))).toBe(true);
  expect(s.paragraphs.some((p) => p.startsWith(`- ${PT}: tổng tự chấm`))).toBe(true);
  for (const a of rank.awards) expect(s.paragraphs).toContain(`- ${a.label}: ${a.units.join(', ')}.`);
});

test('the award proposal: each award with its rule, units, scores and ranks', () => {
  const d = readDocx(path.join(docs(), 'to-trinh-khen-thuong-2024.docx'));
  const [s] = d.sections;
  expect(s.paragraphs).toContain('TỜ TRÌNH');
  expect(s.paragraphs.some((p) => p.startsWith('Kính gửi: Hội đồng Thi đua - Khen thưởng'))).toBe(true);
  const byUnit = new Map(rank.ranking.map((u) => [u.unit, u]));
  rank.awards.forEach((a, i) => {
    expect(s.paragraphs).toContain(`${i + 1}. ${a.label}: ${a.units.length} đơn vị`);
    a.units.forEach((name, k) => {
      const u = byUnit.get(name)!;
      expect(s.rows).toContainEqual([String(k + 1), name, vi(u.final), String(u.rank), u.classification ?? '']);
    });
  });
  expect(s.paragraphs.filter((p) => p.startsWith('Điều kiện: chỉ tiêu')).length).toBe(rank.awards.length);
  expect(s.paragraphs.some((p) => p.includes('cách chọn: các đơn vị xếp hạng cao nhất đủ điều kiện'))).toBe(true);
  const proposed = rank.awards.flatMap((a) => a.units);
  expect(proposed).toEqual([TN, TQ]);
  // Tuyên Quang and Bắc Giang tie on 93,5: the proposal says how the tie was decided.
  expect(s.paragraphs.some((p) => p.startsWith(`${TQ}: Bằng tổng điểm với Trường Chính trị tỉnh Bắc Giang; phân định theo:`))).toBe(true);
  expect(s.paragraphs.some((p) => p.startsWith(`- ${YB}: không xét`))).toBe(true);
});

test('the minutes: one section per school, sections self vs inspected, every change with its remark', () => {
  const d = readDocx(path.join(docs(), 'bien-ban-kiem-tra-cheo-2024.docx'));
  expect(d.sections.map((s) => s.paragraphs.find((p) => p.startsWith('Kết quả chấm điểm thi đua năm 2024 của ')))).toEqual(
    rank.ranking.map((u) => `Kết quả chấm điểm thi đua năm 2024 của ${u.unit}`),
  );
  rank.ranking.forEach((u, i) => {
    const s = d.sections[i];
    expect(s.paragraphs).toContain('BIÊN BẢN KIỂM TRA CHÉO');
    const total = s.rows.find((r) => r[1] === 'Tổng điểm')!;
    expect(total.slice(3)).toEqual([vi(u.self), vi(u.inspected), `${u.inspected! - u.self! > 0 ? '+' : ''}${vi(u.inspected! - u.self!)}`]);
    expect(s.paragraphs.some((p) => p.startsWith(`Tổng điểm đoàn kiểm tra chấm: ${vi(u.final)} điểm; xếp loại: ${u.classification}; xếp hạng ${u.rank}/7`))).toBe(true);
    // Every discrepancy of the unit is a changed criterion with the inspectors' remark.
    for (const x of rank.discrepancies.filter((x) => x.unit === u.unit)) expect(s.rows).toContainEqual([x.number, expect.any(String), vi(x.self), vi(x.inspected), x.remark ?? '(không ghi chú)']);
    expect(s.paragraphs).toContain('TRƯỞNG ĐOÀN KIỂM TRA');
    expect(s.paragraphs).toContain('ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA');
  });
});

test('thidua demo writes the same three documents', () => {
  for (const f of readdirSync(docs())) {
    const fromDemo = readDocx(path.join(tmp, 'demo', 'van-ban', f));
    expect(fromDemo.text).toBe(readDocx(path.join(docs(), f)).text);
    expect(fromDemo.text).toContain(TN);
  }
});

test('--lang en, --unit limits the minutes, an unknown unit is an error naming the known ones', async () => {
  const en = await inProcess(['report', inspections, '-o', path.join(tmp, 'en'), '--lang', 'en', '--unit', TQ]);
  expect(en.stderr).toBe('');
  expect(en.code).toBe(0);
  const m = readDocx(path.join(tmp, 'en', 'cross-inspection-minutes-2024.docx'));
  expect(m.sections).toHaveLength(1);
  expect(m.sections[0].paragraphs).toContain('CROSS-INSPECTION MINUTES');
  expect(m.sections[0].paragraphs).toContain(`Emulation scores 2024 of ${TQ}`);
  const s = readDocx(path.join(tmp, 'en', 'scoring-ranking-report-2024.docx')).sections[0];
  expect(s.paragraphs).toContain('SOCIALIST REPUBLIC OF VIETNAM');
  for (const u of rank.ranking) expect(s.rows.some((r) => r[1] === u.unit && r[4] === formatPoints(u.final, 'en'))).toBe(true);
  const p = readDocx(path.join(tmp, 'en', 'award-proposal-2024.docx')).sections[0];
  expect(p.paragraphs).toContain('PROPOSAL');

  const bad = await inProcess(['report', inspections, '-o', path.join(tmp, 'bad'), '--unit', 'Trường Không Có']);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain('Không có đơn vị "Trường Không Có"');
  expect(bad.stderr).toContain(TN);
  expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  expect(existsSync(path.join(tmp, 'bad'))).toBe(false);

  // An existing document is not overwritten without --force.
  const again = await inProcess(['report', inspections, '-o', docs()]);
  expect(again.code).not.toBe(0);
  expect((await inProcess(['report', inspections, '-o', docs(), '--force'])).code).toBe(0);
});
