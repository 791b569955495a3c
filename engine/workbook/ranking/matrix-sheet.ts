/**
 * Ma trận điểm: unit x criterion, each section's leaves then its subtotal, the total at the end; the
 * header holds the printed numbers (I.1, Cộng I) and a legend under the table gives their texts.
 */
import type { CompiledNode, Ranking } from '../../core';
import { RANKING_SHEET_NAMES } from '../../core/rank/sheet-labels';
import { fitRowHeights } from '../print-fit';
import { SheetWriter } from '../xlsx-write/sheet';
import { headerRow, headLines, L, num, printSetup, SheetContext, text, titleBlock, yearText } from './common';

interface MatrixColumn {
  node: CompiledNode | null;
  kind: 'leaf' | 'section' | 'total';
  label: string;
  max: number | null;
}

/** Matrix columns: each section's leaves, then the section's subtotal; the total at the end. */
function matrixColumns(r: Ranking): MatrixColumn[] {
  const set = r.set;
  if (!set) return [];
  const cols: MatrixColumn[] = [];
  for (const s of set.sections) {
    for (const leaf of set.leaves) if (leaf.sectionId === s.id && leaf.id !== s.id) cols.push({ node: leaf, kind: 'leaf', label: leaf.text, max: leaf.max });
    cols.push({ node: s, kind: 'section', label: s.text, max: s.role === 'bonus' ? (s.cap ?? s.max) : s.max });
  }
  cols.push({ node: null, kind: 'total', label: '', max: set.maxBase + set.maxBonus });
  return cols;
}

const printedNumber = (r: Ranking, id: string) => r.set?.byId.get(id)?.fullNumber ?? id;

export function matrixSheet({ r, lang, when, S }: SheetContext): SheetWriter {
  const t = L[lang];
  const ws = new SheetWriter(RANKING_SHEET_NAMES.matrix);
  ws.tabColor = 'FF548235';
  const cols = matrixColumns(r);
  const first = 3;
  const last = first + cols.length - 1;
  ws.width(1, 6);
  ws.width(2, 30);
  for (let i = 0; i < cols.length; i++) ws.width(first + i, cols[i].kind === 'leaf' ? 7.5 : 9);
  // Merged blocks (title, legend) stay within the first page's columns when the sheet spans pages across.
  const pageCols = Math.min(Math.max(last, 8), 14);
  const head = titleBlock(ws, S, pageCols, headLines(r, t.titleMatrix(yearText(r)), lang, when, t.matrixNote)) + 1;
  // Header: the abbreviated numbers (I.1, Cộng I) over two rows, readable in print; the texts go in the
  // legend under the table. Then the max row.
  headerRow(ws, S, head, [t.rank, t.matrixUnit]);
  ws.merge(head, 1, head + 1, 1);
  ws.merge(head, 2, head + 1, 2);
  const label = (c: MatrixColumn) => (c.kind === 'total' ? t.total : c.kind === 'section' ? t.sectionTotal(c.node!.number) : printedNumber(r, c.node!.id));
  cols.forEach((c, i) => {
    text(ws, head, first + i, label(c), S.matrixHead(c.kind === 'leaf'));
    ws.merge(head, first + i, head + 1, first + i);
  });
  ws.height(head, 18);
  ws.height(head + 1, 18);
  const maxRow = head + 2;
  ws.set(maxRow, 1, null, S.maxLabel(false));
  text(ws, maxRow, 2, t.maxRow, S.maxLabel(true));
  cols.forEach((c, i) => num(ws, maxRow, first + i, c.max, S.maxNum));
  let row = maxRow + 1;
  const leafIds = cols.map((c) => (c.kind === 'total' ? null : c.node!.id));
  const colStyle = cols.map((c) => (c.kind === 'leaf' ? S.num : S.sectionNum));
  for (const u of r.units) {
    num(ws, row, 1, u.rank, S.rank);
    text(ws, row, 2, u.unit, S.text);
    for (let i = 0; i < cols.length; i++) {
      const id = leafIds[i];
      num(ws, row, first + i, id === null ? u.final : u.nodes[id], colStyle[i]);
    }
    row++;
  }
  fitRowHeights(ws, S.styles, maxRow + 1, row - 1, 1, 2, 18);
  // The legend: each column's number and its criterion or section text.
  row++;
  const legendLine = (s: string, bold = false) => {
    ws.merge(row, 1, row, pageCols);
    text(ws, row, 1, s, S.legend(bold));
    fitRowHeights(ws, S.styles, row, row, 1, 1, 15);
    row++;
  };
  legendLine(t.legend, true);
  for (const c of cols) if (c.kind !== 'total') legendLine(`${label(c)}: ${c.label}`, c.kind === 'section');
  ws.frozen = { xSplit: 2, ySplit: maxRow };
  printSetup(ws, head, last, row - 1, { titleRows: `${head}:${maxRow}`, repeatCols: 'A:B', smallestPt: 10 });
  return ws;
}
