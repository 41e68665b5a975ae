/**
 * Every role tried on every endpoint. Mutating calls send an empty body: a caller who may use the
 * endpoint gets past authorisation and is stopped by validation (400); anyone else gets 403, and a
 * caller without a token 401. Finer rules (a unit completes only its own tasks, personal data only
 * for handling units) are tested in actions-status-codes.e2e.test.ts.
 */
import { databaseKinds } from '../../helpers/databases';
import { type E2e, staffComplaint, startE2e } from '../../helpers/e2e';

const CALLERS = {
  anonymous: null,
  admin: 'admin',
  kepalaDaerah: 'walikota',
  loket: 'loket',
  pengaduan: 'pengaduan',
  kebijakan: 'kebijakan',
  pelaporan: 'pelaporan',
  kabid: 'kabid',
  kadis: 'kadis',
  perizinan: 'perizinan',
  teknis: 'teknis',
  kecamatan: 'kec-16.74.01',
  kelurahan: 'kel-16.74.01.1007',
} as const;
type Caller = keyof typeof CALLERS;
const STAFF: Caller[] = [
  'loket',
  'pengaduan',
  'kebijakan',
  'pelaporan',
  'kabid',
  'kadis',
  'perizinan',
  'teknis',
  'kecamatan',
  'kelurahan',
];
const SIGNED_IN: Caller[] = ['admin', 'kepalaDaerah', ...STAFF];
const EVERYONE: Caller[] = ['anonymous', ...SIGNED_IN];

interface Rule {
  method: 'get' | 'post' | 'put';
  path: (ids: { complaint: string; task: string; tracking: string }) => string;
  allowed: Caller[];
  /** Status an allowed caller gets (the call is valid for reads, empty-bodied for writes). */
  allowedStatus: number[];
}

const RULES: Record<string, Rule> = {
  'POST /api/complaints': {
    method: 'post',
    path: () => '/api/complaints',
    allowed: STAFF,
    allowedStatus: [400],
  },
  'POST /api/public/complaints': {
    method: 'post',
    path: () => '/api/public/complaints',
    allowed: EVERYONE,
    allowedStatus: [400],
  },
  'GET /api/complaints': {
    method: 'get',
    path: () => '/api/complaints',
    allowed: SIGNED_IN,
    allowedStatus: [200],
  },
  'GET /api/complaints/:id': {
    method: 'get',
    path: (i) => `/api/complaints/${i.complaint}`,
    allowed: SIGNED_IN,
    allowedStatus: [200],
  },
  'POST /api/complaints/:id/triage': {
    method: 'post',
    path: (i) => `/api/complaints/${i.complaint}/triage`,
    allowed: ['pengaduan'],
    allowedStatus: [400],
  },
  'GET /api/tasks': { method: 'get', path: () => '/api/tasks', allowed: STAFF, allowedStatus: [200] },
  'POST /api/tasks/:id/complete': {
    method: 'post',
    path: (i) => `/api/tasks/${i.task}/complete`,
    allowed: STAFF,
    allowedStatus: [400],
  },
  'POST /api/complaints/:id/escalation-decision': {
    method: 'post',
    path: (i) => `/api/complaints/${i.complaint}/escalation-decision`,
    allowed: ['kepalaDaerah'],
    allowedStatus: [400],
  },
  'POST /api/complaints/:id/recategorise': {
    method: 'post',
    path: (i) => `/api/complaints/${i.complaint}/recategorise`,
    allowed: ['kabid', 'kadis'],
    allowedStatus: [400],
  },
  'POST /api/complaints/:id/response': {
    method: 'post',
    path: (i) => `/api/complaints/${i.complaint}/response`,
    // The front desk answers RINGAN cases (SOP B.3.a; the category is checked after the body).
    allowed: ['loket', 'pengaduan'],
    allowedStatus: [400],
  },
  'GET /api/public/complaints/:trackingCode': {
    method: 'get',
    path: (i) => `/api/public/complaints/${i.tracking}`,
    allowed: EVERYONE,
    allowedStatus: [200],
  },
  'GET /api/calendar/holidays': {
    method: 'get',
    path: () => '/api/calendar/holidays?year=2026',
    allowed: ['admin'],
    allowedStatus: [200],
  },
  'PUT /api/calendar/holidays': {
    method: 'put',
    path: () => '/api/calendar/holidays?year=2026',
    allowed: ['admin'],
    allowedStatus: [400],
  },
  'GET /api/retention/preview': {
    method: 'get',
    path: () => '/api/retention/preview',
    allowed: ['admin'],
    allowedStatus: [200],
  },
  'POST /api/retention/run': {
    method: 'post',
    path: () => '/api/retention/run',
    allowed: ['admin'],
    allowedStatus: [200],
  },
  'GET /api/ops/stuck': {
    method: 'get',
    path: () => '/api/ops/stuck',
    allowed: ['admin', 'kabid', 'kadis'],
    allowedStatus: [200],
  },
  'GET /api/users/receiving-officials': {
    method: 'get',
    path: () => '/api/users/receiving-officials',
    allowed: STAFF,
    allowedStatus: [200],
  },
  'GET /api/areas': { method: 'get', path: () => '/api/areas', allowed: EVERYONE, allowedStatus: [200] },
  'GET /api/privacy-notice': {
    method: 'get',
    path: () => '/api/privacy-notice',
    allowed: EVERYONE,
    allowedStatus: [200],
  },
  'GET /api/complaints/:id/attachments': {
    method: 'get',
    path: (i) => `/api/complaints/${i.complaint}/attachments`,
    allowed: SIGNED_IN,
    allowedStatus: [200],
  },
  'POST /api/complaints/:id/attachments': {
    method: 'post',
    path: (i) => `/api/complaints/${i.complaint}/attachments`,
    allowed: STAFF,
    // The empty JSON body is not multipart/form-data: past authorisation, refused for its type.
    allowedStatus: [415],
  },
  'POST /api/complaints/:id/forward': {
    method: 'post',
    path: (i) => `/api/complaints/${i.complaint}/forward`,
    allowed: ['pengaduan'],
    allowedStatus: [400],
  },
  'GET /api/agencies': {
    method: 'get',
    path: () => '/api/agencies',
    allowed: EVERYONE,
    allowedStatus: [200],
  },
  'GET /api/public/complaints/:trackingCode/rating': {
    method: 'get',
    path: (i) => `/api/public/complaints/${i.tracking}/rating`,
    allowed: EVERYONE,
    allowedStatus: [200],
  },
  'POST /api/public/complaints/:trackingCode/rating': {
    method: 'post',
    path: (i) => `/api/public/complaints/${i.tracking}/rating`,
    allowed: EVERYONE,
    // The empty body has no score.
    allowedStatus: [400],
  },
  'GET /api/complaints/:id/rating': {
    method: 'get',
    path: (i) => `/api/complaints/${i.complaint}/rating`,
    allowed: SIGNED_IN,
    allowedStatus: [200],
  },
  // Data-subject requests: the admin's alone. An empty body names no person (422, a rule: each key is
  // optional on its own); export and erase also lack their required format and reason (400).
  'POST /api/data-subject/search': {
    method: 'post',
    path: () => '/api/data-subject/search',
    allowed: ['admin'],
    allowedStatus: [422],
  },
  'POST /api/data-subject/export': {
    method: 'post',
    path: () => '/api/data-subject/export',
    allowed: ['admin'],
    allowedStatus: [400],
  },
  'POST /api/data-subject/erase': {
    method: 'post',
    path: () => '/api/data-subject/erase',
    allowed: ['admin'],
    allowedStatus: [400],
  },
  'GET /api/data-subject/requests': {
    method: 'get',
    path: () => '/api/data-subject/requests',
    allowed: ['admin'],
    allowedStatus: [200],
  },
};

describe.each(databaseKinds())('role x endpoint matrix (%s)', (kind) => {
  let e: E2e;
  let ids: { complaint: string; task: string; tracking: string };
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 10_000 } });
    const created = await e.http
      .post('/api/complaints')
      .set(await e.as('loket'))
      .send(staffComplaint())
      .expect(201);
    ids = {
      complaint: created.body.id,
      task: `${created.body.id}:1:LOKET`,
      tracking: created.body.trackingCode,
    };
  });
  afterAll(async () => {
    await e?.stop();
  });

  it.each(Object.entries(RULES))('%s', async (_name, rule) => {
    const outcomes: string[] = [];
    for (const [caller, username] of Object.entries(CALLERS) as [Caller, string | null][]) {
      const req = e.http[rule.method](rule.path(ids));
      if (username) req.set(await e.as(username));
      const res = rule.method === 'get' ? await req : await req.send({});
      const expected = rule.allowed.includes(caller)
        ? rule.allowedStatus
        : caller === 'anonymous'
          ? [401]
          : [403];
      if (!expected.includes(res.status))
        outcomes.push(`${caller}: got ${res.status}, expected ${expected.join('/')}`);
      expect(res.body.statusCode === undefined || typeof res.body.message === 'string').toBe(true);
    }
    expect(outcomes).toEqual([]);
  });
});
