/**
 * Model-based concurrency test of the complaint workflow (see model/complaint-model.ts for the
 * commands, the model and the invariants). MODEL_RUNS sets how many cases (default 1000) and
 * MODEL_SEED replays a reported seed: a failure prints the seed, the path and the shrunk sequence of
 * actions, and keeps the failing case's history as test/histories/model/found-<seed>.json: once the
 * workflow is fixed, rename it after what it found and commit it, and the replay test keeps it
 * replaying. With RECORD_HISTORIES=1 the first cases' histories are saved there as well.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import fc from 'fast-check';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { createTimeSkippingEnv } from '../helpers/time-skipping';
import { HISTORIES_DIR } from './histories';
import { commandArbitraries, type Real, settledMismatches, startCase } from './model/complaint-model';
import { FakeRecords } from './model/fake-records';

const RUNS = Number(process.env.MODEL_RUNS ?? 1000);
const SEED = process.env.MODEL_SEED !== undefined ? Number(process.env.MODEL_SEED) : undefined;
const TASK_QUEUE = 'complaint-model';
const RECORDED_CASES = 5;

describe('complaint workflow under any timing of actions (model-based)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  const fake = new FakeRecords();

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH,
      activities: fake.activities(),
      maxCachedWorkflows: 20,
    });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it(
    `keeps the SOP's invariants in ${RUNS} generated cases`,
    async () => {
      let cases = 0;
      let actions = 0;
      let inFlight = 0;
      await worker.runUntil(async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.commands(commandArbitraries(), { maxCommands: 14 }),
            fc.integer({ min: 1, max: 2 ** 31 - 1 }),
            async (commands, seed) => {
              cases++;
              let real: Real | undefined;
              try {
                await fc.asyncModelRun(async () => {
                  const started = await startCase(env, fake, TASK_QUEUE, seed);
                  real = started.real;
                  return started;
                }, commands);
                for (const c of commands) {
                  actions++;
                  if (String(c).endsWith('(in flight)')) inFlight++;
                }
                const r = real!;
                await r.settle();
                const state = await r.observe();
                const mismatches = settledMismatches(r.model, r, state);
                if (mismatches.length > 0) throw new Error(`once settled:\n  ${mismatches.join('\n  ')}`);
                if (process.env.RECORD_HISTORIES === '1' && cases <= RECORDED_CASES)
                  await keepHistory(r, `generated-${cases}`);
              } catch (err) {
                if (real) await keepHistory(real, `found-${seed}`);
                throw err;
              } finally {
                if (real) {
                  await real.settle().catch(() => undefined);
                  await real.handle.terminate('model test case over').catch(() => undefined);
                  fake.forget(real.complaintId);
                }
              }
            },
          ),
          { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: false },
        );
      });
      console.log(
        `model-based: ${cases} cases, ${actions} actions, ${inFlight} sent while others were in flight`,
      );
      expect(cases).toBeGreaterThanOrEqual(RUNS);
    },
    30 * 60_000,
  );
});

/** A case's history, kept as a replay fixture (test/histories/model). */
async function keepHistory(real: Real, name: string): Promise<void> {
  try {
    const history = await real.handle.fetchHistory();
    const dir = path.join(HISTORIES_DIR, 'model');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.json`), historyToJSON(history));
  } catch {
    // The history is a help for later, not part of the verdict.
  }
}
