/**
 * The Vietnamese text of the familiar importer's messages is Vietnamese: no English fragment inside it
 * ("sửa \"step\"" explained, role names and reasons given per language, not "a / b" in both). Checked on
 * the catalog and on every warning the corpus and a few bad inputs really produce (with their filled-in
 * parameters). Text quoted from the user's workbook or typed by the user ("..."), command-line options
 * (--columns) and cell addresses are left out of the check.
 */
import { FAMILIAR_MESSAGES } from '../../engine/core/messages/familiar';
import { importFamiliar } from '../../engine/core/familiar';
import { parseColumns } from '../../engine/core/familiar/mapping';
import { gridFromRows } from '../../engine/core/grid';
import { openWorkbook } from '../../engine/workbook/open';
import { buildVariation, VARIATIONS } from '../fixtures/familiar/build';

/** English words that have no business in a Vietnamese sentence of this catalog. */
const ENGLISH = /\b(the|and|or|of|to|is|are|was|with|from|by|as|not|no|its|it|column|columns|row|rows|file|sheet|score|scores|read|reading|used|use|step|cell|max|points?|numbering|criteria|criterion|section|total|text|found|skipped|hidden|evidence|remarks?|inspection|inspected|self|bonus|deduction|cap|entries|ratio|corrupt|unknown|empty|format|header|labels?|cells|long|against|names|indentation|bold|capitals|keyword|position|texts)\b/i;

/** What is left to check: quoted text, options, placeholders, cell addresses and codes removed. */
function ownWords(vi: string): string {
  return vi
    .replace(/"[^"]*"|“[^”]*”|'[^']*'/g, ' ')
    .replace(/--[a-z-]+/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/\b[A-Z]{1,3}\d+\b/g, ' ')
    .replace(/\b[a-z]+(_[a-z]+)+\b/g, ' ');
}

test('the catalog: every Vietnamese text is Vietnamese', () => {
  const bad = Object.entries(FAMILIAR_MESSAGES)
    .filter(([, m]) => ENGLISH.test(ownWords(m.vi)))
    .map(([code, m]) => `${code}: ${m.vi} -> ${ENGLISH.exec(ownWords(m.vi))![0]}`);
  expect(bad).toEqual([]);
});

test('the warnings really produced, parameters filled in: Vietnamese text without English fragments', async () => {
  const produced: Array<{ code: string; vi: string }> = [];
  for (const v of VARIATIONS) {
    const { opened } = await openWorkbook(await buildVariation(v), `${v.name}.xlsx`);
    for (const w of importFamiliar(opened!.grids, { file: `${v.name}.xlsx` }).warnings) produced.push({ code: w.code, vi: w.messages.vi });
  }
  // Two sheets that both look like the table (the sheet choice says why), a column found by content.
  const table = (rows: number) => [
    ['TT', 'Nội dung', 'Điểm chuẩn', 'Tự chấm', ''],
    ...Array.from({ length: rows }, (_, i) => [String(i + 1), `Tiêu chí số ${i + 1} của bảng điểm thi đua`, 5, 4, 3]),
  ];
  for (const w of importFamiliar([gridFromRows('A', table(4)), gridFromRows('B', table(3))]).warnings) produced.push({ code: w.code, vi: w.messages.vi });
  for (const p of parseColumns('tt=A, foo=B').problems) produced.push({ code: p.code, vi: p.messages.vi });

  const codes = new Set(produced.map((p) => p.code));
  for (const c of ['familiar_step_assumed', 'familiar_column_by_content', 'familiar_sheet_chosen', 'familiar_level_guessed', 'familiar_columns_invalid', 'familiar_tree_mismatch'])
    expect(codes).toContain(c);
  const bad = produced.filter((p) => ENGLISH.test(ownWords(p.vi))).map((p) => `${p.code}: ${p.vi}`);
  expect(bad).toEqual([]);
});
