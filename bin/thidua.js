#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the package ships one source of truth and no build step.
require('tsx/cjs');
const { main } = require('../engine/cli/main.ts');
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
