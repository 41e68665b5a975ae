/**
 * Objection (keberatan) on the time-skipping server: the first handling ends, the complainant
 * objects, and the API starts a new execution of the complaint workflow for the new round (with the
 * objection in its input). That execution registers the objection, waits for triage again with a
 * new 10-working-day deadline counted from the objection, numbers its rounds of study after the
 * first handling's, and closes like any other case.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import {
  type ComplaintWorkflowInput,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../workflows/complaint/definitions';
import { createTimeSkippingEnv } from '../helpers/time-skipping';
import {
  actors,
  closingUpdate,
  complaintInput,
  completeOpenTasks,
  createWorker,
  FakeActivities,
  nextMondayWib,
  startComplaint,
  workerTaskQueue,
} from './harness';
import { maybeSaveHistory } from './histories';

let env: TestWorkflowEnvironment;
let fake: FakeActivities;
let worker: Worker;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});
beforeEach(async () => {
  fake = new FakeActivities();
  worker = await createWorker(env, fake);
});

/** Starts the new round as the API does: its own workflow ID, the objection in the input. */
async function startObjectionRound(input: ComplaintWorkflowInput) {
  const handle = await env.client.workflow.start(complaintWorkflow, {
    args: [input],
    taskQueue: workerTaskQueue(),
    workflowId: `pengaduan-${input.registerNumber.replace(/\//g, '-')}-keberatan-1`,
  });
  // As startComplaint: wait until it is registered and idle (the time-skipping server mishandles an
  // Update arriving while a workflow task is in flight).
  for (let i = 0; i < 200; i++) {
    const [state, description] = await Promise.all([handle.query(stateQuery), handle.describe()]);
    const busy = description.raw.pendingWorkflowTask || (description.raw.pendingActivities ?? []).length > 0;
    if (state.dueAt !== '' && !busy) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return handle;
}

describe('objection round', () => {
  it('registers the objection, waits for triage again with a new deadline, and studies it in the next round', async () => {
    await worker.runUntil(async () => {
      // The first handling: a RINGAN case answered in round 1.
      const first = complaintInput({ channel: 'WEBSITE' });
      const handle = await startComplaint(env, first);
      await handle.executeUpdate(triageUpdate, { args: [{ actor: actors.pengaduan, category: 'RINGAN' }] });
      await completeOpenTasks(handle);
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Izin Anda sudah terbit.' }],
      });
      const answered = await handle.result();
      expect(answered.status).toBe('RESOLVED');
      fake.changes = [];
      fake.notifications = [];

      // The objection, filed on a Monday: the new deadline is the end of the 10th working day after it.
      const monday = nextMondayWib(await env.currentTimeMs());
      const filedAt = monday.toUTC().toISO()!;
      const round = await startObjectionRound({
        ...first,
        objection: { filedAt, previousStatus: 'RESOLVED', round: 1, lastRound: answered.round },
      });
      let state = await round.query(stateQuery);
      expect(state.status).toBe('RECEIVED');
      expect(state.waitingFor).toBe('TRIAGE');
      expect(state.response).toBeUndefined();
      expect(state.objection).toEqual({ filedAt, previousStatus: 'RESOLVED', round: 1, lastRound: 1 });
      expect(state.receivedAt).toBe(new Date(first.receivedAt).toISOString());
      // Monday + 10 working days, no holidays: the Monday two weeks later, end of day WIB.
      expect(state.dueAt).toBe(new Date(monday.plus({ days: 14 }).endOf('day').toMillis()).toISOString());

      // The timeline says "Keberatan diajukan" (not a second registration); the record is open again.
      expect(fake.eventTypes()).toEqual(['OBJECTED']);
      expect(fake.changes[0].input.details).toMatchObject({ round: 1, previousStatus: 'RESOLVED', filedAt });
      expect(fake.changes[0].input.fields).toMatchObject({
        status: 'RECEIVED',
        response: null,
        closedAt: null,
        dueAt: state.dueAt,
      });
      // Seksi Pengaduan is told to triage it; the complainant gets an acknowledgement.
      expect(fake.notificationsOf('REGISTERED')).toHaveLength(0);
      expect(fake.notificationsOf('OBJECTED')[0].input.recipients).toEqual([
        { recipient: 'SEKSI_PENGADUAN' },
        { recipient: 'COMPLAINANT' },
      ]);
      expect(fake.notificationsOf('OBJECTED')[0].input.data).toMatchObject({
        previousStatus: 'RESOLVED',
        dueAt: state.dueAt,
      });

      // Triage again: the tasks are round 2, so their ids do not collide with the first handling's.
      state = await round.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'RINGAN' }],
      });
      expect(state.round).toBe(2);
      expect(state.tasks.map((t) => t.round)).toEqual([2, 2]);
      expect(state.tasks.every((t) => t.id.includes(':2:'))).toBe(true);
      await completeOpenTasks(round);
      await closingUpdate(round, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Setelah diperiksa ulang, biaya dikembalikan.' }],
      });
      const final = await round.result();
      expect(final.status).toBe('RESOLVED');
      expect(fake.eventTypes()).toEqual([
        'OBJECTED',
        'TRIAGED',
        'TASK_COMPLETED',
        'TASK_COMPLETED',
        'RESPONDED',
      ]);
      await maybeSaveHistory(round, 'objection-round');
    });
  });

  it('an objection to a rejection reopens the case for triage just the same', async () => {
    await worker.runUntil(async () => {
      const input = complaintInput({ channel: 'WEBSITE' });
      const round = await startObjectionRound({
        ...input,
        objection: {
          filedAt: new Date(await env.currentTimeMs()).toISOString(),
          previousStatus: 'REJECTED',
          round: 1,
          lastRound: 0,
        },
      });
      const state = await round.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'RINGAN' }],
      });
      expect(state.status).toBe('IN_PROGRESS');
      expect(state.round).toBe(1);
      expect(fake.notificationsOf('OBJECTED')[0].input.data.previousStatus).toBe('REJECTED');
      await round.terminate('checked');
    });
  });
});
