/**
 * PostgreSQL stops while staff are completing tasks, and comes back a few seconds later. The API
 * answers 503 with a clear message in Bahasa Indonesia (the client retries), the workflow's activities
 * retry, and once the database is back every completion is recorded. The database is a private
 * PostgreSQL instance this test starts and stops (never the shared test server).
 */
import { ComplaintTask } from '../../src/db/entities';
import { type E2e, eventually, startE2e } from '../helpers/e2e';
import { findPostgresBin, PrivatePostgres } from '../helpers/private-postgres';
import { printScenario } from './summary';

const COMPLAINTS = 15;

describe('database outage while tasks are completed (private PostgreSQL)', () => {
  const bin = findPostgresBin();
  if (!bin)
    throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; or set PG_BIN)');
  const pg = new PrivatePostgres(bin);
  let e: E2e;
  beforeAll(async () => {
    const adminUrl = await pg.init();
    e = await startE2e('postgresql', { pgAdminUrl: adminUrl });
  }, 180_000);
  afterAll(async () => {
    await e?.stop();
    pg.destroy();
  }, 120_000);

  it('503 in Bahasa while it is down, then every accepted completion is recorded', async () => {
    const ids: string[] = [];
    for (let i = 0; i < COMPLAINTS; i++) ids.push((await e.register()).id);
    const pengaduan = await e.as('pengaduan');
    for (const id of ids) {
      await eventually(async () => {
        const res = await e.http
          .post(`/api/complaints/${id}/triage`)
          .set(pengaduan)
          .send({ category: 'RINGAN' });
        return res.status === 200;
      }, 60_000);
    }
    const tasks = await e.db.orm.em.fork().find(ComplaintTask, { complaintId: { $in: ids } });
    expect(tasks).toHaveLength(2 * COMPLAINTS);
    const userOf: Record<string, string> = { LOKET: 'loket', SEKSI_PENGADUAN: 'pengaduan' };
    const headers = { loket: await e.as('loket'), pengaduan };

    const outageMessages = new Set<string>();
    let attempts = 0;
    const complete = async (task: ComplaintTask) => {
      for (;;) {
        const res = await e.http
          .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
          .set(headers[userOf[task.unit] as 'loket' | 'pengaduan'])
          .send({ outcome: 'Selesai ditindaklanjuti.' });
        attempts++;
        // 409: an earlier attempt was accepted by the workflow although its answer never arrived.
        if (res.status === 200 || res.status === 409) return;
        expect(res.status).toBe(503);
        outageMessages.add(res.body.message);
        await new Promise((r) => setTimeout(r, 300));
      }
    };
    // A third of the tasks are completed normally; a few more are on their way when the database
    // stops (their activities then retry until it is back); the rest are sent during the outage by
    // staff clients that retry after each 503.
    const third = Math.floor(tasks.length / 3);
    for (const task of tasks.slice(0, third)) await complete(task);
    const inFlight = Promise.all(tasks.slice(third, third + 4).map(complete));
    await new Promise((r) => setTimeout(r, 50));
    pg.stop();
    const rest = tasks.slice(third + 4);
    const staff = (async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < rest.length) await complete(rest[next++]);
        }),
      );
    })();
    await new Promise((r) => setTimeout(r, 5_000));
    pg.start();
    await Promise.all([inFlight, staff]);

    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(ComplaintTask, { complaintId: { $in: ids }, status: 'DONE' })) ===
        tasks.length,
      180_000,
    );
    const done = await e.db.orm.em.fork().count(ComplaintTask, { complaintId: { $in: ids }, status: 'DONE' });
    printScenario({
      scenario: 'database outage',
      load: `${tasks.length} task completions by 4 staff clients`,
      faults: `PostgreSQL stopped 5 s; ${attempts - tasks.length} requests answered 503 and retried`,
      inputs: attempts,
      lost: tasks.length - done,
    });
    expect(done).toBe(tasks.length);
    expect([...outageMessages]).toEqual([
      'Basis data sedang tidak dapat dihubungi. Data Anda belum tersimpan; silakan coba lagi beberapa saat lagi.',
    ]);
  }, 600_000);
});
