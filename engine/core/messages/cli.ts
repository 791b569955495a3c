import { defineMessages } from './define';

/**
 * The command line's own messages: the argument parser's errors (commander's, translated), the
 * language switch, and the ordinary mistakes around output paths. All are usage errors (exit 2).
 */
export const CLI_MESSAGES = defineMessages({
  usage_missing_argument: {
    severity: 'error',
    vi: 'Thiếu tham số bắt buộc "{name}" của lệnh {command}',
    en: 'Missing required argument "{name}" of {command}',
  },
  usage_unknown_option: {
    severity: 'error',
    vi: 'Tùy chọn không có: {option}{suggestion}',
    en: 'Unknown option: {option}{suggestion}',
  },
  usage_option_missing_value: {
    severity: 'error',
    vi: 'Tùy chọn {option} cần một giá trị',
    en: 'Option {option} needs a value',
  },
  usage_required_option: {
    severity: 'error',
    vi: 'Thiếu tùy chọn bắt buộc {option} của lệnh {command}',
    en: 'Required option {option} of {command} is missing',
  },
  usage_unknown_command: {
    severity: 'error',
    vi: 'Lệnh không có: {name}{suggestion}. Xem "thidua --help"',
    en: 'Unknown command: {name}{suggestion}. See "thidua --help"',
  },
  usage_excess_arguments: {
    severity: 'error',
    vi: 'Quá nhiều tham số cho lệnh {command}: cần {expected}, nhận {got}',
    en: 'Too many arguments for {command}: expected {expected}, got {got}',
  },
  usage_conflicting_option: {
    severity: 'error',
    vi: 'Không dùng cùng lúc được: {detail}',
    en: 'Options cannot be used together: {detail}',
  },
  usage_invalid_argument: {
    severity: 'error',
    vi: 'Giá trị không hợp lệ: {detail}',
    en: 'Invalid value: {detail}',
  },
  usage_bad_lang: {
    severity: 'error',
    vi: 'Ngôn ngữ "{lang}" không có; dùng --lang vi hoặc --lang en / language "{lang}" is not available; use --lang vi or --lang en',
    en: 'Language "{lang}" is not available; use --lang vi or --lang en / ngôn ngữ "{lang}" không có; dùng --lang vi hoặc --lang en',
  },
  output_parent_is_file: {
    severity: 'error',
    vi: 'Không ghi được "{path}": "{parent}" là một tệp, không phải thư mục',
    en: 'Cannot write "{path}": "{parent}" is a file, not a folder',
  },
  output_dir_missing: {
    severity: 'error',
    vi: 'Không ghi được "{path}": thư mục "{parent}" không tồn tại',
    en: 'Cannot write "{path}": the folder "{parent}" does not exist',
  },
  output_dir_not_writable: {
    severity: 'error',
    vi: 'Không ghi được vào thư mục "{parent}": {detail}',
    en: 'Cannot write into the folder "{parent}": {detail}',
  },
  output_folder_is_file: {
    severity: 'error',
    vi: 'Thư mục kết quả "{path}" là một tệp; hãy chọn một thư mục (-o)',
    en: 'The output folder "{path}" is a file; choose a folder (-o)',
  },
  demo_output_exists: {
    severity: 'error',
    vi: 'Thư mục "{path}" đã có kết quả chạy thử ({file}); dùng --force để thay thế, hoặc -o để chọn thư mục khác',
    en: 'The folder "{path}" already holds a demo run ({file}); use --force to replace it, or -o for another folder',
  },
  unexpected_error: {
    severity: 'error',
    vi: 'Lỗi không mong đợi: {detail}. Hãy gửi tệp và lệnh này cho nhóm phát triển',
    en: 'Unexpected error: {detail}. Please report it with the file and command',
  },
});
