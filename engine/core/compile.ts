/**
 * Kernel step 1: compile a criteria set into a flat, indexed, runnable form. Structure and formulas are
 * checked here; consistency rules (sums, numbering, policy) live in lint.ts.
 */
import { hashCriteriaSet } from './hash';
import { DEFAULT_KIND, getKind, kindNames } from './kinds';
import type { EntrySpec, KindCompiled } from './kinds/types';
import type { CriteriaSet, IndicatorDef, NodeDef, SectionDef, SectionRole } from './model';
import { fromMilli, toMilli } from './points';
import { Location, Problem, problem } from './problems';
import { CompiledExpr, FormulaError, FUNCTION_NAMES, sandbox as defaultSandbox, Sandbox } from './sandbox';

export const DEFAULT_STEP = 0.25;

export interface CompiledNode {
  id: string;
  number: string;
  /** Numbering from the section down as people cite it: II / 2 / 2.1 gives "II.2.1", I / 1 / a gives "I.1.a". */
  fullNumber: string;
  text: string;
  depth: number;
  parentId?: string;
  sectionId: string;
  role: SectionRole;
  isLeaf: boolean;
  /** Điểm chuẩn; null for a deduction node without a declared max. */
  max: number | null;
  step: number;
  evidence: boolean;
  childIds: string[];
  def: NodeDef;
  /** Bonus sections: the most they add; deduction sections: the most they take off. */
  cap?: number;
}

export interface CompiledLeaf extends CompiledNode {
  kind: string;
  impl: KindCompiled;
  entries: EntrySpec[];
  /** Awards a non-zero score of this criterion bars (deductions). */
  disqualifies: string[];
  /** True when the points are computed from entries (formula, checklist, tiers) rather than typed. */
  computed: boolean;
}

export interface CompiledIndicator {
  id: string;
  text: string;
  unit?: string;
  expr?: CompiledExpr;
  def: IndicatorDef;
}

export interface CompiledSet {
  def: CriteriaSet;
  id: string;
  hash: string;
  /** Every node in table order (pre-order). */
  nodes: CompiledNode[];
  byId: Map<string, CompiledNode>;
  sections: CompiledNode[];
  leaves: CompiledLeaf[];
  /** Indicators in dependency order (inputs first where possible). */
  indicators: CompiledIndicator[];
  /** Every entry of one column: indicator inputs first, then the leaves' entries in table order. */
  entries: EntrySpec[];
  entryByKey: Map<string, EntrySpec>;
  maxBase: number;
  maxBonus: number;
  problems: Problem[];
}

export interface CompileOptions {
  sandbox?: Sandbox;
  /** Where the set came from, for problem locations. */
  file?: string;
  /** Maps a JSON path like "sections/1/children/0" to a source line (YAML/JSON loaders provide it). */
  lineOf?: (path: string) => number | undefined;
}

export function compileSet(def: CriteriaSet, opts: CompileOptions = {}): CompiledSet {
  const sb = opts.sandbox ?? defaultSandbox();
  const problems: Problem[] = [];
  const at = (path: string, extra: Location = {}): Location => ({
    file: opts.file,
    line: opts.lineOf?.(path),
    path,
    ...extra,
  });
  const setStep = def.step ?? DEFAULT_STEP;

  // Indicators first: criteria formulas refer to them.
  const indicators = compileIndicators(def.indicators ?? [], sb, problems, at);
  const indicatorMap = new Map(indicators.map((i) => [i.id, i]));

  const nodes: CompiledNode[] = [];
  const byId = new Map<string, CompiledNode>();
  const leaves: CompiledLeaf[] = [];
  const sections: CompiledNode[] = [];

  const visit = (
    n: NodeDef,
    path: string,
    depth: number,
    parent: CompiledNode | undefined,
    role: SectionRole,
    inherited: { step: number; evidence: boolean },
  ): CompiledNode => {
    const id = String(n.id ?? '');
    if (byId.has(id)) problems.push(problem('duplicate_id', { id }, at(path, { criterion: id })));
    const isLeaf = !Array.isArray(n.children) || n.children.length === 0;
    const step = typeof n.step === 'number' && n.step > 0 ? n.step : inherited.step;
    const evidence = typeof n.evidence === 'boolean' ? n.evidence : inherited.evidence;
    const number = n.number !== undefined ? String(n.number) : id;
    const node: CompiledNode = {
      id,
      number,
      fullNumber: citedNumber(parent?.fullNumber, number),
      text: String(n.text ?? ''),
      depth,
      parentId: parent?.id,
      sectionId: parent ? parent.sectionId : id,
      role,
      isLeaf,
      max: typeof n.max === 'number' ? n.max : null,
      step,
      evidence,
      childIds: [],
      def: n,
    };
    if (depth === 0 && role !== 'base' && typeof (n as SectionDef).cap === 'number') node.cap = (n as SectionDef).cap;
    nodes.push(node);
    byId.set(id, node);
    parent?.childIds.push(id);

    if (isLeaf) {
      // A bonus or deduction section may be one row taking its entry itself ("Điểm thưởng | 3 | 2").
      if (depth === 0 && role === 'base') problems.push(problem('empty_section', { id }, at(path, { criterion: id })));
      const kindName = typeof n.kind === 'string' ? n.kind : DEFAULT_KIND[role];
      const kind = getKind(kindName);
      const loc = at(path, { criterion: id });
      let impl: KindCompiled = { entries: [], uses: [], score: () => null };
      if (!kind) {
        problems.push(problem('unknown_kind', { kind: kindName, known: kindNames().join(', ') }, loc));
      } else if (!kind.roles.includes(role)) {
        problems.push(problem('kind_not_allowed', { kind: kindName, role }, loc));
      } else {
        if (node.max === null && role !== 'deduction') problems.push(problem('missing_max', { id }, loc));
        impl = kind.compile(n, {
          id,
          role,
          max: node.max ?? 0,
          step,
          sandbox: sb,
          indicators: indicatorMap,
          report: (p) => problems.push({ ...loc, ...p }),
          problem: (code, params = {}) => problem(code, params, loc),
        });
      }
      const leaf: CompiledLeaf = {
        ...node,
        kind: kindName,
        impl,
        entries: impl.entries,
        disqualifies: Array.isArray(n.disqualifies) ? (n.disqualifies as unknown[]).map(String) : [],
        computed: typeof impl.excel === 'function',
      };
      nodes[nodes.length - 1] = leaf;
      byId.set(id, leaf);
      leaves.push(leaf);
      return leaf;
    }

    n.children!.forEach((c, i) => visit(c, `${path}/children/${i}`, depth + 1, node, role, { step, evidence }));
    if (node.max === null && role !== 'deduction') {
      // A group without its own max is worth what its children are worth.
      const kids = node.childIds.map((cid) => byId.get(cid)!);
      if (kids.every((k) => k.max !== null)) node.max = fromMilli(kids.reduce((s, k) => s + toMilli(k.max!), 0));
    }
    return node;
  };

  def.sections.forEach((s, i) => {
    const role: SectionRole = s.role ?? 'base';
    sections.push(visit(s, `sections/${i}`, 0, undefined, role, { step: setStep, evidence: def.evidence ?? false }));
  });

  const entries: EntrySpec[] = [];
  for (const ind of indicators) {
    if (ind.expr) continue;
    entries.push({
      key: `@${ind.id}`,
      indicator: ind.id,
      label: ind.text,
      type: 'number',
      min: ind.def.min ?? 0,
      max: ind.def.max,
      integer: ind.def.integer,
      blankIsZero: false,
    });
  }
  for (const l of leaves) entries.push(...l.entries);
  const entryByKey = new Map<string, EntrySpec>();
  for (const e of entries) {
    if (entryByKey.has(e.key)) problems.push(problem('duplicate_id', { id: e.key }, { file: opts.file, criterion: e.criterion }));
    entryByKey.set(e.key, e);
  }

  const maxBase = fromMilli(sections.filter((s) => s.role === 'base').reduce((t, s) => t + toMilli(s.max ?? 0), 0));
  const maxBonus = fromMilli(
    sections.filter((s) => s.role === 'bonus').reduce((t, s) => t + toMilli(s.cap ?? s.max ?? 0), 0),
  );

  return {
    def,
    id: def.id,
    hash: hashCriteriaSet(def),
    nodes,
    byId,
    sections,
    leaves,
    indicators,
    entries,
    entryByKey,
    maxBase,
    maxBonus,
    problems,
  };
}

function compileIndicators(
  defs: IndicatorDef[],
  sb: Sandbox,
  problems: Problem[],
  at: (path: string, extra?: Location) => Location,
): CompiledIndicator[] {
  const out = new Map<string, CompiledIndicator>();
  defs.forEach((d, i) => {
    const path = `indicators/${i}`;
    if (out.has(d.id)) problems.push(problem('duplicate_id', { id: d.id }, at(path)));
    if (FUNCTION_NAMES.includes(d.id))
      problems.push(problem('formula_forbidden', { detail: `"${d.id}" là tên hàm / is a function name` }, at(path)));
    const ind: CompiledIndicator = { id: d.id, text: d.text, unit: d.unit, def: d };
    if (typeof d.expr === 'string') {
      try {
        ind.expr = sb.compile(d.expr);
      } catch (e) {
        const err = e as FormulaError;
        problems.push(problem('formula_forbidden', { detail: `${err.reason ?? err.message} / ${err.reasonEn ?? ''}` }, at(path)));
      }
    }
    out.set(d.id, ind);
  });
  defs.forEach((d, i) => {
    for (const s of out.get(d.id)?.expr?.symbols ?? [])
      if (!out.has(s)) problems.push(problem('formula_unknown_name', { name: s }, at(`indicators/${i}`)));
  });

  // Dependency order with cycle detection (derived indicators may use derived ones).
  const order: CompiledIndicator[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const walk = (id: string) => {
    const ind = out.get(id);
    if (!ind || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        problems.push(problem('formula_cycle', { cycle: cycle.join(' → ') }, at(`indicators/${defs.findIndex((x) => x.id === id)}`)));
      }
      return;
    }
    state.set(id, 'visiting');
    stack.push(id);
    for (const s of ind.expr?.symbols ?? []) walk(s);
    stack.pop();
    state.set(id, 'done');
    order.push(ind);
  };
  for (const d of defs) walk(d.id);
  return order;
}

/** Printed numbers like "2.1" already carry their parent's number ("2"): cite the deeper one alone. */
function citedNumber(parent: string | undefined, number: string): string {
  if (parent === undefined) return number;
  const cut = parent.lastIndexOf('.');
  const last = parent.slice(cut + 1);
  if (number.startsWith(`${last}.`)) return `${cut >= 0 ? parent.slice(0, cut + 1) : ''}${number}`;
  return `${parent}.${number}`;
}
