/**
 * The OpenAPI document (served at the root: /docs-json, Swagger UI at /docs) describes the whole
 * contract of issue 4, with typed request bodies, so a generated client works.
 */

import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, startE2e } from '../../helpers/e2e';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  additionalProperties?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  required?: string[];
};
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: Record<string, unknown>[];
};
type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
};

/** [method, path, request body media type]: every endpoint of the contract. */
const CONTRACT: [string, string, string?][] = [
  ['post', '/api/auth/login', 'application/json'],
  ['post', '/api/complaints', 'application/json'],
  ['post', '/api/public/complaints', 'application/json'],
  ['get', '/api/complaints'],
  ['get', '/api/complaints/{}'],
  ['post', '/api/complaints/{}/triage', 'application/json'],
  ['get', '/api/tasks'],
  ['post', '/api/tasks/{}/complete', 'application/json'],
  ['post', '/api/complaints/{}/escalation-decision', 'application/json'],
  ['post', '/api/complaints/{}/recategorise', 'application/json'],
  ['post', '/api/complaints/{}/response', 'application/json'],
  ['get', '/api/public/complaints/{}'],
  ['get', '/api/calendar/holidays'],
  ['put', '/api/calendar/holidays', 'application/json'],
  ['get', '/api/areas'],
  ['post', '/api/complaints/{}/attachments', 'multipart/form-data'],
  ['get', '/api/complaints/{}/attachments'],
  ['get', '/api/complaints/{}/attachments/{}'],
  ['post', '/api/public/complaints/{}/attachments', 'multipart/form-data'],
  ['get', '/health'],
  ['post', '/api/complaints/{}/forward', 'application/json'],
  ['get', '/api/agencies'],
  ['get', '/open311/v2/services.{}'],
  ['get', '/open311/v2/services/{}.{}'],
  ['post', '/open311/v2/requests.{}', 'application/x-www-form-urlencoded'],
  ['get', '/open311/v2/requests.{}'],
  ['get', '/open311/v2/requests/{}.{}'],
  ['get', '/open311/v2/tokens/{}.{}'],
  ['get', '/open311/v2/discovery.{}'],
  ['get', '/api/open311/api-keys'],
  ['post', '/api/open311/api-keys', 'application/json'],
  ['post', '/api/open311/api-keys/{}/revoke'],
  ['get', '/api/privacy-notice'],
  ['get', '/api/personal-data-access'],
  ['post', '/api/data-subject/search', 'application/json'],
  ['post', '/api/data-subject/export', 'application/json'],
  ['patch', '/api/data-subject/complaints/{}', 'application/json'],
  ['post', '/api/data-subject/erase', 'application/json'],
  ['get', '/api/data-subject/requests'],
  ['get', '/api/retention/preview'],
  ['post', '/api/retention/run'],
];

/** Endpoints anyone may call (no bearer token in the document). */
const PUBLIC = new Set([
  'post /api/auth/login',
  'post /api/public/complaints',
  'get /api/public/complaints/{}',
  'post /api/public/complaints/{}/attachments',
  'get /api/areas',
  'get /health',
  'get /api/agencies',
  'get /open311/v2/services.{}',
  'get /open311/v2/services/{}.{}',
  'post /open311/v2/requests.{}',
  'get /open311/v2/requests.{}',
  'get /open311/v2/requests/{}.{}',
  'get /open311/v2/tokens/{}.{}',
  'get /open311/v2/discovery.{}',
  'get /api/privacy-notice',
]);

/** Path parameters may be named freely ({id}, {taskId}); the contract fixes only their place. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

describe.each(databaseKinds())('OpenAPI document (%s)', (kind) => {
  let e: E2e;
  let doc: OpenApi;
  const operations = new Map<string, Operation>();

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`dangling $ref ${schema.$ref}`);
    return target;
  };
  /** An object schema with properties, or an array of one, or an enum: anything but `{}`. */
  const expectTyped = (schema: Schema | undefined, where: string) => {
    expect({ where, schema: schema ?? null }).toEqual({ where, schema: expect.any(Object) });
    const s = resolve(schema!);
    if (s.type === 'array') return expectTyped(s.items, `${where}[]`);
    const typed =
      Object.keys(s.properties ?? {}).length > 0 ||
      (s.enum?.length ?? 0) > 0 ||
      (s.allOf?.length ?? 0) > 0 ||
      (s.type !== undefined && s.type !== 'object');
    expect({ where, typed }).toEqual({ where, typed: true });
  };

  beforeAll(async () => {
    e = await startE2e(kind);
    doc = (await e.http.get('/docs-json').expect(200)).body;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) operations.set(`${method} ${shape(path)}`, op);
    }
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('is served at the root, not under /api, with Swagger UI beside it', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    const ui = await e.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toMatch(/swagger/i);
    await e.http.get('/api/docs-json').expect(404);
  });

  it('lists every endpoint of the contract', () => {
    const missing = CONTRACT.map(([method, path]) => `${method} ${path}`).filter((k) => !operations.has(k));
    expect(missing).toEqual([]);
  });

  it('types every request body and every successful response of the contract', () => {
    for (const [method, path, mediaType] of CONTRACT) {
      const key = `${method} ${path}`;
      const op = operations.get(key)!;
      if (mediaType) {
        expect({ key, media: Object.keys(op.requestBody?.content ?? {}) }).toEqual({
          key,
          media: [mediaType],
        });
        expectTyped(op.requestBody!.content[mediaType].schema, `${key} body`);
      }
      const success = Object.entries(op.responses).filter(([status]) => /^20\d$/.test(status));
      expect({ key, success: success.length }).toEqual({ key, success: expect.any(Number) });
      expect(success.length).toBeGreaterThan(0);
      for (const [status, response] of success) {
        if (key === 'get /health') continue;
        const content = Object.values(response.content ?? {});
        expect({ key, status, content: content.length }).toEqual({
          key,
          status,
          content: expect.any(Number),
        });
        expect(content.length).toBeGreaterThan(0);
        for (const c of content) expectTyped(c.schema, `${key} ${status}`);
      }
    }
  });

  it('has no empty schema among its components', () => {
    const empty = Object.entries(doc.components.schemas)
      .filter(([, s]) => s.type === 'object' || s.type === undefined)
      .filter(([, s]) => Object.keys(s.properties ?? {}).length === 0 && !s.allOf && !s.enum)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });

  it('requires the acknowledged privacy notice version with every intake, the current one as its enum', () => {
    const schemas = doc.components.schemas as Record<string, Schema & { required?: string[] }>;
    for (const name of ['PublicComplaintDto', 'CreateComplaintDto']) {
      expect({ name, required: schemas[name].required }).toEqual({
        name,
        required: expect.arrayContaining(['privacyNoticeVersion']),
      });
      expect(schemas[name].properties!.privacyNoticeVersion).toMatchObject({
        type: 'string',
        enum: [PRIVACY_NOTICE_VERSION],
      });
    }
    const open311 = operations.get('post /open311/v2/requests.{}')!.requestBody!.content[
      'application/x-www-form-urlencoded'
    ].schema as Schema & { required?: string[] };
    expect(open311.required).toContain('attribute[persetujuan_privasi]');
    expect(open311.properties!['attribute[persetujuan_privasi]']).toMatchObject({
      enum: [PRIVACY_NOTICE_VERSION],
    });
    expect(
      Object.keys(
        resolve(
          operations.get('get /api/privacy-notice')!.responses['200'].content!['application/json'].schema,
        ).properties!,
      ),
    ).toEqual(expect.arrayContaining(['version', 'summary', 'sections', 'contact']));
  });

  it('says which endpoints need a bearer token', () => {
    for (const [method, path] of CONTRACT) {
      const key = `${method} ${path}`;
      const secured = (operations.get(key)!.security ?? []).some((s) => 'bearer' in s);
      expect({ key, secured }).toEqual({ key, secured: !PUBLIC.has(key) });
    }
  });

  it('describes the holiday, area, attachment and tracking shapes', () => {
    const schemas = doc.components.schemas;
    const year = operations.get('get /api/calendar/holidays')!.parameters!.find((p) => p.name === 'year');
    expect(year).toMatchObject({ in: 'query', required: true, schema: { type: 'integer' } });
    expect(Object.keys(schemas.ReplaceHolidaysDto.properties!)).toEqual(['holidays']);
    expect(resolve(schemas.ReplaceHolidaysDto.properties!.holidays.items!).properties).toMatchObject({
      date: { type: 'string' },
      name: { type: 'string' },
      kind: { enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA'] },
    });
    expect(schemas.HolidayYearDto.properties).toMatchObject({
      source: { enum: ['OFFICIAL', 'ADMIN', 'FALLBACK'] },
      holidays: { type: 'array' },
    });
    expect(schemas.KecamatanDto.properties).toMatchObject({ kelurahan: { type: 'array' } });
    expect(schemas.UploadAttachmentDto.properties).toEqual({
      file: expect.objectContaining({ type: 'string', format: 'binary' }),
    });
    // The server refuses any part besides the file, so the document allows none.
    expect(schemas.UploadAttachmentDto).toMatchObject({ required: ['file'], additionalProperties: false });
    // Free text never holds NUL (the body check answers 400): passwords and not-blank rules say so too.
    const noNul = (pattern: string | undefined) => new RegExp(pattern!).test('a\u0000b');
    expect(noNul(resolve(schemas.ChangeOwnPasswordDto.properties!.newPassword).pattern)).toBe(false);
    expect(noNul(schemas.CreateComplaintDto.properties!.evidence.items!.pattern)).toBe(false);
    // Every free-text field of every request body (JSON or form) says so: the body check answers 400.
    const nulAccepting: string[] = [];
    const walk = (schema: Schema | undefined, where: string): void => {
      if (!schema) return;
      if (schema.$ref) {
        walk(resolve(schema), where);
        return;
      }
      // A format (date, email, uuid) leaves NUL out already; `password` is only a display hint.
      const free =
        schema.type === 'string' && !schema.enum && (!schema.format || schema.format === 'password');
      if (free && (!schema.pattern || noNul(schema.pattern))) nulAccepting.push(where);
      for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, `${where}.${name}`);
      walk(schema.items, `${where}[]`);
      for (const child of schema.allOf ?? []) walk(child, where);
    };
    for (const [key, op] of operations)
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        if (type !== 'multipart/form-data') walk(media.schema, `${key} ${type}`);
    expect(nulAccepting).toEqual([]);
    expect(new RegExp(schemas.CreateComplaintDto.properties!.evidence.items!.pattern!).test('foto.jpg')).toBe(
      true,
    );
    for (const key of ['post /api/complaints/{}/attachments', 'post /api/public/complaints/{}/attachments']) {
      expect(Object.keys(operations.get(key)!.responses)).toEqual(
        expect.arrayContaining(['201', '413', '415']),
      );
    }
    expect(
      operations.get('get /api/complaints/{}/attachments/{}')!.responses['200'].content?.['image/png'],
    ).toEqual({ schema: { type: 'string', format: 'binary' } });
    // The public tracking answer has no personal field.
    const tracking = Object.keys(schemas.TrackingDto.properties!);
    expect(tracking).toEqual(
      expect.arrayContaining(['trackingCode', 'status', 'dueAt', 'stages', 'response', 'rejectionReason']),
    );
    for (const field of tracking)
      expect(field).not.toMatch(/complainant|nik|name|phone|email|address|actor/i);
    expect(Object.keys(resolve(schemas.TrackingDto.properties!.stages.items!).properties!).sort()).toEqual([
      'at',
      'label',
      'type',
      'unit',
    ]);
    expect(Object.keys(resolve(schemas.TrackingDto.properties!.units.items!).properties!).sort()).toEqual([
      'done',
      'dueAt',
      'label',
      'unit',
    ]);
    // The rate-limited public endpoints document their 429.
    for (const key of [
      'get /api/public/complaints/{}',
      'get /api/areas',
      'post /api/public/complaints/{}/attachments',
      'get /api/public/complaints/{}/rating',
      'post /api/public/complaints/{}/rating',
    ]) {
      expect(operations.get(key)!.responses).toHaveProperty('429');
    }
  });

  it('documents Open311 answers in JSON and XML, and its errors as the standard error list', () => {
    for (const key of [
      'get /open311/v2/services.{}',
      'get /open311/v2/requests.{}',
      'post /open311/v2/requests.{}',
    ]) {
      const op = operations.get(key)!;
      const success = Object.entries(op.responses).find(([status]) => /^20\d$/.test(status))![1];
      expect({ key, media: Object.keys(success.content ?? {}).sort() }).toEqual({
        key,
        media: ['application/json', 'text/xml'],
      });
    }
    const refused = operations.get('post /open311/v2/requests.{}')!.responses['403'];
    const schema = Object.values(refused.content ?? {})[0].schema;
    expect(schema.type).toBe('array');
    expect(resolve(schema.items!).properties).toMatchObject({
      code: { type: 'number' },
      description: { type: 'string' },
    });
  });
});
