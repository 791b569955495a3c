/**
 * Through the real CLI: a familiar blank whose inspection column has a heading nobody listed is refused
 * at import with an error naming the column and the --columns fix; with --columns/--header-row it imports,
 * the mapping is saved in the set, and `score` and `rank --criteria` (a folder with an .xlsx and an .xls
 * copy) read the filled copies the same way.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { thidua } from '../helpers/cli';

const SAMPLE = path.resolve(__dirname, '../fixtures/samples/other-layouts-2024/v1-cum-2');
const LEGACY = path.resolve(__dirname, '../fixtures/familiar/legacy/v1-cum-2');
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-columns-'));
  for (const name of ['blank.xlsx', '01.xlsx']) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(SAMPLE, name)) as never);
    wb.getWorksheet('Bảng điểm')!.getCell('E8').value = 'Điểm ĐKT';
    fs.writeFileSync(path.join(dir, name === 'blank.xlsx' ? 'blank.xlsx' : 'copies-01.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  fs.mkdirSync(path.join(dir, 'copies'));
  fs.renameSync(path.join(dir, 'copies-01.xlsx'), path.join(dir, 'copies', '01.xlsx'));
  fs.copyFileSync(path.join(LEGACY, '05.xls'), path.join(dir, 'copies', '05.xls'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('import refuses the unknown inspection heading, naming the cell and the fix; writes nothing', () => {
  const r = thidua(['import', path.join(dir, 'blank.xlsx'), '-o', path.join(dir, 'set.json'), '--lang', 'en']);
  expect(r.code).toBe(1);
  const out = r.stdout + r.stderr;
  expect(out).toMatch(/Bảng điểm!E8.*--columns "inspected=E".*familiar_inspected_not_found/);
  expect(fs.existsSync(path.join(dir, 'set.json'))).toBe(false);
});

test('--columns and --header-row import it; score and rank read the copies with the saved mapping', () => {
  const set = path.join(dir, 'set.json');
  const imp = thidua(['import', path.join(dir, 'blank.xlsx'), '--columns', 'tt=A, nội dung=B, điểm chuẩn=C, tự chấm=D, thẩm định=E, ghi chú=F', '--header-row', '8', '-o', set]);
  expect(imp.stderr).toBe('');
  expect(imp.code).toBe(0);
  const def = JSON.parse(fs.readFileSync(set, 'utf8'));
  expect(def.familiarLayout).toMatchObject({ sheet: 'Bảng điểm', headerRow: 8, columns: { self: 'D', inspected: 'E' }, found: { inspected: 'given' } });

  const score = thidua(['score', path.join(dir, 'copies', '01.xlsx'), '--criteria', set, '--json']);
  expect(score.code).toBe(0);
  const [s] = JSON.parse(score.stdout);
  expect([s.self.total, s.inspected.total]).toEqual([88.5, 82.5]);

  const rank = thidua(['rank', path.join(dir, 'copies'), '--criteria', set, '--json']);
  expect(rank.stderr).toBe('');
  const report = JSON.parse(rank.stdout);
  const text = JSON.stringify(report);
  // Both copies are ranked: the .xls one (Điểm Cụm chấm 85.5 by the manifest) is not skipped.
  expect(text).toContain('05.xls');
  expect(text).toContain('82.5');
  expect(text).toContain('85.5');
});

test('a --columns part that cannot be read is a usage error naming it', () => {
  const r = thidua(['import', path.join(dir, 'blank.xlsx'), '--columns', 'number=A, diem=9', '--lang', 'en']);
  expect(r.code).toBe(2);
  expect(r.stdout + r.stderr).toMatch(/diem=9.*familiar_columns_invalid/);
});
