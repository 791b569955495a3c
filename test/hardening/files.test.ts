/**
 * Every kind of bad file is refused with a clear, located message and the right exit code; nothing
 * crashes, hangs or prints a stack trace; inputs are never modified.
 */
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { scoreWorkbook } from '../../engine/workbook/score';
import { writeTemplate } from '../../engine/workbook/template/write';
import { thidua } from '../helpers/cli';
import { defaultSet } from '../helpers/sets';

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-bad-'));
const set = defaultSet();
let template: Uint8Array;

beforeAll(async () => {
  template = (await writeTemplate(set, { mode: 'self', unit: 'Trường Chính trị tỉnh Bắc Giang', year: 2024 })).bytes;
});

const codesOf = async (bytes: Uint8Array, file = 'x.xlsx') => (await scoreWorkbook(bytes, { file })).problems.map((p) => p.code);

describe('files that are not workbooks', () => {
  test.each<[string, () => Uint8Array, string]>([
    ['an empty file', () => new Uint8Array(), 'not_xlsx'],
    ['random bytes', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), 'not_xlsx'],
    ['a CSV named .xlsx', () => strToU8('TT,Nội dung,Điểm chuẩn\nI,Kế hoạch,10\n'), 'not_xlsx'],
    ['a zip that is not an xlsx', () => zipSync({ 'readme.txt': strToU8('hello') }), 'not_xlsx'],
    ['an OpenDocument spreadsheet', () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') }), 'ods_given'],
    ['an old .xls or encrypted workbook (OLE2)', () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 'encrypted_or_xls'],
  ])('%s', async (_name, make, code) => {
    const problems = (await scoreWorkbook(make(), { file: 'bad.xlsx' })).problems;
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'bad.xlsx' });
    expect(problems[0].messages.vi.length).toBeGreaterThan(10);
    expect(problems[0].messages.en.length).toBeGreaterThan(10);
  });

  test('a truncated xlsx', async () => {
    expect(await codesOf(template.subarray(0, Math.floor(template.length / 2)))).toEqual(['not_xlsx']);
  });

  test('a zip bomb is refused before inflating (ratio)', async () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(150 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await codesOf(bomb)).toEqual(['zip_bomb']);
    expect(process.memoryUsage().rss - before).toBeLessThan(120 * 1024 * 1024); // never inflated
  });

  test('a file over the size limit is refused without parsing', async () => {
    expect(await codesOf(new Uint8Array(51 * 1024 * 1024))).toEqual(['file_too_large']);
  });
});

describe('workbooks with hostile content', () => {
  test('a sheet with a million rows is read within bounds, with a warning', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lớn');
    ws.getCell('A1').value = 'TT';
    ws.getCell('A1000000').value = 'x';
    ws.getCell('XFD5').value = 'far';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const codes = await codesOf(bytes);
    expect(codes).toContain('sheet_too_large');
    expect(codes).toContain('no_layout');
  });

  test('megabyte strings are clipped, not carried around', async () => {
    const wb = new ExcelJS.Workbook();
    let seed = 7;
    const words = ['điểm', 'chuẩn', 'minh', 'chứng', 'kế', 'hoạch', 'Cụm', 'trường', 'thi', 'đua'];
    const text = Array.from({ length: 300_000 }, () => words[(seed = (seed * 1103515245 + 12345) >>> 0) % words.length]).join(' ');
    expect(text.length).toBeGreaterThan(1024 * 1024);
    wb.addWorksheet('S').getCell('B2').value = text;
    const r = await scoreWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { file: 's.xlsx' });
    expect(r.problems.map((p) => p.code)).toEqual(['no_layout']);
  });

  test('a workbook with no scoring table says so (and suggests --criteria)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chép').addRow(['Họp Cụm', 'ngày 12/3']);
    const r = await scoreWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { file: 'notes.xlsx' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'no_layout', file: 'notes.xlsx' });
    expect(r.problems[0].messages.en).toContain('--criteria');
  });
});

describe('the command line on bad files', () => {
  const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

  test('unreadable inputs exit 2, with the file named and no stack trace; the file is unchanged', () => {
    const p = path.join(dir, 'bao-cao.xlsx');
    writeFileSync(p, 'TT;Nội dung\n1;x\n');
    const before = sha(p);
    const r = thidua(['check', p]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('bao-cao.xlsx');
    expect(r.stdout + r.stderr).toMatch(/not_xlsx/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at \S+ \(/);
    expect(sha(p)).toBe(before);
    const json = thidua(['score', p, '--json', '--lang', 'en']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)[0].problems[0].message).toMatch(/not an Excel \.xlsx workbook/);
  });

  test('a readable workbook without a table exits 1', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('X').addRow(['a']);
    const p = path.join(dir, 'empty.xlsx');
    writeFileSync(p, new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(thidua(['check', p]).code).toBe(1);
  });
});
