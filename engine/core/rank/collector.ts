/**
 * Collecting a ranking's inputs one file at a time (the CLI's rank and report, the add-in's
 * consolidation): a slim copy of each, its strings fresh, one compiled set per hash. The ranking itself
 * is ranking.ts's buildRanking.
 */
import type { CompiledSet } from '../compile';
import type { ColumnScore } from '../evaluate';
import { buildRanking, type Ranking, type RankSource } from './ranking';

/**
 * Streams inputs into a ranking: `add` keeps a slim copy (scores, remarks, problems; one compiled
 * criteria set per hash, not one per file), so memory does not grow with the size of the workbooks.
 */
export class RankingCollector {
  private readonly sets = new Map<string, CompiledSet>();
  readonly inputs: RankSource[] = [];

  /** `fresh`: the source's strings are already its own (it came from a worker thread's message). */
  add(src: RankSource, fresh = false): void {
    this.inputs.push(slimSource(src, this.sets, { copyStrings: !fresh }));
  }

  get size(): number {
    return this.inputs.length;
  }

  build(): Ranking {
    return buildRanking(this.inputs);
  }
}

/** A copy of a source without what the ranking never reads (and with a shared compiled set). */
export function slimSource(src: RankSource, sets: Map<string, CompiledSet> = new Map(), opts: { copyStrings?: boolean } = {}): RankSource {
  let set = src.set;
  if (set) {
    const known = sets.get(set.hash);
    if (known) set = known;
    else sets.set(set.hash, set);
  }
  const slimCol = (c: ColumnScore | null): ColumnScore | null => {
    if (!c) return null;
    return {
      ...c,
      sections: c.sections.map((s) => {
        const n = set?.byId.get(s.id);
        return { ...s, number: n?.number ?? s.number, text: n?.text ?? s.text };
      }),
    };
  };
  const ev = src.evaluation;
  const copy = opts.copyStrings === false ? <T>(v: T) => v : freshCopy;
  const remarks: Record<string, string> = {};
  for (const [k, v] of Object.entries(src.remarks ?? {})) {
    const s = String(v ?? '').trim();
    if (s) remarks[k] = copy(s);
  }
  // Every kept string that may come from a workbook is copied afresh (freshCopy): a worker thread skips
  // it (copyStrings false), posting the message copied every string already. The column scores hold
  // numbers, and their section texts are the shared set's.
  return {
    file: src.file,
    unit: copy(src.unit),
    year: src.year,
    cluster: copy(src.cluster),
    layout: src.layout,
    criteriaSet: src.criteriaSet ? { id: copy(src.criteriaSet.id), hash: copy(src.criteriaSet.hash) } : null,
    evaluation: ev
      ? { unit: copy(ev.unit), self: slimCol(ev.self), inspected: slimCol(ev.inspected), final: ev.final && { ...ev.final }, disqualifications: copy(ev.disqualifications), problems: [] }
      : null,
    remarks,
    problems: copy(src.problems),
    sha256: src.sha256,
    provenance: copy(src.provenance),
    set,
  };
}

/**
 * A string with nothing of another one: V8 keeps a substring as a view on its parent, so a unit name or
 * a remark sliced out of a workbook's XML would keep that whole text alive for the rest of the run. The
 * prefixed string must be flattened (copied) before it is sliced, so the result's parent is that copy.
 * (test/rank/ranking.test.ts measures that nothing of the parent stays held.)
 */
export function freshString(s: string): string {
  return (' ' + s).slice(1);
}

/** A copy of plain data (objects, arrays) with every string fresh (freshString); other values as they are. */
export function freshCopy<T>(v: T): T {
  if (typeof v === 'string') return freshString(v) as T;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(freshCopy) as T;
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = freshCopy((v as Record<string, unknown>)[k]);
  return o as T;
}

