import { defineMessages } from './define';

/** Problems of consolidating many workbooks into one ranking. */
export const RANK_MESSAGES = defineMessages({
  duplicate_unit: {
    severity: 'error',
    vi: 'Đơn vị "{unit}" có nhiều hơn một tệp: {files}',
    en: 'Unit "{unit}" has more than one workbook: {files}',
  },
});
