"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.labelRoles = labelRoles;
exports.findTableOnSheet = findTableOnSheet;
exports.findTable = findTable;
/**
 * Finding the scoring table: the header row by its labels, anywhere on any sheet, including headers
 * merged over two rows ("Điểm chấm" over "Tự chấm | Cụm chấm").
 */
const grid_1 = require("../grid");
const text_1 = require("./text");
const vocabulary_1 = require("./vocabulary");
/** How long the longest phrase of a role is that the label contains as whole words (0: none). */
function roleMatch(label, role) {
    const f = ` ${(0, grid_1.fold)(label).replace(/[^a-z0-9.#]+/g, ' ').trim()} `;
    let best = 0;
    for (const phrase of vocabulary_1.COLUMN_LABELS[role]) {
        const p = ` ${phrase.replace(/[^a-z0-9.#]+/g, ' ').trim()} `;
        if (f.includes(p))
            best = Math.max(best, p.length);
    }
    return best;
}
const ALL_ROLES = Object.keys(vocabulary_1.COLUMN_LABELS);
/** Roles that may share one column ("Ghi chú / Tài liệu kiểm chứng"). */
const SHAREABLE = new Set(['evidence', 'remarks']);
/** The roles a header label names: the longest match, plus remarks/evidence together when both appear. */
function labelRoles(label) {
    if (!label || label.length > vocabulary_1.MAX_LABEL_CHARS)
        return [];
    const scored = ALL_ROLES.map((r) => ({ r, n: roleMatch(label, r) })).filter((x) => x.n > 0);
    if (!scored.length)
        return [];
    scored.sort((a, b) => b.n - a.n);
    const top = scored[0];
    const out = [top.r];
    if (SHAREABLE.has(top.r))
        for (const s of scored.slice(1))
            if (SHAREABLE.has(s.r))
                out.push(s.r);
    return out;
}
/** Read the header at `top` (and, when it helps, `top + 1`) into column roles. */
function readHeader(grid, top, twoRows) {
    const columns = {};
    const labels = {};
    const maxCol = Math.min(grid.colCount, 60);
    for (let c = 1; c <= maxCol; c++) {
        const m = (0, text_1.mergeAt)(grid, top, c);
        // A label merged across columns belongs to its first column, unless the next row splits it.
        const upper = (0, text_1.textAt)(grid, top, c);
        const lower = twoRows ? (0, text_1.textAt)(grid, top + 1, c) : '';
        const lowerIsOwn = twoRows && lower && !((0, text_1.mergeAt)(grid, top + 1, c)?.top === top);
        let roles = [];
        let label = upper;
        if (lowerIsOwn && lower !== upper) {
            // Sub-label first ("Tự chấm" under "Điểm chấm"), then the two together.
            roles = labelRoles(lower);
            label = lower;
            if (!roles.length) {
                roles = labelRoles(`${upper} ${lower}`);
                label = `${upper} ${lower}`;
            }
        }
        if (!roles.length && (!m || m.left === c || lowerIsOwn)) {
            roles = labelRoles(upper);
            label = upper;
        }
        for (const r of roles)
            if (columns[r] === undefined)
                (columns[r] = c), (labels[r] = label);
    }
    return { top, bottom: twoRows ? top + 1 : top, columns, labels };
}
function rolesCount(c) {
    return Object.keys(c.columns).length;
}
function isHeader(c) {
    return vocabulary_1.REQUIRED_ROLES.every((r) => c.columns[r] !== undefined) && rolesCount(c) >= vocabulary_1.MIN_HEADER_ROLES;
}
/** True when every non-empty cell of the row only numbers the columns: "(1)", "2", "A". */
function isColumnIndexRow(grid, row, columns) {
    let n = 0;
    for (const c of new Set(Object.values(columns))) {
        const t = (0, text_1.textAt)(grid, row, c);
        if (!t)
            continue;
        if (!vocabulary_1.COLUMN_INDEX_CELL.test(t))
            return false;
        n++;
    }
    // A criterion row "1 | text | 4" has text in the text column: never an index row.
    const text = (0, text_1.textAt)(grid, row, columns.text);
    return n >= 3 && text.length <= 4;
}
/** The scoring table on one sheet, or null. Scans every row: the header may sit anywhere. */
function findTableOnSheet(grid) {
    let best = null;
    const last = Math.min(grid.rowCount, 2000);
    for (let r = 1; r <= last; r++) {
        // Quick reject: a header row has a short label in at least two cells.
        let labelsInRow = 0;
        for (let c = 1; c <= Math.min(grid.colCount, 60) && labelsInRow < 2; c++) {
            const cell = (0, text_1.masterCell)(grid, r, c);
            const t = cell?.value;
            if (typeof t === 'string' && t.trim() && t.length <= vocabulary_1.MAX_LABEL_CHARS && labelRoles(t).length)
                labelsInRow++;
        }
        if (labelsInRow < 2)
            continue;
        const one = readHeader(grid, r, false);
        const two = r < grid.rowCount ? readHeader(grid, r, true) : null;
        // The second row belongs to the header when it adds roles or splits a merged label.
        const cand = two && isHeader(two) && (rolesCount(two) > rolesCount(one) || !isHeader(one)) ? two : one;
        if (!isHeader(cand))
            continue;
        if (!best || rolesCount(cand) > rolesCount(best))
            best = cand;
        if (rolesCount(cand) >= 6)
            break;
    }
    if (!best)
        return null;
    let first = best.bottom + 1;
    // Vertical merges in the header may reach further down (a "TT" merged over three rows).
    for (const c of Object.values(best.columns)) {
        const m = (0, text_1.mergeAt)(grid, best.top, c);
        if (m && m.bottom + 1 > first && m.bottom - best.top < 4)
            first = m.bottom + 1;
    }
    if (first <= grid.rowCount && isColumnIndexRow(grid, first, best.columns))
        first++;
    return {
        sheet: grid.sheet,
        headerTop: best.top,
        headerBottom: best.bottom,
        firstDataRow: first,
        columns: best.columns,
        labels: best.labels,
        score: rolesCount(best),
    };
}
/**
 * The sheet holding the scoring table: the named one, else the visible sheet whose header is the most
 * complete (hidden sheets only when nothing visible has a table).
 */
function findTable(grids, sheet) {
    const pool = sheet ? grids.filter((g) => g.sheet === sheet || (0, grid_1.fold)(g.sheet) === (0, grid_1.fold)(sheet)) : grids;
    let best = null;
    for (const hiddenPass of [false, true]) {
        for (const g of pool) {
            if (!sheet && !!g.hidden !== hiddenPass)
                continue;
            const t = findTableOnSheet(g);
            if (t && (!best || t.score > best.table.score))
                best = { grid: g, table: t };
        }
        if (best || sheet)
            break;
    }
    return best;
}
