/** Two projects: the engine/CLI/workbook tests (node), and the browser tests that drive the built task pane. */
const tsJest = ['ts-jest', { diagnostics: false }]; // types are checked once by `npm run typecheck`
module.exports = {
  // The CLI tests spawn the compiled command line: build it first when engine/ changed.
  globalSetup: '<rootDir>/test/helpers/build-cli.js',
  projects: [
    {
      displayName: 'engine',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
