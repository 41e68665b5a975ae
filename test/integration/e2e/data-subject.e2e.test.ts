/**
 * Data-subject requests (issue 20): the admin finds every complaint of a person by NIK or contact,
 * exports what is held about them (JSON and PDF), corrects it and erases it where no duty to keep it
 * holds; each request is in the request log, keyed by masked keys only. The export and erasure
 * round trip.
 */
import { execFileSync } from 'node:child_process';
import type { Response } from 'superagent';
import { AuditEvent, Complaint, DataSubjectRequest } from '../../../src/db/entities';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const NIK = '1674014506900002';
const EMAIL = 'Siti.Aminah@Example.com';
const PHONE = '081298765432';
const NEW_EMAIL = 'siti.baru@example.com';
const siti = {
  name: 'Siti Aminah',
  nik: NIK,
  address: 'Jl. Merdeka No. 5, RT 001/RW 002, Kel. Muara Dua, Kec. Prabumulih Timur, Kota Prabumulih',
  phone: PHONE,
  email: EMAIL,
};

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe.each(databaseKinds())('data-subject requests (%s)', (kind) => {
  let e: E2e;
  let first: { id: string; registerNumber: string };
  let second: { id: string; registerNumber: string };
  let other: { id: string };

  beforeAll(async () => {
    e = await startE2e(kind);
    first = await e.register({
      complainant: siti,
      description: 'Izin usaha saya belum terbit setelah tiga bulan.',
    });
    second = await e.register({
      complainant: { ...siti, email: EMAIL.toLowerCase() },
      description: 'Petugas meminta biaya tambahan untuk izin reklame.',
    });
    other = await e.register();
  });
  afterAll(async () => {
    await e?.stop();
  });

  const post = async (path: string, body: object, user = 'admin') =>
    e.http
      .post(`/api/data-subject/${path}`)
      .set(await e.as(user))
      .send(body);
  const search = async (keys: object) => {
    const res = await post('search', keys);
    expect(res.status).toBe(200);
    return res.body.items as { id: string; registerNumber: string; status: string; matchedBy: string[] }[];
  };
  const record = (id: string) => e.db.orm.em.fork().findOneOrFail(Complaint, { id });
  const requests = async () => {
    const res = await e.http.get('/api/data-subject/requests?pageSize=100').set(await e.as('admin'));
    expect(res.status).toBe(200);
    return res.body.items as {
      action: string;
      username: string;
      keys: Record<string, string>;
      complaintIds: string[];
      outcome: string;
      details: Record<string, unknown> | null;
    }[];
  };

  it('finds exactly the two complaints of the person, by NIK, by e-mail in any case, by phone in any form', async () => {
    const byNik = await search({ nik: NIK });
    expect(byNik.map((c) => c.id)).toEqual([first.id, second.id]);
    expect(byNik[0]).toMatchObject({
      registerNumber: first.registerNumber,
      status: 'RECEIVED',
      channel: 'EMAIL',
      matchedBy: ['nik'],
    });
    expect((await search({ email: 'SITI.AMINAH@example.com' })).map((c) => [c.id, c.matchedBy])).toEqual([
      [first.id, ['email']],
      [second.id, ['email']],
    ]);
    expect((await search({ phone: '+62 812-9876-5432' })).map((c) => c.id)).toEqual([first.id, second.id]);
    expect((await search({ nik: NIK, email: 'nobody@example.com' })).map((c) => c.matchedBy)).toEqual([
      ['nik'],
      ['nik'],
    ]);
    expect(await search({ email: 'nobody@example.com' })).toEqual([]);
  });

  it('exports everything held about the person as a JSON download and a printable PDF', async () => {
    const res = await post('export', { nik: NIK, format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="data-pribadi-\d{8}\.json"$/);
    const data = res.body;
    expect(data.generatedBy).toBe('admin');
    expect(data.keys).toEqual({ nik: '1674**********02' });
    expect(data.complaints.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    const [a] = data.complaints;
    expect(a).toMatchObject({
      registerNumber: first.registerNumber,
      complainant: { name: 'Siti Aminah', nik: NIK, address: siti.address, phone: PHONE, email: EMAIL },
      description: 'Izin usaha saya belum terbit setelah tiga bulan.',
      evidence: ['Kuitansi pembayaran'],
      satisfaction: null,
      objection: null,
    });
    expect(a.timeline[0]).toMatchObject({ type: 'RECEIVED', label: 'Pengaduan diterima', actor: 'loket' });
    expect(Array.isArray(a.notifications)).toBe(true);
    // Nothing of the other complainant.
    expect(JSON.stringify(data)).not.toContain(other.id);
    expect(JSON.stringify(data)).not.toContain('Budi');

    // The export showed the data unmasked: the access log says so, and the next export lists it.
    const again = (await post('export', { email: EMAIL, format: 'json' })).body;
    expect(again.complaints[0].accessLog).toEqual([
      expect.objectContaining({ username: 'admin', endpoint: 'POST /api/data-subject/export' }),
    ]);

    const pdf = await e.http
      .post('/api/data-subject/export')
      .set(await e.as('admin'))
      .send({ phone: PHONE, format: 'pdf' })
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="data-pribadi-\d{8}\.pdf"$/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).length).toBeGreaterThan(2000);
    // What it says, read back from the PDF (poppler's pdftotext): the person's data, in Bahasa.
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer })
      .toString()
      .replace(/\s+/g, ' ');
    expect(text).toContain('Siti Aminah');
    expect(text).toContain(NIK);
    expect(text).toContain(first.registerNumber);
    expect(text).toContain('Izin usaha saya belum terbit');
    expect(text).not.toContain('Budi');
  });

  it('corrects the e-mail: the new one finds the complaint, the old one no longer does; the timeline names the field only', async () => {
    const res = await e.http
      .patch(`/api/data-subject/complaints/${first.id}`)
      .set(await e.as('admin'))
      .send({
        complainantEmail: NEW_EMAIL,
        complainantName: 'Siti Aminah',
        reason: 'Surat pengadu 1 Des 2026',
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: first.id,
      changedFields: ['complainantEmail'],
      changedFieldLabels: ['Email'],
      complainant: { name: 'Siti Aminah', email: NEW_EMAIL, nik: NIK },
    });
    expect((await record(first.id)).complainantEmail).toBe(NEW_EMAIL);
    expect((await search({ email: NEW_EMAIL })).map((c) => c.id)).toEqual([first.id]);
    expect((await search({ email: EMAIL })).map((c) => c.id)).toEqual([second.id]);

    const events = await e.db.orm.em
      .fork()
      .find(AuditEvent, { complaintId: first.id, type: 'PERSONAL_DATA_CORRECTED' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'admin',
      details: expect.objectContaining({ fields: ['complainantEmail'] }),
    });
    expect(JSON.stringify(events[0].details)).not.toContain('siti');
    const timeline = (await e.detail(first.id, 'pengaduan')).timeline.map((t: { type: string }) => t.type);
    expect(timeline).toContain('PERSONAL_DATA_CORRECTED');
  });

  it('refuses a bad correction in Bahasa and changes nothing', async () => {
    const patch = async (id: string, body: object) =>
      e.http
        .patch(`/api/data-subject/complaints/${id}`)
        .set(await e.as('admin'))
        .send(body);
    const reason = 'Permintaan pengadu';
    const bad = await patch(second.id, { complainantEmail: 'bukan-email', reason });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('Alamat email tidak valid.');
    // An e-mail complaint keeps its sender's address (the intake rule).
    const cleared = await patch(second.id, { complainantEmail: '', reason });
    expect(cleared.status).toBe(422);
    expect(cleared.body.message).toContain('wajib menyertakan alamat email pengirim');
    const nik = await patch(second.id, { complainantNik: '1674011203850000', reason });
    expect(nik.status).toBe(422);
    expect(nik.body.message).toContain('nomor urut');
    expect((await patch(second.id, { complainantPhone: '08123' })).status).toBe(400);
    // Nothing to correct: a rule (each field is optional on its own), not a form fault.
    expect((await patch(second.id, { reason })).status).toBe(422);
    // null clears an optional field as '' does (it was a 500, found by Schemathesis).
    const nullAddress = await patch(second.id, { complainantAddress: null, reason });
    expect(nullAddress.status).toBe(200);
    expect((await patch(second.id, { complainantAddress: 'x', reason, role: 'ADMIN' })).status).toBe(400);
    expect(
      (await patch('00000000-0000-4000-8000-000000000000', { complainantAddress: 'x', reason })).status,
    ).toBe(404);
    expect(await record(second.id)).toMatchObject({
      complainantEmail: EMAIL.toLowerCase(),
      complainantNik: NIK,
      complainantPhone: PHONE,
    });

    // An anonymous complaint holds no identity to correct.
    const { complainant: _none, channel: _website, ...body } = staffComplaint();
    const anonymous = await e.http.post('/api/public/complaints').send({ ...body, identityMode: 'ANONIM' });
    expect(anonymous.status).toBe(201);
    const refused = await patch(anonymous.body.id, { complainantName: 'Siapa', reason });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('Pengaduan anonim');
  });

  it('erases only a closed complaint whose objection window has passed; lists the others with the reason', async () => {
    await e.http
      .post(`/api/complaints/${second.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Di luar lingkup.' } })
      .expect(200);
    await eventually(async () => (await record(second.id)).status === 'REJECTED');

    // Just rejected: the complainant may still object, so the office keeps the contact.
    const early = await post('erase', { nik: NIK, reason: 'Permohonan penghapusan dari pengadu' });
    expect(early.status).toBe(200);
    expect(early.body.erased).toEqual([]);
    expect(early.body.refused.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([
      [first.id, 'OPEN'],
      [second.id, 'OBJECTION_WINDOW'],
    ]);
    expect(early.body.refused[1].message).toMatch(/Masa pengajuan keberatan masih berjalan sampai/);
    expect((await record(second.id)).complainantNik).toBe(NIK);

    await e.db.orm.em
      .fork()
      .nativeUpdate(Complaint, { id: second.id }, { closedAt: new Date(Date.now() - 20 * 86_400_000) });
    const res = await post('erase', { nik: NIK, reason: 'Permohonan penghapusan dari pengadu' });
    expect(res.status).toBe(200);
    expect(res.body.erased).toEqual([
      { id: second.id, registerNumber: second.registerNumber, removedFiles: 0 },
    ]);
    expect(res.body.refused).toEqual([
      expect.objectContaining({
        id: first.id,
        code: 'OPEN',
        message: expect.stringMatching(/masih ditangani/),
      }),
    ]);

    const erased = await record(second.id);
    expect(erased).toMatchObject({
      complainantNik: null,
      complainantAddress: null,
      complainantPhone: null,
      complainantEmail: null,
      status: 'REJECTED',
    });
    expect(erased.complainantName).not.toContain('Siti');
    expect(await record(first.id)).toMatchObject({ complainantNik: NIK, complainantName: 'Siti Aminah' });
    expect(
      await e.db.orm.em
        .fork()
        .count(AuditEvent, { complaintId: second.id, type: 'PERSONAL_DATA_ANONYMISED' }),
    ).toBe(1);

    // After the erasure nothing of the person is held on that complaint: the export no longer finds it.
    const exported = (await post('export', { nik: NIK, format: 'json' })).body;
    expect(exported.complaints.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect(await search({ phone: PHONE })).toEqual([expect.objectContaining({ id: first.id })]);
  });

  it('logs every request with masked keys, newest first, and never the NIK or contact itself', async () => {
    const log = await requests();
    const actions = log.map((r) => r.action);
    for (const action of ['SEARCH', 'EXPORT', 'CORRECT', 'ERASE']) expect(actions).toContain(action);
    expect(log[0]).toMatchObject({ action: 'SEARCH', username: 'admin', keys: { phone: '0812******32' } });
    const erase = log.find((r) => r.action === 'ERASE' && r.outcome === 'PARTIAL')!;
    expect(erase).toMatchObject({
      keys: { nik: '1674**********02' },
      complaintIds: [first.id, second.id],
      details: { erased: [second.id], refused: [{ id: first.id, code: 'OPEN' }] },
    });
    expect(log.find((r) => r.action === 'ERASE' && r.outcome === 'REFUSED')).toBeDefined();
    expect(log.find((r) => r.action === 'CORRECT' && r.complaintIds.includes(first.id))).toMatchObject({
      complaintIds: [first.id],
      outcome: 'CORRECTED',
      details: { fields: ['complainantEmail'] },
    });
    expect(log.filter((r) => r.action === 'EXPORT').map((r) => r.details?.format)).toEqual(
      expect.arrayContaining(['json', 'pdf']),
    );
    const stored = JSON.stringify(await e.db.orm.em.fork().find(DataSubjectRequest, {}));
    for (const value of [NIK, EMAIL, EMAIL.toLowerCase(), NEW_EMAIL, PHONE, '6281298765432'])
      expect(stored).not.toContain(value);
    const page = await e.http.get('/api/data-subject/requests?page=2&pageSize=2').set(await e.as('admin'));
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: log.length });
    expect(page.body.items.map((r: { id: string }) => r.id)).toEqual(
      (log as unknown as { id: string }[]).slice(2, 4).map((r) => r.id),
    );
  });

  it('is for the admin only, and refuses bad bodies in Bahasa without logging them', async () => {
    const before = (await requests()).length;
    expect((await post('search', { nik: NIK }, 'pengaduan')).status).toBe(403);
    expect((await post('export', { nik: NIK, format: 'json' }, 'kabid')).status).toBe(403);
    expect((await e.http.post('/api/data-subject/search').send({ nik: NIK })).status).toBe(401);
    expect((await e.http.get('/api/data-subject/requests').set(await e.as('loket'))).status).toBe(403);

    const none = await post('search', {});
    expect(none.status).toBe(422);
    expect(none.body.message).toContain('Isi minimal satu kunci pencarian');
    expect((await post('search', { email: '  ' })).status).toBe(400);
    const shortNik = await post('search', { nik: '12345' });
    expect(shortNik.status).toBe(400);
    expect(shortNik.body.message).toContain('NIK harus terdiri dari 16 digit');
    const province = await post('search', { nik: '0074011203850001' });
    expect(province.status).toBe(422);
    expect(province.body.message).toContain('kode provinsi');
    expect((await post('search', { nik: NIK, name: 'Siti' })).status).toBe(400);
    const format = await post('export', { nik: NIK, format: 'xml' });
    expect(format.status).toBe(400);
    expect(format.body.message).toContain('Format ekspor');
    const reason = await post('erase', { nik: NIK, reason: '   ' });
    expect(reason.status).toBe(400);
    expect(reason.body.message).toContain('Alasan penghapusan');
    expect((await requests()).length).toBe(before);
    expect((await record(first.id)).complainantNik).toBe(NIK);
  });
});
