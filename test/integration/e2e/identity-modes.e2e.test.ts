/**
 * Anonymous and confidential complaints (issue 19, part 1): RAHASIA and ANONIM on the website and
 * e-mail only, an anonymous complaint followed by its tracking code alone, and a confidential
 * identity seen by Seksi Pengaduan, the Kabid and admins only ("Dirahasiakan" for everyone else,
 * including units with a task).
 */
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const PUNGLI =
  'Oknum petugas meminta uang Rp500.000 di luar tarif resmi agar izin usaha cepat terbit (pungutan liar).';
const SECRET = {
  name: 'Rahasia Sekali Wijaya',
  phone: '081355566677',
  email: 'pelapor.rahasia@example.com',
  address: 'Jl. Melati No. 9, Prabumulih',
};

describe.each(databaseKinds())('anonymous and confidential complaints (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  const post = async (body: Record<string, unknown>) =>
    e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(body);
  const get = async (path: string, user: string) => e.http.get(path).set(await e.as(user));

  describe('the channels and rules of an identity mode', () => {
    it.each(['SURAT', 'TELEPON', 'FAKSIMILE'])('refuses RAHASIA and ANONIM by %s (422)', async (channel) => {
      for (const identityMode of ['RAHASIA', 'ANONIM']) {
        const res = await post(staffComplaint({ channel, identityMode }));
        expect(res.status).toBe(422);
        expect(res.body.message).toContain('hanya dapat disampaikan melalui website atau email');
        expect(res.body.fields.identityMode).toBeDefined();
      }
    });

    it('refuses an anonymous complaint that carries an identity or a notification (422), and stores nothing', async () => {
      const before = (await get('/api/complaints?pageSize=1', 'pengaduan')).body.total;
      const named = await post(staffComplaint({ identityMode: 'ANONIM' }));
      expect(named.status).toBe(422);
      expect(named.body.message).toContain('Pengaduan anonim tidak mencatat identitas pengadu');
      const { complainant: _none, channel: _website, ...withoutComplainant } = staffComplaint();
      const told = await e.http
        .post('/api/public/complaints')
        .send({ ...withoutComplainant, identityMode: 'ANONIM', notifyBy: 'WHATSAPP' });
      expect(told.status).toBe(422);
      expect(told.body.message).toContain('Pengaduan anonim tidak dapat diberi pemberitahuan');
      expect((await get('/api/complaints?pageSize=1', 'pengaduan')).body.total).toBe(before);
    });

    it('answers 400 for an unknown mode, and 422 for a missing complainant unless ANONIM', async () => {
      const unknown = await post(staffComplaint({ identityMode: 'SAMARAN' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toContain('Pilihan identitas (identityMode) wajib salah satu dari');
      // Leaving the complainant out is well-formed (anonymous complaints do): a rule asks for the name.
      const { complainant: _none, ...withoutComplainant } = staffComplaint();
      const missing = await post({ ...withoutComplainant, channel: 'WEBSITE' });
      expect(missing.status).toBe(422);
      expect(missing.body.fields).toMatchObject({ 'complainant.name': 'Nama pengadu wajib diisi.' });
      const { channel: _website, ...publicBody } = withoutComplainant;
      const publicMissing = await e.http.post('/api/public/complaints').send(publicBody);
      expect(publicMissing.status).toBe(422);
    });
  });

  it('takes an anonymous complaint on the website, followed by its tracking code alone', async () => {
    const { complainant: _none, channel: _channel, ...body } = staffComplaint({ description: PUNGLI });
    const res = await e.http.post('/api/public/complaints').send({ ...body, identityMode: 'ANONIM' });
    expect(res.status).toBe(201);
    const tracked = await e.http.get(`/api/public/complaints/${res.body.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ trackingCode: res.body.trackingCode, status: 'RECEIVED' });

    // Even Seksi Pengaduan and the admin see no identity: there is none.
    for (const user of ['pengaduan', 'admin']) {
      const detail = (await get(`/api/complaints/${res.body.id}`, user)).body;
      expect(detail).toMatchObject({ identityMode: 'ANONIM', identityVisible: false, channel: 'WEBSITE' });
      expect(detail.complainant).toEqual({
        name: 'Anonim',
        nik: null,
        address: null,
        phone: null,
        email: null,
      });
      expect(detail.timeline[0]).toMatchObject({ type: 'RECEIVED', details: { identityMode: 'ANONIM' } });
    }
    const row = await e.db.orm.em
      .fork()
      .getConnection()
      .execute(
        'select complainant_name, complainant_nik, complainant_phone, complainant_email, complainant_address, notify_by, identity_mode from complaint where id = ?',
        [res.body.id],
      );
    expect(row[0]).toEqual({
      complainant_name: 'Anonim',
      complainant_nik: null,
      complainant_phone: null,
      complainant_email: null,
      complainant_address: null,
      notify_by: 'NONE',
      identity_mode: 'ANONIM',
    });
  });

  it('takes an anonymous complaint by e-mail without the sender address', async () => {
    const { complainant: _none, ...body } = staffComplaint({ channel: 'EMAIL' });
    const res = await post({ ...body, identityMode: 'ANONIM' });
    expect(res.status).toBe(201);
    const list = (await get(`/api/complaints?q=${res.body.trackingCode}`, 'kebijakan')).body;
    expect(list.items[0]).toMatchObject({
      identityMode: 'ANONIM',
      complainant: { name: 'Anonim', nik: null },
    });
  });

  describe('a confidential report of extortion (pungli) without a NIK', () => {
    let id: string;
    let trackingCode: string;
    beforeAll(async () => {
      const res = await post(
        staffComplaint({
          channel: 'EMAIL',
          identityMode: 'RAHASIA',
          description: PUNGLI,
          complainant: SECRET,
        }),
      );
      expect(res.status).toBe(201);
      ({ id, trackingCode } = res.body);
      await e.http
        .post(`/api/complaints/${id}/triage`)
        .set(await e.as('pengaduan'))
        .send({ category: 'SEDANG' })
        .expect(200);
      await eventually(async () => (await e.detail(id)).tasks.length > 0);
    });

    it('shows the identity to Seksi Pengaduan, the Kabid and the admin', async () => {
      for (const user of ['pengaduan', 'kabid', 'admin']) {
        const detail = (await get(`/api/complaints/${id}`, user)).body;
        expect(detail).toMatchObject({ identityMode: 'RAHASIA', identityVisible: true });
        expect(detail.complainant).toEqual({ ...SECRET, nik: null });
      }
      const list = (await get(`/api/complaints?q=${trackingCode}`, 'kabid')).body;
      expect(list.items[0].complainant.name).toBe(SECRET.name);
    });

    it('shows "Dirahasiakan" to every other unit, the area officials and the Wali Kota, even with a task', async () => {
      const others = [
        'loket',
        'kebijakan',
        'perizinan',
        'teknis',
        'kadis',
        'kec-16.74.01',
        'kel-16.74.01.1007',
        'walikota',
      ];
      for (const user of others) {
        const res = await get(`/api/complaints/${id}`, user);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ identityMode: 'RAHASIA', identityVisible: false });
        expect(res.body.complainant).toEqual({
          name: 'Dirahasiakan',
          nik: 'Dirahasiakan',
          address: 'Dirahasiakan',
          phone: 'Dirahasiakan',
          email: 'Dirahasiakan',
        });
        const text = JSON.stringify(res.body);
        for (const value of Object.values(SECRET)) expect(text).not.toContain(value);
        const list = (await get(`/api/complaints?q=${trackingCode}`, user)).body;
        if (list.items)
          expect(list.items[0].complainant).toEqual({ name: 'Dirahasiakan', nik: 'Dirahasiakan' });
      }
      // A unit with a task still gets the evidence it works on (personalDataVisible), not the identity.
      expect((await get(`/api/complaints/${id}`, 'teknis')).body.personalDataVisible).toBe(true);
    });
  });

  it('keeps BIASA as the default, with the masking it always had', async () => {
    const created = await e.register();
    const own = (await get(`/api/complaints/${created.id}`, 'loket')).body;
    expect(own).toMatchObject({
      identityMode: 'BIASA',
      identityVisible: true,
      complainant: { name: 'Budi Santoso' },
    });
    const other = (await get(`/api/complaints/${created.id}`, 'kebijakan')).body;
    expect(other).toMatchObject({
      identityVisible: false,
      complainant: { name: 'B*** S******', phone: null },
    });
  });
});
