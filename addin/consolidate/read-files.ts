/**
 * Consolidation in the task pane: the schools' workbooks picked from disk are read one after the other
 * with the engine's scoreWorkbook (the same pipeline as `thidua rank`), yielding to the page between
 * files so the progress bar moves, and collected into a ranking. A file that cannot be read is listed with
 * its reason and never stops the others. Nothing leaves the machine: the bytes come from the file input.
 */
import { sha256Hex } from '../../engine/core/hash';
import type { Problem } from '../../engine/core/problems';
import { problem } from '../../engine/core/problems';
import { RankingCollector, type Ranking, type RankSource } from '../../engine/core/rank/ranking';

/** What the pane needs of a browser File. */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ScoreFn = (bytes: Uint8Array, opts: { file: string }) => Promise<RankSource>;

export interface FileOutcome {
  file: string;
  unit?: string;
  /** Errors that keep the file out of the ranking (empty when it can be ranked). */
  errors: Problem[];
  warnings: number;
}

export interface ReadProgress {
  index: number;
  total: number;
  file: string;
}

/** Files beyond this size are not read into memory (the engine refuses anything above 50 MB anyway). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export async function readWorkbooks(
  files: FileLike[],
  opts: { score: ScoreFn; onProgress?: (p: ReadProgress) => void; yieldToUi?: () => Promise<void> },
): Promise<{ ranking: Ranking; outcomes: FileOutcome[]; sources: RankSource[] }> {
  const collector = new RankingCollector();
  const outcomes: FileOutcome[] = [];
  const pause = opts.yieldToUi ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    opts.onProgress?.({ index: i, total: files.length, file: f.name });
    await pause();
    let src: RankSource;
    try {
      if (f.size > MAX_FILE_BYTES) throw Object.assign(new Error(`${Math.round(f.size / 1048576)} MB`), { tooLarge: true });
      const bytes = new Uint8Array(await f.arrayBuffer());
      src = await opts.score(bytes, { file: f.name });
      src.sha256 = sha256Hex(bytes);
    } catch (e) {
      src = {
        file: f.name,
        set: null,
        criteriaSet: null,
        evaluation: null,
        problems: [problem('addin_file_unreadable', { detail: String((e as Error)?.message ?? e).slice(0, 200) }, { file: f.name })],
      };
    }
    collector.add(src);
    const errors = src.problems.filter((p) => p.severity === 'error');
    outcomes.push({ file: f.name, unit: src.unit, errors, warnings: src.problems.length - errors.length });
  }
  opts.onProgress?.({ index: files.length, total: files.length, file: '' });
  // The scored sources (both columns, remarks) stay for the year-end documents.
  return { ranking: collector.build(), outcomes, sources: collector.inputs };
}
