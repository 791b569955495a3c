/**
 * The zip layer of the .xlsx reader: CRC-32, the central directory checked against the local headers,
 * and the parts inflated and verified. Browser-safe (no Node imports): a host with a native inflate and
 * CRC-32 (Node's zlib) hands them in with useNativeZip, which gives the same bytes faster.
 *
 * Parts that come back byte for byte in every workbook made from one template (theme, styles, drawings,
 * relationships, properties) are inflated once: the next file's part with the same name, the same stated
 * CRC-32 and size and exactly the same compressed bytes (compared in full) gets the bytes the first one
 * inflated to and was verified with, as inflating again would give.
 */
import { inflateSync } from 'fflate';

/** The workbook's XML is not what an .xlsx holds (reported as not_xlsx by the caller). */
export class XlsxFormatError extends Error {
  constructor(
    message: string,
    /** Where, when the fault is in one sheet (named in the not_xlsx problem). */
    readonly where: { sheet?: string; cell?: string } = {},
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------
// CRC-32 and the zip's central directory

let crcTables: Int32Array[] | null = null;
/** The CRC-32 table and the seven derived from it for slicing by 8 (eight bytes a step). */
function tables(): Int32Array[] {
  if (crcTables) return crcTables;
  const t0 = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  const ts = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = ts[k - 1];
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) t[n] = t0[prev[n] & 0xff] ^ (prev[n] >>> 8);
    ts.push(t);
  }
  return (crcTables = ts);
}

/** CRC-32 (IEEE, as in zip) of the bytes, unsigned. */
export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = tables();
  let c = -1;
  let i = 0;
  const n = data.length;
  for (const end = n - (n % 8); i < end; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t7[a & 0xff] ^ t6[(a >>> 8) & 0xff] ^ t5[(a >>> 16) & 0xff] ^ t4[a >>> 24] ^
      t3[data[i + 4]] ^ t2[data[i + 5]] ^ t1[data[i + 6]] ^ t0[data[i + 7]];
  }
  for (; i < n; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number) => u32(b, p) + u32(b, p + 4) * 4294967296;
const latin1 = (b: Uint8Array) => {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
};

/** An entry of the zip's central directory, checked against its local header. */
export interface ZipEntry {
  crc: number;
  /** Uncompressed size as the directory records it (-1 when only a zip64 field has it). */
  size: number;
  /** Compression method (0 stored, 8 deflated). */
  method: number;
  /** Compressed size (-1 when only a zip64 field has it). */
  csize: number;
  /** Where the entry's data starts (after its local header's name and extra field). */
  dataStart: number;
}

/**
 * The central directory, named as fflate names entries (UTF-8 when the entry says so, else Latin-1),
 * with every entry checked against its local header (signature, name, method, flags and, when the
 * header carries them, CRC-32 and sizes), as JSZip did before exceljs read a file: a damaged directory
 * is refused even when its data would still inflate. Throws XlsxFormatError.
 */
export function centralDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  let e = bytes.length - 22;
  while (e >= 0 && u32(bytes, e) !== 0x06054b50) e--;
  if (e < 0) throw new XlsxFormatError('no end of central directory');
  let count = u16(bytes, e + 10);
  let p = u32(bytes, e + 16);
  /** Where the directory must end: the (zip64) end record. */
  let end = e;
  if ((count === 0xffff || p === 0xffffffff) && e >= 20 && u32(bytes, e - 20) === 0x07064b50) {
    const z = u64(bytes, e - 12);
    if (u32(bytes, z) !== 0x06064b50) throw new XlsxFormatError('bad zip64 directory');
    count = u64(bytes, z + 32);
    p = u64(bytes, z + 48);
    end = z;
  }
  const start = p;
  const utf8 = new TextDecoder('utf-8');
  const out = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new XlsxFormatError('bad central directory');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const csize = u32(bytes, p + 20);
    const usize = u32(bytes, p + 24);
    const n = u16(bytes, p + 28);
    const raw = bytes.subarray(p + 46, p + 46 + n);
    const name = flags & 2048 ? utf8.decode(raw) : latin1(raw);
    let off = u32(bytes, p + 42);
    if (off === 0xffffffff) off = zip64Offset(bytes, p + 46 + n, u16(bytes, p + 30), csize, usize);
    if (flags & 1) throw new XlsxFormatError(`${name.slice(0, 60)}: encrypted entry`);
    // The local header must say the same.
    const bad = (why: string) => new XlsxFormatError(`${name.slice(0, 60)}: local header ${why}`);
    if (off + 30 > bytes.length || u32(bytes, off) !== 0x04034b50) throw bad('missing');
    if (u16(bytes, off + 6) !== flags || u16(bytes, off + 8) !== method) throw bad('differs');
    const ln = u16(bytes, off + 26);
    if (ln !== n) throw bad('name differs');
    if (csize !== 0xffffffff && off + 30 + n + u16(bytes, off + 28) + csize > start) throw bad('runs past the directory');
    for (let k = 0; k < n; k++) if (bytes[off + 30 + k] !== raw[k]) throw bad('name differs');
    if (!(flags & 8)) {
      const lc = u32(bytes, off + 14);
      const ls = u32(bytes, off + 18);
      const lu = u32(bytes, off + 22);
      if (lc !== crc || (ls !== 0xffffffff && csize !== 0xffffffff && ls !== csize) || (lu !== 0xffffffff && usize !== 0xffffffff && lu !== usize)) throw bad('sizes or CRC differ');
    }
    out.set(name, { crc, size: usize === 0xffffffff ? -1 : usize, method, csize: csize === 0xffffffff ? -1 : csize, dataStart: off + 30 + n + u16(bytes, off + 28) });
    p += 46 + n + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  if (p !== end) throw new XlsxFormatError('central directory does not end where the end record is');
  return out;
}

/** The local header offset from a zip64 extra field (after the sizes it also holds when theirs overflow). */
function zip64Offset(bytes: Uint8Array, extra: number, len: number, csize: number, usize: number): number {
  for (let q = extra; q + 4 <= extra + len; q += 4 + u16(bytes, q + 2)) {
    if (u16(bytes, q) !== 1) continue;
    let at = q + 4;
    if (usize === 0xffffffff) at += 8;
    if (csize === 0xffffffff) at += 8;
    return u64(bytes, at);
  }
  throw new XlsxFormatError('zip64 entry without its offset');
}

/** Name of the first part whose bytes do not match what the directory records (CRC-32, size), if any. */
export function firstCrcMismatch(parts: Record<string, Uint8Array>, entries: Map<string, ZipEntry>): string | undefined {
  for (const [name, data] of Object.entries(parts)) {
    const want = entries.get(name);
    if (want === undefined || crc32(data) !== want.crc || (want.size >= 0 && data.length !== want.size)) return name;
  }
  return undefined;
}

/**
 * The host's own byte routines, where it has them: inflate (raw deflate, at most `size` bytes out),
 * CRC-32, equality of two byte ranges and the text of bytes all below 0x80. Each gives what the
 * JavaScript one here gives (test/workbook/zip-read.test.ts and xlsx-read.test.ts run both).
 */
export interface NativeZip {
  inflateRaw?: (data: Uint8Array, size: number) => Uint8Array;
  crc32?: (data: Uint8Array) => number;
  /** The same bytes, compared in full. */
  equal?: (a: Uint8Array, b: Uint8Array) => boolean;
  /**
   * One character a byte (Latin-1): a byte below 0x80 as itself, any other as a character past U+007F.
   * The reader takes the text as it is for ASCII bytes and finds the first other byte in it.
   */
  asciiText?: (data: Uint8Array) => string;
}
let native: NativeZip = {};
/** Hand in the host's byte routines (the CLI passes Node's zlib and Buffer; the add-in keeps the JS ones). */
export function useNativeZip(n: NativeZip): void {
  native = n;
}

const SAME_STREAM_MAX = 256 * 1024;
const sameStreams = new Map<string, { packed: Uint8Array; crc: number; size: number; data: Uint8Array }>();
/** Below this many bytes a loop here compares faster than a call out to the host. */
const NATIVE_COMPARE_MIN = 256;
/** The same bytes in a[as, ae) as in b[bs, be) (compared in full). */
export function sameRange(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  if (ae - as !== be - bs) return false;
  if (native.equal && ae - as >= NATIVE_COMPARE_MIN) return native.equal(a.subarray(as, ae), b.subarray(bs, be));
  for (let i = as, k = bs; i < ae; i++, k++) if (a[i] !== b[k]) return false;
  return true;
}

/** The host's one-byte text of `data` (NativeZip.asciiText), where it has one: the text itself for ASCII bytes. */
export function asciiText(data: Uint8Array): string | undefined {
  return native.asciiText?.(data);
}

/** The same bytes (compared in full). */
export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => sameRange(a, 0, a.length, b, 0, b.length);

/**
 * Every part inflated, in directory order, each checked against the directory's CRC-32 and size: the
 * parts, or the name of the first one that does not match. Null when an entry is outside what this path
 * reads (zip64 sizes, a method other than stored or deflated): the caller then unzips with fflate. A
 * stream that does not inflate throws (the zip is corrupt). The parts returned may be shared with
 * earlier files: callers never change them.
 */
export function inflateVerified(bytes: Uint8Array, entries: Map<string, ZipEntry>): { parts: Record<string, Uint8Array>; bad?: string } | null {
  for (const e of entries.values()) if (e.size < 0 || e.csize < 0 || (e.method !== 0 && e.method !== 8) || e.dataStart + e.csize > bytes.length) return null;
  const parts: Record<string, Uint8Array> = {};
  const crcOf = native.crc32 ?? crc32;
  for (const [name, e] of entries) {
    const packed = bytes.subarray(e.dataStart, e.dataStart + e.csize);
    const hit = sameStreams.get(name);
    if (hit && hit.crc === e.crc && hit.size === e.size && sameBytes(hit.packed, packed)) {
      parts[name] = hit.data;
      continue;
    }
    let data: Uint8Array;
    if (e.method === 0) data = packed.slice();
    else {
      try {
        data = native.inflateRaw ? native.inflateRaw(packed, e.size) : inflateSync(packed, { out: new Uint8Array(e.size) });
      } catch (err) {
        // More bytes than the directory says (the native inflate stops there): a size mismatch.
        if (native.inflateRaw && /larger than|maxOutputLength|RangeError/i.test(String((err as Error)?.name) + String((err as Error)?.message))) return { parts, bad: name };
        throw err;
      }
    }
    parts[name] = data;
    if (data.length !== e.size || crcOf(data) !== e.crc) return { parts, bad: name };
    if (data.length <= SAME_STREAM_MAX) {
      if (!sameStreams.has(name) && sameStreams.size >= 64) sameStreams.delete(sameStreams.keys().next().value as string);
      sameStreams.set(name, { packed: packed.slice(), crc: e.crc, size: e.size, data });
    }
  }
  return { parts };
}
