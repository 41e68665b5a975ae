import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TOOLS_BIN = path.join(REPO_ROOT, '.tools', 'bin');
export const TEMPORAL_CLI = path.join(TOOLS_BIN, 'temporal');
export const TEST_SERVER = path.join(TOOLS_BIN, 'temporal-test-server');
export const WORKFLOWS_PATH = require.resolve('../../workflows');
