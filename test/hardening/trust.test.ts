/**
 * Issue 17, trust: scores come only from where they belong, and no file can hang, fool or flood the tool.
 * Each case asserts bounded CPU time and memory (generously: the machine is shared), the input left
 * unchanged, and either an error naming file, sheet and cell, or the right score.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildRanking, CellValue, formatProblem, Problem, problem, rankReport, slimSource } from '../../engine/core';
import { unitKey } from '../../engine/core/unit-name';
import { nestingExceeds } from '../../engine/core/json-limits';
import { metaDigest } from '../../engine/core/template/stamp';
import type { TemplatePlan } from '../../engine/core/template/plan';
import { openWorkbook } from '../../engine/workbook/open';
import { scoreWorkbook, ScoredWorkbook } from '../../engine/workbook/score';
import { writeTemplate } from '../../engine/workbook/template/write';
import { run, thidua } from '../helpers/cli';
import { defaultSet } from '../helpers/sets';
import { haveLibreOffice, recalculate } from '../helpers/libreoffice';
import { fillColumn, loadXlsx, randomEntries, toBytes } from '../template/helpers';
import { filledInspection } from '../rank/workbooks';

const set = defaultSet();
const UNIT = 'Trường Chính trị tỉnh Yên Bái';
const dir = mkdtempSync(path.join(tmpdir(), 'thidua-trust-'));
let plan: TemplatePlan;
let selfEntries: Record<string, CellValue>;
let selfFilled: Uint8Array;
let clean: ScoredWorkbook;
let evidence: Record<string, string>;

/** Run fn, asserting CPU time and memory growth stay under generous bounds; the bytes are left unchanged. */
async function bounded<T>(input: Uint8Array | null, fn: () => Promise<T> | T, cpuMs = 15_000, mb = 400): Promise<T> {
  const copy = input ? Uint8Array.from(input) : null;
  const cpu0 = process.cpuUsage();
  const rss0 = process.memoryUsage().rss;
  const r = await fn();
  const cpu = process.cpuUsage(cpu0);
  expect((cpu.user + cpu.system) / 1000).toBeLessThan(cpuMs);
  expect((process.memoryUsage().rss - rss0) / 1048576).toBeLessThan(mb);
  if (input && copy) expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  return r;
}

const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');
const find = (ps: Problem[], code: string) => ps.find((p) => p.code === code);

/** Edit the parts of an xlsx as text. */
function zipEdit(bytes: Uint8Array, fn: (parts: Record<string, string>) => void, level: 0 | 6 = 6): Uint8Array {
  const raw = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) parts[k] = strFromU8(v);
  fn(parts);
  const out: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [k, v] of Object.entries(parts)) out[k] = [strToU8(v), { level }];
  return zipSync(out);
}

/** Edit the hidden sheet's metadata with exceljs; `resign` recomputes metaHash as an attacker would. */
async function editMeta(bytes: Uint8Array, changes: Record<string, string>, resign: boolean): Promise<Uint8Array> {
  const wb = await loadXlsx(bytes);
  const ws = wb.getWorksheet('_thidua')!;
  const meta: Record<string, unknown> = {};
  let hashCell: ExcelJS.Cell | undefined;
  ws.eachRow((row) => {
    const k = String(row.getCell(1).value ?? '');
    if (!k) return;
    if (k in changes) row.getCell(2).value = changes[k];
    if (k === 'metaHash') hashCell = row.getCell(2);
    meta[k] = row.getCell(2).value ?? '';
  });
  if (resign) hashCell!.value = metaDigest(meta);
  return toBytes(wb);
}

/** A copy of the scoring sheet added to the workbook as another sheet (state: visible/veryHidden). */
function addSheetCopy(bytes: Uint8Array, name: string, state: 'visible' | 'veryHidden'): Uint8Array {
  return zipEdit(bytes, (p) => {
    p['xl/worksheets/sheet9.xml'] = p['xl/worksheets/sheet1.xml'].replace(/<legacyDrawing[^>]*\/>/, '').replace(/<hyperlinks>.*?<\/hyperlinks>/s, '');
    p['xl/workbook.xml'] = p['xl/workbook.xml'].replace('</sheets>', `<sheet name="${name}" sheetId="99"${state === 'visible' ? '' : ` state="${state}"`} r:id="rId99"/></sheets>`);
    p['xl/_rels/workbook.xml.rels'] = p['xl/_rels/workbook.xml.rels'].replace(
      '</Relationships>',
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
    );
    p['[Content_Types].xml'] = p['[Content_Types].xml'].replace(
      '</Types>',
      '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
  });
}

beforeAll(async () => {
  const t = await writeTemplate(set, { mode: 'self', unit: UNIT, year: 2024 });
  plan = t.plan;
  const wb = await loadXlsx(t.bytes);
  const ws = wb.getWorksheet(plan.sheetName)!;
  let x = 17;
  selfEntries = randomEntries(set, () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32));
  for (const k of Object.keys(selfEntries)) if (k.startsWith('@')) selfEntries[k] = 10;
  fillColumn(ws, plan, 'self', selfEntries);
  for (const addr of Object.values(plan.evidence)) ws.getCell(addr).value = 'Báo cáo tổng kết';
  evidence = Object.fromEntries(Object.keys(plan.evidence).map((k) => [k, 'Báo cáo tổng kết']));
  selfFilled = await toBytes(wb);
  clean = await scoreWorkbook(selfFilled, { file: 'yb.xlsx' });
  expect(errors(clean.problems)).toEqual([]);
  expect(clean.evaluation!.self).not.toBeNull();
});

describe('provenance: a self-assessment never puts an inspection score into a ranking', () => {
  test('scores typed into the inspection column of a self workbook (protection removed): an error per cell, the column dropped, the file refused by rank', async () => {
    const wb = await loadXlsx(selfFilled);
    const ws = wb.getWorksheet(plan.sheetName)!;
    ws.unprotect(); // "Unprotect Sheet" (no password)
    const keys = Object.keys(plan.entries.inspected).filter((k) => !k.startsWith('@')).slice(0, 3);
    for (const k of keys) ws.getCell(plan.entries.inspected[k]).value = 4;
    const bytes = await toBytes(wb);
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'yb-self.xlsx' }), 10_000);
    const hits = r.problems.filter((p) => p.code === 'inspection_in_self_workbook');
    expect(hits.map((p) => p.cell).sort()).toEqual(keys.map((k) => plan.entries.inspected[k]).sort());
    for (const h of hits) expect(h).toMatchObject({ severity: 'error', file: 'yb-self.xlsx', sheet: plan.sheetName, column: 'inspected' });
    expect(r.evaluation!.inspected).toBeNull();
    expect(r.evaluation!.final!.source).toBe('self');
    const ranking = buildRanking([slimSource(r)]);
    expect(ranking.units).toEqual([]);
    expect(ranking.sources[0]).toMatchObject({ status: 'refused', refusals: ['file_has_errors'] });
  });

  test('the mode switched to inspection in the hidden sheet: refused by the metadata hash; re-signed, refused for want of the self stamp', async () => {
    const wb = await loadXlsx(selfFilled);
    for (const k of Object.keys(plan.entries.inspected).filter((k) => !k.startsWith('@'))) wb.getWorksheet(plan.sheetName)!.getCell(plan.entries.inspected[k]).value = 0.25;
    const typed = await toBytes(wb);
    const plain = await editMeta(typed, { mode: 'inspection' }, false);
    const a = await bounded(plain, () => scoreWorkbook(plain, { file: 'a.xlsx' }));
    expect(find(a.problems, 'inspection_unstamped')).toMatchObject({ severity: 'error', file: 'a.xlsx', sheet: '_thidua' });
    expect(a.evaluation?.inspected ?? null).toBeNull();
    const signed = await editMeta(typed, { mode: 'inspection' }, true);
    const b = await bounded(signed, () => scoreWorkbook(signed, { file: 'b.xlsx' }));
    expect(find(b.problems, 'inspection_unstamped')).toMatchObject({ severity: 'error', file: 'b.xlsx' });
    expect(b.evaluation?.inspected ?? null).toBeNull();
    expect(buildRanking([slimSource(b)]).units).toEqual([]);
  });

  test('any other metadata edit without the hash (unit, year, sheet) is refused naming the cell of metaHash', async () => {
    for (const [k, v] of [['unit', 'Trường khác'], ['year', '2023'], ['cluster', 'Cụm khác']]) {
      const bytes = await editMeta(selfFilled, { [k]: v }, false);
      const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'm.xlsx' }));
      expect(find(r.problems, 'metadata_tampered')).toMatchObject({ severity: 'error', file: 'm.xlsx', sheet: '_thidua', cell: expect.stringMatching(/^B\d+$/) });
    }
  });

  test('the year re-signed in the metadata: the locked year cell on the sheet disagrees, an error at that cell', async () => {
    const bytes = await editMeta(selfFilled, { year: '2023' }, true);
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'y.xlsx' }));
    expect(find(r.problems, 'metadata_tampered')).toBeUndefined();
    expect(find(r.problems, 'year_differs_from_metadata')).toMatchObject({ severity: 'error', sheet: plan.sheetName, cell: plan.yearCell });
  });

  test('an inspection workbook made from the self one keeps the stamp; the self column edited later is an error at the cell, inspection not counted', async () => {
    const inspected = { ...selfEntries };
    const k = Object.keys(plan.entries.self).find((x) => !x.startsWith('@') && typeof selfEntries[x] === 'number' && (selfEntries[x] as number) > 0)!;
    const good = await filledInspection(set, { unit: UNIT, year: 2024, self: selfEntries, inspected, evidence });
    const g = await bounded(good, () => scoreWorkbook(good, { file: 'kt.xlsx' }));
    expect(errors(g.problems)).toEqual([]);
    expect(g.evaluation!.final!.source).toBe('inspected');
    expect(g.provenance).toMatchObject({ mode: 'inspection', selfHash: clean.provenance!.selfHash });

    const wb = await loadXlsx(good);
    const ip = (await writeTemplate(set, { mode: 'inspection' })).plan;
    wb.getWorksheet(ip.sheetName)!.getCell(ip.entries.self[k]).value = 0;
    const bad = await toBytes(wb);
    const r = await bounded(bad, () => scoreWorkbook(bad, { file: 'kt2.xlsx' }));
    expect(find(r.problems, 'self_changed_since_stamp')).toMatchObject({ severity: 'error', file: 'kt2.xlsx', sheet: ip.sheetName, cell: ip.entries.self[k], column: 'self' });
    expect(r.evaluation!.inspected).toBeNull();
  });

  test('rank: the self file and the inspection made from it are one unit (inspection counts, both recorded); a self file that differs refuses both', async () => {
    const insp = await filledInspection(set, { unit: UNIT, year: 2024, self: selfEntries, inspected: selfEntries, evidence });
    const i = await scoreWorkbook(insp, { file: 'kiem-tra/yb.xlsx' });
    const ranking = buildRanking([slimSource({ ...clean, file: 'tu-cham/yb.xlsx' }), slimSource(i)]);
    expect(ranking.refused).toBe(0);
    expect(ranking.units.map((u) => [u.unit, u.file, u.source])).toEqual([[UNIT, 'kiem-tra/yb.xlsx', 'inspected']]);
    const rep = rankReport(ranking, 'en');
    expect(rep.ranking[0].provenance).toMatchObject({ mode: 'inspection', file: 'kiem-tra/yb.xlsx', selfFile: 'tu-cham/yb.xlsx' });
    expect(rep.sources.map((s) => [s.file, s.status, s.provenance?.mode, s.matchedWith])).toEqual([
      ['tu-cham/yb.xlsx', 'ranked', 'self', 'kiem-tra/yb.xlsx'],
      ['kiem-tra/yb.xlsx', 'ranked', 'inspection', 'tu-cham/yb.xlsx'],
    ]);

    const other = { ...selfEntries };
    const k = Object.keys(other).find((x) => !x.startsWith('@') && typeof other[x] === 'number' && (other[x] as number) > 0)!;
    other[k] = 0;
    const insp2 = await scoreWorkbook(await filledInspection(set, { unit: UNIT, year: 2024, self: other, inspected: other, evidence }), { file: 'kiem-tra/yb2.xlsx' });
    const r2 = buildRanking([slimSource({ ...clean, file: 'tu-cham/yb.xlsx' }), slimSource(insp2)]);
    expect(r2.units).toEqual([]);
    expect(r2.sources.map((s) => s.refusals)).toEqual([['self_differs_from_inspection'], ['self_differs_from_inspection']]);
    expect(find(r2.problems, 'self_differs_from_inspection')!.messages.en).toContain(set.byId.get(k) ? k : '');
  });

  test('the CLI stamps team, date and source file; the ranking workbook and JSON show them per unit', async () => {
    const self = path.join(dir, 'tu-cham.xlsx');
    writeFileSync(self, selfFilled);
    const before = readFileSync(self);
    const out = path.join(dir, 'kiem-tra.xlsx');
    const crit = path.join(dir, 'set.json');
    writeFileSync(crit, JSON.stringify(set.def));
    const t = thidua(['template', crit, '--from', self, '--team', 'Đoàn số 2', '--date', '2024-11-20', '-o', out, '--json']);
    expect(t.code).toBe(0);
    expect(readFileSync(self).equals(before)).toBe(true);
    const r = await run(['rank', out, self, '--json', '-o', path.join(dir, 'xh.xlsx')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ranking[0].provenance).toMatchObject({ mode: 'inspection', team: 'Đoàn số 2', date: '2024-11-20', from: 'tu-cham.xlsx', selfFile: self });
  });
});

describe('everything the reader relies on is under the hash', () => {
  test('the metadata pointed at a very hidden copy of the scoring sheet: refused by the hash, and re-signed still refused (only a visible sheet is scored)', async () => {
    const withCopy = addSheetCopy(selfFilled, 'Bản sao', 'veryHidden');
    const plain = await editMeta(withCopy, { sheet: 'Bản sao' }, false);
    const a = await bounded(plain, () => scoreWorkbook(plain, { file: 'h.xlsx' }));
    expect(find(a.problems, 'metadata_tampered')).toMatchObject({ severity: 'error', file: 'h.xlsx' });
    const signed = await editMeta(withCopy, { sheet: 'Bản sao' }, true);
    const b = await bounded(signed, () => scoreWorkbook(signed, { file: 'h2.xlsx' }));
    expect(find(b.problems, 'metadata_tampered')).toBeUndefined();
    expect(find(b.problems, 'scored_sheet_hidden')).toMatchObject({ severity: 'error', file: 'h2.xlsx', sheet: 'Bản sao' });
    expect(b.evaluation).toBeNull();
  });

  test('a second visible copy of the scoring table is an error naming its sheet and first key cell', async () => {
    const bytes = addSheetCopy(selfFilled, 'Bảng cũ', 'visible');
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'c.xlsx' }));
    expect(find(r.problems, 'second_scoring_table')).toMatchObject({ severity: 'error', file: 'c.xlsx', sheet: 'Bảng cũ', cell: expect.stringMatching(/^H\d+$/) });
  });
});

describe('cost bounded by size, not by crafted structure', () => {
  test('forty whole-sheet data validations (A1:XFD1048576): read as ranges, same score, seconds not minutes', async () => {
    const dv = '<dataValidation type="whole" allowBlank="1" sqref="A1:XFD1048576"><formula1>0</formula1><formula2>5</formula2></dataValidation>'.repeat(40);
    const bytes = zipEdit(selfFilled, (p) => {
      const s = p['xl/worksheets/sheet1.xml'];
      p['xl/worksheets/sheet1.xml'] = s.replace(/<dataValidations count="(\d+)">/, (_m, n) => `<dataValidations count="${Number(n) + 40}">${dv}`);
    });
    expect(bytes.length).toBeLessThan(200_000);
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'dv.xlsx' }), 8_000, 300);
    expect(errors(r.problems)).toEqual([]);
    expect(r.evaluation!.self!.total).toBe(clean.evaluation!.self!.total);
    // The crafted ranges are kept as 40 entries, not 40 x 4 million addresses.
    const opened = (await openWorkbook(bytes, 'dv.xlsx')).opened!;
    expect(opened.validations[plan.sheetName].ranges.length).toBeLessThan(plan.rows.length * 4 + 40);
  });

  test('300,000 merged ranges: overlap check by a sweep, same score, seconds not minutes', async () => {
    const cells: string[] = [];
    for (let r = 1; r <= 1500; r++) for (let c = 0; c < 200; c++) cells.push(`<mergeCell ref="${col(300 + 2 * c)}${r}:${col(301 + 2 * c)}${r}"/>`);
    const merges = cells.join('');
    const bytes = zipEdit(selfFilled, (p) => {
      const s = p['xl/worksheets/sheet1.xml'];
      p['xl/worksheets/sheet1.xml'] = s.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + cells.length}">${merges}`);
    });
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'mg.xlsx' }), 20_000, 600);
    expect(errors(r.problems)).toEqual([]);
    expect(r.evaluation!.self!.total).toBe(clean.evaluation!.self!.total);
  });

  test('overlapping merges among many are still found (the sweep is exact)', async () => {
    const cells: string[] = [];
    for (let r = 1; r <= 2000; r++) cells.push(`<mergeCell ref="AA${r}:AB${r}"/>`);
    cells.push('<mergeCell ref="AB1500:AC1600"/>');
    const bytes = zipEdit(selfFilled, (p) => {
      p['xl/worksheets/sheet1.xml'] = p['xl/worksheets/sheet1.xml'].replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + cells.length}">${cells.join('')}`);
    });
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 'ov.xlsx' }));
    expect(find(r.problems, 'not_xlsx')!.messages.en).toContain('overlapping merged cells AB1500:AC1600');
  });

  test('explicit paths: a symlink to /dev/zero and a FIFO are refused at once; a sparse 1.9 GB file is refused by its size before reading', () => {
    const zero = path.join(dir, 'zero.xlsx');
    symlinkSync('/dev/zero', zero);
    const t0 = Date.now();
    const a = thidua(['rank', zero, '--json']);
    expect(a.code).toBe(2);
    expect(a.stdout + a.stderr).toContain('not_regular_file');
    // One JSON document, the kind of path named in each language.
    const doc = JSON.parse(a.stdout) as { problems: Array<{ code: string; messages: { vi: string; en: string } }> };
    const p = doc.problems.find((x) => x.code === 'not_regular_file')!;
    expect(p.messages.vi).toContain('thiết bị ký tự');
    expect(p.messages.en).toContain('(character device)');
    const fifo = path.join(dir, 'pipe.xlsx');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const f = thidua(['check', fifo]);
    expect(f.code).toBe(2);
    expect(f.stdout + f.stderr).toContain('not_regular_file');
    const sparse = path.join(dir, 'sparse.xlsx');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 1900 * 1024 * 1024);
    closeSync(fd);
    const b = thidua(['check', sparse]);
    expect(b.code).toBe(2);
    expect(b.stdout + b.stderr).toContain('file_too_large');
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
});

describe('one unit, one name', () => {
  test('names differing by invisible characters fold to one key (and are duplicates); display keeps the name as written', () => {
    const base = 'Trường Chính trị tỉnh Hà Giang';
    for (const v of ['Trường Chính\u200B trị tỉnh Hà Giang', 'Trường Chính trị tỉnh Hà\u00AD Giang', '\u200FTrường Chính trị tỉnh Hà Giang\u200E', '\uFEFFTrường Chính trị tỉnh Hà Giang', 'TRƯỜNG CHÍNH TRỊ TỈNH HÀ  GIANG', 'Trường Chính trị tỉnh Ha\u0300 Giang'])
      expect(unitKey(v)).toBe(unitKey(base));
    const src = (unit: string, file: string) => ({ file, unit, set, criteriaSet: { id: set.id, hash: set.hash }, evaluation: clean.evaluation, problems: [] });
    const r = buildRanking([src(base, 'a.json'), src('Trường Chính\u200B trị tỉnh Hà Giang', 'b.json')]);
    expect(r.sources.map((s) => s.refusals)).toEqual([['duplicate_unit'], ['duplicate_unit']]);
    expect(r.sources[1].unit).toBe('Trường Chính\u200B trị tỉnh Hà Giang');
    const one = buildRanking([src('Trường\u200B Chính trị tỉnh Hà Giang', 'c.json')]);
    expect(one.units[0].unit).toBe('Trường\u200B Chính trị tỉnh Hà Giang');
    expect(find(one.problems, 'unit_invisible_chars')!.messages.en).toContain('\\u{200B}');
  });

  test('control characters in a unit name are refused with the name shown escaped', () => {
    const r = buildRanking([{ file: 'x.json', unit: 'Trường\u001b[2J X\u0007', set, criteriaSet: { id: set.id, hash: set.hash }, evaluation: clean.evaluation, problems: [] }]);
    expect(r.units).toEqual([]);
    const p = find(r.problems, 'unit_control_chars')!;
    expect(p).toMatchObject({ severity: 'error', file: 'x.json' });
    expect(p.messages.vi).toContain('Trường\\x1B[2J X\\x07');
    expect(p.messages.vi).not.toMatch(/[\u0000-\u001f]/);
  });
});

/** Column letters of a 1-based index. */
function col(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A one-sheet workbook from sheetData XML. */
function handXlsx(sheetData: string): Uint8Array {
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const MISPLACED: Array<[string, string, string, string]> = [
  ['a cell reference that disagrees with its row', '<row r="10"><c r="A10"><v>1</v></c></row><row r="11"><c r="D10"><v>7</v></c></row>', 'cell_misplaced', 'D10'],
  ['cells out of order in a row', '<row r="5"><c r="C5"><v>1</v></c><c r="B5"><v>2</v></c></row>', 'cell_out_of_order', 'B5'],
  ['a duplicate cell', '<row r="5"><c r="C5"><v>1</v></c><c r="C5"><v>2</v></c></row>', 'cell_out_of_order', 'C5'],
  ['rows out of order', '<row r="6"><c r="A6"><v>1</v></c></row><row r="5"><c r="A5"><v>2</v></c></row>', 'row_out_of_order', 'A5'],
  ['a duplicate row', '<row r="6"><c r="A6"><v>1</v></c></row><row r="6"><c r="B6"><v>2</v></c></row>', 'row_out_of_order', 'A6'],
];

describe('cells where Excel puts them', () => {
  test.each(MISPLACED)('%s is refused naming file, sheet and cell', async (_what, xml, code, cell) => {
    const bytes = handXlsx(xml);
    const r = await bounded(bytes, () => openWorkbook(bytes, 'm.xlsx'));
    expect(find(r.problems, code)).toMatchObject({ severity: 'error', file: 'm.xlsx', sheet: 'S', cell });
  });

  test('in a scoring template: an entry written with the reference of the row above is refused at that cell', async () => {
    const addr = plan.entries.self['I.1'];
    const row = Number(/\d+$/.exec(addr)![0]);
    const up = addr.replace(/\d+$/, String(row - 1));
    const bytes = zipEdit(selfFilled, (p) => (p['xl/worksheets/sheet1.xml'] = p['xl/worksheets/sheet1.xml'].replace(`<c r="${addr}"`, `<c r="${up}"`)));
    const r = await bounded(bytes, () => scoreWorkbook(bytes, { file: 't.xlsx' }));
    expect(find(r.problems, 'cell_misplaced')).toMatchObject({ severity: 'error', file: 't.xlsx', sheet: plan.sheetName, cell: up });
  });
});

describe('differential: LibreOffice places the misplaced cell by its reference, where the row says otherwise', () => {
  if (haveLibreOffice('the misplaced-cell differential'))
    test(
      'LibreOffice shows r="D10" inside row 11 at D10 (so the tool refuses rather than pick one)',
      async () => {
        const src = path.join(dir, 'misplaced.xlsx');
        writeFileSync(src, handXlsx(MISPLACED[0][1]));
        const out = path.join(dir, 'lo');
        recalculate([src], out);
        const lo = (await openWorkbook(readFileSync(path.join(out, 'misplaced.xlsx')), 'lo.xlsx')).opened!.grids[0];
        expect(lo.cell(10, 4)?.value).toBe(7);
        expect(lo.cell(11, 4)?.value ?? null).toBeNull();
      },
      300_000,
    );
});

describe('safe output', () => {
  test('control characters in problems are escaped in the human line', () => {
    const p = problem('unit_missing', {}, { file: 'a\u001b]0;pwned\u0007.xlsx', sheet: 'S\r', cell: 'A1' });
    const line = formatProblem(p, 'en');
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(line).toContain('a\\x1B]0;pwned\\x07.xlsx');
  });

  test('a unit name with _x001B_ escapes reaches the terminal escaped (score, human output)', async () => {
    const wb = await loadXlsx(selfFilled);
    wb.getWorksheet(plan.sheetName)!.getCell(plan.unitCell).value = 'Trường\u001b[2J\u001b[1A X';
    const f = path.join(dir, 'esc.xlsx');
    writeFileSync(f, await toBytes(wb));
    const r = await run(['score', f]);
    expect(r.stdout + r.stderr).not.toMatch(/\u001b/);
  });

  test('a JSON submission nested 200,000 deep: json_too_deep naming the file, one JSON document with --json', async () => {
    expect(nestingExceeds('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBe(false);
    const f = path.join(dir, 'deep.json');
    writeFileSync(f, `{"unit":"X","self":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const crit = path.join(dir, 'set2.json');
    writeFileSync(crit, JSON.stringify(set.def));
    const before = readFileSync(f);
    const r = await run(['rank', f, '--criteria', crit, '--json']);
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(r.stderr).not.toContain('unexpected error');
    const j = JSON.parse(r.stdout);
    const p = (j.problems as Problem[]).find((x) => x.code === 'json_too_deep')!;
    expect(p).toMatchObject({ severity: 'error', file: f });
  });
});
