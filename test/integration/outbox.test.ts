import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { Notification } from '../../src/db/entities';
import { OutboxRepository } from '../../src/db/repositories';
import { PermanentDeliveryError, SkipDelivery } from '../../src/notifications/delivery-errors';
import { type NotificationPort, OutboxDispatcher } from '../../src/notifications/outbox-dispatcher';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';

class RecordingPort implements NotificationPort {
  delivered: string[] = [];
  failNext = 0;
  failWith?: () => Error;
  delayMs = 0;
  async deliver(n: Notification) {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failWith) throw this.failWith();
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('SMTP down');
    }
    this.delivered.push(n.id);
    return { channel: 'EMAIL', to: [`${n.recipient.toLowerCase()}@example.test`] };
  }
}

const UNITS = ['LOKET', 'SEKSI_PENGADUAN', 'TIM_TEKNIS', 'KEPALA_DINAS'];

describe.each(databaseKinds())('notification outbox (%s)', (kind) => {
  let db: TestDatabase;
  const log = pino({ level: 'silent' });
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function notifyUnits(units = UNITS, round = 1) {
    const c = await insertComplaint(db.orm);
    await createComplaintActivities({ orm: db.orm, log }).notify({
      id: `${c.workflowId}:${round}:notify-TASK_ASSIGNED`,
      complaintId: c.complaintId,
      kind: 'TASK_ASSIGNED',
      recipients: units.map((recipient) => ({ recipient })),
      data: { registerNumber: c.registerNumber, round },
    });
    return c;
  }
  const rowsOf = (complaintId: string) =>
    db.orm.em.fork().find(Notification, { complaintId }, { orderBy: { id: 'asc' } });

  it('delivers each notification exactly once, even with two dispatchers side by side, and retries failures', async () => {
    const c = await notifyUnits();
    const port = new RecordingPort();
    port.failNext = 1;
    const opts = { retryDelayMs: () => 0 };
    const a = new OutboxDispatcher(new OutboxRepository(db.orm.em), port, log, opts);
    const b = OutboxDispatcher.forOrm(db.orm, port, log, opts);
    const [da, dbCount] = await Promise.all([a.dispatchOnce(), b.dispatchOnce()]);
    expect(da + dbCount).toBe(4); // four attempts, one of which failed
    const pending = (await rowsOf(c.complaintId)).filter((n) => n.status === 'PENDING');
    expect(pending).toHaveLength(1);
    expect(pending[0].attempts).toBe(1);
    expect(pending[0].lastError).toBe('SMTP down');

    expect(await a.dispatchOnce()).toBe(1);
    expect(port.delivered).toHaveLength(4);
    expect(new Set(port.delivered).size).toBe(4);
    const sent = await rowsOf(c.complaintId);
    expect(sent.map((n) => n.status)).toEqual(['SENT', 'SENT', 'SENT', 'SENT']);
    expect(sent.every((n) => n.sentAt instanceof Date && n.channel === 'EMAIL' && n.lastError === null)).toBe(
      true,
    );
    expect(sent.find((n) => n.recipient === 'LOKET')?.deliveredTo).toBe('loket@example.test');
  });

  it('never delivers twice with two dispatchers draining many rows concurrently', async () => {
    const units = Array.from({ length: 40 }, (_, i) => `UNIT_${i}`);
    const c = await notifyUnits(units);
    const port = new RecordingPort();
    port.delayMs = 2;
    const a = OutboxDispatcher.forOrm(db.orm, port, log, { batchSize: 3 });
    const b = OutboxDispatcher.forOrm(db.orm, port, log, { batchSize: 3 });
    const drain = async (d: OutboxDispatcher) => {
      let n = 0;
      let k = await d.dispatchOnce();
      while (k > 0) {
        n += k;
        k = await d.dispatchOnce();
      }
      return n;
    };
    const [na, nb] = await Promise.all([drain(a), drain(b)]);
    const mine = port.delivered.filter((id) => id.startsWith(c.workflowId));
    expect(mine).toHaveLength(40);
    expect(new Set(mine).size).toBe(40);
    expect(na + nb).toBe(40);
    expect(na).toBeGreaterThan(0);
    expect(nb).toBeGreaterThan(0);
  });

  it('waits between attempts (backoff), and gives up after maxAttempts with the reason', async () => {
    const c = await notifyUnits(['LOKET']);
    const port = new RecordingPort();
    port.failWith = () => new Error('connect ECONNREFUSED 127.0.0.1:25');
    const d = OutboxDispatcher.forOrm(db.orm, port, log, { maxAttempts: 2, retryDelayMs: () => 60_000 });
    await d.dispatchOnce();
    let [row] = await rowsOf(c.complaintId);
    expect(row.status).toBe('PENDING');
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await d.dispatchOnce()).toBe(0); // not due yet
    await db.orm.em
      .fork()
      .nativeUpdate(Notification, { id: row.id }, { nextAttemptAt: new Date(Date.now() - 1) });
    await d.dispatchOnce();
    [row] = await rowsOf(c.complaintId);
    expect(row.status).toBe('FAILED');
    expect(row.attempts).toBe(2);
    expect(row.lastError).toContain('ECONNREFUSED');
    // An operator retries it.
    expect(await new OutboxRepository(db.orm.em).retry(row.id)).toBe(true);
    port.failWith = undefined;
    await d.dispatchOnce();
    [row] = await rowsOf(c.complaintId);
    expect(row.status).toBe('SENT');
  });

  it('fails at once on a permanent error and skips when there is nobody to tell', async () => {
    const c = await notifyUnits(['LOKET', 'TIM_TEKNIS']);
    const port: NotificationPort = {
      deliver: async (n) => {
        if (n.recipient === 'LOKET')
          throw new PermanentDeliveryError('Tidak ada alamat email untuk unit Loket.');
        throw new SkipDelivery('Pengadu memilih tidak menerima pemberitahuan.');
      },
    };
    await OutboxDispatcher.forOrm(db.orm, port, log).dispatchOnce();
    const rows = await rowsOf(c.complaintId);
    expect(rows.map((r) => [r.recipient, r.status, r.attempts, r.lastError])).toEqual([
      ['LOKET', 'FAILED', 1, 'Tidak ada alamat email untuk unit Loket.'],
      ['TIM_TEKNIS', 'SKIPPED', 0, 'Pengadu memilih tidak menerima pemberitahuan.'],
    ]);
  });

  it('takes over a row whose dispatcher died mid-delivery once its lease has passed', async () => {
    const c = await notifyUnits(['LOKET']);
    const repo = new OutboxRepository(db.orm.em);
    const claimed = await repo.claim(10, 60_000);
    expect(claimed.map((n) => n.complaintId)).toContain(c.complaintId);
    // The dispatcher dies: its rows stay SENDING. Another finds nothing due until the lease passes.
    const port = new RecordingPort();
    const other = OutboxDispatcher.forOrm(db.orm, port, log);
    expect(await other.dispatchOnce()).toBe(0);
    const [row] = await rowsOf(c.complaintId);
    expect(row.status).toBe('SENDING');
    await db.orm.em
      .fork()
      .nativeUpdate(Notification, { claimToken: row.claimToken }, { leaseUntil: new Date(Date.now() - 1) });
    expect(await other.dispatchOnce()).toBeGreaterThan(0);
    const [after] = await rowsOf(c.complaintId);
    expect(after.status).toBe('SENT');
    expect(port.delivered).toContain(row.id);
    // The dead dispatcher's late answer changes nothing: it no longer holds the claim.
    await repo.markAttemptFailed(row, 'too late', null);
    expect((await rowsOf(c.complaintId))[0].status).toBe('SENT');
  });

  it("marks a batch's deliveries sent together, each with its own address, but not a row another dispatcher took over", async () => {
    const c = await notifyUnits(['LOKET', 'TIM_TEKNIS', 'KEPALA_DINAS']);
    const repo = new OutboxRepository(db.orm.em);
    const claimed = (await repo.claim(10, 60_000)).filter((n) => n.complaintId === c.complaintId);
    expect(claimed).toHaveLength(3);
    // KEPALA_DINAS's lease passed and another dispatcher claimed it anew meanwhile.
    const takenOver = claimed.find((n) => n.recipient === 'KEPALA_DINAS');
    await db.orm.em
      .fork()
      .nativeUpdate(Notification, { id: takenOver?.id }, { claimToken: 'another-dispatcher' });
    const sentAt = new Date('2026-12-02T03:00:00.000Z');
    await repo.markAllSent(
      claimed.map((n) => ({
        notification: n,
        outcome: {
          channel: 'EMAIL',
          to: [`${n.recipient.toLowerCase()}@example.test`, 'arsip@example.test'],
        },
        sentAt,
      })),
    );
    const rows = await rowsOf(c.complaintId);
    expect(
      rows.map((r) => [r.recipient, r.status, r.attempts, r.deliveredTo, r.sentAt?.toISOString() ?? null]),
    ).toEqual([
      ['KEPALA_DINAS', 'SENDING', 0, null, null],
      ['LOKET', 'SENT', 1, 'loket@example.test, arsip@example.test', sentAt.toISOString()],
      ['TIM_TEKNIS', 'SENT', 1, 'tim_teknis@example.test, arsip@example.test', sentAt.toISOString()],
    ]);
    expect(
      rows.filter((r) => r.status === 'SENT').every((r) => r.claimToken === null && r.leaseUntil === null),
    ).toBe(true);
  });

  it('gives back the rows it has not attempted when stopped mid-batch', async () => {
    const c = await notifyUnits(['LOKET', 'TIM_TEKNIS', 'KEPALA_DINAS']);
    const port = new RecordingPort();
    port.delayMs = 100;
    const d = OutboxDispatcher.forOrm(db.orm, port, log, { intervalMs: 10, batchSize: 10 });
    d.start();
    await new Promise((r) => setTimeout(r, 60));
    await d.stop();
    const rows = await rowsOf(c.complaintId);
    expect(rows.every((r) => r.status === 'SENT' || (r.status === 'PENDING' && r.claimToken === null))).toBe(
      true,
    );
    expect(rows.filter((r) => r.status === 'PENDING').length).toBeGreaterThan(0);
    await OutboxDispatcher.forOrm(db.orm, port, log).dispatchOnce();
    expect((await rowsOf(c.complaintId)).every((r) => r.status === 'SENT')).toBe(true);
  });
});
