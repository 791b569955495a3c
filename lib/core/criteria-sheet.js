"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.criteriaFromGrids = criteriaFromGrids;
/**
 * Criteria sets authored in Excel, one row a criterion (the way XLSForm authors forms), for cluster leads
 * who are not programmers. Pure: works on Grids, so the CLI (exceljs) and the add-in (Office.js) share it.
 *
 * Sheets (names in Vietnamese or English, any case, with or without diacritics):
 *   "Tiêu chí" / "criteria": columns id | parent | number (TT) | text (nội dung) | max (điểm chuẩn) | kind (loại)
 *       | role (phần: base/bonus/deduction or tính điểm/thưởng/trừ) | cap (tối đa) | step (bước điểm)
 *       | evidence (minh chứng: có/không) | formula (công thức) | items (danh mục: "id=points: text; ...")
 *       | tiers (mức: ">=90: 10; >=70: 7") | indicator (chỉ số) | per occurrence (mỗi lần) | disqualifies (không xét)
 *       | guidance (hướng dẫn). Without a parent column, "II.2.1" belongs to "II.2".
 *   "Thiết lập" / "settings": key | value rows (id, title, cluster, year, step, evidence, tolerance,
 *       totalMoveThreshold, finalScore, tieBreakers as a comma list).
 *   "Chỉ số" / "indicators": id | text | unit | expr | min | max | integer.
 *   "Xếp loại" / "classification": label | labelEn | min.   "Khen thưởng" / "awards": id | label | labelEn | quota | minTotal | maxRank | rule.
 */
const grid_1 = require("./grid");
const load_1 = require("./load");
const problems_1 = require("./problems");
const values_1 = require("./values");
const SHEETS = {
    criteria: ['tieu chi', 'criteria', 'bang tieu chi'],
    settings: ['thiet lap', 'settings', 'cai dat'],
    indicators: ['chi so', 'indicators'],
    classification: ['xep loai', 'classification'],
    awards: ['khen thuong', 'awards', 'danh hieu'],
};
const COLUMNS = {
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
const ROLE_WORDS = {
    base: 'base', 'tinh diem': 'base', 'co ban': 'base',
    bonus: 'bonus', thuong: 'bonus', 'diem thuong': 'bonus',
    deduction: 'deduction', tru: 'deduction', 'diem tru': 'deduction',
};
function findSheet(grids, kind) {
    return grids.find((g) => SHEETS[kind].includes((0, grid_1.fold)(g.sheet)));
}
function headerOf(g) {
    for (let r = 1; r <= Math.min(g.rowCount, 10); r++) {
        const cols = {};
        for (let c = 1; c <= g.colCount; c++) {
            const label = (0, grid_1.fold)(String(g.cell(r, c)?.value ?? ''));
            for (const [key, names] of Object.entries(COLUMNS))
                if (names.includes(label) && cols[key] === undefined)
                    cols[key] = c;
        }
        if (Object.keys(cols).length >= 2)
            return { row: r, cols };
    }
    return null;
}
const text = (c) => (c?.value === null || c?.value === undefined ? '' : String(c.value).trim());
function criteriaFromGrids(grids, file) {
    const problems = [];
    const sheet = findSheet(grids, 'criteria') ?? grids[0];
    const head = sheet ? headerOf(sheet) : null;
    if (!sheet || !head || head.cols.text === undefined) {
        return { set: null, def: null, problems: [(0, problems_1.problem)('criteria_sheet_missing', {}, { file, sheet: sheet?.sheet })] };
    }
    const where = (g, row, col = 1) => ({ file, sheet: g.sheet, cell: (0, grid_1.address)(row, col) });
    const num = (g, row, key, cols) => {
        const c = cols[key];
        if (c === undefined)
            return undefined;
        const v = g.cell(row, c)?.value;
        const p = (0, values_1.parseNumber)(v);
        if (!p.ok) {
            problems.push((0, problems_1.problem)('non_numeric', { value: p.raw }, where(g, row, c)));
            return undefined;
        }
        return p.value ?? undefined;
    };
    const str = (g, row, key, cols) => {
        const c = cols[key];
        const s = c === undefined ? '' : text(g.cell(row, c));
        return s || undefined;
    };
    // Criteria rows -> nodes, linked by parent (explicit column, else the dotted id's prefix).
    const nodes = new Map();
    const order = [];
    for (let r = head.row + 1; r <= sheet.rowCount; r++) {
        const c = head.cols;
        const t = str(sheet, r, 'text', c);
        const idRaw = str(sheet, r, 'id', c) ?? str(sheet, r, 'number', c);
        if (!t && !idRaw)
            continue; // spacer row
        if (!idRaw || !t) {
            problems.push((0, problems_1.problem)('criteria_row_incomplete', {}, where(sheet, r)));
            continue;
        }
        const id = idRaw.replace(/\s+/g, '');
        const def = { id, text: t };
        const number = str(sheet, r, 'number', c);
        def.number = number ?? id.split('.').pop();
        const max = num(sheet, r, 'max', c);
        if (max !== undefined)
            def.max = max;
        const kind = str(sheet, r, 'kind', c);
        if (kind)
            def.kind = kind.toLowerCase();
        const role = str(sheet, r, 'role', c);
        if (role) {
            const rr = ROLE_WORDS[(0, grid_1.fold)(role)];
            if (rr)
                def.role = rr;
            else
                problems.push((0, problems_1.problem)('criteria_bad_value', { value: role, field: 'role' }, where(sheet, r, c.role)));
        }
        const cap = num(sheet, r, 'cap', c);
        if (cap !== undefined)
            def.cap = cap;
        const step = num(sheet, r, 'step', c);
        if (step !== undefined)
            def.step = step;
        const ev = str(sheet, r, 'evidence', c);
        if (ev !== undefined) {
            const f = (0, values_1.parseFlag)(ev);
            if (f.ok && f.value !== null)
                def.evidence = f.value;
            else
                problems.push((0, problems_1.problem)('criteria_bad_value', { value: ev, field: 'evidence' }, where(sheet, r, c.evidence)));
        }
        const formula = str(sheet, r, 'formula', c);
        if (formula)
            def.formula = formula;
        const items = str(sheet, r, 'items', c);
        if (items)
            def.items = parseItems(items, () => problems.push((0, problems_1.problem)('criteria_bad_value', { value: items, field: 'items' }, where(sheet, r, c.items))));
        const tiers = str(sheet, r, 'tiers', c);
        if (tiers)
            def.tiers = parseTiers(tiers, () => problems.push((0, problems_1.problem)('criteria_bad_value', { value: tiers, field: 'tiers' }, where(sheet, r, c.tiers))));
        const ind = str(sheet, r, 'indicator', c);
        if (ind)
            def.indicator = ind;
        const per = num(sheet, r, 'perOccurrence', c);
        if (per !== undefined)
            def.perOccurrence = per;
        const dq = str(sheet, r, 'disqualifies', c);
        if (dq)
            def.disqualifies = dq.split(/[,;]/).map((s) => s.trim()).filter(Boolean);
        const guidance = str(sheet, r, 'guidance', c);
        if (guidance)
            def.guidance = guidance;
        const parent = str(sheet, r, 'parent', c) ?? (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined);
        if (nodes.has(id))
            problems.push((0, problems_1.problem)('duplicate_id', { id }, where(sheet, r)));
        nodes.set(id, { def, parent, row: r });
        order.push(id);
    }
    const sections = [];
    const rowOfPath = new Map();
    for (const id of order) {
        const n = nodes.get(id);
        if (!n.parent) {
            sections.push(n.def);
            continue;
        }
        const p = nodes.get(n.parent);
        if (!p) {
            problems.push((0, problems_1.problem)('criteria_unknown_parent', { parent: n.parent }, where(sheet, n.row)));
            continue;
        }
        (p.def.children ??= []).push(n.def);
    }
    const walk = (list, prefix) => list.forEach((d, i) => {
        rowOfPath.set(`${prefix}${i}`, nodes.get(d.id).row);
        if (d.children)
            walk(d.children, `${prefix}${i}/children/`);
    });
    walk(sections, 'sections/');
    const def = { id: 'criteria', title: sheet.sheet, sections };
    const settings = findSheet(grids, 'settings');
    const policy = {};
    if (settings) {
        const h = headerOf(settings);
        const kc = h?.cols.key ?? 1;
        const vc = h?.cols.value ?? 2;
        for (let r = (h?.row ?? 0) + 1; r <= settings.rowCount; r++) {
            const key = (0, grid_1.fold)(text(settings.cell(r, kc))).replace(/\s+/g, '');
            const raw = settings.cell(r, vc)?.value;
            if (!key)
                continue;
            const n = (0, values_1.parseNumber)(raw);
            const s = raw === null || raw === undefined ? '' : String(raw).trim();
            switch (key) {
                case 'id':
                case 'ma':
                    def.id = s;
                    break;
                case 'title':
                case 'tieude':
                case 'ten':
                    def.title = s;
                    break;
                case 'cluster':
                case 'cum':
                case 'cumthidua':
                    def.cluster = s;
                    break;
                case 'year':
                case 'nam':
                    if (n.ok && n.value !== null)
                        def.year = n.value;
                    break;
                case 'step':
                case 'buocdiem':
                    if (n.ok && n.value !== null)
                        def.step = n.value;
                    break;
                case 'evidence':
                case 'minhchung': {
                    const f = (0, values_1.parseFlag)(raw);
                    if (f.ok && f.value !== null)
                        def.evidence = f.value;
                    break;
                }
                case 'tolerance':
                case 'dungsai':
                case 'chenhlech':
                    if (n.ok && n.value !== null)
                        policy.tolerance = n.value;
                    break;
                case 'totalmovethreshold':
                    if (n.ok && n.value !== null)
                        policy.totalMoveThreshold = n.value;
                    break;
                case 'finalscore':
                case 'diemcuoi':
                    policy.finalScore = s;
                    break;
                case 'tiebreakers':
                case 'tieuchiphu':
                    policy.tieBreakers = s.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
                    break;
                default: problems.push((0, problems_1.problem)('criteria_bad_value', { value: key, field: 'settings' }, where(settings, r, kc)));
            }
        }
    }
    const rowsOf = (kind, build) => {
        const g = findSheet(grids, kind);
        const h = g && headerOf(g);
        if (!g || !h)
            return undefined;
        const out = [];
        for (let r = h.row + 1; r <= g.rowCount; r++) {
            const v = build(g, r, h.cols);
            if (v)
                out.push(v);
        }
        return out;
    };
    const indicators = rowsOf('indicators', (g, r, c) => {
        const id = str(g, r, 'id', c);
        if (!id)
            return undefined;
        const d = { id, text: str(g, r, 'text', c) ?? id };
        const unit = str(g, r, 'unit', c);
        if (unit)
            d.unit = unit;
        const expr = str(g, r, 'expr', c) ?? str(g, r, 'formula', c);
        if (expr)
            d.expr = expr;
        const min = num(g, r, 'min', c);
        if (min !== undefined)
            d.min = min;
        const max = num(g, r, 'max', c);
        if (max !== undefined)
            d.max = max;
        const integer = str(g, r, 'integer', c);
        if (integer)
            d.integer = (0, values_1.parseFlag)(integer).ok && (0, values_1.parseFlag)(integer).value === true;
        return d;
    });
    if (indicators?.length)
        def.indicators = indicators;
    const bands = rowsOf('classification', (g, r, c) => {
        const label = str(g, r, 'label', c);
        const min = num(g, r, 'min', c);
        if (!label || min === undefined)
            return undefined;
        const b = { label, min };
        const en = str(g, r, 'labelEn', c);
        if (en)
            b.labelEn = en;
        return b;
    });
    if (bands?.length)
        policy.classification = bands;
    const awards = rowsOf('awards', (g, r, c) => {
        const id = str(g, r, 'id', c);
        if (!id)
            return undefined;
        const a = { id, label: str(g, r, 'label', c) ?? id, quota: num(g, r, 'quota', c) ?? 1, minTotal: num(g, r, 'minTotal', c) ?? 0 };
        const en = str(g, r, 'labelEn', c);
        if (en)
            a.labelEn = en;
        const mr = num(g, r, 'maxRank', c);
        if (mr !== undefined)
            a.maxRank = mr;
        const rule = str(g, r, 'rule', c);
        if (rule)
            a.rule = rule;
        return a;
    });
    if (awards?.length)
        policy.awards = awards;
    if (Object.keys(policy).length)
        def.policy = policy;
    if (problems.some((p) => p.severity === 'error'))
        return { set: null, def, problems };
    const r = (0, load_1.loadCriteriaDef)(def, { file, lineOf: (path) => rowOf(path, rowOfPath) });
    // Locations in a sheet are cells, not lines.
    const located = r.problems.map((p) => {
        if (p.line && !p.cell) {
            const { line, ...rest } = p;
            return { ...rest, sheet: sheet.sheet, cell: (0, grid_1.address)(line, head.cols.id ?? head.cols.number ?? 1) };
        }
        return p;
    });
    return { ...r, problems: [...problems, ...located] };
}
/** The row of the nearest enclosing node of a JSON path ("sections/1/children/0/max" -> that criterion's row). */
function rowOf(path, rows) {
    const parts = path.split('/');
    for (let n = parts.length; n > 0; n--) {
        const r = rows.get(parts.slice(0, n).join('/'));
        if (r)
            return r;
    }
    return undefined;
}
/** "hoi-thao=2: Tham gia hội thảo; van-nghe=2: Giao lưu văn nghệ" */
function parseItems(s, bad) {
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
function parseTiers(s, bad) {
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
