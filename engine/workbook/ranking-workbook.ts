/**
 * The ranking workbook: Xếp hạng (ranking), Ma trận điểm (unit x criterion), Chênh lệch
 * (discrepancies) and Nguồn (sources), laid out like an official document: title block, frozen headers,
 * number formats, borders, A4 landscape print setup, conditional highlights, native charts.
 *
 * Written directly as SpreadsheetML (xlsx-write/), not with exceljs: loading exceljs alone took longer
 * than writing the whole workbook now does, and its per-cell style objects made writing 1,000 units cost
 * about 2 s. No maintained small xlsx writer covers what the sheets need together (cell formats, merges,
 * print titles and areas, conditional formats, and chart parts in the same package): write-excel-file
 * has no print setup, conditional formats or charts; excel4node and xlsx-populate are exceljs-sized and
 * have no charts either. The sheets are in ranking/ (one file each), the cell formats in ranking/common.ts.
 *
 * Everything that comes from the inputs (unit names, remarks, file names, messages) is written as a text
 * value, never as a formula: a unit named "=HYPERLINK(...)" stays a string.
 */
import type { Lang, Ranking } from '../core';
import { RANKING_SHEET_NAMES } from '../core/rank/sheet-labels';
import { L, rankingStyles, SheetContext, yearText } from './ranking/common';
import { discrepancySheet } from './ranking/discrepancy-sheet';
import { matrixSheet } from './ranking/matrix-sheet';
import { rankingSheet } from './ranking/ranking-sheet';
import { sourcesSheet } from './ranking/sources-sheet';
import { RANKING_WORKBOOK_KEYWORD } from './ranking-keyword';
import { writeXlsx } from './xlsx-write/package';
import type { Deflater } from './zip-write';
import { StyleSheet } from './xlsx-write/styles';

export { RANKING_WORKBOOK_KEYWORD };
export { safeText } from './ranking/common';

/** The sheet names, shared with the add-in's consolidation. */
export const RANKING_SHEETS = RANKING_SHEET_NAMES;

export interface RankingWorkbookOptions {
  lang?: Lang;
  /** Shown in the title block and the workbook properties (defaults to now). */
  generatedAt?: Date;
  /** How the parts are compressed (default fflate's, browser-safe; the command line passes Node's zlib). */
  deflater?: Deflater;
}

/** The workbook's bytes, synchronously (the four sheets, their charts, zipped). */
export function rankingWorkbookBytes(r: Ranking, opts: RankingWorkbookOptions = {}): Uint8Array {
  const lang = opts.lang ?? 'vi';
  const when = opts.generatedAt ?? new Date();
  const ctx: SheetContext = { r, lang, when, S: rankingStyles(new StyleSheet()) };
  const ranking = rankingSheet(ctx);
  const sheets = [ranking.ws, matrixSheet(ctx), discrepancySheet(ctx), sourcesSheet(ctx)];
  return writeXlsx({
    sheets,
    styles: ctx.S.styles,
    props: { creator: 'thidua', title: L[lang].titleRanking(yearText(r)), keywords: RANKING_WORKBOOK_KEYWORD, created: when, modified: when },
    charts: { sheet: 0, charts: ranking.charts },
    deflater: opts.deflater,
  });
}

export async function writeRankingWorkbook(r: Ranking, opts: RankingWorkbookOptions = {}): Promise<Uint8Array> {
  return rankingWorkbookBytes(r, opts);
}
