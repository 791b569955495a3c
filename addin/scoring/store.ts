/**
 * Criteria sets kept inside the workbook, on very hidden sheets of "key | value" rows with the set's JSON
 * in chunks (the layout of the template's embedded sheet, see plan.ts):
 * - "_thidua": written with a scoring template; says which set, mode and sheet the template uses;
 * - "_thidua_set": a set imported in the pane and saved for later (no template yet).
 * The stored hash is checked on reading, so an edited set is reported, never used.
 */
import { compileSet, type CompiledSet } from '../../engine/core/compile';
import { hashCriteriaSet } from '../../engine/core/hash';
import { loadCriteriaDef } from '../../engine/core/load';
import type { CriteriaSet } from '../../engine/core/model';
import { hasErrors, problem, type Problem } from '../../engine/core/problems';
import { EMBED_CHUNK, EMBED_SHEET } from '../../engine/core/template/plan';
import type { HostValue, SheetLayout, WorkbookHost } from '../host/types';
import { keyValueSheet } from './render-plan';

export const STORE_SHEET = '_thidua_set';
export const STORE_FORMAT = 'thidua-criteria';
/** Rows read back from a store sheet (meta rows + up to ~7 MB of JSON). */
const STORE_ROWS = 1000;

export interface StoredSet {
  set: CompiledSet | null;
  def: CriteriaSet | null;
  meta: Record<string, string>;
  problems: Problem[];
  /** The cells as read (A1 onwards), when they came from the workbook. */
  values?: HostValue[][];
}

/** The cells of a store sheet for a set. */
export function storeLayout(def: CriteriaSet, extra: Record<string, string | number> = {}): SheetLayout {
  const json = JSON.stringify(def);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += EMBED_CHUNK) parts.push(json.slice(i, i + EMBED_CHUNK));
  const kv: Array<[string, string | number]> = [
    ['format', STORE_FORMAT],
    ['formatVersion', 1],
    ['criteriaSetId', def.id],
    ['hash', hashCriteriaSet(def)],
    ...Object.entries(extra),
    ['chunks', parts.length],
  ];
  const cells: Array<{ address: string; value: string | number }> = [];
  kv.forEach(([k, v], i) => cells.push({ address: `A${i + 1}`, value: k }, { address: `B${i + 1}`, value: v }));
  parts.forEach((p, i) => cells.push({ address: `A${kv.length + 2 + i}`, value: `json.${i + 1}` }, { address: `B${kv.length + 2 + i}`, value: p }));
  return keyValueSheet(STORE_SHEET, cells);
}

export async function saveCriteria(host: WorkbookHost, def: CriteriaSet, extra: Record<string, string | number> = {}): Promise<void> {
  await host.renderSheets([storeLayout(def, extra)]);
}

/** Parse "key | value" rows and the JSON chunks of a store or template sheet. */
export function parseStore(sheet: string, values: HostValue[][]): StoredSet {
  const meta: Record<string, string> = {};
  const parts: Array<[number, string]> = [];
  for (const [k, v] of values) {
    if (typeof k !== 'string' || !k) continue;
    const m = /^json\.(\d+)$/.exec(k);
    if (m) parts.push([Number(m[1]), String(v ?? '')]);
    else meta[k] = v === null || v === undefined ? '' : String(v);
  }
  const fail = (detail: string): StoredSet => ({ set: null, def: null, meta, problems: [problem('addin_store_unreadable', { sheet, detail }, { sheet })] });
  if (!parts.length) return fail('no JSON / không có JSON');
  if (meta.chunks && Number(meta.chunks) !== parts.length) return fail(`${parts.length}/${meta.chunks} chunks / phần`);
  parts.sort((a, b) => a[0] - b[0]);
  let def: unknown;
  try {
    def = JSON.parse(parts.map((p) => p[1]).join(''));
  } catch (e) {
    return fail((e as Error).message.slice(0, 120));
  }
  const actual = hashCriteriaSet(def);
  if (meta.hash && meta.hash !== actual)
    return { set: null, def: null, meta, problems: [problem('addin_store_tampered', { stored: meta.hash.slice(0, 12), actual: actual.slice(0, 12) }, { sheet })] };
  const loaded = loadCriteriaDef(def, { file: sheet });
  return { set: loaded.set, def: loaded.def, meta, problems: loaded.problems };
}

/** Read a stored set; null when the sheet is not there. 1 round trip. */
export async function loadStored(host: WorkbookHost, sheet: string = STORE_SHEET, lastColumn = 'B'): Promise<StoredSet | null> {
  const data = await host.readRange(sheet, `A1:${lastColumn}${STORE_ROWS}`);
  if (!data) return null;
  return { ...parseStore(sheet, data.values), values: data.values };
}

/**
 * The template's embedded set and metadata (mode, sheet, lang...), with columns D:E where the pane keeps
 * the inspection record (addin/scoring/inspection.ts). 1 round trip.
 */
export function loadTemplateEmbed(host: WorkbookHost): Promise<StoredSet | null> {
  return loadStored(host, EMBED_SHEET, 'E');
}

/** A definition ready to plan a template from (compiled, no errors). */
export function compileForTemplate(def: CriteriaSet): { set: CompiledSet | null; problems: Problem[] } {
  const loaded = loadCriteriaDef(def);
  if (!loaded.set || hasErrors(loaded.problems)) return { set: null, problems: loaded.problems };
  return { set: loaded.set ?? compileSet(def), problems: loaded.problems };
}
