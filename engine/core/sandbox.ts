/**
 * The formula sandbox. Criteria formulas are authored by cluster leads and travel inside workbooks, so
 * they are untrusted: mathjs parses them in a locked-down instance (import, createUnit, evaluate, parse,
 * simplify, derivative... disabled, per the mathjs security guidance), the syntax tree is checked against
 * a whitelist, and a small evaluator runs only whitelisted nodes. The same tree is translated to an Excel
 * formula so the workbook and the engine compute the same thing (division by zero is an error in both).
 */
import type { MathJsInstance, MathNode } from 'mathjs';
// Only mathjs's parser is used (the evaluator below is our own), so the instance holds only what parsing
// needs (./mathjs-parser: built with mathjs's factory system, bundled into one small file for the
// command line). It is built on the first formula, not when the engine is imported: `thidua --help`
// never pays for it.
let mathjs: MathJsInstance | undefined;
// Keep the parser privately, then disable the dangerous functions on the instance itself (mathjs
// security guidance) so that nothing else in the process can use them either.
let privateParse: MathJsInstance['parse'];
let locked = false;
function lockDown(): MathJsInstance {
  if (!mathjs) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mathjs = (require('./mathjs-parser') as typeof import('./mathjs-parser')).createMathParser();
    privateParse = mathjs.parse;
  }
  if (!locked) {
    const disabled = (name: string) => () => {
      throw new FormulaError(`hàm ${name} bị vô hiệu hóa`, `function ${name} is disabled`);
    };
    mathjs.import(
      Object.fromEntries(
        ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver', 'compile'].map((n) => [n, disabled(n)]),
      ),
      { override: true },
    );
    locked = true;
  }
  return mathjs;
}

export const LIMITS = {
  maxLength: 1000,
  maxNodes: 300,
  maxDepth: 40,
  maxExponent: 10,
  maxConstant: 1e9,
} as const;

export class FormulaError extends Error {
  constructor(
    public readonly reason: string,
    public readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

type Num = number;
interface FnDef {
  arity: [number, number];
  run: (...a: Num[]) => Num;
  excel: (args: string[]) => string;
}

const FUNCTIONS: Record<string, FnDef> = {
  min: { arity: [1, 50], run: (...a) => Math.min(...a), excel: (a) => `MIN(${a.join(',')})` },
  max: { arity: [1, 50], run: (...a) => Math.max(...a), excel: (a) => `MAX(${a.join(',')})` },
  abs: { arity: [1, 1], run: (x) => Math.abs(x), excel: (a) => `ABS(${a[0]})` },
  // Half away from zero, like Excel's ROUND.
  round: {
    arity: [1, 2],
    run: (x, n = 0) => {
      const f = 10 ** n;
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    },
    excel: (a) => `ROUND(${a[0]},${a[1] ?? 0})`,
  },
  floor: { arity: [1, 1], run: (x) => Math.floor(x + 1e-9), excel: (a) => `INT(${a[0]}+1E-9)` },
  ceil: { arity: [1, 1], run: (x) => Math.ceil(x - 1e-9), excel: (a) => `-INT(-(${a[0]})+1E-9)` },
  sqrt: {
    arity: [1, 1],
    run: (x) => {
      if (x < 0) throw new FormulaError('căn bậc hai của số âm', 'square root of a negative number');
      return Math.sqrt(x);
    },
    excel: (a) => `SQRT(${a[0]})`,
  },
};

const BINARY: Record<string, { run: (a: Num, b: Num) => Num; excel: (a: string, b: string) => string }> = {
  add: { run: (a, b) => a + b, excel: (a, b) => `(${a}+${b})` },
  subtract: { run: (a, b) => a - b, excel: (a, b) => `(${a}-${b})` },
  multiply: { run: (a, b) => a * b, excel: (a, b) => `(${a}*${b})` },
  divide: {
    run: (a, b) => {
      if (b === 0) throw new FormulaError('chia cho 0', 'division by zero');
      return a / b;
    },
    excel: (a, b) => `(${a}/${b})`,
  },
  pow: { run: (a, b) => a ** b, excel: (a, b) => `POWER(${a},${b})` },
  mod: {
    run: (a, b) => {
      if (b === 0) throw new FormulaError('chia cho 0', 'division by zero');
      return a - b * Math.floor(a / b);
    },
    excel: (a, b) => `MOD(${a},${b})`,
  },
  larger: { run: (a, b) => +(a > b), excel: (a, b) => `(${a}>${b})` },
  largerEq: { run: (a, b) => +(a >= b), excel: (a, b) => `(${a}>=${b})` },
  smaller: { run: (a, b) => +(a < b), excel: (a, b) => `(${a}<${b})` },
  smallerEq: { run: (a, b) => +(a <= b), excel: (a, b) => `(${a}<=${b})` },
  equal: { run: (a, b) => +(a === b), excel: (a, b) => `(${a}=${b})` },
  unequal: { run: (a, b) => +(a !== b), excel: (a, b) => `(${a}<>${b})` },
  and: { run: (a, b) => +(!!a && !!b), excel: (a, b) => `AND(${a},${b})` },
  or: { run: (a, b) => +(!!a || !!b), excel: (a, b) => `OR(${a},${b})` },
};

const UNARY: Record<string, { run: (a: Num) => Num; excel: (a: string) => string }> = {
  unaryMinus: { run: (a) => -a, excel: (a) => `(-${a})` },
  unaryPlus: { run: (a) => a, excel: (a) => a },
  not: { run: (a) => +!a, excel: (a) => `NOT(${a})` },
};

/** Names a formula may call; also reserved, so no indicator may take them. */
export const FUNCTION_NAMES = Object.keys(FUNCTIONS);

/** A checked, runnable formula. */
export interface CompiledExpr {
  source: string;
  /** Free names (indicators) it reads. */
  symbols: string[];
  evaluate(scope: ReadonlyMap<string, number>): number;
  toExcel(ref: (name: string) => string): string;
}

type Tree =
  | { t: 'num'; v: number }
  | { t: 'sym'; name: string }
  | { t: 'fn'; name: string; args: Tree[] }
  | { t: 'bin'; op: string; a: Tree; b: Tree }
  | { t: 'un'; op: string; a: Tree }
  | { t: 'if'; c: Tree; y: Tree; n: Tree };

export interface Sandbox {
  compile(source: string): CompiledExpr;
  /** The locked-down mathjs instance (exposed so tests can prove its dangerous functions are disabled). */
  readonly math: { [name: string]: unknown };
}

let shared: Sandbox | undefined;

/** The process-wide sandbox (the mathjs instance is built once). */
export function sandbox(): Sandbox {
  return (shared ??= createSandbox());
}

export function createSandbox(): Sandbox {
  const math = lockDown();
  const parse = privateParse;

  function refuse(vi: string, en: string): never {
    throw new FormulaError(vi, en);
  }

  function check(node: MathNode, depth: number, count: { n: number }): Tree {
    if (++count.n > LIMITS.maxNodes) refuse(`quá nhiều phần tử (> ${LIMITS.maxNodes})`, `too many terms (> ${LIMITS.maxNodes})`);
    if (depth > LIMITS.maxDepth) refuse(`lồng nhau quá sâu (> ${LIMITS.maxDepth})`, `nested too deeply (> ${LIMITS.maxDepth})`);
    const n = node as MathNode & Record<string, unknown>;
    switch (node.type) {
      case 'ConstantNode': {
        const v = n.value;
        if (typeof v !== 'number') refuse('chỉ được dùng hằng số là số (không dùng chuỗi)', 'only numeric constants are allowed (no strings)');
        if (!Number.isFinite(v) || Math.abs(v) > LIMITS.maxConstant) refuse(`hằng số quá lớn: ${v}`, `constant too large: ${v}`);
        return { t: 'num', v };
      }
      case 'SymbolNode': {
        const name = n.name as string;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) refuse(`tên không hợp lệ "${name}"`, `invalid name "${name}"`);
        if (FUNCTION_NAMES.includes(name)) refuse(`"${name}" là tên hàm, không phải chỉ số`, `"${name}" is a function, not an indicator`);
        return { t: 'sym', name };
      }
      case 'ParenthesisNode':
        return check(n.content as MathNode, depth + 1, count);
      case 'ConditionalNode':
        return {
          t: 'if',
          c: check(n.condition as MathNode, depth + 1, count),
          y: check(n.trueExpr as MathNode, depth + 1, count),
          n: check(n.falseExpr as MathNode, depth + 1, count),
        };
      case 'OperatorNode': {
        const fn = n.fn as string;
        const args = n.args as MathNode[];
        if (args.length === 2 && BINARY[fn]) {
          const a = check(args[0], depth + 1, count);
          const b = check(args[1], depth + 1, count);
          if (fn === 'pow' && !(b.t === 'num' || (b.t === 'un' && b.a.t === 'num')))
            refuse('số mũ phải là hằng số', 'the exponent must be a constant');
          if (fn === 'pow') {
            const e = b.t === 'num' ? b.v : b.t === 'un' && b.a.t === 'num' ? -b.a.v : 0;
            if (Math.abs(e) > LIMITS.maxExponent) refuse(`số mũ quá lớn: ${e}`, `exponent too large: ${e}`);
          }
          return { t: 'bin', op: fn, a, b };
        }
        if (args.length === 1 && UNARY[fn]) return { t: 'un', op: fn, a: check(args[0], depth + 1, count) };
        return refuse(`phép toán "${n.op as string}" không được phép`, `operator "${n.op as string}" is not allowed`);
      }
      case 'FunctionNode': {
        const callee = n.fn as MathNode & { name?: string };
        const name = callee.type === 'SymbolNode' ? (callee.name as string) : '';
        const def = FUNCTIONS[name];
        if (!def) refuse(`hàm "${name || '?'}" không được phép (chỉ: ${FUNCTION_NAMES.join(', ')})`, `function "${name || '?'}" is not allowed (only: ${FUNCTION_NAMES.join(', ')})`);
        const args = n.args as MathNode[];
        if (args.length < def.arity[0] || args.length > def.arity[1])
          refuse(`hàm ${name} nhận sai số đối số`, `function ${name} has the wrong number of arguments`);
        return { t: 'fn', name, args: args.map((a) => check(a, depth + 1, count)) };
      }
      case 'AccessorNode':
      case 'IndexNode':
        return refuse('không được truy cập thuộc tính hay chỉ mục', 'property or index access is not allowed');
      case 'AssignmentNode':
        return refuse('không được gán giá trị', 'assignments are not allowed');
      case 'FunctionAssignmentNode':
        return refuse('không được định nghĩa hàm', 'function definitions are not allowed');
      case 'ArrayNode':
      case 'RangeNode':
        return refuse('không được dùng ma trận hay dãy', 'matrices and ranges are not allowed');
      case 'ObjectNode':
        return refuse('không được dùng đối tượng', 'objects are not allowed');
      case 'BlockNode':
        return refuse('chỉ được một biểu thức', 'only a single expression is allowed');
      default:
        return refuse(`cú pháp "${node.type}" không được phép`, `syntax "${node.type}" is not allowed`);
    }
  }

  function run(t: Tree, scope: ReadonlyMap<string, number>): number {
    switch (t.t) {
      case 'num':
        return t.v;
      case 'sym': {
        const v = scope.get(t.name);
        if (v === undefined || v === null || !Number.isFinite(v))
          throw new FormulaError(`thiếu giá trị "${t.name}"`, `no value for "${t.name}"`);
        return v;
      }
      case 'fn':
        return FUNCTIONS[t.name].run(...t.args.map((a) => run(a, scope)));
      case 'bin':
        return BINARY[t.op].run(run(t.a, scope), run(t.b, scope));
      case 'un':
        return UNARY[t.op].run(run(t.a, scope));
      case 'if':
        return run(t.c, scope) ? run(t.y, scope) : run(t.n, scope);
    }
  }

  function excel(t: Tree, ref: (name: string) => string): string {
    switch (t.t) {
      case 'num':
        return String(t.v);
      case 'sym':
        return ref(t.name);
      case 'fn':
        return FUNCTIONS[t.name].excel(t.args.map((a) => excel(a, ref)));
      case 'bin':
        return BINARY[t.op].excel(excel(t.a, ref), excel(t.b, ref));
      case 'un':
        return UNARY[t.op].excel(excel(t.a, ref));
      case 'if':
        return `IF(${excel(t.c, ref)},${excel(t.y, ref)},${excel(t.n, ref)})`;
    }
  }

  function symbolsOf(t: Tree, out: Set<string>): Set<string> {
    if (t.t === 'sym') out.add(t.name);
    else if (t.t === 'fn') t.args.forEach((a) => symbolsOf(a, out));
    else if (t.t === 'bin') (symbolsOf(t.a, out), symbolsOf(t.b, out));
    else if (t.t === 'un') symbolsOf(t.a, out);
    else if (t.t === 'if') (symbolsOf(t.c, out), symbolsOf(t.y, out), symbolsOf(t.n, out));
    return out;
  }

  return {
    math: math as unknown as Sandbox['math'],
    compile(source: string): CompiledExpr {
      if (typeof source !== 'string' || !source.trim()) refuse('công thức trống', 'empty formula');
      if (source.length > LIMITS.maxLength)
        refuse(`công thức quá dài (> ${LIMITS.maxLength} ký tự)`, `formula too long (> ${LIMITS.maxLength} characters)`);
      // Strings and property/quote syntax never reach the parser.
      if (/["'`\\]/.test(source)) refuse('không được dùng chuỗi ký tự', 'strings are not allowed');
      let node: MathNode;
      try {
        node = parse(source);
      } catch (e) {
        if (e instanceof FormulaError) throw e;
        const msg = e instanceof RangeError ? 'too deeply nested' : (e as Error).message;
        throw new FormulaError(`lỗi cú pháp: ${msg}`, `syntax error: ${msg}`);
      }
      const tree = check(node, 0, { n: 0 });
      const symbols = [...symbolsOf(tree, new Set())];
      return {
        source,
        symbols,
        evaluate(scope) {
          const v = run(tree, scope);
          if (!Number.isFinite(v)) throw new FormulaError('kết quả không hữu hạn', 'result is not finite');
          return v;
        },
        toExcel: (ref) => excel(tree, ref),
      };
    },
  };
}
