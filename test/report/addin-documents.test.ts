/** The consolidation tab's year-end documents: files read as the pane reads them, then the three .docx. */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readWorkbooks } from '../../addin/consolidate/read-files';
import { DOCX_MIME, yearEndFiles } from '../../addin/consolidate/year-end-documents';
import { scoreWorkbook } from '../../engine/workbook/score';
import { compile, tinyDef } from '../rank/helpers';
import { filledInspection } from '../rank/workbooks';
import { readDocx } from './read-docx';

const set = compile(tinyDef());
let tmp: string;
beforeAll(() => (tmp = mkdtempSync(path.join(tmpdir(), 'thidua-addin-docs-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the pane makes the minutes, report and proposal from the workbooks it consolidated', async () => {
  const all = { 'A.1': 10, 'A.2': 10, 'B.1': 10, 'C.1': 10, 'X.1': 2, 'D.1': 0, 'D.2': 0 };
  const books = [
    await filledInspection(set, { unit: 'Trường A', year: 2024, self: all, inspected: { ...all, 'A.2': 7 }, remarks: { 'A.2': 'Thiếu kế hoạch' } }),
    await filledInspection(set, { unit: 'Trường B', year: 2024, self: { ...all, 'C.1': 6 }, inspected: { ...all, 'C.1': 6 } }),
  ];
  const files = books.map((b, i) => ({ name: `t${i}.xlsx`, size: b.length, arrayBuffer: async () => b.slice().buffer as ArrayBuffer }));
  const c = await readWorkbooks(files, { score: (bytes, o) => scoreWorkbook(bytes, o), yieldToUi: async () => undefined });
  expect(c.ranking.units.map((u) => [u.unit, u.final])).toEqual([
    ['Trường A', 39],
    ['Trường B', 38],
  ]);
  const docs = await yearEndFiles(c, 'vi');
  expect(docs.map((d) => d.kind)).toEqual(['minutes', 'summary', 'proposal']);
  expect(DOCX_MIME).toContain('wordprocessingml');
  const read = docs.map((d) => {
    const f = path.join(tmp, d.name);
    writeFileSync(f, d.bytes);
    return readDocx(f);
  });
  const [minutes, summary, proposal] = read;
  expect(minutes.sections).toHaveLength(2);
  expect(minutes.sections[0].rows).toContainEqual(['I.2', 'a2', '10', '7', 'Thiếu kế hoạch']);
  expect(minutes.sections[1].paragraphs).toContain('Đoàn kiểm tra thống nhất với điểm tự chấm của đơn vị ở tất cả các tiêu chí.');
  expect(summary.sections[0].rows).toContainEqual(['1', 'Trường A', '42', '39', '39', 'Xuất sắc']);
  expect(summary.sections[0].rows).toContainEqual(['2', 'Trường B', '38', '38', '38', 'Xuất sắc']);
  expect(proposal.text).toContain('1. Cờ thi đua: 1 đơn vị');
  expect(proposal.sections[0].rows).toContainEqual(['1', 'Trường A', '39', '1', 'Xuất sắc']);
});
