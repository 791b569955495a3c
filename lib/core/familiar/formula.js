"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SheetFormulas = void 0;
const grid_1 = require("../grid");
const text_1 = require("./text");
class Unsupported extends Error {
}
const FUNCS = {
    SUM: (a) => a.flat().reduce((s, x) => s + x, 0),
    MIN: (a) => (a.flat().length ? Math.min(...a.flat()) : 0),
    MAX: (a) => (a.flat().length ? Math.max(...a.flat()) : 0),
    ABS: (a) => Math.abs(single(a[0])),
    ROUND: (a) => {
        const d = a[1] ? single(a[1]) : 0;
        const f = 10 ** d;
        return Math.round(single(a[0]) * f) / f;
    },
};
function single(a) {
    if (!a || a.length !== 1)
        throw new Unsupported('argument');
    return a[0];
}
/** Evaluate formulas of one sheet, with the cells' cached results used where present. */
class SheetFormulas {
    grid;
    cache = new Map();
    visiting = new Set();
    constructor(grid) {
        this.grid = grid;
    }
    /**
     * The number a cell shows: a plain number, the cached result of its formula, or the formula computed
     * here when no result was cached. null for text, errors and what cannot be computed.
     */
    valueAt(row, col, opts = {}) {
        const key = `${row},${col}`;
        const cell = (0, text_1.masterCell)(this.grid, row, col);
        if (!cell || cell.error)
            return null;
        if (!cell.formula)
            return typeof cell.value === 'number' ? cell.value : null;
        if ((opts.trustCache ?? true) && typeof cell.value === 'number')
            return cell.value;
        if (this.cache.has(key))
            return this.cache.get(key);
        if (this.visiting.has(key) || this.visiting.size > 200)
            return null;
        this.visiting.add(key);
        let out;
        try {
            out = this.evaluate(cell.formula);
        }
        catch {
            out = null;
        }
        this.visiting.delete(key);
        this.cache.set(key, out);
        return out;
    }
    /** Evaluate a formula (without "="); null if unsupported or an error. */
    evaluate(formula) {
        try {
            const p = new Parser(formula.replace(/^=/, ''), this);
            const v = p.parseExpr();
            p.end();
            const n = this.toNumber(v);
            return Number.isFinite(n) ? Math.round(n * 1e9) / 1e9 : null;
        }
        catch {
            return null;
        }
    }
    /** Cells in arithmetic: numbers; blanks 0; numeric text converted as Excel does; other text an error. */
    toNumber(v) {
        if (v.kind === 'num')
            return v.n;
        if (v.cells.length !== 1)
            throw new Unsupported('range in arithmetic');
        const { row, col } = v.cells[0];
        const cell = (0, text_1.masterCell)(this.grid, row, col);
        if (!cell || cell.value === null || cell.value === undefined || cell.value === '') {
            if (cell?.formula) {
                const n = this.valueAt(row, col);
                if (n === null)
                    throw new Unsupported('formula');
                return n;
            }
            if (cell?.error)
                throw new Unsupported('error');
            return 0;
        }
        if (cell.formula) {
            const n = this.valueAt(row, col);
            if (n === null)
                throw new Unsupported('formula');
            return n;
        }
        if (typeof cell.value === 'number')
            return cell.value;
        if (typeof cell.value === 'boolean')
            return cell.value ? 1 : 0;
        const s = String(cell.value).trim();
        if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s))
            return Number(s);
        throw new Unsupported('#VALUE!');
    }
    /** Function arguments: ranges and references contribute their numbers only (text is skipped, as SUM does). */
    toList(v) {
        if (v.kind === 'num')
            return [v.n];
        const out = [];
        for (const { row, col } of v.cells) {
            const cell = (0, text_1.masterCell)(this.grid, row, col);
            if (!cell)
                continue;
            if (cell.error)
                throw new Unsupported('error');
            if (cell.formula) {
                const n = this.valueAt(row, col);
                if (n === null)
                    throw new Unsupported('formula');
                out.push(n);
            }
            else if (typeof cell.value === 'number')
                out.push(cell.value);
        }
        return out;
    }
}
exports.SheetFormulas = SheetFormulas;
class Parser {
    ev;
    i = 0;
    s;
    constructor(src, ev) {
        this.ev = ev;
        this.s = src.replace(/\s+/g, '');
    }
    end() {
        if (this.i !== this.s.length)
            throw new Unsupported('trailing');
    }
    parseExpr() {
        let v = this.parseTerm();
        while (this.s[this.i] === '+' || this.s[this.i] === '-') {
            const op = this.s[this.i++];
            const r = this.parseTerm();
            const a = this.ev.toNumber(v);
            const b = this.ev.toNumber(r);
            v = { kind: 'num', n: op === '+' ? a + b : a - b };
        }
        return v;
    }
    parseTerm() {
        let v = this.parseUnary();
        while (this.s[this.i] === '*' || this.s[this.i] === '/') {
            const op = this.s[this.i++];
            const r = this.parseUnary();
            const a = this.ev.toNumber(v);
            const b = this.ev.toNumber(r);
            if (op === '/' && b === 0)
                throw new Unsupported('#DIV/0!');
            v = { kind: 'num', n: op === '*' ? a * b : a / b };
        }
        return v;
    }
    parseUnary() {
        if (this.s[this.i] === '-') {
            this.i++;
            return { kind: 'num', n: -this.ev.toNumber(this.parseUnary()) };
        }
        if (this.s[this.i] === '+') {
            this.i++;
            return this.parseUnary();
        }
        return this.parsePrimary();
    }
    parsePrimary() {
        const rest = this.s.slice(this.i);
        if (rest[0] === '(') {
            this.i++;
            const v = this.parseExpr();
            if (this.s[this.i++] !== ')')
                throw new Unsupported('paren');
            return v;
        }
        const num = /^(\d+(\.\d*)?|\.\d+)/.exec(rest);
        if (num) {
            this.i += num[0].length;
            return { kind: 'num', n: Number(num[0]) };
        }
        const fn = /^([A-Za-z][A-Za-z0-9.]*)\(/.exec(rest);
        if (fn) {
            const name = fn[1].toUpperCase().replace(/^_XLFN\./, '');
            const impl = FUNCS[name];
            if (!impl)
                throw new Unsupported(name);
            this.i += fn[0].length;
            const args = [];
            if (this.s[this.i] !== ')') {
                for (;;) {
                    args.push(this.ev.toList(this.parseExpr()));
                    if (this.s[this.i] === ',' || this.s[this.i] === ';') {
                        this.i++;
                        continue;
                    }
                    break;
                }
            }
            if (this.s[this.i++] !== ')')
                throw new Unsupported('paren');
            return { kind: 'num', n: impl(args) };
        }
        const ref = /^(\$?[A-Za-z]{1,3}\$?\d{1,7})(?::(\$?[A-Za-z]{1,3}\$?\d{1,7}))?(?![A-Za-z0-9!(])/.exec(rest);
        if (ref) {
            this.i += ref[0].length;
            const a = (0, grid_1.parseAddress)(ref[1]);
            const b = ref[2] ? (0, grid_1.parseAddress)(ref[2]) : a;
            if (!a || !b)
                throw new Unsupported('ref');
            const cells = [];
            const [r1, r2] = [Math.min(a.row, b.row), Math.max(a.row, b.row)];
            const [c1, c2] = [Math.min(a.col, b.col), Math.max(a.col, b.col)];
            if ((r2 - r1 + 1) * (c2 - c1 + 1) > 100000)
                throw new Unsupported('range too large');
            for (let r = r1; r <= r2; r++)
                for (let c = c1; c <= c2; c++)
                    cells.push({ row: r, col: c });
            return { kind: 'ref', cells };
        }
        throw new Unsupported(rest.slice(0, 10));
    }
}
