/**
 * Opening an .xlsx safely: the bytes are sniffed and the zip directory is checked (sizes, ratio, required
 * parts) before anything is inflated, then every part is inflated and its CRC-32 verified (zip-read.ts),
 * and the sheets are read straight into Grids (xlsx-read.ts: fflate + saxes, no exceljs on the read
 * path). Works on bytes, so the CLI and the add-in share it.
 */
import { unzip, unzipSync, type UnzipFileInfo } from 'fflate';
import { Problem, problem } from '../core/problems';
import type { Grid } from '../core/grid';
import { FILE_LIMITS, readXlsx, type WorkbookValidations } from './xlsx-read';
import { centralDirectory, firstCrcMismatch, inflateVerified, XlsxFormatError } from './zip-read';

export { FILE_LIMITS };
export type { CellValidation, WorkbookValidations } from './xlsx-read';

export interface OpenedWorkbook {
  grids: Grid[];
  /** Data validations per sheet name: address -> {type, formulae}. */
  validations: WorkbookValidations;
}

/** Identify what the bytes are before trusting the extension. */
export function sniff(bytes: Uint8Array): 'zip' | 'ole2' | 'text' | 'empty' | 'unknown' {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole2';
  const head = bytes.subarray(0, Math.min(512, bytes.length));
  if (head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127) || b >= 128)) return 'text';
  return 'unknown';
}

/** List the zip's entries without inflating them (fflate's filter sees sizes first). */
function zipDirectory(bytes: Uint8Array): Promise<UnzipFileInfo[]> {
  return new Promise((resolve, reject) => {
    const seen: UnzipFileInfo[] = [];
    try {
      unzip(bytes, { filter: (f) => (seen.push(f), false) }, (err) => (err ? reject(err) : resolve(seen)));
    } catch (e) {
      reject(e);
    }
  });
}

export async function openWorkbook(bytes: Uint8Array, file: string): Promise<{ opened?: OpenedWorkbook; problems: Problem[] }> {
  const fail = (code: 'not_xlsx' | 'file_unreadable' | 'file_too_large' | 'zip_bomb' | 'encrypted_or_xls' | 'ods_given', detail: Record<string, unknown> = {}) => ({
    problems: [problem(code, detail, { file })],
  });
  if (bytes.length > FILE_LIMITS.maxFileBytes)
    return fail('file_too_large', { size: Math.round(bytes.length / 1048576), limit: FILE_LIMITS.maxFileBytes / 1048576 });
  const kind = sniff(bytes);
  if (kind === 'ole2') return openLegacy(bytes, file, 'xls');
  if (kind !== 'zip') return fail('not_xlsx', {
      // Each language its own words (the pane shows one language at a time).
      detail:
        kind === 'empty'
          ? { vi: 'tệp rỗng', en: 'empty file' }
          : kind === 'text'
            ? { vi: 'tệp văn bản, có thể là tệp giá trị phân cách bằng dấu phẩy', en: 'text file (CSV?)' }
            : { vi: 'định dạng lạ', en: 'unknown format' },
    });

  let entries: UnzipFileInfo[];
  try {
    entries = await zipDirectory(bytes);
  } catch (e) {
    return fail('not_xlsx', { detail: { vi: 'tệp nén zip bị hỏng', en: `corrupt zip: ${(e as Error).message}` } });
  }
  const names = new Set(entries.map((e) => e.name));
  const ods = names.has('mimetype') && names.has('content.xml') && !names.has('xl/workbook.xml');
  if (!ods && (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')))
    return fail('not_xlsx', { detail: { vi: 'tệp nén zip không chứa phần sổ tính xl/workbook.xml', en: 'zip without xl/workbook.xml' } });
  if (entries.length > FILE_LIMITS.maxEntries) return fail('zip_bomb', { detail: { vi: `${entries.length} tệp bên trong`, en: `${entries.length} entries` } });
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    const ratio = e.size > 0 ? e.originalSize / e.size : e.originalSize > 0 ? Infinity : 0;
    if (e.originalSize > 1024 * 1024 && ratio > FILE_LIMITS.maxEntryRatio)
      return fail('zip_bomb', { detail: { vi: `${e.name}: tỉ lệ nén ${Math.round(ratio)}:1`, en: `${e.name}: ratio ${Math.round(ratio)}:1` } });
  }
  if (total > FILE_LIMITS.maxUncompressedBytes) return fail('zip_bomb', { detail: { vi: `${Math.round(total / 1048576)} MB khi giải nén`, en: `${Math.round(total / 1048576)} MB uncompressed` } });
  // An OpenDocument spreadsheet: the same zip limits as above, then SheetJS.
  if (ods) return openLegacy(bytes, file, 'ods');

  // fflate does not check CRC-32: verify every part, so that a damaged byte inside a compressed part is
  // refused instead of changing a score silently.
  let parts: Record<string, Uint8Array>;
  try {
    const directory = centralDirectory(bytes);
    const fast = inflateVerified(bytes, directory);
    parts = fast ? fast.parts : unzipSync(bytes);
    const bad = fast ? fast.bad : firstCrcMismatch(parts, directory);
    if (bad !== undefined) return fail('not_xlsx', { detail: { vi: `tệp nén zip bị hỏng: sai mã kiểm tra CRC-32 ở ${bad.slice(0, 80)}`, en: `corrupt zip: CRC-32 mismatch in ${bad.slice(0, 80)}` } });
  } catch (e) {
    return fail('not_xlsx', { detail: { vi: 'tệp nén zip bị hỏng', en: `corrupt zip: ${String((e as Error).message ?? e).slice(0, 120)}` } });
  }
  const problems: Problem[] = [];
  try {
    const { grids, validations } = readXlsx(parts, file, problems);
    return { opened: { grids, validations }, problems };
  } catch (e) {
    const where = e instanceof XlsxFormatError ? e.where : {};
    return { problems: [problem('not_xlsx', { detail: `xlsx: ${String((e as Error).message ?? e).slice(0, 200)}` }, { file, ...where })] };
  }
}

/** .xls and .ods through SheetJS (legacy-read.ts). */
async function openLegacy(bytes: Uint8Array, file: string, format: 'xls' | 'ods'): Promise<{ opened?: OpenedWorkbook; problems: Problem[] }> {
  // SheetJS is loaded only when an .xls or .ods is opened.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readLegacy } = require('./legacy-read') as typeof import('./legacy-read');
  const r = readLegacy(bytes, file, format);
  if (!r.grids) return { problems: r.problems };
  return { opened: { grids: r.grids, validations: {} }, problems: r.problems };
}
