/**
 * The scoring template on paper: templates printed to PDF by LibreOffice (one soffice start for all),
 * read back with pdftotext. The bundled set in both modes, and a set whose every criterion, evidence
 * and remark text is long (each text starts and ends with a marker word, so where it lies on the page
 * can be found). For every visible sheet: A4 in the plan's orientation, the page count the row heights
 * give, page numbers, the header row on every page, text at 8 pt or more, every criterion, evidence
 * and remark text whole on the page of its row, and no row's text running into the next row (a text
 * cut by its row's height still has its glyphs in the PDF, below the row: the next row's markers would
 * be above them).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CompiledSet, loadCriteriaDef } from '../../engine/core';
import type { TemplateOptions, TemplatePlan } from '../../engine/core/template/plan';
import { writeTemplate } from '../../engine/workbook/template/write';
import { haveLibreOffice, privateProfile, SOFFICE } from '../helpers/libreoffice';
import { HAVE_POPPLER, PdfPage, readPdf } from '../helpers/pdf';
import { defaultSet } from './helpers';

jest.setTimeout(300_000);

/** Words, also split where LibreOffice may break a line (after "-" and "/"). */
const words = (s: string) => s.split(/[\s/-]+/).filter((w) => w.length > 0);
const flat = (s: string) => s.replace(/\s+/g, ' ');
const hasAllWords = (page: PdfPage, s: string) => {
  const on = new Set(page.words.flatMap((w) => words(w.text)));
  return words(s).filter((w) => !on.has(w));
};

const FILLER = [
  'theo đúng hướng dẫn của Học viện Chính trị quốc gia Hồ Chí Minh và kế hoạch của Cụm thi đua',
  'có báo cáo kết quả bằng văn bản gửi Cụm trưởng trước ngày 15 tháng 11',
  'bảo đảm chất lượng, hiệu quả, đúng tiến độ và có sản phẩm cụ thể được cấp có thẩm quyền ghi nhận',
];

/** The bundled set with every node's text lengthened and marked "Tn" ... "Tnz". */
function longSet(): { set: CompiledSet; marks: Map<string, number> } {
  const def = JSON.parse(JSON.stringify(defaultSet().def)) as { sections: Array<Record<string, unknown>> };
  const marks = new Map<string, number>();
  let i = 0;
  const walk = (n: Record<string, unknown>) => {
    i++;
    marks.set(String(n.id), i);
    n.text = `T${i} ${n.text} ${FILLER.slice(0, 1 + (i % 3)).join('; ')} T${i}z`;
    for (const c of (n.children as Array<Record<string, unknown>> | undefined) ?? []) walk(c);
  };
  def.sections.forEach(walk);
  const r = loadCriteriaDef(def);
  if (!r.set) throw new Error(JSON.stringify(r.problems));
  return { set: r.set, marks };
}

/** Long evidence ("En" ... "Enz") and remarks ("Rn" ... "Rnz") for every criterion; some short. */
function longTexts(set: CompiledSet, marks: Map<string, number>) {
  const evidence: Record<string, string> = {};
  const remarks: Record<string, string> = {};
  for (const leaf of set.leaves) {
    const i = marks.get(leaf.id)!;
    const docs = Array.from({ length: 1 + (i % 5) }, (_, k) => `Quyết định số ${i * 10 + k}/QĐ-TCT ngày ${1 + k}/0${1 + (k % 9)}/2024 về ${FILLER[k % 3]}`);
    evidence[leaf.id] = `E${i} ${docs.join('; ')} E${i}z`;
    remarks[leaf.id] = i % 4 === 0 ? `R${i} Đạt R${i}z` : `R${i} Đoàn kiểm tra trừ điểm vì ${FILLER[(i + 1) % 3]}; ${FILLER[i % 3]} R${i}z`;
  }
  return { evidence, remarks };
}

interface Printed {
  plan: TemplatePlan;
  pages: PdfPage[];
  /** Pages of the scoring sheet and of the instructions sheet. */
  scoring: PdfPage[];
  guide: PdfPage[];
}

/** Print every workbook to PDF in one LibreOffice start. */
function printAll(files: string[], outDir: string): void {
  const profile = privateProfile({ recalcOnLoad: false });
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}

/** A4 sizes in points: [width, height]. */
const A4 = { portrait: [595, 842], landscape: [842, 595] };

if (!HAVE_POPPLER && process.env.CI) test('poppler-utils is installed under CI', () => expect('pdftotext missing').toBe('installed'));
if (haveLibreOffice('scoring template printed to PDF') && HAVE_POPPLER) {
  let tmp: string;
  const printed: Record<string, Printed> = {};
  const { set: long, marks } = longSet();
  const texts = longTexts(long, marks);
  const cases: Record<string, { set: CompiledSet; opts: TemplateOptions }> = {
    'default-self': { set: defaultSet(), opts: { mode: 'self', unit: 'Trường Chính trị tỉnh Phú Thọ' } },
    'default-inspection': { set: defaultSet(), opts: { mode: 'inspection', lang: 'en', unit: 'Trường Chính trị tỉnh Phú Thọ' } },
    'long-self': { set: long, opts: { mode: 'self', unit: 'Trường Chính trị tỉnh Hòa Bình' } },
    'long-inspection': { set: long, opts: { mode: 'inspection', unit: 'Trường Chính trị tỉnh Hòa Bình', prefill: { evidence: texts.evidence, remarks: texts.remarks } } },
  };

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'thidua-tprint-'));
    const files: string[] = [];
    const plans: Record<string, TemplatePlan> = {};
    for (const [name, c] of Object.entries(cases)) {
      const { bytes, plan } = await writeTemplate(c.set, c.opts);
      const file = path.join(tmp, `${name}.xlsx`);
      writeFileSync(file, bytes);
      files.push(file);
      plans[name] = plan;
    }
    mkdirSync(path.join(tmp, 'pdf'));
    printAll(files, path.join(tmp, 'pdf'));
    for (const name of Object.keys(cases)) {
      const plan = plans[name];
      const pages = readPdf(path.join(tmp, 'pdf', `${name}.pdf`));
      // Each page's footer names its sheet (left) before the page number.
      const footerSheet = (p: PdfPage) => flat(p.text).trim().replace(/\s*(Trang|Page) \d+\/\d+$/, '');
      printed[name] = {
        plan,
        pages,
        scoring: pages.filter((p) => footerSheet(p).endsWith(plan.sheetName)),
        guide: pages.filter((p) => footerSheet(p).endsWith(plan.instructionsSheetName)),
      };
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const names = Object.keys(cases);

  test.each(names)('%s: every page A4 in the plan orientation, numbered, of a visible sheet; the page count the row heights give', (name) => {
    const { plan, pages, scoring, guide } = printed[name];
    expect(plan.print.orientation).toBe('landscape');
    expect(plan.print.instructions.orientation).toBe('portrait');
    expect(scoring.length + guide.length).toBe(pages.length);
    expect(guide.length).toBe(1);
    for (const p of scoring) expect([Math.round(p.width), Math.round(p.height)]).toEqual(A4.landscape);
    for (const p of guide) expect([Math.round(p.width), Math.round(p.height)]).toEqual(A4.portrait);
    const word = plan.lang === 'vi' ? 'Trang' : 'Page';
    pages.forEach((p, i) => expect(flat(p.text)).toMatch(new RegExp(`${word} ${i + 1}/${pages.length}\\s*$`)));
    // Pages from the plan's row heights: printable height at the plan's scale, the header row repeated.
    const m = plan.print.margins;
    const usable = (A4.landscape[1] - 72 * (m.top + m.bottom)) / (plan.print.scale / 100);
    const heights = plan.rows.map((r) => r.height ?? 15);
    const header = plan.rows.find((r) => r.row === plan.headerRow)!.height!;
    const total = heights.reduce((a, b) => a + b, 0) + (plan.lastRow - plan.rows.length) * 15;
    const least = Math.ceil(total / usable);
    const most = Math.ceil((total + header * least) / (usable * 0.9)) + 1;
    expect(scoring.length).toBeGreaterThanOrEqual(least);
    expect(scoring.length).toBeLessThanOrEqual(most);
  });

  test.each(names)('%s: the scale keeps text at 8 pt or more; the header row is on every page', (name) => {
    const { plan, pages, scoring } = printed[name];
    expect(plan.print.printedPt).toBeGreaterThanOrEqual(8);
    expect(plan.print.instructions.printedPt).toBeGreaterThanOrEqual(8);
    // pdftotext's word box is about 1.04 x the font size as printed (after the page's scale).
    const small = pages.flatMap((p, i) => p.words.filter((w) => w.height < 8 * 1.04).map((w) => `${i + 1}:${w.text}:${w.height.toFixed(1)}`));
    expect(small).toEqual([]);
    const headers = plan.columns.filter((c) => !c.hidden).map((c) => c.header);
    for (const p of scoring) for (const h of headers) expect(hasAllWords(p, h)).toEqual([]);
    // The title block, the unit and the signature block whole.
    const all = flat(scoring.map((p) => p.text).join(' '));
    expect(all).toContain(plan.lang === 'vi' ? 'Đơn vị:' : 'Unit:');
    expect(all).toContain(plan.meta.unit);
    const sign = plan.rows.filter((r) => r.kind === 'signature').flatMap((r) => r.cells.map((c) => String(c.value ?? '')));
    for (const s of sign) expect(hasAllWords(scoring[scoring.length - 1], s)).toEqual([]);
  });

  test.each(names)('%s: every criterion, evidence and remark text whole on the page of its row; instructions whole', (name) => {
    const { plan, scoring, guide } = printed[name];
    const cellsOf = (kinds: string[]) => plan.rows.flatMap((r) => r.cells.filter((c) => kinds.includes(c.kind) && typeof c.value === 'string' && c.value).map((c) => ({ row: r.row, text: String(c.value) })));
    const texts = cellsOf(['text', 'evidence', 'remark']);
    expect(texts.length).toBeGreaterThan(40);
    for (const t of texts) {
      // The page holding the row: the one with its first word the most of its words.
      const missing = scoring.map((p) => hasAllWords(p, t.text));
      const best = Math.min(...missing.map((m) => m.length));
      expect({ row: t.row, missing: best === 0 ? [] : missing.find((m) => m.length === best) }).toEqual({ row: t.row, missing: [] });
    }
    for (const l of plan.instructions) expect(hasAllWords(guide[0], l.text)).toEqual([]);
  });

  test('long texts: each row\'s criterion, evidence and remark on one page, above the next row (nothing cut or spilled)', () => {
    const { plan, scoring } = printed['long-inspection'];
    expect(scoring.length).toBeGreaterThanOrEqual(4);
    // Every node row's markers: its criterion text, and for criteria its evidence and remark.
    const rows = long.nodes.map((n) => {
      const i = marks.get(n.id)!;
      const m = [`T${i}`, `T${i}z`];
      if (n.isLeaf) m.push(`E${i}`, `E${i}z`, `R${i}`, `R${i}z`);
      return { id: n.id, marks: m };
    });
    const where = rows.map((r) => {
      const found = r.marks.map((mk) => {
        const hits = scoring.flatMap((p, page) => p.words.filter((w) => w.text === mk).map((w) => ({ page, top: w.y, bottom: w.y + w.height })));
        expect({ mark: mk, hits: hits.length }).toEqual({ mark: mk, hits: 1 });
        return hits[0];
      });
      const pages = new Set(found.map((f) => f.page));
      expect({ id: r.id, pages: pages.size }).toEqual({ id: r.id, pages: 1 });
      return { id: r.id, page: found[0].page, top: Math.min(...found.map((f) => f.top)), bottom: Math.max(...found.map((f) => f.bottom)) };
    });
    for (let k = 1; k < where.length; k++) {
      const [a, b] = [where[k - 1], where[k]];
      expect(b.page).toBeGreaterThanOrEqual(a.page);
      if (a.page === b.page) expect({ rows: `${a.id} above ${b.id}`, ok: a.bottom <= b.top + 0.5 }).toEqual({ rows: `${a.id} above ${b.id}`, ok: true });
    }
    // The evidence the school gave and the remarks are in the plan: the rows are as high as their text.
    for (const leaf of long.leaves) {
      const row = plan.rows.find((r) => r.key === leaf.id)!;
      expect(row.cells.find((c) => c.kind === 'evidence')!.value).toBe(texts.evidence[leaf.id]);
      expect(row.cells.find((c) => c.kind === 'remark')!.value).toBe(texts.remarks[leaf.id]);
      expect(row.autoFit).toBe(true);
    }
  });
}
