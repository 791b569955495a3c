import { defineMessages } from './define';

/** Provenance of scores, the template's metadata, and inputs that try to fool the reader (docs/security.md). */
export const TRUST_MESSAGES = defineMessages({
  inspection_in_self_workbook: {
    severity: 'error',
    vi: 'Bảng tự chấm có điểm ở cột Điểm Cụm chấm ({value}); điểm kiểm tra chỉ được tính từ bảng kiểm tra chéo tạo bằng "thidua template --mode inspection --from", nên cột này không được tính',
    en: 'A self-assessment workbook has an entry in the inspection column ({value}); inspection scores count only from an inspection workbook made with "thidua template --mode inspection --from", so this column is not counted',
  },
  inspection_unstamped: {
    severity: 'error',
    vi: 'Bảng kiểm tra chéo không mang dấu bảng tự chấm của đơn vị (selfHash); hãy tạo bằng "thidua template --mode inspection --from <bảng tự chấm>". Điểm kiểm tra không được tính',
    en: "The inspection workbook carries no stamp of the school's self-assessment (selfHash); make it with \"thidua template --mode inspection --from <self workbook>\". Its inspection scores are not counted",
  },
  metadata_tampered: {
    severity: 'error',
    vi: 'Thông tin trên trang ẩn đã bị sửa: mã kiểm tra {found} không khớp với nội dung ({computed})',
    en: 'The hidden sheet\'s metadata was altered: its check code {found} does not match its content ({computed})',
  },
  metadata_unsigned: {
    severity: 'warning',
    vi: 'Trang ẩn không có mã kiểm tra thông tin (metaHash): tệp tạo bằng phiên bản cũ; hãy tạo lại bảng',
    en: 'The hidden sheet has no metadata check code (metaHash): made by an older version; regenerate the workbook',
  },
  self_changed_since_stamp: {
    severity: 'error',
    vi: 'Điểm tự chấm trong bảng kiểm tra chéo khác với bảng tự chấm đơn vị đã nộp{from}: có {found}, đã nộp {expected}; điểm kiểm tra không được tính',
    en: "The self score in the inspection workbook differs from the school's submitted self-assessment{from}: {found}, submitted {expected}; its inspection scores are not counted",
  },
  scored_sheet_hidden: {
    severity: 'error',
    vi: 'Trang chấm điểm "{sheet}" mà trang ẩn chỉ định đang bị ẩn; chỉ chấm trang hiển thị',
    en: 'The scoring sheet "{sheet}" the hidden sheet names is hidden; only a visible sheet is scored',
  },
  second_scoring_table: {
    severity: 'error',
    vi: 'Trang "{sheet}" cũng chứa bảng chấm điểm ({count} dòng tiêu chí) ngoài trang "{scored}"; xoá bản sao để không ai đọc nhầm điểm',
    en: 'Sheet "{sheet}" also holds the scoring table ({count} criterion rows) besides "{scored}"; delete the copy so that nobody reads the wrong scores',
  },
  unit_differs_from_metadata: {
    severity: 'error',
    vi: 'Tên đơn vị trên trang chấm "{found}" khác với tên lưu trong trang ẩn "{expected}"',
    en: 'The unit name on the sheet "{found}" differs from the one in the hidden sheet "{expected}"',
  },
  year_differs_from_metadata: {
    severity: 'error',
    vi: 'Năm trên trang chấm ({found}) khác với năm lưu trong trang ẩn ({expected})',
    en: 'The year on the sheet ({found}) differs from the one in the hidden sheet ({expected})',
  },
  unit_control_chars: {
    severity: 'error',
    vi: 'Tên đơn vị "{unit}" chứa ký tự điều khiển; hãy gõ lại tên',
    en: 'The unit name "{unit}" contains control characters; retype the name',
  },
  unit_invisible_chars: {
    severity: 'warning',
    vi: 'Tên đơn vị "{unit}" chứa ký tự ẩn (khoảng trắng độ rộng 0, gạch nối mềm, dấu hướng...); đã bỏ qua khi so sánh tên',
    en: 'The unit name "{unit}" contains invisible characters (zero-width space, soft hyphen, direction marks...); ignored when comparing names',
  },
  self_differs_from_inspection: {
    severity: 'error',
    vi: 'Bảng tự chấm {self} và bảng kiểm tra chéo {inspection} của đơn vị "{unit}" có điểm tự chấm khác nhau ({keys}); không xếp hạng đơn vị này',
    en: 'The self-assessment {self} and the inspection workbook {inspection} of unit "{unit}" have different self scores ({keys}); the unit is not ranked',
  },
  cell_misplaced: {
    severity: 'error',
    vi: 'Ô {ref} nằm trong dòng {row} của tệp XML: Excel và LibreOffice có thể hiển thị ở chỗ khác nhau; tệp bị từ chối',
    en: 'Cell {ref} sits inside row {row} of the XML: Excel and LibreOffice may show it in different places; the file is refused',
  },
  cell_out_of_order: {
    severity: 'error',
    vi: 'Ô {ref} trùng hoặc sai thứ tự trong dòng {row} của tệp XML; tệp bị từ chối',
    en: 'Cell {ref} is a duplicate or out of order in row {row} of the XML; the file is refused',
  },
  row_out_of_order: {
    severity: 'error',
    vi: 'Dòng {row} trùng hoặc sai thứ tự (sau dòng {previous}) trong tệp XML; tệp bị từ chối',
    en: 'Row {row} is a duplicate or out of order (after row {previous}) in the XML; the file is refused',
  },
  json_too_deep: {
    severity: 'error',
    vi: 'Tệp JSON lồng quá sâu (hơn {limit} cấp)',
    en: 'The JSON file is nested too deeply (more than {limit} levels)',
  },
  not_regular_file: {
    severity: 'error',
    vi: 'Không phải tệp thông thường ({kindVi}); chỉ đọc tệp',
    en: 'Not a regular file ({kindEn}); only files are read',
  },
});
