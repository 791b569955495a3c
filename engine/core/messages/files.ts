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
});
