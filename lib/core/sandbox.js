"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FUNCTION_NAMES = exports.FormulaError = exports.LIMITS = void 0;
exports.sandbox = sandbox;
exports.createSandbox = createSandbox;
// The single-file build loads ~10x faster than the package's CommonJS tree (one file, not hundreds), which
// matters for a command line started once per run. It is the same mathjs, and gives the same parser.
// It is loaded on the first formula, not when the engine is imported: `thidua --help` never pays for it.
let mathjs;
// Keep the parser privately, then disable the dangerous functions on the instance itself (mathjs
// security guidance) so that nothing else in the process can use them either.
let privateParse;
let locked = false;
function lockDown() {
    if (!mathjs) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        mathjs = require('mathjs/lib/browser/math.js');
        privateParse = mathjs.parse;
    }
    if (!locked) {
        const disabled = (name) => () => {
            throw new FormulaError(`hàm ${name} bị vô hiệu hóa`, `function ${name} is disabled`);
        };
        mathjs.import(Object.fromEntries(['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver', 'compile'].map((n) => [n, disabled(n)])), { override: true });
        locked = true;
    }
    return mathjs;
}
exports.LIMITS = {
    maxLength: 1000,
    maxNodes: 300,
    maxDepth: 40,
    maxExponent: 10,
    maxConstant: 1e9,
};
class FormulaError extends Error {
    reason;
    reasonEn;
    constructor(reason, reasonEn) {
        super(reasonEn);
        this.reason = reason;
        this.reasonEn = reasonEn;
    }
}
exports.FormulaError = FormulaError;
const FUNCTIONS = {
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
            if (x < 0)
                throw new FormulaError('căn bậc hai của số âm', 'square root of a negative number');
            return Math.sqrt(x);
        },
        excel: (a) => `SQRT(${a[0]})`,
    },
};
const BINARY = {
    add: { run: (a, b) => a + b, excel: (a, b) => `(${a}+${b})` },
    subtract: { run: (a, b) => a - b, excel: (a, b) => `(${a}-${b})` },
    multiply: { run: (a, b) => a * b, excel: (a, b) => `(${a}*${b})` },
    divide: {
        run: (a, b) => {
            if (b === 0)
                throw new FormulaError('chia cho 0', 'division by zero');
            return a / b;
        },
        excel: (a, b) => `(${a}/${b})`,
    },
    pow: { run: (a, b) => a ** b, excel: (a, b) => `POWER(${a},${b})` },
    mod: {
        run: (a, b) => {
            if (b === 0)
                throw new FormulaError('chia cho 0', 'division by zero');
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
const UNARY = {
    unaryMinus: { run: (a) => -a, excel: (a) => `(-${a})` },
    unaryPlus: { run: (a) => a, excel: (a) => a },
    not: { run: (a) => +!a, excel: (a) => `NOT(${a})` },
};
/** Names a formula may call; also reserved, so no indicator may take them. */
exports.FUNCTION_NAMES = Object.keys(FUNCTIONS);
let shared;
/** The process-wide sandbox (the mathjs instance is built once). */
function sandbox() {
    return (shared ??= createSandbox());
}
function createSandbox() {
    const math = lockDown();
    const parse = privateParse;
    function refuse(vi, en) {
        throw new FormulaError(vi, en);
    }
    function check(node, depth, count) {
        if (++count.n > exports.LIMITS.maxNodes)
            refuse(`quá nhiều phần tử (> ${exports.LIMITS.maxNodes})`, `too many terms (> ${exports.LIMITS.maxNodes})`);
        if (depth > exports.LIMITS.maxDepth)
            refuse(`lồng nhau quá sâu (> ${exports.LIMITS.maxDepth})`, `nested too deeply (> ${exports.LIMITS.maxDepth})`);
        const n = node;
        switch (node.type) {
            case 'ConstantNode': {
                const v = n.value;
                if (typeof v !== 'number')
                    refuse('chỉ được dùng hằng số là số (không dùng chuỗi)', 'only numeric constants are allowed (no strings)');
                if (!Number.isFinite(v) || Math.abs(v) > exports.LIMITS.maxConstant)
                    refuse(`hằng số quá lớn: ${v}`, `constant too large: ${v}`);
                return { t: 'num', v };
            }
            case 'SymbolNode': {
                const name = n.name;
                if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                    refuse(`tên không hợp lệ "${name}"`, `invalid name "${name}"`);
                if (exports.FUNCTION_NAMES.includes(name))
                    refuse(`"${name}" là tên hàm, không phải chỉ số`, `"${name}" is a function, not an indicator`);
                return { t: 'sym', name };
            }
            case 'ParenthesisNode':
                return check(n.content, depth + 1, count);
            case 'ConditionalNode':
                return {
                    t: 'if',
                    c: check(n.condition, depth + 1, count),
                    y: check(n.trueExpr, depth + 1, count),
                    n: check(n.falseExpr, depth + 1, count),
                };
            case 'OperatorNode': {
                const fn = n.fn;
                const args = n.args;
                if (args.length === 2 && BINARY[fn]) {
                    const a = check(args[0], depth + 1, count);
                    const b = check(args[1], depth + 1, count);
                    if (fn === 'pow' && !(b.t === 'num' || (b.t === 'un' && b.a.t === 'num')))
                        refuse('số mũ phải là hằng số', 'the exponent must be a constant');
                    if (fn === 'pow') {
                        const e = b.t === 'num' ? b.v : b.t === 'un' && b.a.t === 'num' ? -b.a.v : 0;
                        if (Math.abs(e) > exports.LIMITS.maxExponent)
                            refuse(`số mũ quá lớn: ${e}`, `exponent too large: ${e}`);
                    }
                    return { t: 'bin', op: fn, a, b };
                }
                if (args.length === 1 && UNARY[fn])
                    return { t: 'un', op: fn, a: check(args[0], depth + 1, count) };
                return refuse(`phép toán "${n.op}" không được phép`, `operator "${n.op}" is not allowed`);
            }
            case 'FunctionNode': {
                const callee = n.fn;
                const name = callee.type === 'SymbolNode' ? callee.name : '';
                const def = FUNCTIONS[name];
                if (!def)
                    refuse(`hàm "${name || '?'}" không được phép (chỉ: ${exports.FUNCTION_NAMES.join(', ')})`, `function "${name || '?'}" is not allowed (only: ${exports.FUNCTION_NAMES.join(', ')})`);
                const args = n.args;
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
    function run(t, scope) {
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
    function excel(t, ref) {
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
    function symbolsOf(t, out) {
        if (t.t === 'sym')
            out.add(t.name);
        else if (t.t === 'fn')
            t.args.forEach((a) => symbolsOf(a, out));
        else if (t.t === 'bin')
            (symbolsOf(t.a, out), symbolsOf(t.b, out));
        else if (t.t === 'un')
            symbolsOf(t.a, out);
        else if (t.t === 'if')
            (symbolsOf(t.c, out), symbolsOf(t.y, out), symbolsOf(t.n, out));
        return out;
    }
    return {
        math: math,
        compile(source) {
            if (typeof source !== 'string' || !source.trim())
                refuse('công thức trống', 'empty formula');
            if (source.length > exports.LIMITS.maxLength)
                refuse(`công thức quá dài (> ${exports.LIMITS.maxLength} ký tự)`, `formula too long (> ${exports.LIMITS.maxLength} characters)`);
            // Strings and property/quote syntax never reach the parser.
            if (/["'`\\]/.test(source))
                refuse('không được dùng chuỗi ký tự', 'strings are not allowed');
            let node;
            try {
                node = parse(source);
            }
            catch (e) {
                if (e instanceof FormulaError)
                    throw e;
                const msg = e instanceof RangeError ? 'too deeply nested' : e.message;
                throw new FormulaError(`lỗi cú pháp: ${msg}`, `syntax error: ${msg}`);
            }
            const tree = check(node, 0, { n: 0 });
            const symbols = [...symbolsOf(tree, new Set())];
            return {
                source,
                symbols,
                evaluate(scope) {
                    const v = run(tree, scope);
                    if (!Number.isFinite(v))
                        throw new FormulaError('kết quả không hữu hạn', 'result is not finite');
                    return v;
                },
                toExcel: (ref) => excel(tree, ref),
            };
        },
    };
}
