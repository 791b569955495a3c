/**
 * Writing outputs safely: to a temporary file in the same folder, then renamed over the target, so a
 * reader never sees half a file and a crash leaves the old output intact. An existing file is kept
 * unless --force, and an input is never overwritten.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'fs';
import * as path from 'path';
import { problem } from '../core';
import { UsageError } from './context';

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

/** Refusals before any work is done (so a long run does not end in "file exists"). */
export function checkOutputPath(target: string, opts: WriteOutputOptions = {}): void {
  const canon = canonicalPath(target);
  for (const i of opts.inputs ?? [])
    if (canonicalPath(i) === canon) throw new UsageError([problem('output_is_input', { path: target })]);
  let st;
  try {
    st = statSync(target);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new UsageError([problem('output_write_failed', { path: target, detail: 'là thư mục / is a folder' })]);
  if (!opts.force) throw new UsageError([problem('output_exists', { path: target })]);
}

export function writeOutputAtomic(target: string, bytes: Uint8Array | string, opts: WriteOutputOptions = {}): void {
  checkOutputPath(target, opts);
  const dir = path.dirname(path.resolve(target));
  if (opts.mkdir) mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  try {
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
    throw new UsageError([problem('output_write_failed', { path: target, detail: (e as NodeJS.ErrnoException).code ?? String((e as Error).message) })]);
  }
}
