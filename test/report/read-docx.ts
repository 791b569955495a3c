/** Reading a .docx back for the tests: its XML parts unzipped, paragraphs and table rows as plain text. */
import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { xmlUnescape } from '../helpers/xml-text';

const textOf = (xml: string) => xmlUnescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

export interface DocxRead {
  parts: Record<string, string>;
  /** The body, one entry per section (w:sectPr ends a section). */
  sections: Array<{ paragraphs: string[]; rows: string[][]; xml: string }>;
  text: string;
}

export function readDocx(file: string): DocxRead {
  const parts = Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([k, v]) => [k, strFromU8(v)]));
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(parts['word/document.xml'])![1];
  const chunks = body.split(/<w:sectPr[\s\S]*?<\/w:sectPr>/).filter((c) => /<w:t[\s>]/.test(c));
  const sections = chunks.map((xml) => ({
    xml,
    paragraphs: [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0])),
    rows: [...xml.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
  }));
  return { parts, sections, text: sections.map((s) => s.paragraphs.join('\n')).join('\n') };
}
