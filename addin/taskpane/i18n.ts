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
  tabInspection: { vi: 'Kiểm tra chéo', en: 'Inspection' },
  tabConsolidate: { vi: 'Tổng hợp', en: 'Consolidate' },
  inspectedTotal: { vi: 'Tổng Cụm chấm', en: 'Inspection total' },
  inspectedProgress: { vi: 'Đoàn đã chấm {filled}/{expected} ô', en: 'Inspectors filled {filled} of {expected} entries' },
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
  exported: {
    vi: 'Đã gửi tệp {file} cho trình duyệt để tải về (xem thư mục Tải về). Nếu không thấy tệp, hãy dùng nút Sao chép JSON rồi dán vào một tệp văn bản.',
    en: "{file} was handed to the browser to download (see your Downloads folder). If it is not there, use Copy JSON and paste it into a text file.",
  },
  exportedDesktopCopied: {
    vi: 'Excel trên máy tính không cho phần bổ trợ tải tệp về, nên chưa có tệp nào được tạo. Bộ tiêu chí (JSON) đã được sao chép vào bộ nhớ tạm: dán vào một tệp văn bản mới (Notepad, TextEdit) và lưu với tên {file}.',
    en: 'Excel on a computer does not let add-ins download files, so no file was created. The criteria set (JSON) is on the clipboard: paste it into a new text file (Notepad, TextEdit) and save it as {file}.',
  },
  exportedDesktopSelect: {
    vi: 'Excel trên máy tính không cho phần bổ trợ tải tệp về hay sao chép, nên chưa có tệp nào được tạo. Nội dung JSON ở ô dưới đây đã được chọn: nhấn Ctrl+C (trên Mac: ⌘+C), dán vào một tệp văn bản mới và lưu với tên {file}.',
    en: 'Excel on a computer does not let add-ins download files or copy here, so no file was created. The JSON below is selected: press Ctrl+C (on a Mac: ⌘+C), paste it into a new text file and save it as {file}.',
  },
  exportText: { vi: 'Bộ tiêu chí dạng JSON', en: 'The criteria set as JSON' },
  copyJson: { vi: 'Sao chép JSON', en: 'Copy JSON' },
  copied: { vi: 'Đã sao chép bộ tiêu chí (JSON) vào bộ nhớ tạm.', en: 'The criteria set (JSON) is on the clipboard.' },
  copyFailed: { vi: 'Excel không cho phép sao chép vào bộ nhớ tạm ở đây.', en: 'Excel does not allow copying to the clipboard here.' },

  templateIntro: {
    vi: 'Chèn bảng tự chấm điểm vào sổ làm việc: công thức tổng, kiểm tra dữ liệu, chỉ mở các ô nhập điểm và minh chứng.',
    en: 'Insert the self-assessment table into the workbook: total formulas, data validation, only score and evidence cells open.',
  },
  source: { vi: 'Dùng bộ tiêu chí', en: 'Criteria set to use' },
  sourceEmbedded: { vi: 'Của bảng chấm trong sổ này: {title}', en: "This workbook's scoring sheet: {title}" },
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
  howCellsRefused: { vi: 'ghi từng vùng ô vì Excel không nhận tệp mẫu', en: 'written cell block by block because Excel refused the template file' },
  noDataValidation: {
    vi: 'Excel này (ExcelApi {have}) chưa có kiểm tra dữ liệu trên ô (cần ExcelApi 1.8): Excel không chặn giá trị sai khi nhập, nhưng phần bổ trợ vẫn báo lỗi ngay khi bạn nhập.',
    en: 'This Excel (ExcelApi {have}) has no data validation on cells (needs ExcelApi 1.8): Excel will not stop a wrong value, but the add-in still reports it as you type.',
  },
  noPrintSetup: {
    vi: 'Excel này (ExcelApi {have}) chưa đặt được thiết lập in (cần ExcelApi {need}): vùng in, dòng tiêu đề lặp lại trên mỗi trang, khổ A4 và hướng giấy của các trang vừa ghi chưa được đặt. Trước khi in, hãy đặt chúng trên thẻ Bố trí Trang của Excel, hoặc tạo bảng bằng lệnh thidua trên máy tính.',
    en: 'This Excel (ExcelApi {have}) cannot set up printing (needs ExcelApi {need}): the print area, the title rows repeated on every page, A4 paper and the orientation of the sheets just written are not set. Before printing, set them on Excel\'s Page Layout tab, or make the sheets with the thidua command on a computer.',
  },
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

  inspectionIntro: {
    vi: 'Dùng khi đoàn kiểm tra chéo chấm lại bảng tự chấm của một trường. Một lần bấm sẽ khóa điểm tự chấm và minh chứng, mở cột Điểm Cụm chấm và cột ghi chú của đoàn.',
    en: "For the cross-inspection team re-scoring a school's self-assessment. One click locks the self scores and evidence and opens the inspection score and remark columns.",
  },
  noTemplateInspection: {
    vi: 'Hãy mở bảng tự chấm của trường được kiểm tra (sổ làm việc có bảng chấm do phần bổ trợ hoặc lệnh thidua tạo).',
    en: "Open the inspected school's self-assessment workbook (a scoring sheet made by the add-in or the thidua command).",
  },
  switchInspection: { vi: 'Chuyển sang chế độ kiểm tra chéo', en: 'Switch to inspection mode' },
  switching: { vi: 'Đang chuyển sang chế độ kiểm tra...', en: 'Switching to inspection mode...' },
  switched: {
    vi: 'Đã chuyển sang chế độ kiểm tra: điểm tự chấm và minh chứng đã khóa, cột Điểm Cụm chấm và ghi chú đã mở.',
    en: 'Inspection mode: self scores and evidence are locked, the inspection score and remark columns are open.',
  },
  toleranceNote: { vi: 'Chênh lệch từ {tol} điểm trở lên được tô đậm.', en: 'Differences of {tol} point(s) or more are highlighted.' },
  remainingTitle: { vi: 'Còn {n} tiêu chí chưa chấm', en: '{n} criteria still to score' },
  allScored: { vi: 'Đã chấm đủ mọi tiêu chí.', en: 'Every criterion is scored.' },
  noRemarkTitle: { vi: '{n} tiêu chí đổi điểm nhưng chưa ghi lý do', en: '{n} changed scores without a remark' },
  diffTitle: { vi: 'Chênh lệch theo tiêu chí (Cụm chấm − tự chấm)', en: 'Difference per criterion (inspection − self)' },
  colItem: { vi: 'Mục', en: 'Item' },
  colSelf: { vi: 'Tự chấm', en: 'Self' },
  colInspected: { vi: 'Cụm chấm', en: 'Insp.' },
  colDelta: { vi: 'Chênh', en: 'Diff.' },
  noRemarkMark: { vi: 'chưa ghi lý do', en: 'no remark' },
  inspector: { vi: 'Họ tên trưởng đoàn kiểm tra', en: 'Head inspector (full name)' },
  finishButton: { vi: 'Kết thúc kiểm tra', en: 'Finish inspection' },
  finishing: { vi: 'Đang kiểm tra toàn bộ bảng...', en: 'Checking the whole sheet...' },
  finishRefused: { vi: 'Chưa thể kết thúc: còn {n} lỗi cần sửa.', en: 'Cannot finish yet: {n} error(s) to fix.' },
  nothingInspected: { vi: 'Đoàn chưa chấm tiêu chí nào.', en: 'The inspectors have not scored any criterion yet.' },
  confirmWarnings: { vi: 'Còn {n} cảnh báo. Vẫn kết thúc kiểm tra?', en: '{n} warning(s) remain. Finish the inspection anyway?' },
  confirmFinish: { vi: 'Vẫn kết thúc', en: 'Finish anyway' },
  cancel: { vi: 'Quay lại', en: 'Go back' },
  finished: {
    vi: 'Đã kết thúc kiểm tra: {name}, ngày {date}. Bảng chấm đã được khóa bảo vệ.',
    en: 'Inspection finished: {name}, {date}. The scoring sheet is protected.',
  },
  finishedState: { vi: 'Kiểm tra đã kết thúc ({name}, {date}).', en: 'Inspection finished ({name}, {date}).' },
  reopen: { vi: 'Mở lại để sửa', en: 'Reopen to correct' },
  reopened: { vi: 'Đã mở lại cột Điểm Cụm chấm và ghi chú.', en: 'The inspection score and remark columns are open again.' },

  consolidateIntro: {
    vi: 'Chọn các tệp bảng chấm (.xlsx) của các trường. Phần bổ trợ đọc từng tệp ngay trên máy này (không gửi đi đâu), xếp hạng và ghi các trang Xếp hạng, Ma trận điểm, Chênh lệch, Nguồn cùng biểu đồ vào sổ đang mở.',
    en: "Pick the schools' scoring workbooks (.xlsx). The add-in reads each file on this machine (nothing is sent anywhere), ranks them and writes the sheets Xếp hạng, Ma trận điểm, Chênh lệch, Nguồn and charts into the open workbook.",
  },
  pickFiles: { vi: 'Tệp của các trường', en: "The schools' files" },
  chooseFiles: { vi: 'Chọn tệp…', en: 'Choose files…' },
  noFilesChosen: { vi: 'Chưa chọn tệp nào', en: 'No file chosen' },
  filesChosen: { vi: 'Đã chọn {n} tệp', en: '{n} file(s) chosen' },
  consolidateButton: { vi: 'Tổng hợp và xếp hạng', en: 'Consolidate and rank' },
  noFiles: { vi: 'Hãy chọn ít nhất một tệp .xlsx.', en: 'Pick at least one .xlsx file.' },
  readingFile: { vi: 'Đang đọc tệp {i}/{n}: {file}', en: 'Reading file {i} of {n}: {file}' },
  readDone: { vi: 'Đã đọc {n} tệp.', en: 'Read {n} file(s).' },
  writingSheets: { vi: 'Đang ghi các trang xếp hạng...', en: 'Writing the ranking sheets...' },
  consolidated: {
    vi: 'Đã ghi các trang {sheets} và 2 biểu đồ: {ranked} đơn vị được xếp hạng, {refused} tệp bị từ chối.',
    en: 'Wrote the sheets {sheets} and 2 charts: {ranked} unit(s) ranked, {refused} file(s) refused.',
  },
  nothingRanked: { vi: 'Không có tệp nào xếp hạng được; không ghi trang nào.', en: 'No file could be ranked; no sheet was written.' },
  badFiles: { vi: 'Tệp không đưa vào xếp hạng ({n})', en: 'Files left out of the ranking ({n})' },
  refusedReason: { vi: 'bị từ chối', en: 'refused' },
  rankingTitle: { vi: 'Kết quả xếp hạng', en: 'Ranking' },
  needRankingApi: {
    vi: 'Excel này chưa hỗ trợ bảng và biểu đồ cần cho trang tổng hợp (có ExcelApi {have}, cần {need}). Hãy dùng Microsoft 365, Office 2021 trở lên hoặc Excel cho web, hoặc lệnh thidua rank.',
    en: 'This Excel cannot write the tables and charts of the ranking sheets (has ExcelApi {have}, needs {need}). Use Microsoft 365, Office 2021 or later or Excel on the web, or the thidua rank command.',
  },

  needExcel: {
    vi: 'Trang này là ngăn tác vụ của phần bổ trợ Excel "Chấm điểm thi đua". Hãy mở nó trong Excel (nút Chấm điểm trên thẻ Trang đầu).',
    en: 'This page is the task pane of the "Emulation scoring" Excel add-in. Open it in Excel (the Scoring button on the Home tab).',
  },
  officeJsMissing: {
    vi: 'Không tải được thư viện Office.js của Microsoft: ngăn tác vụ cần mạng Internet khi mở. Hãy kiểm tra kết nối mạng (hoặc tường lửa, máy chủ ủy quyền của cơ quan) rồi đóng và mở lại ngăn này.',
    en: "Microsoft's Office.js library could not be loaded: the task pane needs the Internet when it opens. Check the network connection (or the office's firewall or proxy), then close this pane and open it again.",
  },
  paneLoadFailed: {
    vi: 'Không tải được phần chính của phần bổ trợ (mất mạng hoặc máy chủ của phần bổ trợ không trả lời). Hãy kiểm tra kết nối mạng rồi đóng và mở lại ngăn này.',
    en: "The main part of the add-in could not be loaded (no network, or the add-in's server did not answer). Check the network connection, then close this pane and open it again.",
  },
  loadingPanel: { vi: 'Đang tải…', en: 'Loading…' },
  oldExcel: {
    vi: 'Phiên bản Excel này quá cũ cho phần bổ trợ (có ExcelApi {have}, cần {need}). Hãy dùng Microsoft 365, Office 2021 trở lên hoặc Excel cho web (xem bảng phiên bản Excel trong hướng dẫn).',
    en: 'This Excel is too old for the add-in (has ExcelApi {have}, needs {need}). Use Microsoft 365, Office 2021 or later, or Excel on the web (see the table of Excel versions in the guide).',
  },
  unexpected: { vi: 'Đã xảy ra lỗi không mong muốn. Hãy thử lại.', en: 'Something unexpected went wrong. Please try again.' },
  details: { vi: 'Chi tiết kỹ thuật', en: 'Technical details' },
} as const;

export type UiKey = keyof typeof UI;

export function tr(lang: Lang, key: UiKey, params: Record<string, unknown> = {}): string {
  return fill(UI[key][lang], params, lang);
}
