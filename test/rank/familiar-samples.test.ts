/**
 * Done-when of issue 5 on the cluster's own workbooks: the seven familiar-layout samples, ranked with
 * the criteria set imported from the blank table, rank by the workbooks' own totals recalculated by
 * LibreOffice; the three-way tie at 86.5 is split by the tie-breakers with a note; JSON and the ranking
 * workbook agree. Without soffice the recalculation is skipped loudly (under CI it fails).
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { thidua } from '../helpers/cli';
import { familiarWorkbookTotals, haveLibreOffice, recalculate } from '../helpers/libreoffice';
import { readRankingWorkbook } from './read-ranking';

jest.setTimeout(300_000);

const repoRoot = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(repoRoot, 'test/fixtures/samples/familiar-trung-du-2024');
const SCHOOLS = ['bac-giang', 'bac-kan', 'hoa-binh', 'phu-tho', 'thai-nguyen', 'tuyen-quang', 'yen-bai'].map((s) => path.join(SAMPLES, `${s}.xlsx`));

let tmp: string;
let setFile: string;
let json: {
  ranking: Array<{ rank: number; unit: string; final: number; self: number; inspected: number; source: string; notes: string[]; file: string; base: number; penalty: number }>;
  problems: Array<{ code: string; severity: string }>;
  summary: { ranked: number; refused: number };
};
let xlsx: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'thidua-rank-familiar-'));
  setFile = path.join(tmp, 'trung-du.json');
  const imp = thidua(['import', path.join(SAMPLES, 'bang-diem-2024-trong.xlsx'), '-o', setFile]);
  expect(imp.code).toBe(0);
  xlsx = path.join(tmp, 'ranking.xlsx');
  const r = thidua(['rank', ...SCHOOLS, '--criteria', setFile, '--json', '-o', xlsx, '--lang', 'en']);
  expect(r.code).toBe(0);
  json = JSON.parse(r.stdout);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('all seven ranked, nothing refused, the final score is the cluster score', () => {
  expect(json.summary).toMatchObject({ ranked: 7, refused: 0 });
  expect(json.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(json.ranking.every((u) => u.source === 'inspected' && u.final === u.inspected)).toBe(true);
});

test('the three-way tie on the total is split by the tie-breakers, each unit saying by which', () => {
  const tied = json.ranking.filter((u) => u.final === 86.5);
  expect(tied).toHaveLength(3);
  expect(new Set(tied.map((u) => u.rank)).size).toBe(3); // resolved: three distinct ranks
  for (const u of tied) expect(u.notes.some((n) => n.startsWith('Same total as') && n.includes('separated by'))).toBe(true);
  // Consistent with the policy's order: base (equal here or higher first), then fewer deductions.
  for (let i = 1; i < tied.length; i++) {
    const [a, b] = [tied[i - 1], tied[i]];
    expect(a.base > b.base || (a.base === b.base && a.penalty <= b.penalty)).toBe(true);
  }
});

test('the ranking workbook agrees with the JSON', async () => {
  const wb = await readRankingWorkbook(xlsx);
  expect(wb.ranking.map((x) => [x.rank, x.unit, x.self, x.inspected, x.final])).toEqual(json.ranking.map((u) => [u.rank, u.unit, u.self, u.inspected, u.final]));
  expect(wb.sources.map((s) => s.file)).toEqual(SCHOOLS);
});



if (haveLibreOffice('the ranking vs recalculated totals comparison')) {
  test('the ranking follows the workbooks’ own totals recalculated by LibreOffice', async () => {
    const out = path.join(tmp, 'recalculated');
    recalculate(SCHOOLS, out);
    const totals: Array<{ unit: string; self: number | null; inspected: number | null }> = [];
    for (const u of json.ranking) {
      const f = path.join(out, path.basename(u.file));
      expect(existsSync(f)).toBe(true);
      totals.push({ unit: u.unit, ...(await familiarWorkbookTotals(f)) });
    }
    // Each unit's final score is its workbook's recalculated cluster total, and the order follows them.
    expect(json.ranking.map((u) => [u.unit, u.self, u.inspected])).toEqual(totals.map((t) => [t.unit, t.self, t.inspected]));
    const finals = totals.map((t) => t.inspected!);
    expect([...finals].sort((a, b) => b - a)).toEqual(finals);
    // A unit's rank lies between 1 + the units with a strictly higher total and that plus its ties.
    json.ranking.forEach((u, i) => {
      const higher = finals.filter((x) => x > u.final).length;
      const same = finals.filter((x) => x === u.final).length;
      expect(u.rank).toBeGreaterThanOrEqual(higher + 1);
      expect(u.rank).toBeLessThanOrEqual(higher + same);
      expect(u.rank).toBe(i + 1); // no tie is left shared in these seven
    });
  });
}
