/**
 * Column roles of the familiar scoring table, each a registered entry: the header phrases that name it
 * (label evidence), what its cells look like (content evidence), the names `--columns` accepts for it,
 * and the roles it may share a column with. The table finder (table.ts) weighs the two kinds of
 * evidence; a new role, or a new way to recognise one, is registered here, not written as an if there.
 */
import { fold } from '../grid';
import type { Bilingual } from '../i18n';
import { COLUMN_LABELS, type ColumnRole } from './vocabulary';

/** What a column's data cells look like (visible rows under the header only). */
export interface ColumnProfile {
  col: number;
  /** Non-empty cells. */
  filled: number;
  /** Cells holding a number, or text that reads as one ("8,5"). */
  numeric: number;
  /** Cells that read as numbering ("I", "1.2", "a)", "Phần 1", "-"). */
  numbering: number;
  /** Cells of text longer than 25 characters. */
  longText: number;
}

export interface ColumnRolePlugin {
  role: ColumnRole;
  /** Header phrases, folded (see vocabulary.ts). */
  labels: readonly string[];
  /** Names accepted in `--columns` (folded), the role's own name included. */
  aliases: readonly string[];
  /** Content evidence in 0..1 when the header says nothing; absent: the role is only taken by label. */
  content?(p: ColumnProfile): number;
  /** Why the content fits, for the warning. */
  contentWhy?: Bilingual;
  /** Roles that may share one column with this one ("Ghi chú / Tài liệu kiểm chứng"). */
  shares?: readonly ColumnRole[];
  /** Name for messages, in both languages. */
  name: Bilingual;
}

const registry = new Map<ColumnRole, ColumnRolePlugin>();

export function registerColumnRole(p: ColumnRolePlugin): void {
  registry.set(p.role, p);
}
export function columnRole(role: ColumnRole): ColumnRolePlugin {
  return registry.get(role)!;
}
export function columnRoles(): ColumnRolePlugin[] {
  return [...registry.values()];
}

/** The role a `--columns` name stands for ("tt", "noi dung", "diem chuan", "inspected", "remark"). */
export function roleByName(name: string): ColumnRole | undefined {
  const f = fold(name).replace(/[^a-z0-9]+/g, ' ').trim();
  for (const p of registry.values()) if (p.aliases.includes(f) || p.labels.includes(f)) return p.role;
  return undefined;
}

const share = (p: ColumnProfile, n: number) => (p.filled >= 3 ? n / p.filled : 0);

registerColumnRole({
  role: 'number',
  name: { vi: 'số thứ tự', en: 'numbering' },
  labels: COLUMN_LABELS.number,
  aliases: ['number', 'numbering', 'no', 'tt', 'stt', 'so', 'ma'],
  content: (p) => (share(p, p.numbering) >= 0.6 && p.longText === 0 ? share(p, p.numbering) : 0),
  contentWhy: { vi: 'các ô là số thứ tự (I, 1, 1.1, a) …)', en: 'its cells are numbering (I, 1, 1.1, a) …)' },
});
registerColumnRole({
  role: 'text',
  name: { vi: 'nội dung', en: 'criteria text' },
  labels: COLUMN_LABELS.text,
  aliases: ['text', 'criteria', 'criterion', 'noi dung', 'tieu chi'],
  content: (p) => (share(p, p.longText) >= 0.5 ? share(p, p.longText) : 0),
  contentWhy: { vi: 'các ô là đoạn văn dài', en: 'its cells are long texts' },
});
registerColumnRole({ role: 'max', name: { vi: 'điểm chuẩn', en: 'max points' }, labels: COLUMN_LABELS.max, aliases: ['max', 'points', 'diem chuan', 'toi da'] });
registerColumnRole({ role: 'self', name: { vi: 'tự chấm', en: 'self score' }, labels: COLUMN_LABELS.self, aliases: ['self', 'tu cham', 'tu danh gia'] });
registerColumnRole({
  role: 'inspected',
  name: { vi: 'Cụm chấm', en: 'inspection score' },
  labels: COLUMN_LABELS.inspected,
  aliases: ['inspected', 'inspection', 'cluster', 'cum cham', 'tham dinh', 'kiem tra'],
});
registerColumnRole({
  role: 'evidence',
  name: { vi: 'minh chứng', en: 'evidence' },
  labels: COLUMN_LABELS.evidence,
  aliases: ['evidence', 'minh chung'],
  shares: ['remarks'],
});
registerColumnRole({
  role: 'remarks',
  name: { vi: 'ghi chú', en: 'remarks' },
  labels: COLUMN_LABELS.remarks,
  aliases: ['remarks', 'remark', 'note', 'notes', 'ghi chu'],
  shares: ['evidence'],
});

/** Roles that hold scores typed per criterion (a numeric column without a role may be one of them). */
export const SCORE_ROLES: readonly ColumnRole[] = ['self', 'inspected'];
