/**
 * Unit names: kept as written for display, compared through one key. The key folds what prints the
 * same: Unicode NFC, runs of white space (any kind), case, old/new tone placement (Hoà/Hòa), and every
 * invisible or format character (zero-width space and joiners, soft hyphen, direction marks and
 * embeddings, BOM, variation selectors, Hangul fillers, Mongolian separators). Control characters are
 * not folded: a name holding one is refused (see unitNameProblem).
 */

/** Invisible characters that change nothing on screen: removed from the comparison key. */
/**
 * Unicode's format characters (general category Cf), spelled out: ES2017, which the add-in's copy of
 * the engine must parse in EdgeHTML, has no \p{Cf}. test/core/unit-name-format-chars.test.ts checks this list
 * against \p{Cf} over every code point.
 */
export const FORMAT_CHARS =
  '\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F' +
  '\\uFEFF\\uFFF9-\\uFFFB\\u{110BD}\\u{110CD}\\u{13430}-\\u{1343F}\\u{1BCA0}-\\u{1BCA3}\\u{1D173}-\\u{1D17A}\\u{E0001}\\u{E0020}-\\u{E007F}';
const INVISIBLE = new RegExp(`[${FORMAT_CHARS}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u3164\\uFE00-\\uFE0F\\uFFA0\\u{E0100}-\\u{E01EF}]`, 'gu');
const PRINT_UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${FORMAT_CHARS}]`, 'gu');
/** C0 and C1 control characters (tab, CR and LF included: a unit name is one line). */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

export function unitKey(name: string): string {
  return name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi')
    .replace(/[oóòỏõọ][aàáảãạeèéẻẽẹ]|[uúùủũụ][yỳýỷỹỵ]/g, retone);
}

const TONES: Record<string, [string, number]> = {};
for (const [base, forms] of Object.entries({ a: 'àáảãạ', e: 'èéẻẽẹ', y: 'ỳýỷỹỵ', o: 'òóỏõọ', u: 'ùúủũụ' }))
  [...forms].forEach((ch, i) => (TONES[ch] = [base, i]));

/** "oà" and "òa" are the same syllable written in two styles; compare them as the plain pair + tone. */
function retone(pair: string): string {
  const [a, b] = [...pair];
  const ta = TONES[a];
  const tb = TONES[b];
  const tone = ta ? ta[1] : tb ? tb[1] : -1;
  return `${ta ? ta[0] : a}${tb ? tb[0] : b}${tone >= 0 ? `#${tone}` : ''}`;
}

/** The name holds a control character (refused: it could hide or rewrite text on a terminal). */
export function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

/** The name holds invisible format characters (folded for comparison; worth a warning). */
export function hasInvisibleChars(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  const r = INVISIBLE.test(s);
  INVISIBLE.lastIndex = 0;
  return r;
}

/**
 * Text safe to print on a terminal or in a log line: control characters and invisible format
 * characters shown as \xHH / \u{HHHH} escapes (the text stays readable and nothing is executed).
 */
export function escapeControls(s: string): string {
  PRINT_UNSAFE.lastIndex = 0;
  if (!PRINT_UNSAFE.test(s)) return s;
  PRINT_UNSAFE.lastIndex = 0;
  return s.replace(PRINT_UNSAFE, (c) => {
    const n = c.codePointAt(0)!;
    return n < 0x100 ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${n.toString(16).toUpperCase()}}`;
  });
}
