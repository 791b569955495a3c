/**
 * Node's zlib for the reader's zip layer (engine/workbook/zip-read.ts): native inflate and CRC-32 give
 * the same bytes as the JavaScript ones, several times faster. Installed by the CLI and its worker
 * threads; the add-in keeps the JavaScript ones.
 */
import * as zlib from 'zlib';
import { useNativeZip } from '../workbook/zip-read';

export function installNodeZip(): void {
  useNativeZip({
    // At most the size the directory states: a longer stream is stopped there (and refused by the caller).
    inflateRaw: (data, size) => {
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      return new Uint8Array(out.buffer, out.byteOffset, out.length);
    },
    ...(typeof zlib.crc32 === 'function' ? { crc32: (data: Uint8Array) => zlib.crc32(data) >>> 0 } : {}),
  });
}
