/**
 * End-to-end harness: the real Nest app (in process, via supertest), a real Temporal dev server, a
 * real database (SQLite or PostgreSQL) and a worker running the real workflows and activities.
 * With E2E_TARGET=cluster (`npm run test:cluster`) the same files run black-box against the topology
 * of `npm run start:cluster` instead: HTTP through its proxy, its Temporal cluster and its database.
 */
import fs from 'node:fs';
import { Agent } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import {
  createComplaintActivities,
  createReportActivities,
  createRetentionActivities,
} from '../../activities';
import { createApp } from '../../src/api/app.factory';
import type { ComplaintDetailView } from '../../src/api/complaints/complaint-views';
import { type AppConfig, loadConfig } from '../../src/config/config';
import { createOrm } from '../../src/db/orm';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice';
import { temporalDataConverter } from '../../src/temporal/payload-codec';
import {
  CLUSTER_API,
  CLUSTER_PG_URL,
  CLUSTER_TEMPORAL_ADDRESS,
  CLUSTER_UI,
  clusterSecrets,
  onCluster,
} from './cluster';
import { createTestDatabase, type DatabaseKind, TEST_SEED_PASSWORD, type TestDatabase } from './databases';
import { type DevServer, startDevServer } from './dev-server';
import { WORKFLOWS_PATH } from './paths';
import { appEnv } from './processes';

export interface E2e {
  kind: DatabaseKind;
  app: INestApplication;
  http: TestAgent;
  db: TestDatabase;
  server: DevServer;
  temporal: Client;
  config: AppConfig;
  /** A Bearer token for a seeded user (cached). */
  token(username: string): Promise<string>;
  /** `Authorization` header for a seeded user. */
  as(username: string): Promise<{ Authorization: string }>;
  /** Registers a complaint through the staff endpoint (201 expected); returns the response body. */
  register(
    overrides?: Record<string, unknown>,
    username?: string,
  ): Promise<{ id: string; registerNumber: string; trackingCode: string; dueAt: string }>;
  /** GET /api/complaints/:id as a user (200 expected); returns the body. */
  detail(id: string, username?: string): Promise<ComplaintDetailView>;
  stop(): Promise<void>;
}

export async function startE2e(
  kind: DatabaseKind,
  opts: {
    configOverrides?: Partial<AppConfig>;
    /** Serve the Temporal Web UI too (browser tests). */
    ui?: boolean;
    /**
     * With `ui`: the port the test will make the API listen on, so the Web UI decodes payloads
     * through its codec endpoint there (`/codec`), which admits the UI's origin (TEMPORAL_UI_URL).
     */
    codecPort?: number;
    /** Create the PostgreSQL database on this server instead of the test server. */
    pgAdminUrl?: string;
  } = {},
): Promise<E2e> {
  if (onCluster()) {
    if (opts.configOverrides || opts.ui || opts.pgAdminUrl)
      throw new Error('this e2e file changes the app configuration: it cannot run against the cluster');
    return startClusterE2e();
  }
  const [server, db] = await Promise.all([
    startDevServer({
      ui: opts.ui,
      uiCodecEndpoint: opts.codecPort ? `http://127.0.0.1:${opts.codecPort}/codec` : undefined,
    }),
    createTestDatabase(kind, { adminUrl: opts.pgAdminUrl }),
  ]);
  const taskQueue = `e2e-${kind}-${Date.now()}`;
  // Uploaded evidence goes to a temporary folder, not the repository's data/.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-e2e-'));
  const config: AppConfig = {
    ...loadConfig({
      ...appEnv({ temporalAddress: server.address, database: db.config, taskQueue }),
      SEED_PASSWORD: TEST_SEED_PASSWORD,
      DATA_DIR: dataDir,
      ...(opts.ui ? { TEMPORAL_UI_URL: `http://127.0.0.1:${server.uiPort}` } : {}),
    }),
    logLevel: 'silent',
    ...opts.configOverrides,
  };
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    // Payloads encrypted as in production (the key of appEnv, TEST_PAYLOAD_KEYS).
    dataConverter: temporalDataConverter(config),
    activities: {
      ...createComplaintActivities({ orm: db.orm, log: pino({ level: 'silent' }) }),
      ...createReportActivities({ orm: db.orm, log: pino({ level: 'silent' }) }),
      ...createRetentionActivities({
        orm: db.orm,
        log: pino({ level: 'silent' }),
        dataDir: config.dataDir,
        retentionYears: config.personalDataRetentionYears,
        logRetentionYears: config.logRetentionYears,
      }),
    },
  });
  const running = worker.run();
  const app = await createApp(config);
  await app.init();
  const temporal = new Client({
    connection: await Connection.connect({ address: server.address }),
    dataConverter: temporalDataConverter(config),
  });
  return {
    kind,
    app,
    db,
    server,
    temporal,
    config,
    ...userActions(request(app.getHttpServer()), TEST_SEED_PASSWORD),
    stop: async () => {
      await app.close();
      worker.shutdown();
      await running;
      await nativeConnection.close();
      await temporal.connection.close();
      await server.stop();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What every target offers on top of its HTTP client: signed-in users and the common calls. */
function userActions(
  http: TestAgent,
  password: string,
): Pick<E2e, 'http' | 'token' | 'as' | 'register' | 'detail'> {
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await http.post('/api/auth/login').send({ username, password });
      if (res.status !== 200)
        throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
    }
    return tokens.get(username)!;
  };
  return {
    http,
    token,
    as: async (username) => ({ Authorization: `Bearer ${await token(username)}` }),
    register: async (overrides = {}, username = 'loket') =>
      (
        await http
          .post('/api/complaints')
          .set({ Authorization: `Bearer ${await token(username)}` })
          .send(staffComplaint(overrides))
          .expect(201)
      ).body,
    detail: async (id, username = 'pengaduan') =>
      (
        await http
          .get(`/api/complaints/${id}`)
          .set({ Authorization: `Bearer ${await token(username)}` })
          .expect(200)
      ).body,
  };
}

/**
 * The harness against the running topology. Each test file connects from its own loopback address
 * (127.0.0.x), as a different citizen would: the public rate limits count per client address across
 * the replicas, and the topology's own tests use 127.0.0.1.
 */
async function startClusterE2e(): Promise<E2e> {
  const secrets = clusterSecrets();
  const agent = new Agent({
    keepAlive: true,
    localAddress: `127.0.0.${2 + Math.floor(Math.random() * 250)}`,
  });
  const base = request(CLUSTER_API);
  // Every request of this file leaves from the file's own address.
  const client = new Proxy(base, {
    get(target, method: string) {
      const original = Reflect.get(target, method);
      if (typeof original !== 'function') return original;
      return (...args: unknown[]) => {
        const req = original.apply(target, args);
        return typeof req?.agent === 'function' ? req.agent(agent) : req;
      };
    },
  }) as TestAgent;
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    TEMPORAL_ADDRESS: CLUSTER_TEMPORAL_ADDRESS,
    TEMPORAL_UI_URL: CLUSTER_UI,
    DATABASE_URL: CLUSTER_PG_URL,
    JWT_SECRET: secrets.JWT_SECRET,
    PERSONAL_DATA_KEYS: secrets.PERSONAL_DATA_KEYS,
    PERSONAL_DATA_HASH_KEY: secrets.PERSONAL_DATA_HASH_KEY,
    TEMPORAL_PAYLOAD_KEYS: secrets.TEMPORAL_PAYLOAD_KEYS,
  });
  const orm = await createOrm(config);
  const temporal = new Client({
    connection: await Connection.connect({ address: CLUSTER_TEMPORAL_ADDRESS }),
    dataConverter: temporalDataConverter(config),
  });
  const unavailable = (what: string) =>
    new Proxy(
      {},
      {
        get() {
          throw new Error(`${what} is not available against the cluster (E2E_TARGET=cluster)`);
        },
      },
    );
  return {
    kind: 'postgresql',
    app: unavailable('the in-process app') as INestApplication,
    db: {
      kind: 'postgresql',
      config: { kind: 'postgresql', url: CLUSTER_PG_URL },
      orm,
      destroy: () => orm.close(true),
    },
    server: { address: CLUSTER_TEMPORAL_ADDRESS } as DevServer,
    temporal,
    config,
    ...userActions(client, secrets.SEED_PASSWORD),
    stop: async () => {
      agent.destroy();
      await temporal.connection.close();
      await orm.close(true);
    },
  };
}

/** A valid complaint body for POST /api/complaints (staff). */
export function staffComplaint(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'EMAIL',
    complainant: {
      name: 'Budi Santoso',
      nik: '1674011203850001',
      address:
        'Jl. Jend. Sudirman No. 10, RT 002/RW 003, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
      phone: '081234567890',
      email: 'budi@example.com',
    },
    description: 'Biaya penerbitan izin usaha tidak jelas dan waktu penyelesaian melebihi janji.',
    evidence: ['Kuitansi pembayaran'],
    location: { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' },
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    ...overrides,
  };
}

/** Polls `check` until it returns true (workflows finish their work asynchronously). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
