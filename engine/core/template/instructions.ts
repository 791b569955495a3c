/** The instructions sheet of a template (Hướng dẫn): how to fill it in, in each mode and language. */
import type { CompiledSet } from '../compile';
import type { Lang } from '../i18n';
import { formatPoints } from '../points';
import type { TemplateMode, TemplatePlan } from './plan-types';

export function instructionsFor(
  set: CompiledSet,
  mode: TemplateMode,
  lang: Lang,
  w: { unitCell: string; sheetName: string; totalSelf: string; totalInspected: string },
): TemplatePlan['instructions'] {
  const f = (x: number) => formatPoints(x, lang);
  if (lang === 'en')
    return [
      { kind: 'title', text: 'HOW TO FILL IN THE SCORING WORKBOOK' },
      { kind: 'text', text: `Criteria set: ${set.def.title} (${set.id}), ${set.leaves.length} criteria, max ${f(set.maxBase)} + bonus ${f(set.maxBonus)}.` },
      { kind: 'heading', text: mode === 'self' ? 'Self-assessment (the school)' : 'Cross-inspection (the inspection team)' },
      ...(mode === 'self'
        ? [
            { kind: 'text' as const, text: `1. Type the unit's name in ${w.unitCell} of the sheet "${w.sheetName}".` },
            { kind: 'text' as const, text: '2. Enter a self score for every criterion in the "Self score" column: a number from 0 to the max points, in the allowed step (e.g. 0.25). Typing is refused outside that range.' },
            { kind: 'text' as const, text: '3. Criteria computed by formula take no score: fill the INDICATORS block below the table; checklist items take "x" when met.' },
            { kind: 'text' as const, text: '4. Name the evidence documents for each criterion in the "Evidence" column (required where highlighted).' },
            { kind: 'text' as const, text: '5. Bonus points and deductions: leave blank when none. The bonus is capped automatically.' },
          ]
        : [
            { kind: 'text' as const, text: "1. The school's self scores and evidence are shown and locked." },
            { kind: 'text' as const, text: '2. Enter the inspection score of every criterion in the "Inspection score" column and the indicator values in the INDICATORS block.' },
            { kind: 'text' as const, text: '3. Where your score differs from the self score, write the reason in the remark column.' },
          ]),
      { kind: 'heading', text: 'Colours' },
      { kind: 'text', text: 'Yellow: an entry is still missing. Red: the value is not a number, outside 0..max or off the step. Orange: evidence is required but missing.' },
      { kind: 'heading', text: 'Totals' },
      { kind: 'text', text: `Subtotals and totals are live formulas (self total ${w.totalSelf}, name TongTuCham; inspection total ${w.totalInspected}, name TongCumCham). Total = scored sections + bonus (capped) - deductions.` },
      { kind: 'text', text: 'Do not insert, delete or move rows and do not edit max points: the sheet is protected and the cluster lead checks the structure with `thidua check`.' },
      { kind: 'text', text: 'A hidden sheet carries the criteria set and its hash; do not edit it.' },
    ];
  return [
    { kind: 'title', text: 'HƯỚNG DẪN NHẬP BẢNG CHẤM ĐIỂM THI ĐUA' },
    { kind: 'text', text: `Bảng tiêu chí: ${set.def.title} (${set.id}), ${set.leaves.length} tiêu chí, điểm tối đa ${f(set.maxBase)} + điểm thưởng ${f(set.maxBonus)}.` },
    { kind: 'heading', text: mode === 'self' ? 'Đơn vị tự chấm điểm' : 'Đoàn kiểm tra chéo chấm điểm' },
    ...(mode === 'self'
      ? [
          { kind: 'text' as const, text: `1. Ghi tên đơn vị vào ô ${w.unitCell} của trang "${w.sheetName}".` },
          { kind: 'text' as const, text: '2. Nhập điểm tự chấm cho từng tiêu chí ở cột "Điểm tự chấm": số từ 0 đến điểm chuẩn, theo bước điểm quy định (ví dụ 0,25). Excel từ chối giá trị ngoài khoảng này.' },
          { kind: 'text' as const, text: '3. Tiêu chí tính bằng công thức không nhập điểm: nhập số liệu ở phần SỐ LIỆU CHỈ SỐ bên dưới bảng; các mục danh sách kiểm tra đánh "x" nếu đạt.' },
          { kind: 'text' as const, text: '4. Ghi tài liệu kiểm chứng (minh chứng) cho từng tiêu chí ở cột "Tài liệu kiểm chứng" (bắt buộc ở các ô được tô màu).' },
          { kind: 'text' as const, text: '5. Điểm thưởng, điểm trừ: để trống nếu không có. Điểm thưởng được tự động giới hạn ở mức tối đa.' },
        ]
      : [
          { kind: 'text' as const, text: '1. Điểm tự chấm và minh chứng của đơn vị được giữ nguyên và khóa lại.' },
          { kind: 'text' as const, text: '2. Nhập điểm đoàn kiểm tra chấm cho từng tiêu chí ở cột "Điểm Cụm chấm" và số liệu chỉ số ở phần SỐ LIỆU CHỈ SỐ.' },
          { kind: 'text' as const, text: '3. Tiêu chí nào chấm khác điểm tự chấm thì ghi rõ lý do ở cột "Ghi chú của đoàn kiểm tra".' },
        ]),
    { kind: 'heading', text: 'Màu sắc' },
    { kind: 'text', text: 'Vàng: ô chưa nhập. Đỏ: giá trị không phải số, ngoài khoảng 0..điểm chuẩn hoặc sai bước điểm. Cam: tiêu chí yêu cầu minh chứng nhưng chưa ghi.' },
    { kind: 'heading', text: 'Tổng điểm' },
    { kind: 'text', text: `Các dòng cộng và tổng điểm là công thức Excel tự tính (tổng tự chấm ô ${w.totalSelf}, tên TongTuCham; tổng Cụm chấm ô ${w.totalInspected}, tên TongCumCham). Tổng điểm = điểm các phần + điểm thưởng (có giới hạn) - điểm trừ.` },
    { kind: 'text', text: 'Không chèn, xóa, di chuyển dòng và không sửa điểm chuẩn: trang tính được khóa bảo vệ và Cụm trưởng kiểm tra cấu trúc bằng lệnh `thidua check`.' },
    { kind: 'text', text: 'Một trang ẩn lưu bảng tiêu chí và mã kiểm tra (hash) của nó; không sửa trang này.' },
  ];
}
