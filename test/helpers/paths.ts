import path from 'node:path';

// Also right when compiled into dist/ (the benchmarks under bench/ run from there).
export const REPO_ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []),
);
export const TOOLS_BIN = path.join(REPO_ROOT, '.tools', 'bin');
export const TEMPORAL_CLI = path.join(TOOLS_BIN, 'temporal');
export const TEST_SERVER = path.join(TOOLS_BIN, 'temporal-test-server');
export const WORKFLOWS_PATH = require.resolve('../../workflows');
