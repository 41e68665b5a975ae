/**
 * Stage deadlines inside the 10-working-day deadline, on the time-skipping server: the triage, each
 * unit's task and the Kepala Daerah's decision breach at their own deadline (a Temporal timer each),
 * and the early warnings at 50% and 75% of the working time. Dates are counted by hand from a Monday,
 * with a holiday in between, so the expectations do not reuse the code under test.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DateTime } from 'luxon';
import type { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import {
  calendarChangedSignal,
  completeTaskUpdate,
  escalationDecisionSignal,
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
  PRABUMULIH_BARAT,
  startComplaint,
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

const endOfDay = (d: DateTime) => d.endOf('day').toMillis();
const iso = (ms: number) => new Date(ms).toISOString();

async function skipTo(target: number) {
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}

function expectAround(actual: number | undefined, expected: number) {
  expect(actual).toBeDefined();
  expect(actual!).toBeGreaterThanOrEqual(expected);
  expect(actual! - expected).toBeLessThan(60_000);
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`never happened: ${what}`);
}

type Handle = WorkflowHandle<typeof complaintWorkflow>;
const breachesOf = (stage: string) =>
  fake.changes.filter((c) => c.input.type === 'STAGE_BREACHED' && c.input.details?.stage === stage);

describe('stage deadlines and early warnings', () => {
  it('breaches the triage and a unit task at their own deadlines and warns at 50% and 75%, over a holiday', async () => {
    const monday = nextMondayWib(await env.currentTimeMs());
    // Wednesday of the first week is a holiday. Working days after Monday's receipt: Tue, Thu, Fri,
    // Mon, Tue (5th), Wed, Thu, Fri (8th), Mon, Tue (10th): due Tuesday of the third week.
    fake.nonWorkingDates = [monday.plus({ days: 2 }).toISODate()!];
    // TIM_TEKNIS is given 2 working days; the other units keep the default 5.
    fake.stageDeadlines.units.TIM_TEKNIS = 2;
    const triageDue = endOfDay(monday.plus({ days: 1 })); // Tuesday
    const dueAt = endOfDay(monday.plus({ days: 15 }));
    const fiftyPercent = monday.plus({ days: 9 }).startOf('day').toMillis(); // Wednesday wk2 00:00
    const seventyFive = monday.plus({ days: 11 }).set({ hour: 12 }).toMillis(); // Friday wk2 12:00

    await worker.runUntil(async () => {
      const handle: Handle = await startComplaint(
        env,
        complaintInput({ receivedAt: monday.toUTC().toISO()! }),
      );
      let state = await handle.query(stateQuery);
      expect(state.dueAt).toBe(iso(dueAt));
      expect(state.triageDueAt).toBe(iso(triageDue));
      expect(fake.stageDeadlineLoads).toBe(1);

      // Triage not done by the end of Tuesday: breached (the holiday Wednesday passes too).
      await skipTo(monday.plus({ days: 3 }).set({ hour: 9 }).toMillis()); // Thursday 09:00
      const triageBreach = breachesOf('TRIAGE');
      expect(triageBreach).toHaveLength(1);
      expectAround(triageBreach[0].at, triageDue);
      const breachNotices = () => fake.notificationsOf('STAGE_BREACHED');
      expect(breachNotices()[0].input.recipients).toEqual([
        { recipient: 'SEKSI_PENGADUAN' },
        { recipient: 'KABID_PENGADUAN' },
      ]);
      state = await handle.query(stateQuery);
      expect(state.stageBreaches).toMatchObject([{ stage: 'TRIAGE', dueAt: iso(triageDue) }]);

      // Triage on Thursday: tasks open with their own deadlines.
      state = await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT }],
      });
      const teknis = state.tasks.find((t) => t.unit === 'TIM_TEKNIS')!;
      const kelurahan = state.tasks.find((t) => t.unit === 'KELURAHAN')!;
      // TIM_TEKNIS: Fri, Mon (2nd); the others: Fri, Mon, Tue, Wed, Thu (5th).
      expect(teknis.dueAt).toBe(iso(endOfDay(monday.plus({ days: 7 }))));
      expect(kelurahan.dueAt).toBe(iso(endOfDay(monday.plus({ days: 10 }))));
      expect(fake.tasksOpened.at(-1)?.input.tasks.find((t) => t.unit === 'TIM_TEKNIS')?.dueAt).toBe(
        teknis.dueAt,
      );
      // Everyone but TIM_TEKNIS and KELURAHAN finishes on time.
      for (const task of state.tasks.filter((t) => t.unit !== 'TIM_TEKNIS' && t.unit !== 'KELURAHAN'))
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: 'Selesai' }],
        });

      await skipTo(fiftyPercent - 60_000);
      expect(fake.notificationsOf('EARLY_WARNING')).toHaveLength(0);
      expect(breachesOf('TASK').map((b) => b.input.details?.unit)).toEqual(['TIM_TEKNIS']);
      expectAround(breachesOf('TASK')[0].at, endOfDay(monday.plus({ days: 7 })));
      expect(breachNotices()[1].input.recipients).toEqual([
        { recipient: 'TIM_TEKNIS', area: null },
        { recipient: 'KABID_PENGADUAN' },
      ]);

      await skipTo(seventyFive + 60_000);
      const warnings = fake.notificationsOf('EARLY_WARNING');
      expect(warnings.map((w) => w.input.data.percent)).toEqual([50, 75]);
      expectAround(warnings[0].at, fiftyPercent);
      expectAround(warnings[1].at, seventyFive);
      const stillWorking = [
        { recipient: 'KELURAHAN', area: PRABUMULIH_BARAT.kelurahan },
        { recipient: 'TIM_TEKNIS', area: null },
      ];
      expect(warnings[0].input.recipients).toEqual(stillWorking);
      expect(warnings[1].input.recipients).toEqual([...stillWorking, { recipient: 'KABID_PENGADUAN' }]);
      // KELURAHAN's 5 working days ended Thursday of the second week.
      expect(breachesOf('TASK').map((b) => b.input.details?.unit)).toEqual(['TIM_TEKNIS', 'KELURAHAN']);
      state = await handle.query(stateQuery);
      expect(state.tasks.filter((t) => t.breached).map((t) => t.unit)).toEqual(['KELURAHAN', 'TIM_TEKNIS']);
      expect(state.overdue).toBe(false);

      await completeOpenTasks(handle);
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Ditanggapi.' }],
      });
      const final = await handle.result();
      expect(final.stageBreaches?.map((b) => b.stage)).toEqual(['TRIAGE', 'TASK', 'TASK']);
      // Each warning once; no breach for stages done in time.
      expect(fake.notificationsOf('EARLY_WARNING')).toHaveLength(2);
      expect(breachNotices()).toHaveLength(3);
      await maybeSaveHistory(handle, 'stage-breached');
    });
  });

  it("breaches the Kepala Daerah's decision after its working days, and not the decision given in time", async () => {
    const monday = nextMondayWib(await env.currentTimeMs());
    fake.stageDeadlines.decision = 2;
    await worker.runUntil(async () => {
      const handle: Handle = await startComplaint(
        env,
        complaintInput({ receivedAt: monday.toUTC().toISO()! }),
      );
      // Tasks open and close on Monday (the time-skipping clock starts before it).
      await skipTo(monday.plus({ hours: 1 }).toMillis());
      await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'BERAT', location: PRABUMULIH_BARAT }],
      });
      await completeOpenTasks(handle);
      let state = await handle.query(stateQuery);
      expect(state.status).toBe('AWAITING_DECISION');
      // Escalated Monday: 2 working days end Wednesday.
      const decisionDue = endOfDay(monday.plus({ days: 2 }));
      expect(state.decisions[0].dueAt).toBe(iso(decisionDue));

      await skipTo(decisionDue + 60_000);
      const breach = breachesOf('DECISION');
      expect(breach).toHaveLength(1);
      expectAround(breach[0].at, decisionDue);
      expect(fake.notificationsOf('STAGE_BREACHED').at(-1)?.input.recipients).toEqual([
        { recipient: 'KEPALA_DAERAH' },
        { recipient: 'KABID_PENGADUAN' },
      ]);
      state = await handle.query(stateQuery);
      expect(state.decisions[0].breached).toBe(true);

      // Further study: the new tasks get their own deadlines, the new decision too.
      await handle.signal(escalationDecisionSignal, {
        actor: actors.walikota,
        decision: 'APPROVE',
      });
      await waitFor(async () => (await handle.query(stateQuery)).status === 'AWAITING_RESPONSE', 'decision');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Ditindaklanjuti.' }],
      });
      const final = await handle.result();
      expect(final.stageBreaches?.map((b) => b.stage)).toEqual(['DECISION']);
    });
  });

  it('warns again at 50% of a deadline a holiday correction moved, once per deadline', async () => {
    const monday = nextMondayWib(await env.currentTimeMs());
    await worker.runUntil(async () => {
      const handle: Handle = await startComplaint(
        env,
        complaintInput({ receivedAt: monday.toUTC().toISO()! }),
      );
      await handle.executeUpdate(triageUpdate, { args: [{ actor: actors.pengaduan, category: 'RINGAN' }] });
      // No holidays: 50% at the end of Monday of the second week (Tue..Fri, Mon).
      // Thursday and Friday of the first week become cuti bersama: Tue, Wed, Mon, Tue, Wed (5th).
      fake.nonWorkingDates = [monday.plus({ days: 3 }).toISODate()!, monday.plus({ days: 4 }).toISODate()!];
      await handle.signal(calendarChangedSignal);
      await waitFor(() => fake.eventTypes().includes('DUE_DATE_CHANGED'), 'the deadline moved');
      const corrected50 = monday.plus({ days: 10 }).startOf('day').toMillis(); // Thursday wk2 00:00
      await skipTo(corrected50 + 60_000);
      const warnings = fake.notificationsOf('EARLY_WARNING');
      expect(warnings).toHaveLength(1);
      expectAround(warnings[0].at, corrected50);
      expect(warnings[0].input.data.dueAt).toBe(iso(endOfDay(monday.plus({ days: 16 }))));
      await completeOpenTasks(handle);
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Selesai.' }],
      });
      await handle.result();
    });
  });

  it("moves a pending task's stage deadline with a holiday correction, and breaches it only at the new one", async () => {
    const monday = nextMondayWib(await env.currentTimeMs());
    fake.stageDeadlines.units.TIM_TEKNIS = 2;
    await worker.runUntil(async () => {
      const handle: Handle = await startComplaint(
        env,
        complaintInput({ receivedAt: monday.toUTC().toISO()! }),
      );
      await skipTo(monday.plus({ hours: 1 }).toMillis());
      let state = await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT }],
      });
      // Opened Monday: TIM_TEKNIS's 2 working days end Wednesday.
      const teknis = state.tasks.find((t) => t.unit === 'TIM_TEKNIS')!;
      expect(teknis.dueAt).toBe(iso(endOfDay(monday.plus({ days: 2 }))));
      for (const task of state.tasks.filter((t) => t.unit !== 'TIM_TEKNIS'))
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: 'Selesai' }],
        });

      // Tuesday becomes a holiday (cuti bersama): Wed, Thu: TIM_TEKNIS's deadline moves to Thursday.
      fake.nonWorkingDates = [monday.plus({ days: 1 }).toISODate()!];
      await handle.signal(calendarChangedSignal);
      await waitFor(() => fake.eventTypes().includes('STAGE_DEADLINES_CHANGED'), 'the stage deadline moved');
      const moved = iso(endOfDay(monday.plus({ days: 3 })));
      state = await handle.query(stateQuery);
      expect(state.tasks.find((t) => t.id === teknis.id)?.dueAt).toBe(moved);
      expect(fake.stageDeadlinesMoved.map((m) => m.input.tasks)).toEqual([[{ id: teknis.id, dueAt: moved }]]);
      const change = fake.changes.find((c) => c.input.type === 'STAGE_DEADLINES_CHANGED')!;
      expect(change.input.details).toEqual({
        stages: [{ stage: 'TASK', unit: 'TIM_TEKNIS', area: null, round: 1, from: teknis.dueAt, to: moved }],
      });

      // The old deadline passes without a breach; the new one breaches, once.
      await skipTo(endOfDay(monday.plus({ days: 2 })) + 3_600_000);
      expect(breachesOf('TASK')).toHaveLength(0);
      await skipTo(endOfDay(monday.plus({ days: 3 })) + 60_000);
      const breach = breachesOf('TASK');
      expect(breach).toHaveLength(1);
      expectAround(breach[0].at, endOfDay(monday.plus({ days: 3 })));
      expect(breach[0].input.details).toMatchObject({ unit: 'TIM_TEKNIS', dueAt: moved });

      await completeOpenTasks(handle);
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Ditanggapi.' }],
      });
      const final = await handle.result();
      expect(final.stageBreaches?.map((b) => b.stage)).toEqual(['TASK']);
      await maybeSaveHistory(handle, 'stage-deadlines-moved');
    });
  });
});
