/** Criteria sets authored as an Excel workbook: open it safely, then the pure sheet loader does the rest. */
import { LoadResult } from '../core';
import { criteriaFromGrids } from '../core/criteria-sheet';
import { openWorkbook } from './open';

export async function loadCriteriaWorkbook(bytes: Uint8Array, file: string): Promise<LoadResult> {
  const { opened, problems } = await openWorkbook(bytes, file);
  if (!opened) return { set: null, def: null, problems };
  const r = criteriaFromGrids(opened.grids, file);
  return { ...r, problems: [...problems, ...r.problems] };
}
