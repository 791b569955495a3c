import { defineMessages } from './define';

/** Problems and guesses of importing and reading the cluster's familiar workbook layouts. */
export const FAMILIAR_MESSAGES = defineMessages({
  no_scoring_table: {
    severity: 'error',
    vi: 'Không tìm thấy bảng chấm điểm (cần hàng tiêu đề có TT, Nội dung, Điểm chuẩn)',
    en: 'No scoring table found (needs a header row with No., Criteria, Max points)',
  },
});
