/**
 * Lint: every inconsistency of a criteria set, with its location. Each rule is one function in RULES;
 * compile problems (formulas, kinds, duplicate ids) come first.
 */
import type { CompiledNode, CompiledSet } from './compile';
import type { EntrySpec } from './kinds/types';
import { fromMilli, onStep, toMilli } from './points';
import { Location, Problem, problem } from './problems';
import { awardRuleNames, DEFAULT_AWARD_RULE, getAwardRule } from './rank/awards';
import { getTieBreaker, tieBreakerNames } from './rank/tiebreakers';
import { FormulaError } from './sandbox';

export interface LintContext {
  set: CompiledSet;
  at(node: CompiledNode | undefined, path?: string): Location;
}

export type LintRule = (ctx: LintContext) => Problem[];

const childrenSum: LintRule = ({ set, at }) => {
  const out: Problem[] = [];
  for (const n of set.nodes) {
    if (n.isLeaf || n.role === 'deduction' || n.max === null) continue;
    const kids = n.childIds.map((id) => set.byId.get(id)!);
    if (kids.some((k) => k.max === null)) continue;
    const sum = kids.reduce((s, k) => s + toMilli(k.max!), 0);
    // A capped bonus group may offer more than its cap.
    if (n.role === 'bonus' && n.cap !== undefined) continue;
    if (sum !== toMilli(n.max)) out.push(problem('max_mismatch', { id: n.id, sum: fromMilli(sum), max: n.max }, at(n)));
  }
  return out;
};

const duplicateNumbering: LintRule = ({ set, at }) => {
  const out: Problem[] = [];
  const groups = new Map<string, CompiledNode[]>();
  for (const n of set.nodes) {
    const key = `${n.parentId ?? ''}\u0000${n.number.trim().toLowerCase()}`;
    if (!n.number.trim()) continue;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const g of groups.values()) if (g.length > 1) for (const n of g.slice(1)) out.push(problem('duplicate_number', { number: n.number }, at(n)));
  return out;
};

const steps: LintRule = ({ set, at }) => {
  const out: Problem[] = [];
  for (const l of set.leaves) if (l.max !== null && !l.computed && !onStep(l.max, l.step)) out.push(problem('bad_step', { id: l.id, max: l.max, step: l.step }, at(l)));
  return out;
};

const bonusCap: LintRule = ({ set, at }) =>
  set.sections.filter((s) => s.role === 'bonus' && s.cap === undefined).map((s) => problem('bonus_without_cap', { id: s.id }, at(s)));

/** A cap anywhere but on a bonus or deduction section is ignored by the engine: say so. */
const capIgnored: LintRule = ({ set, at }) =>
  set.nodes.filter((n) => typeof n.def.cap === 'number' && (n.depth > 0 || n.role === 'base')).map((n) => problem('cap_not_applied', { id: n.id }, at(n)));

/** Search inputs where a computed criterion could leave 0..max: corners, then a seeded random sample. */
const formulaRange: LintRule = ({ set, at }) => {
  const out: Problem[] = [];
  for (const leaf of set.leaves) {
    if (!leaf.computed || leaf.max === null) continue;
    const hint = leaf.impl.exceedsMax?.();
    if (hint) {
      out.push(problem('formula_can_exceed_max', { value: hint.value, when: hint.when, max: leaf.max }, at(leaf)));
      continue;
    }
    const found = sampleRange(set, leaf.id, leaf.max);
    if (found) out.push(problem('formula_can_exceed_max', { value: found.value, when: found.when, max: leaf.max }, at(leaf)));
  }
  return out;
};

const policy: LintRule = ({ set }) => {
  const out: Problem[] = [];
  const p = set.def.policy ?? {};
  const loc = (path: string): Location => ({ path: `policy/${path}` });
  const maxTotal = set.maxBase + set.maxBonus;
  (p.tieBreakers ?? []).forEach((name, i) => {
    if (!getTieBreaker(name)) out.push(problem('unknown_tie_breaker', { name, known: tieBreakerNames().join(', ') }, loc(`tieBreakers/${i}`)));
  });
  const bands = p.classification ?? [];
  for (let i = 1; i < bands.length; i++) if (!(bands[i].min < bands[i - 1].min)) out.push(problem('bands_not_descending', {}, loc(`classification/${i}`)));
  bands.forEach((b, i) => {
    if (b.min > maxTotal) out.push(problem('threshold_above_max', { threshold: b.min, label: b.label, max: maxTotal }, loc(`classification/${i}`)));
  });
  const awardIds = new Set((p.awards ?? []).map((a) => a.id));
  (p.awards ?? []).forEach((a, i) => {
    if (a.minTotal > maxTotal) out.push(problem('threshold_above_max', { threshold: a.minTotal, label: a.label, max: maxTotal }, loc(`awards/${i}`)));
    if (!(a.minTotal > 0)) out.push(problem('award_no_minimum', { label: a.label }, loc(`awards/${i}/minTotal`)));
    const rule = a.rule ?? DEFAULT_AWARD_RULE;
    if (!getAwardRule(rule)) out.push(problem('unknown_award_rule', { name: rule, known: awardRuleNames().join(', ') }, loc(`awards/${i}`)));
  });
  for (const l of set.leaves) for (const award of l.disqualifies) if (!awardIds.has(award)) out.push(problem('unknown_award', { award }, { criterion: l.id }));
  return out;
};

const unusedIndicators: LintRule = ({ set }) => {
  const used = new Set<string>();
  for (const l of set.leaves) l.impl.uses.forEach((u) => used.add(u));
  for (const i of set.indicators) i.expr?.symbols.forEach((s) => used.add(s));
  return set.indicators.filter((i) => !used.has(i.id)).map((i) => problem('unused_indicator', { name: i.id }, { criterion: i.id }));
};

export const RULES: LintRule[] = [childrenSum, duplicateNumbering, steps, bonusCap, capIgnored, formulaRange, policy, unusedIndicators];

export function lint(set: CompiledSet, opts: { file?: string; lineOf?: (path: string) => number | undefined } = {}): Problem[] {
  const paths = pathsOf(set);
  const ctx: LintContext = {
    set,
    at: (n) => {
      const path = n ? paths.get(n.id) : undefined;
      return { file: opts.file, criterion: n?.id, path, line: path ? opts.lineOf?.(path) : undefined };
    },
  };
  const found = RULES.flatMap((r) => r(ctx)).map((p) => ({
    ...p,
    file: p.file ?? opts.file,
    line: p.line ?? (p.path ? opts.lineOf?.(p.path) : undefined),
  }));
  return [...set.problems, ...found];
}

function pathsOf(set: CompiledSet): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (ids: string[], prefix: string) =>
    ids.forEach((id, i) => {
      const path = `${prefix}${i}`;
      out.set(id, path);
      walk(set.byId.get(id)!.childIds, `${path}/children/`);
    });
  walk(set.sections.map((s) => s.id), 'sections/');
  return out;
}

/** A small deterministic PRNG so lint reports the same example every run. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

function sampleRange(set: CompiledSet, leafId: string, max: number): { value: number; when: string } | null {
  const leaf = set.leaves.find((l) => l.id === leafId)!;
  // The inputs that matter: this leaf's entries plus the indicator inputs it depends on, through derived ones.
  const needed = new Set<string>();
  const byId = new Map(set.indicators.map((i) => [i.id, i]));
  const need = (id: string) => {
    if (needed.has(id)) return;
    needed.add(id);
    byId.get(id)?.expr?.symbols.forEach(need);
  };
  leaf.impl.uses.forEach(need);
  const derived = set.indicators.filter((d) => d.expr && needed.has(d.id));
  const inputs: EntrySpec[] = [...set.entries.filter((e) => e.indicator && needed.has(e.indicator)), ...leaf.entries];
  const hi = (e: EntrySpec) => e.max ?? 1000;
  const candidates: number[][] = [inputs.map((e) => e.min), inputs.map(hi)];
  inputs.forEach((_, i) => {
    candidates.push(inputs.map((e, j) => (i === j ? hi(e) : e.type === 'flag' ? 0 : Math.max(e.min, 1))));
    candidates.push(inputs.map((e, j) => (i === j ? Math.max(e.min, 1) : hi(e))));
  });
  const r = rng(42);
  for (let k = 0; k < 300; k++) candidates.push(inputs.map((e) => (e.type === 'flag' ? (r() < 0.5 ? 1 : 0) : e.min + Math.round(r() * (hi(e) - e.min)))));
  for (const c of candidates) {
    const values = new Map<string, number | boolean | null>();
    const ind = new Map<string, number | null>();
    inputs.forEach((e, i) => {
      const v = e.integer ? Math.round(c[i]) : c[i];
      if (e.indicator) ind.set(e.indicator, v);
      else values.set(e.key, e.type === 'flag' ? v === 1 : v);
    });
    try {
      for (const d of derived) {
        if (!d.expr) continue;
        ind.set(d.id, d.expr.evaluate(new Map([...ind].filter((x): x is [string, number] => x[1] !== null))));
      }
      const v = leaf.impl.score(values, ind);
      if (v !== null && (toMilli(v) > toMilli(max) || toMilli(v) < 0)) {
        const when = inputs.map((e, i) => `${e.indicator ?? e.key}=${c[i]}`).join(', ');
        return { value: Math.round(v * 1000) / 1000, when };
      }
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
    }
  }
  return null;
}
