/**
 * Command-line inputs to files: a folder stands for its .xlsx, .xls, .ods and .json files (not its sub-folders),
 * in name order; Office lock files (~$x.xlsx), hidden files and the paths to leave out (the output,
 * the criteria set) are skipped. A path that does not exist is a usage error.
 */
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { Problem, problem } from '../core';
import { fileKind, UsageError } from './context';
import { canonicalPath, rememberCanonical } from './fs-out';
import { systemDetail } from './sys-errors';

export const INPUT_EXTENSIONS = ['.xlsx', '.xls', '.ods', '.json'];

export function expandInputs(args: string[], opts: { exclude?: string[] } = {}): { files: string[]; problems: Problem[] } {
  const exclude = new Set((opts.exclude ?? []).map(canonicalPath));
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const add = (f: string, c = canonicalPath(f)) => {
    if (seen.has(c) || exclude.has(c)) return;
    seen.add(c);
    files.push(f);
  };
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      throw new UsageError([problem('file_unreadable', { detail: systemDetail(e) }, { file: arg })]);
    }
    if (!st.isDirectory()) {
      // An explicit path must be a regular file (a symlink to /dev/zero, a FIFO or a socket never is).
      if (!st.isFile()) throw new UsageError([problem('not_regular_file', fileKind(st), { file: arg })]);
      add(arg);
      continue;
    }
    const entries = readdirSync(arg, { withFileTypes: true })
      .filter((d) => !d.name.startsWith('~$') && !d.name.startsWith('.') && INPUT_EXTENSIONS.includes(path.extname(d.name).toLowerCase()))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A regular file of the folder is the folder's canonical path and its name: one realpath for the
    // folder, not one walk of the path for each of a thousand files. A link is followed on its own.
    let folder: string | undefined;
    let n = 0;
    for (const d of entries) {
      const f = path.join(arg, d.name);
      if (d.isFile()) add(f, path.join((folder ??= canonicalPath(arg)), d.name));
      else {
        try {
          if (!d.isSymbolicLink() || !statSync(f).isFile()) continue;
        } catch {
          continue;
        }
        add(f);
      }
      n++;
    }
    if (!n) problems.push(problem('folder_empty', {}, { file: arg }));
  }
  rememberCanonical(files, seen);
  return { files, problems };
}
