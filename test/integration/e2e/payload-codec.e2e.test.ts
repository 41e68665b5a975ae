/**
 * Temporal payloads are encrypted (src/temporal/payload-codec.ts): a complaint registered and triaged
 * through the API leaves no free text in its Temporal history, as anyone reading it without the key
 * (Temporal's database, a client without the codec) would see it; the codec endpoint the Web UI uses
 * gives signed-in operators the decoded payloads, and nobody else.
 */
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { workflowIdForRegister } from '../../../src/temporal/ids';
import { TEST_SEED_PASSWORD } from '../../helpers/databases';
import { type E2e, staffComplaint, startE2e } from '../../helpers/e2e';

const NOTES = 'Catatan triase: Bu Sari Wulandari menelepon, minta ditangani segera';

interface JsonPayload {
  metadata: Record<string, string>;
  data: string;
}

/**
 * Every payload in a history (event inputs, update arguments, activity results, the summary), with
 * where it was found, but search attributes: Temporal indexes those, so they are never encoded (they
 * hold no personal data).
 */
function payloadsIn(value: unknown, where = '', found: (JsonPayload & { where: string })[] = []) {
  if (Array.isArray(value)) for (const item of value) payloadsIn(item, where, found);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const metadata = o.metadata as Record<string, Uint8Array> | undefined;
    if (metadata && typeof metadata === 'object' && metadata.encoding instanceof Uint8Array) {
      found.push({
        where,
        metadata: Object.fromEntries(
          Object.entries(metadata).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
        data: Buffer.from((o.data as Uint8Array | undefined) ?? new Uint8Array()).toString('base64'),
      });
    } else
      for (const [k, v] of Object.entries(o))
        if (k !== 'searchAttributes') payloadsIn(v, where ? `${where}.${k}` : k, found);
  }
  return found;
}

describe('Temporal payload encryption and the Web UI codec endpoint', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e('sqlite');
    await registerAndTriage();
  }, 180_000);
  afterAll(async () => {
    await e?.stop();
  });

  /** Signs in and answers the codec cookie (`name=value`) the sign-in sets, and the Set-Cookie line. */
  async function codecCookie(username: string): Promise<{ cookie: string; setCookie: string }> {
    const res = await e.http
      .post('/api/auth/login')
      .send({ username, password: TEST_SEED_PASSWORD })
      .expect(200);
    const setCookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('pengaduan_codec='));
    if (!setCookie) throw new Error(`no codec cookie for ${username}`);
    return { cookie: setCookie.split(';')[0], setCookie };
  }

  const decode = (payloads: JsonPayload[], cookie?: string) => {
    const req = e.http
      .post('/codec/decode')
      .set('Origin', e.config.temporal.uiUrl)
      .set('X-Namespace', e.config.temporal.namespace);
    if (cookie) req.set('Cookie', cookie);
    return req.send({ payloads });
  };

  let rawHistory: Buffer;
  let payloads: (JsonPayload & { where: string })[];
  let registerNumber: string;

  async function registerAndTriage(): Promise<void> {
    const complaint = await e.register();
    registerNumber = complaint.registerNumber;
    await e.http
      .post(`/api/complaints/${complaint.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN', notes: NOTES })
      .expect(200);
    // Read as anyone without the key would: a plain client (no codec), the history's bytes.
    const plain = new Client({ connection: e.temporal.connection, namespace: e.config.temporal.namespace });
    const history = await plain.workflow.getHandle(workflowIdForRegister(registerNumber)).fetchHistory();
    rawHistory = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    payloads = payloadsIn(history.events ?? []);
  }

  it('a history fetched without the codec shows no complaint text, no name, no triage notes', () => {
    const complaint = staffComplaint();
    for (const text of [
      complaint.complainant.name,
      complaint.description,
      complaint.complainant.nik,
      complaint.complainant.phone,
      complaint.complainant.email,
      NOTES,
      'Sari Wulandari',
    ])
      expect(rawHistory.includes(Buffer.from(text, 'utf8'))).toBe(false);
    // Every payload is encrypted (the start input, the summary, the update, activity results...),
    // but the SDK's own marker records (a patch's id; a local activity's number, type and times; not
    // its result), which it writes itself.
    const encoding = (p: JsonPayload) => Buffer.from(p.metadata.encoding, 'base64').toString();
    const plain = payloads.filter((p) => encoding(p) !== 'binary/encrypted');
    for (const p of plain) {
      expect(p.where).toMatch(/^markerRecordedEventAttributes\.details\.(patch-data|data)\.payloads$/);
    }
    expect(payloads.length - plain.length).toBeGreaterThan(5);
  });

  it('an operator signed in to the console reads the history through the codec endpoint', async () => {
    for (const username of ['admin', 'kabid', 'kadis']) {
      const { cookie, setCookie } = await codecCookie(username);
      expect(setCookie).toMatch(/; Path=\/codec/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Lax/);
      expect(setCookie).toMatch(new RegExp(`; Max-Age=${e.config.session.accessTokenMinutes * 60}`));
      const res = await decode(payloads, cookie).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(e.config.temporal.uiUrl);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      const decoded = (res.body.payloads as JsonPayload[]).map((p) =>
        Buffer.from(p.data, 'base64').toString(),
      );
      expect(decoded).toHaveLength(payloads.length);
      const all = decoded.join('\n');
      expect(all).toContain(NOTES);
      // The static summary: register number, channel, location, identity mode; no name, no description.
      const summary = decoded.find((d) => d.includes(`Pengaduan ${registerNumber}`));
      expect(summary).toBeDefined();
      expect(all).not.toContain(staffComplaint().complainant.name);
      expect(all).not.toContain(staffComplaint().description);
      for (const p of res.body.payloads as JsonPayload[])
        expect(Buffer.from(p.metadata.encoding, 'base64').toString()).toMatch(/^(json\/plain|binary\/null)$/);
    }
  });

  it('refuses without a session (401), and to staff who are not operators (403)', async () => {
    const none = await decode(payloads).expect(401);
    expect(none.body.message).toBe('Anda harus masuk (login) terlebih dahulu.');
    const forged = await decode(payloads, 'pengaduan_codec=not-a-token').expect(401);
    expect(forged.body.message).toMatch(/Sesi tidak valid/);
    for (const username of ['loket', 'pengaduan', 'walikota']) {
      const { cookie } = await codecCookie(username);
      const res = await decode(payloads, cookie).expect(403);
      expect(res.body.message).toBe('Anda tidak berwenang melakukan tindakan ini.');
    }
    // The cookie is only for the codec: the API itself still wants the Bearer token.
    const { cookie } = await codecCookie('admin');
    await e.http.get('/api/ops/stuck').set('Cookie', cookie).expect(401);
  });

  it('answers the Web UI origin preflight, and not another origin', async () => {
    const ok = await e.http
      .options('/codec/decode')
      .set('Origin', e.config.temporal.uiUrl)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace')
      .expect(204);
    expect(ok.headers['access-control-allow-origin']).toBe(e.config.temporal.uiUrl);
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    expect(ok.headers['access-control-allow-headers']).toMatch(/content-type, x-namespace/);
    const other = await e.http
      .options('/codec/decode')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('round-trips through /codec/encode; refuses a tampered payload (422) and a malformed body (400)', async () => {
    const { cookie } = await codecCookie('admin');
    const plain = {
      metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      data: Buffer.from('"halo"').toString('base64'),
    };
    const encoded = await e.http
      .post('/codec/encode')
      .set('Cookie', cookie)
      .send({ payloads: [plain] })
      .expect(200);
    const [sealed] = encoded.body.payloads as JsonPayload[];
    expect(Buffer.from(sealed.metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect((await decode([sealed], cookie).expect(200)).body.payloads).toEqual([plain]);
    const bytes = Buffer.from(sealed.data, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const tampered = await decode([{ ...sealed, data: bytes.toString('base64') }], cookie).expect(422);
    expect(tampered.body.message).toMatch(/tidak dapat dibuka/);
    const bad = await e.http.post('/codec/decode').set('Cookie', cookie).send({ payloads: 'x' }).expect(400);
    expect(bad.body.message).toMatch(/payloads/);
    await e.http
      .post('/codec/decode')
      .set('Cookie', cookie)
      .set('X-Namespace', 'lain')
      .send({ payloads: [] })
      .expect(400);
  });

  it('sign-out clears the codec cookie', async () => {
    const login = await e.http
      .post('/api/auth/login')
      .send({ username: 'admin', password: TEST_SEED_PASSWORD })
      .expect(200);
    const res = await e.http
      .post('/api/auth/logout')
      .send({ refreshToken: login.body.refreshToken })
      .expect(204);
    const cleared = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('pengaduan_codec='));
    expect(cleared).toMatch(/^pengaduan_codec=;.*Path=\/codec.*Expires=Thu, 01 Jan 1970/);
  });
});
