/**
 * What binds a template's hidden metadata to its content (pure, shared by the CLI and the add-in):
 * - metaHash: SHA-256 over every metadata entry the reader relies on (criteria hash, mode, scored
 *   sheet, unit, year, cluster, language, and in inspection mode the self stamp, team and date), so an
 *   edit to any of them without recomputing is refused;
 * - selfHash (inspection mode): SHA-256 of the school's self entries when the inspection workbook was
 *   made from its self-assessment (`template --mode inspection --from`), with the entries themselves
 *   (selfEntries) so that a changed cell can be named. The reader refuses an inspection workbook whose
 *   self column no longer matches; `rank` compares it with the school's own file when both are given.
 * A hash without a secret proves consistency, not authorship: see docs/security.md for what that
 * guarantees and what it cannot.
 */
import type { CellValue } from '../kinds/types';
import type { ColumnEntries } from '../evaluate';
import { canonicalJson, sha256Hex } from '../hash';
import { parseNumber } from '../values';

/** Metadata keys under metaHash, in the order they are hashed (absent keys count as ""). */
export const SIGNED_META_KEYS = [
  'format',
  'formatVersion',
  'criteriaSetId',
  'hash',
  'mode',
  'unit',
  'year',
  'cluster',
  'lang',
  'sheet',
  'toolVersion',
  'generatedAt',
  'selfHash',
  'selfEntries',
  'team',
  'inspectedOn',
  'fromFile',
] as const;

/** Largest selfEntries text kept in one cell (Excel holds 32,767 characters). */
export const MAX_SELF_ENTRIES_CHARS = 30000;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function metaDigest(meta: Record<string, unknown>): string {
  const o: Record<string, string> = {};
  for (const k of SIGNED_META_KEYS) o[k] = str(meta[k]);
  return sha256Hex(`thidua-meta-1\n${canonicalJson(o)}`);
}

/** A column's entries as compared: blank entries left out, numbers in one spelling, text trimmed. */
export function canonicalEntries(entries: ColumnEntries | Record<string, CellValue> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, e] of Object.entries(entries ?? {})) {
    const v = e !== null && typeof e === 'object' && 'value' in (e as object) ? (e as { value: CellValue }).value : (e as CellValue);
    if (v === null || v === undefined || v === false) continue;
    const n = parseNumber(v);
    const s = v === true ? 'x' : n.ok && n.value !== null ? String(n.value) : String(v).trim();
    if (s === '') continue;
    out[k] = s;
  }
  return out;
}

export function selfDigest(canonical: Record<string, string>): string {
  return sha256Hex(`thidua-self-1\n${canonicalJson(canonical)}`);
}

/** Keys whose canonical values differ between two columns (either side may lack the key). */
export function differingKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).sort();
}
