/**
 * Loading a criteria set from text (YAML or JSON; JSON is parsed by the YAML parser too, which gives line
 * numbers for both), then schema check, compile and lint. Pure: callers read the file.
 */
import type Ajv2020 from 'ajv/dist/2020';
import type { Node as YamlNode } from 'yaml';
import { MAX_JSON_DEPTH, nestingExceeds } from './json-limits';
import { compileSet, CompiledSet } from './compile';
import { canonicalJson, hashCriteriaSet, sha256Hex } from './hash';
import { lint } from './lint';
import type { CriteriaSet } from './model';
import { hasErrors, Problem, problem } from './problems';
import { criteriaSetSchema } from './schema';

export interface LoadResult {
  set: CompiledSet | null;
  def: CriteriaSet | null;
  problems: Problem[];
}

type Validator = ReturnType<Ajv2020['compile']>;
let validator: Validator | undefined;
/** The ajv options of the schema check (the generated validator is built with the same). */
export const SCHEMA_AJV_OPTIONS = { allErrors: true, strict: false } as const;
function validate(): Validator {
  if (validator) return validator;
  const schema = criteriaSetSchema();
  // The validator generated ahead of time from this schema (npm run schema; a test keeps it in sync),
  // so that no run pays for compiling the schema. It is loaded on first use: `thidua --help` never is.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated = require('./schema-validator.generated') as { SCHEMA_SHA256: string; validate: Validator };
  if (generated.SCHEMA_SHA256 === sha256Hex(canonicalJson(schema))) return (validator = generated.validate);
  // A kind registered at run time (registerKind) changed the schema: compile it with ajv.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = (require('ajv/dist/2020') as { default: typeof Ajv2020 }).default;
  return (validator = new Ajv(SCHEMA_AJV_OPTIONS).compile(schema));
}

/** Parse YAML/JSON text into a definition plus a path -> line lookup. */
export function parseCriteriaText(
  text: string,
  file?: string,
): { def: unknown; lineOf: (path: string) => number | undefined; problems: Problem[] } {
  if (nestingExceeds(text)) return { def: null, lineOf: () => undefined, problems: [problem('json_too_deep', { limit: MAX_JSON_DEPTH }, { file })] };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isMap, isSeq, LineCounter, parseDocument } = require('yaml') as typeof import('yaml');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const problems: Problem[] = doc.errors.map((e) =>
    problem('syntax_error', { detail: e.message.split('\n')[0] }, { file, line: e.linePos?.[0]?.line }),
  );
  const lineOf = (path: string): number | undefined => {
    let node: unknown = doc.contents;
    let last = node as YamlNode | undefined;
    for (const part of path.split('/').filter(Boolean)) {
      if (isMap(node)) node = node.get(part, true);
      else if (isSeq(node)) node = node.get(Number(part), true);
      else break;
      if (node && (node as YamlNode).range) last = node as YamlNode;
    }
    return last?.range ? lc.linePos(last.range[0]).line : undefined;
  };
  if (problems.length) return { def: null, lineOf, problems };
  try {
    return { def: doc.toJS({ maxAliasCount: 100 }), lineOf, problems };
  } catch (e) {
    // The YAML library refuses alias bombs ("billion laughs") by throwing while expanding them.
    return { def: null, lineOf, problems: [problem('syntax_error', { detail: (e as Error).message }, { file })] };
  }
}

/**
 * Compiled sets by hash: ranking 1,000 workbooks that embed the same set compiles it once. Only used
 * when no source lines are involved (problems then differ by file only, which is set on the way out).
 */
const CACHE_SIZE = 8;
const cache = new Map<string, LoadResult>();

/**
 * Hashes of definitions another thread of this run has already schema-checked and found valid: the
 * same hash is the same content, so a worker thread compiles them without building the schema
 * validator again (the validator alone costs more than scoring dozens of files).
 */
const schemaValid = new Set<string>();
export function trustSchemaCheck(hashes: Iterable<string>): void {
  for (const h of hashes) schemaValid.add(h);
}

/** Schema-check, compile and lint a definition (already parsed). */
export function loadCriteriaDef(
  def: unknown,
  opts: { file?: string; lineOf?: (path: string) => number | undefined; cache?: boolean } = {},
): LoadResult {
  if (opts.cache === false || opts.lineOf || !def || typeof def !== 'object') return loadUncached(def, opts);
  const key = hashCriteriaSet(def);
  let hit = cache.get(key);
  if (!hit) {
    hit = loadUncached(def, {}, schemaValid.has(key));
    cache.set(key, hit);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return { ...hit, problems: hit.problems.map((p) => (opts.file ? { ...p, file: p.file ?? opts.file } : p)) };
}

function loadUncached(def: unknown, opts: { file?: string; lineOf?: (path: string) => number | undefined }, checked = false): LoadResult {
  const v = checked ? null : validate();
  if (v && !v(def)) {
    const problems = (v.errors ?? []).map((e) => {
      const path = e.instancePath.replace(/^\//, '');
      const detail = e.keyword === 'additionalProperties' ? `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"` : e.message ?? e.keyword;
      return problem('schema_error', { path: path || '/', detail }, { file: opts.file, path, line: opts.lineOf?.(path) });
    });
    return { set: null, def: null, problems: dedupe(problems) };
  }
  const set = compileSet(def as CriteriaSet, opts);
  const problems = lint(set, opts);
  return { set: hasErrors(problems) ? null : set, def: def as CriteriaSet, problems };
}

export function loadCriteriaText(text: string, file?: string): LoadResult {
  const parsed = parseCriteriaText(text, file);
  if (parsed.problems.length) return { set: null, def: null, problems: parsed.problems };
  return loadCriteriaDef(parsed.def, { file, lineOf: parsed.lineOf });
}

function dedupe(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
