/**
 * The ranking workbook on paper: the demo's ranking.xlsx printed to PDF by LibreOffice, read back with
 * pdftotext. Every page A4 landscape, named by its sheet (page header) and numbered; text at 8 pt or
 * more; each row's texts (unit, criterion, remark, problems) on the page the row is on, none cut; hashes
 * printed short; the matrix's numbered columns spread over pages with the units repeated, and a legend.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { thidua } from '../helpers/cli';
import { haveLibreOffice, toPdf } from '../helpers/libreoffice';
import { HAVE_POPPLER, PdfPage, readPdf } from '../helpers/pdf';
import { readRankingWorkbook } from './read-ranking';

jest.setTimeout(300_000);

const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** Every word of the text is on the page (wrapped lines may interleave with neighbours' lines). */
const hasAllWords = (page: PdfPage, s: string) => {
  const on = new Set(page.words.map((w) => w.text));
  return words(s).every((w) => on.has(w));
};

if (!HAVE_POPPLER && process.env.CI) test('poppler-utils is installed under CI', () => expect('pdftotext missing').toBe('installed'));
if (haveLibreOffice('ranking workbook printed to PDF') && HAVE_POPPLER) {
  let tmp: string;
  let pages: PdfPage[];
  let report: { ranking: Array<{ unit: string; final: number; notes: string[] }> };
  let discrepancies: Array<{ text: string; remark: string }>;
  const bySheet = (name: string) => pages.filter((p) => p.words.length && p.text.trimStart().startsWith(name));

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'thidua-print-'));
    expect(thidua(['demo', '-o', path.join(tmp, 'demo')]).code).toBe(0);
    report = JSON.parse(readFileSync(path.join(tmp, 'demo', 'ranking.json'), 'utf8'));
    discrepancies = (await readRankingWorkbook(path.join(tmp, 'demo', 'ranking.xlsx'))).discrepancies;
    pages = readPdf(toPdf(path.join(tmp, 'demo', 'ranking.xlsx'), path.join(tmp, 'pdf')));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('every page is A4 landscape, named by its sheet and numbered; the sheets take the pages they should', () => {
    for (const p of pages) {
      expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
    }
    const counts = ['Xếp hạng', 'Ma trận điểm', 'Chênh lệch', 'Nguồn'].map((s) => bySheet(s).length);
    expect(counts[0]).toBe(2); // the table, then the two charts on a page of their own
    expect(counts[1]).toBeGreaterThanOrEqual(2);
    expect(counts[1]).toBeLessThanOrEqual(6);
    expect(counts[2]).toBe(1);
    expect(counts[3]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(pages.length);
    pages.forEach((p, i) => expect(p.text).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${pages.length}\\s*$`)));
  });

  test('no text under 8 pt', () => {
    // pdftotext's word box is about 1.04 x the font size as printed (after the page's scale).
    const small = pages.flatMap((p, i) => p.words.filter((w) => w.height < 8 * 1.04).map((w) => `${i + 1}:${w.text}:${w.height.toFixed(1)}`));
    expect(small).toEqual([]);
  });

  test('Xếp hạng: every unit with its score and notes on the page, the charts printed', () => {
    const [p, charts] = bySheet('Xếp hạng');
    for (const u of report.ranking) {
      expect(flat(p.text)).toContain(u.unit);
      for (const n of u.notes) expect(hasAllWords(p, n)).toBe(true);
    }
    expect(flat(p.text)).toContain('TRƯỞNG CỤM THI ĐUA');
    expect(flat(charts.text)).toContain('Điểm xếp hạng theo đơn vị');
    expect(flat(charts.text)).toContain('Điểm tự chấm và điểm Cụm chấm');
    expect(flat(charts.text)).toContain('Ngưỡng Cờ thi đua của Học viện (95)');
    // The chart data columns are hidden: never printed as a table.
    expect(flat(p.text)).not.toContain('Ngưỡng');
  });

  test('Chênh lệch: each criterion text and remark whole, on the page of its row', () => {
    const [p] = bySheet('Chênh lệch');
    expect(discrepancies.length).toBeGreaterThan(3);
    for (const d of discrepancies) {
      expect(d.text.length).toBeGreaterThan(20);
      expect(hasAllWords(p, d.text)).toBe(true);
      if (d.remark) expect(hasAllWords(p, d.remark)).toBe(true);
    }
  });

  test('Ma trận điểm: numbered columns over pages, units repeated on each, the legend with every criterion', () => {
    const mx = bySheet('Ma trận điểm');
    // A page with any unit row has them all (units repeated on each page across); at least two such pages.
    const data = mx.filter((p) => report.ranking.some((u) => flat(p.text).includes(u.unit)));
    expect(data.length).toBeGreaterThanOrEqual(2);
    for (const p of data) for (const u of report.ranking) expect(flat(p.text)).toContain(u.unit);
    const all = flat(mx.map((p) => p.text).join(' '));
    for (const n of ['I.1', 'II.2.1', 'VII.2', 'Cộng I', 'Tổng điểm']) expect(all).toContain(n);
    expect(all).toContain('Chú thích: số thứ tự ở đầu các cột');
    expect(all).toContain('VII.2: Tập thể hoặc cá nhân bị kỷ luật từ khiển trách trở lên');
  });

  test('Nguồn: each file with its status on one page, hashes printed short', () => {
    const [p] = bySheet('Nguồn');
    const text = flat(p.text);
    // Seven files, each with its status and unit on this page (paths wrap inside their cell).
    expect((text.match(/Đã xếp hạng/g) ?? []).length).toBe(7);
    for (const u of report.ranking) expect(hasAllWords(p, u.unit)).toBe(true);
    expect(text).toMatch(/\b[0-9a-f]{12}…/);
    expect(text).not.toMatch(/\b[0-9a-f]{64}\b/);
  });
}
