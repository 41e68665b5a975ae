/**
 * What a benchmark runs against: a real Temporal dev server (or BENCH_TEMPORAL_ADDRESS), a fresh migrated and seeded database
 * (SQLite, or PostgreSQL with BENCH_DB=postgresql), the compiled API as its own process and, when
 * asked, the compiled worker as its own process. The same pieces `npm start` runs.
 */
import './env';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { RegisterCounter } from '../src/db/entities';
import {
  createTestDatabase,
  type DatabaseKind,
  TEST_SEED_PASSWORD,
  type TestDatabase,
} from '../test/helpers/databases';
import { type DevServer, freePort, startDevServer } from '../test/helpers/dev-server';
import { REPO_ROOT } from '../test/helpers/paths';
import { appEnv, testDataConverter } from '../test/helpers/processes';

export interface Stack {
  kind: DatabaseKind;
  /** `process` when the stack started its own dev server. */
  server: Pick<DevServer, 'address' | 'stop'> & { process?: DevServer['process'] };
  db: TestDatabase;
  client: Client;
  taskQueue: string;
  apiUrl: string;
  api: ChildProcess;
  worker?: ChildProcess;
  env: NodeJS.ProcessEnv;
  token(username: string): Promise<string>;
  startWorker(): ChildProcess;
  stop(): Promise<void>;
}

export async function startStack(opts: { worker?: boolean } = {}): Promise<Stack> {
  const kind: DatabaseKind = process.env.BENCH_DB === 'postgresql' ? 'postgresql' : 'sqlite';
  // BENCH_TEMPORAL_ADDRESS: measure on a running Temporal (e.g. npm run start:cluster's, 127.0.0.1:7233)
  // instead of a dev server of its own.
  const external = process.env.BENCH_TEMPORAL_ADDRESS;
  const [server, db] = await Promise.all([
    external ? { address: external, stop: async () => undefined } : startDevServer(),
    createTestDatabase(kind),
  ]);
  if (external) {
    // The running Temporal keeps earlier runs' workflows (and the system's own): register numbers,
    // from which workflow IDs derive, start this run in a block of its own.
    const wib = new Date(Date.now() + 7 * 3_600_000).toISOString();
    await db.orm.em.fork().insert(RegisterCounter, {
      period: `${wib.slice(0, 4)}/${wib.slice(5, 7)}`,
      last: (Math.floor(Date.now() / 1000) % 200_000) * 10_000,
    });
  }
  const taskQueue = `bench-${Date.now()}`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...appEnv({ temporalAddress: server.address, database: db.config, taskQueue, port }),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'benchmark-secret-0123456789',
    SEED_PASSWORD: TEST_SEED_PASSWORD,
    DATA_DIR: path.join(os.tmpdir(), `pengaduan-bench-${process.pid}`),
  };
  // BENCH_API_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API while it is measured.
  const apiNodeArgs = (process.env.BENCH_API_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const api = spawn(
    process.execPath,
    [...apiNodeArgs, path.join(REPO_ROOT, 'dist', 'src', 'api', 'main.js')],
    {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${apiUrl}/health`).catch(() => undefined))?.status === 200, 60_000);
  const client = new Client({
    connection: await Connection.connect({ address: server.address }),
    dataConverter: testDataConverter(),
  });
  const tokens = new Map<string, string>();
  const stack: Stack = {
    kind,
    server,
    db,
    client,
    taskQueue,
    apiUrl,
    api,
    env,
    token: async (username) => {
      if (!tokens.has(username)) {
        const res = await fetch(`${apiUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: TEST_SEED_PASSWORD }),
        });
        if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
        tokens.set(username, ((await res.json()) as { accessToken: string }).accessToken);
      }
      return tokens.get(username)!;
    },
    startWorker: () => {
      // BENCH_WORKER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof-worker" profiles the worker.
      const workerNodeArgs = (process.env.BENCH_WORKER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
      stack.worker = spawn(
        process.execPath,
        [...workerNodeArgs, path.join(REPO_ROOT, 'dist', 'src', 'worker', 'main.js')],
        {
          env,
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      return stack.worker;
    },
    stop: async () => {
      for (const child of [api, stack.worker]) {
        if (!child || child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await client.connection.close();
      await server.stop();
      await db.destroy();
    },
  };
  if (opts.worker) stack.startWorker();
  return stack;
}

/**
 * The bare baseline's worker: the probe workflows (probe.workflows.ts) on a task queue of their own,
 * in this process, on the stack's server, with the system's payload codec so that the probe pays
 * what the API pays.
 */
export async function startProbeWorker(stack: Stack): Promise<{ taskQueue: string; stop(): Promise<void> }> {
  const taskQueue = `probe-${Date.now()}`;
  const connection = await NativeConnection.connect({ address: stack.server.address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: path.join(__dirname, 'probe.workflows.js'),
    dataConverter: testDataConverter(),
  });
  const running = worker.run();
  return {
    taskQueue,
    stop: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs `fn` from `concurrency` loops for `durationMs`; returns the completed calls and their latencies. */
export async function closedLoop(
  concurrency: number,
  durationMs: number,
  fn: () => Promise<void>,
): Promise<{ count: number; errors: number; latenciesMs: number[]; seconds: number }> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          await fn();
          latenciesMs.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { count: latenciesMs.length, errors, latenciesMs, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
