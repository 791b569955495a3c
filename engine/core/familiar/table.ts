/**
 * Finding the scoring table: the header row by its labels, anywhere on any sheet, including group
 * headers over two or three rows ("Điểm chấm" over "Tự chấm | Cụm chấm"); then the columns weighed by
 * label and content together (roles.ts): a numbering column with no header is found by its values, a
 * numeric column that looks like a score column but has no role is reported (an error when it sits
 * where the self or inspection column would be: never a fallback), two candidates for one role are
 * reported with the one chosen, hidden columns never take a role. A mapping given by the user
 * (`--columns`, `--header-row`, or the one saved with the criteria set) beats every guess.
 */
import { address, cellText, columnLetter, fold, type Grid } from '../grid';
import { problem, type Problem } from '../problems';
import { numberingOf } from './numbering';
import { columnRole, columnRoles, SCORE_ROLES, type ColumnProfile } from './roles';
import { mergeAt, masterCell, parsePoints, textAt } from './text';
import { COLUMN_INDEX_CELL, COLUMN_LABELS, ColumnRole, MAX_LABEL_CHARS, MIN_HEADER_ROLES, REQUIRED_ROLES, SCORE_LIKE_LABEL } from './vocabulary';

export type TableColumns = Partial<Record<ColumnRole, number>>;

/** A mapping that beats every guess: the header row and/or columns by role (1-based). */
export interface ColumnMapping {
  headerRow?: number;
  columns?: TableColumns;
}

export interface TableLocation {
  sheet: string;
  /** First and last header rows (equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  /** First row after the header (and after a row that only numbers the columns). */
  firstDataRow: number;
  columns: TableColumns;
  /** Header text per column, for messages. */
  labels: Partial<Record<ColumnRole, string>>;
  /** How each role was found. */
  how: Partial<Record<ColumnRole, 'label' | 'content' | 'given'>>;
  /** How many roles were recognised (the best header wins). */
  score: number;
  /** What the column finder had to report (sheet and cell set; the caller adds the file). */
  notes: Problem[];
}

/** How long the longest phrase of a role is that the label contains as whole words (0: none). */
function roleMatch(label: string, role: ColumnRole): number {
  const f = ` ${fold(label).replace(/[^a-z0-9.#]+/g, ' ').trim()} `;
  let best = 0;
  for (const phrase of columnRole(role).labels) {
    const p = ` ${phrase.replace(/[^a-z0-9.#]+/g, ' ').trim()} `;
    if (f.includes(p)) best = Math.max(best, p.length);
  }
  return best;
}

/** The roles a header label names: the longest match, plus the roles that may share its column. */
export function labelRoles(label: string): ColumnRole[] {
  if (!label || label.length > MAX_LABEL_CHARS) return [];
  const scored = columnRoles()
    .map((p) => ({ r: p.role, n: roleMatch(label, p.role) }))
    .filter((x) => x.n > 0);
  if (!scored.length) return [];
  scored.sort((a, b) => b.n - a.n);
  const top = scored[0];
  const out = [top.r];
  const shares = columnRole(top.r).shares ?? [];
  for (const s of scored.slice(1)) if (shares.includes(s.r)) out.push(s.r);
  return out;
}

interface Candidate {
  top: number;
  bottom: number;
  columns: TableColumns;
  labels: Partial<Record<ColumnRole, string>>;
  /** Every column a role's label matched (the first is taken), and hidden columns with a label. */
  others: Array<{ role: ColumnRole; col: number; label: string }>;
  hiddenLabelled: Array<{ col: number; label: string }>;
  /** Label text per visible column (own or group header). */
  text: Map<number, string>;
}

const MAX_COLS = 60;
const hiddenCol = (grid: Grid, c: number) => !!grid.hiddenCols?.has(c);

/** Read the header band top..bottom into column roles: each column's lowest own label, else the band's text. */
function readHeader(grid: Grid, top: number, bottom: number, fixed: TableColumns = {}): Candidate {
  const columns: TableColumns = {};
  const labels: Partial<Record<ColumnRole, string>> = {};
  const others: Candidate['others'] = [];
  const hiddenLabelled: Candidate['hiddenLabelled'] = [];
  const text = new Map<number, string>();
  const fixedCols = new Set(Object.values(fixed));
  const maxCol = Math.min(grid.colCount, MAX_COLS);
  for (let c = 1; c <= maxCol; c++) {
    const own: string[] = [];
    const context: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = textAt(grid, r, c);
      if (!t) continue;
      if (context[context.length - 1] !== t) context.push(t);
      const m = mergeAt(grid, r, c);
      // A label merged across columns belongs to its first column, unless a lower row splits it.
      if ((!m || m.left === c) && own[own.length - 1] !== t) own.push(t);
    }
    if (!own.length) continue;
    const last = own[own.length - 1];
    let label = last;
    let roles = labelRoles(last);
    if (!roles.length && context.length > 1) {
      label = context.join(' ');
      roles = labelRoles(label);
    }
    text.set(c, label);
    if (hiddenCol(grid, c)) {
      hiddenLabelled.push({ col: c, label });
      continue;
    }
    if (fixedCols.has(c)) continue;
    for (const r of roles) {
      if (fixed[r] !== undefined) continue;
      if (columns[r] === undefined) (columns[r] = c), (labels[r] = label);
      else others.push({ role: r, col: c, label });
    }
  }
  return { top, bottom, columns, labels, others, hiddenLabelled, text };
}

const rolesCount = (c: Candidate) => Object.keys(c.columns).length;
const isHeader = (c: Candidate) => REQUIRED_ROLES.every((r) => c.columns[r] !== undefined) && rolesCount(c) >= MIN_HEADER_ROLES;

/** True when every non-empty cell of the row only numbers the columns: "(1)", "2", "A". */
function isColumnIndexRow(grid: Grid, row: number, columns: TableColumns): boolean {
  let n = 0;
  for (const c of new Set(Object.values(columns))) {
    const t = textAt(grid, row, c);
    if (!t) continue;
    if (!COLUMN_INDEX_CELL.test(t)) return false;
    n++;
  }
  // A criterion row "1 | text | 4" has text in the text column: never an index row.
  const text = textAt(grid, row, columns.text);
  return n >= 3 && text.length <= 4;
}

function rowEmpty(grid: Grid, r: number): boolean {
  for (let c = 1; c <= Math.min(grid.colCount, MAX_COLS); c++) if (textAt(grid, r, c)) return false;
  return true;
}

/** The best header band starting at row r (one, two or three rows: a lower row must add roles). */
function bandAt(grid: Grid, r: number, fixed: TableColumns): Candidate {
  let cand = readHeader(grid, r, r, fixed);
  for (let depth = 2; depth <= 3 && r + depth - 1 <= grid.rowCount; depth++) {
    if (rowEmpty(grid, r + depth - 1)) break;
    const deeper = readHeader(grid, r, r + depth - 1, fixed);
    if (isHeader(deeper) && (rolesCount(deeper) > rolesCount(cand) || !isHeader(cand))) cand = deeper;
  }
  return cand;
}

/** What the column's data cells look like (visible rows, up to 500 under the header). */
function profile(grid: Grid, col: number, first: number): ColumnProfile {
  const p: ColumnProfile = { col, filled: 0, numeric: 0, numbering: 0, longText: 0 };
  for (let r = first; r <= Math.min(grid.rowCount, first + 500); r++) {
    if (grid.hiddenRows?.has(r)) continue;
    const cell = masterCell(grid, r, col);
    const t = cellText(cell);
    if (!t) continue;
    p.filled++;
    if (typeof cell?.value === 'number' || (cell?.formula && typeof cell.value !== 'string')) p.numeric++;
    else if (parsePoints(t).value !== null) p.numeric++;
    if (t.length <= 16 && numberingOf(t).length) p.numbering++;
    if (t.length > 25) p.longText++;
  }
  return p;
}

/** Place the table's columns: the mapping given, the header's labels, then content evidence; notes say every guess. */
function finish(grid: Grid, best: Candidate, given: TableColumns): TableLocation {
  const notes: Problem[] = [];
  const at = (col: number, row = best.top) => ({ sheet: grid.sheet, cell: address(row, col) });
  const columns: TableColumns = { ...best.columns, ...given };
  const labels = { ...best.labels };
  const how: TableLocation['how'] = {};
  for (const r of Object.keys(best.columns) as ColumnRole[]) how[r] = 'label';
  for (const [r, c] of Object.entries(given) as Array<[ColumnRole, number]>) {
    how[r] = 'given';
    labels[r] = best.text.get(c) ?? columnLetter(c);
  }

  let first = best.bottom + 1;
  // Vertical merges in the header may reach further down (a "TT" merged over three rows).
  for (const c of Object.values(columns)) {
    const m = mergeAt(grid, best.top, c);
    if (m && m.bottom + 1 > first && m.bottom - best.top < 4) first = m.bottom + 1;
  }
  if (first <= grid.rowCount && isColumnIndexRow(grid, first, columns)) first++;

  for (const h of best.hiddenLabelled) notes.push(problem('familiar_hidden_column_skipped', { column: columnLetter(h.col), label: h.label }, at(h.col)));
  for (const o of best.others) {
    const chosen = columns[o.role]!;
    if (how[o.role] === 'given' || o.col === chosen) continue;
    notes.push(
      problem(
        'familiar_role_two_columns',
        { role: columnRole(o.role).name, chosen: columnLetter(chosen), chosenLabel: labels[o.role] ?? '', other: columnLetter(o.col), otherLabel: o.label },
        at(o.col),
      ),
    );
  }

  // Content evidence: roles the header did not name, found by what their cells hold.
  const used = () => new Set(Object.values(columns));
  const maxCol = Math.min(grid.colCount, MAX_COLS);
  const profiles = new Map<number, ColumnProfile>();
  for (let c = 1; c <= maxCol; c++) if (!hiddenCol(grid, c)) profiles.set(c, profile(grid, c, first));
  for (const plugin of columnRoles()) {
    if (columns[plugin.role] !== undefined || !plugin.content) continue;
    let bestCol = 0;
    let bestScore = 0;
    for (const [c, p] of profiles) {
      if (used().has(c) || (plugin.role === 'number' && columns.text !== undefined && c > columns.text)) continue;
      const s = plugin.content(p);
      if (s > bestScore) (bestCol = c), (bestScore = s);
    }
    if (!bestCol) continue;
    columns[plugin.role] = bestCol;
    how[plugin.role] = 'content';
    labels[plugin.role] = best.text.get(bestCol) ?? '';
    notes.push(
      problem('familiar_column_by_content', { column: columnLetter(bestCol), label: labels[plugin.role], role: plugin.name, why: plugin.contentWhy ?? { vi: '', en: '' } }, at(bestCol)),
    );
  }

  // Columns that look like score columns but have no role: never read silently, never a fallback.
  const missing = SCORE_ROLES.filter((r) => columns[r] === undefined);
  const haveScore = SCORE_ROLES.some((r) => columns[r] !== undefined);
  for (let c = (columns.text ?? 0) + 1; c <= maxCol; c++) {
    if (used().has(c) || hiddenCol(grid, c)) continue;
    const p = profiles.get(c)!;
    const label = best.text.get(c) ?? '';
    const numbers = p.numeric >= 2 && p.numeric >= p.filled * 0.6;
    const soundsLikeScore = !!label && SCORE_LIKE_LABEL.test(fold(label));
    if (!numbers && !soundsLikeScore) continue;
    // Where a missing score column would be (a score column is there, its partner is not): an error.
    if (haveScore && missing.length) {
      notes.push(problem(missing[0] === 'inspected' ? 'familiar_inspected_not_found' : 'familiar_self_not_found', { column: columnLetter(c), label }, at(c)));
      missing.shift();
    } else notes.push(problem('familiar_column_unassigned', { column: columnLetter(c), label }, at(c)));
  }
  return {
    sheet: grid.sheet,
    headerTop: best.top,
    headerBottom: best.bottom,
    firstDataRow: first,
    columns,
    labels,
    how,
    notes,
    score: Object.keys(columns).length,
  };
}

/** The scoring table on one sheet, or null. Scans every row: the header may sit anywhere. */
export function findTableOnSheet(grid: Grid, mapping: ColumnMapping = {}): TableLocation | null {
  const given = mapping.columns ?? {};
  if (mapping.headerRow) {
    const r = mapping.headerRow;
    if (r > grid.rowCount) return null;
    const cand = bandAt(grid, r, given);
    const cols = { ...cand.columns, ...given };
    if (cols.text === undefined) return null;
    return finish(grid, cand, given);
  }
  let best: Candidate | null = null;
  let bestLabels = 0;
  const givenMode = Object.keys(given).length > 0;
  const last = Math.min(grid.rowCount, 2000);
  for (let r = 1; r <= last; r++) {
    // Quick reject: a header row has a short label in at least two cells.
    let labelsInRow = 0;
    for (let c = 1; c <= Math.min(grid.colCount, MAX_COLS) && (givenMode || labelsInRow < 2); c++) {
      // Distinct cells only: a title merged across the row counts once.
      const m = mergeAt(grid, r, c);
      if (m && m.left !== c) continue;
      const t = masterCell(grid, r, c)?.value;
      if (typeof t === 'string' && t.trim() && t.length <= MAX_LABEL_CHARS && labelRoles(t).length) labelsInRow++;
    }
    if (labelsInRow < 2) continue;
    const cand = bandAt(grid, r, given);
    const withGiven = { ...cand, columns: { ...cand.columns, ...given } };
    if (!isHeader(withGiven)) continue;
    // Columns given: the row with the most labels is the header; else the one naming the most roles.
    if (givenMode) {
      if (labelsInRow > bestLabels) (best = cand), (bestLabels = labelsInRow);
      continue;
    }
    if (!best || rolesCount(cand) > rolesCount(best)) best = cand;
    if (rolesCount(withGiven) >= 6) break;
  }
  return best ? finish(grid, best, given) : null;
}

/** Column letters by role, for messages and the saved mapping. */
export function columnsByLetter(columns: TableColumns): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const [r, c] of Object.entries(columns)) if (c !== undefined) out[r as ColumnRole] = columnLetter(c);
  return out;
}

export { COLUMN_LABELS };

/**
 * The sheet holding the scoring table: the named one, else the visible sheet whose header names the
 * most columns (hidden sheets only when nothing visible has a table). When several visible sheets look
 * like the table, the choice is a warning saying why; two equally likely sheets are an error (choose
 * with --sheet), never a silent pick of the first.
 */
export function findTable(
  grids: Grid[],
  sheet?: string,
  mapping: ColumnMapping = {},
): { grid: Grid; table: TableLocation; notes: Problem[] } | null {
  const pool = sheet ? grids.filter((g) => g.sheet === sheet || fold(g.sheet) === fold(sheet)) : grids;
  for (const hiddenPass of [false, true]) {
    const found: Array<{ grid: Grid; table: TableLocation; rows: number }> = [];
    for (const g of pool) {
      if (!sheet && !!g.hidden !== hiddenPass) continue;
      const t = findTableOnSheet(g, mapping);
      if (t) found.push({ grid: g, table: t, rows: countItems(g, t) });
    }
    if (!found.length) {
      if (sheet) return null;
      continue;
    }
    // More roles named first, then more numbered rows under the header.
    found.sort((a, b) => b.table.score - a.table.score || b.rows - a.rows);
    const [top, second] = found;
    const notes: Problem[] = [];
    if (second && !sheet) {
      const sheets = found.map((f) => `"${f.grid.sheet}"`).join(', ');
      if (second.table.score === top.table.score && second.rows === top.rows)
        notes.push(problem('familiar_sheet_ambiguous', { sheets }, { sheet: top.grid.sheet }));
      else {
        const why =
          top.table.score > second.table.score
            ? { vi: `tiêu đề của nó có ${top.table.score} cột so với ${second.table.score}`, en: `its header names ${top.table.score} columns against ${second.table.score}` }
            : { vi: `nó có ${top.rows} hàng đánh số so với ${second.rows}`, en: `it has ${top.rows} numbered rows against ${second.rows}` };
        notes.push(problem('familiar_sheet_chosen', { count: found.length, sheets, sheet: top.grid.sheet, why }, { sheet: top.grid.sheet }));
      }
    }
    return { grid: top.grid, table: top.table, notes };
  }
  return null;
}

/** Rows under the header with something in the number column or numbering at the start of the text. */
function countItems(grid: Grid, t: TableLocation): number {
  let n = 0;
  for (let r = t.firstDataRow; r <= Math.min(grid.rowCount, t.firstDataRow + 500); r++) {
    const num = textAt(grid, r, t.columns.number);
    const max = textAt(grid, r, t.columns.max);
    if ((num && numberingOf(num).length) || (max && parsePoints(max).value !== null)) n++;
  }
  return n;
}
