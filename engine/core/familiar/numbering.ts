/**
 * Numbering as a small grammar rather than a list of cases:
 *
 *   numbering := [word] numeral [mark]          in the number cell ("Phần 1", "II.", "1.1.", "a)", "-")
 *              | "(" letter ")"
 *   word      := one of NUMBER_WORDS ("Phần", "PHẦN", "Mục", "Nhóm", "Tiêu chí", "Nội dung", "Chương")
 *   numeral   := ROMAN | roman | LETTER | letter | decimal path ("3", "2.1", "2.1.3") | bullet (- + * •)
 *   mark      := "." | ")" | ":"  (and "-", "–" in the text form, which must be followed by the text)
 *
 * A cell that matches several readings ("C", "i", "Mục II") gets every reading; the outline reader
 * picks the one whose sequence the number continues. Schemes are data (NUMBERING); this file only
 * composes them.
 */
import { fold } from '../grid';
import { stripMarks } from './text';
import { NUMBER_WORDS, type NumberingScheme } from './vocabulary';

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
export function romanValue(s: string): number | null {
  const t = s.toLowerCase();
  if (!/^[ivxlc]+$/.test(t)) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]];
    const next = ROMAN[t[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 200 ? total : null;
}

const letterOrdinal = (s: string) => {
  const c = s.toLowerCase();
  if (c === 'đ') return 4.5; // Vietnamese alphabet: a, b, c, d, đ, e
  return c.charCodeAt(0) - 96;
};
const asciiLetter = (s: string) => (s === 'đ' || s === 'Đ' ? 'dd' : s);
const numeralOrdinal = (n: string) => (/^\d+$/.test(n) ? Number(n) : romanValue(n) ?? letterOrdinal(n));

/** The numerals: [name, pattern of the numeral, key, ordinal, segments]. */
const NUMERALS: Array<Omit<NumberingScheme, 'cell' | 'inText'> & { numeral: string; textMark: string }> = [
  { name: 'roman', numeral: '[IVXLC]{1,6}', textMark: '\\s*[.)\\-–:]\\s+', key: () => 'roman', ordinal: romanValue, segments: (n) => [n] },
  { name: 'upper', numeral: '[A-ZĐ]', textMark: '\\s*[.)\\-–:]\\s+', key: () => 'upper', ordinal: letterOrdinal, segments: (n) => [asciiLetter(n)] },
  {
    name: 'decimal',
    numeral: '\\d{1,3}(?:\\.\\d{1,3}){0,5}',
    textMark: '\\s*(?:[.):\\-–]\\s*|\\s+(?=\\D))',
    key: (n) => `decimal${n.split('.').length}`,
    ordinal: (n) => Number(n.split('.').pop()),
    segments: (n) => n.split('.'),
  },
  {
    name: 'lroman',
    numeral: '(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})',
    textMark: '\\s*[.)]\\s+',
    key: () => 'lroman',
    ordinal: romanValue,
    segments: (n) => [n],
  },
  { name: 'lower', numeral: '[a-zđ]', textMark: '\\s*[.)]\\s*', key: () => 'lower', ordinal: letterOrdinal, segments: (n) => [asciiLetter(n)] },
  { name: 'bullet', numeral: '[-–—•+*]', textMark: '\\s+', key: (n) => `bullet${n === '+' || n === '*' ? '2' : '1'}`, ordinal: () => null, segments: () => [] },
];

const wordAlternatives = (words: string[]) => words.map((w) => w.replace(/ /g, '\\s+')).join('|');

/** Every scheme, word schemes first (tried in this order; all that match are candidates). */
export const NUMBERING: NumberingScheme[] = [
  ...NUMBER_WORDS.map(
    (w): NumberingScheme => ({
      name: w.scheme,
      // Matched on folded text: "PHẦN A" -> "phan a"; the numeral keeps its case via stripMarks below.
      cell: new RegExp(`^(?:${wordAlternatives(w.words)})\\s+([0-9]{1,3}|[ivxlc]{1,6}|[a-z])\\s*[.:)]?$`, 'i'),
      inText: new RegExp(`^(?:${wordAlternatives(w.words)})\\s+([0-9]{1,3}|[ivxlc]{1,6}|[a-z])\\s*(?:[.:)\\-–]\\s*|\\s+(?=\\S))`, 'i'),
      key: (_n, word) => `${w.scheme}:${word ?? ''}`,
      ordinal: numeralOrdinal,
      segments: (n) => [n.toUpperCase()],
      section: w.section,
    }),
  ),
  ...NUMERALS.map(
    (n): NumberingScheme => ({
      name: n.name,
      cell: n.name === 'lower' ? /^([a-zđ])\s*[.)]$|^\(([a-zđ])\)$|^([a-zđ])$/ : new RegExp(`^(${n.numeral})\\s*[.)]?$`),
      inText: n.name === 'lower' ? /^([a-zđ])\s*\)\s*|^\(([a-zđ])\)\s*/ : new RegExp(`^(${n.numeral})${n.textMark}`),
      key: n.key,
      ordinal: n.ordinal,
      segments: n.segments,
    }),
  ),
];

export interface Numbered {
  scheme: NumberingScheme;
  numeral: string;
  /** The word before the numeral, folded ("tieu chi"), for word schemes. */
  word?: string;
  /** Level key of this reading. */
  key: string;
  rest?: string;
}

function firstGroup(m: RegExpExecArray): string {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return m[0];
}

function reading(scheme: NumberingScheme, m: RegExpExecArray, s: string): Numbered {
  const numeral = firstGroup(m);
  const word = scheme.name === 'part' || scheme.name === 'word' ? fold(m[0].slice(0, m[0].toLowerCase().lastIndexOf(numeral.toLowerCase()))).trim().replace(/\s+/g, ' ') : undefined;
  return { scheme, numeral, word, key: scheme.key(numeral, word) };
}

/** Every reading of the number cell ("C" is roman or a letter, "i" roman or a letter; context decides). */
export function numberingOf(raw: string): Numbered[] {
  const s = stripMarks(raw.trim()).replace(/\s+/g, ' ');
  const out: Numbered[] = [];
  for (const scheme of NUMBERING) {
    const m = scheme.cell.exec(s);
    if (m) out.push(reading(scheme, m, s));
  }
  return out;
}

/** Numbering written at the start of the text ("1. Xây dựng...", "a) ...", "Phần 1: ...", "Tiêu chí 3. ..."). */
export function numberingInText(raw: string): Numbered | null {
  const s = stripMarks(raw);
  for (const scheme of NUMBERING) {
    if (!scheme.inText) continue;
    const m = scheme.inText.exec(s);
    // Keep the original text (with its diacritics) after the numbering: same length prefix.
    if (m && m[0].length < raw.length) return { ...reading(scheme, m, s), rest: raw.slice(m[0].length).trim() };
  }
  return null;
}

/**
 * How a numbering scheme reads a number, for the message that says which reading gave a tree whose
 * children do not add up: "đọc 'i' là số La Mã viết thường" / "'i' as a lowercase roman numeral".
 * `{n}` is the number as printed, `{word}` the word before it.
 */
export const SCHEME_READINGS: Record<string, { vi: string; en: string; name: { vi: string; en: string } }> = {
  roman: { vi: "đọc '{n}' là số La Mã (I, II, III)", en: "reading '{n}' as a roman numeral (I, II, III)", name: { vi: 'số La Mã', en: 'a roman numeral' } },
  upper: { vi: "đọc '{n}' là chữ cái in hoa (A, B, C)", en: "reading '{n}' as a capital letter (A, B, C)", name: { vi: 'chữ cái in hoa', en: 'a capital letter' } },
  decimal: { vi: "đọc '{n}' là số thứ tự nhiều cấp (1, 1.1, 1.1.1)", en: "reading '{n}' as multi-level numbering (1, 1.1, 1.1.1)", name: { vi: 'số thứ tự nhiều cấp', en: 'multi-level numbering' } },
  lroman: { vi: "đọc '{n}' là số La Mã viết thường (i, ii, iii)", en: "reading '{n}' as a lowercase roman numeral (i, ii, iii)", name: { vi: 'số La Mã viết thường', en: 'a lowercase roman numeral' } },
  lower: { vi: "đọc '{n}' là chữ cái (a, b, c)", en: "reading '{n}' as a letter (a, b, c)", name: { vi: 'chữ cái', en: 'a letter' } },
  bullet: { vi: "đọc '{n}' là gạch đầu dòng (xếp theo thứ tự hàng)", en: "reading '{n}' as a bullet (placed by row order)", name: { vi: 'gạch đầu dòng', en: 'a bullet' } },
  part: { vi: "đọc '{n}' là tên một phần (Phần 1, Chương I)", en: "reading '{n}' as the name of a part (Phần 1, Chương I)", name: { vi: 'tên một phần', en: 'the name of a part' } },
  word: { vi: "đọc '{n}' là đánh số theo từ \"{word}\" trong phần", en: "reading '{n}' as numbering by the word \"{word}\" within the section", name: { vi: 'đánh số theo từ', en: 'numbering by a word' } },
  continuous: {
    vi: "đọc '{n}' là đánh số liên tục qua các phần (\"{word}\" 1 đến n trên cả bảng)",
    en: "reading '{n}' as numbering continuous across the sections (\"{word}\" 1 to n over the whole table)",
    name: { vi: 'đánh số liên tục qua các phần', en: 'numbering continuous across sections' },
  },
};
