/**
 * Differential test of the direct reader (engine/workbook/xlsx-read.ts, used by openWorkbook) against
 * the exceljs-based reading it replaced (test/helpers/exceljs-grid.ts): for every workbook we can get —
 * the cluster's real samples, the familiar corpus, generated templates (self and inspection) filled with
 * every kind of value through exceljs, the ranking workbook, a template saved by LibreOffice, and
 * hand-written XML with shared and array formulas, inline and rich strings, styles and validations —
 * the grids must be equal cell by cell (value, formula, error, date, bold, indent; undefined vs empty
 * cell), with the same row/column counts, merges, hidden flags and data validations.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { address, buildRanking, type Grid, problem } from '../../engine/core';
import { planTemplate } from '../../engine/core/template/plan';
import { FILE_LIMITS, openWorkbook } from '../../engine/workbook/open';
import { writeRankingWorkbook } from '../../engine/workbook/ranking-workbook';
import { renderTemplate } from '../../engine/workbook/template/write';
import { useNativeZip } from '../../engine/workbook/zip-read';
import { installNatives } from '../../engine/cli/natives';
import { bytesIndexOf, crc32, decodeAddress, isDateFormat, parseSharedStrings, readSharedStrings, slideFormula, utf8Text, validationsByAddress } from '../../engine/workbook/xlsx-read';
import { differences } from '../helpers/reader-diff';
import { exceljsRead } from '../helpers/exceljs-grid';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';
import { compile, tinyDef, unit } from '../rank/helpers';
import { defaultSet, fillColumn, randomEntries, toBytes } from '../template/helpers';
import { rng } from '../helpers/big-set';
import { haveLibreOffice, recalculate } from '../helpers/libreoffice';

const repoRoot = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(repoRoot, 'test/fixtures/samples/familiar-trung-du-2024');

function omit(parts: Record<string, Uint8Array>, name: string): Zippable {
  const out: Zippable = { ...parts };
  delete out[name];
  return out;
}

async function expectSame(bytes: Uint8Array, file: string) {
  const d = await differences(bytes, file);
  expect(d.slice(0, 15)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------
// Hand-written parts: what exceljs does not write (shared and array formulas, inline strings, ...)

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handWritten(o: { sheets: Array<{ name: string; state?: string; xml: string; rels?: string }>; sharedStrings?: string; styles?: string; date1904?: boolean; level?: 0 | 6 }): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${o.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${o.sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheets
        .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}${o.styles ? '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : ''}${
        o.sharedStrings ? '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>' : ''
      }</Relationships>`,
    ),
  };
  o.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.xml}</worksheet>`);
    if (s.rels) files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(s.rels);
  });
  if (o.sharedStrings) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${o.sharedStrings}</sst>`);
  if (o.styles) files['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${o.styles}</styleSheet>`);
  return zipSync(files, { level: o.level ?? 6 });
}

/** fonts: 0 plain, 1 bold, 2 bold with val="0" (exceljs still says bold). xfs: see comments. */
const STYLES =
  '<numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0 &quot;ngày&quot;"/><numFmt numFmtId="166" formatCode="[Red]0.00"/><numFmt numFmtId="167" formatCode="\\d0"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/></font><font><b val="0"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="1"/></cellStyleXfs>' +
  '<cellXfs count="14">' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0"/>' + // 0: bold, but exceljs ignores xf 0
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/>' + // 1: bold
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment indent="2"/></xf>' + // 2: indent 2
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>' + // 3: built-in date
  '<xf numFmtId="22" fontId="0" fillId="0" borderId="0"/>' + // 4: built-in date time
  '<xf numFmtId="45" fontId="0" fillId="0" borderId="0"/>' + // 5: mm:ss
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0"/>' + // 6: custom date, bold
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0"/>' + // 7: quoted text: not a date
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0"/>' + // 8: [Red]: not a date
  '<xf numFmtId="4" fontId="2" fillId="0" borderId="0"/>' + // 9: #,##0.00 with <b val="0"/>
  '<xf numFmtId="167" fontId="0" fillId="0" borderId="0"/>' + // 10: \d0 -> "d0": a date for exceljs
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0"><alignment horizontal="left" indent="1"/></xf>' + // 11: bold + indent 1
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment indent="0"/></xf>' + // 12: indent 0
  '<xf numFmtId="47" fontId="0" fillId="0" borderId="0"/>' + // 13: mmss.0
  '</cellXfs>';

const SHARED =
  '<si><t>Kế hoạch</t></si>' + // 0
  '<si><r><rPr><b/></rPr><t>Tiêu chí </t></r><r><t xml:space="preserve">in đậm</t></r></si>' + // 1 rich
  '<si><t>dòng_x000D_mới</t></si>' + // 2 escaped CR
  '<si><t/></si>' + // 3 empty
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' + // 4 phonetic ignored
  '<si><t>A &amp; B &lt;c&gt;</t></si>'; // 5 entities

const SHEET1 =
  '<cols><col min="8" max="8" width="10" style="1" customWidth="1"/></cols>' +
  '<sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="1"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
  '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2.5</v></c><c r="C2"><f t="shared" ref="C2:C6" si="0">A2+B2*$A$2</f><v>3.5</v></c><c r="D2"><f>SUM(A2:B2)</f><v>0</v></c><c r="E2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' +
  '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><v>4</v></c><c r="C3"><f t="shared" si="0"/><v>7</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="b"><f>1&gt;2</f><v>0</v></c></row>' +
  '<row r="4"><c r="A4"><v>5</v></c><c r="C4"><f t="shared" si="0"/><v>5</v></c><c r="D4" t="str"><f>""</f><v></v></c><c r="E4"><f>NOW()</f></c><c r="F4"><f t="shared" ref="F4:G4" si="1">SUM($A$2:A4)+Sheet2!B1</f><v>9</v></c><c r="G4"><f t="shared" si="1"/><v>9</v></c></row>' +
  '<row r="5"><c r="C5"><f t="shared" si="0"/><v>0</v></c><c r="D5"><f t="array" ref="D5:D6">A2:A3*2</f><v>2</v></c></row>' +
  '<row r="6"><c r="C6"><f t="shared" si="0"/></c><c r="D6"><v>6</v></c></row>' +
  '<row r="7"><c r="A7" t="inlineStr"><is><t>nội dòng</t></is></c><c r="B7" t="inlineStr"><is><r><t>giàu</t></r><r><rPr><b/></rPr><t xml:space="preserve"> chữ</t></r></is></c><c r="C7" t="str"><v>văn bản</v></c><c r="D7" t="b"><v>1</v></c><c r="E7" t="b"><v>0</v></c><c r="F7" t="e"><v>#N/A</v></c></row>' +
  '<row r="8"><c r="A8" s="3"><v>45292</v></c><c r="B8" s="4"><v>45292.5</v></c><c r="C8" s="5"><v>0.25</v></c><c r="D8" s="6"><v>45000</v></c><c r="E8" s="7"><v>12</v></c><c r="F8" s="8"><v>-3.5</v></c><c r="G8" s="10"><v>7</v></c><c r="H8" s="13"><v>1</v></c></row>' +
  '<row r="9"><c r="A9" s="0"><v>1</v></c><c r="B9" s="1"><v>2</v></c><c r="C9" s="2" t="s"><v>0</v></c><c r="D9" s="9"><v>3</v></c><c r="E9" s="11" t="s"><v>0</v></c><c r="F9" s="12"><v>4</v></c><c r="G9" s="6"><f>A8+1</f><v>45293</v></c><c r="H9" s="3"/></row>' +
  '<row r="10" s="2" customFormat="1"><c r="A10" t="s"><v>0</v></c><c r="B10"/><c r="D10" s="1"/><c r="E10" s="1"><v>5</v></c></row>' +
  '<row r="11"><c r="A11" t="s"><v>1</v></c><c r="B11" s="1"/><c r="C11"><v>99</v></c></row>' +
  '<row r="12"><c r="A12"><f>A2</f><v>1</v></c></row>' +
  '<row r="13" ht="30" customHeight="1"/>' +
  '<row r="14"><c r="A14"><v>1E-3</v></c><c r="B14"><v>1e21</v></c><c r="Z14" s="1"/></row>' +
  '<row r="16" s="1" customFormat="1"/>' +
  '</sheetData>' +
  // A10:B11 merged over values (B11 styled empty, A11 a value), H10:H11 in the styled column, D12:E13
  // over a styled row, A16:C16 on a styled row beyond the last value row.
  '<mergeCells count="5"><mergeCell ref="A10:B11"/><mergeCell ref="H10:H11"/><mergeCell ref="E12:D13"/><mergeCell ref="A16:C16"/><mergeCell ref="J2"/></mergeCells>' +
  '<dataValidations count="4">' +
  '<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="B2:B4 D2"><formula1>0</formula1><formula2>10.5</formula2></dataValidation>' +
  '<dataValidation type="whole" operator="greaterThanOrEqual" sqref="A2:A3"><formula1>1</formula1></dataValidation>' +
  '<dataValidation type="list" sqref="F2"><formula1>"x,X"</formula1></dataValidation>' +
  '<dataValidation type="date" sqref="A8"><formula1>45000</formula1></dataValidation>' +
  '<dataValidation sqref="G2"/>' +
  '</dataValidations>' +
  '<hyperlinks><hyperlink ref="C11" r:id="rId1"/><hyperlink ref="A1" location="Sheet2!A1"/></hyperlinks>';

const SHEET1_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>';

function handWorkbook(o: { date1904?: boolean; level?: 0 | 6 } = {}): Uint8Array {
  return handWritten({
    sheets: [
      { name: 'Bảng điểm &amp; chấm', xml: SHEET1, rels: SHEET1_RELS },
      { name: 'Sheet2', state: 'hidden', xml: '<sheetData><row r="1"><c r="B1"><v>2</v></c></row></sheetData>' },
      { name: 'Ẩn sâu', state: 'veryHidden', xml: '<sheetData/>' },
      { name: 'Trống', xml: '<dimension ref="A1"/><sheetData><row r="3" ht="20" customHeight="1"/></sheetData>' },
    ],
    sharedStrings: SHARED,
    styles: STYLES,
    ...o,
  });
}

// ---------------------------------------------------------------------------------------------------

// A test that installs the CLI's natives gives them back: the others read with the portable code.
afterEach(() => useNativeZip({}));

describe('the direct reader gives the grids exceljs gave', () => {
  const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx')) : [];
  test('the cluster samples (familiar-trung-du-2024)', async () => {
    expect(samples.length).toBe(8);
    for (const f of samples) await expectSame(new Uint8Array(readFileSync(path.join(SAMPLES, f))), f);
  });

  test('the familiar corpus', async () => {
    expect(VARIATIONS.length).toBeGreaterThan(5);
    for (const v of VARIATIONS) await expectSame(new Uint8Array(await buildVariation(v)), `${v.name}.xlsx`);
  });

  test.each(['self', 'inspection'] as const)('generated %s templates, empty and filled with every kind of value', async (mode) => {
    const set = defaultSet();
    const rand = rng(mode === 'self' ? 7 : 8);
    const plan = planTemplate(set, { mode, unit: 'Trường Chính trị tỉnh Thái Nguyên', year: 2024, generatedAt: '2024-12-01T00:00:00Z' });
    const wb = await renderTemplate(plan);
    await expectSame(await toBytes(wb), `${mode}-empty.xlsx`);
    const ws = wb.getWorksheet(plan.sheetName)!;
    fillColumn(ws, plan, 'self', randomEntries(set, rand));
    if (mode === 'inspection') fillColumn(ws, plan, 'inspected', randomEntries(set, rand));
    // Every kind of value exceljs writes, in entry cells and beside the table.
    const cells = Object.values(plan.entries.self);
    const kinds: ExcelJS.CellValue[] = [
      'tám',
      new Date(Date.UTC(2024, 4, 17)),
      { error: '#REF!' } as ExcelJS.CellErrorValue,
      { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue,
      { formula: 'A1*0', result: 0 } as ExcelJS.CellFormulaValue,
      { formula: 'T("x")', result: 'x' } as ExcelJS.CellFormulaValue,
      { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue,
      true,
      false,
      { richText: [{ text: 'giàu ', font: { bold: true } }, { text: 'chữ' }] },
      { text: 'liên kết', hyperlink: 'https://example.org/' },
      '  8,5 ',
      -0.25,
    ];
    kinds.forEach((k, i) => (ws.getCell(cells[i % cells.length]).value = k));
    const far = Math.max(...plan.columns.map((c) => c.col)) + 3;
    kinds.forEach((k, i) => (ws.getCell(3 + i, far).value = k));
    ws.getCell(20, far).value = 45292;
    ws.getCell(20, far).numFmt = 'dd/mm/yyyy';
    ws.getCell(21, far).value = { formula: 'X20+1', result: new Date(Date.UTC(2024, 0, 2)) } as ExcelJS.CellFormulaValue;
    ws.getCell(21, far).numFmt = 'dd/mm/yyyy';
    ws.getCell(22, far).value = 'đậm';
    ws.getCell(22, far).font = { bold: true };
    ws.getCell(23, far).value = 'thụt';
    ws.getCell(23, far).alignment = { indent: 3 };
    ws.mergeCells(25, far, 26, far + 2);
    ws.getCell(25, far).value = 'gộp';
    ws.mergeCells(28, far, 28, far + 1);
    ws.getCell(28, far).value = { formula: '2*3', result: 6 } as ExcelJS.CellFormulaValue;
    const extra = wb.addWorksheet('Phụ', { state: 'hidden' });
    extra.getCell('B2').value = 'ẩn';
    await expectSame(await toBytes(wb), `${mode}-filled.xlsx`);
  });

  test('the ranking workbook', async () => {
    const set = compile(tinyDef());
    const r = buildRanking([
      unit(set, 'Thái Nguyên', [8, 8, 8, 8], [8, 8, 8, 8], { file: 'tn.xlsx' }),
      unit(set, 'Tuyên Quang', [8, 8, 8, 8], null, { file: 'tq.xlsx' }),
      unit(set, 'Điện Biên', [10, 10, 10, 10], [10, 8, 10, 7], { file: 'db.xlsx', remarks: { 'A.2': 'Thiếu minh chứng' } }),
      { file: 'hong.xlsx', set: null, criteriaSet: null, evaluation: null, problems: [problem('not_xlsx', { detail: 'zip hỏng' }, { file: 'hong.xlsx' })] },
    ]);
    for (const lang of ['vi', 'en'] as const) await expectSame(await writeRankingWorkbook(r, { lang, generatedAt: new Date(2024, 11, 20) }), `ranking-${lang}.xlsx`);
  });

  test('hand-written XML: shared and array formulas, inline and rich strings, styles, merges, validations, hidden sheets', async () => {
    await expectSame(handWorkbook(), 'hand.xlsx');
    await expectSame(handWorkbook({ date1904: true, level: 0 }), 'hand-1904.xlsx');
  });

});

describe('workbooks saved by LibreOffice', () => {
  if (!haveLibreOffice('the differential reading of LibreOffice-saved workbooks')) return;
  test('a filled template, the hand-written workbook and a cluster sample, recalculated and saved by LibreOffice', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-xlsx-read-lo-'));
    try {
      const set = defaultSet();
      const plan = planTemplate(set, { mode: 'inspection', unit: 'Trường Chính trị tỉnh Bắc Kạn', year: 2024, generatedAt: '2024-12-01T00:00:00Z' });
      const wb = await renderTemplate(plan);
      const ws = wb.getWorksheet(plan.sheetName)!;
      const rand = rng(11);
      fillColumn(ws, plan, 'self', randomEntries(set, rand));
      fillColumn(ws, plan, 'inspected', randomEntries(set, rand));
      const input = path.join(dir, 'in');
      mkdirSync(input);
      const inputs = [path.join(input, 'mau.xlsx'), path.join(input, 'hand.xlsx'), path.join(input, 'sample.xlsx')];
      writeFileSync(inputs[0], await toBytes(wb));
      writeFileSync(inputs[1], handWorkbook());
      writeFileSync(inputs[2], readFileSync(path.join(SAMPLES, 'thai-nguyen.xlsx')));
      const out = path.join(dir, 'out');
      recalculate(inputs, out);
      for (const f of inputs) await expectSame(new Uint8Array(readFileSync(path.join(out, path.basename(f)))), `lo-${path.basename(f)}`);
      // The scoring sheet is there (LibreOffice writes its own styles, shared strings, x14 validations).
      const { opened } = await openWorkbook(new Uint8Array(readFileSync(path.join(out, 'mau.xlsx'))), 'lo-mau.xlsx');
      expect(opened!.grids.map((g) => g.sheet)).toContain(plan.sheetName);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240000);
});

describe('the reader on its own', () => {
  test('what the hand-written workbook holds', async () => {
    const { opened } = await openWorkbook(handWorkbook(), 'hand.xlsx');
    const [g, hidden, very, empty] = opened!.grids;
    expect(g.sheet).toBe('Bảng điểm & chấm');
    expect([g.hidden, hidden.hidden, very.hidden, empty.hidden]).toEqual([false, true, true, false]);
    const at = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return g.cell(Number(m[2]), m[1].charCodeAt(0) - 64);
    };
    // Shared formula: the master's text slid to each dependent, absolute references kept.
    expect(at('C3')).toEqual({ value: 7, formula: 'A3+B3*$A$2' });
    expect(at('C5')).toEqual({ value: 0, formula: 'A5+B5*$A$2' });
    expect(at('C6')).toEqual({ value: null, formula: 'A6+B6*$A$2' });
    expect(at('G4')).toEqual({ value: 9, formula: 'SUM($A$2:B4)+Sheet2!C1' });
    // Array formula: the master holds it, the other cells their values.
    expect(at('D5')).toEqual({ value: 2, formula: 'A2:A3*2' });
    expect(at('D6')).toEqual({ value: 6 });
    // Cached results: 0, strings, errors, booleans, none.
    expect(at('D2')).toEqual({ value: 0, formula: 'SUM(A2:B2)' });
    expect(at('E2')).toEqual({ value: 'ab', formula: '"a"&"b"' });
    expect(at('D3')).toEqual({ value: null, formula: '1/0', error: '#DIV/0!' });
    expect(at('E3')).toEqual({ value: false, formula: '1>2' });
    expect(at('E4')).toEqual({ value: null, formula: 'NOW()' });
    // Strings: shared (plain, rich, escaped, empty, phonetic dropped), inline (plain, rich), t="str".
    expect([at('A1'), at('B1'), at('C1'), at('D1'), at('E1'), at('F1')].map((c) => c?.value)).toEqual(['Kế hoạch', 'Tiêu chí in đậm', 'dòng\rmới', '', '漢字', 'A & B <c>']);
    expect([at('A7'), at('B7'), at('C7')].map((c) => c?.value)).toEqual(['nội dòng', 'giàu chữ', 'văn bản']);
    expect([at('D7'), at('E7'), at('F7')]).toEqual([{ value: true }, { value: false }, { value: null, error: '#N/A' }]);
    // Dates by number format: built-in 14/22/45/47, custom dd/mm/yyyy; quoted or bracketed text is not.
    expect(at('A8')).toEqual({ value: '2024-01-01', isDate: true });
    expect(at('B8')).toEqual({ value: '2024-01-01', isDate: true });
    expect(at('C8')).toEqual({ value: '1899-12-30', isDate: true });
    expect(at('D8')).toEqual({ value: '2023-03-15', isDate: true, bold: true });
    expect(at('E8')).toEqual({ value: 12 });
    expect(at('F8')).toEqual({ value: -3.5 });
    expect(at('G9')).toEqual({ value: '2024-01-02T00:00:00.000Z', formula: 'A8+1', bold: true });
    // Styles: xf 0 ignored, bold, indent, <b val="0"/> (bold for exceljs), indent 0.
    expect([at('A9'), at('B9'), at('C9'), at('D9'), at('E9'), at('F9')]).toEqual([
      { value: 1 },
      { value: 2, bold: true },
      { value: 'Kế hoạch', indent: 2 },
      { value: 3, bold: true },
      { value: 'Kế hoạch', bold: true, indent: 1 },
      { value: 4 },
    ]);
    // Styled empty cells are no cells; merged cells carry the top-left value; a linked cell is text.
    expect(at('H9')).toBeUndefined();
    expect(at('B11')).toEqual({ value: 'Kế hoạch', bold: true });
    expect(at('C11')).toEqual({ value: '99' });
    expect(g.merges).toEqual([
      { top: 10, left: 1, bottom: 11, right: 2 },
      { top: 10, left: 8, bottom: 11, right: 8 },
      { top: 12, left: 4, bottom: 13, right: 5 },
      { top: 16, left: 1, bottom: 16, right: 3 },
      { top: 2, left: 10, bottom: 2, right: 10 },
    ]);
    expect([g.rowCount, g.colCount]).toEqual([16, 26]);
    expect(empty.rowCount).toBe(0);
    // Validations: several ranges, typed bounds, list text, no-type = any.
    const v = opened!.validations['Bảng điểm & chấm'];
    expect(v.at('B3')).toEqual({ type: 'decimal', formulae: [0, 10.5] });
    expect(v.at('D2')).toBe(v.at('B2'));
    expect(v.at('A3')).toEqual({ type: 'whole', formulae: [1] });
    expect(v.at('F2')).toEqual({ type: 'list', formulae: ['"x,X"'] });
    expect(v.at('G2')).toEqual({ type: 'any' });
    expect(v.at('C2')).toBeUndefined();
  });

  test('a damaged byte is refused as not_xlsx (CRC-32), stored or deflated', async () => {
    const stored = handWorkbook({ level: 0 });
    const text = new TextDecoder('latin1').decode(stored);
    const i = text.indexOf('<v>45292</v>');
    expect(i).toBeGreaterThan(0);
    const damaged = stored.slice();
    damaged[i + 3] = '5'.charCodeAt(0); // 45292 -> 55292: valid XML, a different date
    const r = await openWorkbook(damaged, 'x.xlsx');
    expect(r.problems.map((p) => p.code)).toEqual(['not_xlsx']);
    expect(r.problems[0].messages.en).toMatch(/CRC-32/);
    expect(r.problems[0].messages.vi).toMatch(/CRC-32/);
    expect((await openWorkbook(stored, 'x.xlsx')).opened).toBeDefined();
    // Deflated: flip bytes in the middle of the biggest part; inflating fails or the CRC does.
    const deflated = handWorkbook();
    for (const at of [0.3, 0.5, 0.7]) {
      const d = deflated.slice();
      d[Math.floor(d.length * at)] ^= 0x5a;
      expect((await openWorkbook(d, 'x.xlsx')).problems.map((p) => p.code)).toEqual(['not_xlsx']);
    }
  });

  test('a damaged zip directory is refused even when the data would still inflate', async () => {
    const good = handWorkbook();
    let eocd = good.length - 22;
    while (!(good[eocd] === 0x50 && good[eocd + 1] === 0x4b && good[eocd + 2] === 5 && good[eocd + 3] === 6)) eocd--;
    const cd = good[eocd + 16] | (good[eocd + 17] << 8) | (good[eocd + 18] << 16);
    const firstName = good[cd + 28];
    // flags (encrypted bit, data descriptor bit), compressed size, uncompressed size, the last entry's extra length
    const lastEntry = (() => {
      let p = cd;
      let last = cd;
      while (p < eocd) (last = p), (p += 46 + (good[p + 28] | (good[p + 29] << 8)) + (good[p + 30] | (good[p + 31] << 8)) + (good[p + 32] | (good[p + 33] << 8)));
      return last;
    })();
    for (const [what, at, bit] of [
      ['encrypted flag', cd + 8, 0],
      ['descriptor flag', cd + 8, 3],
      ['compressed size', cd + 21, 0],
      ['uncompressed size', cd + 25, 1],
      ['name', cd + 46 + firstName - 1, 0],
      ['last extra length', lastEntry + 30, 2],
      ['a local extra length', 29, 7],
    ] as const) {
      const d = good.slice();
      d[at] ^= 1 << bit;
      expect([what, (await openWorkbook(d, 'x.xlsx')).problems.map((p) => p.code)]).toEqual([what, ['not_xlsx']]);
    }
    expect((await openWorkbook(good, 'x.xlsx')).opened).toBeDefined();
  });

  test.each([
    ['its own decoding', () => useNativeZip({})],
    ["Node's one-byte text for ASCII stretches (the CLI's)", () => installNatives()],
  ])('utf8Text with %s decodes as one TextDecoder does: random bytes, invalid sequences, BOMs, long ASCII runs', (_host, install) => {
    install();
    const whole = new TextDecoder('utf-8');
    const rand = rng(16);
    const pieces = [
      () => 'a',
      () => ' '.repeat(1 + Math.floor(rand() * 140)),
      () => 'Nhập số từ 0 đến 5',
      () => 'có',
      () => '\uFEFF',
      () => '😀',
      () => '&amp;<x/>',
    ];
    const rawBytes = [0xef, 0xbb, 0xbf, 0x80, 0xbf, 0xc0, 0xc3, 0xe1, 0xe1, 0xbb, 0xf0, 0x9f, 0xff, 0xed, 0xa0, 0x80];
    for (let k = 0; k < 3000; k++) {
      const parts: number[] = [];
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) {
        if (rand() < 0.3) parts.push(rawBytes[Math.floor(rand() * rawBytes.length)]);
        else parts.push(...new TextEncoder().encode(pieces[Math.floor(rand() * pieces.length)]()));
      }
      const bytes = Uint8Array.from(parts);
      expect(utf8Text(bytes)).toBe(whole.decode(bytes));
    }
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xef, 0xbb, 0xbf]);
    expect(utf8Text(bom)).toBe(whole.decode(bom));
    expect(utf8Text(bom)).toBe('A\uFEFF');
  });

  test('utf8Text of a part cut on "<" joins to the whole text; dropBom false keeps a BOM that starts a piece', () => {
    const whole = new TextDecoder('utf-8', { ignoreBOM: false });
    const bytes = new TextEncoder().encode('\uFEFF<a>Nhập</a>\uFEFF<b>có</b>');
    const cut = bytes.indexOf(0x3c, 10);
    expect(utf8Text(bytes.subarray(0, cut)) + utf8Text(bytes.subarray(cut), false)).toBe(whole.decode(bytes));
    const mid = bytes.indexOf(0xef, 3);
    expect(utf8Text(bytes.subarray(mid), false).startsWith('\uFEFF')).toBe(true);
    expect(utf8Text(bytes.subarray(mid)).startsWith('\uFEFF')).toBe(false);
  });

  test('bytesIndexOf finds what a plain search finds, whatever the anchor and the bounds (random bytes)', () => {
    const rand = rng(29);
    const naive = (b: Uint8Array, p: Uint8Array, from: number, to: number) => {
      for (let i = Math.max(0, from); i + p.length <= to; i++) if (p.every((x, k) => b[i + k] === x)) return i;
      return -1;
    };
    const alphabet = [0x3c, 0x2f, 0x56, 0x21, 0x61, 0x3e];
    for (let k = 0; k < 3000; k++) {
      const b = Uint8Array.from({ length: Math.floor(rand() * 60) }, () => alphabet[Math.floor(rand() * alphabet.length)]);
      const p = Uint8Array.from({ length: 1 + Math.floor(rand() * 4) }, () => alphabet[Math.floor(rand() * alphabet.length)]);
      const from = Math.floor(rand() * (b.length + 1));
      const to = from + Math.floor(rand() * (b.length - from + 1));
      const anchor = Math.floor(rand() * p.length);
      expect(bytesIndexOf(b, p, from, to, anchor)).toBe(naive(b, p, from, to));
    }
  });

  test('decodeAddress reads what the address pattern accepts, as the pattern did (random strings)', () => {
    const pattern = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
    const byPattern = (a: string) => {
      const m = pattern.exec(a);
      if (!m) return null;
      let col = 0;
      for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      return { row: parseInt(m[2], 10), col };
    };
    const rand = rng(41);
    const alphabet = ['$', 'A', 'z', 'Q', 'x', '0', '1', '9', '@', '[', '`', '{', ':', ' ', 'Ạ', '٣'];
    const cases = ['A1', '$A$1', 'xfd1048576', 'AAAA1', 'A', '1', '', '$$A1', 'A$$1', 'A1$', `B${'9'.repeat(30)}`, 'a01'];
    for (let k = 0; k < 5000; k++) cases.push(Array.from({ length: Math.floor(rand() * 8) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    for (const a of cases) expect([a, decodeAddress(a)]).toEqual([a, byPattern(a)]);
  });

  test('shared strings reused from the last file give what parsing the whole part gives (random parts, also broken ones)', () => {
    const rand = rng(57);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const texts = ['Đơn vị:', 'Tiêu chí 1.2', 'a &amp; b', '&lt;x&gt;', '&#7841;&#x1EA1;', '_x000D_', ' có ', 'Trường số 1', ''];
    const si = () =>
      pick([
        () => `<si><t>${pick(texts)}</t></si>`,
        () => `<si><t xml:space="preserve">${pick(texts)}</t></si>`,
        () => `<si><r><rPr><b/></rPr><t>${pick(texts)}</t></r><r><t>${pick(texts)}</t></r></si>`,
        () => `<si><t>${pick(texts)}</t><rPh sb="0" eb="1"><t>ph</t></rPh></si>`,
        () => `<si><t/></si>`,
      ])();
    const broken = [
      (x: string) => x.replace('</t>', '</T>'),
      (x: string) => x.replace('<si>', '<si><si>'),
      (x: string) => x.replace('</si>', ''),
      (x: string) => x.replace('&amp;', '&amp'),
      (x: string) => x.replace('<si>', '<!-- c --><si>'),
      (x: string) => x.replace('<si>', '<?pi x?><si>'),
      (x: string) => x.replace('</sst>', '</sst><si><t>after</t></si>'),
      (x: string) => x.replace('<si>', '<si a="1">'),
      (x: string) => x.replace('</si><si>', '</si>x<si>'),
      (x: string) => x.replace('</si>', '</si >'),
    ];
    let entries = Array.from({ length: 12 }, si);
    const outcome = (f: () => string[]) => {
      try {
        return { ok: f() };
      } catch (e) {
        return { error: String((e as Error).message) };
      }
    };
    let reused = 0;
    for (let k = 0; k < 800; k++) {
      // The next "file": the last one's strings with a few inserted, dropped or changed.
      entries = entries.slice();
      for (let m = Math.floor(rand() * 3); m > 0; m--) {
        const at = Math.floor(rand() * (entries.length + 1));
        const op = rand();
        if (op < 0.4) entries.splice(at, 0, si());
        else if (op < 0.7 && entries.length > 1) entries.splice(at, 1);
        else entries[Math.min(at, entries.length - 1)] = si();
      }
      const gap = pick(['', '\n', ' \r\n ']);
      let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${entries.length}">${entries.join(gap)}</sst>`;
      if (rand() < 0.15) xml = pick(broken)(xml);
      const bytes = strToU8(xml);
      const whole = outcome(() => parseSharedStrings(bytes));
      const got = outcome(() => readSharedStrings(bytes));
      expect(got).toEqual(whole);
      if (whole.ok) reused++;
    }
    expect(reused).toBeGreaterThan(550);
  });

  test('crc32 of known strings', () => {
    expect(crc32(strToU8(''))).toBe(0);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(strToU8('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    // Eight bytes a step: every length and offset against the bit-by-bit definition.
    const bitwise = (b: Uint8Array) => {
      let c = 0xffffffff;
      for (const x of b) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    const rand = rng(32);
    const buf = Uint8Array.from({ length: 300 }, () => Math.floor(rand() * 256));
    for (let len = 0; len <= 40; len++) for (let off = 0; off < 9; off++) expect(crc32(buf.subarray(off, off + len))).toBe(bitwise(buf.subarray(off, off + len)));
    expect(crc32(buf)).toBe(bitwise(buf));
  });

  test('date formats', () => {
    for (const f of ['mm-dd-yy', 'dd/mm/yyyy', 'h:mm', '[h]:mm:ss', 'mmss.0', 'yyyy-mm-dd hh:mm', '[$-vi-VN]d mmmm yyyy', 'd-mmm']) expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ['General', '0', '#,##0.00', '0.0 "ngày"', '[Red]0.00', '"Năm "0', '@', '0%', '0.00E+00', undefined]) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  test('shared formula sliding', () => {
    expect(slideFormula('A2+B2*$A$2', { row: 2, col: 3 }, { row: 5, col: 4 })).toBe('B5+C5*$A$2');
    expect(slideFormula('SUM(A1:A3)+Sheet2!B$1+$C1', { row: 1, col: 1 }, { row: 2, col: 2 })).toBe('SUM(B2:B4)+Sheet2!C$1+$C2');
    expect(slideFormula('LOG10(A1)', { row: 1, col: 1 }, { row: 3, col: 1 })).toBe('LOG10(A3)');
  });

  test('inline strings and sheets over the row limit', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `<row r="${i === 2 ? FILE_LIMITS.maxRows + 5 : i + 1}"><c r="A${i === 2 ? FILE_LIMITS.maxRows + 5 : i + 1}" t="inlineStr"><is><t>dòng ${i + 1}</t></is></c></row>`).join('');
    const bytes = handWritten({ sheets: [{ name: 'Dài', xml: `<sheetData>${rows}</sheetData>` }] });
    const { opened, problems } = await openWorkbook(bytes, 'long.xlsx');
    expect(problems.map((p) => [p.code, p.sheet])).toEqual([['sheet_too_large', 'Dài']]);
    expect(opened!.grids[0].rowCount).toBe(FILE_LIMITS.maxRows);
    expect(opened!.grids[0].cell(2, 1)).toEqual({ value: 'dòng 2' });
    await expectSame(bytes, 'long.xlsx');
  });

  test('XML that is not well formed, overlapping merges and missing shared strings are refused', async () => {
    const bad = [
      handWritten({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' }] }),
      handWritten({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' }] }),
      handWritten({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData>' }], sharedStrings: '<si><t>a</t></si>' }),
    ];
    for (const b of bad) {
      expect((await openWorkbook(b, 'bad.xlsx')).problems.map((p) => p.code)).toEqual(['not_xlsx']);
      await expect(exceljsRead(b, 'bad.xlsx')).rejects.toThrow();
    }
    // A part cut short (exceljs read what came before the cut): refused, never half read.
    const cut = handWritten({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row>' }] });
    expect((await openWorkbook(cut, 'cut.xlsx')).problems.map((p) => p.code)).toEqual(['not_xlsx']);
  });

  test('a template missing a part it names, or with another part broken, is refused as exceljs refused it', async () => {
    const plan = planTemplate(defaultSet(), { mode: 'inspection', unit: 'x', year: 2024, generatedAt: '2024-12-01T00:00:00Z' });
    const parts = unzipSync(await toBytes(await renderTemplate(plan)));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['xl/styles.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'docProps/app.xml']));
    const variants: Array<[string, Zippable]> = [
      ['no styles', omit(parts, 'xl/styles.xml')],
      ['no comments', omit(parts, 'xl/comments1.xml')],
      ['no comment drawing', omit(parts, 'xl/drawings/vmlDrawing1.vml')],
      ['broken app.xml', { ...parts, 'docProps/app.xml': strToU8(strFromU8(parts['docProps/app.xml']).replace('<Application>', '<Application><')) }],
      ['broken core.xml', { ...parts, 'docProps/core.xml': strToU8(strFromU8(parts['docProps/core.xml']) + '</x>') }],
    ];
    for (const [what, p] of variants) {
      const b = zipSync(p);
      expect([what, (await openWorkbook(b, 'bad.xlsx')).problems.map((x) => x.code)]).toEqual([what, ['not_xlsx']]);
      await expect(exceljsRead(b, 'bad.xlsx')).rejects.toThrow();
    }
    // A dropped theme or document properties: exceljs read it, and so do we.
    for (const drop of ['xl/theme/theme1.xml', 'docProps/app.xml']) await expectSame(zipSync(omit(parts, drop)), `no-${drop}`);
  });

  test('parts met before with the same bytes are reused, never a part whose bytes differ (styles, well-formedness)', async () => {
    const plan = planTemplate(defaultSet(), { mode: 'inspection', unit: 'x', year: 2024, generatedAt: '2024-12-01T00:00:00Z' });
    const parts = unzipSync(await toBytes(await renderTemplate(plan)));
    const good = zipSync(parts);
    // The same file twice (the second read reuses the styles and the checked parts): equal to exceljs both times.
    await expectSame(good, 'first.xlsx');
    await expectSame(good, 'again.xlsx');
    // A small sheet's events are kept with its bytes (the hidden stamp sheet comes back in every file):
    // one digit changed, same length, gives the new value, and the original bytes the original again.
    const small = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && parts[n].length < 32 * 1024 && /<v>2024<\/v>/.test(strFromU8(parts[n])));
    expect(small.length).toBeGreaterThan(0);
    const year2025 = zipSync({ ...parts, [small[0]]: strToU8(strFromU8(parts[small[0]]).replace('<v>2024</v>', '<v>2025</v>')) });
    const yearsOf = async (b: Uint8Array) => (await openWorkbook(b, 'y.xlsx')).opened!.grids.flatMap((g) => cellsOf(g)).filter((c) => c.value === 2024 || c.value === 2025).map((c) => c.value);
    const before = await yearsOf(good);
    expect(before).toContain(2024);
    await expectSame(year2025, 'year-2025.xlsx');
    expect((await yearsOf(year2025)).filter((v) => v === 2025).length).toBe(1);
    await expectSame(good, 'year-2024-again.xlsx');
    expect(await yearsOf(good)).toEqual(before);
    // Then, after the good file, parts of the same names with other bytes: read again, not reused.
    const comments = strFromU8(parts['xl/comments1.xml']);
    const broken = zipSync({ ...parts, 'xl/comments1.xml': strToU8(comments + '</x>') });
    expect((await openWorkbook(broken, 'broken-comments.xlsx')).problems.map((x) => x.code)).toEqual(['not_xlsx']);
    await expect(exceljsRead(broken, 'broken-comments.xlsx')).rejects.toThrow();
    // Every bold font made plain: the cells lose their bold, as exceljs reads them.
    const styles = strFromU8(parts['xl/styles.xml']);
    expect(styles).toContain('<b/>');
    const plain = zipSync({ ...parts, 'xl/styles.xml': strToU8(styles.replace(/<b\/>/g, '')) });
    await expectSame(plain, 'plain-styles.xlsx');
    const boldBefore = (await openWorkbook(good, 'g.xlsx')).opened!.grids.flatMap((g) => cellsOf(g)).filter((c) => c.bold).length;
    const boldAfter = (await openWorkbook(plain, 'p.xlsx')).opened!.grids.flatMap((g) => cellsOf(g)).filter((c) => c.bold).length;
    expect(boldBefore).toBeGreaterThan(0);
    expect(boldAfter).toBe(0);
    // The sheet's <dataValidations> block: kept from the first read; the same block commented out gives
    // no validations, a changed block its own, and the original block all of them again.
    const sheetName = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(parts[n]).includes('<dataValidations'))!;
    const sheetXml = strFromU8(parts[sheetName]);
    const dvBlock = sheetXml.slice(sheetXml.indexOf('<dataValidations'), sheetXml.indexOf('</dataValidations>') + '</dataValidations>'.length);
    expect(dvBlock.length).toBeGreaterThan(1000);
    const withSheet = (xml: string) => zipSync({ ...parts, [sheetName]: strToU8(xml) });
    const validationCount = async (b: Uint8Array) =>
      Object.values((await openWorkbook(b, 'v.xlsx')).opened!.validations).reduce((n, v) => n + Object.keys(validationsByAddress(v)).length, 0);
    const all = await validationCount(good);
    expect(all).toBeGreaterThan(10);
    const commented = withSheet(sheetXml.replace(dvBlock, `<!--${dvBlock}-->`));
    await expectSame(commented, 'commented-validations.xlsx');
    expect(await validationCount(commented)).toBe(0);
    const firstSqref = /sqref="([A-Z]+\d+)"/.exec(dvBlock)![1];
    const changed = withSheet(sheetXml.replace(dvBlock, dvBlock.replace(`sqref="${firstSqref}"`, 'sqref="Z99"')));
    await expectSame(changed, 'changed-validations.xlsx');
    expect((await openWorkbook(changed, 'c.xlsx')).opened!.validations[Object.keys((await openWorkbook(changed, 'c.xlsx')).opened!.validations)[0]].at('Z99')).toBeDefined();
    await expectSame(good, 'again-validations.xlsx');
    expect(await validationCount(good)).toBe(all);
    // And the original once more: bold again.
    expect((await openWorkbook(good, 'g2.xlsx')).opened!.grids.flatMap((g) => cellsOf(g)).filter((c) => c.bold).length).toBe(boldBefore);
   }, 60_000);
});

function cellsOf(g: Grid): Array<NonNullable<ReturnType<Grid['cell']>>> {
  const out: Array<NonNullable<ReturnType<Grid['cell']>>> = [];
  for (let r = 1; r <= g.rowCount; r++)
    for (let c = 1; c <= g.colCount; c++) {
      const x = g.cell(r, c);
      if (x) out.push(x);
    }
  return out;
}
