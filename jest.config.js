/** Two projects: the engine/CLI/workbook tests (node), and the browser tests that drive the built task pane. */
const tsJest = ['ts-jest', { diagnostics: false }]; // types are checked once by `npm run typecheck`
// The engine's formulas are parsed by the mathjs subset bundled into one file (what the command line runs;
// built by globalSetup), not by mathjs's CommonJS tree of hundreds of files in every test file.
const moduleNameMapper = { '^\\./mathjs-parser$': '<rootDir>/lib/core/mathjs-parser.js' };
// exceljs as a test oracle: its single-file build (test/helpers/resolver.js); the engine keeps the Node one.
const resolver = '<rootDir>/test/helpers/resolver.js';
module.exports = {
  // The CLI tests spawn the compiled command line: build it first when engine/ changed (and look for
  // LibreOffice once).
  globalSetup: '<rootDir>/test/helpers/global-setup.js',
  // Suites marked `@slow` in their header start first when jest has no timings yet (a fresh clone).
  testSequencer: '<rootDir>/test/helpers/sequencer.js',
  // At least three workers: jest's default (cores - 1) is one on a 2-core machine, i.e. every file in turn
  // in one process. The slow files wait on LibreOffice, Chromium or webpack in other processes, so the other
  // workers run the rest meanwhile: on this 2-core machine three took 264 s where two took 303-314 s.
  maxWorkers: Math.max(3, require('os').cpus().length - 1),
  // Timings are measured in `npm run bench`, never by a test: on a shared machine an in-process CLI run
  // may take well over jest's default 5 s (a spawnSync'd one never hit it, blocking the timer).
  testTimeout: 120_000,
  projects: [
    {
      displayName: 'engine',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
      moduleNameMapper,
      resolver,
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      moduleNameMapper,
      resolver,
    },
  ],
};
