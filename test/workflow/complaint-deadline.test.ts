/**
 * The durable 10-working-day deadline on the time-skipping server: reminders 3 and 1 working days
 * before it, the overdue flag, and an admin's holiday correction reaching a running case.
 * Dates are counted by hand from a Monday so the expectations do not reuse the code under test.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DateTime } from 'luxon';
import {
  calendarChangedSignal,
  completeTaskUpdate,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../workflows/complaint/definitions';
import { createTimeSkippingEnv } from '../helpers/time-skipping';
import {
  actors,
  closingUpdate,
  complaintInput,
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
const at0800 = (d: DateTime) => d.set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toMillis();

/** Skips the test server's clock forward to `target` (ms since epoch). */
async function skipTo(target: number) {
  const now = await env.currentTimeMs();
  if (target > now) await env.sleep(target - now);
}

function expectAround(actual: number | undefined, expected: number) {
  expect(actual).toBeDefined();
  // A timer fires at its moment; the activity it triggers is scheduled within moments of it.
  expect(actual!).toBeGreaterThanOrEqual(expected);
  expect(actual! - expected).toBeLessThan(60_000);
}

describe('complaint deadline', () => {
  it("warns about next year's missing holiday list only when the deadline's working days reach it", async () => {
    const warning = 'Belum ada daftar resmi SKB 3 Menteri untuk tahun 2027.';
    fake.yearWarnings = { '2027': warning };
    await worker.runUntil(async () => {
      // Received Tuesday 1 December 2026: due Tuesday 15 December, wholly in 2026.
      const december = await startComplaint(env, complaintInput({ receivedAt: '2026-12-01T02:00:00.000Z' }));
      const inDecember = await december.query(stateQuery);
      expect(inDecember.dueAt).toBe('2026-12-15T16:59:59.999Z');
      expect(inDecember.calendarWarning).toBeUndefined();
      // Received Monday 21 December 2026: due Monday 4 January 2027.
      const january = await startComplaint(env, complaintInput({ receivedAt: '2026-12-21T02:00:00.000Z' }));
      const intoJanuary = await january.query(stateQuery);
      expect(intoJanuary.dueAt).toBe('2027-01-04T16:59:59.999Z');
      expect(intoJanuary.calendarWarning).toBe(warning);
      // Their deadline timers must not hold up the time skipping of the tests that follow.
      await december.terminate('checked');
      await january.terminate('checked');
    });
    fake.yearWarnings = undefined;
  });

  it('reminds the units still working 3 and 1 working days ahead and flags the case overdue, over a holiday', async () => {
    const monday = nextMondayWib(await env.currentTimeMs());
    // Wednesday of the first week is a holiday: working days are Tue, Thu, Fri, Mon..Fri, Mon, Tue.
    fake.nonWorkingDates = [monday.plus({ days: 2 }).toISODate()!];
    const dueDay = monday.plus({ days: 15 }); // Tuesday of the third week
    const reminder3 = at0800(monday.plus({ days: 10 })); // Thursday of the second week
    const reminder1 = at0800(monday.plus({ days: 14 })); // Monday of the third week

    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput({ receivedAt: monday.toUTC().toISO()! }));
      let state = await handle.query(stateQuery);
      expect(state.dueAt).toBe(new Date(endOfDay(dueDay)).toISOString());

      state = await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT }],
      });
      // Everyone but TIM_TEKNIS and KELURAHAN finishes early.
      for (const task of state.tasks.filter((t) => t.unit !== 'TIM_TEKNIS' && t.unit !== 'KELURAHAN')) {
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: 'Selesai' }],
        });
      }

      await skipTo(reminder3 - 60_000);
      expect(fake.notificationsOf('REMINDER')).toHaveLength(0);
      await skipTo(endOfDay(dueDay) + 60_000);

      const reminders = fake.notificationsOf('REMINDER');
      expect(reminders.map((r) => r.input.data.workingDaysLeft)).toEqual([3, 1]);
      expectAround(reminders[0].at, reminder3);
      expectAround(reminders[1].at, reminder1);
      expect(reminders[0].input.recipients).toEqual([
        { recipient: 'KELURAHAN', area: PRABUMULIH_BARAT.kelurahan },
        { recipient: 'TIM_TEKNIS', area: null },
      ]);

      const overdue = fake.notificationsOf('OVERDUE');
      expect(overdue).toHaveLength(1);
      expectAround(overdue[0].at, endOfDay(dueDay));
      expect(overdue[0].input.recipients).toEqual([
        { recipient: 'KABID_PENGADUAN' },
        { recipient: 'KEPALA_DINAS' },
      ]);
      state = await handle.query(stateQuery);
      expect(state.overdue).toBe(true);
      expect(state.status).toBe('IN_PROGRESS'); // overdue is a flag, the case stays open

      for (const task of state.tasks.filter((t) => t.status === 'OPEN')) {
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: 'Selesai terlambat' }],
        });
      }
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Ditanggapi setelah batas waktu.' }],
      });
      const final = await handle.result();
      expect(final.status).toBe('RESOLVED');
      expect(final.overdue).toBe(true);
      await maybeSaveHistory(handle, 'overdue-with-reminders');
    });
  });

  it('moves the deadline of a running case when an admin corrects the holidays', async () => {
    const monday = nextMondayWib(await env.currentTimeMs());
    const originalDue = monday.plus({ days: 14 }); // Monday of the third week
    // Thursday and Friday of the first week become cuti bersama: two more working days.
    const correctedDue = monday.plus({ days: 16 }); // Wednesday of the third week

    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput({ receivedAt: monday.toUTC().toISO()! }));
      await handle.executeUpdate(triageUpdate, { args: [{ actor: actors.pengaduan, category: 'RINGAN' }] });
      expect((await handle.query(stateQuery)).dueAt).toBe(new Date(endOfDay(originalDue)).toISOString());

      fake.nonWorkingDates = [monday.plus({ days: 3 }).toISODate()!, monday.plus({ days: 4 }).toISODate()!];
      await handle.signal(calendarChangedSignal);
      for (let i = 0; i < 50 && !fake.eventTypes().includes('DUE_DATE_CHANGED'); i++)
        await new Promise((r) => setTimeout(r, 100));
      const change = fake.changes.find((c) => c.input.type === 'DUE_DATE_CHANGED');
      expect(change?.input.fields.dueAt).toBe(new Date(endOfDay(correctedDue)).toISOString());
      expect(change?.input.details).toEqual({
        from: new Date(endOfDay(originalDue)).toISOString(),
        to: new Date(endOfDay(correctedDue)).toISOString(),
      });

      // Past the old deadline: not overdue. Past the new one: overdue.
      await skipTo(endOfDay(originalDue) + 3_600_000);
      expect((await handle.query(stateQuery)).overdue).toBe(false);
      await skipTo(endOfDay(correctedDue) + 60_000);
      expect((await handle.query(stateQuery)).overdue).toBe(true);
      expectAround(fake.notificationsOf('OVERDUE')[0]?.at, endOfDay(correctedDue));

      const state = await handle.query(stateQuery);
      for (const task of state.tasks) {
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: 'Selesai' }],
        });
      }
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Selesai.' }],
      });
      await handle.result();
      await maybeSaveHistory(handle, 'holiday-correction');
    });
  });
});
