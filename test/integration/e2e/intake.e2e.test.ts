/** Registering complaints through the API: staff and public channels, SOP intake rules, idempotency. */
import { AuditEvent, Complaint, User } from '../../../src/db/entities';
import { workflowIdForRegister } from '../../../src/temporal/ids';
import { SA } from '../../../src/temporal/search-attributes';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

describe.each(databaseKinds())('complaint intake (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('registers a staff complaint, computes its deadline and starts its workflow', async () => {
    const res = await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(staffComplaint())
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'RECEIVED',
      registerNumber: expect.stringMatching(/^\d{4}\/\d{2}\/\d{4}$/),
      trackingCode: expect.stringMatching(/^[A-Z2-9]{10}$/),
    });
    expect(new Date(res.body.dueAt).getTime()).toBeGreaterThan(
      new Date(res.body.receivedAt).getTime() + 12 * 86_400_000 - 1,
    );
    const em = e.db.orm.em.fork();
    const complaint = await em.findOneOrFail(Complaint, { id: res.body.id });
    expect(complaint).toMatchObject({
      channel: 'EMAIL',
      complainantNik: '1674011203850001',
      receivedBy: 'loket',
      kecamatan: '16.74.01',
    });
    // The workflow registers it and computes the same deadline.
    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(AuditEvent, { complaintId: res.body.id, type: 'REGISTERED' })) === 1,
    );
    const state = await e.temporal.workflow.getHandle(complaint.workflowId).query('state');
    expect((state as { dueAt: string }).dueAt).toBe(res.body.dueAt);
    // Operators see the case, not the person: initials only.
    const description = await e.temporal.workflow.getHandle(complaint.workflowId).describe();
    expect(await description.staticSummary()).toBe(
      `Pengaduan ${res.body.registerNumber} · Email · 16.74.01.1007 · pengadu B.S.`,
    );
    expect(description.typedSearchAttributes.get(SA.ComplaintChannel)).toBe('EMAIL');
  });

  it('takes a public complaint as channel WEBSITE without a token', async () => {
    const { channel: _channel, ...body } = staffComplaint();
    const res = await e.http.post('/api/public/complaints').send(body).expect(201);
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id: res.body.id });
    expect(complaint.channel).toBe('WEBSITE');
    expect(complaint.receivedBy).toBeNull();
  });

  it('refuses what the SOP refuses with 422 and a reason, and stores nothing', async () => {
    const before = await e.db.orm.em.fork().count(Complaint, {});
    const telepon = await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(staffComplaint({ channel: 'TELEPON', complainant: { name: 'Budi' } }))
      .expect(422);
    expect(telepon.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: expect.stringContaining('alamat lengkap sesuai KTP'),
    });
    const surat = await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(staffComplaint({ channel: 'SURAT', complainant: { name: 'Budi' } }))
      .expect(422);
    expect(surat.body.message).toMatch(/NIK/);
    // A face-to-face complaint names the official of eselon IV or higher who received it, even when
    // that official registers it (sop-roles.e2e.test.ts has the rest of the rule).
    await e.http
      .post('/api/complaints')
      .set(await e.as('pengaduan'))
      .send(staffComplaint({ channel: 'TATAP_MUKA' }))
      .expect(422);
    const pengaduan = await e.db.orm.em.fork().findOneOrFail(User, { username: 'pengaduan' });
    await e.http
      .post('/api/complaints')
      .set(await e.as('pengaduan'))
      .send(staffComplaint({ channel: 'TATAP_MUKA', receivingOfficialId: pengaduan.id }))
      .expect(201);
    // Well-formed values a rule of the SOP refuses: a receipt in the future or older than 30 days, a
    // kelurahan outside the chosen kecamatan.
    const loket = await e.as('loket');
    for (const [body, message] of [
      [staffComplaint({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }), /masa depan/],
      [staffComplaint({ receivedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() }), /30 hari/],
      [
        staffComplaint({ location: { kecamatan: '16.74.03', kelurahan: '16.74.01.1007' } }),
        /tidak berada di kecamatan/,
      ],
    ] as [Record<string, unknown>, RegExp][]) {
      const res = await e.http.post('/api/complaints').set(loket).send(body).expect(422);
      expect(res.body.message).toMatch(message);
    }
    expect(await e.db.orm.em.fork().count(Complaint, {})).toBe(before + 1);
  });

  it('answers bad input with 400 in Bahasa Indonesia', async () => {
    const auth = await e.as('loket');
    const cases: [Record<string, unknown>, RegExp][] = [
      [staffComplaint({ channel: 'MERPATI' }), /Media pengaduan/],
      [staffComplaint({ description: '' }), /Uraian pengaduan wajib diisi/],
      // No evidence at all: the schema asks for at least one item.
      [staffComplaint({ evidence: [] }), /bukti/i],
      [staffComplaint({ hacker: true }), /Kolom "hacker" tidak dikenal/],
    ];
    for (const [body, message] of cases) {
      const res = await e.http.post('/api/complaints').set(auth).send(body).expect(400);
      expect(res.body.message).toMatch(message);
    }
  });

  it('returns the first result for a retry with the same Idempotency-Key, even concurrently', async () => {
    const auth = await e.as('loket');
    const body = staffComplaint();
    const before = await e.db.orm.em.fork().count(Complaint, {});
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        e.http.post('/api/complaints').set(auth).set('Idempotency-Key', 'kunci-uji-0001').send(body),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    // Every retry gets the first receipt, register number included (stored with the complaint).
    for (const r of responses) expect(r.body).toEqual(responses[0].body);
    expect(await e.db.orm.em.fork().count(Complaint, {})).toBe(before + 1);
    const other = await e.http
      .post('/api/complaints')
      .set(auth)
      .set('Idempotency-Key', 'kunci-uji-0001')
      .send(staffComplaint({ description: 'Lain' }))
      .expect(409);
    expect(other.body.message).toMatch(/Idempotency-Key/);
  });

  it('gives concurrent complaints consecutive register numbers, each workflow named after its number', async () => {
    const auth = await e.as('loket');
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        e.http
          .post('/api/complaints')
          .set(auth)
          .send(staffComplaint({ description: `Pengaduan serentak ${i}` })),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 201));
    const numbers = responses.map((r) => r.body.registerNumber as string).sort();
    const sequence = numbers.map((n) => Number(n.slice(8)));
    expect(sequence).toEqual(sequence.map((_, i) => sequence[0] + i));
    expect(new Set(numbers.map((n) => n.slice(0, 8))).size).toBe(1);
    const stored = await e.db.orm.em
      .fork()
      .find(
        Complaint,
        { id: { $in: responses.map((r) => r.body.id) } },
        { orderBy: { registerNumber: 'asc' } },
      );
    expect(stored.map((c) => [c.registerNumber, c.workflowId])).toEqual(
      numbers.map((n) => [n, workflowIdForRegister(n)]),
    );
  });

  it('needs a token (401) and a staff role (403) to register on the staff endpoint', async () => {
    await e.http.post('/api/complaints').send(staffComplaint()).expect(401);
    await e.http
      .post('/api/complaints')
      .set({ Authorization: 'Bearer rusak' })
      .send(staffComplaint())
      .expect(401);
    const res = await e.http
      .post('/api/complaints')
      .set(await e.as('walikota'))
      .send(staffComplaint())
      .expect(403);
    expect(res.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Anda tidak berwenang melakukan tindakan ini.',
    });
  });
});
