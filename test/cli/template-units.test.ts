/**
 * `thidua template SET --units FILE` and repeated `--unit`: one workbook per unit in a folder, with
 * safe, readable, distinct file names; each workbook read back carries its unit; nothing is
 * overwritten without --force; duplicates and bad lists are refused before anything is written.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readTemplate } from '../../engine/core/template/read';
import { collisionKey, fileNamesForUnits, safeFileStem } from '../../engine/cli/file-names';
import { openWorkbook } from '../../engine/workbook/open';
import { run, thidua } from '../helpers/cli';

jest.setTimeout(240_000);

const SET = path.resolve(__dirname, '../../templates/cum-thi-dua-2024.criteria.yaml');
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(tmpdir(), 'thidua-units-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function unitOf(file: string): Promise<{ unit?: string; errors: string[] }> {
  const { opened } = await openWorkbook(new Uint8Array(readFileSync(file)), file);
  const r = readTemplate(opened!.grids, { file });
  return { unit: r.meta.unit, errors: r.problems.filter((p) => p.severity === 'error').map((p) => p.code) };
}

describe('file names for units', () => {
  test('Vietnamese kept readable (NFC), path and reserved characters replaced', () => {
    expect(safeFileStem('Trường Chính trị tỉnh Thái Nguyên')).toBe('Trường Chính trị tỉnh Thái Nguyên');
    // The same name typed in decomposed form gives the same (composed) file name.
    expect(safeFileStem('Trường Chính trị'.normalize('NFD'))).toBe('Trường Chính trị');
    expect(safeFileStem('A/B\\C:D*E?F"G<H>I|J')).toBe('A-B-C-D-E-F-G-H-I-J');
    expect(safeFileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileStem('  Trường\tsố   1. ')).toBe('Trường số 1');
    expect(safeFileStem('CON')).toBe('CON_');
    expect(safeFileStem('nul.txt')).toBe('nul.txt_');
    expect(safeFileStem('...')).toBe('don-vi');
    expect(safeFileStem('a\u0000b\u001fc')).toBe('a-b-c');
    const long = safeFileStem('Trường '.repeat(60));
    expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(180);
    expect(long.startsWith('Trường Trường')).toBe(true);
  });

  test('no two units share a file, even where case or normalisation are ignored', () => {
    const names = fileNamesForUnits(['Trường A', 'TRƯỜNG A', 'Trường A'.normalize('NFD'), 'Trường A/', 'Trường B']);
    expect(names).toEqual(['Trường A.xlsx', 'TRƯỜNG A (2).xlsx', 'Trường A (3).xlsx', 'Trường A-.xlsx', 'Trường B.xlsx']);
    expect(new Set(names.map(collisionKey)).size).toBe(names.length);
  });
});

describe('thidua template --units', () => {
  test('a text list: one workbook per unit, each carrying its unit; a second run refuses to overwrite', async () => {
    const list = path.join(tmp, 'units.txt');
    writeFileSync(list, '\uFEFF# Cụm 1\nTrường Chính trị tỉnh Thái Nguyên\r\n\nTrường Chính trị tỉnh Bắc Kạn\nTrường A/B "C"\ntrường a-b "c"\n');
    const out = path.join(tmp, 'out');
    const r = thidua(['template', SET, '--units', list, '-o', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { files: Array<{ unit: string; file: string }>; renderedInFull: number };
    expect(json.renderedInFull).toBe(0);
    expect(json.files.map((f) => f.unit)).toEqual(['Trường Chính trị tỉnh Thái Nguyên', 'Trường Chính trị tỉnh Bắc Kạn', 'Trường A/B "C"', 'trường a-b "c"']);
    expect(readdirSync(out).sort()).toEqual(
      ['Trường Chính trị tỉnh Thái Nguyên.xlsx', 'Trường Chính trị tỉnh Bắc Kạn.xlsx', 'Trường A-B -C-.xlsx', 'trường a-b -c- (2).xlsx'].sort(),
    );
    for (const f of json.files) {
      const back = await unitOf(f.file);
      expect(back.unit).toBe(f.unit);
      expect(back.errors).toEqual([]);
    }
    // The workbook of a unit is the one a single `template --unit` call makes, but for the generation time
    // (and the metadata hash over it, checked by the read-back above).
    const single = path.join(tmp, 'single.xlsx');
    expect((await run(['template', SET, '--unit', 'Trường A/B "C"', '-o', single])).code).toBe(0);
    const cells = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as never);
      const out: string[] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) => {
          const hashRow = row.getCell(1).value === 'metaHash';
          row.eachCell((c) => void (String(c.value).match(/^\d{4}-\d\d-\d\dT/) || (hashRow && Number(c.col) === 2) || out.push(`${ws.name}!${c.address}=${JSON.stringify(c.value)}`)));
        }),
      );
      return out;
    };
    expect(await cells(path.join(out, 'Trường A-B -C-.xlsx'))).toEqual(await cells(single));

    const before = statSync(path.join(out, 'Trường Chính trị tỉnh Bắc Kạn.xlsx')).mtimeMs;
    const again = await run(['template', SET, '--units', list, '-o', out], { env: { THIDUA_LANG: 'en' } });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('output_exists');
    expect(statSync(path.join(out, 'Trường Chính trị tỉnh Bắc Kạn.xlsx')).mtimeMs).toBe(before);
    expect((await run(['template', SET, '--units', list, '-o', out, '--force'])).code).toBe(0);
  });

  test('repeated --unit, and a column of a workbook found by its heading', async () => {
    const out1 = path.join(tmp, 'repeated');
    const r = await run(['template', SET, '--unit', 'Trường X', '--unit', 'Trường Y', '-o', out1]);
    expect(r.code).toBe(0);
    expect(readdirSync(out1).sort()).toEqual(['Trường X.xlsx', 'Trường Y.xlsx']);
    expect((await unitOf(path.join(out1, 'Trường Y.xlsx'))).unit).toBe('Trường Y');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['STT', 'Tên đơn vị', 'Ghi chú']);
    ws.addRow([1, 'Trường Chính trị tỉnh Hòa Bình', 'x']);
    ws.addRow([2, 'Trường Chính trị tỉnh Phú Thọ', '']);
    const xlsx = path.join(tmp, 'units.xlsx');
    writeFileSync(xlsx, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const out2 = path.join(tmp, 'from-xlsx');
    const j = await run(['template', SET, '--units', xlsx, '-o', out2, '--json']);
    expect(j.code).toBe(0);
    const json = JSON.parse(j.stdout) as { source: string; files: Array<{ unit: string }> };
    expect(json.files.map((f) => f.unit)).toEqual(['Trường Chính trị tỉnh Hòa Bình', 'Trường Chính trị tỉnh Phú Thọ']);
    expect(json.source).toContain('B (Tên đơn vị)');
  });

  test('refused before writing: duplicates (with both lines), no heading, -o a file, --from', async () => {
    const list = path.join(tmp, 'dup.txt');
    writeFileSync(list, 'Trường A\nTrường B\ntrường  a\n');
    const out = path.join(tmp, 'dup-out');
    const r = await run(['template', SET, '--units', list, '-o', out], { env: { THIDUA_LANG: 'en' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dup.txt:3');
    expect(r.stderr).toContain('dup.txt:1');
    expect(() => statSync(out)).toThrow();

    const noHead = path.join(tmp, 'nohead.xlsx');
    const made = await run(['template', SET, '-o', noHead]); // a workbook without a unit heading in its first rows
    expect(made.code).toBe(0);
    const h = await run(['template', SET, '--units', noHead, '-o', path.join(tmp, 'nh')], { env: { THIDUA_LANG: 'en' } });
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('--units-column');

    const f = await run(['template', SET, '--unit', 'A', '--unit', 'B', '-o', path.join(tmp, 'x.xlsx')], { env: { THIDUA_LANG: 'en' } });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('folder');
    const from = await run(['template', SET, '--units', list, '--from', noHead, '-o', path.join(tmp, 'y')], { env: { THIDUA_LANG: 'en' } });
    expect(from.code).toBe(2);
  });
});
