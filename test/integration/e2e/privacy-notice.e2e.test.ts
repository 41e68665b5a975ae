/**
 * The privacy notice (issue 20, part B; UU 27/2022): served publicly, and acknowledged with every
 * complaint. A missing version is malformed (400, naming the field), an older one is refused (422,
 * telling to reload and read the new notice), anonymous complaints included; the acknowledged version
 * and its time are stored with the complaint and shown in its detail.
 */
import { Complaint } from '../../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, staffComplaint, startE2e } from '../../helpers/e2e';

describe.each(databaseKinds())('privacy notice and consent (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  const count = () => e.db.orm.em.fork().count(Complaint, {});
  const publicBody = (overrides: Record<string, unknown> = {}) => {
    const { channel: _channel, ...body } = staffComplaint(overrides);
    return body;
  };

  it('serves the current notice to anyone, with the configured contact', async () => {
    const res = await e.http.get('/api/privacy-notice').expect(200);
    expect(res.body).toMatchObject({
      version: PRIVACY_NOTICE_VERSION,
      title: 'Pemberitahuan Pelindungan Data Pribadi',
      contact: e.config.privacyContact,
    });
    expect(res.body.sections.map((s: { id: string }) => s.id)).toEqual([
      'COLLECTED',
      'PURPOSE',
      'LEGAL_BASIS',
      'RECIPIENTS',
      'RETENTION',
      'RIGHTS',
      'CONTROL',
    ]);
    expect(res.body.summary).toContain(e.config.privacyContact.email);
  });

  it('refuses a complaint without the acknowledged version (400, naming the field), storing nothing', async () => {
    const before = await count();
    const { privacyNoticeVersion: _v, ...withoutPublic } = publicBody();
    const pub = await e.http.post('/api/public/complaints').send(withoutPublic).expect(400);
    expect(pub.body.message).toMatch(/privacyNoticeVersion/);
    // Anonymous complaints too: their text and evidence may hold personal data.
    const { complainant: _c, ...anonymous } = withoutPublic;
    const anon = await e.http
      .post('/api/public/complaints')
      .send({ ...anonymous, identityMode: 'ANONIM' })
      .expect(400);
    expect(anon.body.message).toMatch(
      /Pemberitahuan Pelindungan Data Pribadi \(privacyNoticeVersion\) wajib/,
    );
    const { privacyNoticeVersion: _s, ...withoutStaff } = staffComplaint();
    const staff = await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(withoutStaff)
      .expect(400);
    expect(staff.body.message).toMatch(/privacyNoticeVersion/);
    await e.http
      .post('/api/public/complaints')
      .send(publicBody({ privacyNoticeVersion: 'versi lama' }))
      .expect(400);
    expect(await count()).toBe(before);
  });

  it('refuses an older version (422) telling to reload and read the new notice, storing nothing', async () => {
    const before = await count();
    const stale = await e.http
      .post('/api/public/complaints')
      .send(publicBody({ privacyNoticeVersion: '2020-01-01' }))
      .expect(422);
    expect(stale.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: expect.stringMatching(/muat ulang halaman, baca pemberitahuan yang baru/),
      fields: { privacyNoticeVersion: expect.stringMatching(/telah diperbarui/) },
    });
    const { complainant: _c, ...anonymous } = publicBody({ privacyNoticeVersion: '2020-01-01' });
    await e.http
      .post('/api/public/complaints')
      .send({ ...anonymous, identityMode: 'ANONIM' })
      .expect(422);
    await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(staffComplaint({ privacyNoticeVersion: '2020-01-01' }))
      .expect(422);
    expect(await count()).toBe(before);
  });

  it('stores the acknowledged version and its time, and shows them in the detail', async () => {
    const before = Date.now();
    const pub = await e.http.post('/api/public/complaints').send(publicBody()).expect(201);
    const { complainant: _c, ...anonymous } = publicBody();
    const anon = await e.http
      .post('/api/public/complaints')
      .send({ ...anonymous, identityMode: 'ANONIM' })
      .expect(201);
    const staff = await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(staffComplaint())
      .expect(201);
    for (const id of [pub.body.id, anon.body.id, staff.body.id]) {
      const stored = await e.db.orm.em.fork().findOneOrFail(Complaint, { id });
      expect(stored.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
      expect(stored.privacyAcknowledgedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(stored.privacyAcknowledgedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      const detail = await e.detail(id, 'pengaduan');
      expect(detail.privacyNotice).toEqual({
        version: PRIVACY_NOTICE_VERSION,
        acknowledgedAt: stored.privacyAcknowledgedAt!.toISOString(),
      });
    }
  });

  it('shows no acknowledgment for a complaint from before the notice existed', async () => {
    const res = await e.http.post('/api/public/complaints').send(publicBody()).expect(201);
    await e.db.orm.em
      .fork()
      .nativeUpdate(
        Complaint,
        { id: res.body.id },
        { privacyNoticeVersion: null, privacyAcknowledgedAt: null },
      );
    expect((await e.detail(res.body.id, 'pengaduan')).privacyNotice).toBeNull();
  });
});
