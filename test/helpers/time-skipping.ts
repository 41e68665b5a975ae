import fs from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { TEST_SERVER } from './paths';

/**
 * Temporal's time-skipping test server (Java, installed by scripts/install-temporal.sh), started
 * through the SDK as an existing executable.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!fs.existsSync(TEST_SERVER)) {
    throw new Error(`${TEST_SERVER} is missing: run scripts/install-temporal.sh (npm test does)`);
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEST_SERVER } },
  });
}
