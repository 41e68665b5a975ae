/**
 * The production topology of `npm run start:cluster` (scripts/start-cluster.sh), tested from outside
 * as its users and operators use it: the Temporal server as four processes on PostgreSQL with SQL
 * visibility, two workers, two API replicas behind Caddy, the read-only Web UI behind a password.
 * Faults are real: processes killed with SIGKILL (the topology restarts them, as compose does) and
 * Temporal services restarted mid-load. Run by `npm run test:cluster`, which starts the topology.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { Client as PgClient } from 'pg';
import { parseEncryptionKeys } from '../../src/config/encryption-keys';
import { workflowIdForRegister } from '../../src/temporal/ids';
import { temporalDataConverter } from '../../src/temporal/payload-codec';
import { RECAP_SCHEDULE_ID } from '../../src/temporal/recap-schedule';
import { CLUSTER_API, CLUSTER_DIR, CLUSTER_PG_URL, CLUSTER_UI, clusterSecrets } from '../helpers/cluster';
import { seededUserFor } from '../helpers/complaints';
import { eventually, staffComplaint } from '../helpers/e2e';
import { findPostgresBin } from '../helpers/private-postgres';
import { printScenario } from '../reliability/summary';

const ROOT = path.resolve(__dirname, '../..');
const DIR = CLUSTER_DIR;
const API = CLUSTER_API;
const UI = CLUSTER_UI;
const PG_URL = CLUSTER_PG_URL;
const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const secrets = clusterSecrets();
/** The topology's payload codec: its histories are encrypted with TEMPORAL_PAYLOAD_KEYS of secrets.env. */
const clusterDataConverter = () =>
  temporalDataConverter({
    dataDir: CLUSTER_DIR,
    temporal: { payloadKeys: parseEncryptionKeys(secrets.TEMPORAL_PAYLOAD_KEYS ?? '') },
  });

const tokens = new Map<string, string>();
async function as(username: string): Promise<Record<string, string>> {
  if (!tokens.has(username)) {
    const res = await call('POST', '/api/auth/login', { username, password: secrets.SEED_PASSWORD });
    expect(res.status).toBe(200);
    tokens.set(username, res.body.accessToken);
  }
  return { authorization: `Bearer ${tokens.get(username)}` };
}

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers of the API
  body: any;
}

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${API}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (a proxy error page)
  }
  return { status: res.status, body: parsed } as Answer;
}

/**
 * An action a person repeats when the proxy answers 502 (the replica that held the request was
 * killed) or 503 (Temporal unreachable, "coba lagi"): until the API answers otherwise. A repeat after the first was applied is refused with 409, which is
 * the answer the person then reads; every answer is returned so the test can check there is no other.
 */
async function persist(action: () => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = [];
  // A restarted Temporal frontend takes up to about a minute to rejoin: the API answers 503 meanwhile.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const answer = await action().catch((err: Error) => ({ status: 0, body: err.message }));
    answers.push(answer);
    if (![0, 502, 503, 504].includes(answer.status)) return answers;
    await new Promise((r) => setTimeout(r, 500));
  }
  return answers;
}

const pidOf = (name: string) => Number(fs.readFileSync(path.join(DIR, 'pids', `${name}.pid`), 'utf8'));
function kill(name: string, signal: NodeJS.Signals): number {
  const pid = pidOf(name);
  process.kill(pid, signal);
  return pid;
}
/** The topology restarts a process that exits (a new PID), as compose's `restart: unless-stopped`. */
async function restarted(name: string, oldPid: number, port?: number): Promise<void> {
  await eventually(async () => {
    const pid = pidOf(name);
    if (pid === oldPid) return false;
    if (port === undefined) return true;
    return fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
  }, 120_000);
}

async function connectPg(): Promise<PgClient> {
  const client = new PgClient({ connectionString: PG_URL });
  client.on('error', () => undefined); // PostgreSQL is stopped on purpose in one scenario
  await client.connect();
  return client;
}

/** pg_ctl on the topology's PostgreSQL (as its owner, the postgres OS user, when run as root). */
function pgCtl(args: string[]): void {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed');
  const command = [path.join(bin, 'pg_ctl'), '-D', path.join(DIR, 'postgres'), '-w', ...args];
  if (process.getuid?.() === 0)
    execFileSync('runuser', ['-u', 'postgres', '--', ...command], { stdio: 'ignore' });
  else execFileSync(command[0], command.slice(1), { stdio: 'ignore' });
}

describe('production topology (npm run start:cluster)', () => {
  let connection: Connection;
  let temporal: TemporalClient;
  let pg: PgClient;
  beforeAll(async () => {
    connection = await Connection.connect({ address: '127.0.0.1:7233' });
    // Payloads are encrypted with the topology's key (scripts/start-cluster.sh, secrets.env).
    temporal = new TemporalClient({
      connection,
      namespace: 'default',
      dataConverter: clusterDataConverter(),
    });
    pg = await connectPg();
  });
  afterAll(async () => {
    await connection?.close();
    await pg?.end();
  });

  // Registering goes through the proxy as LOKET would (staffComplaint is an e-mail complaint).
  const registerAs = async () => {
    const headers = await as('pengaduan');
    const answers = await persist(() => call('POST', '/api/complaints', staffComplaint(), headers));
    const last = answers.at(-1)!;
    expect(last.status).toBe(201);
    return last.body as { id: string; registerNumber: string };
  };
  const detail = async (id: string) =>
    (await call('GET', `/api/complaints/${id}`, undefined, await as('pengaduan'))).body;

  /** Each RINGAN complaint is being handled, with its two tasks (LOKET, SEKSI_PENGADUAN) once each. */
  const expectRinganTasksOnce = async (complaints: { id: string }[], scenario: string, faults: string) => {
    const units: string[][] = [];
    for (const c of complaints) {
      await eventually(async () => (await detail(c.id)).status === 'IN_PROGRESS', 120_000);
      const { rows } = await pg.query(
        'select unit from complaint_task where complaint_id = $1 order by unit',
        [c.id],
      );
      units.push(rows.map((r) => r.unit));
    }
    // A triage answered 200 whose two tasks are not both there (once each) was lost.
    const lost = units.filter((u) => u.join() !== 'LOKET,SEKSI_PENGADUAN').length;
    printScenario(
      {
        scenario,
        load: `${complaints.length} registrations + triages`,
        faults,
        inputs: complaints.length * 2,
        lost,
      },
      'cluster',
    );
    for (const u of units) expect(u).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
  };

  it('answers /health through the proxy and on each API replica', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await call('GET', '/health');
      expect(res.status).toBe(200);
      expect(res.body.checks).toMatchObject({
        database: { status: 'up', detail: 'postgresql' },
        temporal: { status: 'up' },
      });
    }
    for (const port of [3101, 3102])
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });

  it('runs a SEDANG complaint to its response, and SQL visibility finds it by its search attributes', async () => {
    const { id, registerNumber } = await registerAs();
    const triaged = await call(
      'POST',
      `/api/complaints/${id}/triage`,
      { category: 'SEDANG', location: LOCATION },
      await as('pengaduan'),
    );
    expect(triaged.status).toBe(200);
    expect(triaged.body.tasks).toHaveLength(8);
    for (const task of triaged.body.tasks) {
      const res = await call(
        'POST',
        `/api/tasks/${encodeURIComponent(task.id)}/complete`,
        { outcome: 'Sudah ditindaklanjuti' },
        await as(seededUserFor(task)),
      );
      expect(res.status).toBe(200);
    }
    const responded = await call(
      'POST',
      `/api/complaints/${id}/response`,
      { response: 'Pengaduan Anda telah ditindaklanjuti.' },
      await as('pengaduan'),
    );
    expect(responded.status).toBe(200);
    expect(responded.body.status).toBe('RESOLVED');

    const workflowId = `pengaduan-${registerNumber.replace(/\//g, '-')}`;
    const found = async (query: string) => {
      const ids: string[] = [];
      for await (const wf of temporal.workflow.list({ query })) ids.push(wf.workflowId);
      return ids;
    };
    await eventually(
      async () =>
        (
          await found(
            `WorkflowId = "${workflowId}" AND ComplaintStatus = "RESOLVED" AND ComplaintCategory = "SEDANG" AND Kecamatan = "16.74.01" AND WaitingFor = "NOTHING"`,
          )
        ).length === 1,
      30_000,
    );

    // Every notification of the case is delivered once, though two workers run dispatchers.
    await eventually(async () => {
      const { rows } = await pg.query(
        `select count(*)::int as open from notification where complaint_id = $1 and status not in ('SENT', 'SKIPPED')`,
        [id],
      );
      return rows[0].open === 0;
    }, 60_000);
    const { rows } = await pg.query('select id, attempts from notification where complaint_id = $1', [id]);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.attempts !== 1)).toEqual([]);
    const logs = ['worker-1', 'worker-2']
      .map((w) => fs.readFileSync(path.join(DIR, 'logs', `${w}.log`), 'utf8'))
      .join('\n');
    for (const { id: notificationId } of rows) {
      expect(logs.split(`"notificationId":"${notificationId}"`).length - 1).toBeLessThanOrEqual(1);
    }
  });

  it('with two workers, the recap schedule exists once', async () => {
    const ids: string[] = [];
    for await (const s of temporal.schedule.list()) ids.push(s.scheduleId);
    expect(ids.filter((s) => s === RECAP_SCHEDULE_ID)).toHaveLength(1);
    const described = await temporal.schedule.getHandle(RECAP_SCHEDULE_ID).describe();
    expect(described.action.type).toBe('startWorkflow');
  });

  it('loses nothing when a worker and an API replica are killed mid-load (SIGKILL)', async () => {
    const complaints: { id: string }[] = [];
    for (let i = 0; i < 10; i++) complaints.push(await registerAs());
    const headers = await as('pengaduan');
    const triages = complaints.map((c, i) =>
      new Promise((r) => setTimeout(r, i * 150)).then(() =>
        persist(() =>
          call('POST', `/api/complaints/${c.id}/triage`, { category: 'SEDANG', location: LOCATION }, headers),
        ),
      ),
    );
    await new Promise((r) => setTimeout(r, 400));
    const worker = kill('worker-1', 'SIGKILL');
    const api = kill('api-1', 'SIGKILL');
    const answers = await Promise.all(triages);
    // Each triage was answered 200, or 409 when a repeat met the triage already applied.
    for (const list of answers) {
      const final = list.at(-1)!;
      expect([200, 409]).toContain(final.status);
      expect(list.filter((a) => a.status === 200).length).toBeLessThanOrEqual(1);
    }
    await restarted('worker-1', worker);
    await restarted('api-1', api, 3101);

    // Every complaint has its eight tasks, once each.
    for (const c of complaints) {
      await eventually(async () => (await detail(c.id)).status === 'IN_PROGRESS', 60_000);
      const { rows } = await pg.query(
        'select unit, area, round, count(*)::int as n from complaint_task where complaint_id = $1 group by unit, area, round',
        [c.id],
      );
      expect(rows).toHaveLength(8);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    }

    // Completing the tasks while the other worker and replica are killed: every completion counts.
    const tasks = (
      await Promise.all(
        complaints.map(
          async (c) => (await detail(c.id)).tasks as { id: string; unit: string; area: string | null }[],
        ),
      )
    ).flat();
    const completions = tasks.map((task, i) =>
      new Promise((r) => setTimeout(r, i * 20)).then(async () =>
        persist(async () =>
          call(
            'POST',
            `/api/tasks/${encodeURIComponent(task.id)}/complete`,
            { outcome: 'Selesai' },
            await as(seededUserFor(task)),
          ),
        ),
      ),
    );
    await new Promise((r) => setTimeout(r, 500));
    const worker2 = kill('worker-2', 'SIGKILL');
    const api2 = kill('api-2', 'SIGKILL');
    for (const list of await Promise.all(completions)) expect([200, 409]).toContain(list.at(-1)!.status);
    await restarted('worker-2', worker2);
    await restarted('api-2', api2, 3102);
    for (const c of complaints) {
      await eventually(async () => (await detail(c.id)).status === 'AWAITING_RESPONSE', 60_000);
    }
    const { rows } = await pg.query(
      `select count(*)::int as n from complaint_task where complaint_id = any($1) and status = 'OPEN'`,
      [complaints.map((c) => c.id)],
    );
    // A completion answered 200 (or 409 after a repeat) whose task is still open was lost.
    printScenario(
      {
        scenario: 'kill -9 worker + API replica',
        load: `${complaints.length} SEDANG complaints / ${tasks.length} tasks`,
        faults: '2 workers and 2 replicas SIGKILLed',
        inputs: complaints.length * 2 + tasks.length,
        lost: rows[0].n,
      },
      'cluster',
    );
    expect(rows[0].n).toBe(0);
  });

  it('loses nothing when the history service and then the frontend restart mid-load', async () => {
    const complaints: { id: string }[] = [];
    const headers = await as('pengaduan');
    const work = (async () => {
      for (let i = 0; i < 8; i++) {
        const c = await registerAs();
        complaints.push(c);
        const answers = await persist(() =>
          call('POST', `/api/complaints/${c.id}/triage`, { category: 'RINGAN' }, headers),
        );
        expect([200, 409]).toContain(answers.at(-1)!.status);
      }
    })();
    await new Promise((r) => setTimeout(r, 1000));
    const history = kill('temporal-history', 'SIGTERM');
    await restarted('temporal-history', history);
    const frontend = kill('temporal-frontend', 'SIGTERM');
    await restarted('temporal-frontend', frontend);
    await work;
    await expectRinganTasksOnce(complaints, 'history + frontend restarted', '2 restarts (SIGTERM)');
  });

  it('loses nothing when PostgreSQL stops for 10 s mid-load', async () => {
    const complaints: { id: string }[] = [];
    for (let i = 0; i < 6; i++) complaints.push(await registerAs());
    const headers = await as('pengaduan');
    const triages = complaints.map((c, i) =>
      new Promise((r) => setTimeout(r, i * 400)).then(() =>
        persist(() => call('POST', `/api/complaints/${c.id}/triage`, { category: 'RINGAN' }, headers)),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    // The same options scripts/start-cluster.sh starts it with.
    const options = `-p ${process.env.CLUSTER_PG_PORT ?? '55432'} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300`;
    pgCtl(['-m', 'fast', 'stop']);
    try {
      await new Promise((r) => setTimeout(r, 10_000));
    } finally {
      pgCtl(['-l', path.join(DIR, 'postgres', 'server.log'), '-o', options, 'start']);
    }
    await pg.end().catch(() => undefined);
    pg = await connectPg();
    for (const list of await Promise.all(triages)) expect([200, 409]).toContain(list.at(-1)!.status);
    await expectRinganTasksOnce(complaints, 'PostgreSQL stopped', 'PostgreSQL down 10 s');
  });

  it('holds the public rate limit across both API replicas', async () => {
    // GET /api/areas is limited per client address (Caddy passes it in X-Forwarded-For): the
    // replicas behind the proxy count together, so the limit is the limit, not twice it.
    const first = await fetch(`${API}/api/areas`);
    expect(first.status).toBe(200);
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    expect(remaining).toBeLessThan(30);
    const statuses: number[] = [];
    for (let i = 0; i < remaining + 4; i++) statuses.push((await fetch(`${API}/api/areas`)).status);
    expect(statuses.slice(0, remaining).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(remaining)).toEqual([429, 429, 429, 429]);
  });

  it('locks a username after five failed sign-ins spread over both API replicas', async () => {
    // Straight to the replicas, alternating: neither sees five failures by itself, yet the fifth
    // locks the account on both (the counts are in the shared database, not in each process).
    const login = (port: number, password: string) =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'kadis', password }),
      });
    for (let i = 0; i < 5; i++) expect((await login(i % 2 ? 3102 : 3101, `salah-${i}`)).status).toBe(401);
    for (const port of [3101, 3102]) {
      const locked = await login(port, secrets.SEED_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await locked.json()).message).toMatch(/Terlalu banyak percobaan masuk/);
    }
    const { rows } = await pg.query(
      "select count(*)::int as n from security_event where type = 'LOGIN_LOCKED' and details->>'by' = 'user' and target_username = 'kadis'",
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    // The lock ends after its time (15 s for the first), on either replica.
    await new Promise((r) => setTimeout(r, 16_000));
    expect((await login(3102, secrets.SEED_PASSWORD)).status).toBe(200);
  });

  it('with two workers, the reconciler starts each workflow the API could not start, once', async () => {
    // The frontend is down while complaints are submitted: the API stores them and answers with the
    // receipt; both workers' reconcilers then find the same complaints without a workflow.
    const hold = path.join(DIR, 'pids', 'temporal-frontend.hold');
    fs.writeFileSync(hold, '');
    const complaints: { id: string; registerNumber: string }[] = [];
    try {
      kill('temporal-frontend', 'SIGKILL');
      const headers = await as('pengaduan');
      for (let i = 0; i < 5; i++) {
        const res = await call('POST', '/api/complaints', staffComplaint(), headers);
        expect(res.status).toBe(201);
        complaints.push(res.body);
      }
    } finally {
      fs.rmSync(hold, { force: true });
    }
    await eventually(async () => {
      const { rows } = await pg.query(
        "select count(distinct complaint_id)::int as n from audit_event where type = 'REGISTERED' and complaint_id = any($1)",
        [complaints.map((c) => c.id)],
      );
      return rows[0].n === complaints.length;
    }, 240_000);
    for (const c of complaints) {
      const workflowId = workflowIdForRegister(c.registerNumber);
      const runs: string[] = [];
      for await (const w of temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` }))
        runs.push(w.runId);
      expect(runs).toHaveLength(1);
      const { rows } = await pg.query(
        "select type, count(*)::int as n from audit_event where complaint_id = $1 and type in ('RECEIVED', 'REGISTERED') group by type order by type",
        [c.id],
      );
      expect(rows).toEqual([
        { type: 'RECEIVED', n: 1 },
        { type: 'REGISTERED', n: 1 },
      ]);
    }
  });

  it("reaches every API replica's cache at once when an admin changes the holidays", async () => {
    const replica =
      (port: number, headers: Record<string, string>) => (method: string, url: string, body?: unknown) =>
        fetch(`http://127.0.0.1:${port}${url}`, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const adminOnOne = replica(3101, await as('admin'));
    const staffOnTwo = replica(3102, await as('pengaduan'));
    const wibDate = (iso: string) =>
      new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

    // Replica two computes a deadline (and caches the calendar it used).
    const first = await staffOnTwo('POST', '/api/complaints', staffComplaint());
    expect(first.status).toBe(201);
    const dueDate = wibDate(first.body.dueAt);
    const year = dueDate.slice(0, 4);
    const list = await adminOnOne('GET', `/api/calendar/holidays?year=${year}`);
    expect(list.status).toBe(200);
    const original = list.body.holidays.map(({ date, name, kind }: Record<string, string>) => ({
      date,
      name,
      kind,
    }));
    try {
      // Replica one saves a cuti bersama on that due day: replica two's next deadline moves at once.
      const saved = await adminOnOne('PUT', `/api/calendar/holidays?year=${year}`, {
        holidays: [...original, { date: dueDate, name: 'Cuti bersama (uji)', kind: 'CUTI_BERSAMA' }],
      });
      expect(saved.status).toBe(200);
      const second = await staffOnTwo('POST', '/api/complaints', staffComplaint());
      expect(second.status).toBe(201);
      expect(wibDate(second.body.dueAt) > dueDate).toBe(true);
    } finally {
      expect(
        (await adminOnOne('PUT', `/api/calendar/holidays?year=${year}`, { holidays: original })).status,
      ).toBe(200);
    }
    const third = await staffOnTwo('POST', '/api/complaints', staffComplaint());
    expect(wibDate(third.body.dueAt)).toBe(dueDate);
  });

  it('upgrades the workers one by one with a workflow change behind patched(): nothing stuck, histories replay', async () => {
    // The next version: one more worker running test/cluster/upgrade/workflows.ts beside the two old ones.
    const next = spawn(process.execPath, [path.join(ROOT, 'dist/src/worker/main.js')], {
      env: {
        ...process.env,
        ...secrets,
        NODE_ENV: 'production',
        DATABASE_URL: PG_URL,
        DATA_DIR: path.join(DIR, 'app'),
        TEMPORAL_ADDRESS: '127.0.0.1:7233',
        WORKER_METRICS_ADDRESS: '127.0.0.1:9466',
        WORKER_WORKFLOWS_PATH: path.join(ROOT, 'test/cluster/upgrade/workflows.ts'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', fs.openSync(path.join(DIR, 'logs', 'worker-next.log'), 'a'), 'inherit'],
    });
    const hold = (name: string) => fs.writeFileSync(path.join(DIR, 'pids', `${name}.hold`), '');
    const stopOld = async (name: string) => {
      hold(name);
      const pid = kill(name, 'SIGTERM'); // drains its running work, then stays stopped
      await eventually(async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      }, 60_000);
    };
    const headers = await as('pengaduan');
    const complaints: { id: string; registerNumber: string }[] = [];
    const registerAndTriage = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const c = await registerAs();
        complaints.push(c);
        const res = await call(
          'POST',
          `/api/complaints/${c.id}/triage`,
          { category: 'SEDANG', location: LOCATION },
          headers,
        );
        expect(res.status).toBe(200);
      }
    };
    try {
      await eventually(
        async () =>
          fetch('http://127.0.0.1:9466/metrics').then(
            (r) => r.ok,
            () => false,
          ),
        180_000,
      );
      await registerAndTriage(4); // old and new side by side
      await stopOld('worker-1');
      await registerAndTriage(4);
      await stopOld('worker-2'); // the rollout is complete: only the next version runs
      await registerAndTriage(2);
      for (const c of complaints) {
        for (const task of (await detail(c.id)).tasks as {
          id: string;
          unit: string;
          area: string | null;
          status: string;
        }[]) {
          if (task.status !== 'OPEN') continue;
          const res = await call(
            'POST',
            `/api/tasks/${encodeURIComponent(task.id)}/complete`,
            { outcome: 'Selesai' },
            await as(seededUserFor(task)),
          );
          expect(res.status).toBe(200);
        }
        const res = await call(
          'POST',
          `/api/complaints/${c.id}/response`,
          { response: 'Sudah ditindaklanjuti.' },
          headers,
        );
        expect(res.status).toBe(200);
      }
      // Nothing stuck: every workflow ran to its end.
      const handles = complaints.map((c) =>
        temporal.workflow.getHandle(`pengaduan-${c.registerNumber.replace(/\//g, '-')}`),
      );
      for (const h of handles)
        await eventually(async () => (await h.describe()).status.name === 'COMPLETED', 120_000);
      // The runs started after the upgrade carry its change; all of them replay on the next version.
      const memos = await Promise.all(handles.map(async (h) => (await h.describe()).memo?.upgradeRehearsal));
      expect(memos.slice(-2)).toEqual(['next version', 'next version']);
      const histories = await Promise.all(
        handles.map(async (h) => ({ workflowId: h.workflowId, history: await h.fetchHistory() })),
      );
      const replayed = Worker.runReplayHistories(
        {
          workflowsPath: path.join(ROOT, 'test/cluster/upgrade/workflows.ts'),
          replayName: 'cluster-upgrade',
          dataConverter: clusterDataConverter(),
        },
        histories,
      );
      for await (const result of replayed)
        expect({ workflowId: result.workflowId, error: result.error?.message }).toEqual({
          workflowId: result.workflowId,
          error: undefined,
        });
    } finally {
      next.kill('SIGTERM');
      for (const name of ['worker-1', 'worker-2'])
        fs.rmSync(path.join(DIR, 'pids', `${name}.hold`), { force: true });
    }
  });

  it('the Web UI asks for the operators password and is read-only', async () => {
    expect((await fetch(`${UI}/api/v1/settings`)).status).toBe(401);
    const auth = `Basic ${Buffer.from(`operator:${secrets.UI_PASSWORD}`).toString('base64')}`;
    const res = await fetch(`${UI}/api/v1/settings`, { headers: { authorization: auth } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      DisableWriteActions: true,
      WorkflowTerminateDisabled: true,
      WorkflowResetDisabled: true,
      WorkflowSignalDisabled: true,
      BatchActionsDisabled: true,
    });
    expect((await fetch(`${UI}/namespaces/default/workflows`)).status).toBe(401);
  });
});
