/**
 * An administrative document (engine/core/report/model.ts) as a .docx, with the `docx` library, in the
 * presentation of Nghị định 30/2020/NĐ-CP: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times
 * New Roman, body 14 pt justified with a 1 cm first-line indent; header block of two columns (agency and
 * number | national name, motto and place/date); page numbers centred in the top margin from page 2;
 * "Nơi nhận" (12/11 pt) and the signature block side by side at the end. Blanks the lead fills are
 * highlighted in yellow. Returns bytes; writing the file is the caller's (CLI) or the host's (add-in).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Align, Block, DocFile, OfficialDoc, Run, Signature } from '../../core/report/model';

const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = 28; // half-points: 14 pt
const TABLE_TEXT = 26; // 13 pt

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function runs(rs: Run[], size = BODY, extra: { bold?: boolean; italic?: boolean } = {}): TextRun[] {
  return rs.map(
    (r) =>
      new TextRun({
        text: r.text,
        font: FONT,
        size,
        bold: r.bold ?? extra.bold,
        italics: r.italic ?? extra.italic,
        ...(r.blank ? { highlight: 'yellow' } : {}),
      }),
  );
}

const para = (children: TextRun[], o: { align?: Align; indent?: boolean; before?: number; after?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'left'],
    indent: o.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 276 },
    keepNext: o.keepNext,
  });

const text = (s: string, size = BODY, o: { bold?: boolean; italic?: boolean; underline?: boolean; align?: Align } = {}) =>
  para([new TextRun({ text: s, font: FONT, size, bold: o.bold, italics: o.italic, underline: o.underline ? {} : undefined })], { align: o.align ?? 'center' });

function cell(children: Paragraph[], width: number, o: { shade?: boolean; borders?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(o.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
  });
}

/** Two borderless columns, e.g. the header block or Nơi nhận | signature. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const a = Math.round(TEXT_WIDTH * leftShare);
  const b = TEXT_WIDTH - a;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [a, b],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, a), cell(right, b)], cantSplit: true })],
  });
}

function headerBlock(d: OfficialDoc): Table {
  const left = [
    para(runs(d.agency.parent, 26), { align: 'center' }),
    text(d.agency.name, 26, { bold: true }),
    text('________', 26, { bold: true }),
    para(runs(d.number, 26), { align: 'center', before: 60 }),
  ];
  const right = [
    text(d.nation[0], 24, { bold: true }),
    text(d.nation[1], 28, { bold: true }),
    text('_______________________', 26, { bold: true }),
    para(runs(d.placeDate, 28, { italic: true }), { align: 'center', before: 60 }),
  ];
  return twoColumns(left, right, 0.42);
}

/** `keepLast`: the last rows stay on the page of what follows (the document's ending). */
function table(b: Extract<Block, { kind: 'table' }>, keepLast = 0): Table {
  const sum = b.widths.reduce((x, y) => x + y, 0);
  const widths = b.widths.map((x) => Math.round((TEXT_WIDTH * x) / sum));
  const kept = b.rows.length - keepLast;
  const cellPara = (v: string | Run[], i: number, bold: boolean, k: number) =>
    para(runs(typeof v === 'string' ? [{ text: v }] : v, TABLE_TEXT, { bold }), { align: b.align?.[i] ?? 'left', keepNext: k >= kept || undefined });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.head.map((h, i) => cell([para(runs([{ text: h }], TABLE_TEXT, { bold: true }), { align: 'center' })], widths[i], { shade: true })),
  });
  const rows = b.rows.map(
    (r, k) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell([cellPara(v, i, !!b.boldRows?.includes(k), k)], widths[i])) }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, borders: BORDERS, rows: [head, ...rows] });
}

function signatureParas(s: Signature): Paragraph[] {
  return [
    ...s.roles.map((r) => text(r, 28, { bold: true })),
    text(s.hint, 28, { italic: true }),
    ...[0, 1, 2, 3].map(() => text('', 28)),
    para(runs(s.name, 28, { bold: true }), { align: 'center' }),
  ];
}

/** Rows of a table closing the body that go to the ending's page with it. */
const KEPT_ROWS = 2;

function ending(d: OfficialDoc): Table[] {
  const recipients = [
    para([new TextRun({ text: d.recipients.label, font: FONT, size: 24, bold: true, italics: true })]),
    ...d.recipients.lines.map((l) => para(runs(l, 22))),
  ];
  if (d.signatures.length === 1) return [twoColumns(recipients, signatureParas(d.signatures[0]), 0.45)];
  const out = [twoColumns(signatureParas(d.signatures[0]), signatureParas(d.signatures[1]), 0.5)];
  out.push(twoColumns(recipients, [text('')], 0.6));
  return out;
}

function sectionOf(d: OfficialDoc) {
  const children: Array<Paragraph | Table> = [headerBlock(d)];
  d.title.forEach((t, i) => children.push(para(runs([{ text: t }], 28, { bold: true }), { align: 'center', before: i === 0 ? 360 : 0 })));
  children.push(text('________', 28, { bold: true }));
  if (d.addressee) children.push(para(runs(d.addressee, 28), { align: 'center', before: 120, after: 120 }));
  // The signature never stands alone on a page (Nghị định 30 practice): the body's last paragraph, or
  // a closing table's last rows, are kept with the ending, so a page break falls before them instead.
  d.body.forEach((b, i) => {
    const last = i === d.body.length - 1 || undefined;
    if (b.kind === 'heading') children.push(para(runs([{ text: b.text }], BODY, { bold: true }), { before: 120, keepNext: true }));
    else if (b.kind === 'para') children.push(para(runs(b.runs), { align: b.align ?? 'justify', indent: b.indent, before: 60, keepNext: last }));
    else children.push(table(b, last ? KEPT_ROWS : 0), para([], { after: 60, keepNext: last }));
  });
  children.push(para([], { after: 120, keepNext: true }), ...ending(d));
  return {
    properties: {
      page: { size: PAGE, margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM) } },
      titlePage: true,
    },
    headers: {
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })] }),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    children,
  };
}

export async function writeDocx(file: DocFile): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'thidua',
    title: file.title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: file.sections.map(sectionOf),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

