/**
 * A worker started while Temporal is down (a deploy, a host reboot, Temporal restarting) waits for
 * it instead of exiting, then handles complaints; a SIGTERM while it waits stops it cleanly. Real
 * worker process, real dev server started late on the address the worker was given.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { AuditEvent } from '../../src/db/entities';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import { insertComplaint } from '../helpers/complaints';
import { createTestDatabase, type TestDatabase } from '../helpers/databases';
import { type DevServer, freePort, startDevServer } from '../helpers/dev-server';
import { REPO_ROOT } from '../helpers/paths';
import { appEnv, killHard, testDataConverter } from '../helpers/processes';
import { until } from '../helpers/until';

/** The worker process with its log lines (JSON, from pino) collected. */
function startWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; logs: () => string } {
  let logs = '';
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'worker', 'main.js')], {
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    logs += d;
  });
  child.stderr?.on('data', (d) => {
    logs += d;
  });
  return { child, logs: () => logs };
}

const failedAttempts = (logs: string) =>
  (logs.match(/connecting the worker to Temporal failed; retrying/g) ?? []).length;

describe('worker started while Temporal is down', () => {
  let db: TestDatabase;
  let server: DevServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
  });

  it('keeps trying, then handles complaints once Temporal is up', async () => {
    const port = await freePort();
    const taskQueue = 'startup-late-temporal';
    const env = appEnv({ temporalAddress: `127.0.0.1:${port}`, database: db.config, taskQueue });
    const worker = startWorker(env);
    try {
      await until(() => failedAttempts(worker.logs()) >= 3, 180_000, 'three failed connection attempts');
      expect(worker.child.exitCode).toBeNull();

      server = await startDevServer({ port });
      await until(() => /"worker started"/.test(worker.logs()), 60_000, 'worker started').catch((err) => {
        throw new Error(`${err.message}; worker log:\n${worker.logs().slice(-3000)}`);
      });
      const client = new Client({
        connection: await Connection.connect({ address: server.address }),
        dataConverter: testDataConverter(),
      });
      try {
        const { workflowId, ...input } = await insertComplaint(db.orm);
        await client.workflow.start(complaintWorkflow, { args: [input], taskQueue, workflowId });
        // The workflow's first activity ran on this worker: the complaint is registered.
        await until(
          async () =>
            (await db.orm.em
              .fork()
              .count(AuditEvent, { complaintId: input.complaintId, type: 'REGISTERED' })) === 1,
          60_000,
          'complaint registered',
        );
        await client.workflow.getHandle(workflowId).terminate('test finished');
      } finally {
        await client.connection.close();
      }
    } finally {
      await killHard(worker.child);
    }
  }, 360_000);

  it('stops cleanly on SIGTERM while it waits', async () => {
    const port = await freePort();
    const env = appEnv({
      temporalAddress: `127.0.0.1:${port}`,
      database: db.config,
      taskQueue: 'startup-sigterm',
    });
    const worker = startWorker(env);
    try {
      await until(() => failedAttempts(worker.logs()) >= 1, 180_000, 'a failed connection attempt');
      const exited = new Promise<number | null>((resolve) =>
        worker.child.once('exit', (code) => resolve(code)),
      );
      worker.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(worker.logs()).toMatch(/stopped before Temporal could be reached/);
    } finally {
      await killHard(worker.child);
    }
  }, 240_000);
});
