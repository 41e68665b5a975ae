/**
 * Forwarding ("bukan wewenang"): Seksi Pengaduan sends a complaint that is not DPM-PTSP's business to
 * the agency whose business it is; the case closes as FORWARDED and the complainant is told where it
 * went. On Temporal's time-skipping server with in-memory activities (test/workflow/harness.ts).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  type ForwardInput,
  forwardUpdate,
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
  refusal,
  startComplaint,
} from './harness';
import { maybeSaveHistory } from './histories';

let env: TestWorkflowEnvironment;
let fake: FakeActivities;
/**
 * The case's own events, without a triage stage breach: while a test waits for an Update, the
 * time-skipping server may pass the 1-working-day triage deadline, which is right but not the point.
 */
const caseEvents = () => fake.eventTypes().filter((type) => type !== 'STAGE_BREACHED');
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

const FORWARD: ForwardInput = {
  actor: actors.pengaduan,
  agency: 'DPUPR',
  reason: 'Jalan rusak di depan pasar adalah urusan pekerjaan umum, bukan perizinan.',
  letterNumber: '500.16/123/DPMPTSP/2026',
};

describe('forwarding a complaint to another agency', () => {
  it('closes the case as FORWARDED, records where it went and tells the complainant', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      const state = await closingUpdate(handle, forwardUpdate, {
        args: [{ ...FORWARD, reason: `  ${FORWARD.reason}  ` }],
      });
      expect(state.status).toBe('FORWARDED');
      expect(state.waitingFor).toBe('NOTHING');
      expect(state.tasks).toHaveLength(0);
      expect(state.forwarded).toMatchObject({
        agency: 'DPUPR',
        agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
        reason: FORWARD.reason,
        letterNumber: '500.16/123/DPMPTSP/2026',
        forwardedBy: actors.pengaduan.username,
      });
      expect(state.closedAt).toBe(state.forwarded?.forwardedAt);
      expect(fake.eventTypes()).toEqual(['REGISTERED', 'FORWARDED']);
      const event = fake.changes.at(-1)!.input;
      expect(event.details).toMatchObject({ agency: 'DPUPR', letterNumber: '500.16/123/DPMPTSP/2026' });
      expect(event.fields).toMatchObject({ status: 'FORWARDED' });
      expect(event.fields.closedAt).toBeTruthy();
      expect(fake.notificationsOf('FORWARDED')[0].input).toMatchObject({
        recipients: [{ recipient: 'COMPLAINANT' }],
        data: {
          agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
          reason: FORWARD.reason,
          letterNumber: '500.16/123/DPMPTSP/2026',
        },
      });
      await maybeSaveHistory(handle, 'forwarded');
    });
  });

  it('refuses a forwarding with no known agency, no reason or an implausible letter number, changing nothing', async () => {
    await worker.runUntil(async () => {
      const handle = await startComplaint(env, complaintInput());
      const forward = (input: Partial<ForwardInput>) =>
        refusal(handle.executeUpdate(forwardUpdate, { args: [{ ...FORWARD, ...input }] }));
      expect(await forward({ agency: 'DINAS_ANTAH_BERANTAH' })).toEqual({
        type: 'INVALID',
        message: 'Instansi tujuan tidak dikenal; pilih dari daftar instansi.',
      });
      expect(await forward({ reason: '   ' })).toEqual({
        type: 'RULE',
        message: 'Alasan penerusan wajib diisi.',
      });
      expect((await forward({ letterNumber: 'surat saya' })).type).toBe('INVALID');
      const state = await handle.query(stateQuery);
      expect(state.status).toBe('RECEIVED');
      expect(state.forwarded).toBeUndefined();
      expect(caseEvents()).toEqual(['REGISTERED']);
      // Still triageable: nothing changed.
      await closingUpdate(handle, triageUpdate, {
        args: [{ actor: actors.pengaduan, reject: { reason: 'Bukan pengaduan.' } }],
      });
    });
  });

  it('refuses a forwarding once the case is triaged (409)', async () => {
    await worker.runUntil(async () => {
      const triaged = await startComplaint(env, complaintInput());
      await triaged.executeUpdate(triageUpdate, { args: [{ actor: actors.pengaduan, category: 'RINGAN' }] });
      expect(await refusal(triaged.executeUpdate(forwardUpdate, { args: [FORWARD] }))).toEqual({
        type: 'CONFLICT',
        message:
          'Pengaduan hanya dapat diteruskan ke instansi lain sebelum ditriase; pengaduan ini sudah ditriase.',
      });
      expect((await triaged.query(stateQuery)).status).toBe('IN_PROGRESS');
      await triaged.terminate('selesai diuji');
    });
  });
});

it('a forwarded case takes no further action', async () => {
  await worker.runUntil(async () => {
    const handle = await startComplaint(env, complaintInput());
    // Forwarded without waiting for the workflow to end, so the next actions reach it while it runs.
    await handle.executeUpdate(forwardUpdate, { args: [FORWARD] });
    const again = await refusal(handle.executeUpdate(forwardUpdate, { args: [FORWARD] })).catch(
      (err: Error) => ({ type: 'ENDED', message: err.message }),
    );
    // Refused by the validator (closed) or, had the workflow already completed, not delivered at all.
    expect(['CONFLICT', 'ENDED']).toContain(again.type);
    if (again.type === 'CONFLICT')
      expect(again.message).toBe('Pengaduan ini sudah diteruskan ke instansi lain dan ditutup.');
    const final = await handle.result();
    expect(final.status).toBe('FORWARDED');
    expect(caseEvents()).toEqual(['REGISTERED', 'FORWARDED']);
    await expect(
      handle.executeUpdate(respondUpdate, { args: [{ actor: actors.pengaduan, response: 'x' }] }),
    ).rejects.toThrow();
  });
});
