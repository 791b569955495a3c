/**
 * Criteria sets authored in Excel, one row a criterion (the way XLSForm authors forms), for cluster leads
 * who are not programmers. Pure: works on Grids, so the CLI (exceljs) and the add-in (Office.js) share it.
 *
 * Sheets (names in Vietnamese or English, any case, with or without diacritics):
 *   "Tiêu chí" / "criteria": columns id | parent | number (TT) | text (nội dung) | max (điểm chuẩn) | kind (loại)
 *       | role (phần: base/bonus/deduction or tính điểm/thưởng/trừ) | cap (tối đa) | step (bước điểm)
 *       | evidence (minh chứng: có/không) | formula (công thức) | items (danh mục: "id=points: text; ...")
 *       | tiers (mức: ">=90: 10; >=70: 7") | indicator (chỉ số) | per occurrence (mỗi lần) | disqualifies (không xét)
 *       | entry (cách ghi: deductions take "số lần"/cases or "số điểm"/points)
 *       | guidance (hướng dẫn). Without a parent column, "II.2.1" belongs to "II.2".
 *   "Thiết lập" / "settings": key | value rows (id, title, cluster, year, step, evidence, tolerance,
 *       totalMoveThreshold, finalScore, tieBreakers as a comma list).
 *   "Chỉ số" / "indicators": id | text | unit | expr | min | max | integer.
 *   "Xếp loại" / "classification": label | labelEn | min.   "Khen thưởng" / "awards": id | label | labelEn | quota | minTotal | maxRank | rule.
 */
import { fold, Grid, GridCell, address } from './grid';
import type { CellValue } from './kinds/types';
import { loadCriteriaDef, LoadResult } from './load';
import type { AwardDef, ClassificationBand, CriteriaSet, IndicatorDef, NodeDef, RankingPolicy, SectionDef, SectionRole } from './model';
import { Problem, problem } from './problems';
import { parseFlag, parseNumber } from './values';

type Col = Record<string, number>;

const SHEETS: Record<string, string[]> = {
  criteria: ['tieu chi', 'criteria', 'bang tieu chi'],
  settings: ['thiet lap', 'settings', 'cai dat'],
  indicators: ['chi so', 'indicators'],
  classification: ['xep loai', 'classification'],
  awards: ['khen thuong', 'awards', 'danh hieu'],
};

const COLUMNS: Record<string, string[]> = {
  id: ['id', 'ma', 'ma tieu chi'],
  parent: ['parent', 'cha', 'thuoc', 'ma cha'],
  number: ['number', 'tt', 'stt', 'so thu tu'],
  text: ['text', 'noi dung', 'tieu chi', 'noi dung tieu chi'],
  max: ['max', 'diem chuan', 'diem toi da'],
  kind: ['kind', 'loai'],
  role: ['role', 'phan', 'vai tro'],
  cap: ['cap', 'toi da', 'muc toi da'],
  step: ['step', 'buoc diem', 'buoc'],
  evidence: ['evidence', 'minh chung'],
  formula: ['formula', 'cong thuc'],
  items: ['items', 'danh muc', 'cac muc'],
  tiers: ['tiers', 'muc', 'thang muc'],
  indicator: ['indicator', 'chi so'],
  perOccurrence: ['per occurrence', 'peroccurrence', 'moi lan', 'diem tru moi lan'],
  disqualifies: ['disqualifies', 'khong xet'],
  entry: ['entry', 'cach ghi', 'ghi', 'nhap'],
  guidance: ['guidance', 'huong dan'],
  unit: ['unit', 'don vi tinh', 'don vi'],
  expr: ['expr', 'bieu thuc'],
  min: ['min', 'toi thieu', 'tu'],
  integer: ['integer', 'so nguyen'],
  label: ['label', 'nhan', 'ten'],
  labelEn: ['labelen', 'label en', 'ten tieng anh'],
  quota: ['quota', 'so luong', 'chi tieu'],
  minTotal: ['mintotal', 'min total', 'diem toi thieu', 'nguong'],
  maxRank: ['maxrank', 'max rank', 'hang toi da'],
  rule: ['rule', 'quy tac'],
  key: ['key', 'khoa', 'thiet lap'],
  value: ['value', 'gia tri'],
};

/** What a deduction row takes (the `entry` column): the number of cases or the points taken off. */
const ENTRY_WORDS: Record<string, 'cases' | 'points'> = {
  cases: 'cases', 'so lan': 'cases', lan: 'cases', 'so lan vi pham': 'cases',
  points: 'points', 'so diem': 'points', diem: 'points', 'so diem bi tru': 'points',
};

const ROLE_WORDS: Record<string, SectionRole> = {
  base: 'base', 'tinh diem': 'base', 'co ban': 'base',
  bonus: 'bonus', thuong: 'bonus', 'diem thuong': 'bonus',
  deduction: 'deduction', tru: 'deduction', 'diem tru': 'deduction',
};

function findSheet(grids: Grid[], kind: string): Grid | undefined {
  return grids.find((g) => SHEETS[kind].includes(fold(g.sheet)));
}

function headerOf(g: Grid): { row: number; cols: Col } | null {
  for (let r = 1; r <= Math.min(g.rowCount, 10); r++) {
    const cols: Col = {};
    for (let c = 1; c <= g.colCount; c++) {
      const label = fold(String(g.cell(r, c)?.value ?? ''));
      for (const [key, names] of Object.entries(COLUMNS)) if (names.includes(label) && cols[key] === undefined) cols[key] = c;
    }
    if (Object.keys(cols).length >= 2) return { row: r, cols };
  }
  return null;
}

const text = (c: GridCell | undefined): string => (c?.value === null || c?.value === undefined ? '' : String(c.value).trim());

export function criteriaFromGrids(grids: Grid[], file?: string): LoadResult {
  const problems: Problem[] = [];
  const sheet = findSheet(grids, 'criteria') ?? grids[0];
  const head = sheet ? headerOf(sheet) : null;
  if (!sheet || !head || head.cols.text === undefined) {
    return { set: null, def: null, problems: [problem('criteria_sheet_missing', {}, { file, sheet: sheet?.sheet })] };
  }
  const where = (g: Grid, row: number, col = 1) => ({ file, sheet: g.sheet, cell: address(row, col) });
  const num = (g: Grid, row: number, key: string, cols: Col): number | undefined => {
    const c = cols[key];
    if (c === undefined) return undefined;
    const v = g.cell(row, c)?.value as CellValue;
    const p = parseNumber(v);
    if (!p.ok) {
      problems.push(problem('non_numeric', { value: p.raw }, where(g, row, c)));
      return undefined;
    }
    return p.value ?? undefined;
  };
  const str = (g: Grid, row: number, key: string, cols: Col): string | undefined => {
    const c = cols[key];
    const s = c === undefined ? '' : text(g.cell(row, c));
    return s || undefined;
  };

  // Criteria rows -> nodes, linked by parent (explicit column, else the dotted id's prefix).
  const nodes = new Map<string, { def: NodeDef & Partial<SectionDef>; parent?: string; row: number }>();
  const order: string[] = [];
  for (let r = head.row + 1; r <= sheet.rowCount; r++) {
    const c = head.cols;
    const t = str(sheet, r, 'text', c);
    const idRaw = str(sheet, r, 'id', c) ?? str(sheet, r, 'number', c);
    if (!t && !idRaw) continue; // spacer row
    if (!idRaw || !t) {
      problems.push(problem('criteria_row_incomplete', {}, where(sheet, r)));
      continue;
    }
    const id = idRaw.replace(/\s+/g, '');
    const def: NodeDef & Partial<SectionDef> = { id, text: t };
    const number = str(sheet, r, 'number', c);
    def.number = number ?? id.split('.').pop();
    const max = num(sheet, r, 'max', c);
    if (max !== undefined) def.max = max;
    const kind = str(sheet, r, 'kind', c);
    if (kind) def.kind = kind.toLowerCase();
    const role = str(sheet, r, 'role', c);
    if (role) {
      const rr = ROLE_WORDS[fold(role)];
      if (rr) def.role = rr;
      else problems.push(problem('criteria_bad_value', { value: role, field: 'role' }, where(sheet, r, c.role)));
    }
    const cap = num(sheet, r, 'cap', c);
    if (cap !== undefined) def.cap = cap;
    const step = num(sheet, r, 'step', c);
    if (step !== undefined) def.step = step;
    const ev = str(sheet, r, 'evidence', c);
    if (ev !== undefined) {
      const f = parseFlag(ev);
      if (f.ok && f.value !== null) def.evidence = f.value;
      else problems.push(problem('criteria_bad_value', { value: ev, field: 'evidence' }, where(sheet, r, c.evidence)));
    }
    const formula = str(sheet, r, 'formula', c);
    if (formula) def.formula = formula;
    const items = str(sheet, r, 'items', c);
    if (items) def.items = parseItems(items, () => problems.push(problem('criteria_bad_value', { value: items, field: 'items' }, where(sheet, r, c.items))));
    const tiers = str(sheet, r, 'tiers', c);
    if (tiers) def.tiers = parseTiers(tiers, () => problems.push(problem('criteria_bad_value', { value: tiers, field: 'tiers' }, where(sheet, r, c.tiers))));
    const ind = str(sheet, r, 'indicator', c);
    if (ind) def.indicator = ind;
    const per = num(sheet, r, 'perOccurrence', c);
    if (per !== undefined) def.perOccurrence = per;
    const entry = str(sheet, r, 'entry', c);
    if (entry) {
      const e = ENTRY_WORDS[fold(entry)];
      if (e) (def as { entry?: 'cases' | 'points' }).entry = e;
      else problems.push(problem('criteria_bad_value', { value: entry, field: 'entry' }, where(sheet, r, c.entry)));
    }
    const dq = str(sheet, r, 'disqualifies', c);
    if (dq) def.disqualifies = dq.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    const guidance = str(sheet, r, 'guidance', c);
    if (guidance) def.guidance = guidance;
    const parent = str(sheet, r, 'parent', c) ?? (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined);
    if (nodes.has(id)) problems.push(problem('duplicate_id', { id }, where(sheet, r)));
    nodes.set(id, { def, parent, row: r });
    order.push(id);
  }
  const sections: SectionDef[] = [];
  const rowOfPath = new Map<string, number>();
  for (const id of order) {
    const n = nodes.get(id)!;
    if (!n.parent) {
      sections.push(n.def as SectionDef);
      continue;
    }
    const p = nodes.get(n.parent);
    if (!p) {
      problems.push(problem('criteria_unknown_parent', { parent: n.parent }, where(sheet, n.row)));
      continue;
    }
    (p.def.children ??= []).push(n.def);
  }
  const walk = (list: NodeDef[], prefix: string) =>
    list.forEach((d, i) => {
      rowOfPath.set(`${prefix}${i}`, nodes.get(d.id)!.row);
      if (d.children) walk(d.children, `${prefix}${i}/children/`);
    });
  walk(sections, 'sections/');

  const def: CriteriaSet = { id: 'criteria', title: sheet.sheet, sections };
  const settings = findSheet(grids, 'settings');
  const policy: RankingPolicy = {};
  if (settings) {
    const h = headerOf(settings);
    const kc = h?.cols.key ?? 1;
    const vc = h?.cols.value ?? 2;
    for (let r = (h?.row ?? 0) + 1; r <= settings.rowCount; r++) {
      const key = fold(text(settings.cell(r, kc))).replace(/\s+/g, '');
      const raw = settings.cell(r, vc)?.value as CellValue;
      if (!key) continue;
      const n = parseNumber(raw);
      const s = raw === null || raw === undefined ? '' : String(raw).trim();
      switch (key) {
        case 'id': case 'ma': def.id = s; break;
        case 'title': case 'tieude': case 'ten': def.title = s; break;
        case 'cluster': case 'cum': case 'cumthidua': def.cluster = s; break;
        case 'year': case 'nam': if (n.ok && n.value !== null) def.year = n.value; break;
        case 'step': case 'buocdiem': if (n.ok && n.value !== null) def.step = n.value; break;
        case 'evidence': case 'minhchung': { const f = parseFlag(raw); if (f.ok && f.value !== null) def.evidence = f.value; break; }
        case 'tolerance': case 'dungsai': case 'chenhlech': if (n.ok && n.value !== null) policy.tolerance = n.value; break;
        case 'totalmovethreshold': if (n.ok && n.value !== null) policy.totalMoveThreshold = n.value; break;
        case 'finalscore': case 'diemcuoi': policy.finalScore = s as RankingPolicy['finalScore']; break;
        case 'tiebreakers': case 'tieuchiphu': policy.tieBreakers = s.split(/[,;]/).map((x) => x.trim()).filter(Boolean); break;
        default: problems.push(problem('criteria_bad_value', { value: key, field: 'settings' }, where(settings, r, kc)));
      }
    }
  }
  const rowsOf = <T>(kind: string, build: (g: Grid, r: number, cols: Col) => T | undefined): T[] | undefined => {
    const g = findSheet(grids, kind);
    const h = g && headerOf(g);
    if (!g || !h) return undefined;
    const out: T[] = [];
    for (let r = h.row + 1; r <= g.rowCount; r++) {
      const v = build(g, r, h.cols);
      if (v) out.push(v);
    }
    return out;
  };
  const indicators = rowsOf<IndicatorDef>('indicators', (g, r, c) => {
    const id = str(g, r, 'id', c);
    if (!id) return undefined;
    const d: IndicatorDef = { id, text: str(g, r, 'text', c) ?? id };
    const unit = str(g, r, 'unit', c);
    if (unit) d.unit = unit;
    const expr = str(g, r, 'expr', c) ?? str(g, r, 'formula', c);
    if (expr) d.expr = expr;
    const min = num(g, r, 'min', c);
    if (min !== undefined) d.min = min;
    const max = num(g, r, 'max', c);
    if (max !== undefined) d.max = max;
    const integer = str(g, r, 'integer', c);
    if (integer) d.integer = parseFlag(integer).ok && (parseFlag(integer) as { value: boolean | null }).value === true;
    return d;
  });
  if (indicators?.length) def.indicators = indicators;
  const bands = rowsOf<ClassificationBand>('classification', (g, r, c) => {
    const label = str(g, r, 'label', c);
    const min = num(g, r, 'min', c);
    if (!label || min === undefined) return undefined;
    const b: ClassificationBand = { label, min };
    const en = str(g, r, 'labelEn', c);
    if (en) b.labelEn = en;
    return b;
  });
  if (bands?.length) policy.classification = bands;
  const awards = rowsOf<AwardDef>('awards', (g, r, c) => {
    const id = str(g, r, 'id', c);
    if (!id) return undefined;
    const a: AwardDef = { id, label: str(g, r, 'label', c) ?? id, quota: num(g, r, 'quota', c) ?? 1, minTotal: num(g, r, 'minTotal', c) ?? 0 };
    const en = str(g, r, 'labelEn', c);
    if (en) a.labelEn = en;
    const mr = num(g, r, 'maxRank', c);
    if (mr !== undefined) a.maxRank = mr;
    const rule = str(g, r, 'rule', c);
    if (rule) a.rule = rule;
    return a;
  });
  if (awards?.length) policy.awards = awards;
  if (Object.keys(policy).length) def.policy = policy;
  if (problems.some((p) => p.severity === 'error')) return { set: null, def, problems };

  const r = loadCriteriaDef(def, { file, lineOf: (path) => rowOf(path, rowOfPath) });
  // Locations in a sheet are cells, not lines.
  const located = r.problems.map((p) => {
    if (p.line && !p.cell) {
      const { line, ...rest } = p;
      return { ...rest, sheet: sheet.sheet, cell: address(line, head.cols.id ?? head.cols.number ?? 1) };
    }
    return p;
  });
  return { ...r, problems: [...problems, ...located] };
}

/** The row of the nearest enclosing node of a JSON path ("sections/1/children/0/max" -> that criterion's row). */
function rowOf(path: string, rows: Map<string, number>): number | undefined {
  const parts = path.split('/');
  for (let n = parts.length; n > 0; n--) {
    const r = rows.get(parts.slice(0, n).join('/'));
    if (r) return r;
  }
  return undefined;
}

/** "hoi-thao=2: Tham gia hội thảo; van-nghe=2: Giao lưu văn nghệ" */
function parseItems(s: string, bad: () => void): Array<{ id: string; text: string; points: number }> {
  const out = [];
  for (const part of s.split(/;|\n/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_.-]+)\s*=\s*([\d.,]+)\s*:\s*(.+)$/.exec(part);
    if (!m) {
      bad();
      continue;
    }
    out.push({ id: m[1], points: Number(m[2].replace(',', '.')), text: m[3].trim() });
  }
  return out;
}

/** ">=90: 10; >=70: 7; >=0: 0" */
function parseTiers(s: string, bad: () => void): Array<{ min: number; points: number }> {
  const out = [];
  for (const part of s.split(/;|\n/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(?:>=|≥)?\s*([\d.,]+)\s*:\s*([\d.,]+)$/.exec(part);
    if (!m) {
      bad();
      continue;
    }
    out.push({ min: Number(m[1].replace(',', '.')), points: Number(m[2].replace(',', '.')) });
  }
  return out;
}
