/** Text and references as SpreadsheetML carries them: escaping, column letters, cell addresses. */

/** Characters XML 1.0 cannot carry (they would corrupt the file). */
// eslint-disable-next-line no-control-regex
export const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"'\r]/;
// eslint-disable-next-line no-control-regex
const ANY = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Escaped for element text and attribute values alike (&, <, >, both quotes, CR kept as &#13;), illegal characters dropped. */
export function xmlEscape(s: string): string {
  if (!ANY.test(s)) return s;
  const t = s.replace(XML_ILLEGAL, '');
  return SPECIAL.test(t) ? t.replace(/[&<>"'\r]/g, (c) => ENTITY[c]) : t;
}

const LETTERS: string[] = [];
/** 1 -> A, 27 -> AA. */
export function colLetter(c: number): string {
  let s = LETTERS[c];
  if (s === undefined) {
    s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    LETTERS[c] = s;
  }
  return s;
}

export const cellRef = (row: number, col: number) => `${colLetter(col)}${row}`;

/** A sheet name as formulas and defined names quote it: 'It''s'. */
export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
