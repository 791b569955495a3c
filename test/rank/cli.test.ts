/**
 * `thidua demo` and `thidua rank` as a user runs them: the demo year in a temporary folder, then the
 * rank command on its inspection workbooks (JSON and workbook agree), refusals, output safety and
 * formula injection.
 */
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { run, thidua } from '../helpers/cli';
import { readRankingWorkbook, xlsxXml } from './read-ranking';
import { evidenceFor } from '../../engine/cli/commands/demo';
import { loadDemoData } from '../../engine/cli/demo-data';
import { defaultSet } from '../helpers/sets';
import { compile, tinyDef } from './helpers';
import { filledInspection } from './workbooks';

jest.setTimeout(240_000);

const TN = 'Trường Chính trị tỉnh Thái Nguyên';
const TQ = 'Trường Chính trị tỉnh Tuyên Quang';
const BG = 'Trường Chính trị tỉnh Bắc Giang';
const YB = 'Trường Chính trị tỉnh Yên Bái';

let tmp: string;
let demo: { code: number | null; stdout: string; stderr: string };
const out = () => path.join(tmp, 'demo-output');

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'thidua-rank-'));
  demo = thidua(['demo'], { cwd: tmp }); // no arguments: ./demo-output
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('thidua demo', () => {
  test('writes the whole year and says where every file is', () => {
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    const schools = ['bac-giang', 'bac-kan', 'hoa-binh', 'phu-tho', 'thai-nguyen', 'tuyen-quang', 'yen-bai'];
    const expected = [
      'cum-thi-dua-2024.criteria.yaml',
      'mau-tu-cham-2024.xlsx',
      ...schools.map((s) => `tu-cham/${s}.xlsx`),
      ...schools.map((s) => `kiem-tra/${s}.xlsx`),
      'ranking.xlsx',
      'ranking.json',
      'van-ban/bien-ban-kiem-tra-cheo-2024.docx',
      'van-ban/bao-cao-ket-qua-cham-diem-2024.docx',
      'van-ban/to-trinh-khen-thuong-2024.docx',
    ];
    for (const f of expected) {
      expect(existsSync(path.join(out(), f))).toBe(true);
      expect(demo.stdout).toContain(path.join('demo-output', f));
    }
    expect(demo.stdout).toContain('14/14');
  });

  test('the ranking tells the year: flag, a tie split by the base score, a disciplined school', () => {
    const r = JSON.parse(readFileSync(path.join(out(), 'ranking.json'), 'utf8'));
    expect(r.ranking.map((u: { rank: number; unit: string; final: number }) => [u.rank, u.unit.replace('Trường Chính trị tỉnh ', ''), u.final])).toEqual([
      [1, 'Thái Nguyên', 97.5],
      [2, 'Tuyên Quang', 93.5],
      [3, 'Bắc Giang', 93.5],
      [4, 'Yên Bái', 93],
      [5, 'Phú Thọ', 88.75],
      [6, 'Hoà Bình', 84.5],
      [7, 'Bắc Kạn', 78.25],
    ]);
    const by = Object.fromEntries(r.ranking.map((u: { unit: string }) => [u.unit, u]));
    expect(by[TN]).toMatchObject({ classification: 'Xuất sắc', award: 'Cờ thi đua của Học viện', source: 'inspected', self: 101 });
    expect(by[TQ].award).toBe('Bằng khen của Học viện');
    // Each school is told what decided its place from its own side of the tie.
    expect(by[TQ].notes[0]).toContain(`điểm các phần (chưa tính thưởng) cao hơn ${BG}`);
    expect(by[BG].notes[0]).toContain(`điểm các phần (chưa tính thưởng) thấp hơn ${TQ}`);
    expect(by[BG].award).toBeNull();
    expect(by[YB].disqualified).toEqual([expect.objectContaining({ award: 'co-thi-dua', criterion: 'VII.2' })]);
    expect(r.totalMoves.map((m: { unit: string; delta: number }) => [m.unit, m.delta])).toEqual([
      [TN, -3.5],
      ['Trường Chính trị tỉnh Phú Thọ', -4.25],
    ]);
    expect(r.problems).toEqual([]);
  });
});

describe('thidua rank', () => {
  test('JSON and the ranking workbook agree (ranking, matrix, discrepancies, sources)', async () => {
    const xlsx = path.join(tmp, 'agree.xlsx');
    const r = thidua(['rank', path.join(out(), 'kiem-tra'), '--json', '-o', xlsx]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout); // stdout is exactly one JSON document
    const wb = await readRankingWorkbook(xlsx);
    expect(wb.sheetNames).toEqual(['Xếp hạng', 'Ma trận điểm', 'Chênh lệch', 'Nguồn']);
    expect(wb.ranking.map((x) => [x.rank, x.unit, x.self, x.inspected, x.final, x.classification, x.award || null])).toEqual(
      json.ranking.map((u: Record<string, unknown>) => [u.rank, u.unit, u.self, u.inspected, u.final, u.classification, u.award]),
    );
    expect(wb.ranking.find((x) => x.unit === YB)!.notes).toContain('Không xét "Cờ thi đua của Học viện"');
    // Matrix: the total column is the final score; section subtotals are there; the max row is 105.
    for (const u of json.ranking) {
      expect(wb.matrix[u.unit]['Tổng điểm']).toBe(u.final);
      expect(wb.matrix[u.unit]['Cộng VII']).toBe(u.penalty);
    }
    expect(wb.matrix['Điểm chuẩn']['Tổng điểm']).toBe(105);
    expect(wb.matrix['Điểm chuẩn']['Cộng I']).toBe(10);
    expect(wb.matrix['Điểm chuẩn']['II.2.1']).toBe(4);
    expect(wb.discrepancies.map((d) => [d.unit, d.number, d.self, d.inspected, d.delta, d.remark])).toEqual(
      json.discrepancies.map((d: Record<string, unknown>) => [d.unit, d.number, d.self, d.inspected, d.delta, d.remark]),
    );
    expect(json.discrepancies.length).toBeGreaterThan(5);
    // Sources: the SHA-256 of each input's bytes, the unit and the criteria set.
    expect(wb.sources).toHaveLength(7);
    for (const s of wb.sources) {
      expect(s.sha256).toBe(createHash('sha256').update(readFileSync(s.file)).digest('hex'));
      expect([s.setId, s.setHash]).toEqual([json.criteriaSet.id, json.criteriaSet.hash]);
      expect(s.status).toBe('Đã xếp hạng');
    }
    // Print setup and frozen header of the ranking sheet.
    const ws = wb.rankingSheet;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.views[0]).toMatchObject({ state: 'frozen' });
  });

  test('refusals: a duplicate unit and a non-workbook; exit 1 and no workbook without --allow-partial', async () => {
    const dir = path.join(tmp, 'mixed');
    mkdirSync(dir);
    for (const f of readdirSync(path.join(out(), 'kiem-tra'))) copyFileSync(path.join(out(), 'kiem-tra', f), path.join(dir, f));
    // A second inspection workbook of one unit is a duplicate (its self-assessment alongside would be
    // matched against it instead: test/hardening/trust.test.ts).
    copyFileSync(path.join(out(), 'kiem-tra', 'bac-giang.xlsx'), path.join(dir, 'bac-giang (ban sao).xlsx'));
    writeFileSync(path.join(dir, 'ghi-chu.xlsx'), 'Đây không phải là sổ tính');
    writeFileSync(path.join(dir, '~$bac-kan.xlsx'), 'Office lock file'); // skipped
    const xlsx = path.join(tmp, 'partial.xlsx');

    const strict = await run(['rank', dir, '--json', '-o', xlsx]);
    expect(strict.code).toBe(1);
    expect(existsSync(xlsx)).toBe(false);
    const j = JSON.parse(strict.stdout);
    expect(j.summary).toEqual({ files: 9, ranked: 6, refused: 3 });
    expect(j.ranking.map((u: { unit: string }) => u.unit)).not.toContain(BG);
    const codes = j.problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['duplicate_unit', 'not_xlsx', 'file_has_errors', 'refused_not_ranked']));
    expect(strict.stderr).toContain('(duplicate_unit)');
    expect(strict.stderr).toContain('ghi-chu.xlsx');
    expect(strict.stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace

    const partial = await run(['rank', dir, '-o', xlsx, '--allow-partial']);
    expect(partial.code).toBe(0);
    expect(existsSync(xlsx)).toBe(true);
    expect(partial.stdout).toContain('9 tệp: 6 được xếp hạng, 3 bị từ chối');
    expect(partial.stderr).toContain('(partial_ranking)');
  });

  test('workbooks on another criteria set or year are refused, naming both', async () => {
    const dir = path.join(tmp, 'sets');
    mkdirSync(dir);
    for (const f of readdirSync(path.join(out(), 'kiem-tra'))) copyFileSync(path.join(out(), 'kiem-tra', f), path.join(dir, f));
    // Another set: the tiny table; another year: the 2024 table filled for 2023.
    const tiny = compile(tinyDef());
    const cols = { 'A.1': 9, 'A.2': 9, 'B.1': 9, 'C.1': 9 };
    writeFileSync(path.join(dir, 'lao-cai.xlsx'), await filledInspection(tiny, { unit: 'Trường Chính trị tỉnh Lào Cai', year: 2024, self: cols, inspected: cols }));
    const set = defaultSet();
    const bk = loadDemoData(set).schools.find((s) => s.file === 'bac-kan')!;
    writeFileSync(
      path.join(dir, 'ha-giang-2023.xlsx'),
      await filledInspection(set, { unit: 'Trường Chính trị tỉnh Hà Giang', year: 2023, self: bk.self, inspected: bk.self, evidence: evidenceFor(set, bk) }),
    );
    const r = await run(['rank', dir, '--json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const by = Object.fromEntries(j.sources.map((s: { file: string; refusals: string[] }) => [path.basename(s.file), s.refusals]));
    expect(by['lao-cai.xlsx']).toEqual(['criteria_set_mismatch']);
    expect(by['ha-giang-2023.xlsx']).toEqual(['year_mismatch']);
    expect(j.ranking).toHaveLength(7);
    const msg = j.problems.find((p: { code: string }) => p.code === 'criteria_set_mismatch').message;
    expect(msg).toContain(`"tiny" (hash ${tiny.hash.slice(0, 12)})`);
    expect(msg).toContain(`"cum-trung-du-2024" (hash ${set.hash.slice(0, 12)})`);
    expect(j.problems.find((p: { code: string }) => p.code === 'year_mismatch').message).toBe('The workbook is for 2023; the other workbooks are for 2024');
  });

  test('unit names and remarks that look like formulas are stored as text', async () => {
    const dir = path.join(tmp, 'inject');
    mkdirSync(dir);
    const crit = path.join(tmp, 'tiny-inject.json');
    writeFileSync(crit, JSON.stringify(tinyDef()));
    const evil = '=HYPERLINK("http://evil.example","Bấm vào đây")';
    writeFileSync(
      path.join(dir, 'x.json'),
      JSON.stringify({ unit: evil, year: 2024, self: { 'A.1': 9, 'A.2': 9, 'B.1': 9, 'C.1': 9 }, inspected: { 'A.1': 7, 'A.2': 9, 'B.1': 9, 'C.1': 9 }, remarks: { 'A.1': '=1+1' } }),
    );
    writeFileSync(path.join(dir, 'y.json'), JSON.stringify({ unit: '@SUM(A1:A2)', year: 2024, self: { 'A.1': 8, 'A.2': 9, 'B.1': 9, 'C.1': 9 } }));
    const xlsx = path.join(tmp, 'inject.xlsx');
    const r = await run(['rank', dir, '--criteria', crit, '-o', xlsx]);
    expect(r.code).toBe(0);
    const xml = xlsxXml(xlsx);
    const sheets = Object.keys(xml).filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(4);
    for (const s of sheets) expect(xml[s]).not.toMatch(/<f[ >]/); // no formula anywhere
    const strings = Object.entries(xml)
      .filter(([n]) => n === 'xl/sharedStrings.xml' || n.startsWith('xl/worksheets/'))
      .map(([, t]) => t)
      .join('');
    expect(strings).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Bấm vào đây&quot;)');
    expect(strings).toContain('=1+1');
    const wb = await readRankingWorkbook(xlsx);
    expect(wb.ranking.map((x) => x.unit)).toEqual(['@SUM(A1:A2)', evil]); // (a control character is refused: test/hardening/trust.test.ts)
    expect(wb.discrepancies[0]).toMatchObject({ unit: evil, remark: '=1+1', delta: -2 });
  });

  test('outputs: never over an input, not over an existing file without --force, the output is not read as an input', async () => {
    const input = path.join(out(), 'kiem-tra', 'bac-kan.xlsx');
    const before = readFileSync(input);
    const r = await run(['rank', path.join(out(), 'kiem-tra'), '-o', input, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(output_is_input)');
    expect(readFileSync(input).equals(before)).toBe(true);

    const dir = path.join(tmp, 'same-folder');
    mkdirSync(dir);
    for (const f of readdirSync(path.join(out(), 'kiem-tra'))) copyFileSync(path.join(out(), 'kiem-tra', f), path.join(dir, f));
    const target = path.join(dir, 'ranking.xlsx');
    expect((await run(['rank', dir, '-o', target])).code).toBe(0);
    const again = await run(['rank', dir, '-o', target]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('(output_exists)');
    // With --force the folder's own ranking.xlsx is not taken for an eighth school.
    const forced = await run(['rank', dir, '-o', target, '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).summary).toEqual({ files: 7, ranked: 7, refused: 0 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('usage errors: a missing path, an empty folder', async () => {
    const r = await run(['rank', path.join(tmp, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('file_unreadable');
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    const e = await run(['rank', empty, '--lang', 'en']);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('No .xlsx or .json file to rank');
  });
});
