/**
 * Node's own implementations for the portable engine: zlib's inflate and CRC-32, Buffer's byte
 * comparison and one-byte text for the reader (engine/workbook/zip-read.ts), its deflate and CRC-32
 * for the writers (NODE_DEFLATER: the ranking workbook, the templates of `template --units`), and
 * crypto's SHA-256 for the hashes (engine/core/hash.ts). They give the same bytes, texts and digests
 * as the JavaScript ones (tested), several times faster. Installed by the CLI and its worker threads;
 * the add-in keeps the JavaScript ones. zlib and crypto are loaded on first use, so a command that
 * reads no workbook (`--help`) does not load them.
 */
import { useNativeSha256 } from '../core/hash';
import { crc32, useNativeZip } from '../workbook/zip-read';
import type { Deflater } from '../workbook/zip-write';

/* eslint-disable @typescript-eslint/no-require-imports */
let zlibLib: typeof import('zlib') | undefined;
const zlib = () => (zlibLib ??= require('zlib') as typeof import('zlib'));
let cryptoLib: typeof import('crypto') | undefined;
const crypto = () => (cryptoLib ??= require('crypto') as typeof import('crypto'));
/* eslint-enable @typescript-eslint/no-require-imports */

/** CRC-32 by Node's zlib (20.15 and later), else the reader's own. */
export function nodeCrc32(data: Uint8Array): number {
  const f = (zlib() as { crc32?: (d: Uint8Array) => number }).crc32;
  return f ? f(data) >>> 0 : crc32(data);
}

/** Raw deflate by Node's zlib. */
export function nodeDeflateRaw(data: Uint8Array, level: number): Uint8Array {
  return zlib().deflateRawSync(data, { level });
}

/** Node's deflate and CRC-32, for the writers (the ranking workbook, the templates of `template --units`). */
export const NODE_DEFLATER: Deflater = { deflateRaw: nodeDeflateRaw, crc32: nodeCrc32 };

export function installNatives(): void {
  useNativeZip({
    // At most the size the directory states: a longer stream is stopped there (and refused by the caller).
    // The output in one chunk of that size (up to 8 MB), not in 16 KB chunks joined at the end: a third
    // less time for a sheet's 80 KB.
    inflateRaw: (data, size) => {
      const out = zlib().inflateRawSync(data, { maxOutputLength: Math.max(size, 1), chunkSize: Math.min(size, 8 << 20) + 64 });
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    },
    crc32: nodeCrc32,
    equal: (a, b) => Buffer.compare(a, b) === 0,
    asciiText: (data) => Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1'),
  });
  useNativeSha256((data) => crypto().createHash('sha256').update(data).digest('hex'));
}
