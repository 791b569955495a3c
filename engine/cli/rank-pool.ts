/**
 * Scoring many files on every core: a small pool of worker threads (node:worker_threads; each worker
 * is rank-worker next to this file, .ts under tsx or .js when compiled), results handed to the caller
 * in input order as they complete. At most `window` files are in flight or waiting for an earlier one,
 * so memory stays flat in the number of files. A file that crashes its worker is refused with the
 * reason and a fresh worker takes over; the other files go on. Few files are scored in this thread:
 * starting a worker (loading the scoring modules again) costs more than it saves there.
 */
import { availableParallelism, cpus } from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CompiledSet, loadCriteriaDef, problem, RankSource } from '../core';
import { scoreForRanking } from './score-for-ranking';
import type { WorkerInit, WorkerReply, WorkerTask } from './rank-worker';

/**
 * Below this many files the pool is not used. A worker pays the start-up of the scoring modules again
 * and warms up on its own, its results cross threads as messages, and two heaps collect garbage side by
 * side on cores that also run V8's collector and optimizing-compiler threads (a run's first few hundred
 * files wait for optimized code, and a worker compiles it all again). Measured on a 2-core machine at
 * idle (compiled CLI, ranking workbook written), this thread with one worker against this thread alone:
 * 100 files 1.5-1.6 s vs 1.2-1.35 s, 500 files 3.3-3.5 s vs 3.1-3.3 s, 1,000 files 3.7-4.8 s vs
 * 4.2-4.5 s with 230 MB peak RSS against 175 MB; again after the reader got faster (round 11), 1,000
 * files 3.2-3.6 s vs 2.9-3.1 s. So the pool starts where the other cores' share of the files
 * outweighs a worker's start: 1,200 files with one worker, 600 with two, 400 with three (the last two
 * not measured here). Under tsx (TypeScript compiled on the fly, about 1.2 s of CPU a worker) from
 * 1,000 files whatever the cores, so that the tests exercise it.
 */
export function poolMinFiles(workers: number): number {
  return path.extname(__filename) === '.ts' ? 1000 : Math.ceil(1200 / Math.max(1, workers));
}
const MAX_WORKERS = 4;
/** Files sent to a worker before it has loaded: enough to keep it busy while this thread loads too. */
const FIRST_TASKS = 3;

export interface ScoreInOrderOptions {
  criteria?: CompiledSet;
  /** Where `criteria` came from: workers load it themselves (a compiled set does not cross threads). */
  criteriaFile?: string;
  /** Worker threads to use; 0 scores in this thread. Default: poolSize(files.length). */
  workers?: number;
  /**
   * Work for this thread while the workers start (with workers only): run once, after they are spawned
   * and sent their first files, before this thread scores any (the rank command loads its writer there).
   */
  meanwhile?: () => void;
}

/** How many worker threads for `n` files: THIDUA_WORKERS when set (0 = none), else one per core for many files. */
export function poolSize(n: number, env: string | undefined = process.env.THIDUA_WORKERS): number {
  if (env !== undefined && env !== '' && Number.isInteger(Number(env)) && Number(env) >= 0) return Math.min(Number(env), n);
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  // This thread scores too: one worker per other core (none on a single core).
  const workers = Math.max(0, Math.min(cores - 1, MAX_WORKERS, Math.ceil(n / 40)));
  return n < poolMinFiles(workers) ? 0 : workers;
}

const live = new Set<Worker>();
let stopping = false;

/** Stop every worker at once (Ctrl-C): nothing they do is written anywhere. */
export async function terminateWorkers(): Promise<void> {
  stopping = true;
  await Promise.allSettled([...live].map((w) => w.terminate()));
  live.clear();
}

function workerEntry(): { file: string; ts: boolean } {
  const ext = path.extname(__filename);
  return { file: path.join(__dirname, `rank-worker${ext}`), ts: ext === '.ts' };
}

function startWorker(init: WorkerInit): Worker {
  const { file, ts } = workerEntry();
  // Under tsx the worker registers tsx itself (workers do not inherit the main thread's loader hooks).
  const w = ts
    ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`, { eval: true, workerData: init })
    : // Compiled: the worker's modules come from the build's code cache too, as the main thread's do.
      new Worker(`require(${JSON.stringify(path.join(__dirname, 'code-cache.js'))}).installCodeCache(); require(${JSON.stringify(file)});`, { eval: true, workerData: init });
  live.add(w);
  w.once('exit', () => live.delete(w));
  return w;
}

/**
 * Score `files`, calling `onSource` once per file in input order. Never rejects for a bad file; a
 * file's failure is its own refused source. With workers, this thread scores files too (it would
 * otherwise wait): it starts at once, while the workers load, and takes the next file whenever free.
 */
export async function scoreInOrder(files: string[], opts: ScoreInOrderOptions, onSource: (src: RankSource, index: number, fresh: boolean) => void): Promise<void> {
  const nWorkers = opts.workers ?? poolSize(files.length);
  if (nWorkers <= 0) {
    for (let i = 0; i < files.length; i++) onSource(await scoreForRanking(files[i], opts.criteria), i, false);
    return;
  }
  const sets = new Map<string, CompiledSet>();
  if (opts.criteria) sets.set(opts.criteria.hash, opts.criteria);
  // Files in flight or done and waiting for an earlier one: enough that a worker never waits for this
  // thread, which hands out files only between its own (small sources: memory stays flat).
  const window = (nWorkers + 1) * 8;
  const done = new Map<number, RankSource>();
  /** Files whose source came in a worker's message (its strings are already copies). */
  const fromWorker = new Set<number>();
  let next = 0; // next file to send
  let flushed = 0; // next file to hand over
  const init: WorkerInit = { criteriaFile: opts.criteriaFile };
  stopping = false;

  await new Promise<void>((resolve, reject) => {
    let failed = false;
    let finished = false;
    const slots: Array<Worker | null> = [];
    const inFlight = new Map<Worker, number[]>();
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of slots) if (w) void w.terminate();
      reject(e);
    };
    const flush = () => {
      while (done.has(flushed)) {
        const src = done.get(flushed)!;
        done.delete(flushed);
        const fresh = fromWorker.delete(flushed);
        try {
          onSource(src, flushed, fresh);
        } catch (e) {
          fail(e);
          return;
        }
        flushed++;
      }
      if (flushed === files.length && !finished) {
        finished = true;
        for (const w of slots) if (w) void w.terminate();
        resolve();
      }
    };
    const feed = (w: Worker, depth = 4) => {
      const queue = inFlight.get(w)!;
      // Four tasks per worker: the next ones are waiting while this thread scores a file of its own.
      while (queue.length < depth && next < files.length && next - flushed < window) {
        const task: WorkerTask = { index: next, file: files[next] };
        queue.push(next++);
        w.postMessage(task);
      }
    };
    // A worker is sent files once it has loaded (until then this thread takes them).
    const ready = new Set<Worker>();
    const feedAll = () => slots.forEach((w) => w && ready.has(w) && feed(w));
    // This thread's lane: one file at a time, between the workers' messages.
    let localBusy = false;
    const local = () => {
      if (localBusy || failed || finished || next >= files.length || next - flushed >= window) return;
      localBusy = true;
      const i = next++;
      setImmediate(() => {
        scoreForRanking(files[i], opts.criteria)
          .then((src) => {
            localBusy = false;
            if (src.set && !sets.has(src.set.hash)) sets.set(src.set.hash, src.set);
            done.set(i, src);
            flush();
            feedAll();
            local();
          })
          .catch(fail);
      });
    };
    const spawn = (slot: number) => {
      const w = startWorker(init);
      slots[slot] = w;
      inFlight.set(w, []);
      w.on('message', (m: WorkerReply | 'ready') => {
        if (m === 'ready') {
          ready.add(w);
          feed(w);
          return;
        }
        const queue = inFlight.get(w)!;
        queue.splice(queue.indexOf(m.index), 1);
        if (m.def && !sets.has(m.def.hash)) {
          const set = loadCriteriaDef(m.def.def).set;
          if (set) sets.set(set.hash, set);
        }
        const hash = m.source.criteriaSet?.hash;
        done.set(m.index, { ...m.source, set: hash ? sets.get(hash) ?? null : null });
        fromWorker.add(m.index);
        flush();
        feed(w);
        local();
      });
      // A worker that dies (out of memory, a crash in a library) takes only its file at hand down.
      const lost = (reason: string) => {
        const queue = inFlight.get(w) ?? [];
        inFlight.delete(w);
        if (slots[slot] !== w || failed || stopping || finished) return;
        slots[slot] = null;
        const [first, ...rest] = queue;
        if (first !== undefined) {
          const file = files[first];
          done.set(first, { file, set: null, criteriaSet: null, evaluation: null, problems: [problem('file_unreadable', { detail: reason.slice(0, 200) }, { file })] });
        }
        // The files queued behind the crashing one go to the new worker.
        spawn(slot);
        const again = slots[slot]!;
        for (const i of rest) {
          inFlight.get(again)!.push(i);
          again.postMessage({ index: i, file: files[i] } satisfies WorkerTask);
        }
        flush();
        feedAll();
        local();
      };
      w.on('error', (e) => lost(String((e as Error)?.message ?? e)));
      w.on('exit', (code) => {
        if (code !== 0) lost(`worker exit ${code}`);
      });
    };
    if (!files.length) {
      resolve();
      return;
    }
    // The workers start at once, each sent its first files before it has loaded (they wait in its
    // queue): a worker's start-up runs on another core while this thread does its own (opts.meanwhile,
    // then its first file). A set given with --criteria is known schema-checked.
    init.checkedSets = [...sets.keys()];
    for (let s = 0; s < nWorkers; s++) {
      spawn(s);
      feed(slots[s]!, FIRST_TASKS);
    }
    if (opts.meanwhile) {
      try {
        opts.meanwhile();
      } catch (e) {
        fail(e);
        return;
      }
    }
    local();
  });
}
