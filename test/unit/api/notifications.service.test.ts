import { Logger } from '@nestjs/common';
import { NotificationsService } from '../../../src/api/notifications/notifications.service';
import { apiErrorOf, complaintRecord } from './fakes';
import {
  fakeContactKey,
  InMemoryComplaintNotificationRepository,
  InMemoryOutboxRepository,
  NotificationStore,
  notificationRecord,
} from './fakes-notifications';

function setup() {
  const store = new NotificationStore();
  const service = new NotificationsService(
    new InMemoryComplaintNotificationRepository(store),
    new InMemoryOutboxRepository(store),
  );
  return { store, service };
}

const HOUR = 60 * 60_000;

// The service logs each message queued; not wanted in the test output (each test file has its own Logger).
beforeAll(() => Logger.overrideLogger(false));

describe('NotificationsService.requestTrackingCode', () => {
  it("sends the codes of the contact's complaints, newest first and at most 5, to the e-mail stored on the latest", async () => {
    const { store, service } = setup();
    const filed = [3, 9, 5, 1, 7, 2].map((day) =>
      complaintRecord({
        complainantEmail: 'Siti.Aminah@Example.com',
        receivedAt: new Date(`2026-05-0${day}T02:00:00Z`),
      }),
    );
    store.complaints.push(...filed, complaintRecord({ complainantEmail: 'orang.lain@example.com' }));
    const now = new Date('2026-05-10T05:30:00Z');

    await service.requestTrackingCode('  siti.aminah@example.com ', now);

    expect(store.rows).toHaveLength(1);
    const [n] = store.rows;
    const newest = [...filed].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
    expect(n).toMatchObject({
      id: `kode:${fakeContactKey('email', 'siti.aminah@example.com')?.slice(0, 24)}:${Math.floor(now.getTime() / HOUR)}`,
      complaintId: newest[0].id,
      recipient: 'COMPLAINANT',
      recipientArea: null,
      kind: 'TRACKING_CODE',
      subject: 'Kode pelacakan pengaduan Anda',
      status: 'PENDING',
      attempts: 0,
      channel: 'EMAIL',
      // As stored on the complaint, not as typed.
      address: 'Siti.Aminah@Example.com',
      createdAt: now,
    });
    const listed = n.body.split('\n').filter((line) => line.startsWith('Pengaduan '));
    expect(listed).toEqual(
      newest
        .slice(0, 5)
        .map(
          (c) =>
            `Pengaduan ${c.registerNumber} (diterima ${c.receivedAt.getUTCDate()} Mei 2026): kode pelacakan ${c.trackingCode}`,
        ),
    );
    expect(n.body).toMatch(/^Anda meminta kode pelacakan pengaduan yang diajukan dengan alamat email ini\./);
    expect(n.body).toMatch(/Bila Anda tidak memintanya, abaikan pesan ini\.$/);
  });

  it.each([
    ['WHATSAPP', 'WHATSAPP'],
    ['SMS', 'SMS'],
    [null, 'SMS'],
  ])('for a phone sends by the channel the latest complaint chose (%s: %s)', async (notifyBy, channel) => {
    const { store, service } = setup();
    const c = complaintRecord({ complainantPhone: '0852-1234-0000', complainantEmail: null, notifyBy });
    store.complaints.push(c);

    await service.requestTrackingCode('+62 852 1234 0000', new Date('2026-05-10T05:30:00Z'));

    expect(store.rows).toEqual([
      expect.objectContaining({ complaintId: c.id, channel, address: '0852-1234-0000' }),
    ]);
    expect(store.rows[0].body).toMatch(/^Kode pelacakan pengaduan Anda:\n\nPengaduan /);
    expect(store.rows[0].body).not.toContain('abaikan');
    // The contact is not part of the message's id.
    expect(store.rows[0].id).not.toContain('1234');
  });

  it('queues one message per contact and hour, however often it is asked for', async () => {
    const { store, service } = setup();
    store.complaints.push(complaintRecord({ complainantEmail: 'budi@example.com' }));

    await service.requestTrackingCode('budi@example.com', new Date('2026-05-10T05:00:00Z'));
    await service.requestTrackingCode('BUDI@example.com', new Date('2026-05-10T05:59:59Z'));
    expect(store.rows).toHaveLength(1);
    await service.requestTrackingCode('budi@example.com', new Date('2026-05-10T06:00:00Z'));
    expect(store.rows).toHaveLength(2);
  });

  it('queues nothing for a contact on no complaint (and the caller learns nothing either way)', async () => {
    const { store, service } = setup();
    store.complaints.push(complaintRecord({ complainantEmail: 'budi@example.com' }));
    expect(await service.requestTrackingCode('siti@example.com')).toBeUndefined();
    expect(await service.requestTrackingCode('0811 0000 0000')).toBeUndefined();
    expect(store.rows).toEqual([]);
  });
});

describe('NotificationsService.forComplaint', () => {
  it('answers 404 for an unknown complaint', async () => {
    const { service } = setup();
    expect(await apiErrorOf(service.forComplaint('2026-05-9999'))).toEqual({
      status: 404,
      message: 'Pengaduan tidak ditemukan.',
    });
  });

  it('finds the complaint by id or by register number (dashes as in a URL), and lists its deliveries without addresses', async () => {
    const { store, service } = setup();
    const c = complaintRecord({ registerNumber: '2026/05/0042' });
    store.complaints.push(c);
    store.add(
      notificationRecord({
        id: 'n2',
        complaintId: c.id,
        recipient: 'COMPLAINANT',
        kind: 'RESOLVED',
        status: 'FAILED',
        address: 'budi@example.com',
        deliveredTo: 'budi@example.com',
        lastError: 'SMTP menolak',
        nextAttemptAt: new Date('2026-05-05T03:00:00Z'),
        createdAt: new Date('2026-05-05T02:00:00Z'),
      }),
      notificationRecord({
        id: 'n1',
        complaintId: c.id,
        sentAt: new Date('2026-05-04T03:01:00Z'),
        createdAt: new Date('2026-05-04T03:00:00Z'),
      }),
      notificationRecord({ id: 'other', complaintId: 'another-complaint' }),
    );

    const byRegister = await service.forComplaint(' 2026-05-0042 ');

    expect(await service.forComplaint(c.id)).toEqual(byRegister);
    expect(byRegister).toEqual([
      {
        id: 'n1',
        kind: 'TASK_OPENED',
        recipient: 'BIDANG_PERIZINAN',
        recipientArea: null,
        subject: 'Tugas baru',
        status: 'SENT',
        attempts: 1,
        channel: 'EMAIL',
        lastError: null,
        createdAt: '2026-05-04T03:00:00.000Z',
        sentAt: '2026-05-04T03:01:00.000Z',
        nextAttemptAt: null,
      },
      expect.objectContaining({
        id: 'n2',
        status: 'FAILED',
        lastError: 'SMTP menolak',
        nextAttemptAt: '2026-05-05T03:00:00.000Z',
      }),
    ]);
    expect(JSON.stringify(byRegister)).not.toContain('budi@example.com');
  });
});

describe('NotificationsService.retry', () => {
  it('puts a failed notification back in the queue, and answers 404 for one that has not failed', async () => {
    const { store, service } = setup();
    store.add(
      notificationRecord({ id: 'failed', status: 'FAILED', attempts: 5, lastError: 'SMTP menolak' }),
      notificationRecord({ id: 'sent', status: 'SENT' }),
    );

    await service.retry('failed');

    expect(store.rows[0]).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
    for (const id of ['sent', 'unknown'])
      expect(await apiErrorOf(service.retry(id))).toEqual({
        status: 404,
        message: 'Tidak ada pemberitahuan gagal atau dilewati dengan id tersebut.',
      });
  });
});
