import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { createComplaintActivities } from '../../activities';
import { createApp } from '../../src/api/app.factory';
import { loadConfig } from '../../src/config/config';
import { Complaint } from '../../src/db/entities';
import { startBackend } from '../helpers/backend';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { type DevServer, freePort, startDevServer } from '../helpers/dev-server';
import { appEnv } from '../helpers/processes';

describe.each(databaseKinds())('GET /health (%s)', (kind) => {
  let server: DevServer;
  let db: TestDatabase;
  const apps: INestApplication[] = [];
  beforeAll(async () => {
    [server, db] = await Promise.all([startDevServer(), createTestDatabase(kind)]);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await server?.stop();
    await db?.destroy();
  });

  async function app(temporalAddress: string) {
    const config = loadConfig(appEnv({ temporalAddress, database: db.config, taskQueue: 'health' }));
    const created = await createApp({ ...config, logLevel: 'silent' });
    await created.init();
    apps.push(created);
    return created.getHttpServer();
  }

  it('is 200 and reports the database and Temporal when both answer', async () => {
    const res = await request(await app(server.address))
      .get('/health')
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: {
        database: { status: 'up', detail: kind },
        temporal: { status: 'up', detail: `${server.address}/default` },
      },
    });
  });

  it('is 503 and names Temporal when Temporal does not answer', async () => {
    const res = await request(await app(`127.0.0.1:${await freePort()}`))
      .get('/health')
      .expect(503);
    expect(res.body.status).toBe('error');
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.temporal.status).toBe('down');
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus metrics with complaint counts from the database', async () => {
    const backend = await startBackend('sqlite');
    const config = loadConfig(
      appEnv({ temporalAddress: backend.server.address, database: backend.db.config, taskQueue: 'metrics' }),
    );
    const app = await createApp({ ...config, logLevel: 'silent' });
    await app.init();
    try {
      const first = await insertComplaint(backend.db.orm);
      await insertComplaint(backend.db.orm);
      const closed = await insertComplaint(backend.db.orm);
      await backend.db.orm.em
        .fork()
        .nativeUpdate(Complaint, { id: closed.complaintId }, { status: 'RESOLVED', overdue: true });
      const opened = new Date(Date.now() - 3_600_000).toISOString();
      await createComplaintActivities({ orm: backend.db.orm, log: pino({ level: 'silent' }) }).openTasks({
        complaintId: first.complaintId,
        tasks: ['LOKET', 'SEKSI_PENGADUAN'].map((unit) => ({
          id: `${first.complaintId}:1:${unit}`,
          unit,
          area: null,
          round: 1,
          openedAt: opened,
        })),
      });
      await request(app.getHttpServer()).get('/health').expect(200);
      const res = await request(app.getHttpServer()).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/text\/plain/);
      expect(res.text).toMatch(/pengaduan_complaints\{status="RECEIVED",category="BELUM_DITRIASE"\} 1/);
      expect(res.text).toMatch(/pengaduan_complaints\{status="IN_PROGRESS",category="BELUM_DITRIASE"\} 1/);
      expect(res.text).toMatch(/pengaduan_tasks_open\{unit="LOKET"\} 1/);
      const age = Number(
        /pengaduan_task_oldest_open_age_seconds\{unit="LOKET"\} ([\d.]+)/.exec(res.text)?.[1],
      );
      expect(age).toBeGreaterThanOrEqual(3600);
      expect(age).toBeLessThan(3600 + 600);
      expect(res.text).toMatch(/pengaduan_complaints_closed\{on_time="false"\} 1/);
      expect(res.text).toMatch(/pengaduan_complaints_closed\{on_time="true"\} 0/);
      expect(res.text).toMatch(/pengaduan_complaints_overdue 0/);
      expect(res.text).toMatch(
        /pengaduan_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} 1/,
      );
    } finally {
      await app.close();
      await backend.stop();
    }
  });
});
