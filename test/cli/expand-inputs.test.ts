/**
 * Inputs from the command line: a folder's regular files are listed from the folder's entries (their
 * canonical path is the folder's and their name), links are followed one by one, and an output is
 * refused when it is one of the inputs under another name (a linked folder, a link to the file),
 * checked against the canonical paths worked out once while listing.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { expandInputs } from '../../engine/cli/expand-inputs';
import { checkOutputPath } from '../../engine/cli/fs-out';
import { UsageError } from '../../engine/cli/context';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'thidua-inputs-'));
  const d = path.join(tmp, 'in');
  mkdirSync(d);
  for (const n of ['b.xlsx', 'a.xlsx', 'C.json', '~$a.xlsx', '.hidden.xlsx', 'notes.txt']) writeFileSync(path.join(d, n), 'x');
  mkdirSync(path.join(d, 'sub.xlsx')); // a folder named like a workbook
  writeFileSync(path.join(tmp, 'outside.xlsx'), 'x');
  symlinkSync(path.join(tmp, 'outside.xlsx'), path.join(d, 'link.xlsx'));
  symlinkSync('/dev/zero', path.join(d, 'zero.xlsx'));
  symlinkSync(path.join(tmp, 'missing.xlsx'), path.join(d, 'dangling.xlsx'));
  symlinkSync(d, path.join(tmp, 'same-folder'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const codeOf = (f: () => void): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e.problems[0].code;
    throw e;
  }
  return undefined;
};

test('a folder: its regular files and links to regular files, in name order; no lock, hidden, other, device, dangling or folder entry', () => {
  const d = path.join(tmp, 'in');
  const { files, problems } = expandInputs([d]);
  expect(files.map((f) => path.basename(f))).toEqual(['C.json', 'a.xlsx', 'b.xlsx', 'link.xlsx']);
  expect(problems).toEqual([]);
});

test('one file reached twice (the folder, the same folder through a link, the file a link points to) is listed once', () => {
  const d = path.join(tmp, 'in');
  const { files } = expandInputs([d, path.join(tmp, 'same-folder'), path.join(tmp, 'outside.xlsx'), path.join(tmp, 'same-folder', 'a.xlsx')]);
  expect(files.map((f) => path.relative(tmp, f))).toEqual(['in/C.json', 'in/a.xlsx', 'in/b.xlsx', 'in/link.xlsx']);
});

test('excluded paths are left out under any name they are reached by', () => {
  const { files } = expandInputs([path.join(tmp, 'same-folder')], { exclude: [path.join(tmp, 'in', 'b.xlsx'), path.join(tmp, 'outside.xlsx')] });
  expect(files.map((f) => path.basename(f))).toEqual(['C.json', 'a.xlsx']);
});

test('an output that is an input under another name is refused, before and after the listing is reused', () => {
  const { files } = expandInputs([path.join(tmp, 'same-folder')]);
  for (let k = 0; k < 2; k++) {
    expect(codeOf(() => checkOutputPath(path.join(tmp, 'in', 'a.xlsx'), { force: true, inputs: files }))).toBe('output_is_input');
    expect(codeOf(() => checkOutputPath(path.join(tmp, 'outside.xlsx'), { force: true, inputs: files }))).toBe('output_is_input');
  }
  expect(codeOf(() => checkOutputPath(path.join(tmp, 'ranking.xlsx'), { force: true, inputs: files }))).toBeUndefined();
  // A list the command made itself (not from expandInputs) is canonicalised on first use.
  expect(codeOf(() => checkOutputPath(path.join(tmp, 'same-folder', 'b.xlsx'), { force: true, inputs: [path.join(tmp, 'in', 'b.xlsx')] }))).toBe('output_is_input');
});
