// Three suites, all run by `npm test`:
//   unit        pure domain and service logic, no servers
//   workflow    workflows on Temporal's time-skipping test server (mocked activities)
//   integration the real dev server and a real database (SQLite, and PostgreSQL when available)
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] };

const CLUSTER_E2E = [
  'workflow-paths',
  'action-races',
  'intake',
  'request-examples',
  'openapi',
  'holiday-preview',
];

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  setupFiles: ['reflect-metadata'],
  ...extra,
});

module.exports = {
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  projects: [
    project('unit'),
    project('workflow', { setupFiles: ['reflect-metadata', '<rootDir>/test/helpers/quiet-temporal.ts'] }),
    project('integration', {
      setupFiles: ['reflect-metadata', '<rootDir>/test/helpers/quiet-temporal.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
    }),
    // Debian's chromium (scripts/install-test-tools.sh) driven by playwright-core.
    project('browser', {
      setupFiles: ['reflect-metadata', '<rootDir>/test/helpers/quiet-temporal.ts'],
      testTimeout: 300_000,
    }),
    // The production topology of npm run start:cluster (npm run test:cluster starts it).
    project('cluster', { testTimeout: 600_000 }),
    // Black-box e2e files run again against that topology (E2E_TARGET=cluster): the ones that need
    // no configuration of their own, create no accounts and count nothing beyond the complaints they
    // create (the topology's database outlives a run).
    project('cluster-e2e', {
      setupFiles: [
        'reflect-metadata',
        '<rootDir>/test/helpers/quiet-temporal.ts',
        '<rootDir>/test/helpers/on-cluster.ts',
      ],
      testMatch: CLUSTER_E2E.map((name) => `<rootDir>/test/integration/e2e/${name}.e2e.test.ts`),
      testTimeout: 300_000,
    }),
    // Faults and load (npm run test:reliability; not part of npm test's default projects).
    project('reliability', {
      setupFiles: ['reflect-metadata', '<rootDir>/test/helpers/quiet-temporal.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
      testTimeout: 900_000,
    }),
  ],
};
