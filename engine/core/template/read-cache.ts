/**
 * What reading a template repeats for every file of the same criteria set, done once per set: the
 * embedded set's JSON parsed and hashed once per distinct text, the sheet's plan made once per set and
 * options, formula texts normalised once. The read rules stay in read.ts; this holds only results that
 * are a pure function of their key, so a cache hit gives what recomputing would.
 */
import type { CompiledSet } from '../compile';
import { hashCriteriaSet, rememberHash } from '../hash';
import type { Lang } from '../i18n';
import { planTemplate, TemplateMode, TemplatePlan } from './plan';

const SETS = 4;
const PLANS = 8;
const FORMULAS = 20000;

/** Small least-recently-inserted cache (a cluster uses one or two sets a year). */
function remember<V>(map: Map<string, V>, key: string, size: number, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
    if (map.size > size) map.delete(map.keys().next().value as string);
  }
  return v;
}

const parsed = new Map<string, { def: unknown; hash: string }>();

/**
 * The embedded JSON parsed and its hash, the same object for the same text (JSON.parse errors are
 * thrown as they are). The def is shared by every file that carries this text: callers never change it.
 */
export function parseEmbeddedSet(json: string): { def: unknown; hash: string } {
  return remember(parsed, json, SETS, () => {
    const def: unknown = JSON.parse(json);
    const hash = hashCriteriaSet(def);
    if (def && typeof def === 'object') rememberHash(def, hash);
    return { def, hash };
  });
}

const plans = new Map<string, TemplatePlan>();

/**
 * The plan a file's sheet is checked against. Where rows, cells and formulas sit depends on the set,
 * mode, language, year (the year cell is open when unknown) and cluster only, so one plan serves every
 * unit: it is made without a unit, and the copy returned carries the file's unit in its meta.
 */
export function readingPlan(set: CompiledSet, o: { mode: TemplateMode; lang?: Lang; unit?: string; year?: number; cluster?: string }): TemplatePlan {
  const key = JSON.stringify([set.hash, o.mode, o.lang ?? null, o.year ?? null, o.cluster ?? null]);
  const plan = remember(plans, key, PLANS, () => planTemplate(set, { mode: o.mode, lang: o.lang, year: o.year, cluster: o.cluster }));
  return { ...plan, meta: { ...plan.meta, unit: o.unit ?? '' } };
}

const formulas = new Map<string, string>();

/** normalize(f), remembered (the same few hundred formula texts recur in every file). */
export function normalizedOnce(f: string, normalize: (f: string) => string): string {
  let v = formulas.get(f);
  if (v === undefined) {
    if (formulas.size >= FORMULAS) formulas.clear();
    formulas.set(f, (v = normalize(f)));
  }
  return v;
}
