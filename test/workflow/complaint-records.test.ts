/**
 * How the workflow writes its records: one local activity per transition, and, when the database
 * refuses it a few times, the same write as an ordinary activity (retried until the database is back,
 * and visible to operators as a pending activity), without losing or reordering anything.
 *
 * And a record found ahead of its workflow: when the server dropped a workflow task after its local
 * activities had run, the database holds records the history never took, and the next write finds
 * the record beyond its position (activities/record-transition.ts answers `recordsAhead`). The
 * workflow then sends its state, and the write goes again with the record set back to it.
 */
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { ComplaintActivities, RecordTransitionInput } from '../../activities/types';
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

/**
 * Fails every local attempt of recordTransition once `failing` is set (ordinary attempts succeed);
 * answers `recordsAhead` to the next write once `ahead` is set. Keeps every input.
 */
class FlakyDatabase extends FakeActivities {
  failing = false;
  localAttempts = 0;
  ordinaryWrites = 0;
  ahead = false;
  inputs: RecordTransitionInput[] = [];

  override activities(): ComplaintActivities {
    const base = super.activities();
    return {
      ...base,
      recordTransition: async (input) => {
        this.inputs.push(input);
        if (this.ahead && !input.repair) {
          this.ahead = false;
          return { recordsAhead: true };
        }
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
});
beforeEach(async () => {
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

it('sends its state when its record is ahead of it, and the transition is written with the record set back', async () => {
  await worker.runUntil(async () => {
    const handle = await startComplaint(env, complaintInput());
    await handle.query(stateQuery);
    const registration = fake.inputs.at(-1);
    expect(registration?.seq).toEqual({ workflowId: handle.workflowId, from: 0, to: expect.any(Number) });
    fake.ahead = true;
    const state = await handle.executeUpdate(triageUpdate, {
      args: [{ actor: actors.pengaduan, category: 'RINGAN', location: PRABUMULIH_BARAT }],
    });
    expect(state.status).toBe('IN_PROGRESS');
    const [refused, repaired, ...rest] = fake.inputs.slice(fake.inputs.indexOf(registration!) + 1);
    expect(rest).toEqual([]);
    // The triage's write, from where the registration's ended; refused, then sent again with the
    // state after the triage.
    expect(refused.seq?.from).toBe(registration?.seq?.to);
    expect(refused.seq!.to).toBeGreaterThan(refused.seq!.from);
    expect(refused.repair).toBeUndefined();
    expect(repaired).toMatchObject({ seq: refused.seq, writes: refused.writes });
    expect(repaired.repair).toMatchObject({
      fields: { status: 'IN_PROGRESS', category: 'RINGAN' },
      sinceRound: 0,
      decisions: [],
    });
    expect(repaired.repair?.tasks.map((t) => [t.unit, t.status])).toEqual([
      ['LOKET', 'OPEN'],
      ['SEKSI_PENGADUAN', 'OPEN'],
    ]);
    // Written once, in order.
    expect(fake.eventTypes()).toEqual(['REGISTERED', 'TRIAGED']);
    await maybeSaveHistory(handle, 'records-set-back');
  });
});
