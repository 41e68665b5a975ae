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
    // Operators see the case, not the person: not even initials.
    const description = await e.temporal.workflow.getHandle(complaint.workflowId).describe();
    expect(await description.staticSummary()).toBe(
      `Pengaduan ${res.body.registerNumber} · Email · 16.74.01.1007 · pengadu beridentitas`,
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
      fields: { 'complainant.address': expect.stringContaining('alamat lengkap sesuai KTP') },
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

  describe('the SOP to the letter (issue 18)', () => {
    const KTP_ADDRESS = {
      street: 'Jl. Mawar No. 5',
      rt: '2',
      rw: '003',
      kelurahan: 'Gunung Ibul',
      kecamatan: 'Prabumulih Timur',
      city: 'Kota Prabumulih',
    };
    const complainant = staffComplaint().complainant;
    const count = () => e.db.orm.em.fork().count(Complaint, {});
    const refused = async (path: string, body: Record<string, unknown>, message: string) => {
      const before = await count();
      const req = e.http.post(path);
      if (path === '/api/complaints') req.set(await e.as('loket'));
      const res = await req.send(body).expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', message });
      expect(await count()).toBe(before);
      return res.body as { fields?: Record<string, string> };
    };
    const publicBody = (changes: Record<string, unknown>) => {
      const { channel: _channel, ...body } = staffComplaint();
      return { ...body, complainant: { ...complainant, ...changes } };
    };

    it('refuses a phone complaint whose address is a city name alone, naming each missing part', async () => {
      const phone = (changes: Record<string, unknown>) =>
        staffComplaint({
          channel: 'TELEPON',
          complainant: { ...complainant, address: undefined, ...changes },
        });
      await refused(
        '/api/complaints',
        phone({ address: 'Prabumulih' }),
        'Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: jalan dan nomor rumah (atau dusun), RT, RW, kelurahan/desa, kecamatan dan kabupaten/kota.',
      );
      await refused(
        '/api/complaints',
        phone({ ktpAddress: { ...KTP_ADDRESS, rw: '', kecamatan: ' ' } }),
        'Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: RW dan kecamatan.',
      );
    });

    it('registers a phone complaint with its KTP address part by part, stored as one line', async () => {
      const res = await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(
          staffComplaint({
            channel: 'TELEPON',
            complainant: { ...complainant, address: undefined, ktpAddress: KTP_ADDRESS },
          }),
        )
        .expect(201);
      const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id: res.body.id });
      expect(complaint.complainantAddress).toBe(
        'Jl. Mawar No. 5, RT 002/RW 003, Kel/Desa Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
      );
      // An address in both forms at once is refused (each form is valid by itself: a rule, 422).
      const both = await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint({ complainant: { ...complainant, ktpAddress: KTP_ADDRESS } }))
        .expect(422);
      expect(both.body.message).toMatch(/tidak keduanya/);
      const rt = await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(
          staffComplaint({ complainant: { ...complainant, address: undefined, ktpAddress: { rt: 'dua' } } }),
        )
        .expect(400);
      expect(rt.body.message).toMatch(/RT wajib berupa angka/);
    });

    it('refuses an e-mail without the sender address and a fax without a number to answer to', async () => {
      await refused(
        '/api/complaints',
        staffComplaint({ channel: 'EMAIL', complainant: { ...complainant, email: undefined } }),
        'Pengaduan melalui email wajib menyertakan alamat email pengirim.',
      );
      await refused(
        '/api/complaints',
        staffComplaint({ channel: 'FAKSIMILE', complainant: { ...complainant, phone: undefined } }),
        'Pengaduan melalui faksimile wajib menyertakan nomor faksimile atau nomor telepon pengirim untuk menjawabnya.',
      );
      await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint({ channel: 'FAKSIMILE', complainant: { ...complainant, email: undefined } }))
        .expect(201);
    });

    it('refuses a NIK that cannot exist, from staff and from the public form', async () => {
      const message = 'NIK tidak sah: kode provinsi 99 (digit 1-2) tidak ada dalam kode wilayah Kemendagri.';
      await refused(
        '/api/complaints',
        staffComplaint({ complainant: { ...complainant, nik: '9974019999990001' } }),
        message,
      );
      // The message also stands by its field, for a form to show it next to the NIK.
      expect(
        (await refused('/api/public/complaints', publicBody({ nik: '9974019999990001' }), message)).fields,
      ).toEqual({ 'complainant.nik': message });
      await refused(
        '/api/public/complaints',
        publicBody({ nik: '1674013213850001' }),
        'NIK tidak sah: digit 7-12 (321385) bukan tanggal lahir DDMMYY (untuk perempuan tanggal ditambah 40).',
      );
      // A woman's NIK (day of birth + 40) is one.
      await e.http
        .post('/api/public/complaints')
        .send(publicBody({ nik: '1674014506900001' }))
        .expect(201);
    });
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
    // A key of this run: against the cluster (E2E_TARGET=cluster) the database outlives a run.
    const key = `kunci-uji-${Date.now()}`;
    const auth = await e.as('loket');
    const body = staffComplaint();
    const before = await e.db.orm.em.fork().count(Complaint, {});
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        e.http.post('/api/complaints').set(auth).set('Idempotency-Key', key).send(body),
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
      .set('Idempotency-Key', key)
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
