/**
 * The signature never stands alone on a page: documents of every length between one and three pages,
 * written by the .docx writer, laid out by LibreOffice Writer (an independent word processor) and read
 * back from the PDF. On the page where each document's signature block is printed, at least the last
 * body paragraph (or the last rows of a closing table) is printed too, and nothing of the document
 * follows on a later page. One and two signatures; a body ending in a paragraph and in a table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Block, OfficialDoc } from '../../engine/core/report/model';
import { writeDocx } from '../../engine/workbook/docx/write-docx';
import { haveLibreOfficeWriter, toPdf } from '../helpers/libreoffice';
import { HAVE_POPPLER, readPdf } from '../helpers/pdf';

jest.setTimeout(300_000);

/** A document whose body is `n` paragraphs (each a marked line) or n-4 paragraphs and a closing table. */
function doc(id: string, n: number, endsInTable: boolean, signatures: 1 | 2): OfficialDoc {
  const body: Block[] = [];
  const paras = endsInTable ? n - 4 : n;
  for (let i = 1; i <= paras; i++)
    body.push({ kind: 'para', runs: [{ text: `B${id}x${i} Nội dung báo cáo của cụm thi đua, đoạn thứ ${i}.` }], indent: true });
  if (endsInTable)
    body.push({ kind: 'table', head: ['TT', 'Đơn vị', 'Điểm'], widths: [1, 6, 2], rows: [1, 2, 3, 4].map((k) => [String(k), `R${id}x${k} Trường Chính trị`, '95,5']) });
  const sig = (role: string) => ({ roles: [role], hint: '(Ký, ghi rõ họ tên)', name: [{ text: '....................', blank: true }] });
  return {
    agency: { parent: [{ text: 'CỤM THI ĐUA' }], name: 'TRƯỞNG CỤM' },
    number: [{ text: 'Số: ..../BC-CTĐ' }],
    nation: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    placeDate: [{ text: '........, ngày ... tháng ... năm 2024' }],
    title: [`BÁO CÁO T${id}`],
    body,
    recipients: { label: 'Nơi nhận:', lines: [[{ text: '- Các trường;' }], [{ text: '- Lưu: VT.' }]] },
    signatures: signatures === 1 ? [sig(`S${id}KY`)] : [sig(`S${id}KY`), sig(`S${id}HAI`)],
  };
}

if (!HAVE_POPPLER && process.env.CI) test('poppler-utils is installed under CI', () => expect('pdftotext missing').toBe('installed'));
if (haveLibreOfficeWriter('documents laid out by LibreOffice Writer') && HAVE_POPPLER) {
  let tmp: string;
  beforeAll(() => void (tmp = mkdtempSync(path.join(tmpdir(), 'thidua-keep-'))));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // Each variant is a file of sections (each section starts a page), one per body length: the ending
  // crosses the first and the second page break somewhere in the range.
  test.each([
    ['paragraphs, one signature', false, 1],
    ['a closing table, one signature', true, 1],
    ['paragraphs, two signatures', false, 2],
  ] as const)('the signature block keeps the end of the body on its page (%s)', async (name, endsInTable, signatures) => {
    const lengths = Array.from({ length: 40 }, (_, i) => 6 + i);
    const sections = lengths.map((n) => doc(String(n), n, endsInTable, signatures));
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.docx`);
    writeFileSync(file, await writeDocx({ name: path.basename(file), title: name, sections }));
    const pages = readPdf(toPdf(file, path.join(tmp, 'pdf')));
    const words = pages.map((p) => new Set(p.words.map((w) => w.text)));
    const pagesOf = (re: RegExp) => words.flatMap((w, i) => ([...w].some((x) => re.test(x)) ? [i] : []));
    let crossed = 0;
    for (const n of lengths) {
      const mine = pagesOf(new RegExp(`^(T|B|R|S)${n}(x|KY|HAI|$)`));
      const sigPage = pagesOf(new RegExp(`^S${n}KY$`));
      expect(sigPage).toHaveLength(1);
      const last = endsInTable ? `R${n}x4` : `B${n}x${n}`;
      // The last body line is on the signature's page, and that page is the document's last.
      expect({ n, signaturePage: sigPage[0], lastBodyOn: pagesOf(new RegExp(`^${last}$`)) }).toEqual({ n, signaturePage: sigPage[0], lastBodyOn: sigPage });
      expect(Math.max(...mine)).toBe(sigPage[0]);
      if (mine.length > 1) crossed++;
    }
    // The range did make documents of more than one page (else the test proves nothing).
    expect(crossed).toBeGreaterThan(10);
  });
}
