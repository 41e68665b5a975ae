/**
 * The intake's plain INSERT (src/db/plain-insert.ts) stores a row exactly as MikroORM would, on both
 * databases, and reports a duplicate key the way MikroORM does.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Complaint } from '../../src/db/entities';
import { insertRow } from '../../src/db/plain-insert';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';

describe.each(databaseKinds())('plain insert on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const row = (id: string): Complaint => ({
    id,
    registerNumber: `2026/12/${id.slice(0, 6)}`,
    trackingCode: id.slice(0, 10).toUpperCase(),
    workflowId: `pengaduan-${id}`,
    channel: 'SURAT',
    complainantName: 'Siti Aminah',
    complainantNik: '1674010101900001',
    complainantAddress: null,
    complainantPhone: '081234567890',
    complainantEmail: null,
    identityMode: 'BIASA',
    licensingService: 'Persetujuan Bangunan Gedung',
    description: 'Limbah pabrik tahu mencemari sungai.',
    evidence: ['foto-sungai.jpg', 'surat.pdf'],
    kecamatan: '16.74.01',
    kelurahan: '16.74.01.1007',
    receivedAt: new Date('2026-12-01T02:03:04.567Z'),
    receivedBy: 'loket',
    status: 'RECEIVED',
    dueAt: new Date('2026-12-15T16:59:59.999Z'),
    overdue: true,
    createdAt: new Date('2026-12-01T02:03:05.000Z'),
    updatedAt: new Date('2026-12-01T02:03:05.000Z'),
  });

  it('stores every field as MikroORM reads it back', async () => {
    const em = db.orm.em.fork();
    const written = row('1a1b2c3d-0000-4000-8000-000000000001');
    await em.getConnection().transactional((trx) => insertRow(em, Complaint, written, trx));
    const read = await db.orm.em.fork().findOneOrFail(Complaint, { id: written.id });
    expect({ ...read }).toEqual(expect.objectContaining({ ...written, category: null }));
  });

  it('gives a field left out its declared default, as MikroORM would', async () => {
    const em = db.orm.em.fork();
    const written = row('4a1b2c3d-0000-4000-8000-000000000004');
    delete (written as Partial<Complaint>).identityMode;
    await em.getConnection().transactional((trx) => insertRow(em, Complaint, written, trx));
    const read = await db.orm.em.fork().findOneOrFail(Complaint, { id: written.id });
    expect(read.identityMode).toBe('BIASA');
  });

  it('reports a duplicate key as UniqueConstraintViolationException and keeps nothing of the transaction', async () => {
    const em = db.orm.em.fork();
    const first = row('2a1b2c3d-0000-4000-8000-000000000002');
    await em.getConnection().transactional((trx) => insertRow(em, Complaint, first, trx));
    const other = row('3a1b2c3d-0000-4000-8000-000000000003');
    await expect(
      em.getConnection().transactional(async (trx) => {
        await insertRow(em, Complaint, other, trx);
        await insertRow(em, Complaint, first, trx);
      }),
    ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect(await db.orm.em.fork().count(Complaint, { id: other.id })).toBe(0);
  });
});
