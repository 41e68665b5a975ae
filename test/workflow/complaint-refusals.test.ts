/**
 * Every Update the workflow refuses, with the reason the API will show the user, and proof that a
 * refused Update changes nothing (validators run before anything is written to history).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import {
  type Actor,
  completeTaskUpdate,
  type RespondInput,
  recategoriseUpdate,
  respondUpdate,
  stateQuery,
  type TriageInput,
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
} from './harness';
import { maybeSaveHistory } from './histories';

let env: TestWorkflowEnvironment;
let fake: FakeActivities;
let worker: Worker;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  fake = new FakeActivities();
  worker = await createWorker(env, fake);
});
afterAll(async () => {
  await env?.teardown();
});

it('refuses each invalid Update with its reason and changes nothing', async () => {
  await worker.runUntil(async () => {
    const handle = await startComplaint(env, complaintInput());
    const triage = (args: TriageInput) => handle.executeUpdate(triageUpdate, { args: [args] });
    const complete = (taskId: string, actor: Actor = actors.loket, outcome = 'Selesai') =>
      handle.executeUpdate(completeTaskUpdate, { args: [{ actor, taskId, outcome }] });
    const before = await handle.query(stateQuery);

    // Before triage.
    expect(await refusal(complete('tidak-ada'))).toEqual({
      type: 'NOT_FOUND',
      message: 'Tugas tidak ditemukan pada pengaduan ini.',
    });
    expect(
      await refusal(
        handle.executeUpdate(respondUpdate, { args: [{ actor: actors.pengaduan, response: 'x' }] }),
      ),
    ).toMatchObject({
      type: 'CONFLICT',
    });
    expect(
      await refusal(
        handle.executeUpdate(recategoriseUpdate, {
          args: [{ actor: actors.kabid, category: 'BERAT', reason: 'x' }],
        }),
      ),
    ).toMatchObject({
      type: 'CONFLICT',
      message: 'Pengaduan belum ditriase; tentukan kategori melalui triase.',
    });
    expect(await refusal(triage({ actor: actors.pengaduan, category: 'SEDANG' }))).toEqual({
      type: 'RULE',
      message: 'Pengaduan kategori SEDANG wajib menyertakan lokasi (kecamatan dan kelurahan).',
    });
    expect(
      await refusal(
        triage({
          actor: actors.pengaduan,
          category: 'BERAT',
          location: { kecamatan: '16.74.03', kelurahan: PRABUMULIH_BARAT.kelurahan },
        }),
      ),
    ).toEqual({
      type: 'RULE',
      message: 'Kelurahan yang dipilih tidak berada di kecamatan tersebut.',
    });
    expect(await refusal(triage({ actor: actors.pengaduan, reject: { reason: '   ' } }))).toEqual({
      type: 'RULE',
      message: 'Alasan penolakan wajib diisi.',
    });
    expect(await refusal(triage({ actor: actors.pengaduan }))).toMatchObject({ type: 'INVALID' });

    // Nothing above was recorded or changed.
    expect(await handle.query(stateQuery)).toEqual(before);
    expect(fake.eventTypes()).toEqual(['REGISTERED']);

    // Triage once; the second triage is a conflict.
    const state = await triage({ actor: actors.pengaduan, category: 'SEDANG', location: PRABUMULIH_BARAT });
    expect(await refusal(triage({ actor: actors.pengaduan, category: 'RINGAN' }))).toEqual({
      type: 'CONFLICT',
      message: 'Pengaduan ini sudah ditriase.',
    });

    const task = (unit: string) => state.tasks.find((t) => t.unit === unit)!;
    expect(await refusal(complete(task('TIM_TEKNIS').id, actors.loket))).toEqual({
      type: 'FORBIDDEN',
      message: 'Tugas ini bukan milik unit Anda.',
    });
    expect(await refusal(complete(task('KECAMATAN').id, actors.unit('KECAMATAN', '16.74.03')))).toEqual({
      type: 'FORBIDDEN',
      message: 'Tugas ini untuk aparatur wilayah lain.',
    });
    expect(await refusal(complete(task('TIM_TEKNIS').id, actors.unit('TIM_TEKNIS'), '  '))).toMatchObject({
      type: 'RULE',
    });
    await complete(task('TIM_TEKNIS').id, actors.unit('TIM_TEKNIS'));
    expect(await refusal(complete(task('TIM_TEKNIS').id, actors.unit('TIM_TEKNIS')))).toEqual({
      type: 'CONFLICT',
      message: 'Tugas ini sudah diselesaikan.',
    });

    expect(
      await refusal(
        handle.executeUpdate(recategoriseUpdate, {
          args: [{ actor: actors.kabid, category: 'RINGAN', reason: 'Turunkan' }],
        }),
      ),
    ).toEqual({
      type: 'RULE',
      message: 'Kategori hanya dapat dinaikkan (saat ini SEDANG).',
    });
    expect(
      await refusal(
        handle.executeUpdate(respondUpdate, { args: [{ actor: actors.pengaduan, response: 'Selesai' }] }),
      ),
    ).toEqual({
      type: 'CONFLICT',
      message: 'Tanggapan belum dapat diberikan: penanganan pengaduan belum selesai.',
    });
    // The front desk does not answer a SEDANG case (SOP B.3.b), whatever its state.
    expect(
      await refusal(
        handle.executeUpdate(respondUpdate, { args: [{ actor: actors.loket, response: 'Selesai' }] }),
      ),
    ).toEqual({
      type: 'FORBIDDEN',
      message:
        'Tanggapan pengaduan kategori SEDANG hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan.',
    });

    // Only the accepted Updates left a trace.
    expect(fake.eventTypes()).toEqual(['REGISTERED', 'TRIAGED', 'TASK_COMPLETED']);
    expect(fake.completions).toEqual([task('TIM_TEKNIS').id]);
    await handle.terminate('test finished');
  });
});

it('lets the front desk answer a RINGAN case (SOP B.3.a), and no other unit than Seksi Pengaduan', async () => {
  // A worker runs once (runUntil shuts it down).
  const second = await createWorker(env, new FakeActivities());
  await second.runUntil(async () => {
    const handle = await startComplaint(env, complaintInput());
    const state = await handle.executeUpdate(triageUpdate, {
      args: [{ actor: actors.pengaduan, category: 'RINGAN' }],
    });
    expect(state.tasks.map((t) => t.unit).sort()).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
    expect((await completeOpenTasks(handle)).status).toBe('AWAITING_RESPONSE');
    const args = (actor: Actor) => ({ args: [{ actor, response: 'Biaya nol rupiah.' }] as [RespondInput] });
    expect(await refusal(handle.executeUpdate(respondUpdate, args(actors.kabid)))).toEqual({
      type: 'FORBIDDEN',
      message:
        'Tanggapan pengaduan kategori RINGAN hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan atau Petugas Loket.',
    });
    expect(await closingUpdate(handle, respondUpdate, args(actors.loket))).toMatchObject({
      status: 'RESOLVED',
      respondedBy: 'loket',
    });
    // A history with the responder-by-category patch marker, for replay.test.ts.
    await maybeSaveHistory(handle, 'ringan-answered-by-front-desk');
  });
});
