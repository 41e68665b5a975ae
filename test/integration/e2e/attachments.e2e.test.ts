/** Evidence files through the API: staff and website uploads, type and size checks, safe storage, download. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Response as AgentResponse } from 'superagent';
import { Attachment, AuditEvent, Complaint } from '../../../src/db/entities';
import { triageUpdate } from '../../../workflows/complaint/definitions';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

// A real 1x1 PNG, a real one-page PDF, and the start of a JFIF JPEG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0', 'latin1'),
  Buffer.alloc(64, 0x20),
  Buffer.from([0xff, 0xd9]),
]);
const MAX_BYTES = 64 * 1024;
const MAX_COUNT = 4;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** supertest's binary parser: the body as a Buffer whatever the content type. */
function binary(res: AgentResponse, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe.each(databaseKinds())('evidence attachments (%s)', (kind) => {
  let e: E2e;
  let dataDir: string;
  let complaintId: string;

  const storedFiles = (id: string) => {
    const dir = path.join(dataDir, 'attachments', id);
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  };
  const newPublicComplaint = async () => {
    const { channel: _channel, ...body } = staffComplaint();
    return (await e.http.post('/api/public/complaints').send(body).expect(201)).body as {
      id: string;
      trackingCode: string;
    };
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-attachments-'));
    e = await startE2e(kind, {
      configOverrides: {
        dataDir,
        attachmentMaxBytes: MAX_BYTES,
        attachmentMaxCount: MAX_COUNT,
        publicRateLimit: 1000,
      },
    });
    complaintId = (
      await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint())
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await e?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a staff upload under a random name with its SHA-256, and records it on the timeline', async () => {
    const res = await e.http
      .post(`/api/complaints/${complaintId}/attachments`)
      .set(await e.as('loket'))
      .attach('file', PNG, { filename: 'foto saluran limbah.png', contentType: 'image/png' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      complaintId,
      fileName: 'foto saluran limbah.png',
      mimeType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      uploadedBy: 'loket',
      createdAt: expect.any(String),
    });
    const em = e.db.orm.em.fork();
    const row = await em.findOneOrFail(Attachment, { id: res.body.id });
    expect(row).toMatchObject({
      complaintId,
      sha256: sha256(PNG),
      size: PNG.length,
      mimeType: 'image/png',
      uploadedBy: 'loket',
      storagePath: `${complaintId}/${res.body.id}`,
    });
    const onDisk = fs.readFileSync(path.join(dataDir, 'attachments', complaintId, res.body.id));
    expect(sha256(onDisk)).toBe(sha256(PNG));
    const event = await em.findOneOrFail(AuditEvent, { complaintId, type: 'ATTACHMENT_ADDED' });
    expect(event).toMatchObject({
      actor: 'loket',
      details: expect.objectContaining({ attachmentId: res.body.id, sha256: sha256(PNG), via: 'STAFF' }),
    });
  });

  it('lists for every signed-in role; downloads the same bytes for admin, loket and pengaduan', async () => {
    const upload = await e.http
      .post(`/api/complaints/${complaintId}/attachments`)
      .set(await e.as('pengaduan'))
      .attach('file', PDF, { filename: 'Surat Keberatan – Kelurahan.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(upload.body.fileName).toBe('Surat Keberatan – Kelurahan.pdf');
    for (const user of ['kabid', 'admin', 'walikota', 'kel-16.74.01.1007']) {
      const list = await e.http
        .get(`/api/complaints/${complaintId}/attachments`)
        .set(await e.as(user))
        .expect(200);
      expect(list.body.map((a: { id: string }) => a.id)).toContain(upload.body.id);
    }
    for (const user of ['admin', 'loket', 'pengaduan']) {
      const auth = await e.as(user);
      const file = await e.http
        .get(`/api/complaints/${complaintId}/attachments/${upload.body.id}`)
        .set(auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
      expect(file.headers['content-type']).toMatch(/^application\/pdf/);
      expect(file.headers['content-length']).toBe(String(PDF.length));
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="Surat Keberatan _ Kelurahan.pdf"; filename*=UTF-8''${encodeURIComponent('Surat Keberatan – Kelurahan.pdf')}`,
      );
    }
  });

  it('keeps the file name from becoming a path (../../etc/passwd.png)', async () => {
    const before = storedFiles(complaintId).length;
    const res = await e.http
      .post(`/api/complaints/${complaintId}/attachments`)
      .set(await e.as('loket'))
      .attach('file', PNG, { filename: '../../etc/passwd.png', contentType: 'image/png' })
      .expect(201);
    expect(res.body.fileName).toBe('passwd.png');
    const row = await e.db.orm.em.fork().findOneOrFail(Attachment, { id: res.body.id });
    expect(row.storagePath).toBe(`${complaintId}/${res.body.id}`);
    expect(fs.existsSync(path.join(dataDir, 'etc'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'attachments', 'etc'))).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, 'attachments'))).toEqual(
      fs.readdirSync(path.join(dataDir, 'attachments')).filter((n) => /^[0-9a-f-]{36}$/.test(n)),
    );
    const files = storedFiles(complaintId);
    expect(files).toHaveLength(before + 1);
    expect(files.every((n) => /^[0-9a-f-]{36}$/.test(n))).toBe(true);
    const download = await e.http
      .get(`/api/complaints/${complaintId}/attachments/${res.body.id}`)
      .set(await e.as('loket'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="passwd\.png"/);
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
  });

  it('refuses what is not JPEG, PNG or PDF by its content (415), too large (413), or no file (400)', async () => {
    const auth = await e.as('loket');
    const url = `/api/complaints/${complaintId}/attachments`;
    const before = await e.db.orm.em.fork().count(Attachment, { complaintId });
    const filesBefore = storedFiles(complaintId).length;

    const refused: [Buffer, string, string, number, RegExp][] = [
      // text/plain is what a part without a Content-Type defaults to: the content decides.
      [
        Buffer.from('halo, ini teks biasa'),
        'catatan.txt',
        'text/plain',
        415,
        /bukan JPEG, PNG, PDF yang sah/,
      ],
      [Buffer.from('<html></html>'), 'halaman.html', 'text/html', 415, /text\/html tidak diterima/],
      [
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
        'foto.png',
        'image/png',
        415,
        /bukan JPEG, PNG, PDF/,
      ],
      [Buffer.from('GIF89a-------------'), 'animasi.gif', 'image/gif', 415, /tidak diterima/],
      [PDF, 'bukan-foto.png', 'image/png', 415, /Isi berkas \(PDF\) tidak sesuai .* \(PNG\)/],
      [
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'x.pdf',
        'application/octet-stream',
        415,
        /bukan JPEG, PNG, PDF/,
      ],
      [Buffer.concat([PNG, Buffer.alloc(MAX_BYTES)]), 'besar.png', 'image/png', 413, /terlalu besar.*64 KB/],
    ];
    for (const [content, filename, contentType, status, message] of refused) {
      const res = await e.http.post(url).set(auth).attach('file', content, { filename, contentType });
      expect({ filename, status: res.status, body: res.body }).toEqual({
        filename,
        status,
        body: { statusCode: status, error: expect.any(String), message: expect.stringMatching(message) },
      });
    }
    // No file, an empty file, a file under another field name, two files, a file with another part.
    const noFile = await e.http.post(url).set(auth).field('catatan', 'tanpa berkas').expect(400);
    expect(noFile.body.message).toMatch(/kolom "file"/);
    const json = await e.http.post(url).set(auth).send({ file: 'bukan multipart' }).expect(415);
    expect(json.body.message).toMatch(/multipart\/form-data/);
    const empty = await e.http
      .post(url)
      .set(auth)
      .attach('file', Buffer.alloc(0), { filename: 'kosong.png', contentType: 'image/png' })
      .expect(400);
    expect(empty.body.message).toMatch(/kosong/);
    await e.http.post(url).set(auth).attach('berkas', PNG, 'a.png').expect(400);
    const two = await e.http
      .post(url)
      .set(auth)
      .attach('file', PNG, 'a.png')
      .attach('file', PNG, 'b.png')
      .expect(400);
    expect(two.body.message).toMatch(/satu berkas/);
    const withField = await e.http
      .post(url)
      .set(auth)
      .field('catatan', 'foto depan')
      .attach('file', PNG, 'a.png')
      .expect(400);
    expect(withField.body.message).toMatch(/tanpa kolom lain/);

    // A declared type that says nothing is decided by the content.
    const generic = await e.http
      .post(url)
      .set(auth)
      .attach('file', JPEG, { filename: 'kamera', contentType: 'application/octet-stream' })
      .expect(201);
    expect(generic.body).toMatchObject({ mimeType: 'image/jpeg', fileName: 'kamera.jpg' });

    expect(await e.db.orm.em.fork().count(Attachment, { complaintId })).toBe(before + 1);
    expect(storedFiles(complaintId)).toHaveLength(filesBefore + 1);
  });

  it('refuses more than ATTACHMENT_MAX_COUNT files on one complaint (422)', async () => {
    const { id } = (
      await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint())
        .expect(201)
    ).body;
    const auth = await e.as('loket');
    for (let i = 0; i < MAX_COUNT; i++) {
      await e.http
        .post(`/api/complaints/${id}/attachments`)
        .set(auth)
        .attach('file', PNG, `${i}.png`)
        .expect(201);
    }
    const res = await e.http
      .post(`/api/complaints/${id}/attachments`)
      .set(auth)
      .attach('file', PNG, 'lagi.png')
      .expect(422);
    expect(res.body.message).toBe(`Satu pengaduan paling banyak memuat ${MAX_COUNT} berkas bukti.`);
    expect(storedFiles(id)).toHaveLength(MAX_COUNT);
  });

  it('answers 401, 403 and 404 as the contract says', async () => {
    const url = `/api/complaints/${complaintId}/attachments`;
    await e.http.post(url).attach('file', PNG, 'a.png').expect(401);
    await e.http.get(url).expect(401);
    for (const user of ['admin', 'walikota']) {
      await e.http
        .post(url)
        .set(await e.as(user))
        .attach('file', PNG, 'a.png')
        .expect(403);
    }
    const auth = await e.as('loket');
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const res of [
      await e.http.post(`/api/complaints/${unknown}/attachments`).set(auth).attach('file', PNG, 'a.png'),
      await e.http.get(`/api/complaints/${unknown}/attachments`).set(auth),
      await e.http.get(`/api/complaints/tidak-ada/attachments`).set(auth),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Pengaduan tidak ditemukan.');
    }
    const other = await e.http.post('/api/complaints').set(auth).send(staffComplaint()).expect(201);
    const mine = (await e.http.get(url).set(auth).expect(200)).body[0].id;
    // An attachment is only reachable through its own complaint.
    for (const path of [
      `/api/complaints/${other.body.id}/attachments/${mine}`,
      `${url}/${unknown}`,
      `${url}/..%2F..%2Fetc%2Fpasswd`,
    ]) {
      const res = await e.http.get(path).set(auth).expect(404);
      expect(res.body.message).toBe('Berkas bukti tidak ditemukan pada pengaduan ini.');
    }
  });

  it('gives evidence files only to those who may see the complaint’s personal data (403 otherwise)', async () => {
    const { id } = (
      await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint())
        .expect(201)
    ).body;
    const upload = await e.http
      .post(`/api/complaints/${id}/attachments`)
      .set(await e.as('loket'))
      .attach('file', PNG, { filename: 'ktp-pengadu.png', contentType: 'image/png' })
      .expect(201);
    const url = `/api/complaints/${id}/attachments/${upload.body.id}`;
    const download = async (user: string) =>
      e.http
        .get(url)
        .set(await e.as(user))
        .buffer(true)
        .parse(binary);
    const refused = async (users: string[]) => {
      for (const user of users) {
        const res = await e.http.get(url).set(await e.as(user));
        expect([user, res.status, res.body.message]).toEqual([
          user,
          403,
          expect.stringMatching(/berkas bukti/),
        ]);
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    };

    // Before triage: only admin and the intake and triage units.
    for (const user of ['admin', 'loket', 'pengaduan'])
      expect([user, (await download(user)).status]).toEqual([user, 200]);
    await refused(['kebijakan', 'kabid', 'walikota', 'kel-16.74.01.1007', 'kec-16.74.01']);

    // Triaged SEDANG: the units with a task, and only the local officials of the complaint's area.
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id });
    await eventually(
      async () => (await e.db.orm.em.fork().count(AuditEvent, { complaintId: id, type: 'REGISTERED' })) === 1,
    );
    await e.temporal.workflow.getHandle(complaint.workflowId).executeUpdate(triageUpdate, {
      args: [{ actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' }, category: 'SEDANG' }],
    });
    await eventually(async () => (await e.detail(id, 'kebijakan')).personalDataVisible);
    for (const user of ['kebijakan', 'kel-16.74.01.1007', 'kec-16.74.01']) {
      const res = await download(user);
      expect([user, res.status]).toEqual([user, 200]);
      expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    }
    await refused(['pelaporan', 'kel-16.74.01.1001', 'kec-16.74.02', 'walikota']);
  });

  it('takes evidence from the website form while the complaint awaits triage, then refuses (409)', async () => {
    const { id, trackingCode } = await newPublicComplaint();
    const res = await e.http
      .post(`/api/public/complaints/${trackingCode.toLowerCase()}/attachments`)
      .attach('file', PDF, { filename: 'izin-usaha.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      fileName: 'izin-usaha.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      createdAt: expect.any(String),
    });
    const row = await e.db.orm.em.fork().findOneOrFail(Attachment, { id: res.body.id });
    expect(row).toMatchObject({ complaintId: id, uploadedBy: null });
    expect(
      await e.db.orm.em.fork().findOneOrFail(AuditEvent, { complaintId: id, type: 'ATTACHMENT_ADDED' }),
    ).toMatchObject({ actor: null, details: expect.objectContaining({ via: 'WEBSITE' }) });
    // Staff see what the complainant sent.
    const list = await e.http
      .get(`/api/complaints/${id}/attachments`)
      .set(await e.as('pengaduan'))
      .expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: res.body.id, uploadedBy: null })]);

    // The website checks the content as strictly as the office does.
    await e.http
      .post(`/api/public/complaints/${trackingCode}/attachments`)
      .attach('file', Buffer.from('#!/bin/sh\nrm -rf /\n'), {
        filename: 'skrip.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    await e.http
      .post(`/api/public/complaints/${trackingCode}/attachments`)
      .attach('file', Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]), 'besar.pdf')
      .expect(413);

    // Once triaged, new evidence goes through the office.
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id });
    await eventually(
      async () => (await e.db.orm.em.fork().count(AuditEvent, { complaintId: id, type: 'REGISTERED' })) === 1,
    );
    await e.temporal.workflow.getHandle(complaint.workflowId).executeUpdate(triageUpdate, {
      args: [{ actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' }, category: 'RINGAN' }],
    });
    await eventually(
      async () => (await e.db.orm.em.fork().findOneOrFail(Complaint, { id })).status !== 'RECEIVED',
    );
    const late = await e.http
      .post(`/api/public/complaints/${trackingCode}/attachments`)
      .attach('file', PNG, 'terlambat.png')
      .expect(409);
    expect(late.body.message).toMatch(/sebelum pengaduan diperiksa petugas/);
    expect(await e.db.orm.em.fork().count(Attachment, { complaintId: id })).toBe(1);

    const unknown = await e.http
      .post('/api/public/complaints/ZZZZZZZZZZ/attachments')
      .attach('file', PNG, 'a.png')
      .expect(404);
    expect(unknown.body.message).toBe('Kode pelacakan tidak ditemukan.');
  });
});
