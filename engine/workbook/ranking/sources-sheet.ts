/** Nguồn: every input file with its hash, unit, criteria set, status, problems and where its scores came from. */
import { formatProblem } from '../../core';
import { provenanceText, RANKING_SHEET_NAMES } from '../../core/rank/sheet-labels';
import { fitRowHeights } from '../print-fit';
import { SheetWriter } from '../xlsx-write/sheet';
import { colLetter } from '../xlsx-write/xml';
import { COLORS, headerRow, headLines, L, num, printSetup, SheetContext, shortHash, text, titleBlock } from './common';

export function sourcesSheet({ r, lang, when, S }: SheetContext): SheetWriter {
  const t = L[lang];
  const ws = new SheetWriter(RANKING_SHEET_NAMES.sources);
  ws.tabColor = 'FF7F7F7F';
  // Printed hashes are shortened (…); the full values are in the hidden columns L and M. Column K says
  // where the scores came from (source; inspection stamp; self file checked against), one line each,
  // so the sheet still prints one page wide at 8 pt or more.
  const widths = [5, 24, 15, 20, 6, 9, 13, 15, 11, 26, 15];
  widths.forEach((w, i) => ws.width(i + 1, w));
  const last = widths.length;
  const full = { file: last + 1, set: last + 2 };
  for (const c of [full.file, full.set]) ws.width(c, 66, true);
  const head = titleBlock(ws, S, last, headLines(r, t.titleSources, lang, when)) + 1;
  headerRow(ws, S, head, t.srcHead);
  headerRow(ws, S, head, [t.srcProvenanceHead[0]], t.srcHead.length + 1);
  let row = head + 1;
  r.sources.forEach((s, i) => {
    num(ws, row, 1, i + 1, S.ordinal);
    text(ws, row, 2, s.file, S.text);
    text(ws, row, 3, shortHash(s.sha256), S.hash);
    // Wrapped, so a reader never lets the hidden text overflow into the printed columns.
    text(ws, row, full.file, s.sha256 ?? '', S.hidden);
    text(ws, row, 4, s.unit ?? '', S.text);
    num(ws, row, 5, s.year, S.ordinal);
    text(ws, row, 6, s.layout ?? '', S.text);
    text(ws, row, 7, s.criteriaSet?.id ?? '', S.text);
    text(ws, row, 8, shortHash(s.criteriaSet?.hash), S.hash);
    text(ws, row, full.set, s.criteriaSet?.hash ?? '', S.hidden);
    text(ws, row, 9, t.status[s.status], S.text);
    const errors = s.problems.filter((p) => p.severity === 'error').length;
    const warnings = s.problems.length - errors;
    const lines = s.problems.length ? [t.problemsCount(errors, warnings), ...s.problems.map((p) => formatProblem({ ...p, file: undefined }, lang))] : [];
    text(ws, row, 10, lines.join('\n'), S.text);
    // Provenance: where the columns came from (mode; inspection stamp; the self file checked against).
    text(ws, row, 11, provenanceText(s, lang), S.text);
    row++;
  });
  if (row > head + 1) {
    headerRow(ws, S, head, [`${t.srcHead[2]}`, t.srcHead[7]], full.file);
    fitRowHeights(ws, S.styles, head + 1, row - 1, 1, last, 18);
    const refused = S.styles.dxf({ fill: COLORS.refused });
    ws.conditional(`A${head + 1}:${colLetter(last)}${row - 1}`, `$I${head + 1}="${t.status.refused}"`, refused, 1);
  }
  ws.frozen = { xSplit: 2, ySplit: head };
  printSetup(ws, head, last, row);
  return ws;
}
