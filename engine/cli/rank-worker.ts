/**
 * A worker thread of the ranking pool (rank-pool.ts): scores the files it is sent, one at a time, and
 * posts back what the ranking keeps (slimSource) without the compiled set, which stays per thread: the
 * set's definition is posted the first time this worker meets it, so the main thread compiles it once.
 * It loads only the scoring path (no exceljs, no commander).
 */
import { parentPort, workerData } from 'worker_threads';
import { CompiledSet, slimSource, trustSchemaCheck } from '../core';
import { requireCriteria } from './context';
import { scoreForRanking } from './score-for-ranking';
import { installNatives } from './natives';

export interface WorkerTask {
  index: number;
  file: string;
}
export interface WorkerReply {
  index: number;
  /** The slimmed source, `set` left null (the main thread puts its own compiled set back by hash). */
  source: import('../core').RankSource;
  /** The definition of a set this worker has not posted before. */
  def?: { hash: string; def: unknown };
}
export interface WorkerInit {
  criteriaFile?: string;
  /** Hashes of sets the main thread has schema-checked (and found valid) in this run. */
  checkedSets?: string[];
}

async function start(): Promise<void> {
  const port = parentPort!;
  const init = (workerData ?? {}) as WorkerInit;
  installNatives();
  trustSchemaCheck(init.checkedSets ?? []);
  let criteria: CompiledSet | undefined;
  let ready: Promise<void> = Promise.resolve();
  if (init.criteriaFile) ready = requireCriteria(init.criteriaFile).then((c) => void (criteria = c));
  const posted = new Set<string>();
  // Tasks arrive while one is scored: they are queued, and scored in the order they came.
  let chain = ready;
  port.on('message', (task: WorkerTask) => {
    chain = chain.then(async () => {
      const src = await scoreForRanking(task.file, criteria);
      const set = src.set;
      const reply: WorkerReply = { index: task.index, source: { ...slimSource(src, undefined, { copyStrings: false }), set: null } };
      if (set && !posted.has(set.hash)) {
        posted.add(set.hash);
        reply.def = { hash: set.hash, def: set.def };
      }
      port.postMessage(reply);
    });
  });
  await ready;
  port.postMessage('ready');
}

void start();
