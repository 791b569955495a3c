import { defineMessages } from './define';

/** Problems found while scoring a submission's entries. */
export const KERNEL_MESSAGES = defineMessages({
  non_numeric: {
    severity: 'error',
    vi: 'Giá trị "{value}" không phải là số',
    en: 'Value "{value}" is not a number',
  },
  number_as_text: {
    severity: 'error',
    vi: 'Giá trị "{value}" được lưu dạng chữ, không phải số: bảng tính không cộng ô này (tính 0 điểm); hãy nhập lại bằng số',
    en: 'Value "{value}" is stored as text, not a number: the workbook leaves it out of its totals (counts 0); type it again as a number',
  },
  not_a_flag: {
    severity: 'error',
    vi: 'Giá trị "{value}" không phải là Có/Không (x, có, 1 hoặc để trống)',
    en: 'Value "{value}" is not yes/no (x, yes, 1 or blank)',
  },
  above_max: {
    severity: 'error',
    vi: 'Điểm {value} vượt điểm chuẩn {max}',
    en: 'Score {value} is above the maximum {max}',
  },
  below_min: {
    severity: 'error',
    vi: 'Giá trị {value} nhỏ hơn mức tối thiểu {min}',
    en: 'Value {value} is below the minimum {min}',
  },
  off_step: {
    severity: 'error',
    vi: 'Điểm {value} không đúng bước điểm {step}',
    en: 'Value {value} is not a multiple of the step {step}',
  },
  not_integer: {
    severity: 'error',
    vi: 'Giá trị {value} phải là số nguyên',
    en: 'Value {value} must be a whole number',
  },
  missing_entry: {
    severity: 'error',
    vi: 'Chưa nhập điểm ({column})',
    en: 'No entry ({column})',
  },
  missing_evidence: {
    severity: 'error',
    vi: 'Tiêu chí yêu cầu minh chứng nhưng chưa ghi tài liệu kiểm chứng',
    en: 'The criterion requires evidence but none is given',
  },
  change_without_remark: {
    severity: 'warning',
    vi: 'Đoàn kiểm tra chấm {inspected} khác điểm tự chấm {self} nhưng chưa ghi lý do',
    en: 'Inspected score {inspected} differs from self score {self} without a remark',
  },
  formula_not_finite: {
    severity: 'error',
    vi: 'Công thức không tính được (chia cho 0 hoặc thiếu chỉ số): {detail}',
    en: 'The formula cannot be computed (division by zero or missing indicator): {detail}',
  },
  formula_out_of_range: {
    severity: 'warning',
    vi: 'Công thức cho {value}, ngoài khoảng 0..{max}; đã giới hạn về {clamped}',
    en: 'The formula gives {value}, outside 0..{max}; clamped to {clamped}',
  },
  bonus_capped: {
    severity: 'warning',
    vi: 'Tổng điểm thưởng {value} vượt mức tối đa {cap}; chỉ tính {cap}',
    en: 'Bonus points {value} exceed the cap {cap}; {cap} counted',
  },
  deduction_capped: {
    severity: 'warning',
    vi: 'Tổng điểm trừ {value} vượt mức trừ tối đa {cap} của phần; chỉ trừ {cap}',
    en: 'Deductions {value} exceed the section\'s cap {cap}; only {cap} taken off',
  },
  unknown_entry: {
    severity: 'warning',
    vi: 'Mục "{key}" không có trong bảng tiêu chí, đã bỏ qua',
    en: 'Entry "{key}" is not in the criteria set and was ignored',
  },
  column_empty: {
    severity: 'error',
    vi: 'Chưa có điểm nào được nhập (cả cột tự chấm và cột Cụm chấm đều trống)',
    en: 'No scores entered (both the self and the inspection columns are empty)',
  },
  disqualified: {
    severity: 'warning',
    vi: 'Không xét {award}: {reason}',
    en: 'Barred from {award}: {reason}',
  },
});
