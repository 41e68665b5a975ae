/**
 * The Temporal dev server (its SQLite file kept) is stopped while citizens keep submitting through the
 * API, then started again on the same file and port. Nothing is lost: every complaint the API
 * accepted (201) has its workflow (started by the worker's reconciler when the API could not) and is
 * handled to RESOLVED through the API. Real API and worker processes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Complaint } from '../../src/db/entities';
import {
  createTestDatabase,
  databaseKinds,
  TEST_SEED_PASSWORD,
  type TestDatabase,
} from '../helpers/databases';
import { type DevServer, freePort, startDevServer } from '../helpers/dev-server';
import { eventually, staffComplaint } from '../helpers/e2e';
import { REPO_ROOT } from '../helpers/paths';
import { appEnv, killHard, startWorkerProcess } from '../helpers/processes';
import { printScenario } from './summary';

const kind = databaseKinds().at(-1)!;
const PER_PHASE = 20;

describe(`Temporal dev server restarted mid-run (${kind})`, () => {
  let server: DevServer;
  let db: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-restart-'));
  beforeAll(async () => {
    [server, db] = await Promise.all([
      startDevServer({ dbFile: path.join(dir, 'temporal.sqlite') }),
      createTestDatabase(kind),
    ]);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('every complaint accepted while Temporal was down is handled to the end', async () => {
    const port = await freePort();
    const temporalPort = Number(server.address.split(':')[1]);
    const env = {
      ...appEnv({ temporalAddress: server.address, database: db.config, taskQueue: `restart-${kind}`, port }),
      SEED_PASSWORD: TEST_SEED_PASSWORD,
    };
    const api = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'api', 'main.js')], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const worker = startWorkerProcess(env);
    const base = `http://127.0.0.1:${port}`;
    try {
      await eventually(
        async () => (await fetch(`${base}/health`).catch(() => undefined))?.status === 200,
        60_000,
      );
      const tokens: Record<string, string> = {};
      for (const user of ['loket', 'pengaduan']) {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: user, password: TEST_SEED_PASSWORD }),
        });
        tokens[user] = ((await res.json()) as { accessToken: string }).accessToken;
      }
      const call = async (method: string, url: string, user: string, body?: unknown) => {
        const res = await fetch(`${base}${url}`, {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const accepted: string[] = [];
      let refused = 0;
      const submit = async (n: number) => {
        await Promise.all(
          Array.from({ length: n }, async () => {
            const res = await call('POST', '/api/complaints', 'loket', staffComplaint());
            if (res.status === 201) accepted.push(String(res.body.id));
            else refused++;
          }),
        );
      };

      await submit(PER_PHASE);
      await server.stop(); // Temporal goes away; the SQLite file stays
      await submit(PER_PHASE);
      server = await startDevServer({ dbFile: path.join(dir, 'temporal.sqlite'), port: temporalPort });
      await submit(PER_PHASE);
      expect(refused).toBe(0); // intake does not depend on Temporal being up

      // Each accepted complaint gets its workflow (directly or from the reconciler), then is handled.
      let calls = 3 * PER_PHASE;
      // A client does what the API's 503 says: it looks at the complaint before trying again. An
      // action that timed out while the worker caught up may still have been applied (then a retry
      // is answered 409), so "done" is what the complaint shows, not only a 200.
      let timedOut = 0;
      const detail = async (id: string) => (await call('GET', `/api/complaints/${id}`, 'pengaduan')).body;
      const act = async (url: string, user: string, body: unknown, done: () => Promise<boolean>) => {
        const answers: string[] = [];
        await eventually(async () => {
          const res = await call('POST', url, user, body);
          calls++;
          answers.push(`${res.status} ${res.status === 200 ? '' : res.body.message}`);
          if (res.status === 503) timedOut++;
          if (res.status === 200) return true;
          return res.status === 409 && (await done());
        }, 180_000).catch((err) => {
          throw new Error(`${err.message}; ${url} answered: ${answers.slice(-10).join(' | ')}`);
        });
      };
      for (const id of accepted)
        await act(`/api/complaints/${id}/triage`, 'pengaduan', { category: 'RINGAN' }, async () => {
          return (await detail(id)).category === 'RINGAN';
        });
      for (const user of ['loket', 'pengaduan']) {
        for (;;) {
          const inbox = await call('GET', '/api/tasks?status=OPEN&pageSize=100', user);
          const items = inbox.body.items as { id: string; complaintId: string }[];
          if (items.length === 0) break;
          for (const task of items)
            await act(
              `/api/tasks/${encodeURIComponent(task.id)}/complete`,
              user,
              { outcome: 'Selesai.' },
              async () =>
                ((await detail(task.complaintId)).tasks as { id: string; status: string }[]).some(
                  (t) => t.id === task.id && t.status === 'DONE',
                ),
            );
        }
      }
      for (const id of accepted)
        await act(`/api/complaints/${id}/response`, 'pengaduan', { response: 'Ditanggapi.' }, async () => {
          return (await detail(id)).status === 'RESOLVED';
        });

      const stored = await db.orm.em.fork().count(Complaint, {});
      const resolved = await db.orm.em.fork().count(Complaint, { id: { $in: accepted }, status: 'RESOLVED' });
      const lost = accepted.length - resolved;
      printScenario({
        scenario: 'Temporal dev server restart',
        load: `${accepted.length} complaints through the API, ${PER_PHASE} while Temporal was down`,
        faults: `1 dev server stop + start (same SQLite file); ${timedOut} actions answered 503 and retried`,
        inputs: calls,
        lost,
      });
      expect(stored).toBe(accepted.length);
      expect(lost).toBe(0);
    } finally {
      await killHard(api);
      await killHard(worker);
    }
  }, 900_000);
});
