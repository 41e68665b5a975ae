/**
 * Encryption at rest through the API: a complaint registered by the front desk is stored with its
 * complainant's NIK, address, phone and e-mail unreadable in the raw database, yet the complaint's
 * detail shows them, and a lost tracking code is found by the phone in either form.
 */
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Notification } from '../../../src/db/entities';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

describe.each(databaseKinds())('personal data encrypted at rest through the API (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('stores the contact unreadable, shows it on the detail, and finds the complaint by phone for a lost code', async () => {
    const complainant = {
      name: 'Rahmawati',
      nik: '1674015507880002',
      address: 'Jl. Bukit Sulap No. 4, RT 001/RW 002, Kel. Gunung Ibul, Kec. Prabumulih Timur',
      phone: '0821-7000-4321',
      email: 'Rahmawati.P@Example.id',
    };
    const created = await e.register({ complainant });
    const knex = (e.db.orm.em.getConnection() as AbstractSqlConnection).getKnex();
    const [row] = await knex('complaint')
      .select('complainant_nik', 'complainant_address', 'complainant_phone', 'complainant_email')
      .where('id', created.id);
    const raw = JSON.stringify(row);
    for (const text of [
      '1674015507880002',
      'Bukit Sulap',
      '7000',
      '4321',
      'rahmawati',
      'Rahmawati',
      'example.id',
    ])
      expect(raw).not.toContain(text);
    for (const value of Object.values(row)) expect(value).toMatch(/^enc:v1:test1:/);

    const detail = await e.detail(created.id);
    expect(detail.complainant).toMatchObject({
      nik: complainant.nik,
      address: complainant.address,
      phone: complainant.phone,
      email: complainant.email,
    });

    await e.http
      .post('/api/public/tracking-code-requests')
      .send({ contact: '+62 821 7000 4321' })
      .expect(202);
    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(Notification, { complaintId: created.id, kind: 'TRACKING_CODE' })) ===
        1,
    );
    const [n] = await e.db.orm.em
      .fork()
      .find(Notification, { complaintId: created.id, kind: 'TRACKING_CODE' });
    expect(n.address).toBe(complainant.phone);
    expect(n.body).toContain(created.trackingCode);
  });
});
