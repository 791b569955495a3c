/**
 * Node's own implementations for the portable engine: zlib's inflate and CRC-32 for the reader's zip
 * layer (engine/workbook/zip-read.ts) and crypto's SHA-256 for the hashes (engine/core/hash.ts). They
 * give the same bytes and digests as the JavaScript ones (tested), several times faster. Installed by
 * the CLI and its worker threads; the add-in keeps the JavaScript ones.
 */
import { createHash } from 'crypto';
import * as zlib from 'zlib';
import { useNativeSha256 } from '../core/hash';
import { useNativeZip } from '../workbook/zip-read';

export function installNatives(): void {
  useNativeZip({
    // At most the size the directory states: a longer stream is stopped there (and refused by the caller).
    inflateRaw: (data, size) => {
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    },
    ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array) => zlib.crc32(data) >>> 0 } : {}),
  });
  useNativeSha256((data) => createHash('sha256').update(data).digest('hex'));
}
