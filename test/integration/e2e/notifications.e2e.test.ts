/**
 * Notifications end to end: the real API, workflow and worker, a dispatcher delivering the outbox to a
 * real SMTP server. A citizen's receipt, the Seksi's new-complaint mail and the units' task mails
 * arrive, each once; the complainant's choice is honoured; a lost tracking code is sent, never shown,
 * with the same answer whether or not the contact is known.
 */
import pino from 'pino';
import { Notification } from '../../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import { SmtpMailer } from '../../../src/notifications/mailer';
import { NotificationDelivery } from '../../../src/notifications/notification-delivery';
import { OutboxDispatcher } from '../../../src/notifications/outbox-dispatcher';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp';

const PERSON = {
  name: 'Dewi Lestari',
  nik: '1674014402910003',
  phone: '081299988877',
  email: 'dewi.lestari@example.com',
};
const PUBLIC_URL = 'https://pengaduan.prabumulih.test';
const KNOWN_ANSWER = {
  message:
    'Jika email atau nomor telepon tersebut tercatat pada pengaduan, kode pelacakan telah dikirim ke sana.',
};

describe.each(databaseKinds())('notifications end to end (%s)', (kind) => {
  let e: E2e;
  let smtp: TestSmtp;
  let mailer: SmtpMailer;
  let dispatcher: OutboxDispatcher;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
    const config = { ...e.config.notifications, smtpUrl: smtp.url, publicUrl: PUBLIC_URL };
    mailer = new SmtpMailer(smtp.url, config.mailFrom);
    const log = pino({ level: 'silent' });
    dispatcher = OutboxDispatcher.forOrm(
      e.db.orm,
      new NotificationDelivery(e.db.orm.em, config, mailer, null, log),
      log,
      {
        intervalMs: 100,
      },
    );
    dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher?.stop();
    mailer?.close();
    await e?.stop();
    await smtp?.stop();
  });

  const mailsTo = (address: string) =>
    smtp.received.filter((m) => m.envelopeTo.some((to) => to.toLowerCase() === address.toLowerCase()));
  const submit = async (extra: Record<string, unknown> = {}, complainant: Record<string, unknown> = PERSON) =>
    (
      await e.http
        .post('/api/public/complaints')
        .send({
          complainant,
          description: 'Biaya izin reklame tidak jelas.',
          evidence: ['Kuitansi'],
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
          ...extra,
        })
        .expect(201)
    ).body as { id: string; registerNumber: string; trackingCode: string };

  it('mails the receipt to the complainant and the tasks to the units, each once', async () => {
    const c = await submit({ notifyBy: 'EMAIL' });
    await eventually(
      async () => mailsTo(PERSON.email).length >= 1 && mailsTo('pengaduan@pengaduan.test').length >= 1,
    );
    const [receipt] = mailsTo(PERSON.email);
    expect(receipt.parsed.subject).toBe(`Pengaduan ${c.registerNumber} telah diterima`);
    expect(receipt.parsed.text).toContain('Yth. Bapak/Ibu Dewi Lestari,');
    expect(receipt.parsed.text).toContain(`nomor register ${c.registerNumber}`);
    expect(receipt.parsed.text).toContain(`${PUBLIC_URL}/lacak?kode=${c.trackingCode}`);
    expect(receipt.parsed.text).toMatch(/Batas waktu tanggapan: \d{1,2} \w{3} \d{4} 23\.59 WIB/);

    await e.http
      .post(`/api/complaints/${c.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN', notes: 'Biaya layanan' })
      .expect(200);
    await eventually(async () => mailsTo('loket@pengaduan.test').length >= 1);
    const [task] = mailsTo('loket@pengaduan.test');
    expect(task.parsed.subject).toBe(`Tugas baru: pengaduan ${c.registerNumber}`);
    expect(task.parsed.text).toContain('Yth. Petugas Loket,');

    const res = await e.http
      .get(`/api/complaints/${c.id}/notifications`)
      .set(await e.as('pengaduan'))
      .expect(200);
    await eventually(async () =>
      (await e.db.orm.em.fork().find(Notification, { complaintId: c.id })).every((n) => n.status === 'SENT'),
    );
    expect(
      res.body.map((n: { kind: string; recipient: string }) => `${n.kind}:${n.recipient}`).sort(),
    ).toEqual([
      'REGISTERED:COMPLAINANT',
      'REGISTERED:SEKSI_PENGADUAN',
      'TASK_ASSIGNED:LOKET',
      'TASK_ASSIGNED:SEKSI_PENGADUAN',
    ]);
    expect(res.body[0]).not.toHaveProperty('deliveredTo');
    // Each mail once.
    expect(mailsTo(PERSON.email)).toHaveLength(1);
    expect(mailsTo('loket@pengaduan.test')).toHaveLength(1);
    await e.http
      .get(`/api/complaints/${c.id}/notifications`)
      .set(await e.as('teknis'))
      .expect(403);
  });

  it('shows an undelivered notification in /api/ops/stuck and the metrics, and an operator retries it', async () => {
    const c = await submit({ notifyBy: 'EMAIL' });
    await eventually(async () => (await e.db.orm.em.fork().count(Notification, { complaintId: c.id })) === 2);
    await dispatcher.stop();
    const em = e.db.orm.em.fork();
    const row = await em.findOneOrFail(Notification, { complaintId: c.id, recipient: 'SEKSI_PENGADUAN' });
    await em.nativeUpdate(
      Notification,
      { id: row.id },
      {
        status: 'FAILED',
        attempts: 10,
        lastError: 'Tidak ada pengguna aktif dengan alamat email untuk unit X.',
      },
    );
    const stuck = await e.http
      .get('/api/ops/stuck')
      .set(await e.as('admin'))
      .expect(200);
    const item = stuck.body.items.find(
      (i: { kind: string; complaintId: string }) =>
        i.kind === 'NOTIFICATION_FAILED' && i.complaintId === c.id,
    );
    expect(item.registerNumber).toBe(c.registerNumber);
    expect(item.detail).toBe(
      'Pemberitahuan REGISTERED untuk SEKSI_PENGADUAN gagal: Tidak ada pengguna aktif dengan alamat email untuk unit X.',
    );
    const metrics = await e.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/pengaduan_notifications\{status="FAILED",kind="REGISTERED"\} [1-9]/);
    expect(metrics.text).toMatch(/pengaduan_notification_delivery_failures\{kind="REGISTERED"\} (\d+)/);

    await e.http
      .post(`/api/notifications/${encodeURIComponent(row.id)}/retry`)
      .set(await e.as('loket'))
      .expect(403);
    await e.http
      .post(`/api/notifications/${encodeURIComponent(row.id)}/retry`)
      .set(await e.as('admin'))
      .expect(204);
    await e.http
      .post(`/api/notifications/${encodeURIComponent(row.id)}/retry`)
      .set(await e.as('admin'))
      .expect(404);
    dispatcher.start();
    await eventually(
      async () => (await e.db.orm.em.fork().findOneOrFail(Notification, { id: row.id })).status === 'SENT',
    );
  });

  it("honours a complainant's choice not to be told, and refuses a channel without its contact", async () => {
    const c = await submit({ notifyBy: 'NONE' }, { ...PERSON, email: 'diam@example.com' });
    await eventually(async () => {
      const rows = await e.db.orm.em
        .fork()
        .find(Notification, { complaintId: c.id, recipient: 'COMPLAINANT' });
      return rows.length === 1 && rows[0].status === 'SKIPPED';
    });
    expect(mailsTo('diam@example.com')).toHaveLength(0);
    const refused = await e.http
      .post('/api/public/complaints')
      .send({
        complainant: { name: 'Tanpa Email', nik: PERSON.nik, phone: PERSON.phone },
        description: 'Uraian.',
        evidence: ['Bukti'],
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        notifyBy: 'EMAIL',
      })
      .expect(422);
    expect(refused.body.message).toBe('Pemberitahuan melalui email memerlukan alamat email pengadu.');
    await e.http
      .post('/api/public/complaints')
      .send({ complainant: PERSON, description: 'Uraian.', evidence: ['Bukti'], notifyBy: 'POS' })
      .expect(400);
  });

  it('passes the notices of a complainant without contact to the front desk, in its notification list', async () => {
    const c = await e.register({
      channel: 'SURAT',
      complainant: { name: 'Pengirim Surat', nik: '1674011203850001', address: 'Jl. Merdeka No. 1' },
    });
    await eventually(async () => {
      const rows = await e.db.orm.em
        .fork()
        .find(Notification, { complaintId: c.id, recipient: 'COMPLAINANT' });
      return rows.length === 1 && rows[0].status === 'SKIPPED';
    });
    const [row] = await e.db.orm.em
      .fork()
      .find(Notification, { complaintId: c.id, recipient: 'COMPLAINANT' });
    expect(row).toMatchObject({
      channel: 'DESK',
      lastError: 'Pengadu tidak memberikan kontak: diberitahu melalui loket.',
    });
    const listOf = async (username: string) =>
      (
        await e.http
          .get('/api/notifications?pageSize=100')
          .set(await e.as(username))
          .expect(200)
      ).body as {
        items: Array<{ id: string; recipient: string; registerNumber: string | null; read: boolean }>;
      };
    const desk = (await listOf('loket')).items.filter((n) => n.id === row.id);
    expect(desk).toEqual([
      expect.objectContaining({ recipient: 'COMPLAINANT', registerNumber: c.registerNumber, read: false }),
    ]);
    expect((await listOf('kebijakan')).items.some((n) => n.id === row.id)).toBe(false);
    await e.http
      .post(`/api/notifications/${encodeURIComponent(row.id)}/read`)
      .set(await e.as('kebijakan'))
      .expect(404);
    await e.http
      .post(`/api/notifications/${encodeURIComponent(row.id)}/read`)
      .set(await e.as('loket'))
      .expect(200);
    // A complainant who asked not to be told is not the desk's to call.
    const quiet = await submit({ notifyBy: 'NONE' }, { ...PERSON, email: 'tenang@example.com' });
    await eventually(async () => {
      const rows = await e.db.orm.em
        .fork()
        .find(Notification, { complaintId: quiet.id, recipient: 'COMPLAINANT' });
      return rows.length === 1 && rows[0].status === 'SKIPPED' && rows[0].channel === null;
    });
    expect((await listOf('loket')).items.some((n) => n.registerNumber === quiet.registerNumber)).toBe(false);
  });

  it('sends a lost tracking code to the e-mail given, never shows it, and answers alike for an unknown contact', async () => {
    const c = await submit({}, { ...PERSON, email: 'Lupa.Kode@Example.com' });
    const known = await e.http
      .post('/api/public/tracking-code-requests')
      .send({ contact: 'lupa.kode@example.com' })
      .expect(202);
    const unknown = await e.http
      .post('/api/public/tracking-code-requests')
      .send({ contact: 'tidak.ada@example.com' })
      .expect(202);
    expect(known.body).toEqual(KNOWN_ANSWER);
    expect(unknown.body).toEqual(KNOWN_ANSWER);
    expect(JSON.stringify(known.body)).not.toContain(c.trackingCode);
    await eventually(async () => {
      const rows = await e.db.orm.em.fork().find(Notification, { kind: 'TRACKING_CODE' });
      if (rows.some((r) => r.status !== 'PENDING' && r.status !== 'SENDING' && r.status !== 'SENT'))
        throw new Error(JSON.stringify(rows));
      return mailsTo('Lupa.Kode@Example.com').some(
        (m) => m.parsed.subject === 'Kode pelacakan pengaduan Anda',
      );
    });
    const mail = mailsTo('Lupa.Kode@Example.com').find(
      (m) => m.parsed.subject === 'Kode pelacakan pengaduan Anda',
    )!;
    expect(mail.parsed.text).toContain(`Pengaduan ${c.registerNumber}`);
    expect(mail.parsed.text).toContain(`kode pelacakan ${c.trackingCode}`);
    // Asked again within the hour: no second message.
    await e.http
      .post('/api/public/tracking-code-requests')
      .send({ contact: 'LUPA.KODE@example.com' })
      .expect(202);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      mailsTo('Lupa.Kode@Example.com').filter((m) => m.parsed.subject === 'Kode pelacakan pengaduan Anda'),
    ).toHaveLength(1);
    expect(mailsTo('tidak.ada@example.com')).toHaveLength(0);
    await e.http.post('/api/public/tracking-code-requests').send({ contact: 'bukan kontak' }).expect(400);

    // By phone, written another way: the code goes to the phone as given on the complaint, by SMS;
    // without a gateway configured that is reported as failed, with the reason.
    await e.http
      .post('/api/public/tracking-code-requests')
      .send({ contact: '+62 812-9998-8877' })
      .expect(202);
    await eventually(async () => {
      const [row] = await e.db.orm.em.fork().find(Notification, { kind: 'TRACKING_CODE', channel: 'SMS' });
      return row?.status === 'FAILED';
    });
    const [sms] = await e.db.orm.em.fork().find(Notification, { kind: 'TRACKING_CODE', channel: 'SMS' });
    expect(sms.address).toBe(PERSON.phone);
    expect(sms.lastError).toContain('MESSAGE_GATEWAY_URL');
  });
});
