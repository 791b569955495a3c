/**
 * Criteria sets authored as a plain Excel sheet (one row a criterion, as XLSForm does for forms).
 * Implementation in progress (owned by the engine core).
 */
import { LoadResult, problem } from '../core';

export async function loadCriteriaWorkbook(_bytes: Uint8Array, file: string): Promise<LoadResult> {
  return { set: null, def: null, problems: [problem('file_unreadable', { detail: 'Excel criteria sheets: not yet implemented' }, { file })] };
}
