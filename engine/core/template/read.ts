/**
 * Reading back a filled template, on plain Grids (so the CLI and the add-in share it): find the embedded
 * criteria set and verify its hash, re-plan the sheet from it and verify the table's structure (rows
 * deleted, inserted or moved, max points edited, formulas overwritten), read every entry raw with its
 * cell (the kernel parses "8,5", numbers as text, and reports the rest), and return the workbook's own
 * subtotals and totals as figures to compare with the recomputation. Cached values never score.
 * Slightly past 400 lines: the structure checks and the entry reading walk the same re-planned rows.
 */
import type { CompiledSet } from '../compile';
import type { ColumnEntries, Entry, Submission } from '../evaluate';
import { address, cellText, Grid, GridCell, parseAddress } from '../grid';
import { readEntryCell } from '../entry-cell';
import { hashCriteriaSet } from '../hash';
import type { Lang } from '../i18n';
import { loadCriteriaDef } from '../load';
import { toMilli } from '../points';
import { Problem, problem } from '../problems';
import { parseNumber } from '../values';
import { normalizedOnce, parseEmbeddedSet, readingPlan } from './read-cache';
import { hasControlChars, unitKey } from '../unit-name';
import { canonicalEntries, differingKeys, metaDigest, selfDigest } from './stamp';
import {
  EMBED_JSON_ROW,
  EMBED_SHEET,
  ScoreColumn,
  TEMPLATE_COLUMNS,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  TemplateMeta,
  TemplateMode,
  TemplatePlan,
} from './plan';

/** Same shape as the workbook layer's WorkbookFigure (kept here so the core stays independent of it). */
export interface TemplateFigure {
  node: string;
  column: ScoreColumn;
  sheet: string;
  cell: string;
  formula?: string;
  value: number | null;
  /** The total the unit signs (TongTuCham / TongCumCham). */
  signed?: boolean;
}

export interface TemplateReadResult {
  set: CompiledSet | null;
  plan: TemplatePlan | null;
  submission: Submission | null;
  figures: TemplateFigure[];
  problems: Problem[];
  meta: {
    unit?: string;
    year?: number;
    cluster?: string;
    mode?: TemplateMode;
    /** Digest of the self column as read (self mode) or as stamped and verified (inspection mode). */
    selfHash?: string;
    /** Inspection mode: the stamp's team, date and self-assessment file. */
    team?: string;
    inspectedOn?: string;
    fromFile?: string;
  };
  /** True when rows were deleted, inserted or moved (cell addresses of the plan no longer hold). */
  structureBroken: boolean;
  /** Where a criterion's score (or an indicator's value) sits in a column of this workbook. */
  cellOf?: (criterionOrIndicator: string, column: ScoreColumn) => { sheet: string; cell: string } | undefined;
}

/** The hidden sheet of a generated template, if the workbook has one. */
export function findEmbeddedGrid(grids: Grid[]): Grid | undefined {
  return grids.find((g) => g.sheet === EMBED_SHEET && cellText(g.cell(1, 1)) === 'format' && cellText(g.cell(1, 2)) === TEMPLATE_FORMAT);
}

export interface EmbeddedContent {
  meta: Partial<TemplateMeta> & Record<string, unknown>;
  def: unknown;
  problems: Problem[];
}

/** Read the metadata and the criteria set's JSON from the hidden sheet, checking the hash. */
export function readEmbedded(grid: Grid, file?: string): EmbeddedContent {
  const where = { file, sheet: grid.sheet };
  const meta: Record<string, unknown> = {};
  for (let r = 1; r < EMBED_JSON_ROW - 1; r++) {
    const k = cellText(grid.cell(r, 1));
    if (!k) continue;
    const v = grid.cell(r, 2)?.value;
    meta[k] = v === null || v === undefined ? '' : v;
  }
  const problems: Problem[] = [];
  const version = Number(meta.formatVersion);
  if (Number.isFinite(version) && version > TEMPLATE_FORMAT_VERSION) {
    problems.push(problem('template_format_newer', { found: version, supported: TEMPLATE_FORMAT_VERSION }, { ...where, cell: 'B2' }));
    return { meta, def: null, problems };
  }
  const n = Number(meta.chunks);
  let json = '';
  if (Number.isInteger(n) && n > 0 && n < 10000)
    for (let i = 0; i < n; i++) {
      const v = grid.cell(EMBED_JSON_ROW + i, 2)?.value;
      json += v === null || v === undefined ? '' : String(v);
    }
  // Rows after the JSON: the inspection stamp and the metadata's own hash (stamp.ts).
  if (Number.isInteger(n) && n > 0 && n < 10000)
    for (let r = EMBED_JSON_ROW + n; r <= EMBED_JSON_ROW + n + 12; r++) {
      const k = cellText(grid.cell(r, 1));
      if (!k || k in meta) continue;
      const v = grid.cell(r, 2)?.value;
      meta[k] = v === null || v === undefined ? '' : v;
    }
  let def: unknown = null;
  try {
    def = parseEmbeddedSet(json).def;
    if (!def || typeof def !== 'object' || Array.isArray(def)) throw new Error('not an object / không phải đối tượng');
  } catch (e) {
    problems.push(problem('embedded_unreadable', { detail: (e as Error).message }, { ...where, cell: `B${EMBED_JSON_ROW}` }));
    return { meta, def: null, problems };
  }
  const computed = hashCriteriaSet(def);
  const found = String(meta.hash ?? '');
  if (computed !== found)
    problems.push(problem('criteria_tampered', { found: found.slice(0, 12) || '—', computed: computed.slice(0, 12) }, { ...where, cell: 'B4' }));
  // Everything the reader relies on (mode, sheet, unit, year, the stamp) is under metaHash.
  const metaHashRow = metaRowOf(grid, 'metaHash', n);
  if (meta.metaHash === undefined || meta.metaHash === '') {
    if (meta.mode !== 'inspection') problems.push(problem('metadata_unsigned', {}, { ...where, cell: 'A1' }));
  } else {
    const want = metaDigest(meta);
    if (String(meta.metaHash) !== want && !(meta.mode === 'inspection' && !meta.selfHash))
      problems.push(problem('metadata_tampered', { found: String(meta.metaHash).slice(0, 12), computed: want.slice(0, 12) }, { ...where, cell: metaHashRow ? `B${metaHashRow}` : 'A1' }));
  }
  const mode = meta.mode === 'inspection' ? 'inspection' : 'self';
  return {
    meta: {
      ...meta,
      mode,
      unit: meta.unit === undefined ? undefined : String(meta.unit),
      year: typeof meta.year === 'number' ? meta.year : Number(meta.year) || null,
      cluster: meta.cluster === undefined ? undefined : String(meta.cluster),
      lang: (meta.lang === 'en' ? 'en' : 'vi') as Lang,
      sheet: meta.sheet === undefined ? undefined : String(meta.sheet),
      selfHash: meta.selfHash ? String(meta.selfHash) : undefined,
      selfEntries: meta.selfEntries ? String(meta.selfEntries) : undefined,
      team: meta.team ? String(meta.team) : undefined,
      inspectedOn: meta.inspectedOn ? String(meta.inspectedOn) : undefined,
      fromFile: meta.fromFile ? String(meta.fromFile) : undefined,
    },
    def,
    problems,
  };
}

/** Row of a metadata key on the hidden sheet (the fixed rows, then those after the JSON). */
function metaRowOf(grid: Grid, key: string, chunks: number): number | undefined {
  const last = EMBED_JSON_ROW + (Number.isInteger(chunks) && chunks > 0 && chunks < 10000 ? chunks + 12 : 0);
  for (let r = 1; r <= last; r++) if (cellText(grid.cell(r, 1)) === key) return r;
  return undefined;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Formula text as compared: without "$", spaces and case, numbers in one spelling (LibreOffice writes
 * 1E-9 as 0.000000001).
 */
export function normalizeFormula(f: string): string {
  return f
    .replace(/^=/, '')
    .replace(/\$/g, '')
    .replace(/\s+/g, '')
    .replace(/_xlfn\./gi, '')
    // A number not part of a name or cell reference (no lookbehind: the add-in's ES2017 copy runs this).
    .replace(/([A-Za-z_]?)(\d+\.?\d*(?:[eE][+-]?\d+)?)/g, (m, before: string, n: string) => (before ? m : String(Number(n))))
    .toUpperCase();
}

function numberOf(c: GridCell | undefined): number | null {
  if (!c || c.formula !== undefined || c.error) return null;
  const p = parseNumber(c.value);
  return p.ok ? p.value : null;
}

/** Longest increasing subsequence (indices) of a list of numbers. */
function lisIndices(a: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(a.length).fill(-1);
  for (let i = 0; i < a.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[tails[mid]] < a[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.add(i);
  return out;
}

/**
 * Other visible sheets that hold the scoring table too (most of the plan's row keys in the key column):
 * a stale copy someone could read in place of the scored one. Cost: one column of each sheet.
 */
function visibleCopies(grids: Grid[], scored: Grid, plan: TemplatePlan): Array<{ sheet: string; count: number; cell: string }> {
  const keys = new Set(plan.expectations.filter((e) => !e.key.startsWith('#')).map((e) => e.key));
  const need = Math.max(3, Math.ceil(keys.size / 2));
  const out: Array<{ sheet: string; count: number; cell: string }> = [];
  const last = plan.expectations.reduce((m, e) => Math.max(m, e.row), 0) + 200;
  for (const g of grids) {
    if (g === scored || g.hidden || g.sheet === EMBED_SHEET) continue;
    let count = 0;
    let first = '';
    for (let r = 1; r <= Math.min(g.rowCount, last); r++)
      if (keys.has(cellText(g.cell(r, TEMPLATE_COLUMNS.key)))) {
        if (!count) first = address(r, TEMPLATE_COLUMNS.key);
        count++;
      }
    if (count >= need) out.push({ sheet: g.sheet, count, cell: first });
  }
  return out;
}

/** A row's max cell shows `max` (blank for none). */
function showsMax(max: number | null, blank: boolean, got: number | null): boolean {
  return max === null ? blank : got !== null && toMilli(got) === toMilli(max);
}

export function readTemplate(grids: Grid[], opts: { file?: string; criteria?: CompiledSet } = {}): TemplateReadResult {
  const file = opts.file;
  const out: TemplateReadResult = { set: null, plan: null, submission: null, figures: [], problems: [], meta: {}, structureBroken: false };
  const hidden = findEmbeddedGrid(grids);
  if (!hidden) {
    out.problems.push(problem('not_a_template', { sheet: EMBED_SHEET }, { file }));
    return out;
  }
  const emb = readEmbedded(hidden, file);
  out.problems.push(...emb.problems);
  out.meta = {
    unit: emb.meta.unit || undefined,
    year: emb.meta.year ?? undefined,
    cluster: emb.meta.cluster || undefined,
    mode: emb.meta.mode,
    ...(emb.meta.mode === 'inspection' ? { team: emb.meta.team, inspectedOn: emb.meta.inspectedOn, fromFile: emb.meta.fromFile } : {}),
  };
  if (!emb.def) return out;
  const loaded = loadCriteriaDef(emb.def, { file });
  if (!loaded.set) {
    const errs = loaded.problems.filter((p) => p.severity === 'error');
    out.problems.push(
      problem('embedded_invalid', { detail: errs.slice(0, 3).map((p) => p.messages.en).join('; ') || 'compile failed' }, { file, sheet: hidden.sheet }),
    );
    return out;
  }
  const set = loaded.set;
  out.set = set;
  if (opts.criteria && opts.criteria.hash !== set.hash)
    out.problems.push(
      problem(
        'criteria_differs',
        { embedded: set.id, embeddedHash: set.hash.slice(0, 12), given: opts.criteria.id, givenHash: opts.criteria.hash.slice(0, 12) },
        { file, sheet: hidden.sheet, cell: 'B4' },
      ),
    );

  const plan = readingPlan(set, {
    mode: emb.meta.mode ?? 'self',
    lang: emb.meta.lang,
    unit: emb.meta.unit,
    year: emb.meta.year ?? undefined,
    cluster: emb.meta.cluster,
  });
  out.plan = plan;
  const sheetName = emb.meta.sheet || plan.sheetName;
  const grid = grids.find((g) => g.sheet === sheetName);
  if (!grid) {
    out.problems.push(problem('template_sheet_missing', { sheet: sheetName }, { file, sheet: sheetName }));
    return out;
  }
  const sheet = grid.sheet;
  const P = out.problems;
  // Only the visible sheet the (hashed) metadata names is scored; a visible copy elsewhere is refused.
  if (grid.hidden) {
    P.push(problem('scored_sheet_hidden', { sheet }, { file, sheet }));
    return out;
  }
  const copies = visibleCopies(grids, grid, plan);
  for (const c of copies) P.push(problem('second_scoring_table', { sheet: c.sheet, count: c.count, scored: sheet }, { file, sheet: c.sheet, cell: c.cell }));
  const at = (cell: string, criterion?: string) => ({ file, sheet, cell, ...(criterion ? { criterion } : {}) });
  const A = (col: number, row: number) => address(row, col);
  const C = TEMPLATE_COLUMNS;

  // ---- structure: where is every keyed row now?
  const lastPlanned = plan.expectations.reduce((m, e) => Math.max(m, e.row), 0);
  const scanTo = Math.min(grid.rowCount, lastPlanned + 200);
  const known = new Set(plan.expectations.map((e) => e.key));
  const actual = new Map<string, number>();
  const strays: number[] = [];
  for (let r = plan.headerRow + 1; r <= scanTo; r++) {
    const key = cellText(grid.cell(r, C.key));
    if (key && known.has(key) && !actual.has(key)) actual.set(key, r);
    else strays.push(r);
  }
  const found = plan.expectations.filter((e) => actual.has(e.key));
  const keep = lisIndices(found.map((e) => actual.get(e.key)!));
  let broken = false;
  for (const e of plan.expectations)
    if (!actual.has(e.key)) {
      broken = true;
      P.push(problem('row_missing', { key: e.key, row: e.row }, at(A(C.number, e.row), e.criterion || undefined)));
    }
  found.forEach((e, i) => {
    const r = actual.get(e.key)!;
    if (!keep.has(i)) {
      broken = true;
      P.push(problem('row_moved', { key: e.key, expected: e.row, actual: r }, at(A(C.number, r), e.criterion || undefined)));
    }
  });
  // Rows between the keyed ones that hold no known key were inserted (blank rows after the table are not).
  const lastKeyed = found.length ? Math.max(...found.map((e) => actual.get(e.key)!)) : plan.headerRow;
  const keyAt = new Map<number, string>([...actual].map(([k, r]) => [r, k]));
  let run: number[] = [];
  const flush = () => {
    if (!run.length) return;
    broken = true;
    let after = '';
    for (let r = run[0] - 1; r > plan.headerRow; r--)
      if (keyAt.has(r)) {
        after = keyAt.get(r)!;
        break;
      }
    P.push(problem('row_inserted', { count: run.length, after: after || plan.columns[1].header }, at(A(C.number, run[0]))));
    run = [];
  };
  for (const r of strays) {
    if (r > lastKeyed) break;
    if (run.length && r !== run[run.length - 1] + 1) flush();
    run.push(r);
  }
  flush();
  out.structureBroken = broken;
  out.cellOf = (id, column) => {
    const r = actual.get(id) ?? actual.get(`@${id}`);
    return r === undefined ? undefined : { sheet, cell: A(column === 'self' ? C.self : C.inspected, r) };
  };

  // ---- fixed cells of each row: numbering, text, max points.
  const rowOf = (key: string) => actual.get(key);
  for (const e of found) {
    if (e.key.startsWith('#')) continue; // separator and merged block-heading rows
    const r = actual.get(e.key)!;
    const crit = e.criterion || undefined;
    const maxCell = grid.cell(r, C.max);
    const got = numberOf(maxCell);
    const blank = !maxCell || (maxCell.formula === undefined && cellText(maxCell) === '');
    const ok = showsMax(e.max, blank, got) || (e.alsoAccepted !== undefined && showsMax(e.alsoAccepted, blank, got));
    if (!ok) P.push(problem('max_edited', { found: maxCell?.formula ? `=${maxCell.formula}` : cellText(maxCell) || '—', expected: e.max ?? '—' }, at(A(C.max, r), crit)));
    const text = cellText(grid.cell(r, C.text));
    // (The same text needs no normalising: most rows are as generated.)
    if (text !== e.text && norm(text) !== norm(e.text)) P.push(problem('text_edited', { found: text.slice(0, 80), expected: e.text.slice(0, 80) }, at(A(C.text, r), crit)));
    const num = cellText(grid.cell(r, C.number));
    if (num !== e.number && norm(num) !== norm(e.number)) P.push(problem('text_edited', { found: num.slice(0, 80), expected: e.number.slice(0, 80) }, at(A(C.number, r), crit)));
  }

  // ---- entries, raw, with their cells.
  const entryRowKey = (specKey: string): string | undefined => {
    const spec = set.entryByKey.get(specKey);
    if (!spec) return undefined;
    if (spec.indicator) return `@${spec.indicator}`;
    return spec.criterion && specKey === spec.criterion ? spec.criterion : specKey;
  };
  const readColumn = (c: ScoreColumn): ColumnEntries => {
    const col = c === 'self' ? C.self : C.inspected;
    const entries: ColumnEntries = {};
    for (const spec of set.entries) {
      const rk = entryRowKey(spec.key);
      const r = rk ? rowOf(rk) : undefined;
      if (r === undefined) continue;
      const crit = spec.criterion ?? spec.indicator;
      entries[spec.key] = readEntryCell(grid, r, col, { file: opts.file, criterion: crit, column: c }, P);
    }
    return entries;
  };
  const textEntries = (col: number): Record<string, Entry> => {
    const o: Record<string, Entry> = {};
    for (const leaf of set.leaves) {
      const r = rowOf(leaf.id);
      if (r === undefined) continue;
      const cell = grid.cell(r, col);
      o[leaf.id] = { value: cell?.formula !== undefined ? `=${cell.formula}` : cell?.value ?? null, sheet, cell: A(col, r) };
    }
    return o;
  };
  const unitCell = parseAddress(plan.unitCell)!;
  const yearCell = parseAddress(plan.yearCell)!;
  // The unit as written (white space collapsed, a BOM kept: it is folded by unitKey, not made a space).
  const unitValue = grid.cell(unitCell.row, unitCell.col)?.value;
  const shownUnit = unitValue === null || unitValue === undefined ? '' : String(unitValue).replace(/[^\S\uFEFF]+/g, ' ').trim();
  const unit = shownUnit || emb.meta.unit || undefined;
  const yearRaw = numberOf(grid.cell(yearCell.row, yearCell.col));
  const year = yearRaw !== null && Number.isInteger(yearRaw) ? yearRaw : emb.meta.year ?? undefined;
  // The unit and the year are locked where the metadata states them: the sheet must still say the same.
  const metaUnit = emb.meta.unit ?? '';
  if (metaUnit && shownUnit && shownUnit !== metaUnit && !hasControlChars(shownUnit) && unitKey(shownUnit) !== unitKey(metaUnit))
    P.push(
      problem('unit_differs_from_metadata', { found: shownUnit.slice(0, 120), expected: metaUnit.slice(0, 120) }, at(plan.unitCell), emb.meta.mode === 'inspection' ? 'error' : 'warning'),
    );
  if (typeof emb.meta.year === 'number' && yearRaw !== null && yearRaw !== emb.meta.year)
    P.push(problem('year_differs_from_metadata', { found: yearRaw, expected: emb.meta.year }, at(plan.yearCell)));
  out.meta = { ...out.meta, unit, year: year ?? undefined };
  const self = readColumn('self');
  let inspected: ColumnEntries | null = readColumn('inspected');
  const selfCanonical = canonicalEntries(self);
  if ((emb.meta.mode ?? 'self') === 'self') {
    // A self-assessment workbook never carries inspection scores: each one is an error at its cell.
    for (const [key, e] of Object.entries(inspected)) {
      const v = e && typeof e === 'object' ? (e as Entry) : null;
      if (!v || v.value === null || v.value === undefined || (typeof v.value === 'string' && v.value.trim() === '')) continue;
      const spec = set.entryByKey.get(key);
      P.push(problem('inspection_in_self_workbook', { value: String(v.value).slice(0, 40) }, { ...at(v.cell!, spec?.criterion ?? spec?.indicator), column: 'inspected' }));
    }
    inspected = null;
    out.meta.selfHash = selfDigest(selfCanonical);
  } else {
    // Inspection: the self column must be what the school submitted when this workbook was made.
    const stamp = emb.meta.selfHash;
    if (!stamp) {
      P.push(problem('inspection_unstamped', {}, { file, sheet: hidden.sheet }));
      inspected = null;
    } else if (selfDigest(selfCanonical) !== stamp) {
      inspected = null;
      let stamped: Record<string, string> | null = null;
      try {
        const parsed = emb.meta.selfEntries ? JSON.parse(emb.meta.selfEntries) : null;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && selfDigest(parsed) === stamp) stamped = parsed;
      } catch {
        stamped = null;
      }
      const from = emb.meta.fromFile ? ` (${emb.meta.fromFile})` : '';
      const keys = stamped ? differingKeys(stamped, selfCanonical) : [];
      for (const key of keys.slice(0, 50)) {
        const e = self[key] as Entry | undefined;
        const spec = set.entryByKey.get(key);
        P.push(
          problem(
            'self_changed_since_stamp',
            { from, found: selfCanonical[key] ?? '—', expected: stamped![key] ?? '—' },
            { ...at(e?.cell ?? plan.entries.self[key] ?? plan.scores.self.total.address, spec?.criterion ?? spec?.indicator), column: 'self' },
          ),
        );
      }
      if (!keys.length) P.push(problem('self_changed_since_stamp', { from, found: '?', expected: '?' }, { ...at(plan.scores.self.total.address), column: 'self' }));
    } else out.meta.selfHash = stamp;
  }
  out.submission = {
    unit,
    year: year ?? undefined,
    file,
    self,
    inspected,
    evidence: textEntries(C.evidence),
    remarks: textEntries(C.remark),
    // The workbook's own formulas count only real numbers on the grid: the engine reads it the same way.
    reading: 'template',
  };

  // ---- the workbook's own formulas: present, unedited, and what they show.
  for (const c of ['self', 'inspected'] as ScoreColumn[]) {
    const col = c === 'self' ? C.self : C.inspected;
    for (const s of Object.values(plan.scores[c])) {
      if (s.formula === undefined) continue;
      const r = rowOf(s.node);
      if (r === undefined) continue;
      const addr = A(col, r);
      const cell = grid.cell(r, col);
      const crit = ['base', 'bonus', 'penalty', 'total'].includes(s.node) ? undefined : s.node;
      if (!cell || cell.formula === undefined) {
        const v = cell ? numberOf(cell) : null;
        P.push(problem('formula_overwritten', { value: cell && cellText(cell) !== '' ? cellText(cell) : '—' }, { ...at(addr, crit), column: c }));
        out.figures.push({ node: s.node, column: c, sheet, cell: addr, value: v ?? 0 });
        continue;
      }
      if (!broken && cell.formula !== s.formula && normalizedOnce(cell.formula, normalizeFormula) !== normalizedOnce(s.formula, normalizeFormula))
        P.push(problem('formula_edited', { found: cell.formula.slice(0, 120), expected: s.formula.slice(0, 120) }, { ...at(addr, crit), column: c }));
      const v = typeof cell.value === 'number' && Number.isFinite(cell.value) ? cell.value : null;
      out.figures.push({ node: s.node, column: c, sheet, cell: addr, formula: cell.formula, value: v, ...(s.node === 'total' ? { signed: true } : {}) });
    }
  }
  return out;
}
