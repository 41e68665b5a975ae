/**
 * The timings that broke the SOP before actions applied atomically (issue 12), each sent the way
 * real users send them: the second action while the first is still in flight. The model-based test
 * (complaint-model.test.ts) explores such interleavings at random; these pin the known ones down.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import {
  completeTaskUpdate,
  decisionOutcomeUpdate,
  escalationDecisionSignal,
  recategoriseUpdate,
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
  PRABUMULIH_BARAT,
  refusal,
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
  // Every write takes a while, as a database does: the window in which the old workflow broke.
  fake.latencyMs = 30;
  worker = await createWorker(env, fake);
});

type Handle = Awaited<ReturnType<typeof startComplaint>>;

async function decide(handle: Handle, decision: 'APPROVE' | 'REJECT' | 'FURTHER_STUDY', requestId: string) {
  await handle.signal(escalationDecisionSignal, { actor: actors.walikota, decision, requestId });
  return handle.executeUpdate(decisionOutcomeUpdate, { args: [{ requestId }] });
}

describe('actions that race each other', () => {
  it('a response sent while a SEDANG triage is in flight is refused; the tasks stay open', async () => {
    await worker.runUntil(async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        const handle = await startComplaint(env, complaintInput());
        const triage = handle.executeUpdate(triageUpdate, {
          args: [{ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT }],
        });
        // The response follows as soon as the triage shows, while its records are still being written.
        while ((await handle.query(stateQuery)).status === 'RECEIVED')
          await new Promise((r) => setTimeout(r, 2));
        const response = refusal(
          handle.executeUpdate(respondUpdate, { args: [{ actor: actors.pengaduan, response: 'Selesai.' }] }),
        );
        const [triaged, refused] = await Promise.all([triage, response]);
        expect(refused).toEqual({
          type: 'CONFLICT',
          message: 'Tanggapan belum dapat diberikan: penanganan pengaduan belum selesai.',
        });
        expect(triaged.tasks.filter((t) => t.status === 'OPEN')).toHaveLength(8);
        const state = await handle.query(stateQuery);
        expect(state.status).toBe('IN_PROGRESS');
        expect(state.response).toBeUndefined();
        if (attempt === 0) {
          await completeOpenTasks(handle);
          await closingUpdate(handle, respondUpdate, {
            args: [{ actor: actors.pengaduan, response: 'Selesai.' }],
          });
          await maybeSaveHistory(handle, 'race-triage-and-response');
        } else await handle.terminate('test over');
      }
    });
  });

  it('two triages sent while the complaint is still registering: one wins, the other is refused', async () => {
    // Found by the model-based test: both waited for registration, then both applied.
    await worker.runUntil(async () => {
      const input = complaintInput();
      const handle = await env.client.workflow.start(complaintWorkflow, {
        args: [input],
        taskQueue: workerTaskQueue(),
        workflowId: `pengaduan-${input.registerNumber.replace(/\//g, '-')}`,
      });
      const answers = await Promise.all(
        (['RINGAN', 'BERAT'] as const).map((category) =>
          handle
            .executeUpdate(triageUpdate, {
              args: [{ actor: actors.pengaduan, category, location: PRABUMULIH_BARAT }],
            })
            .then(
              (state) => ({ ok: state.category }),
              (err) => ({ refused: (err.cause as { message: string }).message }),
            ),
        ),
      );
      expect(answers).toEqual(
        expect.arrayContaining([expect.objectContaining({ refused: 'Pengaduan ini sudah ditriase.' })]),
      );
      const winner = answers.find((a): a is { ok: 'RINGAN' | 'BERAT' } => 'ok' in a)!.ok;
      const state = await handle.query(stateQuery);
      expect(state.category).toBe(winner);
      expect(state.tasks).toHaveLength(winner === 'RINGAN' ? 2 : 8);
      expect(fake.eventTypes().filter((t) => t === 'TRIAGED')).toHaveLength(1);
      await completeOpenTasks(handle);
      if (winner === 'BERAT') await decide(handle, 'APPROVE', 'setuju');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Selesai.' }],
      });
      await maybeSaveHistory(handle, 'model/found-two-triages-while-registering');
    });
  });

  it('a BERAT case goes to the Kepala Daerah only when its study is complete, in the same step', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      const triaged = await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'BERAT', location: PRABUMULIH_BARAT }],
      });
      expect(triaged.status).toBe('IN_PROGRESS');
      expect(triaged.decisions).toEqual([]);
      expect(fake.eventTypes()).not.toContain('ESCALATED');
      expect(fake.notificationsOf('ESCALATED')).toHaveLength(0);

      const open = triaged.tasks.filter((t) => t.status === 'OPEN');
      for (const task of open.slice(0, -1))
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: 'Dikaji.' }],
        });
      expect((await handle.query(stateQuery)).decisions).toEqual([]);
      const last = open[open.length - 1];
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ actor: actors.unit(last.unit, last.area), taskId: last.id, outcome: 'Dikaji.' }],
      });
      // Answered once the escalation is recorded too.
      expect(fake.notificationsOf('ESCALATED')).toHaveLength(1);
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('AWAITING_DECISION');
      const lastDone = Math.max(...state.tasks.map((t) => Date.parse(t.completedAt!)));
      expect(Date.parse(state.decisions[0].escalatedAt)).toBeGreaterThanOrEqual(lastDone);
      const types = fake.eventTypes();
      expect(types.indexOf('ESCALATED')).toBeGreaterThan(types.lastIndexOf('TASK_COMPLETED'));

      // The decision is answered once applied, so the response that follows is accepted.
      const outcome = await decide(handle, 'APPROVE', 'keputusan-1');
      expect(outcome.applied).toBe(true);
      expect(outcome.state.status).toBe('AWAITING_RESPONSE');
      expect(fake.decisions).toEqual(['escalated:1', 'APPROVE:1']);
      const final = await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Izin dicabut.' }],
      });
      expect(final.status).toBe('RESOLVED');
      await maybeSaveHistory(handle, 'berat-decision-then-response');
    });
  });

  it('a decision sent when none is awaited is set aside and said so', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'BERAT', location: PRABUMULIH_BARAT }],
      });
      const early = await decide(handle, 'APPROVE', 'terlalu-dini');
      expect(early).toMatchObject({
        applied: false,
        message:
          'Pengaduan ini tidak sedang menunggu keputusan Kepala Daerah (status saat ini: IN_PROGRESS).',
      });
      await completeOpenTasks(handle);
      // Two decisions at once: the first applied wins, the other is set aside.
      const both = await Promise.all([decide(handle, 'APPROVE', 'a'), decide(handle, 'REJECT', 'b')]);
      expect(both.map((o) => o.applied).sort()).toEqual([false, true]);
      const state = await handle.query(stateQuery);
      expect(state.decisions).toHaveLength(1);
      expect(state.status).toBe('AWAITING_RESPONSE');
      await handle.terminate('test over');
    });
  });

  it('a recategorisation of a settled RINGAN case to BERAT starts a new round of study for every BERAT unit', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      await handle.executeUpdate(triageUpdate, { args: [{ actor: actors.pengaduan, category: 'RINGAN' }] });
      const ringan = await completeOpenTasks(handle);
      expect(ringan.status).toBe('AWAITING_RESPONSE');

      const state = await handle.executeUpdate(recategoriseUpdate, {
        args: [
          {
            actor: actors.kabid,
            category: 'BERAT',
            reason: 'Dampak lingkungan.',
            location: PRABUMULIH_BARAT,
          },
        ],
      });
      expect(state.status).toBe('IN_PROGRESS');
      expect(state.round).toBe(2);
      const round2 = state.tasks.filter((t) => t.round === 2);
      expect(round2.map((t) => t.unit).sort()).toEqual(
        [
          'BIDANG_PERIZINAN',
          'KABID_PENGADUAN',
          'KECAMATAN',
          'KELURAHAN',
          'KEPALA_DINAS',
          'SEKSI_KEBIJAKAN',
          'SEKSI_PENGADUAN',
          'TIM_TEKNIS',
        ].sort(),
      );
      expect(state.decisions).toEqual([]);
      expect(fake.notificationsOf('ESCALATED')).toHaveLength(0);
      const studied = await completeOpenTasks(handle);
      expect(studied.status).toBe('AWAITING_DECISION');
      expect(studied.decisions.map((d) => d.round)).toEqual([2]);
      await decide(handle, 'REJECT', 'tolak');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Ditolak.' }],
      });
      await maybeSaveHistory(handle, 'recategorised-ringan-settled-to-berat');
    });
  });

  it('a SEDANG case studied by every unit goes straight to the Kepala Daerah when it becomes BERAT', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT }],
      });
      await completeOpenTasks(handle);
      const state = await handle.executeUpdate(recategoriseUpdate, {
        args: [{ actor: actors.kabid, category: 'BERAT', reason: 'Dampaknya meluas.' }],
      });
      expect(state.round).toBe(1);
      expect(state.tasks).toHaveLength(8);
      expect(state.status).toBe('AWAITING_DECISION');
      expect(state.decisions.map((d) => d.round)).toEqual([1]);
      await handle.terminate('test over');
    });
  });
});
