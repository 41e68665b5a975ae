/**
 * Encryption at rest of the complainant's NIK, address, phone and e-mail (and a notification's
 * address), on both databases: the raw rows hold no personal data, the entities read it back, the
 * keyed hashes find a person's complaints whichever way the complaint was written, a key rotation
 * keeps old rows readable until the re-encryption step moves them, and legacy plaintext rows get
 * encrypted by that step.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { NotificationsService } from '../../src/api/notifications/notifications.service';
import { Complaint, Notification } from '../../src/db/entities';
import { createOrm } from '../../src/db/orm';
import { personLookupFilter } from '../../src/db/person-lookup';
import { insertRow } from '../../src/db/plain-insert';
import { reencryptPersonalData } from '../../src/db/reencrypt';
import { ComplaintNotificationRepository } from '../../src/db/repositories/complaint-notification.repository';
import { OutboxRepository } from '../../src/db/repositories/outbox.repository';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { testPersonalData } from '../helpers/personal-data';

const NIK = '1674010101900001';
const ADDRESS = 'Jl. Jenderal Sudirman No. 17, Kelurahan Muara Dua';
const PHONE = '081234567890';
const EMAIL = 'Siti.Aminah@Example.com';

let seq = 0;
function complaint(overrides: Partial<Complaint> = {}): Complaint {
  seq += 1;
  const id = `${String(seq).padStart(8, '0')}-0000-4000-8000-${Date.now().toString(16).padStart(12, '0').slice(-12)}`;
  return {
    id,
    registerNumber: `2026/12/E${String(seq).padStart(5, '0')}`,
    trackingCode: `ENC${Date.now().toString(36).slice(-6)}${seq}`.slice(0, 16).toUpperCase(),
    workflowId: `pengaduan-${id}`,
    channel: 'SURAT',
    identityMode: 'BIASA',
    complainantName: 'Siti Aminah',
    complainantNik: NIK,
    complainantAddress: ADDRESS,
    complainantPhone: PHONE,
    complainantEmail: EMAIL,
    description: 'Izin usaha belum terbit.',
    evidence: [],
    receivedAt: new Date('2026-12-01T02:00:00Z'),
    status: 'RECEIVED',
    overdue: false,
    createdAt: new Date('2026-12-01T02:00:00Z'),
    updatedAt: new Date('2026-12-01T02:00:00Z'),
    ...overrides,
  };
}

type RawRow = Record<string, string | null>;

async function raw(em: EntityManager, table: string, id: string): Promise<RawRow> {
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  const [row] = await knex(table).select('*').where('id', id);
  return row;
}

function expectNoPersonalData(row: RawRow, columns: string[]) {
  const text = JSON.stringify(columns.map((c) => row[c]));
  for (const secret of [NIK, ADDRESS, PHONE, EMAIL, EMAIL.toLowerCase(), '1234567890', 'Sudirman', 'Aminah@'])
    expect(text).not.toContain(secret);
}

const ENCRYPTED = ['complainant_nik', 'complainant_address', 'complainant_phone', 'complainant_email'];

describe.each(databaseKinds())('personal data encryption on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function plainInsert(c: Complaint): Promise<void> {
    const em = db.orm.em.fork();
    await em.getConnection().transactional((trx) => insertRow(em, Complaint, c, trx));
  }

  it('stores the intake plain insert encrypted with hashes, and reads it back in plaintext', async () => {
    const c = complaint();
    await plainInsert(c);
    const row = await raw(db.orm.em, 'complaint', c.id);
    for (const column of ENCRYPTED) expect(row[column]).toMatch(/^enc:v1:test1:/);
    expectNoPersonalData(row, ENCRYPTED);
    for (const column of ['complainant_nik_hash', 'complainant_phone_hash', 'complainant_email_hash'])
      expect(row[column]).toMatch(/^[0-9a-f]{64}$/);
    const read = await db.orm.em.fork().findOneOrFail(Complaint, { id: c.id });
    expect(read).toMatchObject({
      complainantNik: NIK,
      complainantAddress: ADDRESS,
      complainantPhone: PHONE,
      complainantEmail: EMAIL,
    });
  });

  it('keeps the hashes right through em.flush: create, correction, erasure; an unchanged entity is not rewritten', async () => {
    const em = db.orm.em.fork();
    const c = em.create(Complaint, complaint({ complainantEmail: null, complainantPhone: '0811-1111-2222' }));
    await em.flush();
    const created = await raw(em, 'complaint', c.id);
    expect(created.complainant_phone).toMatch(/^enc:v1:test1:/);
    expect(created.complainant_email).toBeNull();
    expect(created.complainant_email_hash).toBeNull();
    expect(await db.orm.em.fork().count(Complaint, personLookupFilter({ phone: '+62 811 1111 2222' }))).toBe(
      1,
    );

    // Loaded and flushed without a change: no UPDATE (a new sealing of the same value is no change).
    const again = db.orm.em.fork();
    await again.findOneOrFail(Complaint, { id: c.id });
    await again.flush();
    expect((await raw(em, 'complaint', c.id)).complainant_phone).toBe(created.complainant_phone);

    // A correction through the entity: the hash follows the new value.
    const fix = db.orm.em.fork();
    const loaded = await fix.findOneOrFail(Complaint, { id: c.id });
    loaded.complainantEmail = 'baru@example.com';
    loaded.complainantPhone = null;
    await fix.flush();
    const corrected = await raw(em, 'complaint', c.id);
    expect(corrected.complainant_email).toMatch(/^enc:v1:/);
    expect(corrected.complainant_phone).toBeNull();
    expect(corrected.complainant_phone_hash).toBeNull();
    const fresh = db.orm.em.fork();
    expect(await fresh.count(Complaint, personLookupFilter({ email: 'BARU@example.com' }))).toBe(1);
    expect(await fresh.count(Complaint, personLookupFilter({ phone: '081111112222' }))).toBe(0);
    expect((await fresh.findOneOrFail(Complaint, { id: c.id })).complainantEmail).toBe('baru@example.com');

    // Erasure: every hash null with its value.
    const erase = db.orm.em.fork();
    const e = await erase.findOneOrFail(Complaint, { id: c.id });
    Object.assign(e, { complainantNik: null, complainantEmail: null, complainantAddress: null });
    await erase.flush();
    expect(await raw(em, 'complaint', c.id)).toMatchObject({
      complainant_nik: null,
      complainant_nik_hash: null,
      complainant_email: null,
      complainant_email_hash: null,
      complainant_address: null,
    });
  });

  it("finds a person's complaints by NIK, e-mail or phone (62... or 0...) through the hashes only", async () => {
    const nik = '1674019999000123';
    const mine = [
      complaint({ complainantNik: nik, complainantPhone: '0813-7777-8888', complainantEmail: null }),
      complaint({
        complainantNik: null,
        complainantPhone: null,
        complainantEmail: 'Warga.Prabumulih@Mail.id',
      }),
    ];
    for (const c of mine) await plainInsert(c);
    const em = db.orm.em.fork();
    const ids = async (person: Parameters<typeof personLookupFilter>[0]) =>
      (await em.find(Complaint, personLookupFilter(person, em), { orderBy: { id: 'asc' } })).map((c) => c.id);
    expect(await ids({ nik })).toEqual([mine[0].id]);
    expect(await ids({ phone: '6281377778888' })).toEqual([mine[0].id]);
    expect(await ids({ phone: '+62 813 7777 8888' })).toEqual([mine[0].id]);
    expect(await ids({ phone: '081377778888' })).toEqual([mine[0].id]);
    expect(await ids({ email: ' warga.prabumulih@mail.ID' })).toEqual([mine[1].id]);
    expect(await ids({ nik, email: 'warga.prabumulih@mail.id' })).toEqual(mine.map((c) => c.id).sort());
    expect(await ids({ nik: '1674019999000999' })).toEqual([]);
    expect(await ids({})).toEqual([]);
  });

  it('sends a lost tracking code to the phone found by its hash, the outbox address encrypted', async () => {
    const c = complaint({ complainantPhone: '0852 1234 0000', complainantEmail: null });
    await plainInsert(c);
    await new NotificationsService(
      new ComplaintNotificationRepository(db.orm.em),
      new OutboxRepository(db.orm.em),
    ).requestTrackingCode('+62 852-1234-0000');
    const em = db.orm.em.fork();
    const [n] = await em.find(Notification, { complaintId: c.id, kind: 'TRACKING_CODE' });
    expect(n.address).toBe('0852 1234 0000');
    expect(n.body).toContain(c.trackingCode);
    const row = await raw(em, 'notification', n.id);
    expect(row.address).toMatch(/^enc:v1:test1:/);
    expect(row.address).not.toContain('1234');
    // Delivered: where it went is recorded encrypted too (a native update through the outbox).
    await new OutboxRepository(db.orm.em).markSent(n, { channel: 'SMS', to: ['+6285212340000'] });
    const sent = await raw(em, 'notification', n.id);
    expect(sent.status).toBe('SENT');
    expect(sent.delivered_to).toMatch(/^enc:v1:test1:/);
    expect((await db.orm.em.fork().findOneOrFail(Notification, { id: n.id })).deliveredTo).toBe(
      '+6285212340000',
    );
  });

  it('encrypts legacy plaintext rows and fills their hashes in the re-encryption step', async () => {
    const c = complaint({ complainantNik: '1674017777000001', complainantPhone: '0899 0000 1111' });
    const em = db.orm.em.fork();
    const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
    await plainInsert(c);
    // As a row from before encryption: plaintext, no hashes.
    await knex('complaint').where('id', c.id).update({
      complainant_nik: c.complainantNik,
      complainant_address: ADDRESS,
      complainant_phone: c.complainantPhone,
      complainant_email: EMAIL,
      complainant_nik_hash: null,
      complainant_phone_hash: null,
      complainant_email_hash: null,
    });
    expect((await db.orm.em.fork().findOneOrFail(Complaint, { id: c.id })).complainantPhone).toBe(
      '0899 0000 1111',
    );
    expect(await db.orm.em.fork().count(Complaint, personLookupFilter({ nik: '1674017777000001' }))).toBe(0);

    const result = await reencryptPersonalData(db.orm.em.fork());
    expect(result.updated.complaint).toBeGreaterThanOrEqual(1);
    const row = await raw(em, 'complaint', c.id);
    for (const column of ENCRYPTED) expect(row[column]).toMatch(/^enc:v1:/);
    expectNoPersonalData(row, ENCRYPTED);
    const after = db.orm.em.fork();
    expect((await after.findOneOrFail(Complaint, { id: c.id })).complainantNik).toBe('1674017777000001');
    expect(
      (await after.find(Complaint, personLookupFilter({ phone: '6289900001111' }))).map((x) => x.id),
    ).toEqual([c.id]);
  });

  it('at start reads only the rows not under the current key, unless the lookup hashes must be redone', async () => {
    const knex = (db.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    // A complete run records the hash key's fingerprint.
    await reencryptPersonalData(db.orm.em.fork());
    const [state] = await knex('personal_data_key_state').select('*');
    expect(state).toMatchObject({
      name: 'lookup-hash-key',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const total = await db.orm.em.fork().count(Complaint);
    expect(total).toBeGreaterThan(1);

    // Nothing stale: the start-up step reads no row at all.
    const idle = await reencryptPersonalData(db.orm.em.fork(), { scope: 'stale' });
    expect(idle).toMatchObject({ scope: 'stale', read: { complaint: 0, notification: 0 } });

    // One row in legacy plaintext (its phone only): exactly that row is read, sealed and hashed.
    const c = complaint({ complainantPhone: '0877 1234 0000' });
    await plainInsert(c);
    await knex('complaint')
      .where('id', c.id)
      .update({ complainant_phone: '0877 1234 0000', complainant_phone_hash: null });
    const one = await reencryptPersonalData(db.orm.em.fork(), { scope: 'stale' });
    expect(one).toMatchObject({ scope: 'stale', read: { complaint: 1 }, updated: { complaint: 1 } });
    expect((await raw(db.orm.em.fork(), 'complaint', c.id)).complainant_phone).toMatch(/^enc:v1:test1:/);
    const em = db.orm.em.fork();
    expect(
      (await em.find(Complaint, personLookupFilter({ phone: '087712340000' }, em))).map((x) => x.id),
    ).toEqual([c.id]);

    // Another hash key (or new normalisation rules) since the last complete run: every row is read.
    await knex('personal_data_key_state').update({ fingerprint: '0'.repeat(64) });
    const redo = await reencryptPersonalData(db.orm.em.fork(), { scope: 'stale' });
    expect(redo.scope).toBe('all');
    expect(redo.read.complaint).toBe(await db.orm.em.fork().count(Complaint));
    expect((await knex('personal_data_key_state').select('fingerprint'))[0].fingerprint).toBe(
      state.fingerprint,
    );
  });

  describe('key rotation and re-encryption', () => {
    const keyB = { id: 'test2', key: Buffer.alloc(32, 0x5b) };
    const orms: MikroORM[] = [];
    const ormWith = async (keys: { id: string; key: Buffer }[]) => {
      const orm = await createOrm({
        database: db.config,
        dbDebug: false,
        dataDir: '/nonexistent',
        personalData: { keys, hashKey: testPersonalData().hashKey },
      });
      orms.push(orm);
      return orm;
    };
    afterAll(async () => {
      for (const orm of orms) await orm.close(true);
    });

    it('reads rows under the old key after a new key is added, re-encrypts them, then the old key can go', async () => {
      const keyA = testPersonalData().keys![0];
      const old = complaint({ complainantNik: '1674018888000001' });
      await plainInsert(old); // under key A (test1)

      const ba = await ormWith([keyB, keyA]);
      // Still readable with B first; new rows use B.
      expect((await ba.em.fork().findOneOrFail(Complaint, { id: old.id })).complainantNik).toBe(
        '1674018888000001',
      );
      const fresh = complaint({ complainantNik: '1674018888000002' });
      const em = ba.em.fork();
      await em.getConnection().transactional((trx) => insertRow(em, Complaint, fresh, trx));
      expect((await raw(em, 'complaint', fresh.id)).complainant_nik).toMatch(/^enc:v1:test2:/);

      // With B alone, before re-encryption, the rows under A cannot be read.
      const bOnly = await ormWith([keyB]);
      await expect(bOnly.em.fork().findOneOrFail(Complaint, { id: old.id })).rejects.toThrow(/test1/);

      const first = await reencryptPersonalData(ba.em.fork(), { batchSize: 3 });
      expect(first.updated.complaint).toBeGreaterThan(0);
      const moved = await raw(em, 'complaint', old.id);
      for (const column of ENCRYPTED) expect(moved[column]).toMatch(/^enc:v1:test2:/);
      // Idempotent: nothing left to do.
      const second = await reencryptPersonalData(ba.em.fork(), { batchSize: 3 });
      expect(second.updated.complaint).toBe(0);
      // And the next start finds no row to read.
      expect((await reencryptPersonalData(ba.em.fork(), { scope: 'stale' })).read).toEqual({
        complaint: 0,
        notification: 0,
      });
      expect(Object.values(second.updated).every((n) => n === 0)).toBe(true);

      // Key A dropped: every row still reads, and the hashes still find them.
      const bEm = bOnly.em.fork();
      expect((await bEm.findOneOrFail(Complaint, { id: old.id })).complainantNik).toBe('1674018888000001');
      expect(await bEm.count(Complaint)).toBe(await db.orm.em.fork().count(Complaint));
      expect(
        (await bEm.find(Complaint, personLookupFilter({ nik: '1674018888000001' }, bEm))).map((c) => c.id),
      ).toEqual([old.id]);
      await bEm.find(Notification, {}); // the outbox's addresses too
    });
  });
});
