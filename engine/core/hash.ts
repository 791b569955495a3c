/** @noble/hashes is loaded on the first hash without a native one (it pulls node:crypto in at load time). */
type Noble = typeof import('@noble/hashes/sha256') & typeof import('@noble/hashes/utils');
let nobleLib: Noble | undefined;
function noble(): Noble {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (nobleLib ??= { ...require('@noble/hashes/sha256'), ...require('@noble/hashes/utils') });
}

/** JSON with object keys sorted, so equal data always hashes the same whatever the key order. */
export function canonicalJson(value: unknown): string {
  // A flat record of strings (the stamps' metadata and entries, hashed for every file): the same text
  // without a replacer, which JSON.stringify calls once per key (test/core/hash.test.ts compares both).
  if (isStringRecord(value)) return JSON.stringify(sortedCopy(value));
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** A plain object (not an array, no prototype of its own) whose every own value is a string. */
function isStringRecord(value: unknown): value is Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k of Object.keys(value)) if (typeof (value as Record<string, unknown>)[k] !== 'string') return false;
  return true;
}

/** The last record's keys as given and sorted: every file's stamp has the keys of the last file's, in its order. */
let lastKeys: string[] = [];
let lastSorted: string[] = [];

/** A copy with the keys inserted in sorted order ("__proto__" as an own key, as Object.fromEntries makes it). */
function sortedCopy(value: Record<string, string>): Record<string, string> {
  const keys = Object.keys(value);
  if (keys.length !== lastKeys.length || keys.some((k, i) => k !== lastKeys[i])) {
    lastKeys = keys;
    lastSorted = [...keys].sort();
  }
  const out: Record<string, string> = {};
  for (const k of lastSorted)
    if (k === '__proto__') Object.defineProperty(out, k, { value: value[k], enumerable: true, writable: true, configurable: true });
    else out[k] = value[k];
  return out;
}

let native: ((data: string | Uint8Array) => string) | undefined;
/**
 * A host's own SHA-256 (hex of the UTF-8 bytes of a string), used in place of @noble/hashes: the CLI
 * hands in Node's crypto (engine/cli/natives.ts); the add-in keeps noble's.
 */
export function useNativeSha256(fn: ((data: string | Uint8Array) => string) | undefined): void {
  native = fn;
}

export function sha256Hex(data: string | Uint8Array): string {
  if (native) return native(data);
  const { bytesToHex, sha256, utf8ToBytes } = noble();
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** Hashes of definitions known never to change (the template reader's shared parsed sets), by identity. */
const known = new WeakMap<object, string>();

/** Record the hash of a definition nobody will modify, so hashing it again is a lookup. */
export function rememberHash(def: object, hash: string): void {
  known.set(def, hash);
}

/** The identity of a criteria set: SHA-256 of its canonical JSON. */
export function hashCriteriaSet(def: unknown): string {
  if (def && typeof def === 'object') {
    const h = known.get(def);
    if (h !== undefined) return h;
  }
  return sha256Hex(canonicalJson(def));
}
