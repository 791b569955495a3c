#!/usr/bin/env node
// The command line runs the JavaScript compiled from engine/ into lib/ (`npm run build:cli`, which
// `npm ci` runs through `prepare`); the package ships lib/, never TypeScript compiled at run time.
'use strict';
let cli;
try {
  // lib/'s modules compiled from the build's code cache where it matches them (lib/cli/code-cache.js).
  require('../lib/cli/code-cache.js').installCodeCache();
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/](main|code-cache)/.test(String(e.message))) {
    process.stderr.write(
      'thidua: chưa biên dịch dòng lệnh, hãy chạy "npm run build:cli" / the command line is not built: run "npm run build:cli"\n',
    );
    process.exit(2);
  }
  throw e;
}
// A reader that stops early (`thidua rank ... --json | head`) closes the pipe: the command stops there,
// quietly, with the status of a writer stopped by SIGPIPE (141), which Node itself ignores. Every file is
// written in one synchronous step, so stopping between two writes leaves no part of one behind.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(141);
    throw e;
  });
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
