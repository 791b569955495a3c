"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.columnLetter = columnLetter;
exports.columnNumber = columnNumber;
exports.address = address;
exports.parseAddress = parseAddress;
exports.gridFromRows = gridFromRows;
exports.cellText = cellText;
exports.fold = fold;
/** "A", "B", ... "AA" for a 1-based column. */
function columnLetter(col) {
    let s = '';
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
        s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
}
/** 1 for "A", 28 for "AB": the inverse of columnLetter. */
function columnNumber(letters) {
    let col = 0;
    for (const ch of letters.toUpperCase())
        col = col * 26 + (ch.charCodeAt(0) - 64);
    return col;
}
function address(row, col) {
    return `${columnLetter(col)}${row}`;
}
/** Parse "B12" into 1-based row/col. */
function parseAddress(a) {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a.trim().toUpperCase());
    if (!m)
        return null;
    return { row: Number(m[2]), col: columnNumber(m[1]) };
}
/** A grid from a dense array of rows (tests, JSON, the add-in's loaded ranges). */
function gridFromRows(sheet, rows, merges = []) {
    const norm = rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? c : { value: c })));
    return {
        sheet,
        rowCount: norm.length,
        colCount: norm.reduce((m, r) => Math.max(m, r.length), 0),
        cell: (row, col) => norm[row - 1]?.[col - 1],
        merges,
    };
}
/** Text of a cell for matching labels: trimmed, single-spaced; '' for blanks. */
function cellText(c) {
    if (!c || c.value === null || c.value === undefined)
        return '';
    return String(c.value).replace(/\s+/g, ' ').trim();
}
/** Lowercase and strip Vietnamese diacritics (đ -> d) so "Điểm chuẩn" matches "diem chuan". */
function fold(s) {
    return s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim();
}
