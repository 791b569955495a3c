#!/usr/bin/env node
// The command line runs the JavaScript compiled from engine/ into lib/ (`npm run build:cli`, which
// `npm ci` runs through `prepare`); the package ships lib/, never TypeScript compiled at run time.
'use strict';
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('lib/cli/main')) {
    process.stderr.write(
      'thidua: chưa biên dịch dòng lệnh, hãy chạy "npm run build:cli" / the command line is not built: run "npm run build:cli"\n',
    );
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
