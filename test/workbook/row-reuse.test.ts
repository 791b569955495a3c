/**
 * The reader's rows kept from the last files (sheetPieces in engine/workbook/xlsx-read.ts): a run of
 * filled templates where each file is the last one with a few scores changed (most rows come back byte
 * for byte and are cut out), interleaved with files whose kept rows sit in another context (a comment,
 * CDATA, a nested or self-closing row, carriage returns, a '>' or '<' in a value, a part cut short, a
 * row twice, a foreign element). Each file read right after the last one must give exactly what the
 * same file read cold gives (nothing kept: the whole part parsed, problems and errors included), and an
 * ordinary file what exceljs, the independent reference, gives cell by cell. The run must cut rows
 * often, or it would test nothing.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { planTemplate } from '../../engine/core/template/plan';
import { openWorkbook } from '../../engine/workbook/open';
import { forgetKept, readerCounts, rowSpans, validationsByAddress } from '../../engine/workbook/xlsx-read';
import { renderTemplate } from '../../engine/workbook/template/write';
import { differences } from '../helpers/reader-diff';
import { rng } from '../helpers/big-set';
import { defaultSet, fillColumn, randomEntries, toBytes } from '../template/helpers';

jest.setTimeout(120_000);

/** Everything a reading gives, as one text: problems, sheets, counts, merges, cells, validations. */
async function reading(bytes: Uint8Array, file: string): Promise<string> {
  const { opened, problems } = await openWorkbook(bytes, file);
  const out: unknown[] = [problems.map((p) => [p.code, p.sheet, p.cell, p.messages.en])];
  for (const g of opened?.grids ?? []) {
    const cells: unknown[] = [];
    for (let r = 1; r <= g.rowCount + 1; r++) for (let c = 1; c <= g.colCount + 1; c++) cells.push(g.cell(r, c) ?? 0);
    out.push([g.sheet, g.rowCount, g.colCount, g.hidden, g.merges, [...(g.hiddenRows ?? [])], [...(g.hiddenCols ?? [])], cells, validationsByAddress(opened!.validations[g.sheet])]);
  }
  return JSON.stringify(out);
}

/**
 * The file read right after the last one (rows kept) against the same file read cold (nothing kept:
 * the whole part parsed); and, for a file exceljs reads, against exceljs cell by cell.
 */
async function sameAsCold(bytes: Uint8Array, file: string, alsoExceljs: boolean): Promise<string> {
  const warm = await reading(bytes, file);
  forgetKept();
  const cold = await reading(bytes, file);
  if (warm !== cold) return `${file}: read after the last file differs from a cold reading: ${warm.slice(0, 300)} // ${cold.slice(0, 300)}`;
  if (!alsoExceljs) return JSON.parse(warm)[0].some((p: string[]) => p[0] === 'not_xlsx') ? 'refused' : 'same';
  const d = await differences(bytes, file);
  return d.length ? `${file}: differs from exceljs ${JSON.stringify(d.slice(0, 3))}` : 'same';
}

/** A filled self-assessment template's parts, and the name of its scoring sheet's part (the large one). */
async function filledParts(unit: string, seed: number): Promise<{ parts: Record<string, Uint8Array>; sheetPart: string; rand: () => number }> {
  const set = defaultSet();
  const plan = planTemplate(set, { mode: 'self', unit, year: 2024, generatedAt: '2024-12-01T00:00:00Z' });
  const wb = await renderTemplate(plan);
  const rand = rng(seed);
  fillColumn(wb.getWorksheet(plan.sheetName)!, plan, 'self', randomEntries(set, rand));
  const parts = unzipSync(await toBytes(wb));
  const sheetPart = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && parts[n].length > 32 * 1024)!;
  expect(sheetPart).toBeDefined();
  return { parts, sheetPart, rand };
}

describe('rows kept from the last file', () => {
  test('a file read after the last one gives what it gives read cold (and what exceljs gives), in every context a kept row can come back in', async () => {
    const { parts, sheetPart, rand } = await filledParts('Trường Chính trị tỉnh A', 20261203);
    let xml = strFromU8(parts[sheetPart]);
    const rowsOf = (x: string) => x.match(/<row [^>]*>.*?<\/row>/g) ?? [];
    expect(rowsOf(xml).length).toBeGreaterThan(30);
    const pickRow = (x: string) => {
      const rows = rowsOf(x);
      return rows[Math.floor(rand() * rows.length)];
    };
    /** Other contexts for a row met before (and parts broken around it). */
    const contexts: Array<(x: string) => string> = [
      (x) => x.replace(pickRow(x), (r) => `<!--${r}-->`),
      (x) => x.replace(pickRow(x), (r) => `<!--${r}`),
      (x) => x.replace(pickRow(x), (r) => `${r.replace(/<\/row>$/, '')}<![CDATA[${r}]]></row>`),
      (x) => x.replace(pickRow(x), (r) => `${r.replace(/<\/row>$/, '')}${r}</row>`),
      (x) => x.replace(pickRow(x), (r) => `${r.replace(/>.*$/, '/>')}${r}`),
      (x) => x.replace(pickRow(x), (r) => r.replace('><c ', '>\r\n<c ')),
      (x) => x.replace(pickRow(x), (r) => r.replace('<row ', '<row x="a>b" ')),
      (x) => x.replace(pickRow(x), (r) => r.replace(/<\/row>$/, '</row >')),
      (x) => x.replace(pickRow(x), (r) => r + r),
      (x) => x.replace(pickRow(x), (r) => `<x:row xmlns:x="urn:x">${r}</x:row>`),
      (x) => x.replace(pickRow(x), (r) => `<?pi ${r.replace(/\?>/g, '')}?>${r}`),
      (x) => x.replace(pickRow(x), (r) => r.replace(/<c /, '<c a="<" ')),
      (x) => x.slice(0, x.indexOf(pickRow(x)) + pickRow(x).length),
      (x) => x.replace(pickRow(x), (r) => `${r}<row r="9999">`),
      (x) => x.replace('<sheetData>', '<sheetData><rowX/>'),
    ];
    const cutBefore = readerCounts.rowsCut;
    const outcomes: Record<string, number> = {};
    const failures: string[] = [];
    for (let k = 0; k < 90; k++) {
      // The next school's file: the last one with a few numbers changed.
      for (let m = 1 + Math.floor(rand() * 3); m > 0; m--) {
        const nums = [...xml.matchAll(/<v>(\d+(?:\.\d+)?)<\/v>/g)];
        const hit = nums[Math.floor(rand() * nums.length)];
        xml = xml.slice(0, hit.index) + `<v>${Math.floor(rand() * 20) / 4}</v>` + xml.slice(hit.index! + hit[0].length);
      }
      const odd = k % 3 === 2 ? contexts[(k / 3) % contexts.length | 0] : null;
      const text = odd ? odd(xml) : xml;
      // The last file again, so that its rows are the ones kept, then this one.
      await reading(zipSync({ ...parts, [sheetPart]: strToU8(xml) }), `school-${k}-last.xlsx`);
      const o = await sameAsCold(zipSync({ ...parts, [sheetPart]: strToU8(text) }), `school-${k}.xlsx`, !odd);
      if (o !== 'same' && o !== 'refused') failures.push(o);
      outcomes[o === 'same' || o === 'refused' ? o : 'different'] = (outcomes[o === 'same' || o === 'refused' ? o : 'different'] ?? 0) + 1;
    }
    expect(failures).toEqual([]);
    expect(outcomes.refused).toBeGreaterThan(0);
    // Most rows came back and were cut out.
    expect(readerCounts.rowsCut - cutBefore).toBeGreaterThan(60 * 20);
  });

  test('rows kept from files before the last one come back too (several schools read in turn), and each file reads as it reads cold', async () => {
    const set = defaultSet();
    const plan = planTemplate(set, { mode: 'self', unit: 'Trường Chính trị tỉnh B', year: 2024, generatedAt: '2024-12-01T00:00:00Z' });
    const wb = await renderTemplate(plan);
    const rand = rng(20261204);
    // Four schools' own scores; the cluster's files come in turn three times over, so that most rows of a
    // file are those of the school read four files back (never the last file's, which is another school's).
    const files: Uint8Array[] = [];
    for (let k = 0; k < 4; k++) {
      fillColumn(wb.getWorksheet(plan.sheetName)!, plan, 'self', randomEntries(set, rand));
      files.push(await toBytes(wb));
    }
    const sheetPart = Object.keys(unzipSync(files[0])).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && unzipSync(files[0])[n].length > 32 * 1024)!;
    const rowsOf = (b: Uint8Array) => strFromU8(unzipSync(b)[sheetPart]).match(/<row [^>]*>.*?<\/row>/g) ?? [];
    const order = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
    // The rows each file shares with the one just before it (all a last-file-only reuse could cut), and
    // with any file before it in the run (all that can be cut now).
    let withLast = 0;
    let withAny = 0;
    order.forEach((k, i) => {
      if (!i) return;
      const rows = rowsOf(files[k]);
      const last = new Set(rowsOf(files[order[i - 1]]));
      const any = new Set(order.slice(0, i).flatMap((j) => rowsOf(files[j])));
      withLast += rows.filter((r) => last.has(r)).length;
      withAny += rows.filter((r) => any.has(r)).length;
    });
    expect(withAny).toBeGreaterThan(withLast + 30 * 4);
    forgetKept();
    const before = readerCounts.rowsCut;
    const warm: string[] = [];
    for (const [i, k] of order.entries()) warm.push(await reading(files[k], `school-${k}-${i}.xlsx`));
    expect(readerCounts.rowsCut - before).toBe(withAny);
    for (const [i, k] of order.entries()) {
      forgetKept();
      expect([i, warm[i] === (await reading(files[k], `school-${k}-${i}.xlsx`))]).toEqual([i, true]);
    }
    expect(await differences(files[0], 'school-0.xlsx')).toEqual([]);
  });

  test('a kept row replayed from what its events did (its program) gives what handing the events out gives: hidden and styled rows, shared formulas, rich inline text, cells out of order, rows without numbers, in cells and after foreign elements', async () => {
    const { parts, sheetPart, rand } = await filledParts('Trường Chính trị tỉnh C', 20261205);
    const xml = strFromU8(parts[sheetPart]);
    // Rows past the table, each one byte for byte in every file below (so kept, then replayed).
    const odd = [
      '<row r="601" s="1" customFormat="1" hidden="1"><c r="A601" t="inlineStr"><is><r><rPr><b/></rPr><t>đậm</t></r><r><t xml:space="preserve"> nhạt</t></r></is></c><c r="B601" t="b"><v>1</v></c><c r="C601" t="e"><v>#N/A</v></c></row>',
      '<row r="602"><c r="A602"><f t="shared" ref="A602:A603" si="7">B602*2</f><v>2</v></c><c r="B602"><v>1</v></c></row>',
      '<row r="603"><c r="A603"><f t="shared" si="7"/><v>4</v></c><c r="C603" s="1"/><c r="B603"><v>2</v></c></row>',
      '<row><c><v>5</v></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F604" t="s"><v>0</v></c></row>',
      '<row r="605"><c r="A605"><v>1</v></c><mergeCell ref="A605:B605"/><x/><c r="B605"><v>2</v></c></row>',
      '<row r="606"><c r="A606"><c r="B606"><v>1</v></c><v>3</v></c></row>',
      '<row r="604"><c r="A604"><v>7</v></c></row>',
      '<row r="607" spans="1:3"><c r="B607"><v>8</v></c><c r="A607"><v>9</v></c></row>',
    ];
    const withRows = (x: string, rows: string[]) => x.replace('</sheetData>', `${rows.join('')}</sheetData>`);
    const file = (x: string) => zipSync({ ...parts, [sheetPart]: strToU8(x) });
    /** Another school's scores: a few numbers changed. */
    const changed = (x: string) => {
      const nums = [...x.matchAll(/<v>(\d+(?:\.\d+)?)<\/v>/g)].filter((m) => m.index! < x.indexOf('<row r="601"'));
      const hit = nums[Math.floor(rand() * nums.length)];
      return x.slice(0, hit.index) + `<v>${Math.floor(rand() * 20) / 4}</v>` + x.slice(hit.index! + hit[0].length);
    };
    let x = withRows(xml, odd);
    /** Nothing kept, then three files: the first keeps the rows, the second records them, the third replays them. */
    const prime = async () => {
      forgetKept();
      for (let k = 0; k < 3; k++) {
        x = changed(x);
        await reading(file(x), `school-${k}.xlsx`);
      }
    };
    const variants = [
      x,
      // The same rows in another order (refused where out of order), twice, and inside a cell or a foreign element.
      withRows(xml, [...odd].reverse()),
      withRows(xml, [...odd, ...odd]),
      withRows(xml, [`<row r="600"><c r="A600">${odd[1]}<v>1</v></c></row>`, odd[0], `<x>${odd[3]}</x>`, odd[6]]),
      withRows(xml, [odd[0]]).replace('<sheetData>', `<sheetData>${odd[2]}`),
      withRows(xml, odd).replace(/<\/sheetData>[\s\S]*$/, ''),
    ];
    let replayed = 0;
    for (const [i, v] of variants.entries()) {
      await prime();
      const before = readerCounts.rowsReplayed;
      const o = await sameAsCold(file(v), `variant-${i}.xlsx`, false);
      replayed += readerCounts.rowsReplayed - before;
      expect([i, o === 'same' || o === 'refused' ? 'ok' : o]).toEqual([i, 'ok']);
    }
    // The rows with nothing but cells outside their cells were replayed; the others were handed out.
    expect(replayed).toBeGreaterThan(variants.length * 3);
    await prime();
    const before = readerCounts.rowsReplayed;
    const warm = await reading(file(x), 'last.xlsx');
    // Every row but the two with something else outside their cells (a foreign element, a nested cell).
    expect(readerCounts.rowsReplayed - before).toBeGreaterThan(60);
    forgetKept();
    expect(warm).toBe(await reading(file(x), 'last.xlsx'));
  });

  test('rowSpans: each span is a whole <row ...>...</row> with no other "<row" inside, in order', () => {
    const rand = rng(7);
    const bits = ['<row r="1">', '<row>', '</row>', '</row >', '<row/>', '<rowBreaks>', '<c r="A1"><v>1</v></c>', 'w', 'ro', '</ro', '<rov>', ' '];
    for (let k = 0; k < 3000; k++) {
      const s = Array.from({ length: Math.floor(rand() * 12) }, () => bits[Math.floor(rand() * bits.length)]).join('');
      const b = strToU8(s);
      const to = rand() < 0.8 ? b.length : Math.floor(rand() * (b.length + 1));
      let last = 0;
      for (const [start, end] of rowSpans(b, to)) {
        const span = s.slice(start, end);
        expect([s, span, start >= last && end <= to]).toEqual([s, span, true]);
        expect([s, /^<row[\s>]/.test(span) && /<\/row\s*>$/.test(span) && !span.slice(4).includes('<row')]).toEqual([s, true]);
        last = end;
      }
    }
  });
});
