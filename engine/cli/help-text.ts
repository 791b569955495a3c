/**
 * The help of `thidua` in both languages: one line per command, every argument and option. Commands
 * register themselves with "tiếng Việt / English" descriptions; this catalog gives the proper text per
 * language, and a command or option it does not know yet is shown by splitting its " / " description
 * (so a newly added command is still listed in the user's language).
 */
import type { Command, Help } from 'commander';
import type { Bilingual, Lang } from '../core/i18n';

type Bi = Bilingual;
const bi = (vi: string, en: string): Bi => ({ vi, en });

/** Options shared by several commands. */
const COMMON: Record<string, Bi> = {
  '--json': bi('in kết quả dạng JSON (một tài liệu trên stdout)', 'print the result as JSON (one document on stdout)'),
  '--force': bi('ghi đè tệp kết quả đã có', 'overwrite an existing output'),
  '--criteria': bi('bảng tiêu chí, cho bảng điểm không mang theo bảng tiêu chí (mẫu quen thuộc)', 'criteria set, for workbooks that do not carry one (familiar layouts)'),
  '--lang': bi('ngôn ngữ: vi (mặc định) hoặc en', 'language: vi (default) or en'),
  '--help': bi('hiển thị trợ giúp', 'display help'),
  '--version': bi('in số phiên bản', 'print the version'),
  '--verbose': bi('hiện tất cả cảnh báo', 'show every warning'),
};

interface CommandText {
  description: Bi;
  args?: Record<string, Bi>;
  options?: Record<string, Bi>;
}

export const COMMAND_TEXT: Record<string, CommandText> = {
  import: {
    description: bi('Nhập bảng chấm điểm quen thuộc của Cụm thành bảng tiêu chí', "Import the cluster's familiar scoring workbook as a criteria set"),
    args: { workbook: bi('bảng chấm điểm (.xlsx)', 'the scoring workbook (.xlsx)') },
    options: {
      '--sheet': bi('trang tính chứa bảng điểm', 'the sheet holding the table'),
      '--output': bi('ghi bảng tiêu chí (.yaml, .json)', 'write the criteria set (.yaml, .json)'),
    },
  },
  lint: {
    description: bi('Kiểm tra bảng tiêu chí (tổng điểm, đánh số, công thức, quy định)', 'Check a criteria set (sums, numbering, formulas, policy)'),
    args: { criteria: bi('bảng tiêu chí (.yaml, .json hoặc sổ Excel .xlsx)', 'criteria set (.yaml, .json or an Excel .xlsx sheet)') },
  },
  template: {
    description: bi('Tạo bảng chấm điểm Excel cho đơn vị (tự chấm hoặc kiểm tra chéo)', 'Generate the scoring workbook for a unit (self-assessment or inspection)'),
    args: { criteria: bi('bảng tiêu chí (.yaml, .json, .xlsx)', 'criteria set (.yaml, .json, .xlsx)') },
    options: {
      '--mode': bi('self: trường tự chấm; inspection: đoàn kiểm tra chéo (--from ngầm định inspection)', 'self: the school scores itself; inspection: the cross-inspection (--from implies it)'),
      '--from': bi('bảng điểm trường đã tự chấm (cho bảng kiểm tra chéo)', "the school's filled workbook (for the inspection workbook)"),
      '--unit': bi('tên đơn vị', 'unit name'),
      '--year': bi('năm thi đua', 'year'),
      '--output': bi('tệp bảng điểm sẽ tạo (.xlsx); với --units: thư mục, mỗi đơn vị một tệp', 'the workbook to write (.xlsx); with --units: a folder, one file per unit'),
    },
  },
  check: {
    description: bi('Kiểm tra một bảng điểm đã nhập trước khi gửi', 'Check a filled workbook before sending it'),
    args: { file: bi('bảng điểm (.xlsx) hoặc bài nộp (.json)', 'workbook (.xlsx) or submission (.json)') },
  },
  score: {
    description: bi('Tính điểm các bảng điểm hoặc bài nộp JSON', 'Score workbooks or JSON submissions'),
    args: { files: bi('bảng điểm (.xlsx) hoặc bài nộp (.json)', 'workbooks (.xlsx) or submissions (.json)') },
  },
  rank: {
    description: bi('Tổng hợp, xếp hạng, xếp loại và đề nghị khen thưởng', 'Consolidate workbooks into a ranking, classes and awards'),
    args: { inputs: bi('bảng điểm .xlsx, bài nộp .json hoặc thư mục chứa chúng', 'workbooks .xlsx, submissions .json or a folder of them') },
    options: {
      '--output': bi('ghi bảng xếp hạng (.xlsx)', 'write the ranking workbook (.xlsx)'),
      '--allow-partial': bi('xếp hạng các tệp hợp lệ kể cả khi có tệp bị từ chối', 'rank the valid files even when others are refused'),
      '--force': bi('ghi đè bảng xếp hạng đã có', 'overwrite an existing ranking workbook'),
    },
  },
  report: {
    description: bi('Biên bản kiểm tra chéo, báo cáo kết quả, tờ trình khen thưởng (.docx)', 'Year-end documents: inspection minutes, results report, award proposal (.docx)'),
    args: { inputs: bi('bảng điểm .xlsx, bài nộp .json hoặc thư mục chứa chúng', 'workbooks .xlsx, submissions .json or a folder of them') },
    options: {
      '--unit': bi('chỉ lập biên bản cho đơn vị này (lặp lại được)', 'minutes for this unit only (repeatable)'),
      '--output': bi('thư mục ghi các tệp .docx', 'folder to write the .docx files into'),
      '--allow-partial': bi('lập văn bản cho các tệp hợp lệ kể cả khi có tệp bị từ chối', 'write the documents for the valid files even when others are refused'),
      '--force': bi('ghi đè văn bản đã có', 'overwrite documents that exist'),
    },
  },
  demo: {
    description: bi('Chạy thử cả năm thi đua trên Cụm mẫu, không cần tham số', 'Run the whole year on the bundled example cluster, no arguments needed'),
    options: {
      '--output': bi('thư mục kết quả (mặc định ./demo-output)', 'output folder (default ./demo-output)'),
      '--force': bi('thay thế kết quả chạy thử đã có trong thư mục', 'replace an earlier demo run in the folder'),
      '--json': bi('in các tệp đã ghi và bảng xếp hạng dạng JSON', 'print the files written and the ranking as JSON'),
    },
  },
};

export const PROGRAM_TEXT = bi('Chấm điểm thi đua Cụm trường chính trị', 'Emulation-cluster scoring for provincial political schools');

/** The text of a "tiếng Việt / English" description in one language. */
export function splitBilingual(text: string, lang: Lang): string {
  const parts = text.split(' / ');
  if (parts.length < 2) return text;
  return lang === 'vi' ? parts[0] : parts.slice(1).join(' / ');
}

/** Put the help texts of one language on the program, its commands, arguments and options. */
export function localizeHelp(program: Command, lang: Lang): void {
  for (const o of program.options) o.description = (COMMON[o.long ?? ''] ?? bi(o.description, o.description))[lang];
  for (const cmd of program.commands) {
    const text = COMMAND_TEXT[cmd.name()];
    cmd.description(text ? text.description[lang] : splitBilingual(cmd.description(), lang));
    for (const a of cmd.registeredArguments) a.description = text?.args?.[a.name()]?.[lang] ?? splitBilingual(a.description, lang);
    for (const o of cmd.options) {
      const key = o.long ?? '';
      const own = text?.options?.[key] ?? COMMON[key];
      o.description = own ? own[lang] : splitBilingual(o.description, lang);
    }
  }
}

const TITLES: Record<Lang, { usage: string; args: string; options: string; commands: string; more: string }> = {
  vi: { usage: 'Cách dùng:', args: 'Tham số:', options: 'Tùy chọn:', commands: 'Lệnh:', more: 'Xem thêm: thidua <lệnh> --help' },
  en: { usage: 'Usage:', args: 'Arguments:', options: 'Options:', commands: 'Commands:', more: 'More: thidua <command> --help' },
};

/** commander's help layout with the section titles in the user's language. */
export function helpFormatter(lang: Lang): (cmd: Command, helper: Help) => string {
  return (cmd, helper) => {
    const T = TITLES[lang];
    const width = helper.padWidth(cmd, helper);
    const item = (term: string, desc: string) => (desc ? `  ${term.padEnd(width + 2)}${desc}` : `  ${term}`);
    const out = [`${T.usage} ${helper.commandUsage(cmd)}`, ''];
    const desc = helper.commandDescription(cmd);
    if (desc) out.push(desc, '');
    const args = helper.visibleArguments(cmd).map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a)));
    if (args.length) out.push(T.args, ...args, '');
    const opts = helper.visibleOptions(cmd).map((o) => item(helper.optionTerm(o), helper.optionDescription(o)));
    if (opts.length) out.push(T.options, ...opts, '');
    const cmds = helper.visibleCommands(cmd).map((c) => item(helper.subcommandTerm(c), helper.subcommandDescription(c)));
    if (cmds.length) out.push(T.commands, ...cmds, '', T.more, '');
    return out.join('\n');
  };
}
