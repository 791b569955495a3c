#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the package ships one source of truth and no build step.
require('tsx/cjs');
require('../engine/cli/main.ts');
