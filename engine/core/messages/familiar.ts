import { defineMessages } from './define';

/** Problems and guesses of importing and reading the cluster's familiar workbook layouts. */
export const FAMILIAR_MESSAGES = defineMessages({
  no_scoring_table: {
    severity: 'error',
    vi: 'Không tìm thấy bảng chấm điểm (cần hàng tiêu đề có TT, Nội dung, Điểm chuẩn)',
    en: 'No scoring table found (needs a header row with No., Criteria, Max points)',
  },
  familiar_sheet_not_found: {
    severity: 'error',
    vi: 'Không có trang tính "{sheet}" (có: {sheets})',
    en: 'There is no sheet "{sheet}" (sheets: {sheets})',
  },
  familiar_no_criteria: {
    severity: 'error',
    vi: 'Tìm thấy hàng tiêu đề nhưng bên dưới không có tiêu chí nào',
    en: 'The header row was found but no criteria follow it',
  },
  familiar_section_single_row: {
    severity: 'warning',
    vi: 'Phần "{text}" ({id}) chỉ có một hàng, không có mục con: điểm nhập ngay ở hàng này',
    en: 'Section "{text}" ({id}) is a single row without items: its score is entered on that row',
  },
  familiar_number_unknown: {
    severity: 'warning',
    vi: 'Không hiểu số thứ tự "{number}"; hàng được xếp theo thụt lề và chữ đậm',
    en: 'Numbering "{number}" not understood; the row is placed by indentation and bold',
  },
  familiar_number_mismatch: {
    severity: 'warning',
    vi: 'Số thứ tự {number} không thuộc mục {parent} đứng trên nó',
    en: 'Number {number} does not belong to the item {parent} above it',
  },
  familiar_duplicate_number: {
    severity: 'warning',
    vi: 'Số thứ tự "{number}" bị trùng; tiêu chí được đặt mã {id}',
    en: 'Numbering "{number}" is repeated; the criterion gets the id {id}',
  },
  familiar_level_guessed: {
    severity: 'warning',
    vi: 'Hàng không có số thứ tự; xếp {id} vào mục {parent} theo {how}',
    en: 'The row has no numbering; {id} was placed under {parent} by {how}',
  },
  familiar_section_guessed: {
    severity: 'warning',
    vi: 'Hàng "{text}" không có số thứ tự; coi là một phần ({id})',
    en: 'Row "{text}" has no numbering; taken as a section ({id})',
  },
  familiar_row_as_guidance: {
    severity: 'warning',
    vi: 'Hàng "{text}" không có số thứ tự và điểm chuẩn; coi là hướng dẫn của mục {id}',
    en: 'Row "{text}" has no numbering and no points; taken as guidance of {id}',
  },
  familiar_row_ignored: {
    severity: 'warning',
    vi: 'Bỏ qua hàng "{text}" (không có số thứ tự, điểm chuẩn)',
    en: 'Row "{text}" ignored (no numbering, no points)',
  },
  familiar_max_text: {
    severity: 'warning',
    vi: 'Điểm chuẩn ghi bằng chữ "{value}", đọc là {max}',
    en: 'Maximum written as text "{value}", read as {max}',
  },
  familiar_max_unreadable: {
    severity: 'error',
    vi: 'Không đọc được điểm chuẩn "{value}"',
    en: 'Cannot read the maximum points "{value}"',
  },
  familiar_no_max: {
    severity: 'error',
    vi: 'Tiêu chí {id} không có điểm chuẩn',
    en: 'Criterion {id} has no maximum points',
  },
  familiar_cap_from_max: {
    severity: 'warning',
    vi: 'Phần điểm thưởng {id} không ghi "tối đa"; lấy điểm chuẩn {cap} làm mức tối đa',
    en: 'Bonus section {id} states no cap; its maximum {cap} is used as the cap',
  },
  familiar_cap_guessed: {
    severity: 'warning',
    vi: 'Phần điểm thưởng {id} không ghi mức tối đa; dùng tổng các mục {cap}',
    en: 'Bonus section {id} states no cap; the sum of its items {cap} is used',
  },
  familiar_per_occurrence_guessed: {
    severity: 'warning',
    vi: 'Mục trừ điểm {id}: hiểu "trừ {points} điểm" là {points} điểm mỗi lần vi phạm',
    en: 'Deduction {id}: "minus {points} points" read as {points} points per occurrence',
  },
  familiar_award_added: {
    severity: 'warning',
    vi: 'Đã thêm danh hiệu "{award}" ({id}) vào chính sách khen thưởng với số lượng 1, chưa có ngưỡng điểm; hãy sửa lại cho đúng quy định',
    en: 'Award "{award}" ({id}) added to the policy with quota 1 and no threshold; adjust it to the rules',
  },
  familiar_step_assumed: {
    severity: 'warning',
    vi: 'Giả định điểm chấm theo bước {step} điểm; nếu Cụm quy định bước khác, sửa trường "step" (bước điểm) trong bảng tiêu chí',
    en: 'Scores assumed to move in steps of {step}; change "step" if the cluster uses another',
  },
  familiar_evidence_assumed: {
    severity: 'warning',
    vi: 'Bảng có cột "{column}": tiêu chí có điểm phải ghi minh chứng (trừ phần điểm trừ)',
    en: 'The table has a "{column}" column: scored criteria require evidence (deductions excepted)',
  },
  familiar_classification_read: {
    severity: 'warning',
    vi: 'Đọc xếp loại từ ghi chú: {bands}',
    en: 'Classification read from the note: {bands}',
  },
  familiar_classification_unreadable: {
    severity: 'warning',
    vi: 'Không đọc được cách xếp loại "{text}"; hãy khai báo trong chính sách',
    en: 'Cannot read the classification "{text}"; declare it in the policy',
  },
  familiar_total_max_differs: {
    severity: 'warning',
    vi: 'Hàng "{text}" ghi điểm chuẩn {stated}, các tiêu chí cộng lại được {computed}',
    en: 'Row "{text}" states {stated} points, the criteria add up to {computed}',
  },
  familiar_missing_criterion: {
    severity: 'error',
    vi: 'Thiếu tiêu chí {number} "{text}" trong bảng điểm (hàng bị xóa hoặc sửa số thứ tự?)',
    en: 'Criterion {number} "{text}" is missing from the workbook (row deleted or renumbered?)',
  },
  familiar_extra_row: {
    severity: 'error',
    vi: 'Hàng {number} "{text}" không có trong bảng tiêu chí',
    en: 'Row {number} "{text}" is not in the criteria set',
  },
  familiar_text_differs: {
    severity: 'warning',
    vi: 'Nội dung hàng khác với tiêu chí {id} "{expected}"',
    en: 'The row text differs from criterion {id} "{expected}"',
  },
  familiar_max_changed: {
    severity: 'error',
    vi: 'Điểm chuẩn của {id} trong tệp là {workbook}, bảng tiêu chí quy định {expected}',
    en: 'The maximum of {id} in the workbook is {workbook}; the criteria set says {expected}',
  },
  familiar_no_score_column: {
    severity: 'error',
    vi: 'Bảng không có cột điểm tự chấm hoặc điểm Cụm chấm',
    en: 'The table has no self-score or inspection-score column',
  },
  familiar_kind_unsupported: {
    severity: 'error',
    vi: 'Tiêu chí {id} (loại {kind}) cần nhiều ô nhập, không đọc được từ bảng điểm quen thuộc',
    en: 'Criterion {id} (kind {kind}) needs several inputs and cannot be read from the familiar table',
  },
  familiar_column_unassigned: {
    severity: 'warning',
    vi: 'Cột {column} ("{label}") có số như một cột điểm nhưng không được gán vai trò nào; không đọc cột này. Dùng --columns nếu đó là cột điểm',
    en: 'Column {column} ("{label}") holds numbers like a score column but has no role; it is not read. Use --columns if it is a score column',
  },
  familiar_inspected_not_found: {
    severity: 'error',
    vi: 'Không nhận ra cột điểm Cụm chấm / thẩm định, nhưng cột {column} ("{label}") có điểm ở chỗ cột đó; không lấy điểm tự chấm thay. Chỉ rõ bằng --columns "inspected={column}" ("inspected" là cột điểm Cụm chấm), hoặc trong phần bổ trợ Excel chọn cột ở mục “Các cột đã dùng”',
    en: 'The inspection-score column was not recognised, but column {column} ("{label}") holds scores where it would be; the self score is not used instead. Say which it is with --columns "inspected={column}", or in the Excel add-in choose it under “Columns used”',
  },
  familiar_self_not_found: {
    severity: 'error',
    vi: 'Không nhận ra cột điểm tự chấm, nhưng cột {column} ("{label}") có điểm ở chỗ cột đó. Chỉ rõ bằng --columns "self={column}" ("self" là cột điểm tự chấm), hoặc trong phần bổ trợ Excel chọn cột ở mục “Các cột đã dùng”',
    en: 'The self-score column was not recognised, but column {column} ("{label}") holds scores where it would be. Say which it is with --columns "self={column}", or in the Excel add-in choose it under “Columns used”',
  },
  familiar_column_by_content: {
    severity: 'warning',
    vi: 'Cột {column} ("{label}") được nhận là cột {role} theo nội dung ({why}), không theo tiêu đề',
    en: 'Column {column} ("{label}") taken as the {role} column from its content ({why}), not its header',
  },
  familiar_role_two_columns: {
    severity: 'warning',
    vi: 'Hai cột có thể là cột {role}: {chosen} ("{chosenLabel}") và {other} ("{otherLabel}"); dùng cột {chosen}. Chỉ rõ bằng --columns nếu sai',
    en: 'Two columns could be the {role} column: {chosen} ("{chosenLabel}") and {other} ("{otherLabel}"); column {chosen} is used. Say otherwise with --columns',
  },
  familiar_hidden_column_skipped: {
    severity: 'warning',
    vi: 'Bỏ qua cột ẩn {column} ("{label}"): cột ẩn không được đọc',
    en: 'Hidden column {column} ("{label}") skipped: hidden columns are never read',
  },
  familiar_hidden_row_skipped: {
    severity: 'warning',
    vi: 'Bỏ qua hàng ẩn {row} ("{text}"): hàng ẩn không được đọc',
    en: 'Hidden row {row} ("{text}") skipped: hidden rows are never read',
  },
  familiar_columns_given: {
    severity: 'warning',
    vi: 'Dùng các cột đã chỉ định: {columns}',
    en: 'Using the columns given: {columns}',
  },
  familiar_columns_invalid: {
    severity: 'error',
    vi: 'Không hiểu chỉ định cột "{part}": mỗi phần ghi vai trò của cột = chữ cái của cột, ví dụ "tt=A,noi dung=B,diem chuan=C,tu cham=D,tham dinh=E" (số thứ tự, nội dung, điểm chuẩn, tự chấm, Cụm chấm); cũng nhận tên tiếng Anh "number", "text", "max", "self", "inspected", "evidence", "remark"',
    en: 'Cannot read the column mapping "{part}" (form: number=A,text=B,max=C,self=D,inspected=E,evidence=F,remark=G)',
  },
  familiar_header_row_invalid: {
    severity: 'error',
    vi: 'Hàng tiêu đề {row} không có cột nội dung tiêu chí; kiểm tra --header-row và --columns',
    en: 'Header row {row} has no criteria-text column; check --header-row and --columns',
  },
  familiar_sheet_chosen: {
    severity: 'warning',
    vi: 'Có {count} trang tính giống bảng điểm ({sheets}); dùng "{sheet}" vì {why}. Chỉ rõ bằng --sheet nếu sai',
    en: '{count} sheets look like the scoring table ({sheets}); "{sheet}" is used because {why}. Say otherwise with --sheet',
  },
  familiar_sheet_ambiguous: {
    severity: 'error',
    vi: 'Các trang tính {sheets} đều giống bảng điểm như nhau; chọn một bằng --sheet',
    en: 'Sheets {sheets} look equally like the scoring table; choose one with --sheet',
  },
  familiar_import_note: {
    severity: 'warning',
    vi: 'Khi nhập bảng tiêu chí: {vi} ({code})',
    en: 'At import of the criteria set: {en} ({code})',
  },
  familiar_max_range: {
    severity: 'warning',
    vi: 'Điểm chuẩn ghi là khoảng "{value}"; lấy mức cao nhất {max}',
    en: 'Maximum written as a range "{value}"; the upper end {max} is used',
  },
  familiar_max_in_text: {
    severity: 'warning',
    vi: 'Điểm chuẩn của {id} đọc từ nội dung "{value}": {max}',
    en: 'Maximum of {id} read from its text "{value}": {max}',
  },
  familiar_tree_mismatch: {
    severity: 'warning',
    vi: 'Các mục con của {id} cộng lại được {sum} nhưng {id} ghi {max} khi {reading} (ô {cell}){others}; bảng tiêu chí dùng {sum}. Nếu cách đọc này sai, sửa số thứ tự hoặc điểm chuẩn trong bảng',
    en: 'Children of {id} add up to {sum} but {id} says {max} when {reading} (cell {cell}){others}; the criteria set uses {sum}. If this reading is wrong, fix the numbering or the maxima in the table',
  },
  familiar_negative_deduction: {
    severity: 'warning',
    vi: 'Điểm trừ ghi số âm {value}: hiểu là trừ {points} điểm',
    en: 'Deduction written as a negative number {value}: read as {points} points off',
  },
  familiar_output_format: {
    severity: 'error',
    vi: 'Tệp ra phải là .json, .yaml hoặc .yml: {path}',
    en: 'The output must be .json, .yaml or .yml: {path}',
  },
});
