/**
 * Writing outputs safely: to a temporary file in the same folder, then renamed over the target, so a
 * reader never sees half a file and a crash leaves the old output intact. An existing file is kept
 * unless --force, and an input is never overwritten.
 */
import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'fs';
import * as path from 'path';
import { problem } from '../core';
import { UsageError } from './context';
import { errnoCode, systemDetail } from './sys-errors';

export interface WriteOutputOptions {
  /** Overwrite an existing file. */
  force?: boolean;
  /** Paths read by the command: the output may never replace one of them, even with --force. */
  inputs?: string[];
  /** Create the parent folder when missing. */
  mkdir?: boolean;
}

/** The canonical form of a path that may not exist yet (its folder resolved through symlinks). */
export function canonicalPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * The canonical paths of a command's inputs, worked out once per list: a command checks its outputs
 * against the same list before its work and again before each write (a thousand inputs, several outputs).
 */
const canonicalLists = new WeakMap<readonly string[], ReadonlySet<string>>();
function canonicalInputs(inputs: readonly string[]): ReadonlySet<string> {
  let set = canonicalLists.get(inputs);
  if (!set) canonicalLists.set(inputs, (set = new Set(inputs.map(canonicalPath))));
  return set;
}
/** The canonical paths of `inputs`, already known (expandInputs worked them out while listing). */
export function rememberCanonical(inputs: readonly string[], canonical: ReadonlySet<string>): void {
  canonicalLists.set(inputs, canonical);
}

/** Refusals before any work is done (so a long run does not end in "file exists"). */
export function checkOutputPath(target: string, opts: WriteOutputOptions = {}): void {
  if (opts.inputs?.length && canonicalInputs(opts.inputs).has(canonicalPath(target))) throw new UsageError([problem('output_is_input', { path: target })]);
  let st;
  try {
    st = statSync(target);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR') return checkOutputFolder(target, opts);
    throw new UsageError([problem('output_write_failed', { path: target, detail: systemDetail(e) })]);
  }
  if (st.isDirectory()) throw new UsageError([problem('output_write_failed', { path: target, detail: systemDetail({ code: 'EISDIR' }) })]);
  if (!opts.force) throw new UsageError([problem('output_exists', { path: target })]);
  checkOutputFolder(target, opts);
}

/**
 * The folder the output goes to: it exists (or, with mkdir, its nearest existing ancestor is a folder),
 * it is a folder and not a file, and it can be written to. Checked before any work is done.
 */
export function checkOutputFolder(target: string, opts: WriteOutputOptions = {}): void {
  const parent = path.dirname(path.resolve(target));
  // The nearest part of the path that exists.
  let dir = parent;
  let st;
  for (;;) {
    try {
      st = statSync(dir);
      break;
    } catch (e) {
      const code = errnoCode(e);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError([problem('output_dir_not_writable', { parent: dir, detail: systemDetail(e) })]);
      const up = path.dirname(dir);
      if (up === dir) return;
      dir = up;
    }
  }
  if (!st.isDirectory()) throw new UsageError([problem('output_parent_is_file', { path: target, parent: dir })]);
  if (dir !== parent && !opts.mkdir) throw new UsageError([problem('output_dir_missing', { path: target, parent })]);
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError([problem('output_dir_not_writable', { parent: dir, detail: systemDetail(e) })]);
  }
}

export function writeOutputAtomic(target: string, bytes: Uint8Array | string, opts: WriteOutputOptions = {}): void {
  checkOutputPath(target, opts);
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  try {
    if (opts.mkdir) mkdirSync(dir, { recursive: true });
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw new UsageError([problem('output_write_failed', { path: target, detail: systemDetail(e) })]);
  }
}
