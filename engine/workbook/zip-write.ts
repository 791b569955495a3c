/**
 * The zip container of the packages this tool writes (the ranking workbook, the templates of
 * `template --units`): fflate writes the container and each part is handed over as it is stored, already
 * deflated (method 8) or as it is (method 0), with its CRC-32 and size. The deflating is the caller's:
 * a part shared by many copies is deflated once, and the command line deflates with Node's zlib.
 * Browser-safe.
 */
import { deflateSync, Zip, type ZipInputFile } from 'fflate';
import { crc32 } from './zip-read';

export interface StoredPart {
  name: string;
  /** Size before compression, and CRC-32 of those bytes. */
  size: number;
  crc: number;
  /** 8: `bytes` are deflated (raw deflate); 0: `bytes` are the part itself. */
  method: 0 | 8;
  bytes: Uint8Array;
}

/**
 * How parts are compressed. Browser-safe by default (fflate's deflate, the reader's CRC-32); the
 * command line hands in Node's native zlib (engine/cli/ranking-workbook.ts), several times faster.
 */
export interface Deflater {
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export const FFLATE_DEFLATER: Deflater = {
  deflateRaw: (data, level) => deflateSync(data, { level: level as 1 }),
  crc32,
};

/** A part as the zip holds it: deflated at `level` (1-9), or stored at level 0, with its size and CRC-32. */
export function packPart(raw: Uint8Array, level: number, deflater: Deflater = FFLATE_DEFLATER): Omit<StoredPart, 'name'> {
  return { size: raw.length, crc: deflater.crc32(raw), method: level > 0 ? 8 : 0, bytes: level > 0 ? deflater.deflateRaw(raw, level) : raw };
}

export function zipStored(parts: Iterable<StoredPart>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const p of parts) {
    const file: ZipInputFile = { filename: p.name, size: p.size, crc: p.crc, compression: p.method };
    zip.add(file);
    file.ondata!(null, p.bytes as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failed) throw failed;
  return concatBytes(chunks);
}

/** The pieces one after the other. */
export function concatBytes(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of pieces) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
