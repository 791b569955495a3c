/**
 * Webpack loader: lowers TypeScript and the dependencies' JavaScript to the syntax of the oldest webview
 * the manifest admits that can run the pane, EdgeHTML (Microsoft Edge Legacy, ES2017), with esbuild.
 * Built-ins newer than ES2017 come from core-js (addin/taskpane/polyfills.ts, loaded by boot.js only
 * where they are missing). Trident (IE11, ES5) is told by boot.js what the user needs.
 */
const { transform } = require('esbuild');
const { parse } = require('acorn');
const rewritePattern = require('regexpu-core');

/** What Microsoft's task-pane template targets for Office webviews, minus IE11: EdgeHTML 18 is ES2017 (see docs/addin.md). */
const TARGET = ['es2017'];

module.exports = function esbuildLoader(source) {
  const done = this.async();
  const ts = /\.ts$/.test(this.resourcePath);
  transform(source, {
    loader: ts ? 'ts' : 'js',
    target: TARGET,
    sourcefile: this.resourcePath,
    sourcemap: this.sourceMap ? 'external' : false,
    // Keep the code's own names (error messages, class names read by tests).
    keepNames: false,
  }).then(
    (r) => done(null, lowerRegExps(r.code, this.resourcePath), r.map ? JSON.parse(r.map) : undefined),
    (e) => done(e),
  );
};

/**
 * esbuild turns an ES2018 regex literal into `new RegExp("...", "s")` when the target is ES2017: it
 * parses, and EdgeHTML throws a SyntaxError when the line runs. Constant patterns with the s (dotAll)
 * flag, Unicode property escapes (\p{...}) or named groups are rewritten to ES2017 ones with
 * regexpu-core (Babel's own regex transpiler). Lookbehind has no ES2017 form: left alone, and
 * test/browser/bundle.test.ts fails on any outside a try block (the yaml package guards its own).
 */
function lowerRegExps(code, file) {
  if (!/RegExp\(/.test(code)) return code;
  let ast;
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  } catch {
    return code; // not parseable here: the bundle test parses the output anyway
  }
  const edits = [];
  const str = (n) => (n && n.type === 'Literal' && typeof n.value === 'string' ? n.value : n && n.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : null);
  const isRegExp = (c) => (c && c.type === 'Identifier' && c.name === 'RegExp') || (c && c.type === 'MemberExpression' && !c.computed && c.property && c.property.name === 'RegExp');
  const visit = (n) => {
    if (!n || typeof n.type !== 'string') return;
    if ((n.type === 'NewExpression' || n.type === 'CallExpression') && isRegExp(n.callee) && n.arguments.length) {
      const pattern = str(n.arguments[0]);
      const flags = n.arguments[1] ? str(n.arguments[1]) : '';
      if (pattern !== null && flags !== null && (/s/.test(flags) || /\\[pP]\{|\(\?<[A-Za-z_$]|\\k</.test(pattern)) && !/\(\?<[=!]/.test(pattern)) {
        try {
          const out = rewritePattern(pattern, flags, { dotAllFlag: 'transform', unicodePropertyEscapes: 'transform', namedGroups: 'transform' });
          edits.push({ start: n.arguments[0].start, end: (n.arguments[1] || n.arguments[0]).end, text: `${JSON.stringify(out)}, ${JSON.stringify(flags.replace('s', ''))}` });
        } catch (e) {
          throw new Error(`${file}: cannot lower the regular expression /${pattern}/${flags} to ES2017: ${e.message}`);
        }
      }
    }
    for (const k of Object.keys(n)) {
      const v = n[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(ast);
  for (const e of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
  return code;
}

module.exports.TARGET = TARGET;
module.exports.lowerRegExps = lowerRegExps;
