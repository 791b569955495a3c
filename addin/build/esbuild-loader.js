/**
 * Webpack loader: lowers TypeScript and the dependencies' JavaScript to the syntax of the oldest webview
 * the manifest admits that can run the pane, EdgeHTML (Microsoft Edge Legacy, ES2017), with esbuild.
 * Built-ins newer than ES2017 come from core-js (addin/taskpane/polyfills.ts, loaded by boot.js only
 * where they are missing). Trident (IE11, ES5) is told by boot.js what the user needs.
 */
const { transform } = require('esbuild');

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
    (r) => done(null, r.code, r.map ? JSON.parse(r.map) : undefined),
    (e) => done(e),
  );
};
module.exports.TARGET = TARGET;
