/**
 * What a user reads from the command line, in their language: the help (every command, argument and
 * option), commander's own errors, system errors, the ordinary mistakes around output paths, and the
 * one JSON document --json promises even on errors. In process through main(argv) (test/helpers/cli).
 */
import * as fs from 'fs';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildProgram } from '../../engine/cli/main';
import { systemDetail } from '../../engine/cli/sys-errors';
import { run, thidua } from '../helpers/cli';
import { DEFAULT_SET_FILE, ROOT } from '../helpers/sets';

// A file locked by Excel (EBUSY) or a full disk (ENOSPC) cannot be made on demand: the rename that
// publishes an output fails with that code while mockRenameError is set.
let mockRenameError: string | undefined;
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return {
    ...actual,
    renameSync: (...a: unknown[]) => {
      if (mockRenameError) throw Object.assign(new Error(`${mockRenameError}: simulated`), { code: mockRenameError });
      return actual.renameSync(...a);
    },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'thidua-msg-'));
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
jest.setTimeout(60_000);
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { ok: boolean; exitCode: number; problems: Array<{ code: string; message: string }> };

describe('help', () => {
  const names = buildProgram('vi').commands.map((c) => c.name()).filter((n) => n !== 'help');

  test('lists every registered command with one line, Vietnamese by default and English with --lang en', async () => {
    const vi = await run(['--help']);
    const en = await run(['--help', '--lang', 'en']);
    expect(vi.code).toBe(0);
    expect(en.code).toBe(0);
    expect(vi.stdout).toMatch(/^Cách dùng: thidua/);
    expect(en.stdout).toMatch(/^Usage: thidua/);
    expect(names).toEqual(expect.arrayContaining(['import', 'lint', 'template', 'check', 'score', 'rank', 'demo']));
    const line = (out: string, name: string) => out.split('\n').find((l) => l.trimStart().startsWith(`${name} `)) ?? '';
    for (const name of names) {
      const v = line(vi.stdout, name);
      const e = line(en.stdout, name);
      expect([name, v.length > name.length + 10]).toEqual([name, true]);
      expect([name, v]).not.toEqual([name, e]); // a different text per language
      expect([name, v.includes(' / ')]).toEqual([name, false]); // one language per line
    }
    expect(line(vi.stdout, 'check')).toContain('Kiểm tra một bảng điểm');
    expect(line(en.stdout, 'check')).toContain('Check a filled workbook');
  });

  test("every option's and argument's help is in the chosen language", () => {
    for (const lang of ['vi', 'en'] as const) {
      const program = buildProgram(lang);
      for (const cmd of program.commands) {
        for (const o of cmd.options) expect([cmd.name(), o.long, o.description.includes(' / ') || o.description === '']).toEqual([cmd.name(), o.long, false]);
        for (const a of cmd.registeredArguments) expect([cmd.name(), a.name(), a.description.includes(' / ') || a.description === '']).toEqual([cmd.name(), a.name(), false]);
      }
    }
    // Each text differs between the languages: an option registered in one language only (as `report`'s
    // were) shows English in the Vietnamese help.
    const [vis, ens] = [buildProgram('vi'), buildProgram('en')];
    const same: string[] = [];
    for (const cmd of vis.commands) {
      const other = ens.commands.find((c) => c.name() === cmd.name())!;
      if (cmd.description() === other.description()) same.push(`${cmd.name()}: ${cmd.description()}`);
      for (const o of cmd.options) {
        const e = other.options.find((x) => x.long === o.long)!;
        if (o.description === e.description) same.push(`${cmd.name()} ${o.long}: ${o.description}`);
      }
      for (const a of cmd.registeredArguments) {
        const e = other.registeredArguments.find((x) => x.name() === a.name())!;
        if (a.description === e.description) same.push(`${cmd.name()} <${a.name()}>: ${a.description}`);
      }
    }
    expect(same).toEqual([]);
    const vi = buildProgram('vi').commands.find((c) => c.name() === 'rank')!;
    expect(vi.options.find((o) => o.long === '--json')!.description).toBe('in kết quả dạng JSON (một tài liệu trên stdout)');
    const en = buildProgram('en').commands.find((c) => c.name() === 'rank')!;
    expect(en.options.find((o) => o.long === '--force')!.description).toBe('overwrite an existing ranking workbook');
  });

  test('a command help has its titles translated', async () => {
    const r = await run(['template', '--help']);
    expect(r.stdout).toMatch(/Tham số:[\s\S]*Tùy chọn:[\s\S]*tệp bảng điểm sẽ tạo/);
    expect((await run(['template', '--help', '--lang', 'en'])).stdout).toMatch(/Arguments:[\s\S]*Options:[\s\S]*the workbook to write/);
  });

  test('no command at all: the help on stderr, exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Cách dùng: thidua/);
  });

  test('--version prints the package version (the real binary too)', async () => {
    expect((await run(['--version'])).stdout.trim()).toBe(VERSION);
    const r = thidua(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, VERSION]);
  });
});

describe("the argument parser's errors, translated", () => {
  const cases: Array<[string[], string, RegExp, RegExp]> = [
    [['check'], 'usage_missing_argument', /Thiếu tham số bắt buộc "file" của lệnh thidua check/, /Missing required argument "file" of thidua check/],
    [['check', 'x.xlsx', '--bogus'], 'usage_unknown_option', /Tùy chọn không có: --bogus/, /Unknown option: --bogus/],
    [['check', 'x.xlsx', '--criteria'], 'usage_option_missing_value', /Tùy chọn --criteria <file> cần một giá trị/, /Option --criteria <file> needs a value/],
    [['template', DEFAULT_SET_FILE], 'usage_required_option', /Thiếu tùy chọn bắt buộc -o, --output <out.xlsx\|folder> của lệnh thidua template/, /Required option -o, --output <out.xlsx\|folder> of thidua template is missing/],
    [['chek', 'x'], 'usage_unknown_command', /Lệnh không có: chek \(có phải ý bạn là check\?\)/, /Unknown command: chek \(did you mean check\?\)/],
    [['check', 'a.xlsx', 'b.xlsx'], 'usage_excess_arguments', /Quá nhiều tham số cho lệnh thidua check: cần 1, nhận 2/, /Too many arguments for thidua check: expected 1, got 2/],
  ];
  test.each(cases)('%j', async (args, code, vi, en) => {
    const v = await run(args);
    expect(v.code).toBe(2);
    expect(v.stdout).toBe('');
    expect(v.stderr).toMatch(vi);
    expect(v.stderr).toContain(code);
    expect(v.stderr).not.toMatch(/error:|\n\s+at /);
    const e = await run(['--lang', 'en', ...args]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(en);
    const j = await run([args[0], '--json', ...args.slice(1)]);
    expect(j.code).toBe(2);
    expect(json(j)).toMatchObject({ ok: false, exitCode: 2, problems: [{ code }] });
    expect(j.stderr).toBe('');
  });

  test('--lang fr is a usage error, not a silent fallback', async () => {
    const r = await run(['lint', DEFAULT_SET_FILE, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Ngôn ngữ "fr" không có/);
    expect(r.stderr).toMatch(/language "fr" is not available/);
    const j = await run(['--lang=fr', 'lint', DEFAULT_SET_FILE, '--json']);
    expect(j.code).toBe(2);
    expect(json(j).problems[0].code).toBe('usage_bad_lang');
  });
});

describe('system errors in the user language', () => {
  const CODES: Array<[string, RegExp, RegExp]> = [
    ['EACCES', /quyền/, /permission denied/],
    ['ENOENT', /không tồn tại/, /does not exist/],
    ['EISDIR', /thư mục/, /folder/],
    ['ENOTDIR', /là tệp, không phải thư mục/, /is a file, not a folder/],
    ['EROFS', /chỉ cho đọc/, /read-only/],
    ['ENOSPC', /đầy/, /full/],
    ['EBUSY', /Excel/, /Excel/],
  ];
  test.each(CODES)('%s', (code, vi, en) => {
    const d = systemDetail(Object.assign(new Error('x'), { code }));
    expect(d.vi).toMatch(vi);
    expect(d.en).toMatch(en);
    expect(d.vi).not.toContain(code);
  });

  test('a missing input and a folder given as a file: exit 2, named, translated; --json one document', async () => {
    const missing = await run(['lint', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml.*Không đọc được tệp: không tồn tại/);
    const folder = await run(['check', dir, '--lang', 'en']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/Cannot read the file: is a folder, not a file/);
    const j = await run(['check', path.join(dir, 'nope.xlsx'), '--json', '--lang', 'en']);
    expect(j.code).toBe(2);
    expect(json(j)).toMatchObject({ ok: false, problems: [{ code: 'file_unreadable', message: 'Cannot read the file: does not exist' }] });
  });

  test('a file locked by Excel (EBUSY) or a full disk (ENOSPC) while writing: exit 2 with its own message, no temporary file left', async () => {
    for (const [code, vi] of [['EBUSY', /đang được mở ở chương trình khác \(ví dụ Excel\)/], ['ENOSPC', /ổ đĩa đã đầy/]] as const) {
      const out = path.join(dir, `locked-${code}.xlsx`);
      mockRenameError = code;
      try {
        const r = await run(['template', DEFAULT_SET_FILE, '-o', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(vi);
        expect(r.stderr).toContain('output_write_failed');
      } finally {
        mockRenameError = undefined;
      }
      expect(fs.readdirSync(dir).filter((f) => f.includes(`locked-${code}`))).toEqual([]);
    }
  }, 120_000);
});

describe('ordinary mistakes with output paths: their own message, exit 2', () => {
  const aFile = path.join(dir, 'a-file.txt');
  beforeAll(() => writeFileSync(aFile, 'not a folder'));

  test('an output under a file', async () => {
    const r = await run(['template', DEFAULT_SET_FILE, '-o', path.join(aFile, 'out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"[^"]*a-file\.txt" là một tệp, không phải thư mục \(output_parent_is_file\)/);
    const sub = path.join(dir, 'sub.json');
    writeFileSync(sub, JSON.stringify({ unit: 'X', self: {} }));
    const en = await run(['rank', sub, '--criteria', DEFAULT_SET_FILE, '-o', path.join(aFile, 'sub', 'r.xlsx'), '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/a-file\.txt" is a file, not a folder/);
  });

  test('an output that is an existing file (without --force) or a folder', async () => {
    const existing = path.join(dir, 'existing.xlsx');
    writeFileSync(existing, 'x');
    const r = await run(['template', DEFAULT_SET_FILE, '-o', existing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/đã tồn tại; dùng --force để ghi đè \(output_exists\)/);
    expect(readFileSync(existing, 'utf8')).toBe('x');
    const folder = path.join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const f = await run(['template', DEFAULT_SET_FILE, '-o', folder, '--force', '--lang', 'en']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/Cannot write the output .*folder\.xlsx": is a folder, not a file/);
  });

  test('an output folder that does not exist, or cannot be written to', async () => {
    const r = await run(['template', DEFAULT_SET_FILE, '-o', path.join(dir, 'no-such-folder', 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('output_dir_missing');
    if (process.getuid?.() === 0) return; // root writes anywhere: the permission case needs a normal user
    const ro = path.join(dir, 'read-only');
    mkdirSync(ro, { mode: 0o500 });
    const w = await run(['template', DEFAULT_SET_FILE, '-o', path.join(ro, 'x.xlsx'), '--lang', 'en']);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/Cannot write into the folder .*read-only": permission denied/);
  });

  test('demo -o on a file', async () => {
    const r = await run(['demo', '-o', aFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/là một tệp; hãy chọn một thư mục \(-o\) \(output_folder_is_file\)/);
    const j = await run(['demo', '-o', aFile, '--json', '--lang', 'en']);
    expect(json(j).problems[0]).toMatchObject({ code: 'output_folder_is_file' });
    expect(readFileSync(aFile, 'utf8')).toBe('not a folder');
  });

  test('demo never replaces an earlier run without --force', async () => {
    const folder = path.join(dir, 'demo-output');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'ranking.xlsx'), 'earlier run');
    writeFileSync(path.join(folder, 'mine.txt'), 'not the demo’s');
    const r = await run(['demo', '-o', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/đã có kết quả chạy thử \(ranking\.xlsx\); dùng --force để thay thế/);
    expect(readFileSync(path.join(folder, 'ranking.xlsx'), 'utf8')).toBe('earlier run');
    const forced = await run(['demo', '-o', folder, '--force', '--json']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).ok).toBe(true);
    expect(readFileSync(path.join(folder, 'ranking.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(path.join(folder, 'mine.txt'), 'utf8')).toBe('not the demo’s');
  }, 180_000);
});

describe("the README's criteria-set example", () => {
  test('passes lint', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const file = path.join(dir, 'readme-example.yaml');
    writeFileSync(file, block![1]);
    const r = await run(['lint', file, '--json']);
    expect(json(r).problems).toEqual([]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, criteriaSet: { id: 'cum-trung-du-2024' }, leaves: 4, maxBase: 30, maxBonus: 5 });
  });
});
