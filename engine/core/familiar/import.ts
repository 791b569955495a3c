/**
 * Import of the cluster's familiar scoring table: a Grid (from exceljs in the CLI, from Office.js in the
 * add-in) in, a criteria set out, with a warning for everything the importer had to guess. Pure.
 * Slightly past 400 lines: the outline-to-set walk and its warnings share one pass over the outline.
 */
import { compileSet } from '../compile';
import { address, fold, type Grid } from '../grid';
import type { AwardDef, ClassificationBand, CriteriaSet, NodeDef, SectionDef, SectionRole } from '../model';
import { fromMilli, onStep, toMilli } from '../points';
import { problem, type Location, type Problem } from '../problems';
import { clip, readOutline, type Outline, type OutlineNode } from './outline';
import { layoutOf } from './mapping';
import { findTable, type ColumnMapping } from './table';
import { idSegment, num, slug, textKey } from './text';
import { SCHEME_READINGS } from './numbering';
import type { Bilingual } from '../i18n';
import {
  AWARDS,
  BAND_BELOW,
  BAND_FROM,
  BAND_LABELS,
  BARS_AWARD,
  CAP_PHRASES,
  CLASSIFICATION_NOTE,
  DEDUCTION_CAP,
  FIXED_DEDUCTION,
  MAX_IN_TEXT,
  PER_OCCURRENCE,
} from './vocabulary';

export interface ImportOptions {
  /** Only this sheet (by name, diacritics and case ignored). */
  sheet?: string;
  /** Id of the criteria set (default: from the title block). */
  id?: string;
  /** For problem locations. */
  file?: string;
  /** Header row and columns given by the user (`--header-row`, `--columns`): they beat every guess. */
  mapping?: ColumnMapping;
}

export interface ImportResult {
  criteriaSet: CriteriaSet | null;
  warnings: Problem[];
  outline: Outline | null;
  /** The id each outline row became (row number -> criterion id). */
  rowIds: Map<number, string>;
}

/** Candidate steps, largest first: the step is the largest that every maximum is a multiple of. */
const STEPS = [0.25, 0.1, 0.05, 0.01];

/** Locate the scoring table and read its outline (shared with the familiar-layout reader). */
export function locateOutline(
  grids: Grid[],
  opts: { sheet?: string; file?: string; mapping?: ColumnMapping } = {},
): { outline: Outline | null; problems: Problem[] } {
  if (opts.sheet && !grids.some((g) => g.sheet === opts.sheet || fold(g.sheet) === fold(opts.sheet!)))
    return {
      outline: null,
      problems: [problem('familiar_sheet_not_found', { sheet: opts.sheet, sheets: grids.map((g) => g.sheet).join(', ') }, { file: opts.file })],
    };
  const mapping = opts.mapping ?? {};
  const found = findTable(grids, opts.sheet, mapping);
  if (!found) {
    const code = mapping.headerRow ? 'familiar_header_row_invalid' : 'no_scoring_table';
    return { outline: null, problems: [problem(code, { row: mapping.headerRow }, { file: opts.file, sheet: opts.sheet })] };
  }
  const outline = readOutline(found.grid, found.table);
  // The column finder's notes first (what was skipped, chosen, not found), then the rows'.
  const notes = [...found.notes, ...found.table.notes].map((p) => ({ ...p, file: opts.file ?? p.file }));
  return { outline, problems: notes };
}

export function importFamiliar(grids: Grid[], opts: ImportOptions = {}): ImportResult {
  const located = locateOutline(grids, opts);
  const rowIds = new Map<number, string>();
  if (!located.outline) return { criteriaSet: null, warnings: located.problems, outline: null, rowIds };
  const outline = located.outline;
  const grid = outline.grid;
  const cols = outline.table.columns;
  const warnings: Problem[] = [...located.problems, ...outline.warnings];
  /** Told again at every check/score of a filled copy: how the columns and rows were read. */
  const carried = [...located.problems, ...outline.warnings.filter((w) => w.code === 'familiar_hidden_row_skipped')];
  const where: Where = (row, col, criterion) => ({
    file: opts.file,
    sheet: grid.sheet,
    cell: address(row, col ?? cols.text ?? 1),
    criterion,
  });
  for (const w of warnings) if (opts.file && !w.file) w.file = opts.file;

  if (!outline.sections.length) {
    warnings.push(problem('familiar_no_criteria', {}, where(outline.table.firstDataRow)));
    return { criteriaSet: null, warnings, outline, rowIds };
  }

  assignIds(outline, warnings, where);
  for (const n of outline.items) rowIds.set(n.row, n.id!);

  const awardsUsed = new Map<string, { id: string; label: string; labelEn: string }>();
  const maxima: number[] = [];

  const convert = (n: OutlineNode, role: SectionRole): NodeDef => {
    // Bullets ("-", "+") are not numbering: the id's position stands for them.
    const printed = n.number && n.scheme !== 'bullet' ? n.number.slice(0, 32) : undefined;
    const def: NodeDef = { id: n.id!, ...(printed ? { number: printed } : {}), text: clip(n.text, 2000) };
    if (n.guidance.length) def.guidance = n.guidance.join('\n').slice(0, 4000);
    let max = n.max.value;
    if (max === null && n.maxCell?.formula) max = outline.formulas.valueAt(n.row, cols.max!);
    if (max === null && n.children.length && role === 'base' && !n.max.unreadable) {
      // A section's maximum given only in its text: "CÔNG TÁC GIẢNG DẠY (20 điểm)".
      const inText = MAX_IN_TEXT.exec(fold(n.text));
      if (inText) {
        max = num(inText[1]);
        warnings.push(problem('familiar_max_in_text', { id: n.id, value: inText[0], max }, where(n.row, cols.text, n.id)));
      }
    }
    if (n.max.unreadable) warnings.push(problem('familiar_max_unreadable', { value: n.max.raw }, where(n.row, cols.max, n.id)));
    else if (n.max.range && max !== null) warnings.push(problem('familiar_max_range', { value: n.max.raw, max }, where(n.row, cols.max, n.id)));
    else if (n.max.fromText && max !== null)
      warnings.push(problem('familiar_max_text', { value: n.max.raw, max }, where(n.row, cols.max, n.id)));
    if (max !== null && max < 0) max = Math.abs(max);

    if (n.children.length) {
      const children = n.children.map((c) => convert(c, role));
      const withKids = () => Object.assign(def, { children });
      if (role === 'deduction') return withKids();
      const kids = children.map((c) => (typeof c.max === 'number' ? c.max : groupSum(c)));
      const sum = kids.every((k) => k !== null) ? fromMilli(kids.reduce((s, k) => s + toMilli(k!), 0)) : null;
      if (max !== null && sum !== null && toMilli(sum) !== toMilli(max)) {
        if (role === 'bonus' && n.parent === undefined) def.max = max; // a bonus section may offer more than its cap
        else warnings.push(problem('familiar_tree_mismatch', { id: n.id, sum, max, ...readingOf(n, cols, outline.sections) }, where(n.row, cols.max, n.id)));
      } else if (max !== null) def.max = max;
      return withKids();
    }

    // A leaf: a criterion taking an entry.
    if (role === 'deduction') {
      const f = fold(`${n.text} ${n.max.raw}`);
      const per = PER_OCCURRENCE.exec(f);
      const fixed = per ? null : FIXED_DEDUCTION.exec(f);
      if (per) def.perOccurrence = num(per[1]);
      else if (fixed) {
        def.perOccurrence = num(fixed[1]);
        warnings.push(problem('familiar_per_occurrence_guessed', { id: n.id, points: def.perOccurrence }, where(n.row, undefined, n.id)));
      }
      if (max !== null && !n.max.unreadable && max > 0 && !(per && max === def.perOccurrence)) def.max = max;
      if (BARS_AWARD.test(f)) {
        const bars = AWARDS.filter((a) => a.match.test(f));
        if (bars.length) {
          def.disqualifies = bars.map((a) => a.id);
          for (const a of bars) awardsUsed.set(a.id, a);
        }
      }
      return def;
    }
    if (max === null) {
      if (!n.max.unreadable) warnings.push(problem('familiar_no_max', { id: n.id }, where(n.row, cols.max, n.id)));
    } else {
      def.max = max;
      maxima.push(max);
    }
    return def;
  };

  const sections: SectionDef[] = outline.sections.map((s) => {
    const role = s.role;
    const converted: SectionDef = convert(s, role);
    const { children, ...head } = converted;
    const def: SectionDef = { ...head, ...(role !== 'base' ? { role } : {}), ...(role === 'deduction' ? { evidence: false } : {}) };
    if (role === 'bonus') {
      const capText = CAP_PHRASES.exec(fold(s.text));
      if (capText) def.cap = num(capText[1]);
      else if (typeof def.max === 'number') {
        def.cap = def.max;
        warnings.push(problem('familiar_cap_from_max', { id: s.id, cap: def.cap }, where(s.row, cols.max, s.id)));
      } else {
        def.cap = groupSum(converted) ?? 0;
        warnings.push(problem('familiar_cap_guessed', { id: s.id, cap: def.cap }, where(s.row, undefined, s.id)));
      }
    }
    // "Điểm thưởng (tối đa 3 điểm) | 3 | 2" on one row: the section takes its entry itself.
    if (role !== 'base' && s.children.length === 0)
      warnings.push(problem('familiar_section_single_row', { id: s.id, text: clip(s.text) }, where(s.row, undefined, s.id)));
    if (role === 'deduction') {
      // "ĐIỂM TRỪ (trừ tối đa 10 điểm)": the section takes off at most that much (the engine caps and says so).
      const capText = DEDUCTION_CAP.exec(fold(s.text));
      if (capText) def.cap = num(capText[1] ?? capText[2]);
    }
    if (s.levelGuess) warnings.push(problem('familiar_section_guessed', { id: s.id, text: clip(s.text) }, where(s.row, undefined, s.id)));
    if (children) def.children = children;
    return def;
  });
  for (const n of outline.items)
    if (n.parent && n.levelGuess)
      warnings.push(problem('familiar_level_guessed', { id: n.id, parent: n.parent.id, how: HOW[n.levelGuess] }, where(n.row, undefined, n.id)));

  // Step: the largest usual step every maximum is a multiple of.
  const step = STEPS.find((s) => maxima.every((m) => onStep(m, s))) ?? 0.01;
  warnings.push(problem('familiar_step_assumed', { step }, { file: opts.file, sheet: grid.sheet }));

  const evidence = cols.evidence !== undefined;
  if (evidence)
    warnings.push(problem('familiar_evidence_assumed', { column: outline.table.labels.evidence ?? '' }, where(outline.table.headerTop, cols.evidence)));

  const meta = outline.meta;
  const title = meta.title ?? `Bảng chấm điểm${meta.year ? ` năm ${meta.year}` : ''}`;
  const set: CriteriaSet = {
    id: opts.id ?? slug(meta.title ? `${meta.title}${meta.year && !fold(meta.title).includes(String(meta.year)) ? ` ${meta.year}` : ''}` : `bang-diem-${meta.year ?? ''}`),
    title: clip(title, 300),
    ...(meta.cluster ? { cluster: meta.cluster } : {}),
    ...(meta.year && meta.year >= 2000 && meta.year <= 2100 ? { year: meta.year } : {}),
    step,
    evidence,
    sections,
  };
  set.notes = `Nhập từ bảng điểm quen thuộc / imported from the familiar table: ${opts.file ? `${baseName(opts.file)} › ` : ''}${grid.sheet}!${address(outline.table.headerTop, 1)}`;

  const policy: NonNullable<CriteriaSet['policy']> = {};
  if (outline.classificationNote) {
    const bands = parseClassification(outline.classificationNote.text);
    const loc = where(outline.classificationNote.row);
    if (bands) {
      policy.classification = bands;
      warnings.push(problem('familiar_classification_read', { bands: bands.map((b) => `${b.label} ≥ ${b.min}`).join('; ') }, loc));
    } else warnings.push(problem('familiar_classification_unreadable', { text: clip(outline.classificationNote.text, 120) }, loc));
  }
  if (awardsUsed.size) {
    // The award's threshold follows the table's classification: its top band (e.g. Xuất sắc ≥ 95); with no
    // bands read it stays 0, which lint reports (award_no_minimum).
    const top = (policy.classification ?? []).reduce((m, b) => Math.max(m, b.min), 0);
    policy.awards = [...awardsUsed.values()].map((a): AwardDef => ({ id: a.id, label: a.label, labelEn: a.labelEn, quota: 1, minTotal: top }));
    for (const a of awardsUsed.values()) warnings.push(problem('familiar_award_added', { award: a.label, id: a.id }, { file: opts.file, sheet: grid.sheet }));
  }
  if (Object.keys(policy).length) set.policy = policy;
  set.familiarLayout = layoutOf(outline.table, carried);

  checkTotals(set, outline, warnings, where);
  return { criteriaSet: set, warnings, outline, rowIds };
}

type Where = (row: number, col?: number, criterion?: string) => Location;

const HOW: Record<NonNullable<OutlineNode['levelGuess']>, Bilingual> = {
  indent: { vi: 'thụt lề', en: 'indentation' },
  bold: { vi: 'chữ đậm', en: 'bold' },
  uppercase: { vi: 'chữ in hoa', en: 'capitals' },
  keyword: { vi: 'từ khóa', en: 'keyword' },
  position: { vi: 'vị trí', en: 'position' },
};

/**
 * Which reading of the numbering gave a group's children (for familiar_tree_mismatch): the scheme of
 * its first numbered child ("i" read as a lowercase roman numeral, "Tiêu chí 7" as numbering continuous
 * across the sections), the other readings the cell allowed, and the child's cell.
 */
function readingOf(n: OutlineNode, cols: Outline['table']['columns'], sections: OutlineNode[]): { reading: Bilingual; others: Bilingual; cell: string } {
  const child = n.children.find((c) => c.scheme) ?? n.children[0];
  const cell = address(child.row, (child.scheme && cols.number) || cols.text || 1);
  // The word as printed ("Tiêu chí" of "Tiêu chí 3"), not folded.
  const word = child.number.replace(/\s*[0-9A-Za-z]{1,6}\s*[.:)]?$/, '').trim() || child.word || '';
  const put = (t: string) => t.replace('{n}', child.number).replace('{word}', word);
  if (!child.scheme) {
    const how = HOW[child.levelGuess ?? 'position'];
    return { reading: { vi: `xếp các hàng không đánh số theo ${how.vi}`, en: `placing the unnumbered rows by ${how.en}` }, others: { vi: '', en: '' }, cell };
  }
  // Numbered across the sections: some section's first "Tiêu chí k" does not start at 1.
  const continuous =
    child.scheme === 'word' &&
    sections.some((s) => {
      const first = s.children.find((c) => c.scheme === 'word' && c.word === child.word);
      return first?.ordinal != null && first.ordinal > 1;
    });
  const r = SCHEME_READINGS[continuous ? 'continuous' : child.scheme] ?? SCHEME_READINGS.decimal;
  const alts = (child.alternatives ?? []).map((a) => SCHEME_READINGS[a]?.name).filter((x): x is Bilingual => !!x);
  const others = alts.length
    ? { vi: `; '${child.number}' cũng có thể đọc là ${alts.map((a) => a.vi).join(' hoặc ')}`, en: `; '${child.number}' could also be read as ${alts.map((a) => a.en).join(' or ')}` }
    : { vi: '', en: '' };
  return { reading: { vi: put(r.vi), en: put(r.en) }, others, cell };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Sum of a group's leaf maxima (null if one is missing). */
function groupSum(n: NodeDef): number | null {
  if (!n.children?.length) return typeof n.max === 'number' ? n.max : null;
  let s = 0;
  for (const c of n.children) {
    const v = typeof c.max === 'number' ? c.max : groupSum(c);
    if (v === null) return null;
    s += toMilli(v);
  }
  return fromMilli(s);
}

/** Ids from the numbering path ("II" > "2" > "2.1" -> II.2.1); unnumbered rows by position. */
function assignIds(outline: Outline, warnings: Problem[], where: Where): void {
  const used = new Set<string>();
  const cols = outline.table.columns;
  const visit = (n: OutlineNode, index: number, parent?: OutlineNode) => {
    let segs = n.segments.map(idSegment).filter(Boolean);
    const pSegs = parent ? parent.segments.map(idSegment) : [];
    if (parent && n.scheme === 'decimal' && segs.length > 1) {
      const prefix = segs.slice(0, -1);
      // "2.1" under "2": the id adds "1"; "2.3.1" under "2.3" adds "1".
      const tail = pSegs.slice(-prefix.length);
      if (prefix.length <= pSegs.length && prefix.join('.') === tail.join('.')) segs = segs.slice(-1);
      else warnings.push(problem('familiar_number_mismatch', { number: n.number, parent: parent.number || parent.id }, where(n.row, cols.number)));
    }
    if (!segs.length) segs = [parent ? String(index + 1) : `S${index + 1}`];
    let id = parent ? `${parent.id}.${segs.join('.')}` : segs.join('.');
    if (id.length > 64) id = id.slice(0, 64);
    if (used.has(id)) {
      let k = 2;
      while (used.has(`${id}-${k}`)) k++;
      warnings.push(problem('familiar_duplicate_number', { number: n.number || id, id: `${id}-${k}` }, where(n.row, cols.number)));
      id = `${id}-${k}`;
    }
    used.add(id);
    n.id = id;
    n.children.forEach((c, i) => visit(c, i, n));
  };
  outline.sections.forEach((s, i) => visit(s, i));
}

/** "Xếp loại: Xuất sắc từ 95 điểm; Tốt từ 85 đến dưới 95; ...; Trung bình dưới 70." */
export function parseClassification(text: string): ClassificationBand[] | null {
  const body = fold(text).replace(CLASSIFICATION_NOTE, '');
  const original = text.replace(/^[^:：]*[:：]\s*/, '');
  const parts = body.split(/[;\n]|\.\s+/).map((p) => p.trim()).filter(Boolean);
  const bands: ClassificationBand[] = [];
  for (const part of parts) {
    const from = BAND_FROM.exec(part);
    const below = BAND_BELOW.exec(part);
    const cut = Math.min(...[from?.index, below?.index].filter((x): x is number => x !== undefined), part.length);
    const labelText = part.slice(0, cut).replace(/[:\-–,]+$/, '').trim();
    if (!labelText || (!from && !below)) continue;
    const bare = labelText.replace(/^loai\s+/, '');
    const known = BAND_LABELS.find((b) => b.match.test(bare));
    const label = known?.label ?? originalLabel(original, labelText);
    const min = from ? num(from[1]) : 0;
    bands.push(known ? { label, labelEn: known.labelEn, min } : { label, min });
  }
  if (bands.length < 2) return null;
  bands.sort((a, b) => b.min - a.min);
  for (let i = 1; i < bands.length; i++) if (!(bands[i].min < bands[i - 1].min)) return null;
  return bands;
}

function originalLabel(original: string, folded: string): string {
  // Find the original spelling of a folded label inside the original text.
  const words = original.split(/[;\n]/).map((s) => s.trim());
  for (const w of words) if (textKey(w).startsWith(textKey(folded))) return w.slice(0, folded.length).trim() || folded;
  return folded;
}

/** Compare the max points printed on total rows with what the set adds up to. */
function checkTotals(set: CriteriaSet, outline: Outline, warnings: Problem[], where: Where): void {
  const cols = outline.table.columns;
  if (!cols.max || !outline.totals.length) return;
  const compiled = compileSet(set);
  const kinds = classifyTotals(outline);
  for (const t of outline.totals) {
    const stated = t.maxCell?.formula ? outline.formulas.valueAt(t.row, cols.max) : typeof t.maxCell?.value === 'number' ? t.maxCell.value : null;
    if (stated === null) continue;
    const kind = kinds.get(t.row);
    const expected =
      kind === 'total'
        ? compiled.maxBase + compiled.maxBonus
        : kind === 'base'
          ? compiled.maxBase
          : kind
            ? (compiled.byId.get(kind.id!)?.cap ?? compiled.byId.get(kind.id!)?.max ?? null)
            : null;
    if (expected === null || expected === undefined) continue;
    if (toMilli(expected) !== toMilli(stated))
      warnings.push(problem('familiar_total_max_differs', { text: clip(t.text), stated, computed: expected }, where(t.row, cols.max)));
  }
}

/**
 * What each total row adds up: a section ("Cộng mục I"), the scored sections ("CỘNG (I + ... + V)"
 * before the bonus), or everything ("TỔNG ĐIỂM" at the end): a section of the outline, "base" or "total".
 */
export function classifyTotals(outline: Outline): Map<number, OutlineNode | 'base' | 'total'> {
  const out = new Map<number, OutlineNode | 'base' | 'total'>();
  const secs = outline.sections;
  const numeral = (s: OutlineNode) => (s.segments[0] ?? '').toUpperCase();
  let prevRow = 0;
  for (const t of outline.totals) {
    const before = secs.filter((s) => s.row < t.row);
    const after = secs.filter((s) => s.row > t.row);
    const since = before.filter((s) => s.row > prevRow);
    prevRow = t.row;
    // Section numerals named in the text: "(I + II + III)", "mục A".
    const words = (t.text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').match(/\b[0-9A-Za-z]{1,5}\b/g) ?? []).map((w) => w.toUpperCase());
    const named = secs.filter((s) => numeral(s) && words.includes(numeral(s)));
    const baseSecs = secs.filter((s) => s.role === 'base');
    const sameSet = (a: OutlineNode[], b: OutlineNode[]) => a.length === b.length && a.every((x) => b.includes(x));
    if (named.length === 1 && !/\+/.test(t.text)) out.set(t.row, named[0]);
    else if (named.length > 1) {
      if (sameSet(named, baseSecs)) out.set(t.row, 'base');
      else if (sameSet(named, secs)) out.set(t.row, 'total');
    } else if (after.length === 0) out.set(t.row, 'total');
    else if (since.length === 1 && (before.length > 1 || after.some((s) => s.role === 'base'))) out.set(t.row, since[0]);
    else if (before.length && before.every((s) => s.role === 'base') && sameSet(before, baseSecs)) out.set(t.row, 'base');
  }
  return out;
}
