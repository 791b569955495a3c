import { defineMessages } from './define';

/** Problems of a criteria set: loading, schema, compiling formulas, lint. */
export const CRITERIA_MESSAGES = defineMessages({
  syntax_error: { severity: 'error', vi: 'Lỗi cú pháp: {detail}', en: 'Syntax error: {detail}' },
  schema_error: {
    severity: 'error',
    vi: 'Sai cấu trúc bảng tiêu chí tại {path}: {detail}',
    en: 'Invalid criteria set at {path}: {detail}',
  },
  unknown_kind: {
    severity: 'error',
    vi: 'Loại tiêu chí "{kind}" không được hỗ trợ (có: {known})',
    en: 'Unknown criterion kind "{kind}" (known: {known})',
  },
  kind_not_allowed: {
    severity: 'error',
    vi: 'Loại tiêu chí "{kind}" không dùng được trong phần {role}',
    en: 'Criterion kind "{kind}" cannot be used in a {role} section',
  },
  duplicate_id: { severity: 'error', vi: 'Mã tiêu chí "{id}" bị trùng', en: 'Duplicate criterion id "{id}"' },
  duplicate_number: {
    severity: 'error',
    vi: 'Số thứ tự "{number}" bị trùng trong cùng một phần',
    en: 'Duplicate numbering "{number}" within the same group',
  },
  max_mismatch: {
    severity: 'error',
    vi: 'Tổng điểm chuẩn các mục con là {sum}, nhưng {id} ghi {max}',
    en: 'Children of {id} add up to {sum} but {id} says {max}',
  },
  missing_max: {
    severity: 'error',
    vi: 'Tiêu chí "{id}" chưa có điểm chuẩn',
    en: 'Criterion "{id}" has no maximum points',
  },
  bad_step: {
    severity: 'error',
    vi: 'Điểm chuẩn {max} của "{id}" không chia hết cho bước điểm {step}',
    en: 'Maximum {max} of "{id}" is not a multiple of its step {step}',
  },
  bonus_without_cap: {
    severity: 'error',
    vi: 'Phần điểm thưởng "{id}" chưa có mức tối đa (cap)',
    en: 'Bonus section "{id}" has no cap',
  },
  cap_not_applied: {
    severity: 'warning',
    vi: 'Mức tối đa (cap) của "{id}" không có tác dụng: chỉ phần điểm thưởng và phần điểm trừ mới có mức tối đa',
    en: 'The cap of "{id}" has no effect: only bonus and deduction sections have a cap',
  },
  formula_forbidden: {
    severity: 'error',
    vi: 'Công thức bị từ chối: {detail}',
    en: 'Formula refused: {detail}',
  },
  formula_unknown_name: {
    severity: 'error',
    vi: 'Công thức dùng tên chưa khai báo "{name}"',
    en: 'The formula uses an undeclared name "{name}"',
  },
  formula_cycle: {
    severity: 'error',
    vi: 'Các chỉ số phụ thuộc vòng tròn: {cycle}',
    en: 'Indicators depend on each other in a cycle: {cycle}',
  },
  formula_can_exceed_max: {
    severity: 'error',
    vi: 'Công thức có thể cho {value} (khi {when}), ngoài khoảng 0..{max}',
    en: 'The formula can give {value} (when {when}), outside 0..{max}',
  },
  award_no_minimum: {
    severity: 'warning',
    vi: '"{label}" không có tổng điểm tối thiểu (minTotal = 0): đơn vị nào đứng đầu cũng được đề nghị; hãy đặt ngưỡng, ví dụ bằng mức xếp loại cao nhất',
    en: '"{label}" has no minimum total (minTotal = 0): whoever ranks first is proposed; set a threshold, e.g. the top classification band',
  },
  threshold_above_max: {
    severity: 'error',
    vi: 'Ngưỡng {threshold} của "{label}" vượt tổng điểm tối đa {max}',
    en: 'Threshold {threshold} of "{label}" is above the maximum total {max}',
  },
  unknown_tie_breaker: {
    severity: 'error',
    vi: 'Tiêu chí phụ xếp hạng "{name}" không tồn tại (có: {known})',
    en: 'Unknown tie-breaker "{name}" (known: {known})',
  },
  unknown_award_rule: {
    severity: 'error',
    vi: 'Quy tắc khen thưởng "{name}" không tồn tại (có: {known})',
    en: 'Unknown award rule "{name}" (known: {known})',
  },
  unknown_award: {
    severity: 'error',
    vi: 'Danh hiệu "{award}" không có trong chính sách khen thưởng',
    en: 'Award "{award}" is not defined in the policy',
  },
  bands_not_descending: {
    severity: 'error',
    vi: 'Các mức xếp loại phải giảm dần và không trùng nhau',
    en: 'Classification bands must be strictly descending',
  },
  tiers_invalid: {
    severity: 'error',
    vi: 'Các mức của "{id}" không hợp lệ: {detail}',
    en: 'Tiers of "{id}" are invalid: {detail}',
  },
  empty_section: { severity: 'error', vi: 'Phần "{id}" không có tiêu chí nào', en: 'Section "{id}" has no criteria' },
  unused_indicator: {
    severity: 'warning',
    vi: 'Chỉ số "{name}" không được công thức nào sử dụng',
    en: 'Indicator "{name}" is not used by any formula',
  },
  criteria_sheet_missing: {
    severity: 'error',
    vi: 'Không tìm thấy trang "Tiêu chí" có hàng tiêu đề (id, TT, Nội dung, Điểm chuẩn...)',
    en: 'No "criteria" sheet with a header row (id, number, text, max...) was found',
  },
  criteria_row_incomplete: {
    severity: 'error',
    vi: 'Hàng tiêu chí thiếu mã hoặc nội dung',
    en: 'Criterion row without an id or text',
  },
  criteria_unknown_parent: {
    severity: 'error',
    vi: 'Tiêu chí cha "{parent}" không có trong bảng',
    en: 'Parent criterion "{parent}" is not in the sheet',
  },
  criteria_bad_value: {
    severity: 'error',
    vi: 'Giá trị "{value}" không hợp lệ ở cột {field}',
    en: 'Invalid value "{value}" in column {field}',
  },
});
