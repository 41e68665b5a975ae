/**
 * Model-based concurrency test of the complaint workflow on the time-skipping test server, where days
 * can pass (reminders, overdue, holiday corrections against the clock). See model/complaint-model.ts
 * for the commands, the model and the invariants; the larger run (700 cases) with bursts and a replay of every
 * history is on the real dev server (test/integration/complaint-model.dev-server.test.ts), whose
 * histories are faithful. MODEL_RUNS sets how many cases here (default 300) and MODEL_SEED replays
 * a reported seed: a failure prints the seed, the path and the shrunk sequence of actions, and keeps the failing case's history as
 * test/histories/model/found-<seed>.json: once the workflow is fixed, rename it after what it found
 * and commit it, and the replay test keeps it replaying. With RECORD_HISTORIES=1 the first cases'
 * histories are saved there as well.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createTimeSkippingEnv } from '../helpers/time-skipping';
import { runModel } from './model/run-model';

const RUNS = Number(process.env.MODEL_RUNS ?? 300);
const SEED = process.env.MODEL_SEED !== undefined ? Number(process.env.MODEL_SEED) : undefined;

describe('complaint workflow under any timing of actions (model-based, time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it(
    `keeps the SOP's invariants in ${RUNS} generated cases`,
    async () => {
      const run = await runModel(env, {
        runs: RUNS,
        seed: SEED,
        path: process.env.MODEL_PATH,
        timeSkipping: true,
        replayEachCase: false,
        taskQueue: 'complaint-model',
        historyPrefix: '',
      });
      console.log(
        `model-based (time-skipping): ${run.cases} cases, ${run.actions} actions, ${run.inFlight} sent while others were in flight`,
      );
      expect(run.cases).toBeGreaterThanOrEqual(RUNS);
    },
    30 * 60_000,
  );
});
