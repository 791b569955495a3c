/** The data validation (input prompt, error message, rule) of each entry cell of a template. */
import type { CompiledLeaf } from '../compile';
import type { Lang } from '../i18n';
import type { EntrySpec } from '../kinds/types';
import { formatPoints } from '../points';
import { excelValidation } from '../entry-rule';
import type { PlanValidation, ScoreColumn } from './plan-types';

export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function validationFor(spec: EntrySpec, c: ScoreColumn, leaf: CompiledLeaf | null, lang: Lang, a: string, itemPoints?: number): PlanValidation {
  const vi = lang === 'vi';
  const f = (x: number) => formatPoints(x, lang);
  const title = clip(vi ? (c === 'self' ? 'Điểm tự chấm' : 'Điểm Cụm chấm') : c === 'self' ? 'Self score' : 'Inspection score', 32);
  const rule = excelValidation(a, spec);
  const errorTitle = vi ? 'Giá trị không hợp lệ' : 'Invalid value';
  if (rule.type === 'list') {
    return {
      type: 'list',
      list: rule.list,
      allowBlank: true,
      promptTitle: title,
      prompt: clip(
        vi
          ? `Đánh "x" nếu đạt: ${spec.label}${itemPoints !== undefined ? ` (${f(itemPoints)} điểm)` : ''}; để trống nếu không đạt.`
          : `Type "x" if met: ${spec.label}${itemPoints !== undefined ? ` (${f(itemPoints)} pts)` : ''}; leave blank otherwise.`,
        250,
      ),
      errorTitle,
      error: vi ? 'Chỉ được đánh "x" hoặc để trống.' : 'Only "x" or blank is allowed.',
    };
  }
  const whole = !!spec.integer;
  const between = spec.max !== undefined;
  const base =
    rule.type === 'custom'
      ? { type: 'custom' as const, formula: rule.formula, allowBlank: true as const, promptTitle: title, errorTitle }
      : { type: rule.type, operator: rule.operator, min: rule.min, max: rule.max, allowBlank: true as const, promptTitle: title, errorTitle };
  const stepText = spec.step ? (vi ? `, bước ${f(spec.step)} điểm` : `, in steps of ${f(spec.step)}`) : '';
  if (spec.indicator) {
    const what = `${spec.label}`;
    return {
      ...base,
      prompt: clip(vi ? `Nhập số liệu: ${what}. Số ≥ ${f(spec.min)}${whole ? ', số nguyên' : ''}.` : `Enter: ${what}. A number ≥ ${f(spec.min)}${whole ? ', whole' : ''}.`, 250),
      error: clip(vi ? `Phải là số ≥ ${f(spec.min)}${whole ? ' (số nguyên)' : ''}.` : `Must be a number ≥ ${f(spec.min)}${whole ? ' (whole)' : ''}.`, 250),
    };
  }
  if (leaf && leaf.role === 'deduction' && spec.unit === 'cases') {
    const per = f(spec.pointsPerUnit ?? 1);
    return {
      ...base,
      prompt: clip(
        vi
          ? `Ghi SỐ LẦN vi phạm (số nguyên${between ? `, tối đa ${f(spec.max!)}` : ''}); mỗi lần trừ ${per} điểm. Để trống nếu không có.`
          : `Type the NUMBER OF CASES (whole${between ? `, at most ${f(spec.max!)}` : ''}); each case deducts ${per} pts. Blank if none.`,
        250,
      ),
      error: clip(vi ? `Ghi số lần vi phạm: số nguyên ≥ 0${between ? `, tối đa ${f(spec.max!)}` : ''}.` : `The number of cases: a whole number ≥ 0${between ? `, at most ${f(spec.max!)}` : ''}.`, 250),
    };
  }
  if (leaf && leaf.role === 'deduction') {
    return {
      ...base,
      prompt: clip(
        vi
          ? `Ghi SỐ ĐIỂM bị trừ${spec.step ? ` (bội số của ${f(spec.step)})` : ''}${between ? `, tối đa ${f(spec.max!)}` : ''}; để trống nếu không bị trừ.`
          : `Type the POINTS deducted${spec.step ? ` (a multiple of ${f(spec.step)})` : ''}${between ? `, at most ${f(spec.max!)}` : ''}; blank if none.`,
        250,
      ),
      error: clip(vi ? `Điểm trừ phải là số ≥ 0${stepText}.` : `Deductions must be a number ≥ 0${stepText}.`, 250),
    };
  }
  if (!leaf) {
    return {
      ...base,
      prompt: clip(vi ? `Nhập giá trị: ${spec.label} (số ≥ ${f(spec.min)}).` : `Enter the value: ${spec.label} (a number ≥ ${f(spec.min)}).`, 250),
      error: clip(vi ? `Phải là số ≥ ${f(spec.min)}.` : `Must be a number ≥ ${f(spec.min)}.`, 250),
    };
  }
  const max = spec.max ?? 0;
  return {
    ...base,
    prompt: clip(vi ? `Nhập điểm từ 0 đến ${f(max)}${stepText}. Điểm chuẩn: ${f(max)}.` : `Enter 0 to ${f(max)}${stepText}. Max points: ${f(max)}.`, 250),
    error: clip(vi ? `Điểm phải là số từ 0 đến ${f(max)}${stepText}.` : `The score must be a number from 0 to ${f(max)}${stepText}.`, 250),
  };
}
