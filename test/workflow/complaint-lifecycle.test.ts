/**
 * The complaint workflow on Temporal's time-skipping server, one test per path of the SOP.
 * Activities are in-memory fakes (test/workflow/harness.ts); the records they would write are
 * tested against real databases in test/integration.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
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
  startComplaint,
} from './harness';
import { maybeSaveHistory } from './histories';

const SEDANG_UNITS = [
  'SEKSI_PENGADUAN',
  'SEKSI_KEBIJAKAN',
  'KABID_PENGADUAN',
  'KEPALA_DINAS',
  'BIDANG_PERIZINAN',
  'KECAMATAN',
  'KELURAHAN',
  'TIM_TEKNIS',
];

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

type Handle = Awaited<ReturnType<typeof startComplaint>>;

describe('complaint workflow', () => {
  it('RINGAN: loket and seksi pengaduan finish, the response resolves it in time', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput({ channel: 'TELEPON' }));
      let state = await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'RINGAN' }],
      });
      expect(state.status).toBe('IN_PROGRESS');
      expect(state.tasks.map((t) => t.unit).sort()).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
      // Operators read what the case waits for in the Web UI's current details.
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toMatch(
        /Menunggu penyelesaian tugas oleh: LOKET, SEKSI_PENGADUAN \(sejak \d+ \w+ \d{4} \d{2}\.\d{2} WIB\)\. Batas waktu: \d+ \w+ \d{4}\./,
      );

      await completeOpenTasks(handle);
      state = await handle.query(stateQuery);
      expect(state.status).toBe('AWAITING_RESPONSE');
      expect(state.tasks.every((t) => t.status === 'DONE' && t.completedBy && t.completedAt)).toBe(true);

      state = await closingUpdate(handle, respondUpdate, {
        args: [
          { actor: actors.pengaduan, response: 'Biaya layanan izin ini Rp0 dan selesai dalam 5 hari kerja.' },
        ],
      });
      expect(state.status).toBe('RESOLVED');
      const final = await handle.result();
      expect(final.status).toBe('RESOLVED');
      expect(final.overdue).toBe(false);
      expect(fake.eventTypes()).toEqual([
        'REGISTERED',
        'TRIAGED',
        'TASK_COMPLETED',
        'TASK_COMPLETED',
        'RESPONDED',
      ]);
      expect(fake.changes.at(-1)?.input.fields.closedAt).toBeTruthy();
      expect(fake.notificationsOf('RESOLVED')[0].input.recipients).toEqual([{ recipient: 'COMPLAINANT' }]);
      expect(fake.notificationsOf('OVERDUE')).toHaveLength(0);
      await maybeSaveHistory(handle, 'ringan-resolved');
    });
  });

  it('SEDANG: one task for each of the eight units, local officials by location', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      const state = await handle.executeUpdate(triageUpdate, {
        args: [{ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT }],
      });
      expect(state.tasks.map((t) => t.unit).sort()).toEqual([...SEDANG_UNITS].sort());
      expect(state.tasks.find((t) => t.unit === 'KECAMATAN')?.area).toBe('16.74.01');
      expect(state.tasks.find((t) => t.unit === 'KELURAHAN')?.area).toBe('16.74.01.1007');
      expect(
        state.tasks
          .filter((t) => t.unit !== 'KECAMATAN' && t.unit !== 'KELURAHAN')
          .every((t) => t.area === null),
      ).toBe(true);
      // The records and the assignment notifications carry the same eight tasks.
      expect(fake.tasksOpened.flatMap((o) => o.input.tasks.map((t) => t.unit)).sort()).toEqual(
        [...SEDANG_UNITS].sort(),
      );
      expect(fake.notificationsOf('TASK_ASSIGNED')[0].input.recipients).toContainEqual({
        recipient: 'KELURAHAN',
        area: '16.74.01.1007',
      });

      await completeOpenTasks(handle);
      expect((await handle.query(stateQuery)).status).toBe('AWAITING_RESPONSE');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Usaha telah ditertibkan.' }],
      });
      expect((await handle.result()).status).toBe('RESOLVED');
      await maybeSaveHistory(handle, 'sedang-resolved');
    });
  });

  async function beratUntilEscalated() {
    const handle = await startComplaint(env, complaintInput({ channel: 'SURAT' }));
    await handle.executeUpdate(triageUpdate, {
      args: [{ actor: actors.pengaduan, category: 'BERAT', location: PRABUMULIH_BARAT }],
    });
    expect(fake.notificationsOf('ESCALATED')).toHaveLength(0);
    await completeOpenTasks(handle);
    // The last completion escalates the case, and is answered once the escalation is recorded.
    const state = await handle.query(stateQuery);
    expect(state.status).toBe('AWAITING_DECISION');
    expect(fake.notificationsOf('ESCALATED')[0].input.recipients).toEqual([{ recipient: 'KEPALA_DAERAH' }]);
    return handle;
  }

  it('BERAT approved: study, escalation to the Kepala Daerah, approval, response', async () => {
    await worker.runUntil(async () => {
      const handle = await beratUntilEscalated();
      await handle.signal(escalationDecisionSignal, {
        actor: actors.walikota,
        decision: 'APPROVE',
        notes: 'Tindak lanjuti.',
      });
      await waitForStatus(handle, 'AWAITING_RESPONSE');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Izin usaha dibekukan.' }],
      });
      const final = await handle.result();
      expect(final.decisions).toMatchObject([
        { round: 1, decision: 'APPROVE', decidedBy: 'walikota', notes: 'Tindak lanjuti.' },
      ]);
      expect(fake.decisions).toEqual(['escalated:1', 'APPROVE:1']);
      // Operators read in the Web UI's event history what each activity and timer was for.
      const summaries = await historySummaries(handle);
      expect(summaries.activities).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Muat hari libur tahun 20\d\d/),
          'Muat batas waktu tiap tahap penanganan',
          'Catat riwayat: REGISTERED (RECEIVED)',
          'Kirim notifikasi REGISTERED ke SEKSI_PENGADUAN, COMPLAINANT',
          expect.stringMatching(/^Buka tugas putaran 1 untuk: .*TIM_TEKNIS/),
          'Catat tugas KEPALA_DINAS selesai (putaran 1)',
          'Catat eskalasi ke Kepala Daerah (putaran 1)',
          'Catat keputusan Kepala Daerah: APPROVE (putaran 1)',
          'Catat riwayat: RESPONDED (RESOLVED)',
        ]),
      );
      expect(summaries.summarised).toBe(summaries.activityEvents);
      // Which deadline timers are running depends on today's date; each one says what it is for.
      expect(summaries.timers.length).toBeGreaterThan(0);
      for (const timer of summaries.timers)
        expect(timer).toMatch(
          /^(Pengingat [13] hari kerja sebelum batas waktu|Batas waktu 10 hari kerja:|Peringatan dini (50|75)% menuju batas waktu|Batas waktu tahap .+:) \d+ \w+ 20\d\d$/,
        );
      await maybeSaveHistory(handle, 'berat-approved');
    });
  });

  it('BERAT rejected by the Kepala Daerah still gets its response', async () => {
    await worker.runUntil(async () => {
      const handle = await beratUntilEscalated();
      await handle.signal(escalationDecisionSignal, {
        actor: actors.walikota,
        decision: 'REJECT',
        notes: 'Tidak cukup bukti.',
      });
      await waitForStatus(handle, 'AWAITING_RESPONSE');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Tidak ditindaklanjuti.' }],
      });
      const final = await handle.result();
      expect(final.status).toBe('RESOLVED');
      expect(final.decisions.map((d) => d.decision)).toEqual(['REJECT']);
      await maybeSaveHistory(handle, 'berat-rejected');
    });
  });

  it('BERAT further study opens a new round for the named units, then escalates again', async () => {
    await worker.runUntil(async () => {
      const handle = await beratUntilEscalated();
      await handle.signal(escalationDecisionSignal, {
        actor: actors.walikota,
        decision: 'FURTHER_STUDY',
        notes: 'Perlu uji laboratorium.',
        units: ['TIM_TEKNIS', 'KECAMATAN'],
      });
      await waitForStatus(handle, 'IN_PROGRESS');
      let state = await handle.query(stateQuery);
      const round2 = state.tasks.filter((t) => t.round === 2);
      expect(round2.map((t) => t.unit).sort()).toEqual(['KECAMATAN', 'TIM_TEKNIS']);
      expect(round2.find((t) => t.unit === 'KECAMATAN')?.area).toBe('16.74.01');
      expect(state.tasks.filter((t) => t.round === 1)).toHaveLength(8);

      await completeOpenTasks(handle);
      await waitForStatus(handle, 'AWAITING_DECISION');
      await handle.signal(escalationDecisionSignal, { actor: actors.walikota, decision: 'APPROVE' });
      await waitForStatus(handle, 'AWAITING_RESPONSE');
      state = await handle.query(stateQuery);
      expect(state.decisions.map((d) => [d.round, d.decision])).toEqual([
        [1, 'FURTHER_STUDY'],
        [2, 'APPROVE'],
      ]);
      expect(fake.notificationsOf('ESCALATED')).toHaveLength(2);
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Izin dicabut.' }],
      });
      await handle.result();
      await maybeSaveHistory(handle, 'berat-further-study');
    });
  });

  it('rejection at triage closes the case and tells the complainant why', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      const state = await closingUpdate(handle, triageUpdate, {
        args: [
          { actor: actors.pengaduan, reject: { reason: 'Bukan pengaduan perizinan (masalah parkir).' } },
        ],
      });
      expect(state.status).toBe('REJECTED');
      const final = await handle.result();
      expect(final.rejectionReason).toBe('Bukan pengaduan perizinan (masalah parkir).');
      expect(final.tasks).toHaveLength(0);
      expect(fake.notificationsOf('REJECTED')[0].input).toMatchObject({
        recipients: [{ recipient: 'COMPLAINANT' }],
        data: { reason: 'Bukan pengaduan perizinan (masalah parkir).' },
      });
      await maybeSaveHistory(handle, 'rejected-at-triage');
    });
  });

  it('re-categorisation upward adds the missing units, and BERAT then needs a decision', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      await handle.executeUpdate(triageUpdate, { args: [{ actor: actors.pengaduan, category: 'RINGAN' }] });
      let state = await handle.executeUpdate(recategoriseUpdate, {
        args: [
          {
            actor: actors.kabid,
            category: 'SEDANG',
            reason: 'Ada dampak lingkungan.',
            location: PRABUMULIH_BARAT,
          },
        ],
      });
      expect(state.category).toBe('SEDANG');
      expect(state.tasks.map((t) => t.unit).sort()).toEqual([...new Set(['LOKET', ...SEDANG_UNITS])].sort());
      await completeOpenTasks(handle);
      await waitForStatus(handle, 'AWAITING_RESPONSE');

      state = await handle.executeUpdate(recategoriseUpdate, {
        args: [{ actor: actors.kabid, category: 'BERAT', reason: 'Dampaknya meluas.' }],
      });
      expect(state.category).toBe('BERAT');
      await waitForStatus(handle, 'AWAITING_DECISION');
      await handle.signal(escalationDecisionSignal, { actor: actors.walikota, decision: 'APPROVE' });
      await waitForStatus(handle, 'AWAITING_RESPONSE');
      await closingUpdate(handle, respondUpdate, {
        args: [{ actor: actors.pengaduan, response: 'Ditindaklanjuti.' }],
      });
      const final = await handle.result();
      expect(fake.eventTypes().filter((t) => t === 'RECATEGORISED')).toHaveLength(2);
      expect(final.decisions).toHaveLength(1);
      await maybeSaveHistory(handle, 'recategorised');
    });
  });
});

/**
 * The summaries on the activities (ordinary ones when scheduled, local ones on their marker) and
 * timers, in history order. A transition's records are one local activity: its summary lists each
 * record, joined by " · ".
 */
async function historySummaries(handle: Handle) {
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const summaryOf = (event: (typeof events)[number]) => {
    const payload = event.userMetadata?.summary;
    return payload ? (defaultPayloadConverter.fromPayload(payload) as string) : undefined;
  };
  const activityEvents = events.filter(
    (e) =>
      e.activityTaskScheduledEventAttributes ||
      e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
  );
  const summaries = activityEvents.map(summaryOf);
  return {
    activityEvents: activityEvents.length,
    summarised: summaries.filter((s) => s !== undefined).length,
    activities: summaries.flatMap((s) => (s ? s.split(' · ') : [])),
    timers: events
      .filter((e) => e.timerStartedEventAttributes)
      .map(summaryOf)
      .filter((s): s is string => s !== undefined),
  };
}

async function waitForStatus(handle: Handle, status: string) {
  for (let i = 0; i < 100; i++) {
    if ((await handle.query(stateQuery)).status === status) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`complaint never reached ${status}; it is ${(await handle.query(stateQuery)).status}`);
}
