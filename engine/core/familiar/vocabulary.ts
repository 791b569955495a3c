/**
 * Everything layout-dependent the familiar-table importer knows, as data: header labels, numbering
 * schemes, section roles, total rows, signature blocks, award names, classification bands, and the
 * phrases that carry caps and per-occurrence deductions. All phrases are written folded (lowercase,
 * without diacritics, see `fold`), so "Điểm chuẩn", "ĐIỂM CHUẨN" and "diem chuan" are the same label.
 * A cluster whose table uses other words gets them added here, not as ifs in the importer.
 */

/** What a column of the scoring table holds. */
export type ColumnRole = 'number' | 'text' | 'max' | 'self' | 'inspected' | 'evidence' | 'remarks';

/**
 * Header labels by column role. A header cell takes the role whose phrase matches it longest (whole
 * words); a cell like "Ghi chú / Tài liệu kiểm chứng" matching two roles of equal standing
 * (remarks and evidence) serves both.
 */
export const COLUMN_LABELS: Record<ColumnRole, string[]> = {
  number: ['tt', 'stt', 's tt', 'so tt', 'so thu tu', 'thu tu', 'muc', 'ma', 'ma so', 'ma tieu chi', 'ma tc', 'no', 'no.', 'nr', '#', 'item', 'ref', 'code'],
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
    'diem tu danh gia',
    'don vi tu danh gia',
    'tu cham diem',
    'diem don vi tu cham',
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
    'diem tham dinh',
    'tham dinh',
    'ket qua tham dinh',
    'ket qua kiem tra',
    'diem doan kiem tra',
    'doan kiem tra',
    'diem cum',
    'cum danh gia',
    'hoi dong cham',
    'hoi dong tham dinh',
    'inspected',
    'inspection',
    'inspection score',
    'inspectors',
    'cluster score',
  ],
  evidence: ['minh chung', 'tai lieu kiem chung', 'tai lieu minh chung', 'ho so minh chung', 'evidence', 'supporting documents'],
  remarks: ['ghi chu', 'ly do', 'nhan xet', 'remarks', 'remark', 'notes', 'note', 'comments', 'comment'],
};

/** A header that sounds like a score column ("Điểm ...", "... chấm", "Kết quả"): a column so headed without a role is reported. */
export const SCORE_LIKE_LABEL = /\b(diem|cham|ket qua|danh gia|score|points?|mark)\b/;

/** Roles a header row needs; a row with both and at least this many roles is a scoring table header. */
export const REQUIRED_ROLES: ColumnRole[] = ['text', 'max'];
export const MIN_HEADER_ROLES = 3;
/** Header labels are short: longer cells are content, not labels. */
export const MAX_LABEL_CHARS = 60;

/**
 * Numbering schemes (numbering.ts turns them into a small grammar: an optional word, a numeral, an
 * optional mark). `key` says what level a number is on: equal keys are siblings; a new key goes under
 * the row before it. `ordinal` orders siblings so ambiguous numerals ("C": roman or letter? "i": roman
 * or letter?) are read as the scheme whose sequence they continue.
 */
export interface NumberingScheme {
  name: string;
  /** Matches the whole number cell; group 1 is the numeral. */
  cell: RegExp;
  /** Matches at the start of a text cell; group 1 the numeral, the rest of the text is the criterion. */
  inText?: RegExp;
  /** Level key; decimal numbers use their depth ("1" vs "2.1"), words their word ("tieu chi"). */
  key(numeral: string, word?: string): string;
  /** Position in its sequence (1-based), or null if unknown. */
  ordinal(numeral: string): number | null;
  /** Id segment(s) the numeral contributes. */
  segments(numeral: string): string[];
  /** True when a row numbered this way is a section (top level) whatever comes before it. */
  section?: boolean;
}

/**
 * Words written before a numeral ("Phần 1", "Mục 2", "Tiêu chí 3"), folded. `section`: a row so
 * numbered is always a top-level section; the others take the level the sequence gives them.
 */
export const NUMBER_WORDS: Array<{ scheme: string; words: string[]; section: boolean }> = [
  { scheme: 'part', words: ['phan', 'part', 'chuong', 'chapter'], section: true },
  { scheme: 'word', words: ['muc', 'section', 'nhom', 'group', 'tieu chi', 'noi dung', 'criterion', 'linh vuc', 'khoi'], section: false },
];

/** Section roles from the section's text (matched anywhere in the folded text). */
export const SECTION_ROLES: Array<{ role: 'bonus' | 'deduction'; phrases: RegExp }> = [
  { role: 'bonus', phrases: /\b(diem thuong|diem cong|cong diem|thuong diem|bonus|extra points|additional points)\b/ },
  { role: 'deduction', phrases: /\b(diem tru|tru diem|bi tru|deductions?|penalt(y|ies)|minus points)\b/ },
];

/**
 * Total and subtotal rows: the text (lowercased, diacritics kept, so "Cộng" is not "Công tác") starts
 * with one of these and the number cell is empty. They are never criteria; their formulas are compared
 * with the recomputation.
 */
export const TOTAL_ROWS =
  /^(?:tổng cộng|tổng điểm|tổng số điểm|cộng điểm|cộng|tong cong|tong diem|tong so diem|total score|total points|grand total|sub-?total|total|sum)(?=$|[\s(:\-–,.=])|^(?:tổng|tong|cong)\s*(?=$|[(:\-–=]|[ivx]+\b|phan\b|muc\b)/;

/** Rows after which nothing is part of the table: signature blocks, dates, recipients. */
export const SIGNATURE_ROWS =
  /^(nguoi lap( bieu)?|hieu truong|pho hieu truong|thu truong( don vi)?|truong doan|cum truong|cum pho|xac nhan|ky ten|noi nhan|giam doc|chu tich|t\/?m\b|tm\.|k\/?t\b|kt\.|prepared by|approved by|signed|signature|head of|director)\b|^\.*\s*,?\s*ngay\b.*\bthang\b|^date\b/;

/** A note giving the classification bands ("Xếp loại: Xuất sắc từ 95 điểm; Tốt từ 85 ..."). */
export const CLASSIFICATION_NOTE = /^(xep loai|phan loai|classification|grading)\b\s*[:\-–]?\s*/;

/** Classification labels people write, with their English names. */
export const BAND_LABELS: Array<{ match: RegExp; label: string; labelEn: string }> = [
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
export const BAND_FROM = /(?:\btu\b|>=|≥|\btren\b|\bdat\b|\bfrom\b|\bat least\b|\babove\b)\s*(\d+(?:[.,]\d+)?)/;
export const BAND_BELOW = /(?:\bduoi\b|<|\bbelow\b|\bunder\b)\s*(\d+(?:[.,]\d+)?)/;

/** A section's maximum written in its text: "(20 điểm)", "(tối đa 20 điểm)". */
export const MAX_IN_TEXT = /\((?:toi da|max(?:imum)?)?\s*:?\s*(\d+(?:[.,]\d+)?)\s*(?:diem|d|points?)\s*\)/;

/** Caps of bonus sections: "tối đa 5 điểm", "không quá 5 điểm", "max 5 points". */
export const CAP_PHRASES = /(?:toi da|khong qua|khong vuot qua|max(?:imum)?|up to|at most)\s*:?\s*(\d+(?:[.,]\d+)?)/;

/**
 * Caps of deduction sections, read in the section's own text: "trừ tối đa 10 điểm", "(trừ không quá 5
 * điểm)", "tối đa trừ 10 điểm", "bị trừ tối đa 3 điểm", "deduct at most 5 points"; in a deduction
 * heading a plain "(tối đa 10 điểm)" too, but not "tối đa 3 lần" (a count of occurrences, not points).
 * Group 1 or 2 is the cap.
 */
export const DEDUCTION_CAP =
  /(?:(?:bi\s+)?tru\s+(?:diem\s+)?(?:toi da|khong qua|khong vuot qua)|(?:toi da|khong qua|khong vuot qua)\s+(?:bi\s+)?tru(?:\s+diem)?|(?:deduct(?:ed|ions?)?|minus)\s+(?:at most|up to|max(?:imum)?)|(?:at most|up to|max(?:imum)?)\s+(?:deduct(?:ed|ions?)?|minus))\s*:?\s*(\d+(?:[.,]\d+)?)|(?:toi da|khong qua|khong vuot qua|max(?:imum)?\.?|up to|at most)\s*:?\s*(\d+(?:[.,]\d+)?)(?!\s*(?:lan|times?|occurrences?|cases?)\b)(?![.,]?\d)/;

/** Deductions per occurrence: "trừ 1 điểm/lần", "trừ 0,5 điểm mỗi lần", "1 point per occurrence". */
export const PER_OCCURRENCE =
  /(\d+(?:[.,]\d+)?)\s*(?:diem|d|points?|pts?)?\s*(?:\/|moi|cho moi|tren|per|each|a)\s*(?:lan|lan vi pham|truong hop|vu|vu viec|nguoi|ca nhan|van ban|bao cao|occurrences?|times?|cases?|breach(?:es)?)\b/;
/** A fixed deduction: "trừ 5 điểm", "minus 5 points" (read as that many points each time it applies). */
export const FIXED_DEDUCTION = /(?:\btru\b|\bminus\b|\bdeduct(?:ed)?\b|\blose\b)\s*(\d+(?:[.,]\d+)?)\s*(?:diem|d|points?|pts?)\b/;

/** Awards a deduction can bar ("không xét Cờ thi đua"): id and names. */
export const AWARDS: Array<{ id: string; match: RegExp; label: string; labelEn: string }> = [
  { id: 'co-thi-dua', match: /co thi dua|emulation flag/, label: 'Cờ thi đua', labelEn: 'Emulation flag' },
  { id: 'bang-khen', match: /bang khen|certificate of merit/, label: 'Bằng khen', labelEn: 'Certificate of merit' },
  { id: 'giay-khen', match: /giay khen/, label: 'Giấy khen', labelEn: 'Certificate of commendation' },
  { id: 'tap-the-xuat-sac', match: /tap the (lao dong )?xuat sac/, label: 'Tập thể lao động xuất sắc', labelEn: 'Excellent collective' },
];
/** The phrase that bars an award: "không xét", "không được xét", "not eligible for". */
export const BARS_AWARD = /(?:khong (?:duoc )?(?:xet|de nghi|binh xet)|not eligible|barred from|excluded from)/;

/** The title block above the table. */
export const TITLE_BLOCK = {
  unit: /^(?:don vi|ten don vi|truong|unit|school)\s*:\s*(.*)$/,
  year: /\b(?:nam|year)\s+(20\d\d)\b/,
  cluster: /^(cum thi dua|cluster)\b/,
  title: /\b(bang (cham )?diem|bang tieu chi|tieu chi (cham diem|thi dua)|scoring (table|sheet)|score sheet)\b/,
};

/** A row under the header that only numbers the columns: "(1) (2) (3)", "A B 1 2". */
export const COLUMN_INDEX_CELL = /^\(?[0-9a-z]{1,2}\)?(?:\s*[=+\-x*]\s*\(?[0-9a-z]{1,2}\)?)*$/i;
