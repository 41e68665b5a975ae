/**
 * Forwarding a complaint that is not DPM-PTSP's business ("bukan wewenang") through the HTTP API
 * (real app, Temporal dev server, worker and database): who may, what is refused with which status
 * and message, and what the staff, the complainant's tracking page, the outbox and the lists see.
 */
import { Notification } from '../../../src/db/entities';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

const FORWARD = {
  agency: 'DPUPR',
  reason: 'Jalan rusak di depan pasar adalah urusan pekerjaan umum, bukan perizinan.',
  letterNumber: '500.16/123/DPMPTSP/2026',
};
const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih';

describe.each(databaseKinds())('forwarding to another agency (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  const forward = async (id: string, body: unknown, as: string | null = 'pengaduan') => {
    const req = e.http.post(`/api/complaints/${id}/forward`);
    if (as) req.set(await e.as(as));
    return req.send(body as object);
  };
  const registered = async () => {
    const created = await e.register();
    await eventually(async () => (await e.detail(created.id)).timeline.some((t) => t.type === 'REGISTERED'));
    return created;
  };

  it('lists the agencies for anyone', async () => {
    const res = await e.http.get('/api/agencies').expect(200);
    expect(res.body).toContainEqual({ code: 'DPUPR', name: DPUPR, kind: 'OPD' });
    expect(res.body.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['SP4N_LAPOR', 'INSPEKTORAT', 'OMBUDSMAN_SUMSEL', 'POLRES_PRABUMULIH']),
    );
  });

  it('refuses bad input, other units and unknown complaints, changing nothing', async () => {
    const { id } = await registered();
    const cases: [unknown, string | null, number, string | RegExp][] = [
      [{ ...FORWARD, agency: 'DINAS_X' }, 'pengaduan', 400, /Instansi tujuan tidak dikenal/],
      [{ ...FORWARD, letterNumber: 'surat biasa' }, 'pengaduan', 400, /Nomor surat keluar tidak valid/],
      [{ ...FORWARD, reason: '' }, 'pengaduan', 400, /Alasan penerusan wajib diisi/],
      [{ agency: 'DPUPR' }, 'pengaduan', 400, /Alasan penerusan/],
      [{ ...FORWARD, reason: '   ' }, 'pengaduan', 422, 'Alasan penerusan wajib diisi.'],
      [FORWARD, 'loket', 403, /tidak berwenang|tidak/],
      [FORWARD, 'kabid', 403, /tidak/],
      [FORWARD, null, 401, /masuk/],
    ];
    for (const [body, as, status, message] of cases) {
      const res = await forward(id, body, as);
      expect({ body, as, status: res.status }).toEqual({ body, as, status });
      expect(res.body.message).toMatch(message);
    }
    const unknown = await forward('00000000-0000-4000-8000-000000000000', FORWARD);
    expect(unknown.status).toBe(404);
    const detail = await e.detail(id);
    expect(detail.status).toBe('RECEIVED');
    expect(detail.forwarded).toBeNull();
  });

  it('closes the case as FORWARDED, tells the complainant, and shows it to staff and on the tracking page', async () => {
    const { id, trackingCode } = await registered();
    const res = await forward(id, FORWARD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'FORWARDED',
      forwarded: {
        agency: 'DPUPR',
        agencyName: DPUPR,
        reason: FORWARD.reason,
        letterNumber: FORWARD.letterNumber,
        forwardedBy: 'pengaduan',
      },
      workingDaysLeft: null,
    });
    expect(res.body.closedAt).toBeTruthy();
    expect(res.body.timeline.map((t: { type: string }) => t.type)).toContain('FORWARDED');

    // Once forwarded, nothing else: another forwarding, a triage, a response are conflicts.
    const again = await forward(id, FORWARD);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Pengaduan ini sudah diteruskan ke instansi lain dan ditutup.');
    const triage = await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' });
    expect(triage.status).toBe(409);

    // The complainant is told where it went, on their channel, through the outbox.
    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(Notification, { complaintId: id, kind: 'FORWARDED' })) === 1,
    );
    const notice = await e.db.orm.em
      .fork()
      .findOneOrFail(Notification, { complaintId: id, kind: 'FORWARDED' });
    expect(notice.recipient).toBe('COMPLAINANT');
    expect(notice.subject).toContain(DPUPR);
    expect(notice.body).toContain(FORWARD.letterNumber);

    // The public tracking page: where, when and why; no officer.
    const tracked = await e.http.get(`/api/public/complaints/${trackingCode}`).expect(200);
    expect(tracked.body).toMatchObject({
      status: 'FORWARDED',
      statusLabel: 'Diteruskan ke instansi yang berwenang',
      forwarded: { agencyName: DPUPR, reason: FORWARD.reason, letterNumber: FORWARD.letterNumber },
    });
    expect(tracked.body.stages.at(-1).label).toBe(`Pengaduan diteruskan ke ${DPUPR}`);
    expect(JSON.stringify(tracked.body)).not.toContain('"pengaduan"');

    // The staff list filters by the new status.
    const list = await e.http
      .get('/api/complaints?status=FORWARDED&pageSize=100')
      .set(await e.as('kabid'))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('refuses to forward a case already triaged (409)', async () => {
    const { id } = await registered();
    await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    const res = await forward(id, FORWARD);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(
      'Pengaduan hanya dapat diteruskan ke instansi lain sebelum ditriase; pengaduan ini sudah ditriase.',
    );
    expect((await e.detail(id)).status).toBe('IN_PROGRESS');
  });
});
