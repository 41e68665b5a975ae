/**
 * How the workflow writes its records: one local activity per transition, and, when the database
 * refuses it a few times, the same write as an ordinary activity (retried until the database is back,
 * and visible to operators as a pending activity), without losing or reordering anything.
 */
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { ComplaintActivities } from '../../activities/types';
import { stateQuery, triageUpdate } from '../../workflows/complaint/definitions';
import { createTimeSkippingEnv } from '../helpers/time-skipping';
import {
  actors,
  complaintInput,
  createWorker,
  FakeActivities,
  PRABUMULIH_BARAT,
  startComplaint,
} from './harness';
import { maybeSaveHistory } from './histories';

/** Fails every local attempt of recordTransition once `failing` is set; ordinary attempts succeed. */
class FlakyDatabase extends FakeActivities {
  failing = false;
  localAttempts = 0;
  ordinaryWrites = 0;

  override activities(): ComplaintActivities {
    const base = super.activities();
    return {
      ...base,
      recordTransition: async (input) => {
        if (Context.current().info.isLocal) {
          if (this.failing) {
            this.localAttempts++;
            throw new Error('database is not answering');
          }
        } else this.ordinaryWrites++;
        return base.recordTransition(input);
      },
    };
  }
}

let env: TestWorkflowEnvironment;
let fake: FlakyDatabase;
let worker: Worker;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  fake = new FlakyDatabase();
  worker = await createWorker(env, fake);
});
afterAll(async () => {
  await env?.teardown();
});

it('writes a transition through an ordinary activity once the local one has failed three times', async () => {
  await worker.runUntil(async () => {
    const handle = await startComplaint(env, complaintInput());
    await handle.query(stateQuery);
    fake.failing = true;
    const state = await handle.executeUpdate(triageUpdate, {
      args: [{ actor: actors.pengaduan, category: 'RINGAN', location: PRABUMULIH_BARAT }],
    });
    expect(state.status).toBe('IN_PROGRESS');
    expect(fake.localAttempts).toBe(3);
    expect(fake.ordinaryWrites).toBe(1);
    // The triage's records all arrived, in order, after the registration's.
    expect(fake.eventTypes()).toEqual(['REGISTERED', 'TRIAGED']);
    expect(fake.tasksOpened.at(-1)?.input.tasks.map((t) => t.unit)).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
    const history = await handle.fetchHistory();
    const scheduled = (history.events ?? []).flatMap((e) =>
      e.activityTaskScheduledEventAttributes
        ? [e.activityTaskScheduledEventAttributes.activityType?.name]
        : [],
    );
    expect(scheduled).toEqual(['recordTransition']);
    fake.failing = false;
    await maybeSaveHistory(handle, 'records-fall-back-to-ordinary-activity');
  });
});
