/**
 * E-mail delivery against a real SMTP server (smtp-server in process): what the citizen and the units
 * receive, an SMTP outage (deliveries wait, then succeed, nothing lost or doubled), two dispatchers
 * never sending a mail twice, a unit without an address reported, the recap PDF for the Sekda.
 */
import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { alertMissingHolidayLists } from '../../src/calendar/holiday-list-alert';
import { loadConfig, type NotificationConfig } from '../../src/config/config';
import { Complaint, Notification, User } from '../../src/db/entities';
import { type Mailer, type OutgoingMail, SmtpMailer } from '../../src/notifications/mailer';
import { NotificationDelivery } from '../../src/notifications/notification-delivery';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher';
import { produceRecapReport } from '../../src/reports/produce-recap-report';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp';

const log = pino({ level: 'silent' });

describe.each(databaseKinds())('e-mail notifications through SMTP (%s)', (kind) => {
  let db: TestDatabase;
  let smtp: TestSmtp;
  let config: NotificationConfig;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    [db, smtp] = await Promise.all([createTestDatabase(kind), startTestSmtp()]);
    config = {
      ...loadConfig({ NODE_ENV: 'test' }).notifications,
      smtpUrl: smtp.url,
      mailFrom: 'Pengaduan DPM-PTSP Kota Prabumulih <pengaduan@dpmptsp.test>',
      publicUrl: 'https://pengaduan.prabumulih.test',
      sekdaEmails: ['sekda@prabumulih.test'],
    };
    mailer = new SmtpMailer(smtp.url, config.mailFrom);
    const em = db.orm.em.fork();
    await em.nativeUpdate(User, { username: 'pengaduan' }, { email: 'pengaduan@dpmptsp.test' });
    await em.nativeUpdate(User, { username: 'kel-16.74.01.1007' }, { email: 'kel1007@prabumulih.test' });
    await em.nativeUpdate(User, { username: 'kel-16.74.01.1001' }, { email: 'kel1001@prabumulih.test' });
    await em.nativeUpdate(User, { unit: 'TIM_TEKNIS' }, { email: null }); // a unit without an address
    await em.nativeUpdate(User, { username: 'admin' }, { email: 'admin@dpmptsp.test' });
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await db?.destroy();
  });

  const dispatcher = (opts = {}) =>
    OutboxDispatcher.forOrm(db.orm, new NotificationDelivery(db.orm.em, config, mailer, null, log), log, {
      retryDelayMs: () => 0,
      ...opts,
    });
  const drain = async (d: OutboxDispatcher) => {
    while ((await d.dispatchOnce()) > 0) {
      /* until nothing is due */
    }
  };
  const rowsOf = (complaintId: string) =>
    db.orm.em.fork().find(Notification, { complaintId }, { orderBy: { id: 'asc' } });
  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelopeTo.includes(address));

  async function complaintWithEmail(email: string) {
    const c = await insertComplaint(db.orm);
    await db.orm.em.fork().nativeUpdate(
      Complaint,
      { id: c.complaintId },
      {
        complainantName: 'Budi Santoso',
        complainantEmail: email,
        dueAt: new Date('2026-12-11T16:59:59.999Z'),
      },
    );
    const complaint = await db.orm.em.fork().findOneOrFail(Complaint, { id: c.complaintId });
    return { ...c, trackingCode: complaint.trackingCode };
  }

  it('sends the receipt to the complainant and the new-complaint notice to Seksi Pengaduan', async () => {
    const c = await complaintWithEmail('budi@example.com');
    await createComplaintActivities({ orm: db.orm, log }).notify({
      id: `${c.workflowId}:1:notify-REGISTERED`,
      complaintId: c.complaintId,
      kind: 'REGISTERED',
      recipients: [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'COMPLAINANT' }],
      data: { registerNumber: c.registerNumber, dueAt: '2026-12-11T16:59:59.999Z' },
    });
    await drain(dispatcher());

    const [receipt] = mailsTo('budi@example.com');
    expect(receipt).toBeDefined();
    const mail = receipt.parsed;
    expect(mail.subject).toBe(`Pengaduan ${c.registerNumber} telah diterima`);
    expect(mail.from?.text).toContain('pengaduan@dpmptsp.test');
    expect(mail.text).toContain('Yth. Bapak/Ibu Budi Santoso,');
    expect(mail.text).toContain(`Pengaduan Anda telah kami terima dengan nomor register ${c.registerNumber}`);
    expect(mail.text).toContain('Batas waktu tanggapan: 11 Des 2026 23.59 WIB');
    const link = `https://pengaduan.prabumulih.test/lacak?kode=${c.trackingCode}`;
    expect(mail.text).toContain(`Lacak perkembangan: ${link}`);
    expect(mail.html).toContain(`<a href="${link}">`);
    expect(mail.html).toContain('Yth. Bapak/Ibu Budi Santoso,');

    const [staff] = mailsTo('pengaduan@dpmptsp.test');
    expect(staff.parsed.subject).toBe(`Pengaduan baru ${c.registerNumber} menunggu triase`);
    expect(staff.parsed.text).toContain('Yth. Seksi Pengaduan dan Informasi Layanan,');
    expect(staff.parsed.text).not.toContain('kode='); // no tracking link for staff
    const rows = await rowsOf(c.complaintId);
    expect(rows.map((r) => [r.recipient, r.status, r.channel, r.deliveredTo])).toEqual([
      ['COMPLAINANT', 'SENT', 'EMAIL', 'budi@example.com'],
      ['SEKSI_PENGADUAN', 'SENT', 'EMAIL', 'pengaduan@dpmptsp.test'],
    ]);
  });

  it("sends a task to the unit's users of the complaint's area only, and reports a unit without an address", async () => {
    const c = await complaintWithEmail('siti@example.com');
    await createComplaintActivities({ orm: db.orm, log }).notify({
      id: `${c.workflowId}:2:notify-TASK_ASSIGNED`,
      complaintId: c.complaintId,
      kind: 'TASK_ASSIGNED',
      recipients: [{ recipient: 'KELURAHAN', area: '16.74.01.1007' }, { recipient: 'TIM_TEKNIS' }],
      data: { registerNumber: c.registerNumber, round: 1, dueAt: '2026-12-11T16:59:59.999Z' },
    });
    await drain(dispatcher());
    const [task] = mailsTo('kel1007@prabumulih.test');
    expect(task.envelopeTo).toEqual(['kel1007@prabumulih.test']);
    expect(task.parsed.subject).toBe(`Tugas baru: pengaduan ${c.registerNumber}`);
    expect(task.parsed.text).toContain('Yth. Aparatur Kelurahan/Desa,');
    expect(task.parsed.text).toContain(
      `Unit Anda mendapat tugas penanganan pengaduan ${c.registerNumber} (putaran 1)`,
    );
    expect(mailsTo('kel1001@prabumulih.test')).toHaveLength(0);
    const rows = await rowsOf(c.complaintId);
    const teknis = rows.find((r) => r.recipient === 'TIM_TEKNIS')!;
    expect(teknis.status).toBe('FAILED');
    expect(teknis.lastError).toBe(
      'Tidak ada pengguna aktif dengan alamat email untuk unit Tim Teknis Perizinan.',
    );
  });

  it('waits out an SMTP outage and then delivers everything once', async () => {
    const c = await complaintWithEmail('outage@example.com');
    const before = smtp.received.length;
    await smtp.stop();
    await createComplaintActivities({ orm: db.orm, log }).notify({
      id: `${c.workflowId}:3:notify-REMINDER`,
      complaintId: c.complaintId,
      kind: 'REMINDER',
      recipients: [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'KELURAHAN', area: '16.74.01.1007' }],
      data: { registerNumber: c.registerNumber, workingDaysLeft: 3, dueAt: '2026-12-11T16:59:59.999Z' },
    });
    const d = dispatcher({ retryDelayMs: () => 200 });
    await d.dispatchOnce();
    let rows = await rowsOf(c.complaintId);
    expect(rows.every((r) => r.status === 'PENDING' && r.attempts === 1 && r.nextAttemptAt)).toBe(true);
    expect(rows[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(await d.dispatchOnce()).toBe(0); // waiting for the retry time
    await smtp.start();
    await new Promise((r) => setTimeout(r, 250));
    await drain(d);
    rows = await rowsOf(c.complaintId);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['SENT', 2],
      ['SENT', 2],
    ]);
    const arrived = smtp.received.slice(before);
    expect(arrived).toHaveLength(2);
    expect(arrived.every((m) => m.parsed.subject?.includes('jatuh tempo dalam 3 hari kerja'))).toBe(true);
  });

  it('never sends a mail twice with two dispatchers running side by side', async () => {
    const c = await complaintWithEmail('many@example.com');
    const before = smtp.received.length;
    const activities = createComplaintActivities({ orm: db.orm, log });
    for (let i = 0; i < 15; i++) {
      await activities.notify({
        id: `${c.workflowId}:${10 + i}:notify-DECIDED`,
        complaintId: c.complaintId,
        kind: 'DECIDED',
        recipients: [{ recipient: 'SEKSI_PENGADUAN' }],
        data: { registerNumber: c.registerNumber, decision: 'APPROVE' },
      });
    }
    await Promise.all([drain(dispatcher({ batchSize: 2 })), drain(dispatcher({ batchSize: 2 }))]);
    const arrived = smtp.received.slice(before);
    expect(arrived).toHaveLength(15);
    expect(new Set(arrived.map((m) => m.parsed.messageId)).size).toBe(15);
    expect((await rowsOf(c.complaintId)).every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });

  it('delivers a batch from two queries (its complaints, its recipients), to whom one by one would', async () => {
    const [a, b] = [
      await complaintWithEmail('batch-a@example.com'),
      await complaintWithEmail('batch-b@example.com'),
    ];
    const activities = createComplaintActivities({ orm: db.orm, log });
    for (const [c, area] of [
      [a, '16.74.01.1007'],
      [b, '16.74.01.1001'],
    ] as const)
      await activities.notify({
        id: `${c.workflowId}:1:notify-TASK_ASSIGNED`,
        complaintId: c.complaintId,
        kind: 'TASK_ASSIGNED',
        recipients: [
          { recipient: 'COMPLAINANT' },
          { recipient: 'SEKSI_PENGADUAN' },
          { recipient: 'KELURAHAN', area },
          { recipient: 'TIM_TEKNIS' }, // nobody with an address
          { recipient: 'KEPALA_DAERAH' },
        ],
        data: { registerNumber: c.registerNumber, round: 1, dueAt: '2026-12-11T16:59:59.999Z' },
      });
    const batch = await db.orm.em
      .fork()
      .find(
        Notification,
        { complaintId: { $in: [a.complaintId, b.complaintId] } },
        { orderBy: { id: 'asc' } },
      );
    expect(batch).toHaveLength(10);

    const recording = (): Mailer & { sent: OutgoingMail[] } => {
      const sent: OutgoingMail[] = [];
      return { kind: 'SMTP', sent, send: async (m) => void sent.push(m), close: () => undefined };
    };
    const outcomes = async (port: { deliver(n: Notification): Promise<unknown> }) => {
      const each: unknown[] = [];
      for (const n of batch)
        each.push(await port.deliver(n).catch((err: Error) => `${err.name}: ${err.message}`));
      return each;
    };
    const oneByOneMailer = recording();
    const oneByOne = new NotificationDelivery(db.orm.em, config, oneByOneMailer, null, log);
    const batchMailer = recording();
    const perBatch = new NotificationDelivery(db.orm.em, config, batchMailer, null, log);

    const driver = db.orm.em.getDriver();
    const reads = [jest.spyOn(driver, 'find'), jest.spyOn(driver, 'findOne')];
    const readCount = () => reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    try {
      const expected = await outcomes(oneByOne);
      const oneByOneReads = readCount();
      for (const spy of reads) spy.mockClear();
      const actual = await outcomes(await perBatch.forBatch(batch));
      expect(readCount()).toBe(2);
      expect(oneByOneReads).toBeGreaterThanOrEqual(10);
      expect(actual).toEqual(expected);
    } finally {
      for (const spy of reads) spy.mockRestore();
    }
    // The same mails: recipients, subjects and texts.
    const view = (m: OutgoingMail) => [m.id, m.to, m.subject, m.text];
    expect(batchMailer.sent.map(view)).toEqual(oneByOneMailer.sent.map(view));
    expect(
      batchMailer.sent.find((m) => m.id.startsWith(a.workflowId) && m.to.includes('kel1007@prabumulih.test')),
    ).toBeDefined();
    expect(
      batchMailer.sent.some((m) => m.id.startsWith(b.workflowId) && m.to.includes('kel1007@prabumulih.test')),
    ).toBe(false);
    expect(batchMailer.sent.find((m) => m.to.includes('batch-b@example.com'))?.text).toContain(
      'Yth. Bapak/Ibu Budi Santoso,',
    );
  });

  it('sends the recap report to the Sekda with its PDF attached', async () => {
    const produced = await produceRecapReport(db.orm, {
      kind: 'MONTHLY',
      year: 2026,
      index: 11,
      by: 'JADWAL',
      deliver: true,
    });
    await drain(dispatcher());
    const [recap] = mailsTo('sekda@prabumulih.test');
    expect(recap.parsed.subject).toBe(`Rekapitulasi pengaduan layanan perizinan ${produced.label}`);
    expect(recap.parsed.text).toContain('Yth. Sekretaris Daerah Kota Prabumulih,');
    const [pdf] = recap.parsed.attachments;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(`rekap-pengaduan-${produced.id}.pdf`);
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
  });
  it("mails the admins once that next year's official holiday list is missing", async () => {
    // 1 November 2040 (WIB): 2040 and 2041 have no list in the test database.
    const now = new Date('2040-11-01T08:00:00+07:00');
    expect(await alertMissingHolidayLists(db.orm.em.fork(), now)).toEqual([2040, 2041]);
    await alertMissingHolidayLists(db.orm.em.fork(), now);
    await drain(dispatcher());
    const mails = mailsTo('admin@dpmptsp.test');
    expect(mails.map((m) => m.parsed.subject).sort()).toEqual([
      'Daftar resmi hari libur tahun 2040 belum ada',
      'Daftar resmi hari libur tahun 2041 belum ada',
    ]);
    expect(mails[0].parsed.text).toContain('Yth. Administrator sistem pengaduan,');
    const rows = await db.orm.em.fork().find(Notification, { kind: 'HOLIDAY_LIST_MISSING' });
    expect(rows.map((r) => r.status)).toEqual(['SENT', 'SENT']);
  });
});
