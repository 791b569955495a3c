/**
 * Scoring one input for the ranking, never throwing for a bad file (the problem is the file's). Kept
 * apart from the rank command so that the pool's worker threads load the scoring path only.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { CompiledSet, problem, RankSource } from '../core';
import { scoreWorkbook } from '../workbook/score';
import { readInput, UsageError } from './context';
import { scoreSubmissionJson } from './submission-file';

export async function scoreForRanking(file: string, criteria?: CompiledSet): Promise<RankSource> {
  const empty: RankSource = { file, set: null, criteriaSet: null, evaluation: null, problems: [] };
  let bytes: Uint8Array;
  try {
    bytes = readInput(file);
  } catch (e) {
    if (e instanceof UsageError) return { ...empty, problems: e.problems };
    throw e;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const scored = path.extname(file).toLowerCase() === '.json' ? scoreSubmissionJson(bytes, file, criteria) : await scoreWorkbook(bytes, { file, criteria });
    return { ...scored, sha256 };
  } catch (e) {
    // A reader crashing on a strange file must not end the run: the file is refused with the reason.
    const detail = String((e as Error)?.message ?? e).slice(0, 200);
    return { ...empty, sha256, problems: [problem('file_unreadable', { detail }, { file })] };
  }
}
