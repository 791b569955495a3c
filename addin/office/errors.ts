/**
 * Office.js errors as bilingual messages. Codes from Excel.ErrorCodes and OfficeExtension.ErrorCodes
 * (@types/office-js) that the adapter can meet; the message says what Excel refused and what the user can
 * do, never "unexpected error" for an ordinary situation. The raw code and message travel as `detail`.
 */
import { HostError } from '../host/types';

type Pair = [vi: string, en: string];

export const OFFICE_ERRORS: Record<string, Pair> = {
  InvalidOperationInCellEditMode: [
    'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa, rồi bấm lại.',
    'Excel is in cell-edit mode. Press Enter or Esc to leave the cell you are editing, then try again.',
  ],
  AccessDenied: [
    'Excel từ chối thao tác: trang tính hoặc cấu trúc sổ làm việc đang được bảo vệ, hoặc sổ chỉ được mở để đọc.',
    'Excel refused the operation: the sheet or the workbook structure is protected, or the workbook is open read-only.',
  ],
  InvalidOperation: [
    'Excel không cho phép thao tác này trên sổ làm việc hiện tại (ví dụ: ẩn hoặc xoá trang hiện cuối cùng, xoá trang ẩn hoàn toàn).',
    'Excel does not allow this operation on the current workbook (for example hiding or deleting the last visible sheet, deleting a very hidden sheet).',
  ],
  ItemNotFound: ['Không tìm thấy trang tính, tên hoặc vùng cần dùng (có thể vừa bị đổi tên hoặc xoá).', 'The sheet, name or range needed was not found (it may just have been renamed or deleted).'],
  ItemAlreadyExists: ['Sổ làm việc đã có một trang, bảng hoặc tên trùng với cái phần bổ trợ cần tạo.', 'The workbook already has a sheet, table or name with the name the add-in needs to create.'],
  InvalidArgument: ['Excel không nhận một giá trị phần bổ trợ gửi tới (vùng, tên hoặc định dạng không hợp lệ).', 'Excel rejected a value the add-in sent (an invalid range, name or format).'],
  InvalidReference: ['Một tham chiếu ô hoặc vùng không hợp lệ trong sổ làm việc này.', 'A cell or range reference is not valid in this workbook.'],
  MergedRangeConflict: ['Vùng cần ghi chồng lên ô đã gộp.', 'The range to write overlaps merged cells.'],
  InsertDeleteConflict: ['Excel không thể chèn hoặc xoá vì xung đột với bảng hoặc ô đã gộp.', 'Excel cannot insert or delete here: it conflicts with a table or merged cells.'],
  UnsupportedSheet: ['Trang tính này không phải trang ô thông thường (ví dụ trang biểu đồ), phần bổ trợ không đọc được.', 'This sheet is not an ordinary grid (for example a chart sheet); the add-in cannot read it.'],
  UnsupportedOperation: ['Excel này không hỗ trợ thao tác đó.', 'This Excel does not support that operation.'],
  UnsupportedFeature: ['Sổ làm việc dùng một tính năng mà thao tác này không hỗ trợ.', 'The workbook uses a feature this operation does not support.'],
  ApiNotFound: ['Excel này thiếu một API mà thao tác cần (phiên bản Excel quá cũ).', 'This Excel lacks an API the operation needs (the Excel version is too old).'],
  NotImplemented: ['Excel này chưa có chức năng mà thao tác cần.', 'This Excel does not implement a function the operation needs.'],
  RangeExceedsLimit: ['Vùng quá lớn cho một thao tác của Excel.', 'The range is too large for one Excel operation.'],
  OperationCellsExceedLimit: ['Thao tác chạm tới quá nhiều ô cùng lúc.', 'The operation touches too many cells at once.'],
  FormulaLengthExceedsLimit: ['Một công thức dài quá giới hạn của Excel.', 'A formula is longer than Excel allows.'],
  RequestPayloadSizeLimitExceeded: ['Dữ liệu gửi tới Excel trong một lần vượt giới hạn (5 MB trên Excel cho web).', 'The data sent to Excel in one request exceeds its limit (5 MB in Excel on the web).'],
  ResponsePayloadSizeLimitExceeded: ['Dữ liệu Excel trả về trong một lần vượt giới hạn (5 MB trên Excel cho web).', 'The data Excel returned in one response exceeds its limit (5 MB in Excel on the web).'],
  ActivityLimitReached: ['Excel đã nhận quá nhiều yêu cầu; chờ một lát rồi thử lại.', 'Excel received too many requests; wait a moment and try again.'],
  RequestAborted: ['Yêu cầu tới Excel bị huỷ giữa chừng (mất kết nối hoặc sổ bị đóng). Hãy thử lại.', 'The request to Excel was aborted (connection lost or workbook closed). Try again.'],
  InactiveWorkbook: ['Sổ làm việc không còn hoạt động (đã đóng hoặc đang ở cửa sổ khác).', 'The workbook is no longer active (closed or in another window).'],
  Conflict: ['Sổ làm việc đang được người khác sửa cùng lúc; hãy thử lại.', 'Someone else is editing the workbook at the same time; try again.'],
  GeneralException: ['Excel báo lỗi chung khi thực hiện thao tác (mã GeneralException).', 'Excel reported a general error while doing this (code GeneralException).'],
};

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const err = e as { code?: string; message?: string };
  const known = err?.code ? OFFICE_ERRORS[err.code] : undefined;
  const detail = [err?.code, err?.message].filter(Boolean).join(': ');
  if (known) return new HostError(known[0], known[1], detail);
  return new HostError(
    `Excel báo lỗi khi thực hiện thao tác${err?.code ? ` (mã ${err.code})` : ''}.`,
    `Excel reported an error while doing this${err?.code ? ` (code ${err.code})` : ''}.`,
    detail || String(e),
  );
}
