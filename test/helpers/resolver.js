/**
 * Jest resolver: test code that reads or builds workbooks with exceljs as an oracle gets exceljs's
 * single-file build (dist/exceljs.min.js, the same 4.4 sources bundled), which loads in about a seventh
 * of the time of its CommonJS tree of a few hundred files (116 ms against 787 ms of CPU in a jest
 * worker, measured with `--cpu-prof`), once per test file. The engine's own imports (engine/, lib/) keep the
 * Node build the command line ships. The single-file build has no file or stream I/O: tests read bytes
 * with fs and hand them to `xlsx.load`, and write `xlsx.writeBuffer()` with fs.
 */
const path = require('path');

const TEST = path.join(__dirname, '..') + path.sep;
const SINGLE = require.resolve('exceljs/dist/exceljs.min.js');

module.exports = (request, options) =>
  request === 'exceljs' && (options.basedir + path.sep).startsWith(TEST) ? SINGLE : options.defaultResolver(request, options);
