/**
 * The spelled-out list of format characters (unit-name.ts: the add-in's ES2017 copy cannot use \p{Cf})
 * checked against Node's own \p{Cf} over every code point, so a Unicode update shows up here.
 */
import { escapeControls, FORMAT_CHARS, hasInvisibleChars, unitKey } from '../../engine/core/unit-name';

test('FORMAT_CHARS is exactly Unicode category Cf (outside surrogates)', () => {
  const listed = new RegExp(`^[${FORMAT_CHARS}]$`, 'u');
  const cf = /^\p{Cf}$/u;
  const differ: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (listed.test(ch) !== cf.test(ch)) differ.push(cp.toString(16));
  }
  expect(differ).toEqual([]);
});

test('format characters are folded from the key and escaped in output, astral ones included', () => {
  for (const ch of ['\u200B', '\u00AD', '\u200F', '\uFEFF', '\u{E0041}', '\u{E0100}']) {
    expect(unitKey(`Trường Chính trị${ch} tỉnh Hà Giang`)).toBe(unitKey('Trường Chính trị tỉnh Hà Giang'));
    expect(hasInvisibleChars(`a${ch}b`)).toBe(true);
  }
  expect(escapeControls('a\u200Bb\u001B[2J')).toBe('a\\u{200B}b\\x1B[2J');
  expect(escapeControls('Hoà Bình')).toBe('Hoà Bình');
});
