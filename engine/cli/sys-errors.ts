/**
 * System errors (errno codes) as a user reads them, in both languages: what went wrong with the file,
 * never "EACCES". The detail goes into file_unreadable / output_write_failed and friends.
 */
import type { Bilingual } from '../core/i18n';

const TEXT: Record<string, Bilingual> = {
  ENOENT: { vi: 'không tồn tại', en: 'does not exist' },
  EACCES: { vi: 'không có quyền truy cập', en: 'permission denied' },
  EPERM: { vi: 'không được phép (tệp có thể đang mở trong Excel hoặc chỉ đọc)', en: 'not permitted (the file may be open in Excel, or read-only)' },
  EISDIR: { vi: 'là một thư mục, không phải tệp', en: 'is a folder, not a file' },
  ENOTDIR: { vi: 'một phần của đường dẫn là tệp, không phải thư mục', en: 'a part of the path is a file, not a folder' },
  EROFS: { vi: 'ổ đĩa chỉ cho đọc', en: 'the disk is read-only' },
  ENOSPC: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' },
  EDQUOT: { vi: 'đã hết hạn mức dung lượng', en: 'the disk quota is used up' },
  EBUSY: { vi: 'tệp đang được mở ở chương trình khác (ví dụ Excel); hãy đóng tệp rồi thử lại', en: 'the file is open in another program (e.g. Excel); close it and try again' },
  ETXTBSY: { vi: 'tệp đang được dùng', en: 'the file is in use' },
  EMFILE: { vi: 'mở quá nhiều tệp cùng lúc', en: 'too many open files' },
  ENAMETOOLONG: { vi: 'tên tệp quá dài', en: 'the file name is too long' },
  ELOOP: { vi: 'liên kết tượng trưng lặp vòng', en: 'a symbolic link loops' },
  EEXIST: { vi: 'đã tồn tại', en: 'already exists' },
  EIO: { vi: 'lỗi đọc/ghi ổ đĩa', en: 'disk input/output error' },
};

/** The errno code of an error, if it has one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A system error as text in both languages (the code kept for codes without a text). */
export function systemDetail(e: unknown): Bilingual {
  const code = errnoCode(e);
  if (code && TEXT[code]) return TEXT[code];
  const raw = code ?? String((e as Error)?.message ?? e);
  return { vi: raw, en: raw };
}

/** True for errors of the file system (as opposed to a bug). */
export function isSystemError(e: unknown): boolean {
  const code = errnoCode(e);
  return !!code && /^E[A-Z]+$/.test(code);
}
