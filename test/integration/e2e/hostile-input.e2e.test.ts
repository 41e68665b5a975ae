/**
 * Hostile bodies and what every answer carries: deeply nested or oversized JSON (400, before any
 * validator runs), bodies of the wrong media type (415: a form on another site cannot post to the
 * API), the security headers of every answer, and who may read /metrics.
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApp } from '../../../src/api/app.factory';
import { JSON_MAX_DEPTH, JSON_MAX_MEMBERS } from '../../../src/api/common/body-limits';
import { Complaint } from '../../../src/db/entities';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, staffComplaint, startE2e } from '../../helpers/e2e';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** `{"a":{"a":...1...}}` nested `levels` deep, as raw JSON text. */
const nested = (levels: number, key = 'a') => `${`{"${key}":`.repeat(levels)}1${'}'.repeat(levels)}`;

/** A website complaint (no channel), valid. */
const publicComplaint = () => {
  const { channel: _channel, ...body } = staffComplaint();
  return body;
};

describe.each(databaseKinds())('hostile bodies, headers and /metrics (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 10_000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  const complaints = () => e.db.orm.em.fork().count(Complaint, {});
  const json = (method: 'post' | 'put', url: string, text: string) =>
    e.http[method](url).set('Content-Type', 'application/json').send(text);

  it('refuses deeply nested JSON with 400 on every JSON endpoint, login included, and stores nothing', async () => {
    const before = await complaints();
    // About 3,300 levels in 20 kB: this once overflowed the validator's stack (500).
    const deep = nested(3300);
    expect(deep.length).toBeGreaterThan(19_000);
    const admin = await e.as('admin');
    const loket = await e.as('loket');
    for (const [method, url, auth] of [
      ['post', '/api/auth/login', {}],
      ['post', '/api/public/complaints', {}],
      ['post', '/api/complaints', loket],
      ['put', '/api/calendar/holidays?year=2026', admin],
      ['post', '/api/complaints/00000000-0000-4000-8000-000000000000/triage', loket],
    ] as const) {
      const res = await json(method, url, deep).set(auth);
      expect([url, res.status, res.body]).toEqual([
        url,
        400,
        { statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/terlalu bertingkat/) },
      ]);
    }
    // Deep inside an otherwise valid complaint, and just over the limit.
    const inside = JSON.stringify({ ...publicComplaint(), description: '__DEEP__' }).replace(
      '"__DEEP__"',
      nested(JSON_MAX_DEPTH),
    );
    expect((await json('post', '/api/public/complaints', inside)).body.message).toMatch(/terlalu bertingkat/);
    // At the limit the body reaches validation, which refuses it for what it is.
    const atLimit = await json('post', '/api/auth/login', nested(JSON_MAX_DEPTH));
    expect(atLimit.status).toBe(400);
    expect(atLimit.body.message).not.toMatch(/terlalu bertingkat/);
    // A deep array is as deep as a deep object.
    const arrays = await json('post', '/api/public/complaints', `${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect([arrays.status, arrays.body.message]).toEqual([400, expect.stringMatching(/terlalu bertingkat/)]);
    expect(await complaints()).toBe(before);
  });

  it('refuses JSON with more than the allowed keys and items in total (400)', async () => {
    const before = await complaints();
    const manyKeys = Object.fromEntries(Array.from({ length: JSON_MAX_MEMBERS + 1 }, (_, i) => [`k${i}`, i]));
    const keys = await e.http.post('/api/auth/login').send(manyKeys);
    expect([keys.status, keys.body.message]).toEqual([400, expect.stringMatching(/terlalu banyak kolom/)]);
    const items = await e.http
      .post('/api/public/complaints')
      .send({ ...publicComplaint(), evidence: Array.from({ length: JSON_MAX_MEMBERS }, () => 'x') });
    expect([items.status, items.body.message]).toEqual([400, expect.stringMatching(/terlalu banyak kolom/)]);
    expect(await complaints()).toBe(before);
  });

  it('takes JSON endpoints only as application/json (415 for forms, text, multipart), and stores nothing', async () => {
    const before = await complaints();
    const form = new URLSearchParams({
      'complainant[name]': 'Budi Santoso',
      'complainant[nik]': '1674011203850001',
      'complainant[phone]': '081234567890',
      description: 'Dikirim oleh formulir situs lain tanpa preflight CORS.',
      'evidence[0]': 'x',
    }).toString();
    const refused = [
      await e.http.post('/api/public/complaints').type('form').send(form),
      await e.http.post('/api/auth/login').type('form').send('username=admin&password=salah'),
      await e.http
        .post('/api/public/complaints')
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify(publicComplaint())),
      await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .field('description', 'multipart ke endpoint JSON'),
      await e.http
        .put('/api/calendar/holidays?year=2026')
        .set(await e.as('admin'))
        .type('form')
        .send('holidays=1'),
    ];
    for (const res of refused) {
      expect([res.status, res.body]).toEqual([
        415,
        {
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: expect.stringMatching(/Content-Type: application\/json/),
        },
      ]);
    }
    expect(await complaints()).toBe(before);
    // Authentication and authorisation come first: 401 and 403 whatever the body's type.
    await e.http.post('/api/complaints').type('form').send('a=b').expect(401);
    await e.http
      .put('/api/calendar/holidays?year=2026')
      .set(await e.as('loket'))
      .type('form')
      .send('a=b')
      .expect(403);

    // JSON with a charset is JSON; a POST without a body is not refused for its (absent) type.
    await e.http
      .post('/api/public/complaints')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send(JSON.stringify(publicComplaint()))
      .expect(201);
    expect(await complaints()).toBe(before + 1);
    const empty = await e.http.post('/api/auth/login');
    expect(empty.status).toBe(400);
  });

  it('takes uploads only as multipart/form-data (415 for JSON or forms)', async () => {
    const { trackingCode, id } = (
      await e.http.post('/api/public/complaints').send(publicComplaint()).expect(201)
    ).body;
    for (const res of [
      await e.http.post(`/api/public/complaints/${trackingCode}/attachments`).send({ file: 'x' }),
      await e.http.post(`/api/public/complaints/${trackingCode}/attachments`).type('form').send('file=x'),
      await e.http
        .post(`/api/complaints/${id}/attachments`)
        .set(await e.as('loket'))
        .send({ file: 'x' }),
    ]) {
      expect([res.status, res.body.message]).toEqual([415, expect.stringMatching(/multipart\/form-data/)]);
    }
    await e.http
      .post(`/api/public/complaints/${trackingCode}/attachments`)
      .attach('file', PNG, { filename: 'bukti.png', contentType: 'image/png' })
      .expect(201);
  });

  it('sends nosniff and no X-Powered-By on every answer: API, errors, docs, metrics, pages', async () => {
    const admin = await e.as('admin');
    const answers = [
      await e.http.get('/api/areas'),
      await e.http.get('/api/complaints').set(admin),
      await e.http.get('/api/complaints'),
      await e.http.get('/api/tidak-ada'),
      await json('post', '/api/auth/login', nested(100)),
      await json('post', '/api/auth/login', '{"rusak":'),
      await json('post', '/api/auth/login', JSON.stringify({ x: 'y'.repeat(200_000) })),
      await e.http.post('/api/auth/login').type('form').send('a=b'),
      await e.http.get('/health'),
      await e.http.get('/metrics'),
      await e.http.get('/docs-json'),
      await e.http.get('/docs/'),
      await e.http.get('/'),
    ];
    expect(answers.map((r) => r.status)).toEqual([
      200, 200, 401, 404, 400, 400, 413, 415, 200, 200, 200, 200, 200,
    ]);
    for (const [i, res] of answers.entries()) {
      expect([i, res.headers['x-powered-by']]).toEqual([i, undefined]);
      expect([i, res.headers['x-content-type-options']]).toEqual([i, 'nosniff']);
    }
  });

  it('/metrics: open in development and test without METRICS_TOKEN; with it, only with the Bearer token', async () => {
    const open = await e.http.get('/metrics').expect(200);
    expect(open.text).toMatch(/pengaduan_complaints/);

    const token = 'rahasia-metrik-prometheus-0123456789';
    let app: INestApplication | undefined;
    try {
      app = await createApp({ ...e.config, metricsToken: token });
      await app.init();
      const http = request(app.getHttpServer());
      for (const auth of [undefined, 'Bearer salah-token-yang-cukup-panjang', `Basic ${token}`, token]) {
        const req = http.get('/metrics');
        const res = await (auth ? req.set('Authorization', auth) : req);
        expect([auth, res.status, res.body]).toEqual([
          auth,
          401,
          { statusCode: 401, error: 'Unauthorized', message: expect.stringMatching(/METRICS_TOKEN/) },
        ]);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
        expect(res.text).not.toMatch(/pengaduan_/);
      }
      const ok = await http.get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain/);
      expect(ok.text).toMatch(/pengaduan_complaints/);
      // The token is for /metrics only: it opens nothing else.
      await http.get('/api/complaints').set('Authorization', `Bearer ${token}`).expect(401);
    } finally {
      await app?.close();
    }
  });
});
