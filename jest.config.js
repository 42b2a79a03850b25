// Jest runs every suite: unit specs beside the code (*.spec.ts) and the workflow, integration and
// end-to-end suites under test/ (*.test.ts). The global setup starts a real PostgreSQL and a real
// Temporal dev server once for the whole run.
const swcConfig = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const moduleNameMapper = {
  '^@duban/temporal/contracts$': '<rootDir>/libs/temporal/src/contracts/index.ts',
  '^@duban/migrations$': '<rootDir>/migrations/index.ts',
  '^@duban/(config|domain|persistence|temporal|local-stack|notifications|evidence|import)$':
    '<rootDir>/libs/$1/src/index.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  moduleNameMapper,
  testMatch: ['<rootDir>/{apps,libs,workflows,scripts}/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
  testTimeout: 120_000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
