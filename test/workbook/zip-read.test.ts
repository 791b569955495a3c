/**
 * The reader's zip layer (engine/workbook/zip-read.ts) against fflate's own unzip: the same parts from
 * the same bytes, with the JavaScript inflate and with Node's zlib (the CLI's), parts reused only when
 * their compressed bytes and stated CRC-32 are the same, and every damaged or oversized stream refused.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { installNatives } from '../../engine/cli/natives';
import { openWorkbook } from '../../engine/workbook/open';
import { centralDirectory, crc32, inflateVerified, sameBytes, sameRange, useNativeZip } from '../../engine/workbook/zip-read';

const SAMPLES = path.join(__dirname, '..', 'fixtures', 'samples');
const samples = readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => path.join(SAMPLES, f));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}

const hosts: Array<[string, () => void]> = [
  ['JavaScript inflate and CRC-32', () => useNativeZip({})],
  ["Node's zlib", () => installNatives()],
];

afterAll(() => useNativeZip({}));

describe.each(hosts)('zip layer with %s', (_name, install) => {
  beforeEach(install);

  test('every sample workbook: the same parts as fflate unzipSync, twice (the second time from the reuse)', () => {
    expect(samples.length).toBeGreaterThan(5);
    for (const f of samples) {
      const bytes = new Uint8Array(readFileSync(f));
      const want = unzipSync(bytes);
      for (let k = 0; k < 2; k++) {
        const got = inflateVerified(bytes, centralDirectory(bytes));
        expect(got).not.toBeNull();
        expect(got!.bad).toBeUndefined();
        expect(Object.keys(got!.parts)).toEqual(Object.keys(want));
        for (const n of Object.keys(want)) expect(Buffer.compare(got!.parts[n], want[n])).toBe(0);
      }
    }
  });

  test('sameRange and sameBytes say what a plain comparison says: short and long ranges, one byte changed anywhere', () => {
    const rand = rng(11);
    for (let k = 0; k < 400; k++) {
      const len = Math.floor(rand() * 1200);
      const a = Uint8Array.from({ length: len + 20 }, () => Math.floor(rand() * 4));
      const as = Math.floor(rand() * 10);
      const b = new Uint8Array(len + 40);
      const bs = Math.floor(rand() * 20);
      b.set(a.subarray(as, as + len), bs);
      if (len && rand() < 0.5) b[bs + Math.floor(rand() * len)] ^= 1 + Math.floor(rand() * 3);
      const plain = a.subarray(as, as + len).every((x, i) => x === b[bs + i]);
      expect(sameRange(a, as, as + len, b, bs, bs + len)).toBe(plain);
      expect(sameBytes(a.subarray(as, as + len), b.subarray(bs, bs + len))).toBe(plain);
      expect(sameRange(a, as, as + len, b, bs, bs + len + 1)).toBe(false);
    }
  });

  test('random parts, stored and deflated at every level: the same parts as fflate', () => {
    const rand = rng(7);
    for (let k = 0; k < 60; k++) {
      const files: Zippable = {};
      for (let i = 0; i < 1 + Math.floor(rand() * 6); i++) {
        const len = Math.floor(rand() * 5000);
        const data = Uint8Array.from({ length: len }, () => (rand() < 0.7 ? 97 + Math.floor(rand() * 4) : Math.floor(rand() * 256)));
        files[`p${i}.xml`] = [data, { level: Math.floor(rand() * 10) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }];
      }
      const bytes = zipSync(files);
      const want = unzipSync(bytes);
      const got = inflateVerified(bytes, centralDirectory(bytes))!;
      expect(got.bad).toBeUndefined();
      expect(Object.keys(got.parts)).toEqual(Object.keys(want));
      for (const n of Object.keys(want)) expect(Buffer.compare(got.parts[n], want[n])).toBe(0);
    }
  });

  test('a part is reused only with the same compressed bytes and CRC-32; a changed one is inflated and checked', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    const a = zipSync({ 'x/same.xml': text('<a>'.repeat(500)), 'x/own.xml': text('<b>1</b>') });
    const first = inflateVerified(a, centralDirectory(a))!;
    const b = zipSync({ 'x/same.xml': text('<a>'.repeat(500)), 'x/own.xml': text('<b>2</b>') });
    const second = inflateVerified(b, centralDirectory(b))!;
    expect(second.parts['x/same.xml']).toBe(first.parts['x/same.xml']);
    expect(new TextDecoder().decode(second.parts['x/own.xml'])).toBe('<b>2</b>');
    // Same name, other content: inflated again.
    const c = zipSync({ 'x/same.xml': text('<c>'.repeat(500)) });
    const third = inflateVerified(c, centralDirectory(c))!;
    expect(third.parts['x/same.xml']).not.toBe(first.parts['x/same.xml']);
    expect(new TextDecoder().decode(third.parts['x/same.xml'])).toBe('<c>'.repeat(500));
  });

  test('a damaged stream, a wrong CRC-32 or a wrong size is refused, also after the part was reused before', async () => {
    const text = new TextEncoder().encode('<row r="1"><c r="A1"><v>7</v></c></row>'.repeat(200));
    const good = zipSync({ 'xl/s.xml': text });
    expect(inflateVerified(good, centralDirectory(good))!.bad).toBeUndefined();
    const dir = centralDirectory(good);
    const entry = dir.get('xl/s.xml')!;
    // The stated CRC-32 changed in the local header and the directory: same compressed bytes, refused.
    const crcOff = (bytes: Uint8Array) => {
      const at: number[] = [];
      for (let i = 0; i + 4 <= bytes.length; i++) {
        const sig = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
        if (sig === 0x04034b50) at.push(i + 14);
        if (sig === 0x02014b50) at.push(i + 16);
      }
      return at;
    };
    const wrongCrc = good.slice();
    for (const o of crcOff(wrongCrc)) wrongCrc[o] ^= 1;
    expect(inflateVerified(wrongCrc, centralDirectory(wrongCrc))!.bad).toBe('xl/s.xml');
    // A flipped bit inside the compressed data: refused (or thrown as a corrupt stream), or accepted only
    // when it inflates to the same bytes (a padding bit after the last block changes nothing).
    const rand = rng(3);
    let refused = 0;
    for (let k = 0; k < 40; k++) {
      const bad = good.slice();
      const at = entry.dataStart + Math.floor(rand() * entry.csize);
      bad[at] ^= 1 << Math.floor(rand() * 8);
      let verdict: string;
      try {
        const r = inflateVerified(bad, centralDirectory(bad))!;
        verdict = r.bad ?? (Buffer.compare(r.parts['xl/s.xml'], text) === 0 ? 'same bytes' : 'accepted');
      } catch {
        verdict = 'thrown';
      }
      expect(verdict).not.toBe('accepted');
      if (verdict !== 'same bytes') refused++;
    }
    expect(refused).toBeGreaterThan(30);
    // A stated size smaller than what the stream gives: refused (the native inflate stops at the size).
    const small = good.slice();
    for (const o of crcOff(small)) {
      const sizeAt = o + 8; // uncompressed size follows the CRC and the compressed size
      small[sizeAt] = (small[sizeAt] - 1) & 0xff;
    }
    let v: string;
    try {
      v = inflateVerified(small, centralDirectory(small))!.bad ?? 'accepted';
    } catch {
      v = 'thrown';
    }
    expect(v).not.toBe('accepted');
    // Through openWorkbook, a damaged workbook is not_xlsx, whichever inflate is used.
    const sample = new Uint8Array(readFileSync(samples[0]));
    await openWorkbook(sample, 'warm.xlsx');
    const parts = unzipSync(sample);
    const sheet = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const changed = { ...parts, [sheet]: parts[sheet].slice() };
    changed[sheet][changed[sheet].length - 3] ^= 2;
    const rezipped = zipSync(changed);
    // The recomputed CRC-32 matches the changed bytes: readable; now state the original CRC-32 instead.
    const withOldCrc = rezipped.slice();
    const oldCrc = crc32(parts[sheet]);
    const d = centralDirectory(rezipped).get(sheet)!;
    for (const o of crcOff(withOldCrc)) {
      const stated = (withOldCrc[o] | (withOldCrc[o + 1] << 8) | (withOldCrc[o + 2] << 16) | (withOldCrc[o + 3] << 24)) >>> 0;
      if (stated !== d.crc) continue;
      withOldCrc[o] = oldCrc & 0xff;
      withOldCrc[o + 1] = (oldCrc >>> 8) & 0xff;
      withOldCrc[o + 2] = (oldCrc >>> 16) & 0xff;
      withOldCrc[o + 3] = (oldCrc >>> 24) & 0xff;
    }
    const r = await openWorkbook(withOldCrc, 'damaged.xlsx');
    expect(r.opened).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(['not_xlsx']);
    expect(r.problems[0].messages.en).toContain(`CRC-32 mismatch in ${sheet}`);
  });
});

test('entries outside the fast path (zip64 sizes) fall back to fflate', () => {
  const bytes = zipSync({ 'a.xml': new TextEncoder().encode('<a/>') });
  const dir = centralDirectory(bytes);
  dir.set('a.xml', { ...dir.get('a.xml')!, size: -1 });
  expect(inflateVerified(bytes, dir)).toBeNull();
});
