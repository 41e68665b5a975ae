/**
 * The SMS/WhatsApp gateway adapter against a local HTTP server that checks what a provider's relay
 * would check: the HMAC-SHA256 signature over timestamp and raw body, the JSON body, the
 * Idempotency-Key; and the dispatcher's handling of its answers (5xx retried, 4xx failed for good).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { loadConfig, type NotificationConfig } from '../../src/config/config';
import { Complaint, Notification } from '../../src/db/entities';
import { MessageGateway, toE164 } from '../../src/notifications/message-gateway';
import { LogMailer, NotificationDelivery } from '../../src/notifications/notification-delivery';
import { OutboxDispatcher } from '../../src/notifications/outbox-dispatcher';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';

const SECRET = 'rahasia-gateway-uji-0123456789';
const log = pino({ level: 'silent' });

interface Received {
  headers: http.IncomingHttpHeaders;
  body: Record<string, string>;
  signatureValid: boolean;
}

/** The relay in front of an SMS/WhatsApp provider, as the README describes it. */
async function startRelay() {
  const received: Received[] = [];
  let answer = 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-pengaduan-timestamp']);
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${raw}`).digest('hex')}`;
      const given = String(req.headers['x-pengaduan-signature'] ?? '');
      const signatureValid =
        given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      received.push({ headers: req.headers, body: JSON.parse(raw), signatureValid });
      res.statusCode = signatureValid ? answer : 401;
      res.end(signatureValid ? 'ok' : 'bad signature');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/kirim`,
    received,
    answer: (status: number) => {
      answer = status;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('SMS/WhatsApp gateway adapter', () => {
  let db: TestDatabase;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let config: NotificationConfig;
  beforeAll(async () => {
    [db, relay] = await Promise.all([createTestDatabase('sqlite'), startRelay()]);
    config = {
      ...loadConfig({ NODE_ENV: 'test' }).notifications,
      publicUrl: 'https://pengaduan.prabumulih.test',
      gateway: { url: relay.url, secret: SECRET },
    };
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.destroy();
  });

  it('posts the signed JSON message; the relay verifies the signature', async () => {
    await new MessageGateway(relay.url, SECRET).send({
      id: 'n-1',
      channel: 'SMS',
      to: '+6281234567890',
      text: 'Halo',
      kind: 'REGISTERED',
    });
    const [r] = relay.received.slice(-1);
    expect(r.signatureValid).toBe(true);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['idempotency-key']).toBe('n-1');
    expect(r.body).toEqual({
      id: 'n-1',
      channel: 'SMS',
      to: '+6281234567890',
      text: 'Halo',
      kind: 'REGISTERED',
    });
    // A relay with another secret refuses it: a permanent failure.
    await expect(
      new MessageGateway(relay.url, 'another-secret-entirely-000').send({
        id: 'n-2',
        channel: 'SMS',
        to: '+62812',
        text: 'x',
        kind: 'REGISTERED',
      }),
    ).rejects.toThrow('Gateway pesan menjawab 401: bad signature');
  });

  it('tells a complainant who chose WhatsApp by a short text with the tracking link; retries a 503', async () => {
    const c = await insertComplaint(db.orm);
    await db.orm.em.fork().nativeUpdate(
      Complaint,
      { id: c.complaintId },
      {
        complainantPhone: '0812-3456-7890',
        complainantEmail: 'abaikan@example.com',
        notifyBy: 'WHATSAPP',
        dueAt: new Date('2026-12-11T16:59:59.999Z'),
      },
    );
    const { trackingCode } = await db.orm.em.fork().findOneOrFail(Complaint, { id: c.complaintId });
    await createComplaintActivities({ orm: db.orm, log }).notify({
      id: `${c.workflowId}:1:notify-REGISTERED`,
      complaintId: c.complaintId,
      kind: 'REGISTERED',
      recipients: [{ recipient: 'COMPLAINANT' }],
      data: { registerNumber: c.registerNumber },
    });
    const mailer = new LogMailer(log);
    const gateway = new MessageGateway(relay.url, SECRET);
    const d = OutboxDispatcher.forOrm(
      db.orm,
      new NotificationDelivery(db.orm.em, config, mailer, gateway, log),
      log,
      {
        retryDelayMs: () => 0,
      },
    );
    relay.answer(503);
    const before = relay.received.length;
    await d.dispatchOnce();
    let [row] = await db.orm.em.fork().find(Notification, { complaintId: c.complaintId });
    expect([row.status, row.attempts, row.lastError]).toEqual([
      'PENDING',
      1,
      'Gateway pesan menjawab 503: ok',
    ]);
    relay.answer(200);
    await d.dispatchOnce();
    [row] = await db.orm.em.fork().find(Notification, { complaintId: c.complaintId });
    expect([row.status, row.attempts, row.channel, row.deliveredTo]).toEqual([
      'SENT',
      2,
      'WHATSAPP',
      '+6281234567890',
    ]);
    const sent = relay.received.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0].headers['idempotency-key']).toBe(sent[1].headers['idempotency-key']);
    const { body } = sent[1];
    expect(body.channel).toBe('WHATSAPP');
    expect(body.to).toBe('+6281234567890');
    expect(body.text).toBe(
      `DPM-PTSP Prabumulih: pengaduan ${c.registerNumber} diterima, kode lacak ${trackingCode}. ` +
        `Ditanggapi paling lambat 11 Des 2026. https://pengaduan.prabumulih.test/lacak?kode=${trackingCode}`,
    );
    expect(body.text).not.toContain('Siti'); // no personal data beyond what the recipient gave
    expect(body.text.length).toBeLessThanOrEqual(180);
  });

  it('writes numbers as E.164', () => {
    expect(toE164('0812-3456-7890')).toBe('+6281234567890');
    expect(toE164('+62 812 3456 7890')).toBe('+6281234567890');
    expect(toE164('62812345')).toBe('+62812345');
  });
});
