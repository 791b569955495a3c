"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stripMarks = stripMarks;
exports.textKey = textKey;
exports.mergeAt = mergeAt;
exports.masterCell = masterCell;
exports.textAt = textAt;
exports.parsePoints = parsePoints;
exports.num = num;
exports.slug = slug;
exports.idSegment = idSegment;
/** Small text helpers of the familiar-table importer: folding, points written as text, ids. */
const grid_1 = require("../grid");
/** Remove diacritics but keep case and "đ" (numbering is case-sensitive: I vs i, A vs a). */
function stripMarks(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}
/** Fold for comparing texts: no diacritics, lowercase, punctuation and spacing ignored. */
function textKey(s) {
    return (0, grid_1.fold)(s)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}
/** The merged range a cell belongs to, if any. */
function mergeAt(grid, row, col) {
    for (const m of grid.merges)
        if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)
            return m;
    return undefined;
}
/**
 * The cell as a reader sees it: inside a merged range, the range's top-left cell (exceljs copies the
 * value into every cell of a merge; Office.js leaves them empty; both read the same here).
 */
function masterCell(grid, row, col) {
    const m = mergeAt(grid, row, col);
    return m ? grid.cell(m.top, m.left) : grid.cell(row, col);
}
function textAt(grid, row, col) {
    if (!col)
        return '';
    return (0, grid_1.cellText)(masterCell(grid, row, col));
}
const POINTS_TEXT = /^[(]?\s*(?:toi da|max(?:imum)?)?\s*:?\s*([+-−]?\d+(?:[.,]\d+)?)\s*(?:diem|d|đ|points?|pts?|p)?\s*\.?[)]?$/;
/** Read a max-points cell: 5, "5", "2,5", "5 điểm", "(5đ)", "tối đa 5 điểm". */
function parsePoints(v) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))
        return { value: null, fromText: false, unreadable: false, raw: '' };
    if (typeof v === 'number')
        return { value: Number.isFinite(v) ? v : null, fromText: false, unreadable: !Number.isFinite(v), raw: String(v) };
    const raw = String(v).trim();
    if (/^[-–—.…]+$/.test(raw) || /^x$/i.test(raw))
        return { value: null, fromText: false, unreadable: false, raw };
    const f = (0, grid_1.fold)(raw).replace(/\u2212/g, '-');
    const m = POINTS_TEXT.exec(f);
    if (!m)
        return { value: null, fromText: true, unreadable: true, raw };
    const value = Number(m[1].replace(',', '.').replace('−', '-'));
    return { value, fromText: true, unreadable: false, raw };
}
/** Number written in a phrase ("0,5" -> 0.5). */
function num(s) {
    return Number(s.replace(',', '.'));
}
/** A criteria-set id from a title: ascii, dashes, at most 60 characters. */
function slug(s) {
    const out = (0, grid_1.fold)(s)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return (out.slice(0, 60).replace(/-+$/, '') || 'bang-diem');
}
/** An id segment: ascii letters, digits, dots, dashes only. */
function idSegment(s) {
    return stripMarks(s).replace(/[đĐ]/g, (c) => (c === 'đ' ? 'dd' : 'DD')).replace(/[^A-Za-z0-9_.\-]+/g, '');
}
