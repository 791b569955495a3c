/**
 * Replacing sheets so that no failure can leave the workbook damaged.
 *
 * Excel batches are not transactions: the operations of a failing sync() before the failing one stay
 * applied. So a replacement is a sequence of steps, each one undoable from what was recorded first:
 *   0. look:    every sheet's id, name and visibility, the active sheet, the workbook names to redefine
 *               (their formulas), in one sync;
 *   1. build:   the old sheets of those names are renamed aside (kept, visibility untouched), the new
 *               sheets are created under the final names and fully written (caller's batch);
 *   2. link:    the old workbook names are deleted and defined again on the new sheets, the new sheet
 *               is activated (caller's batch);
 *   3. retire:  the old sheets are deleted, last (a very hidden one is first made hidden: Excel cannot
 *               delete a very hidden sheet). Nothing is ever hidden that was visible, so Excel's rule
 *               "a workbook keeps one visible sheet" always holds: the user's visible sheets stay, and
 *               the new sheets exist before any old one goes.
 * When any step fails, `restore` puts back what `look` saw: sheets that did not exist are deleted, the
 * old sheets get their names and visibility back, the workbook names their formulas, the active sheet is
 * activated again. The error then says what Excel refused and that the workbook is as it was.
 */
import { HostError } from '../host/types';
import { toHostError } from './errors';

export interface SheetState {
  id: string;
  name: string;
  visibility: string;
}

export interface NameState {
  name: string;
  /** null: the name did not exist. */
  formula: string | null;
  visible: boolean;
  comment: string;
}

export interface Before {
  sheets: SheetState[];
  activeId: string | null;
  names: NameState[];
}

/** Step 0, one sync: what a replacement may change. A failure here changed nothing, and says so. */
export async function look(ctx: Excel.RequestContext, names: string[]): Promise<Before> {
  try {
    return await lookOnce(ctx, names);
  } catch (e) {
    throw failed(toHostError(e), 'look', []);
  }
}

async function lookOnce(ctx: Excel.RequestContext, names: string[]): Promise<Before> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/id,items/name,items/visibility');
  const active = wb.worksheets.getActiveWorksheet();
  active.load('id');
  const items = names.map((n) => {
    const item = wb.names.getItemOrNullObject(n);
    item.load('name,formula,visible,comment');
    return item;
  });
  await ctx.sync();
  return {
    sheets: sheets.items.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility })),
    activeId: active.id,
    names: names.map((name, i) =>
      items[i].isNullObject
        ? { name, formula: null, visible: true, comment: '' }
        : { name, formula: String(items[i].formula), visible: items[i].visible, comment: items[i].comment ?? '' },
    ),
  };
}

export interface SwapSteps {
  /** Sheet names that the new sheets take (same-named old sheets are replaced). */
  sheets: string[];
  /** Queue the new sheets (under their final names) and everything on them; may sync itself. */
  build(ctx: Excel.RequestContext): void | Promise<void>;
  /** After the old workbook names are gone: define the names again, activate (may sync itself). */
  link?(ctx: Excel.RequestContext): void | Promise<void>;
}

/** Excel sheet names: at most 31 characters. */
const asideName = (i: number, stamp: number) => `~thidua~${i}~${stamp}`;

/**
 * Steps 1-3 (3 syncs, more when `build` or `link` sync themselves), restoring `before` on any failure.
 * Returns the names of the old sheets that were replaced.
 */
export async function swapSheets(ctx: Excel.RequestContext, before: Before, steps: SwapSteps): Promise<string[]> {
  const wanted = new Set(steps.sheets);
  const olds = before.sheets.filter((s) => wanted.has(s.name));
  const stamp = Date.now() % 100000;
  const wb = ctx.workbook;
  let step = 'build';
  try {
    olds.forEach((o, i) => (wb.worksheets.getItem(o.id).name = asideName(i, stamp)));
    await steps.build(ctx);
    await ctx.sync();
    step = 'link';
    for (const n of before.names) if (n.formula !== null) wb.names.getItem(n.name).delete();
    await steps.link?.(ctx);
    await ctx.sync();
    step = 'retire';
    for (const o of olds) {
      const w = wb.worksheets.getItem(o.id);
      if (o.visibility === 'VeryHidden') w.visibility = 'Hidden';
      w.delete();
    }
    await ctx.sync();
    return olds.map((o) => o.name);
  } catch (e) {
    const cause = toHostError(e);
    // Retiring is the one step that cannot be undone once an old sheet is gone: then finish it instead
    // (the new sheets are complete and linked), deleting the old sheets that are left.
    if (step === 'retire' && (await finishRetire(ctx, olds).catch(() => false))) return olds.map((o) => o.name);
    const left = await restore(ctx, before).catch((r: unknown) => [`(${String((r as Error)?.message ?? r)})`]);
    throw failed(cause, step, left);
  }
}

/** After a failed retire step: when some old sheet is already deleted, delete the others (2 syncs). */
async function finishRetire(ctx: Excel.RequestContext, olds: SheetState[]): Promise<boolean> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/id,items/visibility');
  await ctx.sync();
  const left = sheets.items.filter((s) => olds.some((o) => o.id === s.id));
  if (left.length === olds.length) return false; // nothing deleted yet: restoring is possible
  for (const s of left) {
    if (s.visibility === 'VeryHidden') s.visibility = 'Hidden';
    s.delete();
  }
  await ctx.sync();
  return true;
}

/** The error of a failed replacement: Excel's reason, then whether the workbook is as it was. */
export class SwapError extends HostError {
  constructor(vi: string, en: string, detail: string, public readonly restored: boolean) {
    super(vi, en, detail);
  }
}

export function failed(cause: HostError, step: string, left: string[]): SwapError {
  if (!left.length)
    return new SwapError(
      `${cause.vi} Không có gì bị thay đổi: sổ làm việc được giữ nguyên như trước.`,
      `${cause.en} Nothing was changed: the workbook is as it was.`,
      `${step}: ${cause.detail ?? ''}`,
      true,
    );
  return new SwapError(
    `${cause.vi} Phần bổ trợ không khôi phục được hoàn toàn sổ làm việc: ${left.join('; ')}. Hãy đóng sổ mà không lưu rồi mở lại.`,
    `${cause.en} The add-in could not fully restore the workbook: ${left.join('; ')}. Close it without saving and open it again.`,
    `${step}: ${cause.detail ?? ''}`,
    false,
  );
}

/**
 * Put the workbook back as `before` saw it (4 syncs). Returns what could not be restored (empty when
 * everything was): an old sheet already deleted keeps its replacement.
 */
export async function restore(ctx: Excel.RequestContext, before: Before): Promise<string[]> {
  const wb = ctx.workbook;
  const sheets = wb.worksheets;
  sheets.load('items/id,items/name,items/visibility');
  await ctx.sync(); // 1: what is there now
  const now = new Map(sheets.items.map((s) => [s.id, s]));
  const ids = new Set(before.sheets.map((s) => s.id));
  const lost = before.sheets.filter((s) => !now.has(s.id));
  const keep = new Set(lost.map((s) => s.name));
  const left: string[] = lost.map((s) => `"${s.name}" đã bị xoá / was deleted`);
  for (const s of sheets.items) {
    if (ids.has(s.id) || keep.has(s.name)) continue;
    if (s.visibility === 'VeryHidden') s.visibility = 'Hidden';
    s.delete();
  }
  for (const b of before.sheets) {
    const s = now.get(b.id);
    if (!s) continue;
    if (s.name !== b.name) s.name = b.name;
    if (s.visibility !== b.visibility) s.visibility = b.visibility as Excel.SheetVisibility;
  }
  if (before.activeId && now.has(before.activeId)) wb.worksheets.getItem(before.activeId).activate();
  await ctx.sync(); // 2: sheets as they were (their names back, so the names' formulas resolve)
  const items = before.names.map((n) => {
    const item = wb.names.getItemOrNullObject(n.name);
    item.load('name,formula,visible,comment');
    return item;
  });
  await ctx.sync(); // 3: the names now
  let changes = 0;
  before.names.forEach((n, i) => {
    const cur = items[i];
    const same = !cur.isNullObject && n.formula !== null && String(cur.formula) === n.formula && cur.visible === n.visible;
    if (same || (cur.isNullObject && n.formula === null)) return;
    changes++;
    if (!cur.isNullObject) cur.delete();
    if (n.formula === null) return;
    const added = wb.names.add(n.name, n.formula, n.comment || undefined);
    if (!n.visible) added.visible = false;
  });
  if (changes) await ctx.sync(); // 4: the names as they were
  return left;
}
