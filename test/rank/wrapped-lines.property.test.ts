/**
 * wrappedLines (engine/core/print-measure.ts) scans the text once instead of splitting it into words:
 * over random texts (spaces, tabs, line breaks, non-breaking and ideographic spaces, Vietnamese, astral
 * characters, long words) it gives the line count of the word-splitting version it replaced.
 */
import { columnPx, isSpace, wrappedLines } from '../../engine/core/print-measure';

/** The version before (kept here as the oracle). */
function splitting(text: string, widthChars: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((columnPx(widthChars) - 8) / (fontPt * (96 / 72) * 0.45)));
  let lines = 0;
  for (const para of String(text).split('\n')) {
    let n = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) {
        n += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        n += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += n;
  }
  return Math.max(1, lines);
}

const pieces = ['a', 'Trường', 'Chính', 'trị', ' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u3000', '\u2028', '😀', 'x'.repeat(45), 'đồng hạng 2', ',', '\u000B'];
test('the same line count as splitting into words, for random texts, widths and sizes', () => {
  let x = 20261202;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor((x / 2147483648) * n);
  };
  const widths = [3, 6, 7.5, 9, 11, 24, 30, 40, 66];
  const sizes = [8, 10, 11, 12, 14];
  for (let run = 0; run < 5000; run++) {
    const s = Array.from({ length: rnd(80) }, () => pieces[rnd(pieces.length)]).join('');
    const w = widths[rnd(widths.length)];
    const pt = sizes[rnd(sizes.length)];
    if (wrappedLines(s, w, pt) !== splitting(s, w, pt)) expect([JSON.stringify(s), w, pt, wrappedLines(s, w, pt)]).toEqual([JSON.stringify(s), w, pt, splitting(s, w, pt)]);
  }
  expect(wrappedLines('', 10, 11)).toBe(1);
  expect(wrappedLines('a\n\nb', 10, 11)).toBe(3);
  expect(wrappedLines('x'.repeat(100), 10, 11)).toBe(splitting('x'.repeat(100), 10, 11));
  expect(splitting('x'.repeat(100), 10, 11)).toBeGreaterThan(3);
});

test('isSpace is /\\s/ over every UTF-16 unit', () => {
  const differ: string[] = [];
  for (let code = 0; code <= 0xffff; code++) if (isSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code.toString(16));
  expect(differ).toEqual([]);
});
