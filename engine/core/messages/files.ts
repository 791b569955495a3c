import { defineMessages } from './define';

/** Problems of reading files at all: unreadable, not a workbook, limits. */
export const FILE_MESSAGES = defineMessages({
  file_unreadable: {
    severity: 'error',
    vi: 'Không đọc được tệp: {detail}',
    en: 'Cannot read the file: {detail}',
  },
  not_xlsx: {
    severity: 'error',
    vi: 'Tệp không phải là sổ tính Excel .xlsx ({detail})',
    en: 'The file is not an Excel .xlsx workbook ({detail})',
  },
  file_too_large: {
    severity: 'error',
    vi: 'Tệp quá lớn ({size} MB, giới hạn {limit} MB)',
    en: 'File too large ({size} MB, limit {limit} MB)',
  },
  zip_bomb: {
    severity: 'error',
    vi: 'Tệp nén bất thường, từ chối giải nén ({detail})',
    en: 'Abnormal compressed file, refused before inflating ({detail})',
  },
  encrypted_or_xls: {
    severity: 'error',
    vi: 'Tệp được đặt mật khẩu hoặc là tệp .xls không đọc được; hãy bỏ mật khẩu hoặc lưu lại dạng .xlsx',
    en: 'The file is password-protected or an .xls that cannot be read; remove the password or save it again as .xlsx',
  },
  ods_given: {
    severity: 'error',
    vi: 'Không đọc được bảng tính OpenDocument (.ods) này ({detail}); hãy lưu lại dạng .xlsx',
    en: 'This OpenDocument spreadsheet (.ods) cannot be read ({detail}); save it again as .xlsx',
  },
  sheet_too_large: {
    severity: 'warning',
    vi: 'Trang tính có {rows} hàng; chỉ đọc {limit} hàng đầu',
    en: 'The sheet has {rows} rows; only the first {limit} are read',
  },
  no_layout: {
    severity: 'error',
    vi: 'Không nhận ra bố cục bảng chấm điểm trong tệp{hint}',
    en: 'No known scoring-table layout found in the file{hint}',
  },
  legacy_reader_note: {
    severity: 'warning',
    vi: 'Trình đọc tệp .xls/.ods (SheetJS) ghi chú: {detail}; hãy đối chiếu số liệu với tệp, hoặc lưu lại dạng .xlsx',
    en: 'The .xls/.ods reader (SheetJS) noted: {detail}; check the figures against the file, or save it again as .xlsx',
  },
  criteria_required: {
    severity: 'error',
    vi: 'Tệp không mang bảng tiêu chí; hãy chỉ định --criteria',
    en: 'The workbook does not carry its criteria set; pass --criteria',
  },
});

/** Codes meaning the input could not be read at all: the command line exits 2 for these, not 1. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  'file_unreadable',
  'not_xlsx',
  'file_too_large',
  'zip_bomb',
  'encrypted_or_xls',
  'ods_given',
  'not_regular_file',
  'json_too_deep',
]);
