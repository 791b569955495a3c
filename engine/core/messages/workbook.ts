import { defineMessages } from './define';

/** Problems of a generated template read back: structure, tampering, workbook formulas; writing templates. */
export const WORKBOOK_MESSAGES = defineMessages({
  formula_disagrees: {
    severity: 'warning',
    vi: 'Công thức trong tệp cho {workbook}, tính lại được {engine}',
    en: 'The workbook formula gives {workbook}, recomputed {engine}',
  },
  signed_total_differs: {
    severity: 'error',
    vi: 'Tổng điểm tệp hiển thị là {workbook}; tính lại được {engine} (đơn vị ký tên theo {workbook}, Cụm xếp hạng theo {engine}): kiểm tra các ô nhập bị báo lỗi',
    en: 'The workbook shows {workbook}; recomputed {engine} (the unit signs {workbook}, the cluster ranks {engine}): check the entry cells reported',
  },
  inspection_from_errors: {
    severity: 'warning',
    vi: 'Bảng tự chấm {file} có {count} lỗi (đầu tiên ở {cells}): bảng kiểm tra chéo được tạo từ một bản tự chấm chưa hợp lệ',
    en: 'The self-assessment {file} has {count} error(s) (first at {cells}): the inspection workbook starts from an invalid self-assessment',
  },
  inspection_from_refused: {
    severity: 'error',
    vi: 'Bảng tự chấm {file} có {count} lỗi (đầu tiên ở {cells}); với --strict không tạo bảng kiểm tra chéo. Đơn vị cần sửa bảng tự chấm, hoặc bỏ --strict',
    en: 'The self-assessment {file} has {count} error(s) (first at {cells}); with --strict no inspection workbook is made. Have the unit fix it, or drop --strict',
  },
  embedded_unreadable: {
    severity: 'error',
    vi: 'Không đọc được bảng tiêu chí lưu trong tệp: {detail}',
    en: 'The criteria set stored in the workbook cannot be read: {detail}',
  },
  embedded_invalid: {
    severity: 'error',
    vi: 'Bảng tiêu chí lưu trong tệp không hợp lệ: {detail}',
    en: 'The criteria set stored in the workbook is invalid: {detail}',
  },
  criteria_tampered: {
    severity: 'error',
    vi: 'Bảng tiêu chí lưu trong tệp đã bị sửa: mã kiểm tra {found} không khớp với nội dung ({computed})',
    en: 'The criteria set stored in the workbook was altered: its hash {found} does not match its content ({computed})',
  },
  criteria_differs: {
    severity: 'error',
    vi: 'Tệp dùng bảng tiêu chí {embedded} (mã {embeddedHash}), khác với bảng --criteria {given} (mã {givenHash})',
    en: 'The workbook uses criteria set {embedded} (hash {embeddedHash}), not the --criteria set {given} (hash {givenHash})',
  },
  template_format_newer: {
    severity: 'error',
    vi: 'Tệp được tạo bởi phiên bản mới hơn của công cụ (định dạng {found}, hỗ trợ đến {supported}); hãy cập nhật thidua',
    en: 'The workbook was made by a newer version of the tool (format {found}, supported up to {supported}); update thidua',
  },
  template_sheet_missing: {
    severity: 'error',
    vi: 'Không tìm thấy trang "{sheet}" của bảng chấm điểm (đã bị xóa hoặc đổi tên)',
    en: 'The scoring sheet "{sheet}" is missing (deleted or renamed)',
  },
  row_missing: {
    severity: 'error',
    vi: 'Dòng của "{key}" đã bị xóa khỏi bảng (đúng ra ở dòng {row})',
    en: 'The row of "{key}" was deleted from the table (expected at row {row})',
  },
  row_moved: {
    severity: 'error',
    vi: 'Dòng của "{key}" bị di chuyển: đúng ra ở dòng {expected}, nay ở dòng {actual}',
    en: 'The row of "{key}" was moved: expected at row {expected}, found at row {actual}',
  },
  row_inserted: {
    severity: 'error',
    vi: 'Có {count} dòng bị chèn thêm vào bảng ngay sau dòng của "{after}"',
    en: '{count} row(s) were inserted into the table right after the row of "{after}"',
  },
  max_edited: {
    severity: 'error',
    vi: 'Điểm chuẩn bị sửa thành {found} (đúng là {expected})',
    en: 'The max points were changed to {found} (should be {expected})',
  },
  text_edited: {
    severity: 'warning',
    vi: 'Nội dung dòng bị sửa thành "{found}" (đúng là "{expected}")',
    en: 'The row text was changed to "{found}" (should be "{expected}")',
  },
  formula_overwritten: {
    severity: 'error',
    vi: 'Công thức của ô đã bị ghi đè bằng giá trị {value}',
    en: 'The formula of the cell was overwritten with the value {value}',
  },
  formula_edited: {
    severity: 'warning',
    vi: 'Công thức của ô đã bị sửa: ={found} (đúng là ={expected})',
    en: 'The formula of the cell was edited: ={found} (should be ={expected})',
  },
  formula_in_entry: {
    severity: 'error',
    vi: 'Ô nhập liệu chứa công thức ={formula}; chỉ được nhập số',
    en: 'The entry cell holds a formula ={formula}; only numbers may be entered',
  },
  not_a_template: {
    severity: 'error',
    vi: 'Tệp không phải bảng chấm điểm do thidua tạo (không có trang ẩn {sheet})',
    en: 'The file is not a scoring workbook made by thidua (no hidden sheet {sheet})',
  },
  template_set_mismatch: {
    severity: 'error',
    vi: 'Tệp --from dùng bảng tiêu chí {found}, khác với bảng {expected} đang tạo mẫu',
    en: 'The --from workbook uses criteria set {found}, not {expected} used for the template',
  },
  bad_option: {
    severity: 'error',
    vi: 'Tham số {option} không hợp lệ: {detail}',
    en: 'Invalid option {option}: {detail}',
  },
  error_value: {
    severity: 'error',
    vi: 'Ô nhập liệu chứa giá trị lỗi {value}; hãy nhập số',
    en: 'The entry cell holds the error value {value}; type a number',
  },
  date_in_entry: {
    severity: 'error',
    vi: 'Ô nhập liệu chứa ngày tháng ({value}) thay vì điểm số; hãy định dạng ô là số và nhập lại',
    en: 'The entry cell holds a date ({value}) instead of points; format the cell as a number and type it again',
  },
  merged_entry: {
    severity: 'error',
    vi: 'Ô nhập liệu bị gộp ({range}); hãy bỏ gộp ô để mỗi điểm nằm trong một ô',
    en: 'The entry cell is merged ({range}); unmerge it so each score has its own cell',
  },
  embedded_sheet_deleted: {
    severity: 'error',
    vi: 'Bảng chấm điểm được tạo bởi thidua nhưng trang ẩn chứa bảng tiêu chí đã bị xóa; không thể xác minh tệp',
    en: 'The scoring sheet was generated by thidua but its hidden criteria sheet was deleted; the file cannot be verified',
  },
  validation_removed: {
    severity: 'warning',
    vi: 'Kiểm tra dữ liệu (Data Validation) của ô nhập liệu đã bị xóa hoặc thay đổi',
    en: 'The data validation of the entry cell was removed or changed',
  },
  sheet_hidden: {
    severity: 'warning',
    vi: 'Trang bảng chấm điểm đang bị ẩn',
    en: 'The scoring sheet is hidden',
  },
});
