"use strict";
/**
 * Everything layout-dependent the familiar-table importer knows, as data: header labels, numbering
 * schemes, section roles, total rows, signature blocks, award names, classification bands, and the
 * phrases that carry caps and per-occurrence deductions. All phrases are written folded (lowercase,
 * without diacritics, see `fold`), so "Điểm chuẩn", "ĐIỂM CHUẨN" and "diem chuan" are the same label.
 * A cluster whose table uses other words gets them added here, not as ifs in the importer.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.COLUMN_INDEX_CELL = exports.TITLE_BLOCK = exports.BARS_AWARD = exports.AWARDS = exports.FIXED_DEDUCTION = exports.PER_OCCURRENCE = exports.CAP_PHRASES = exports.BAND_BELOW = exports.BAND_FROM = exports.BAND_LABELS = exports.CLASSIFICATION_NOTE = exports.SIGNATURE_ROWS = exports.TOTAL_ROWS = exports.SECTION_ROLES = exports.NUMBERING = exports.MAX_LABEL_CHARS = exports.MIN_HEADER_ROLES = exports.REQUIRED_ROLES = exports.COLUMN_LABELS = void 0;
exports.romanValue = romanValue;
/**
 * Header labels by column role. A header cell takes the role whose phrase matches it longest (whole
 * words); a cell like "Ghi chú / Tài liệu kiểm chứng" matching two roles of equal standing
 * (remarks and evidence) serves both.
 */
exports.COLUMN_LABELS = {
    number: ['tt', 'stt', 's tt', 'so tt', 'so thu tu', 'thu tu', 'muc', 'no', 'no.', 'nr', '#', 'item', 'ref'],
    text: [
        'noi dung',
        'tieu chi',
        'noi dung tieu chi',
        'noi dung cham diem',
        'noi dung, tieu chi cham diem',
        'cac tieu chi',
        'chi tieu',
        'criteria',
        'criterion',
        'content',
        'description',
    ],
    max: [
        'diem chuan',
        'diem toi da',
        'thang diem',
        'khung diem',
        'diem quy dinh',
        'diem chuan toi da',
        'max',
        'max points',
        'maximum',
        'maximum points',
        'max score',
        'points available',
    ],
    self: [
        'diem tu cham',
        'don vi tu cham',
        'tu cham',
        'tu danh gia',
        'truong tu cham',
        'self',
        'self score',
        'self-score',
        'self assessment',
        'self-assessment',
    ],
    inspected: [
        'diem cum cham',
        'cum cham',
        'doan kiem tra cham',
        'diem doan kiem tra cham',
        'kiem tra cham',
        'diem kiem tra',
        'doan cham',
        'cum truong cham',
        'inspected',
        'inspection',
        'inspection score',
        'inspectors',
        'cluster score',
    ],
    evidence: ['minh chung', 'tai lieu kiem chung', 'tai lieu minh chung', 'ho so minh chung', 'evidence', 'supporting documents'],
    remarks: ['ghi chu', 'ly do', 'nhan xet', 'remarks', 'remark', 'notes', 'note', 'comments', 'comment'],
};
/** Roles a header row needs; a row with both and at least this many roles is a scoring table header. */
exports.REQUIRED_ROLES = ['text', 'max'];
exports.MIN_HEADER_ROLES = 3;
/** Header labels are short: longer cells are content, not labels. */
exports.MAX_LABEL_CHARS = 60;
const ROMAN = { i: 1, v: 5, x: 10, l: 50, c: 100 };
function romanValue(s) {
    const t = s.toLowerCase();
    if (!/^[ivxlc]+$/.test(t))
        return null;
    let total = 0;
    for (let i = 0; i < t.length; i++) {
        const v = ROMAN[t[i]];
        const next = ROMAN[t[i + 1]] ?? 0;
        total += v < next ? -v : v;
    }
    return total > 0 && total < 200 ? total : null;
}
const letterOrdinal = (s) => {
    const c = s.toLowerCase();
    if (c === 'đ')
        return 4.5; // Vietnamese alphabet: a, b, c, d, đ, e
    return c.charCodeAt(0) - 96;
};
const asciiLetter = (s) => (s === 'đ' || s === 'Đ' ? 'dd' : s);
exports.NUMBERING = [
    {
        name: 'part',
        cell: /^(?:phan|part|chuong|chapter|muc|section)\s+([0-9]{1,2}|[ivxlc]{1,6}|[a-z])\s*[.:)]?$/i,
        inText: /^(?:phan|part|chuong|chapter)\s+([0-9]{1,2}|[ivxlc]{1,6}|[a-z])\s*[.:)\-–]\s*/i,
        key: () => 'part',
        ordinal: (n) => (/^\d+$/.test(n) ? Number(n) : romanValue(n) ?? letterOrdinal(n)),
        segments: (n) => [n.toUpperCase()],
        section: true,
    },
    {
        name: 'roman',
        cell: /^([IVXLC]{1,6})\s*[.)]?$/,
        inText: /^([IVXLC]{1,6})\s*[.)\-–:]\s+/,
        key: () => 'roman',
        ordinal: (n) => romanValue(n),
        segments: (n) => [n],
    },
    {
        name: 'upper',
        cell: /^([A-ZĐ])\s*[.)]?$/,
        inText: /^([A-ZĐ])\s*[.)\-–:]\s+/,
        key: () => 'upper',
        ordinal: (n) => letterOrdinal(n),
        segments: (n) => [asciiLetter(n)],
    },
    {
        name: 'decimal',
        cell: /^(\d{1,3}(?:\.\d{1,3}){0,5})\s*[.)]?$/,
        inText: /^(\d{1,3}(?:\.\d{1,3}){0,5})\s*(?:[.):\-–]\s*|\s+(?=\D))/,
        key: (n) => `decimal${n.split('.').length}`,
        ordinal: (n) => Number(n.split('.').pop()),
        segments: (n) => n.split('.'),
    },
    {
        name: 'lower',
        cell: /^([a-zđ])\s*[.)]$|^\(([a-zđ])\)$|^([a-zđ])$/,
        inText: /^([a-zđ])\s*\)\s*|^\(([a-zđ])\)\s*/,
        key: () => 'lower',
        ordinal: (n) => letterOrdinal(n),
        segments: (n) => [asciiLetter(n)],
    },
    {
        name: 'bullet',
        cell: /^([-–—•+*])$/,
        inText: /^([-–—•+*])\s+/,
        key: (n) => `bullet${n === '+' || n === '*' ? '2' : '1'}`,
        ordinal: () => null,
        segments: () => [],
    },
];
/** Section roles from the section's text (matched anywhere in the folded text). */
exports.SECTION_ROLES = [
    { role: 'bonus', phrases: /\b(diem thuong|diem cong|cong diem|thuong diem|bonus|extra points|additional points)\b/ },
    { role: 'deduction', phrases: /\b(diem tru|tru diem|bi tru|deductions?|penalt(y|ies)|minus points)\b/ },
];
/**
 * Total and subtotal rows: the text (lowercased, diacritics kept, so "Cộng" is not "Công tác") starts
 * with one of these and the number cell is empty. They are never criteria; their formulas are compared
 * with the recomputation.
 */
exports.TOTAL_ROWS = /^(?:tổng cộng|tổng điểm|tổng số điểm|cộng điểm|cộng|tong cong|tong diem|tong so diem|total score|total points|grand total|sub-?total|total|sum)(?=$|[\s(:\-–,.=])|^(?:tổng|tong|cong)\s*(?=$|[(:\-–=]|[ivx]+\b|phan\b|muc\b)/;
/** Rows after which nothing is part of the table: signature blocks, dates, recipients. */
exports.SIGNATURE_ROWS = /^(nguoi lap( bieu)?|hieu truong|pho hieu truong|thu truong( don vi)?|truong doan|cum truong|cum pho|xac nhan|ky ten|noi nhan|giam doc|chu tich|t\/?m\b|tm\.|k\/?t\b|kt\.|prepared by|approved by|signed|signature|head of|director)\b|^\.*\s*,?\s*ngay\b.*\bthang\b|^date\b/;
/** A note giving the classification bands ("Xếp loại: Xuất sắc từ 95 điểm; Tốt từ 85 ..."). */
exports.CLASSIFICATION_NOTE = /^(xep loai|phan loai|classification|grading)\b\s*[:\-–]?\s*/;
/** Classification labels people write, with their English names. */
exports.BAND_LABELS = [
    { match: /^(hoan thanh )?xuat sac( nhiem vu)?$/, label: 'Xuất sắc', labelEn: 'Excellent' },
    { match: /^(hoan thanh )?tot( nhiem vu)?$/, label: 'Tốt', labelEn: 'Good' },
    { match: /^kha$/, label: 'Khá', labelEn: 'Fair' },
    { match: /^(hoan thanh nhiem vu|hoan thanh)$/, label: 'Hoàn thành', labelEn: 'Satisfactory' },
    { match: /^trung binh$/, label: 'Trung bình', labelEn: 'Average' },
    { match: /^(yeu|khong hoan thanh( nhiem vu)?)$/, label: 'Yếu', labelEn: 'Weak' },
    { match: /^excellent$/, label: 'Xuất sắc', labelEn: 'Excellent' },
    { match: /^good$/, label: 'Tốt', labelEn: 'Good' },
    { match: /^fair$/, label: 'Khá', labelEn: 'Fair' },
    { match: /^average$/, label: 'Trung bình', labelEn: 'Average' },
    { match: /^(weak|poor)$/, label: 'Yếu', labelEn: 'Weak' },
];
/** In a band phrase: "từ 95", ">= 95", "trên 95", "đạt 95" (lower bound) and "dưới 70" (upper bound). */
exports.BAND_FROM = /(?:\btu\b|>=|≥|\btren\b|\bdat\b|\bfrom\b|\bat least\b|\babove\b)\s*(\d+(?:[.,]\d+)?)/;
exports.BAND_BELOW = /(?:\bduoi\b|<|\bbelow\b|\bunder\b)\s*(\d+(?:[.,]\d+)?)/;
/** Caps of bonus sections: "tối đa 5 điểm", "không quá 5 điểm", "max 5 points". */
exports.CAP_PHRASES = /(?:toi da|khong qua|khong vuot qua|max(?:imum)?|up to|at most)\s*:?\s*(\d+(?:[.,]\d+)?)/;
/** Deductions per occurrence: "trừ 1 điểm/lần", "trừ 0,5 điểm mỗi lần", "1 point per occurrence". */
exports.PER_OCCURRENCE = /(\d+(?:[.,]\d+)?)\s*(?:diem|d|points?|pts?)?\s*(?:\/|moi|cho moi|tren|per|each|a)\s*(?:lan|lan vi pham|truong hop|vu|vu viec|nguoi|ca nhan|van ban|bao cao|occurrences?|times?|cases?|breach(?:es)?)\b/;
/** A fixed deduction: "trừ 5 điểm", "minus 5 points" (read as that many points each time it applies). */
exports.FIXED_DEDUCTION = /(?:\btru\b|\bminus\b|\bdeduct(?:ed)?\b|\blose\b)\s*(\d+(?:[.,]\d+)?)\s*(?:diem|d|points?|pts?)\b/;
/** Awards a deduction can bar ("không xét Cờ thi đua"): id and names. */
exports.AWARDS = [
    { id: 'co-thi-dua', match: /co thi dua|emulation flag/, label: 'Cờ thi đua', labelEn: 'Emulation flag' },
    { id: 'bang-khen', match: /bang khen|certificate of merit/, label: 'Bằng khen', labelEn: 'Certificate of merit' },
    { id: 'giay-khen', match: /giay khen/, label: 'Giấy khen', labelEn: 'Certificate of commendation' },
    { id: 'tap-the-xuat-sac', match: /tap the (lao dong )?xuat sac/, label: 'Tập thể lao động xuất sắc', labelEn: 'Excellent collective' },
];
/** The phrase that bars an award: "không xét", "không được xét", "not eligible for". */
exports.BARS_AWARD = /(?:khong (?:duoc )?(?:xet|de nghi|binh xet)|not eligible|barred from|excluded from)/;
/** The title block above the table. */
exports.TITLE_BLOCK = {
    unit: /^(?:don vi|ten don vi|truong|unit|school)\s*:\s*(.*)$/,
    year: /\b(?:nam|year)\s+(20\d\d)\b/,
    cluster: /^(cum thi dua|cluster)\b/,
    title: /\b(bang (cham )?diem|bang tieu chi|tieu chi (cham diem|thi dua)|scoring (table|sheet)|score sheet)\b/,
};
/** A row under the header that only numbers the columns: "(1) (2) (3)", "A B 1 2". */
exports.COLUMN_INDEX_CELL = /^\(?[0-9a-z]{1,2}\)?(?:\s*[=+\-x*]\s*\(?[0-9a-z]{1,2}\)?)*$/i;
