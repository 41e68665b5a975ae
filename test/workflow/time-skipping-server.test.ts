import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { sleeper } from '../fixtures/probe.workflows';
import { createTimeSkippingEnv } from '../helpers/time-skipping';

describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow that sleeps 10 days without waiting 10 days', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'probe',
      workflowsPath: require.resolve('../fixtures/probe.workflows'),
    });
    const wallStart = Date.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(sleeper, { args: [10], workflowId: 'sleeper-10-days', taskQueue: 'probe' }),
    );
    const tenDays = 10 * 24 * 60 * 60 * 1000;
    expect(env.supportsTimeSkipping).toBe(true);
    expect(result.wokeAt - result.startedAt).toBeGreaterThanOrEqual(tenDays);
    // The real clock moved by far less than the workflow clock did.
    expect(Date.now() - wallStart).toBeLessThan(tenDays / 1000);
  });
});
