import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { Notification } from '../../src/db/entities';
import { OutboxRepository } from '../../src/db/repositories';
import { type NotificationPort, OutboxDispatcher } from '../../src/notifications/outbox-dispatcher';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';

class RecordingPort implements NotificationPort {
  delivered: string[] = [];
  failNext = 0;
  async deliver(n: Notification): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('SMTP down');
    }
    this.delivered.push(n.id);
  }
}

describe.each(databaseKinds())('notification outbox (%s)', (kind) => {
  let db: TestDatabase;
  const log = pino({ level: 'silent' });
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('delivers each notification exactly once, even with two dispatchers side by side, and retries failures', async () => {
    const c = await insertComplaint(db.orm);
    const activities = createComplaintActivities({ orm: db.orm, log });
    await activities.notify({
      id: `${c.workflowId}:1:notify-TASK_ASSIGNED`,
      complaintId: c.complaintId,
      kind: 'TASK_ASSIGNED',
      recipients: ['LOKET', 'SEKSI_PENGADUAN', 'TIM_TEKNIS', 'KEPALA_DINAS'].map((recipient) => ({
        recipient,
      })),
      data: { registerNumber: c.registerNumber, round: 1 },
    });
    const port = new RecordingPort();
    port.failNext = 1;
    const a = new OutboxDispatcher(new OutboxRepository(db.orm.em), port, log);
    const b = OutboxDispatcher.forOrm(db.orm, port, log);
    const [da, dbCount] = await Promise.all([a.dispatchOnce(), b.dispatchOnce()]);
    expect(da + dbCount).toBe(3); // one failed attempt
    const em = db.orm.em.fork();
    const pending = await em.find(Notification, { status: 'PENDING' });
    expect(pending).toHaveLength(1);
    expect(pending[0].attempts).toBe(1);

    expect(await a.dispatchOnce()).toBe(1);
    expect(port.delivered).toHaveLength(4);
    expect(new Set(port.delivered).size).toBe(4);
    const sent = await db.orm.em.fork().find(Notification, { status: 'SENT' });
    expect(sent).toHaveLength(4);
    expect(sent.every((n) => n.sentAt instanceof Date)).toBe(true);
  });
});
