/**
 * Runs the model-based test (complaint-model.ts) against a Temporal server: the time-skipping test
 * server (test/workflow) or the real dev server (test/integration), whose workflow tasks batch
 * several actions into one activation, a timing the test server rarely produces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import fc from 'fast-check';
import { WORKFLOWS_PATH } from '../../helpers/paths';
import { HISTORIES_DIR } from '../histories';
import { commandArbitraries, type Real, settledMismatches, startCase } from './complaint-model';
import { FakeRecords } from './fake-records';

const RECORDED_CASES = 5;
const quietLogger = new DefaultLogger('WARN');

export interface ModelRun {
  cases: number;
  actions: number;
  inFlight: number;
}

export async function runModel(
  env: TestWorkflowEnvironment,
  opts: {
    runs: number;
    seed?: number;
    /** With the seed, replays one counterexample fast-check printed (its `path`). */
    path?: string;
    /** The counterexample's commands (fast-check's `replayPath`); MODEL_REPLAY_PATH otherwise. */
    replayPath?: string;
    /** Days can pass (TimePasses commands). */
    timeSkipping: boolean;
    /** Replay each case's history at its end (real servers only). */
    replayEachCase: boolean;
    taskQueue: string;
    historyPrefix: string;
  },
): Promise<ModelRun> {
  const fake = new FakeRecords();
  // One bundle for the worker and for replaying each case's history.
  const workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: opts.taskQueue,
    workflowBundle,
    activities: fake.activities(),
    maxCachedWorkflows: 20,
  });
  const run: ModelRun = { cases: 0, actions: 0, inFlight: 0 };
  await worker.runUntil(async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commandArbitraries({ timeSkipping: opts.timeSkipping }), {
          maxCommands: 14,
          ...((opts.replayPath ?? process.env.MODEL_REPLAY_PATH)
            ? { replayPath: opts.replayPath ?? process.env.MODEL_REPLAY_PATH }
            : {}),
        }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        async (commands, seed) => {
          run.cases++;
          let real: Real | undefined;
          try {
            await fc.asyncModelRun(async () => {
              const started = await startCase(env, fake, opts.taskQueue, seed);
              real = started.real;
              return started;
            }, commands);
            for (const c of commands) {
              run.actions++;
              if (String(c).endsWith('(in flight)')) run.inFlight++;
            }
            const r = real!;
            await r.settle();
            const state = await r.observe();
            const mismatches = settledMismatches(r.model, r, state);
            if (mismatches.length > 0) throw new Error(`once settled:\n  ${mismatches.join('\n  ')}`);
            // Whatever the interleaving, the history it left replays on the same code. Only on a
            // real server: the time-skipping test server writes an Update's completion after the
            // other commands of its workflow task, whatever their order, so its histories of
            // interleaved Updates do not replay (checked by swapping the two events back).
            if (opts.replayEachCase)
              await Worker.runReplayHistory(
                { workflowBundle, replayName: 'model-replay' },
                await r.handle.fetchHistory(),
                r.handle.workflowId,
              );
            if (process.env.RECORD_HISTORIES === '1' && run.cases <= RECORDED_CASES)
              await keepHistory(r, `${opts.historyPrefix}generated-${run.cases}`);
          } catch (err) {
            if (real) await keepHistory(real, `${opts.historyPrefix}found-${seed}`);
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
      {
        numRuns: opts.runs,
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
        ...(opts.seed !== undefined && opts.path !== undefined
          ? { path: opts.path, endOnFailure: true }
          : {}),
      },
    );
  });
  return run;
}

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
