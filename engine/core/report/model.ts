/**
 * An administrative document (văn bản hành chính) as data, in the layout of Nghị định 30/2020/NĐ-CP:
 * agency and national motto header block, number and place/date line, title, body, recipients
 * ("Nơi nhận") and signature block. Pure: the .docx writer (engine/workbook/docx/) renders it; tests and
 * the add-in read it without a word processor.
 */

/** A piece of text; `blank` marks what the cluster lead must fill in by hand (số văn bản, người ký...). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  blank?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; runs: Run[]; align?: Align; indent?: boolean }
  | {
      kind: 'table';
      head: string[];
      rows: Array<Array<string | Run[]>>;
      /** Relative column widths. */
      widths: number[];
      align?: Align[];
      /** Rows shown bold (e.g. the total row), by index. */
      boldRows?: number[];
    };

export interface Signature {
  /** "TM. CỤM THI ĐUA", "TRƯỞNG CỤM": bold upper-case lines. */
  roles: string[];
  /** "(Ký, ghi rõ họ tên)". */
  hint: string;
  /** The signer's name: a blank unless known. */
  name: Run[];
}

export interface OfficialDoc {
  /** Left column of the header: the superior body (may be a blank) and the issuing body (bold). */
  agency: { parent: Run[]; name: string };
  /** "Số: ...../BC-CTĐ". */
  number: Run[];
  /** National name and motto (right column of the header). */
  nation: [string, string];
  /** "............, ngày ... tháng ... năm 2024" (italic). */
  placeDate: Run[];
  /** Document kind and summary (trích yếu): the first line upper-case, bold, centred. */
  title: string[];
  /** "Kính gửi: ..." under the title (proposals). */
  addressee?: Run[];
  body: Block[];
  recipients: { label: string; lines: Run[][] };
  /** One signature on the right, or two side by side (minutes: the inspected unit and the team). */
  signatures: Signature[];
}

/** One .docx: a document per section (the minutes: one per school, each starting a page). */
export interface DocFile {
  /** File name, without folder. */
  name: string;
  title: string;
  sections: OfficialDoc[];
}

/** The plain text of a document (tests, previews): every run in reading order, a line per block. */
export function docText(d: OfficialDoc): string {
  const runs = (rs: Run[]) => rs.map((r) => r.text).join('');
  const lines: string[] = [runs(d.agency.parent), d.agency.name, runs(d.number), ...d.nation, runs(d.placeDate), ...d.title];
  if (d.addressee) lines.push(runs(d.addressee));
  for (const b of d.body) {
    if (b.kind === 'heading') lines.push(b.text);
    else if (b.kind === 'para') lines.push(runs(b.runs));
    else {
      lines.push(b.head.join(' | '));
      for (const r of b.rows) lines.push(r.map((c) => (typeof c === 'string' ? c : runs(c))).join(' | '));
    }
  }
  lines.push(d.recipients.label, ...d.recipients.lines.map(runs));
  for (const s of d.signatures) lines.push(...s.roles, s.hint, runs(s.name));
  return lines.join('\n');
}
