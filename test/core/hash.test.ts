/**
 * canonicalJson's shortcut for flat records of strings gives the very text of the general form (a
 * replacer sorting every object's keys), on random records: integer-like keys (which JSON orders
 * first), "__proto__", Vietnamese, emoji and lone surrogates, values that are not all strings (the
 * general form then), the same keys again with other values. Stamps and set hashes already written
 * depend on this text.
 */
import { canonicalJson, hashCriteriaSet } from '../../engine/core/hash';

/** The general form as it was written before the shortcut. */
const reference = (value: unknown) =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );

test('flat records of strings, and records that are not: the same text as the general form', () => {
  let seed = 5;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const keys = ['I.1', 'II.3', '1', '2', '10', '0', '01', '-1', '1.5', '4294967295', '4294967294', '__proto__', 'toJSON', 'constructor', 'Điểm', 'a b', '', '😀', '\uD800', '@tong'];
  const strings = ['', '9', '8.5', 'x', 'Trường Chính trị', '"', '\\', '\u0000', '\uDFFF', '😀', '<v>'];
  const others: unknown[] = [1, 0.5, -0, NaN, null, true, undefined, [1, 'a'], { z: '1', a: '2' }, new Date(0)];
  let flat = 0;
  for (let n = 0; n < 3000; n++) {
    const o: Record<string, unknown> = {};
    const size = Math.floor(rand() * 12);
    for (let i = 0; i < size; i++) Object.defineProperty(o, pick(keys), { value: rand() < 0.1 ? pick(others) : pick(strings), enumerable: true, writable: true, configurable: true });
    if (Object.values(o).every((v) => typeof v === 'string')) flat++;
    expect(canonicalJson(o)).toBe(reference(o));
    // The same keys again, in the same order, with other values (as the next file's stamp has them).
    const again = Object.fromEntries(Object.keys(o).map((k) => [k, pick(strings)]));
    expect(canonicalJson(again)).toBe(reference(again));
    const reversed = Object.fromEntries(Object.keys(o).reverse().map((k) => [k, pick(strings)]));
    expect(canonicalJson(reversed)).toBe(reference(reversed));
    const nested = { b: o, a: [o, 'x'], c: '1' };
    expect(canonicalJson(nested)).toBe(reference(nested));
  }
  expect(flat).toBeGreaterThan(1000);
  for (const v of [null, 'x', 1, [], ['b', 'a'], Object.create(null), Object.assign(Object.create(null), { b: '1', a: '2' }), new (class K { a = 'x'; })()])
    expect(canonicalJson(v)).toBe(reference(v));
});

test('a set hash does not move', () => {
  // The hash of a small definition, as written by earlier versions.
  expect(hashCriteriaSet({ id: 'x', title: 'T', sections: [{ id: 'I', criteria: [{ id: 'I.1', max: 2 }] }] })).toBe(
    require('crypto').createHash('sha256').update(reference({ id: 'x', title: 'T', sections: [{ id: 'I', criteria: [{ id: 'I.1', max: 2 }] }] })).digest('hex'),
  );
});
