/** Every text of the task pane, in Vietnamese (default) and English. */
import { fill, Lang } from '../../engine/core/i18n';

export const UI = {
  appTitle: { vi: 'Chấm điểm thi đua', en: 'Emulation scoring' },
  switchLang: { vi: 'English', en: 'Tiếng Việt' },
  switchLangLabel: { vi: 'Chuyển giao diện sang tiếng Anh', en: 'Switch the pane to Vietnamese' },
  tabs: { vi: 'Chức năng', en: 'Functions' },
  tabImport: { vi: 'Nhập tiêu chí', en: 'Import' },
  tabTemplate: { vi: 'Bảng chấm', en: 'Template' },
  tabValidate: { vi: 'Kiểm tra', en: 'Validate' },
  selfTotal: { vi: 'Tổng tự chấm', en: 'Self total' },
  progress: { vi: 'Đã nhập {filled}/{expected} ô', en: '{filled} of {expected} entries filled' },
  progressLabel: { vi: 'Tiến độ nhập điểm', en: 'Scoring progress' },
  noSheetYet: { vi: 'Chưa có bảng chấm trong sổ này', en: 'No scoring sheet in this workbook yet' },
  criteriaSet: { vi: 'Bộ tiêu chí', en: 'Criteria set' },

  importIntro: {
    vi: 'Mở trang tính có bảng chấm điểm quen thuộc của Cụm (TT, Nội dung, Điểm chuẩn...), rồi bấm nút dưới đây.',
    en: "Open the sheet holding the cluster's familiar scoring table (No., Criteria, Max points...), then click below.",
  },
  importButton: { vi: 'Đọc trang tính đang mở', en: 'Read the active sheet' },
  importing: { vi: 'Đang đọc trang tính...', en: 'Reading the sheet...' },
  importDone: {
    vi: 'Đã đọc "{sheet}": {leaves} tiêu chí, điểm chuẩn {maxBase}, thưởng tối đa {maxBonus}.',
    en: 'Read "{sheet}": {leaves} criteria, {maxBase} max points, bonus up to {maxBonus}.',
  },
  importFailed: { vi: 'Không tạo được bộ tiêu chí từ trang tính này.', en: 'Could not build a criteria set from this sheet.' },
  warnings: { vi: 'Cảnh báo và lỗi ({n})', en: 'Warnings and errors ({n})' },
  tree: { vi: 'Cây tiêu chí', en: 'Criteria tree' },
  saveInWorkbook: { vi: 'Lưu vào sổ làm việc', en: 'Save in the workbook' },
  saved: { vi: 'Đã lưu bộ tiêu chí vào sổ làm việc (trang ẩn "{sheet}").', en: 'The criteria set is saved in the workbook (hidden sheet "{sheet}").' },
  exportJson: { vi: 'Tải về tệp JSON', en: 'Download as JSON' },
  exported: { vi: 'Đã tạo tệp {file}.', en: 'Created {file}.' },

  templateIntro: {
    vi: 'Chèn bảng tự chấm điểm vào sổ làm việc: công thức tổng, kiểm tra dữ liệu, chỉ mở các ô nhập điểm và minh chứng.',
    en: 'Insert the self-assessment table into the workbook: total formulas, data validation, only score and evidence cells open.',
  },
  source: { vi: 'Dùng bộ tiêu chí', en: 'Criteria set to use' },
  sourceStored: { vi: 'Đã lưu trong sổ: {title}', en: 'Stored in the workbook: {title}' },
  sourceImported: { vi: 'Vừa nhập (chưa lưu): {title}', en: 'Just imported (not saved): {title}' },
  sourceBundled: { vi: 'Mặc định: {title}', en: 'Bundled: {title}' },
  unit: { vi: 'Tên đơn vị (trường)', en: 'Unit (school) name' },
  year: { vi: 'Năm', en: 'Year' },
  insertButton: { vi: 'Chèn bảng tự chấm', en: 'Insert the self-assessment sheet' },
  inserting: { vi: 'Đang chèn bảng chấm...', en: 'Inserting the scoring sheet...' },
  inserted: { vi: 'Đã chèn trang "{sheet}" ({how}).', en: 'Inserted the sheet "{sheet}" ({how}).' },
  howBase64: { vi: 'từ mẫu Excel', en: 'from the Excel template' },
  howCells: { vi: 'ghi từng vùng ô', en: 'written cell block by block' },
  setInvalid: { vi: 'Bộ tiêu chí có lỗi, chưa thể tạo bảng chấm.', en: 'The criteria set has errors; no scoring sheet can be made from it.' },

  validateIntro: {
    vi: 'Điểm được kiểm tra ngay khi bạn nhập. Bấm vào một lỗi để chọn ô đó.',
    en: 'Scores are checked as you type. Click a problem to select its cell.',
  },
  validateNow: { vi: 'Kiểm tra ngay', en: 'Check now' },
  live: { vi: 'Tự kiểm tra khi nhập', en: 'Check as I type' },
  noProblems: { vi: 'Không có lỗi. Mọi điểm đã nhập đều hợp lệ.', en: 'No problems. Every score entered is valid.' },
  problemsTitle: { vi: '{n} vấn đề', en: '{n} problems' },
  checking: { vi: 'Đang kiểm tra...', en: 'Checking...' },
  noTemplate: {
    vi: 'Chưa có bảng chấm do phần bổ trợ tạo trong sổ này. Hãy chèn bảng ở thẻ "Bảng chấm".',
    en: 'This workbook has no scoring sheet made by the add-in yet. Insert one in the "Template" tab.',
  },
  problemAt: { vi: 'Ô {cell}', en: 'Cell {cell}' },
  errorSev: { vi: 'Lỗi', en: 'Error' },
  warningSev: { vi: 'Cảnh báo', en: 'Warning' },

  needExcel: {
    vi: 'Trang này là ngăn tác vụ của phần bổ trợ Excel "Chấm điểm thi đua". Hãy mở nó trong Excel (nút Chấm điểm trên thẻ Trang đầu).',
    en: 'This page is the task pane of the "Emulation scoring" Excel add-in. Open it in Excel (the Scoring button on the Home tab).',
  },
  oldExcel: {
    vi: 'Phiên bản Excel này quá cũ cho phần bổ trợ (có ExcelApi {have}, cần {need}). Hãy dùng Excel 2019, Microsoft 365 hoặc Excel trên web.',
    en: 'This Excel is too old for the add-in (has ExcelApi {have}, needs {need}). Use Excel 2019, Microsoft 365 or Excel on the web.',
  },
  unexpected: { vi: 'Đã xảy ra lỗi không mong muốn. Hãy thử lại.', en: 'Something unexpected went wrong. Please try again.' },
  details: { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
} as const;

export type UiKey = keyof typeof UI;

export function tr(lang: Lang, key: UiKey, params: Record<string, unknown> = {}): string {
  return fill(UI[key][lang], params, lang);
}
