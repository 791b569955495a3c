import { defineMessages } from './define';

/** Problems of consolidating many workbooks into one ranking, and of writing its outputs. */
export const RANK_MESSAGES = defineMessages({
  duplicate_unit: {
    severity: 'error',
    vi: 'Đơn vị "{unit}" có nhiều hơn một tệp: {files}; không xếp hạng đơn vị này cho đến khi chỉ còn một tệp',
    en: 'Unit "{unit}" has more than one workbook: {files}; it is not ranked until only one remains',
  },
  criteria_set_mismatch: {
    severity: 'error',
    vi: 'Tệp dùng bảng tiêu chí "{id}" (mã băm {hash}), khác với bảng của các tệp còn lại "{refId}" (mã băm {refHash})',
    en: 'The workbook uses criteria set "{id}" (hash {hash}), not the set of the other workbooks "{refId}" (hash {refHash})',
  },
  year_mismatch: {
    severity: 'error',
    vi: 'Tệp thuộc năm {year}, các tệp còn lại thuộc năm {refYear}',
    en: 'The workbook is for {year}; the other workbooks are for {refYear}',
  },
  file_has_errors: {
    severity: 'error',
    vi: 'Tệp có {count} lỗi nên không được đưa vào xếp hạng (xem các lỗi của tệp)',
    en: 'The file has {count} error(s) and is left out of the ranking (see its problems)',
  },
  unit_missing: {
    severity: 'error',
    vi: 'Không xác định được tên đơn vị trong tệp',
    en: 'The file does not say which unit it belongs to',
  },
  no_final_score: {
    severity: 'error',
    vi: 'Tệp chưa có điểm để xếp hạng theo chính sách "{policy}"',
    en: 'The file has no score to rank under the policy "{policy}"',
  },
  report_unit_unknown: {
    severity: 'error',
    vi: 'Không có đơn vị "{unit}" trong các tệp đã xếp hạng (có: {known})',
    en: 'No unit "{unit}" among the ranked workbooks (there are: {known})',
  },
  no_inputs: {
    severity: 'error',
    vi: 'Không có tệp .xlsx hoặc .json nào để xếp hạng',
    en: 'No .xlsx or .json file to rank',
  },
  folder_empty: {
    severity: 'warning',
    vi: 'Thư mục không có tệp .xlsx hoặc .json nào',
    en: 'The folder has no .xlsx or .json file',
  },
  nothing_ranked: {
    severity: 'error',
    vi: 'Không có đơn vị hợp lệ nào để xếp hạng',
    en: 'No valid unit to rank',
  },
  partial_ranking: {
    severity: 'warning',
    vi: 'Bảng xếp hạng chỉ gồm {ranked}/{total} tệp; {refused} tệp bị từ chối (--allow-partial)',
    en: 'The ranking covers {ranked} of {total} files; {refused} refused (--allow-partial)',
  },
  refused_not_ranked: {
    severity: 'error',
    vi: '{refused}/{total} tệp bị từ chối; dùng --allow-partial để xếp hạng các tệp hợp lệ',
    en: '{refused} of {total} files refused; use --allow-partial to rank the valid ones',
  },
  award_tie_over_quota: {
    severity: 'warning',
    vi: 'Các đơn vị {units} đồng hạng {rank}, vượt chỉ tiêu {quota} của "{award}"; Cụm cần quyết định',
    en: 'Units {units} share rank {rank}, beyond the quota of {quota} for "{award}"; the cluster must decide',
  },
  output_exists: {
    severity: 'error',
    vi: 'Tệp kết quả "{path}" đã tồn tại; dùng --force để ghi đè',
    en: 'Output "{path}" already exists; use --force to overwrite it',
  },
  output_is_input: {
    severity: 'error',
    vi: 'Không ghi kết quả đè lên tệp đầu vào "{path}"',
    en: 'Refusing to write the output over the input "{path}"',
  },
  output_write_failed: {
    severity: 'error',
    vi: 'Không ghi được tệp kết quả "{path}": {detail}',
    en: 'Cannot write the output "{path}": {detail}',
  },
});

/**
 * Notes shown beside a unit in the ranking (not problems): why a tie was split, why an award was not
 * proposed, how far the inspection moved the total.
 */
export const RANK_NOTES = {
  tie_decided: {
    vi: 'Bằng tổng điểm với {others}; phân định theo: {reasons}',
    en: 'Same total as {others}; separated by: {reasons}',
  },
  tie_shared: {
    vi: 'Bằng điểm với {others} theo mọi tiêu chí phụ ({breakers}); đồng hạng {rank}',
    en: 'Still tied with {others} after every tie-breaker ({breakers}); shared rank {rank}',
  },
  disqualified: {
    vi: 'Không xét "{award}": {reason} (mục {criterion}, {column})',
    en: 'Not eligible for "{award}": {reason} (item {criterion}, {column})',
  },
  total_moved: {
    vi: 'Tổng điểm Cụm chấm chênh {delta} so với tự chấm',
    en: 'The inspection moved the total by {delta}',
  },
  award_tie_over_quota: {
    vi: 'Đồng hạng {rank} với {others}, vượt chỉ tiêu "{award}"; Cụm quyết định',
    en: 'Shares rank {rank} with {others} beyond the quota of "{award}"; the cluster decides',
  },
  award_none: {
    vi: 'Không có đơn vị nào đủ điều kiện',
    en: 'No unit qualifies',
  },
  column_self: { vi: 'tự chấm', en: 'self score' },
  column_inspected: { vi: 'Cụm chấm', en: 'inspection' },
} as const;
