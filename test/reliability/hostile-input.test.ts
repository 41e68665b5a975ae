/**
 * Hostile input against every endpoint the OpenAPI document lists (fast-check: wrong types, huge
 * strings, unicode, SQL and script injection, path traversal), as several kinds of caller: never a
 * 5xx, and nothing is stored except what a 201 says was. Deeply nested JSON (400) and form-encoded
 * bodies (415) on every operation with a body. Then the same Idempotency-Key sent by many clients at
 * once: exactly one complaint.
 */
import fc from 'fast-check';
import { Attachment, Complaint } from '../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice';
import { databaseKinds } from '../helpers/databases';
import { type E2e, startE2e } from '../helpers/e2e';
import { printScenario } from './summary';

const kind = databaseKinds().at(-1)!;
const RUNS_PER_OPERATION = 40;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const hostileString = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.constantFrom(
    "' OR 1=1 --",
    "'; DROP TABLE complaint; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '../../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%00',
    '\u0000',
    '\uD800',
    '𝕻𝖗𝖆𝖇𝖚𝖒𝖚𝖑𝖎𝖍 🏛️',
    '1674011203850001',
    '16.74.01',
    'RINGAN',
    'BERAT',
    'APPROVE',
    '2026-13-45T99:99:99Z',
  ),
  fc.constant('x'.repeat(100_000)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('name', 'nik', 'category', 'decision', 'outcome', 'response', 'kecamatan'),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;
/** Bodies shaped like ours with hostile leaves, or anything at all. */
const hostileBody = fc.oneof(
  fc.record(
    {
      channel: hostileValue,
      complainant: fc.oneof(
        fc.record({ name: hostileValue, nik: hostileValue, phone: hostileValue, email: hostileValue }),
        hostileValue,
      ),
      description: hostileValue,
      evidence: hostileValue,
      location: hostileValue,
      category: hostileValue,
      decision: hostileValue,
      outcome: hostileValue,
      response: hostileValue,
      reason: hostileValue,
      receivedAt: hostileValue,
      kind: hostileValue,
      year: hostileValue,
      index: hostileValue,
    },
    { requiredKeys: [] },
  ),
  hostileValue,
);

describe(`hostile input and concurrent duplicates (${kind})`, () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 100_000 } });
  }, 120_000);
  afterAll(async () => {
    await e?.stop();
  }, 60_000);

  const complaints = () => e.db.orm.em.fork().count(Complaint, {});

  it('no endpoint answers 5xx to hostile input, and only 201s store anything', async () => {
    const doc = (await e.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods).map((method) => ({ method, path: p })),
    );
    expect(operations.length).toBeGreaterThan(25);
    const callers = await Promise.all(
      ['admin', 'pengaduan', 'loket', 'pelaporan', 'walikota'].map((u) => e.as(u)),
    );
    const existing = await e.register();

    let inputs = 0;
    let created = 0;
    const serverErrors: string[] = [];
    const before = await complaints();
    for (const op of operations) {
      await fc
        .assert(
          fc.asyncProperty(
            fc.array(hostileString, { minLength: 3, maxLength: 3 }),
            hostileBody,
            fc.dictionary(
              fc.constantFrom('page', 'pageSize', 'status', 'year', 'month', 'half', 'format', 'asOf', 'q'),
              hostileString,
              { maxKeys: 3 },
            ),
            fc.nat(callers.length),
            fc.boolean(),
            async (params, body, query, callerIndex, useRealId) => {
              let i = 0;
              const url = op.path.replace(/\{[^}]+\}/g, () => {
                const value = useRealId && i === 0 ? existing.id : params[i % params.length];
                i++;
                return encodeURIComponent(value);
              });
              const method = op.method as 'get' | 'post' | 'put' | 'delete';
              let req = e.http[method](url).query(query);
              if (callerIndex < callers.length) req = req.set(callers[callerIndex]);
              let res: { status: number; body: unknown };
              try {
                res =
                  method === 'get' || method === 'delete'
                    ? await req
                    : // Raw JSON text: any value, a bare string or number included, as a client could send.
                      await req.set('Content-Type', 'application/json').send(JSON.stringify(body ?? null));
              } catch (err) {
                // Node refuses a request line or headers over 16 KiB (431) and closes the connection:
                // the server protecting itself, not an error of ours.
                if (url.length > 16_000) {
                  inputs++;
                  return true;
                }
                throw err;
              }
              inputs++;
              if (res.status === 201 && op.path.endsWith('/complaints')) created++;
              if (res.status >= 500)
                serverErrors.push(
                  `${res.status} ${op.method.toUpperCase()} ${url.slice(0, 120)} (${url.length} chars) ${JSON.stringify(res.body).slice(0, 300)}`,
                );
              return res.status < 500;
            },
          ),
          { numRuns: RUNS_PER_OPERATION, seed: 20261128 },
        )
        .catch((err) => {
          // fast-check's message ends with the property's own error: keep that part.
          const message = String(err);
          serverErrors.push(
            `${op.method.toUpperCase()} ${op.path}: ${message.slice(message.lastIndexOf('Got ')).slice(0, 400)}`,
          );
        });
    }

    // Uploads whose file names try to climb out of the storage folder are stored inside it, renamed.
    for (const name of ['../../../../tmp/evil.png', '..\\..\\evil.png', '/etc/passwd', 'ok\u0000.png']) {
      const res = await e.http
        .post(`/api/public/complaints/${existing.trackingCode}/attachments`)
        .attach('file', PNG, { filename: name, contentType: 'image/png' });
      inputs++;
      expect(res.status).toBeLessThan(500);
    }
    const stored = await e.db.orm.em.fork().find(Attachment, { complaintId: existing.id });
    for (const a of stored) {
      expect(a.storagePath).not.toContain('..');
      expect(a.fileName).not.toMatch(/[\\/]/);
      expect(a.fileName.includes(String.fromCharCode(0))).toBe(false);
    }

    const lost = 0;
    const unexpected = (await complaints()) - before - created;
    printScenario({
      scenario: 'hostile input (fast-check)',
      load: `${operations.length} operations x ${RUNS_PER_OPERATION} runs`,
      faults: `${serverErrors.length} 5xx, ${unexpected} unexpected rows`,
      inputs,
      lost,
    });
    expect(serverErrors).toEqual([]);
    expect(unexpected).toBe(0);
  }, 600_000);

  it('deeply nested JSON gets 400 and form-encoded bodies 415 on every operation with a body; nothing stored', async () => {
    const doc = (await e.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.keys(methods)
        .filter((method) => ['post', 'put', 'patch'].includes(method))
        .map((method) => ({
          method: method as 'post' | 'put' | 'patch',
          path: p,
          // Open311 GeoReport v2 posts forms by its standard (and answers in its own error format).
          takesForm: Boolean(
            (methods[method] as { requestBody?: { content?: Record<string, unknown> } }).requestBody
              ?.content?.['application/x-www-form-urlencoded'],
          ),
        })),
    );
    expect(operations.length).toBeGreaterThan(10);
    const callers = [
      {},
      ...(await Promise.all(
        ['admin', 'pengaduan', 'loket', 'pelaporan', 'kabid', 'kadis', 'walikota'].map((u) => e.as(u)),
      )),
    ];
    const existing = await e.register();
    // About 3,300 levels in 20 kB: once a stack overflow (500) in validation on every JSON endpoint.
    const deep = `${'{"a":'.repeat(3300)}1${'}'.repeat(3300)}`;
    const form = new URLSearchParams({
      'complainant[name]': 'Budi Santoso',
      'complainant[nik]': '1674011203850001',
      description: 'Formulir dari situs lain, tanpa preflight CORS.',
      category: 'RINGAN',
      username: 'admin',
      password: 'x',
    }).toString();
    const before = await complaints();
    const wrong: string[] = [];
    let inputs = 0;
    for (const op of operations) {
      const url = op.path.replace(/\{[^}]+\}/g, (param) =>
        param === '{format}' ? 'json' : /tracking/i.test(param) ? existing.trackingCode : existing.id,
      );
      const formStatuses = new Set<number>();
      for (const caller of callers) {
        const deepRes = await e.http[op.method](url)
          .set(caller)
          .set('Content-Type', 'application/json')
          .send(deep);
        const formRes = await e.http[op.method](url).set(caller).type('form').send(form);
        inputs += 2;
        const deepMessage = op.takesForm ? deepRes.body?.[0]?.description : deepRes.body.message;
        if (deepRes.status !== 400 || !/terlalu bertingkat/.test(deepMessage))
          wrong.push(`deep ${op.method.toUpperCase()} ${op.path}: ${deepRes.status} ${deepMessage}`);
        // Authentication and authorisation answer first (401, 403); anyone past them gets 415. A form
        // endpoint reads the form: without its api_key it is refused (403) or the form is (400).
        const formAllowed = op.takesForm ? [400, 403] : [401, 403, 415];
        if (!formAllowed.includes(formRes.status))
          wrong.push(`form ${op.method.toUpperCase()} ${op.path}: ${formRes.status} ${formRes.body.message}`);
        formStatuses.add(formRes.status);
      }
      if (!op.takesForm && !formStatuses.has(415))
        wrong.push(`form ${op.method.toUpperCase()} ${op.path}: no caller got 415`);
    }
    const unexpected = (await complaints()) - before;
    printScenario({
      scenario: 'deep JSON and form-encoded bodies',
      load: `${operations.length} operations x ${callers.length} callers`,
      faults: `${wrong.length} wrong answers, ${unexpected} unexpected rows`,
      inputs,
      lost: 0,
    });
    expect(wrong).toEqual([]);
    expect(unexpected).toBe(0);
  }, 300_000);

  it('the same Idempotency-Key sent by 40 clients at once makes exactly one complaint', async () => {
    const before = await complaints();
    const body = {
      complainant: { name: 'Rina Marlina', nik: '1674016006920003', phone: '081377001122' },
      description: 'Pengaduan yang sama dikirim berkali-kali oleh koneksi yang tidak stabil.',
      evidence: ['Foto layar'],
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    };
    const responses = await Promise.all(
      Array.from({ length: 40 }, () =>
        e.http.post('/api/public/complaints').set('Idempotency-Key', 'klik-ganda-0001').send(body),
      ),
    );
    const statuses = [...new Set(responses.map((r) => r.status))];
    const ids = new Set(responses.map((r) => r.body.id));
    const added = (await complaints()) - before;
    printScenario({
      scenario: 'duplicate submissions',
      load: '40 concurrent requests, one Idempotency-Key',
      faults: `statuses ${statuses.join('/')}`,
      inputs: responses.length,
      lost: added === 1 ? 0 : 1,
    });
    expect(statuses).toEqual([201]);
    expect(ids.size).toBe(1);
    expect(added).toBe(1);
  }, 120_000);
});
