/**
 * What every command shares: language, output discipline (--json prints one document on stdout and
 * nothing else there), exit codes, reading files, loading criteria sets.
 */
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync, statSync } from 'fs';
import * as path from 'path';
import { UNREADABLE_CODES } from '../core/messages/files';
import { systemDetail } from './sys-errors';
import { escapeControls } from '../core/unit-name';
import { CompiledSet, formatProblem, hasErrors, Lang, loadCriteriaText, LoadResult, pickLang, Problem, problem } from '../core';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Exit code for a set of problems: 2 when an input could not be read at all, 1 for other errors, else 0. */
export function exitFor(problems: Problem[]): number {
  if (problems.some((p) => UNREADABLE_CODES.has(p.code))) return EXIT.usage;
  return hasErrors(problems) ? EXIT.problems : EXIT.ok;
}

/** A failure the user caused (bad path, unreadable input): printed as a message, never a stack. */
export class UsageError extends Error {
  constructor(
    public readonly problems: Problem[],
    message?: string,
  ) {
    super(message ?? problems.map((p) => p.messages.en).join('; '));
  }
}

export interface GlobalOptions {
  lang?: string;
  json?: boolean;
}

export function langOf(opts: GlobalOptions): Lang {
  return pickLang(process.env.THIDUA_LANG ?? opts.lang);
}

export function t(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

/** Human text goes to stdout unless --json, where it goes to stderr so stdout stays one JSON document. */
export function say(opts: GlobalOptions, line: string): void {
  // Control characters from inputs are shown escaped, never sent to the terminal (escapeControls).
  (opts.json ? process.stderr : process.stdout).write(`${escapeControls(line)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printProblems(opts: GlobalOptions, problems: Problem[]): void {
  const lang = langOf(opts);
  for (const p of problems) say(opts, `  ${formatProblem(p, lang)}`);
}

/** Largest input read (the .xlsx limit; text inputs have smaller ones of their own). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Opening never waits for a writer (a FIFO given as an input): POSIX has O_NONBLOCK, Windows no FIFOs to open. */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** A directory, device, FIFO or socket is refused, saying what it is. */
function refuseUnlessFile(st: import('fs').Stats, file: string): void {
  if (st.isDirectory()) throw new UsageError([problem('file_unreadable', { detail: systemDetail({ code: 'EISDIR' }) }, { file })]);
  if (!st.isFile()) throw new UsageError([problem('not_regular_file', fileKind(st), { file })]);
}

/**
 * An input's bytes: only a regular file (a symlink to one is fine; devices, FIFOs and sockets are
 * refused), its size checked on the open file before reading (fstat: no second walk of the path), and
 * the read itself bounded (a file growing while read, or lying about its size, stops at the limit).
 * A path that cannot be opened is looked at with stat, to say what it is.
 */
export function readInput(file: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    let st;
    try {
      st = statSync(file);
    } catch {
      throw new UsageError([problem('file_unreadable', { detail: systemDetail(e) }, { file })]);
    }
    refuseUnlessFile(st, file);
    throw new UsageError([problem('file_unreadable', { detail: systemDetail(e) }, { file })]);
  }
  try {
    const st = fstatSync(fd);
    refuseUnlessFile(st, file);
    const tooLarge = (size: number) =>
      new UsageError([problem('file_too_large', { size: Math.round(size / 1048576), limit: Math.round(maxBytes / 1048576) }, { file })]);
    if (st.size > maxBytes) throw tooLarge(st.size);
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) throw tooLarge(maxBytes + 1);
      const k = readSync(fd, buf, n, buf.length - n, null);
      n += k;
      // A regular file reads short only at its end (the buffer holds one byte more than its size).
      if (k === 0 || n < buf.length) break;
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError([problem('file_unreadable', { detail: systemDetail(e) }, { file })]);
  } finally {
    closeSync(fd);
  }
}

/** What a path that is not a regular file is, in words. */
/** What a path that is not a regular file is, in both languages (the message's {kindVi} / {kindEn}). */
export function fileKind(st: import('fs').Stats): { kindVi: string; kindEn: string } {
  if (st.isCharacterDevice()) return { kindVi: 'thiết bị ký tự', kindEn: 'character device' };
  if (st.isBlockDevice()) return { kindVi: 'thiết bị khối', kindEn: 'block device' };
  if (st.isFIFO()) return { kindVi: 'đường ống FIFO', kindEn: 'FIFO' };
  if (st.isSocket()) return { kindVi: 'socket', kindEn: 'socket' };
  return { kindVi: 'không phải tệp', kindEn: 'not a file' };
}

/** Criteria-set loaders by file extension: text formats here, the Excel sheet through the workbook edge. */
/** A criteria set is a few hundred lines; anything this large is not one. */
const MAX_CRITERIA_TEXT_BYTES = 5 * 1024 * 1024;

export async function loadCriteriaFile(file: string): Promise<LoadResult> {
  const ext = path.extname(file).toLowerCase();
  const bytes = readInput(file);
  if (ext !== '.xlsx' && bytes.length > MAX_CRITERIA_TEXT_BYTES)
    throw new UsageError([problem('file_too_large', { size: Math.round(bytes.length / 1048576), limit: MAX_CRITERIA_TEXT_BYTES / 1048576 }, { file })]);
  if (ext === '.xlsx') {
    // A plain require (compiled to CommonJS): an extensionless dynamic import() breaks under tsx.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadCriteriaWorkbook } = require('../workbook/criteria-sheet') as typeof import('../workbook/criteria-sheet');
    return loadCriteriaWorkbook(bytes, file);
  }
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json')
    throw new UsageError([problem('file_unreadable', { detail: { vi: 'cần tệp .yaml, .json hoặc .xlsx', en: 'expected .yaml, .json or .xlsx' } }, { file })]);
  return loadCriteriaText(Buffer.from(bytes).toString('utf8'), file);
}

/** Load --criteria for commands that need a compiled set; a broken set is a usage error (exit 2). */
export async function requireCriteria(file: string | undefined): Promise<CompiledSet | undefined> {
  if (!file) return undefined;
  const r = await loadCriteriaFile(file);
  if (!r.set || hasErrors(r.problems)) throw new UsageError(r.problems.filter((p) => p.severity === 'error'));
  return r.set;
}
