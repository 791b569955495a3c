/** Score one input file of any kind the CLI accepts: a workbook (any registered layout) or a JSON submission. */
import * as path from 'path';
import type { CompiledSet } from '../core';
import type { ScoredWorkbook } from '../workbook/score';
import { readInput } from './context';
import { scoreSubmissionJson } from './submission-file';

export async function scoreInput(file: string, criteria?: CompiledSet): Promise<ScoredWorkbook> {
  const bytes = readInput(file);
  if (path.extname(file).toLowerCase() === '.json') return scoreSubmissionJson(bytes, file, criteria);
  // The workbook readers are loaded by the commands that read a workbook, not at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scoreWorkbook } = require('../workbook/score') as typeof import('../workbook/score');
  return scoreWorkbook(bytes, { file, criteria });
}
