/**
 * V8's code cache for the command line's own modules (lib/), made once by the build and read by every
 * run: a module found in it is compiled from the bytecode the build's trial run left (its functions as
 * they were compiled by the end of the trial: scripts/code-cache.js), instead of being parsed and
 * compiled again at each start and at each first call of a function. On 2 cores this is about a tenth of a 60-file `rank`.
 *
 * Safety: an entry serves only the exact text it was made from (SHA-1 of the module's source, checked
 * before use: V8's own check compares lengths only) under the same V8 version, architecture and flags
 * (V8 refuses cached data made under other flags, and the module is then compiled as usual). Its bytes
 * are checked against their own SHA-1 too: V8 does not verify a code cache's content, and a damaged one
 * stops the process in its deserializer. A missing, damaged or foreign cache file, or entry, is ignored:
 * the command runs exactly as without it. The file is written whole or not at all (renamed into place).
 * Only modules under lib/ are concerned; node_modules compile as usual. Node 22 has
 * module.enableCompileCache; Node 20, which the package supports, has only vm.Script's cachedData, used
 * here the way v8-compile-cache does, but with the cache made at build time, never written by a user's run.
 *
 * File: "THIDUA-V8-CACHE 1\n", one JSON line { v8, arch, entries: [{ file, sha1, data, offset, length }] },
 * then the entries' bytes.
 */
import { createHash } from 'crypto';
import { readFileSync, renameSync, writeFileSync } from 'fs';
import Module = require('module');
import * as path from 'path';
import * as vm from 'vm';

const MAGIC = 'THIDUA-V8-CACHE 1\n';
/** lib/, this file's folder's parent. */
export const LIB_DIR = path.resolve(__dirname, '..');
export const CACHE_FILE = path.join(LIB_DIR, '.v8-code-cache');

interface Entry {
  file: string;
  /** SHA-1 of the module's source. */
  sha1: string;
  /** SHA-1 of the cached data. */
  data: string;
  offset: number;
  length: number;
}

/** What a run did with the cache (THIDUA_CODE_CACHE_REPORT=1 prints it on exit; the tests read it). */
export const codeCacheStats = { installed: false, used: 0, rejected: 0, stale: 0, damaged: 0, compiled: 0 };

type Compile = (this: NodeModule, content: string, filename: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(script: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _cache: Record<string, NodeModule>;
  _extensions: Record<string, unknown>;
}
const M = Module as unknown as ModuleInternals;

const sha1 = (data: string | Uint8Array) => createHash('sha1').update(data).digest('hex');
const inLib = (filename: string) => filename.startsWith(LIB_DIR + path.sep) && filename.endsWith('.js');
const header = () => ({ v8: process.versions.v8, arch: process.arch });

/** A module's source as Node compiles it (its "#!" line, if any, blanked: bin files only). */
const scriptOf = (content: string, filename: string, cachedData?: Buffer) =>
  new vm.Script(M.wrap(content.startsWith('#!') ? `//${content.slice(2)}` : content), { filename, cachedData });

/** Runs a compiled module wrapper as Node's own loader does (exports, require, module, file, folder). */
function runModule(module: NodeModule, script: vm.Script, filename: string): unknown {
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  require.resolve = ((request: string, options?: unknown) => M._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  require.main = process.mainModule;
  require.cache = M._cache as NodeJS.Require['cache'];
  require.extensions = M._extensions as NodeJS.Require['extensions'];
  return wrapper.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
}

function readCache(file: string): { entries: Map<string, Entry>; data: Buffer; start: number } | null {
  let blob: Buffer;
  try {
    blob = readFileSync(file);
  } catch {
    return null;
  }
  if (blob.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null;
  const eol = blob.indexOf(10, MAGIC.length);
  if (eol < 0) return null;
  try {
    const h = JSON.parse(blob.subarray(MAGIC.length, eol).toString('utf8')) as { v8: string; arch: string; entries: Entry[] };
    if (h.v8 !== process.versions.v8 || h.arch !== process.arch || !Array.isArray(h.entries)) return null;
    const entries = new Map<string, Entry>();
    for (const e of h.entries)
      if (typeof e.file === 'string' && typeof e.sha1 === 'string' && typeof e.data === 'string' && e.offset >= 0 && e.length > 0 && eol + 1 + e.offset + e.length <= blob.length) entries.set(path.join(LIB_DIR, e.file), e);
    return { entries, data: blob, start: eol + 1 };
  } catch {
    return null;
  }
}

/** Compile lib/'s modules from the cache file where it holds their exact source (else as usual). */
export function installCodeCache(file = CACHE_FILE): void {
  if (codeCacheStats.installed || process.env.THIDUA_CODE_CACHE === '0') return;
  const cache = readCache(file);
  if (!cache) return;
  codeCacheStats.installed = true;
  const original = M.prototype._compile;
  M.prototype._compile = function (this: NodeModule, content: string, filename: string) {
    const e = cache.entries.get(filename);
    if (!e) return original.call(this, content, filename);
    if (sha1(content) !== e.sha1) {
      codeCacheStats.stale++;
      return original.call(this, content, filename);
    }
    const data = cache.data.subarray(cache.start + e.offset, cache.start + e.offset + e.length);
    if (sha1(data) !== e.data) {
      codeCacheStats.damaged++;
      return original.call(this, content, filename);
    }
    const script = scriptOf(content, filename, data);
    if (script.cachedDataRejected) codeCacheStats.rejected++;
    else codeCacheStats.used++;
    return runModule(this, script, filename);
  };
  if (process.env.THIDUA_CODE_CACHE_REPORT === '1') process.on('exit', () => process.stderr.write(`thidua code cache: ${JSON.stringify(codeCacheStats)}\n`));
}

/**
 * For the build's trial run: every lib/ module from here on is compiled through vm.Script, and at exit
 * the code V8 then holds for each (the functions the run called included) is written to the cache file.
 */
export function recordCodeCache(file = CACHE_FILE): void {
  const scripts: Array<{ filename: string; sha1: string; script: vm.Script }> = [];
  const original = M.prototype._compile;
  M.prototype._compile = function (this: NodeModule, content: string, filename: string) {
    if (!inLib(filename)) return original.call(this, content, filename);
    const script = scriptOf(content, filename);
    scripts.push({ filename, sha1: sha1(content), script });
    codeCacheStats.compiled++;
    return runModule(this, script, filename);
  };
  process.on('exit', () => {
    const entries: Entry[] = [];
    const parts: Buffer[] = [];
    let offset = 0;
    for (const s of scripts) {
      const data = s.script.createCachedData();
      entries.push({ file: path.relative(LIB_DIR, s.filename), sha1: s.sha1, data: sha1(data), offset, length: data.length });
      parts.push(data);
      offset += data.length;
    }
    writeFileSync(`${file}.new`, Buffer.concat([Buffer.from(MAGIC + JSON.stringify({ ...header(), entries }) + '\n'), ...parts]));
    renameSync(`${file}.new`, file);
  });
}
