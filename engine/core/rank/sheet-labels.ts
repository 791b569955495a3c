/**
 * The words of the ranking sheets (Xếp hạng, Ma trận điểm, Chênh lệch, Nguồn), in Vietnamese and
 * English: one table for the CLI's ranking workbook (exceljs) and the add-in's sheets (Office.js), so
 * both say the same thing.
 */
import type { Provenance } from './ranking';

export const RANKING_SHEET_NAMES = { ranking: 'Xếp hạng', matrix: 'Ma trận điểm', discrepancies: 'Chênh lệch', sources: 'Nguồn' } as const;

export const RANKING_LABELS = {
  vi: {
    cluster: 'CỤM THI ĐUA',
    titleRanking: (y: string) => `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM VÀ XẾP HẠNG THI ĐUA${y ? ` NĂM ${y}` : ''}`,
    titleMatrix: (y: string) => `MA TRẬN ĐIỂM THEO TIÊU CHÍ${y ? ` NĂM ${y}` : ''}`,
    titleDisc: 'CHÊNH LỆCH GIỮA ĐIỂM TỰ CHẤM VÀ ĐIỂM CỤM CHẤM',
    titleSources: 'NGUỒN DỮ LIỆU: CÁC TỆP ĐÃ TỔNG HỢP',
    setLine: (title: string, id: string, hash: string) => `Bảng tiêu chí: ${title} (${id}, mã băm ${hash})`,
    matrixNote: 'Điểm theo cột quyết định của từng đơn vị (Điểm Cụm chấm nếu có, nếu không là Điểm tự chấm).',
    discNote: (tol: string) => `Các tiêu chí có chênh lệch từ ${tol} điểm trở lên; tô đỏ: chênh lệch từ gấp đôi mức đó.`,
    rankingHead: ['Hạng', 'Đơn vị', 'Điểm tự chấm', 'Điểm Cụm chấm', 'Điểm xếp hạng', 'Nguồn điểm', 'Xếp loại', 'Đề nghị khen thưởng', 'Ghi chú'],
    source: { inspected: 'Cụm chấm', self: 'Tự chấm' },
    awardsHead: 'ĐỀ NGHỊ KHEN THƯỞNG',
    awardLine: (label: string, quota: number, min: string, units: string) => `${label} (chỉ tiêu ${quota}, từ ${min} điểm): ${units}`,
    nobody: 'không có',
    refusedLine: (n: number) => `Có ${n} tệp không được đưa vào xếp hạng; xem trang "${RANKING_SHEET_NAMES.sources}".`,
    date: '............, ngày ...... tháng ...... năm ........',
    sign: ['NGƯỜI LẬP BIỂU', 'TRƯỞNG CỤM THI ĐUA'],
    signHint: '(Ký, ghi rõ họ tên)',
    matrixUnit: 'Đơn vị',
    rank: 'Hạng',
    maxRow: 'Điểm chuẩn',
    sectionTotal: (n: string) => `Cộng ${n}`,
    total: 'Tổng điểm',
    discHead: ['TT', 'Đơn vị', 'Mục', 'Nội dung tiêu chí', 'Điểm tự chấm', 'Điểm Cụm chấm', 'Chênh lệch', 'Ghi chú của đoàn kiểm tra'],
    movesHead: (t: string) => `ĐƠN VỊ CÓ TỔNG ĐIỂM THAY ĐỔI TỪ ${t} ĐIỂM TRỞ LÊN`,
    movesCols: ['TT', 'Đơn vị', 'Tổng tự chấm', 'Tổng Cụm chấm', 'Chênh lệch'],
    noDisc: 'Không có chênh lệch nào vượt ngưỡng.',
    noMoves: 'Không có đơn vị nào.',
    srcHead: ['TT', 'Tệp', 'SHA-256', 'Đơn vị', 'Năm', 'Bố cục', 'Bảng tiêu chí', 'Mã băm bảng tiêu chí', 'Trạng thái', 'Vấn đề'],
    status: { ranked: 'Đã xếp hạng', refused: 'Bị từ chối' },
    /** Provenance columns of the sources sheet (after srcHead). */
    srcProvenanceHead: ['Nguồn điểm', 'Dấu kiểm tra (đoàn, ngày, từ tệp)', 'Đối chiếu tự chấm với'],
    provenance: { self: 'Tự chấm (cột Cụm chấm không tính)', inspection: 'Kiểm tra chéo', familiar: 'Bảng quen thuộc', json: 'JSON' },
    problemsCount: (e: number, w: number) => `${e} lỗi, ${w} cảnh báo`,
    threshold: (label: string, min: string) => `Ngưỡng ${label} (${min})`,
    chartFinal: 'Điểm xếp hạng theo đơn vị',
    chartSelfInspected: 'Điểm tự chấm và điểm Cụm chấm',
    points: 'Điểm',
    legend: 'Chú thích: số thứ tự ở đầu các cột',
  },
  en: {
    cluster: 'EMULATION CLUSTER',
    titleRanking: (y: string) => `EMULATION SCORES AND RANKING${y ? ` ${y}` : ''}`,
    titleMatrix: (y: string) => `SCORES BY CRITERION${y ? ` ${y}` : ''}`,
    titleDisc: 'SELF SCORE VS INSPECTION SCORE',
    titleSources: 'SOURCES: THE FILES CONSOLIDATED',
    setLine: (title: string, id: string, hash: string) => `Criteria set: ${title} (${id}, hash ${hash})`,
    matrixNote: "Scores of each unit's deciding column (the inspection where present, else the self score).",
    discNote: (tol: string) => `Criteria whose scores differ by ${tol} point(s) or more; red: twice that or more.`,
    rankingHead: ['Rank', 'Unit', 'Self score', 'Inspection score', 'Final score', 'Source', 'Classification', 'Award proposed', 'Notes'],
    source: { inspected: 'Inspection', self: 'Self' },
    awardsHead: 'AWARD PROPOSALS',
    awardLine: (label: string, quota: number, min: string, units: string) => `${label} (quota ${quota}, from ${min} points): ${units}`,
    nobody: 'none',
    refusedLine: (n: number) => `${n} file(s) were left out of the ranking; see the "${RANKING_SHEET_NAMES.sources}" sheet.`,
    date: '............, date ........',
    sign: ['PREPARED BY', 'HEAD OF THE CLUSTER'],
    signHint: '(Signature, full name)',
    matrixUnit: 'Unit',
    rank: 'Rank',
    maxRow: 'Max points',
    sectionTotal: (n: string) => `Total ${n}`,
    total: 'Total',
    discHead: ['No.', 'Unit', 'Item', 'Criterion', 'Self score', 'Inspection score', 'Difference', "Inspectors' remark"],
    movesHead: (t: string) => `UNITS WHOSE TOTAL MOVED BY ${t} POINTS OR MORE`,
    movesCols: ['No.', 'Unit', 'Self total', 'Inspection total', 'Difference'],
    noDisc: 'No difference at or above the tolerance.',
    noMoves: 'None.',
    srcHead: ['No.', 'File', 'SHA-256', 'Unit', 'Year', 'Layout', 'Criteria set', 'Criteria set hash', 'Status', 'Problems'],
    status: { ranked: 'Ranked', refused: 'Refused' },
    srcProvenanceHead: ['Score source', 'Inspection stamp (team, date, from file)', 'Self column checked against'],
    provenance: { self: 'Self-assessment (inspection column not counted)', inspection: 'Cross-inspection', familiar: 'Familiar table', json: 'JSON' },
    problemsCount: (e: number, w: number) => `${e} error(s), ${w} warning(s)`,
    threshold: (label: string, min: string) => `${label} threshold (${min})`,
    chartFinal: 'Final score by unit',
    chartSelfInspected: 'Self vs inspection totals',
    points: 'Points',
    legend: 'Legend: the numbers heading the columns',
  },
};

/**
 * The Nguồn sheet's provenance cell, one line each: where the scores came from, the inspection stamp
 * (team · date · from file), the self file it was checked against. Same text in the CLI and the add-in.
 */
export function provenanceText(src: { provenance?: Provenance | null; matchedWith?: string }, lang: 'vi' | 'en'): string {
  const t = RANKING_LABELS[lang];
  const pv = src.provenance;
  const stamp = pv?.mode === 'inspection' ? [pv.team, pv.date, pv.from].filter(Boolean).join(' · ') : '';
  return [pv ? t.provenance[pv.mode] : '', stamp, src.matchedWith ? `↔ ${src.matchedWith}` : ''].filter(Boolean).join('\n');
}
