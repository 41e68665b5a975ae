/**
 * Every mail the SOP implies for one complaint, handled to the end: the real complaint workflow (on
 * the time-skipping test server, so the deadline's reminders and the breach come in seconds) with the
 * real activities writing the outbox to a real database, the outbox dispatcher delivering through a
 * real SMTP server. A BERAT complaint: receipt, new-complaint notice, tasks for the eight units and
 * the local officials of its place, escalation to the Wali Kota, further study, a second escalation,
 * approval, the reminders and the breach, the response. Each mail arrives once, to the right people.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { loadConfig } from '../../src/config/config';
import { Complaint, User } from '../../src/db/entities';
import { SmtpMailer } from '../../src/notifications/mailer';
import { NotificationDelivery } from '../../src/notifications/notification-delivery';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher';
import {
  type Actor,
  completeTaskUpdate,
  escalationDecisionSignal,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../workflows/complaint/definitions';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { createTimeSkippingEnv } from '../helpers/time-skipping';

const log = pino({ level: 'silent' });
const PLACE = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const CITIZEN = 'warga.berat@example.com';
const TASK_QUEUE = 'notifications-journey';

let db: TestDatabase;
let smtp: TestSmtp;
let env: TestWorkflowEnvironment;
let mailer: SmtpMailer;

beforeAll(async () => {
  [db, smtp, env] = await Promise.all([
    createTestDatabase('sqlite'),
    startTestSmtp(),
    createTimeSkippingEnv(),
  ]);
  mailer = new SmtpMailer(smtp.url, 'Pengaduan DPM-PTSP Kota Prabumulih <pengaduan@dpmptsp.test>');
}, 120_000);
afterAll(async () => {
  mailer?.close();
  await Promise.all([smtp?.stop(), env?.teardown(), db?.destroy()]);
});

const actor = (username: string, unit?: string, area: string | null = null) =>
  ({ username, unit, area }) as Actor;
const userOfTask = (unit: string, area: string | null): Actor =>
  unit === 'KECAMATAN'
    ? actor(`kec-${area}`, unit, area)
    : unit === 'KELURAHAN'
      ? actor(`kel-${area}`, unit, area)
      : actor(
          {
            SEKSI_PENGADUAN: 'pengaduan',
            SEKSI_KEBIJAKAN: 'kebijakan',
            KABID_PENGADUAN: 'kabid',
            KEPALA_DINAS: 'kadis',
            BIDANG_PERIZINAN: 'perizinan',
            TIM_TEKNIS: 'teknis',
          }[unit] ?? unit,
          unit,
        );

it('handles a BERAT complaint to the end and every party gets each mail the SOP implies, once', async () => {
  const config = {
    ...loadConfig({ NODE_ENV: 'test' }).notifications,
    smtpUrl: smtp.url,
    publicUrl: 'https://pengaduan.prabumulih.test',
  };
  const dispatcher = OutboxDispatcher.forOrm(
    db.orm,
    new NotificationDelivery(db.orm.em, config, mailer, null, log),
    log,
    { retryDelayMs: () => 0 },
  );
  const drain = async () => {
    while ((await dispatcher.dispatchOnce()) > 0) {
      /* until nothing is due */
    }
  };
  // Who is who, by the seed users' addresses.
  const email = async (username: string) =>
    (await db.orm.em.fork().findOneOrFail(User, { username })).email as string;
  const subjectsTo = (address: string) =>
    smtp.received.filter((m) => m.envelopeTo.includes(address)).map((m) => m.parsed.subject ?? '');

  const input = await insertComplaint(db.orm, new Date(await env.currentTimeMs()));
  await db.orm.em
    .fork()
    .nativeUpdate(
      Complaint,
      { id: input.complaintId },
      { complainantName: 'Budi Santoso', complainantEmail: CITIZEN },
    );
  const reg = input.registerNumber;

  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: WORKFLOWS_PATH,
    activities: createComplaintActivities({ orm: db.orm, log }),
  });
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start('complaintWorkflow', {
      args: [input],
      taskQueue: TASK_QUEUE,
      workflowId: input.workflowId,
    });
    const waitFor = async (status: string) => {
      for (let i = 0; i < 200; i++) {
        const state = await handle.query(stateQuery);
        if (state.status === status && state.dueAt !== '') return state;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never reached ${status}`);
    };
    const completeOpenTasks = async () => {
      const state = await handle.query(stateQuery);
      for (const t of state.tasks.filter((task) => task.status === 'OPEN'))
        await handle.executeUpdate(completeTaskUpdate, {
          args: [{ actor: userOfTask(t.unit, t.area), taskId: t.id, outcome: `Kajian ${t.unit} selesai.` }],
        });
    };
    await waitFor('RECEIVED');
    await handle.executeUpdate(triageUpdate, {
      args: [{ actor: actor('pengaduan', 'SEKSI_PENGADUAN'), category: 'BERAT', location: PLACE }],
    });
    await completeOpenTasks();
    await waitFor('AWAITING_DECISION');
    await handle.signal(escalationDecisionSignal, {
      actor: actor('walikota'),
      decision: 'FURTHER_STUDY',
      notes: 'Perlu uji laboratorium.',
      units: ['TIM_TEKNIS'],
    });
    await waitFor('IN_PROGRESS');
    await completeOpenTasks();
    await waitFor('AWAITING_DECISION');
    await handle.signal(escalationDecisionSignal, { actor: actor('walikota'), decision: 'APPROVE' });
    await waitFor('AWAITING_RESPONSE');
    // The response is late: the reminders (3 and 1 working days before) and the breach come first.
    await env.sleep('20 days');
    expect((await handle.query(stateQuery)).overdue).toBe(true);
    await handle.startUpdate(respondUpdate, {
      args: [{ actor: actor('pengaduan', 'SEKSI_PENGADUAN'), response: 'Izin usaha dicabut.' }],
      waitForStage: 'ACCEPTED',
    });
    expect((await handle.result()).status).toBe('RESOLVED');
  });

  await drain();
  // The complainant: the receipt and the response, with the register number and the tracking link.
  expect(subjectsTo(CITIZEN).sort()).toEqual(
    [`Pengaduan ${reg} telah diterima`, `Tanggapan atas pengaduan ${reg}`].sort(),
  );
  const [response] = smtp.received.filter(
    (m) => m.envelopeTo.includes(CITIZEN) && m.parsed.subject?.startsWith('Tanggapan'),
  );
  expect(response.parsed.text).toContain('Izin usaha dicabut.');
  expect(response.parsed.text).toContain('https://pengaduan.prabumulih.test/lacak');

  // The Wali Kota: one escalation mail per round of study.
  expect(subjectsTo(await email('walikota'))).toEqual([
    `Pengaduan berat ${reg} memerlukan keputusan Kepala Daerah`,
    `Pengaduan berat ${reg} memerlukan keputusan Kepala Daerah`,
  ]);

  // Seksi Pengaduan: the new complaint, its own task, both decisions, the reminders while the
  // response was theirs to give.
  const pengaduan = subjectsTo(await email('pengaduan'));
  expect(pengaduan).toEqual(
    expect.arrayContaining([
      `Pengaduan baru ${reg} menunggu triase`,
      `Tugas baru: pengaduan ${reg}`,
      `Keputusan Kepala Daerah atas pengaduan ${reg}`,
      `Pengingat: pengaduan ${reg} jatuh tempo dalam 3 hari kerja`,
      `Pengingat: pengaduan ${reg} jatuh tempo dalam 1 hari kerja`,
    ]),
  );
  expect(pengaduan.filter((s) => s.startsWith('Keputusan'))).toHaveLength(2);

  // The breach goes to the Kabid and the Kepala Dinas, once each.
  for (const head of ['kabid', 'kadis'])
    expect(
      subjectsTo(await email(head)).filter((s) => s === `Pengaduan ${reg} melewati batas waktu`),
    ).toHaveLength(1);

  // Every unit of the study gets its task; the local officials of the complaint's place only (not
  // another kelurahan's); Tim Teknis twice (the further study), the others once.
  for (const username of [
    'kebijakan',
    'kabid',
    'kadis',
    'perizinan',
    `kec-${PLACE.kecamatan}`,
    `kel-${PLACE.kelurahan}`,
  ])
    expect(
      subjectsTo(await email(username)).filter((s) => s === `Tugas baru: pengaduan ${reg}`),
    ).toHaveLength(1);
  expect(subjectsTo(await email('teknis')).filter((s) => s === `Tugas baru: pengaduan ${reg}`)).toHaveLength(
    2,
  );
  expect(subjectsTo(await email('kel-16.74.01.1001'))).toEqual([]);

  // Nothing twice: every mail is a distinct message, and a second pass of the dispatcher sends nothing.
  const count = smtp.received.length;
  expect(new Set(smtp.received.map((m) => m.parsed.messageId)).size).toBe(count);
  await drain();
  expect(smtp.received.length).toBe(count);
}, 240_000);
