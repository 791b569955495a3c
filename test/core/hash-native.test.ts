/**
 * The CLI's SHA-256 (Node's crypto, engine/cli/natives.ts) gives the digests @noble/hashes gives, on
 * random strings (Vietnamese, emoji, lone surrogates, control characters) and bytes: set hashes, stamps
 * and metadata digests written by one are read by the other (the add-in keeps noble's).
 */
import { installNatives } from '../../engine/cli/natives';
import { sha256Hex, useNativeSha256 } from '../../engine/core/hash';
import { useNativeZip } from '../../engine/workbook/zip-read';

afterAll(() => {
  useNativeSha256(undefined);
  useNativeZip({});
});

test('Node and noble SHA-256 agree on random strings and bytes', () => {
  let seed = 11;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const pieces = ['a', 'Điểm', 'ệ', '😀', '\uD800', '\uDFFF', '\u0000', '\r\n', ' '.repeat(70), '{"k":1}'];
  const strings = ['', 'abc', 'thidua-self-1\n{}'];
  for (let k = 0; k < 400; k++) strings.push(Array.from({ length: Math.floor(rand() * 40) }, () => pieces[Math.floor(rand() * pieces.length)]).join(''));
  const bytes = Array.from({ length: 50 }, () => Uint8Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256)));
  useNativeSha256(undefined);
  const noble = [...strings.map((s) => sha256Hex(s)), ...bytes.map((b) => sha256Hex(b))];
  installNatives();
  const node = [...strings.map((s) => sha256Hex(s)), ...bytes.map((b) => sha256Hex(b))];
  expect(node).toEqual(noble);
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
