"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isBlank = isBlank;
exports.parseNumber = parseNumber;
exports.parseFlag = parseFlag;
const NUMBER_TEXT = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;
function isBlank(v) {
    return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
function parseNumber(v) {
    if (isBlank(v))
        return { ok: true, value: null };
    if (typeof v === 'number')
        return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, raw: String(v) };
    if (typeof v === 'string') {
        const s = v.replace(/[\s\u00a0]+/g, '');
        if (NUMBER_TEXT.test(s))
            return { ok: true, value: Number(s.replace(',', '.')) };
        return { ok: false, raw: v.length > 60 ? `${v.slice(0, 57)}...` : v };
    }
    return { ok: false, raw: String(v) };
}
const YES = new Set(['x', '✓', '✔', '1', 'co', 'có', 'yes', 'y', 'true', 'dat', 'đạt']);
const NO = new Set(['0', 'khong', 'không', 'no', 'n', 'false', '-']);
function parseFlag(v) {
    if (isBlank(v))
        return { ok: true, value: null };
    if (typeof v === 'boolean')
        return { ok: true, value: v };
    if (typeof v === 'number')
        return v === 1 || v === 0 ? { ok: true, value: v === 1 } : { ok: false, raw: String(v) };
    const s = String(v).trim().toLowerCase();
    if (YES.has(s))
        return { ok: true, value: true };
    if (NO.has(s))
        return { ok: true, value: false };
    return { ok: false, raw: String(v) };
}
