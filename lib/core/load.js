"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCriteriaText = parseCriteriaText;
exports.loadCriteriaDef = loadCriteriaDef;
exports.loadCriteriaText = loadCriteriaText;
const compile_1 = require("./compile");
const hash_1 = require("./hash");
const lint_1 = require("./lint");
const problems_1 = require("./problems");
const schema_1 = require("./schema");
let validator;
function validate() {
    if (validator)
        return validator;
    // Loaded on first use (a command line that only prints its help never pays for ajv).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv/dist/2020').default;
    return (validator = new Ajv({ allErrors: true, strict: false }).compile((0, schema_1.criteriaSetSchema)()));
}
/** Parse YAML/JSON text into a definition plus a path -> line lookup. */
function parseCriteriaText(text, file) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { isMap, isSeq, LineCounter, parseDocument } = require('yaml');
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
    const problems = doc.errors.map((e) => (0, problems_1.problem)('syntax_error', { detail: e.message.split('\n')[0] }, { file, line: e.linePos?.[0]?.line }));
    const lineOf = (path) => {
        let node = doc.contents;
        let last = node;
        for (const part of path.split('/').filter(Boolean)) {
            if (isMap(node))
                node = node.get(part, true);
            else if (isSeq(node))
                node = node.get(Number(part), true);
            else
                break;
            if (node && node.range)
                last = node;
        }
        return last?.range ? lc.linePos(last.range[0]).line : undefined;
    };
    if (problems.length)
        return { def: null, lineOf, problems };
    try {
        return { def: doc.toJS({ maxAliasCount: 100 }), lineOf, problems };
    }
    catch (e) {
        // The YAML library refuses alias bombs ("billion laughs") by throwing while expanding them.
        return { def: null, lineOf, problems: [(0, problems_1.problem)('syntax_error', { detail: e.message }, { file })] };
    }
}
/**
 * Compiled sets by hash: ranking 1,000 workbooks that embed the same set compiles it once. Only used
 * when no source lines are involved (problems then differ by file only, which is set on the way out).
 */
const CACHE_SIZE = 8;
const cache = new Map();
/** Schema-check, compile and lint a definition (already parsed). */
function loadCriteriaDef(def, opts = {}) {
    if (opts.cache === false || opts.lineOf || !def || typeof def !== 'object')
        return loadUncached(def, opts);
    const key = (0, hash_1.hashCriteriaSet)(def);
    let hit = cache.get(key);
    if (!hit) {
        hit = loadUncached(def, {});
        cache.set(key, hit);
        if (cache.size > CACHE_SIZE)
            cache.delete(cache.keys().next().value);
    }
    return { ...hit, problems: hit.problems.map((p) => (opts.file ? { ...p, file: p.file ?? opts.file } : p)) };
}
function loadUncached(def, opts) {
    const v = validate();
    if (!v(def)) {
        const problems = (v.errors ?? []).map((e) => {
            const path = e.instancePath.replace(/^\//, '');
            const detail = e.keyword === 'additionalProperties' ? `unknown property "${e.params.additionalProperty}"` : e.message ?? e.keyword;
            return (0, problems_1.problem)('schema_error', { path: path || '/', detail }, { file: opts.file, path, line: opts.lineOf?.(path) });
        });
        return { set: null, def: null, problems: dedupe(problems) };
    }
    const set = (0, compile_1.compileSet)(def, opts);
    const problems = (0, lint_1.lint)(set, opts);
    return { set: (0, problems_1.hasErrors)(problems) ? null : set, def: def, problems };
}
function loadCriteriaText(text, file) {
    const parsed = parseCriteriaText(text, file);
    if (parsed.problems.length)
        return { set: null, def: null, problems: parsed.problems };
    return loadCriteriaDef(parsed.def, { file, lineOf: parsed.lineOf });
}
function dedupe(ps) {
    const seen = new Set();
    return ps.filter((p) => {
        const k = `${p.path}|${p.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
