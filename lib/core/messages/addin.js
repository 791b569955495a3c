"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ADDIN_MESSAGES = void 0;
const define_1 = require("./define");
/** Problems the Excel add-in finds in the open workbook (stored criteria sets, inserted scoring sheets). */
exports.ADDIN_MESSAGES = (0, define_1.defineMessages)({
    addin_store_unreadable: {
        severity: 'error',
        vi: 'Bộ tiêu chí lưu trong sổ làm việc (trang ẩn "{sheet}") không đọc được: {detail}',
        en: 'The criteria set stored in the workbook (hidden sheet "{sheet}") cannot be read: {detail}',
    },
    addin_store_tampered: {
        severity: 'error',
        vi: 'Bộ tiêu chí lưu trong sổ làm việc đã bị sửa (mã kiểm tra không khớp: lưu {stored}, tính lại {actual})',
        en: 'The criteria set stored in the workbook was edited (hash mismatch: stored {stored}, recomputed {actual})',
    },
    addin_sheet_missing: {
        severity: 'error',
        vi: 'Không thấy trang "{sheet}" của bảng chấm trong sổ làm việc (đã bị xóa hoặc đổi tên?)',
        en: 'The scoring sheet "{sheet}" is not in the workbook (deleted or renamed?)',
    },
    addin_structure_changed: {
        severity: 'error',
        vi: 'Dòng của tiêu chí {criterion} đã bị di chuyển hoặc xóa (ô {cell} mang mã "{found}")',
        en: 'The row of criterion {criterion} was moved or deleted (cell {cell} holds the id "{found}")',
    },
    addin_file_unreadable: {
        severity: 'error',
        vi: 'Không đọc được tệp trong ngăn tác vụ: {detail}',
        en: 'The task pane could not read the file: {detail}',
    },
    addin_inspector_missing: {
        severity: 'error',
        vi: 'Chưa nhập họ tên trưởng đoàn kiểm tra (ghi vào khối chữ ký khi kết thúc kiểm tra)',
        en: 'The head inspector\'s name is missing (it is written in the signature block when the inspection is finished)',
    },
    addin_not_inspection: {
        severity: 'error',
        vi: 'Bảng chấm chưa ở chế độ kiểm tra chéo: hãy chuyển sang chế độ kiểm tra trước',
        en: 'The scoring sheet is not in inspection mode: switch to inspection first',
    },
});
