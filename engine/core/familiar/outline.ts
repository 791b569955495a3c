/**
 * Reading the rows of a located scoring table into an outline: numbered items nested by their numbering
 * scheme (indentation and bold decide where numbering is missing), total rows, notes, the
 * classification note and the title block above the header. Shared by the importer (which turns the
 * outline into a criteria set) and the familiar-layout reader (which matches it to a given set).
 */
import { address, cellText, fold, isCasedLetter, type Grid, type GridCell } from '../grid';
import type { SectionRole } from '../model';
import { problem, type Problem } from '../problems';
import { SheetFormulas } from './formula';
import type { TableLocation } from './table';
import { masterCell, parsePoints, PointsText, stripMarks, textAt } from './text';
import { numberingInText, numberingOf } from './numbering';
import {
  CLASSIFICATION_NOTE,
  SECTION_ROLES,
  SIGNATURE_ROWS,
  TITLE_BLOCK,
  TOTAL_ROWS,
} from './vocabulary';

export interface OutlineNode {
  row: number;
  /** Numbering as printed ("II", "2.1", "a)", "Phần 1"); '' when the row has none. */
  number: string;
  scheme?: string;
  key: string;
  /** The word before the numeral, folded ("tieu chi" in "Tiêu chí 3"). */
  word?: string;
  /** Id segments the numbering gives ("2.1" -> ["2", "1"]). */
  segments: string[];
  text: string;
  max: PointsText;
  /** The max cell (for formulas in it). */
  maxCell?: GridCell;
  bold: boolean;
  indent: number;
  children: OutlineNode[];
  parent?: OutlineNode;
  /** Top-level nodes: the role read from the text. */
  role: SectionRole;
  /** Other readings the number cell allowed ("i": lroman and lower), by scheme name. */
  alternatives?: string[];
  /** Position in its sequence as read ("Tiêu chí 7" -> 7), null when unknown. */
  ordinal?: number | null;
  /** How the level was decided when numbering did not say. */
  levelGuess?: 'indent' | 'bold' | 'uppercase' | 'keyword' | 'position';
  /** Explanation rows under the item (unnumbered text without points). */
  guidance: string[];
  /** Assigned by the importer. */
  id?: string;
}

export interface TotalRow {
  row: number;
  text: string;
  maxCell?: GridCell;
}

export interface Outline {
  grid: Grid;
  table: TableLocation;
  sections: OutlineNode[];
  /** Every item in table order. */
  items: OutlineNode[];
  totals: TotalRow[];
  classificationNote?: { row: number; text: string };
  meta: { unit?: string; year?: number; cluster?: string; title?: string };
  formulas: SheetFormulas;
  warnings: Problem[];
}

export { numberingOf, numberingInText } from './numbering';


const isUpper = (s: string) => {
  const letters = Array.from(s).filter(isCasedLetter).join('');
  return letters.length >= 4 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi');
};

export function sectionRole(text: string): SectionRole {
  const f = fold(text);
  for (const r of SECTION_ROLES) if (r.phrases.test(f)) return r.role;
  return 'base';
}

/** The title block above the header: unit, year, cluster, title. */
function readTitleBlock(grid: Grid, table: TableLocation): Outline['meta'] {
  const meta: Outline['meta'] = {};
  for (let r = 1; r < table.headerTop; r++) {
    const seen = new Set<string>();
    for (let c = 1; c <= Math.min(grid.colCount, 30); c++) {
      const t = cellText(masterCell(grid, r, c));
      if (!t || seen.has(t)) continue;
      seen.add(t);
      const f = fold(t);
      const unit = TITLE_BLOCK.unit.exec(f);
      if (unit && meta.unit === undefined) {
        // Keep the original spelling: the part after the first colon.
        const value = t.slice(t.indexOf(':') + 1).replace(/[.…_]{2,}/g, '').trim();
        if (value && Array.from(value).some(isCasedLetter)) meta.unit = value;
      }
      const y = TITLE_BLOCK.year.exec(f);
      if (y && meta.year === undefined) meta.year = Number(y[1]);
      if (TITLE_BLOCK.cluster.test(f) && meta.cluster === undefined) meta.cluster = t;
      if (TITLE_BLOCK.title.test(f) && meta.title === undefined) meta.title = t;
    }
  }
  return meta;
}

/** Read the table's rows into an outline. */
export function readOutline(grid: Grid, table: TableLocation): Outline {
  const cols = table.columns;
  const warnings: Problem[] = [];
  const at = (row: number, col?: number) => ({ sheet: grid.sheet, cell: address(row, col ?? cols.text ?? 1) });
  const items: OutlineNode[] = [];
  const sections: OutlineNode[] = [];
  const totals: TotalRow[] = [];
  let classificationNote: Outline['classificationNote'];
  type Entry = { node: OutlineNode; key: string; ordinal: number | null };
  let stack: Entry[] = [];
  let loose: Array<{ row: number; text: string }> = [];

  const attach = (node: OutlineNode, parentIndex: number) => {
    stack = stack.slice(0, parentIndex + 1);
    const parent = parentIndex >= 0 ? stack[parentIndex].node : undefined;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else {
      sections.push(node);
      node.role = sectionRole(node.text);
    }
  };

  for (let r = table.firstDataRow; r <= grid.rowCount; r++) {
    if (grid.hiddenRows?.has(r)) {
      // Hidden rows never take part (last year's criterion left in, hidden): say so when they hold something.
      // Named by what a reader recognises: its numbering and text ("3 Tiêu chí năm trước đã bỏ"), else its points.
      const shown = [cols.number, cols.text].map((c) => textAt(grid, r, c)).filter(Boolean).join(' ') || textAt(grid, r, cols.max);
      if (shown) warnings.push(problem('familiar_hidden_row_skipped', { row: r, text: clip(shown) }, at(r)));
      continue;
    }
    let numberText = textAt(grid, r, cols.number);
    let text = textAt(grid, r, cols.text);
    const textCell = cols.text ? masterCell(grid, r, cols.text) : undefined;
    const numCell = cols.number ? masterCell(grid, r, cols.number) : undefined;
    const f = fold(text);

    // Signature blocks and dates end the table (they may sit in any column).
    let signature = SIGNATURE_ROWS.test(f) || SIGNATURE_ROWS.test(fold(numberText));
    if (!signature && !numberText && !text)
      for (let c = 1; c <= Math.min(grid.colCount, 30) && !signature; c++) {
        const t = fold(cellText(masterCell(grid, r, c)));
        if (t && t.length < 40 && SIGNATURE_ROWS.test(t)) signature = true;
      }
    if (signature) break;
    if (!numberText && !text) continue; // spacer row

    if (CLASSIFICATION_NOTE.test(f) && !numberText) {
      classificationNote = { row: r, text };
      continue;
    }
    const maxCell = cols.max ? masterCell(grid, r, cols.max) : undefined;
    const lower = (x: string) => x.normalize('NFC').toLocaleLowerCase('vi');
    if ((!numberText || TOTAL_ROWS.test(lower(numberText))) && (TOTAL_ROWS.test(lower(text)) || (!text && TOTAL_ROWS.test(lower(numberText))))) {
      totals.push({ row: r, text: text || numberText, maxCell });
      continue;
    }

    let candidates = numberText ? numberingOf(numberText) : [];
    if (numberText && !candidates.length) {
      warnings.push(problem('familiar_number_unknown', { number: numberText }, at(r, cols.number)));
    }
    if (!numberText && text) {
      const inText = numberingInText(text);
      if (inText && inText.rest) {
        candidates = [inText];
        numberText = text.slice(0, text.length - inText.rest.length).trim().replace(/[\-–:]$/, '').trim();
        text = inText.rest;
      }
    }
    const max = parsePoints(maxCell?.formula ? null : maxCell?.value);
    const bold = !!(textCell?.bold || numCell?.bold);
    const indent = textCell?.indent ?? 0;
    const node: OutlineNode = {
      row: r,
      number: numberText,
      key: '',
      segments: [],
      text: text || numberText,
      max,
      maxCell,
      bold,
      indent,
      children: [],
      role: 'base',
      guidance: [],
    };
    if (maxCell?.formula) node.max = { value: null, fromText: false, unreadable: false, raw: `=${maxCell.formula}` };

    if (candidates.length) {
      // Choose the scheme whose sequence this number continues, else one already open, else the first.
      let pick = candidates[0];
      let best = -1;
      for (const c of candidates) {
        const idx = stack.findIndex((e) => e.key === c.key);
        const ord = c.scheme.ordinal(c.numeral);
        let score = 0;
        if (idx >= 0) score = ord !== null && stack[idx].ordinal !== null && ord === stack[idx].ordinal! + 1 ? 3 : 2;
        else if (c.scheme.section && stack.length === 0) score = 1;
        // A new sequence starts at its first numeral: "i" opening a list is roman one, not the letter i.
        else if (ord === 1) score = 0.5;
        if (score > best) (best = score), (pick = c);
      }
      node.scheme = pick.scheme.name;
      node.key = pick.key;
      const others = candidates.filter((c) => c !== pick).map((c) => c.scheme.name);
      if (others.length) node.alternatives = others;
      node.segments = pick.scheme.segments(pick.numeral);
      if (pick.word) node.word = pick.word;
      const ordinal = pick.scheme.ordinal(pick.numeral);
      node.ordinal = ordinal;
      let parentIndex: number;
      if (pick.scheme.section) parentIndex = -1;
      else {
        const idx = stack.findIndex((e) => e.key === node.key);
        parentIndex = idx >= 0 ? idx - 1 : stack.length - 1;
        // An unnumbered bold heading or keyword section keeps numbered rows below it.
      }
      attach(node, parentIndex);
      stack.push({ node, key: node.key, ordinal });
    } else {
      // No numbering: a section by keyword or capitals, else placed by indentation and bold.
      const hasPoints = node.max.value !== null || !!maxCell?.formula;
      const keywordSection = (bold || isUpper(text)) && sectionRole(text) !== 'base';
      const upperSection = isUpper(text) && (bold || stack.length === 0);
      if (!hasPoints && !bold && !keywordSection && !upperSection) {
        loose.push({ row: r, text });
        continue;
      }
      node.key = `plain:${indent}:${bold ? 'b' : ''}`;
      let parentIndex: number;
      if (keywordSection || upperSection || stack.length === 0) {
        parentIndex = -1;
        node.levelGuess = keywordSection ? 'keyword' : upperSection ? 'uppercase' : 'position';
      } else {
        const same = stack.findIndex((e) => e.key === node.key);
        if (same >= 0) {
          parentIndex = same - 1;
          node.levelGuess = indent ? 'indent' : bold ? 'bold' : 'position';
        } else {
          parentIndex = -1;
          for (let i = stack.length - 1; i >= 0; i--) {
            const e = stack[i].node;
            if (e.indent < indent) {
              parentIndex = i;
              node.levelGuess = 'indent';
              break;
            }
            if (e.indent === indent && ((e.bold && !bold) || (bold && i === 0))) {
              parentIndex = i;
              node.levelGuess = bold ? 'position' : 'bold';
              break;
            }
          }
          if (parentIndex === -1) node.levelGuess = 'position';
        }
      }
      attach(node, parentIndex);
      stack.push({ node, key: node.key, ordinal: null });
    }
    // Explanation rows between two items belong to the one above them.
    if (loose.length) {
      const prev = items[items.length - 1];
      for (const l of loose) {
        if (prev) {
          prev.guidance.push(l.text);
          warnings.push(problem('familiar_row_as_guidance', { text: clip(l.text), id: prev.number || prev.text.slice(0, 30) }, at(l.row)));
        } else warnings.push(problem('familiar_row_ignored', { text: clip(l.text) }, at(l.row)));
      }
      loose = [];
    }
    items.push(node);
  }
  // Loose text after the last item is a footnote: not part of the criteria.

  return {
    grid,
    table,
    sections,
    items,
    totals,
    classificationNote,
    meta: readTitleBlock(grid, table),
    formulas: new SheetFormulas(grid),
    warnings,
  };
}

export function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
