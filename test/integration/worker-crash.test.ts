/**
 * A worker killed with SIGKILL in the middle of the fan-out, then restarted: every complaint ends up
 * with exactly one task row per unit and one assignment notification per unit. Real dev server,
 * real worker process, real database.
 */
import type { Client } from '@temporalio/client';
import { AuditEvent, ComplaintTask, Notification } from '../../src/db/entities';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import { stateQuery } from '../../workflows/complaint/definitions';
import { type Backend, startBackend } from '../helpers/backend';
import { insertComplaint, sendTriages } from '../helpers/complaints';
import { databaseKinds, type TestDatabase } from '../helpers/databases';
import { type DevServer, freePort } from '../helpers/dev-server';
import { appEnv, killHard, startWorkerProcess } from '../helpers/processes';
import { until } from '../helpers/until';

const COMPLAINTS = 60;
const SEDANG_UNITS = 8;

describe.each(databaseKinds())('worker killed mid-fan-out (%s)', (kind) => {
  let backend: Backend;
  let server: DevServer;
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    backend = await startBackend(kind);
    ({ server, db, client } = backend);
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('leaves exactly one task row and one notification per unit', async () => {
    const taskQueue = `crash-${kind}`;
    const metricsAddress = `127.0.0.1:${await freePort()}`;
    const env = {
      ...appEnv({ temporalAddress: server.address, database: db.config, taskQueue }),
      WORKER_METRICS_ADDRESS: metricsAddress,
    };
    let worker = startWorkerProcess(env);
    const inputs = await Promise.all(Array.from({ length: COMPLAINTS }, () => insertComplaint(db.orm)));
    const handles = await Promise.all(
      inputs.map(({ workflowId, ...input }) =>
        client.workflow.start(complaintWorkflow, { args: [input], taskQueue, workflowId }),
      ),
    );
    // Wait until every complaint is registered, then send all triages at once.
    const em = () => db.orm.em.fork();
    await until(
      async () => (await em().count(AuditEvent, { type: 'REGISTERED' })) === COMPLAINTS,
      90_000,
      'every complaint registered',
    );
    const triages = sendTriages(handles, 'SEDANG');
    // Kill the worker as soon as the first task rows are written, while the rest are still to come.
    await until(async () => (await em().count(ComplaintTask, {})) > 0, 60_000, 'the first task rows', 20);
    const rowsAtKill = await em().count(ComplaintTask, {});
    await killHard(worker);
    expect(rowsAtKill).toBeLessThan(COMPLAINTS * SEDANG_UNITS);

    worker = startWorkerProcess(env);
    try {
      await until(async () => {
        const states = await Promise.all(handles.map((h) => h.query(stateQuery)));
        return states.every((s) => s.status === 'IN_PROGRESS' && s.tasks.length === SEDANG_UNITS);
      }, 120_000);
      await until(
        async () => (await em().count(Notification, { kind: 'TASK_ASSIGNED' })) === COMPLAINTS * SEDANG_UNITS,
        60_000,
      );

      for (const input of inputs) {
        const tasks = await em().find(ComplaintTask, { complaintId: input.complaintId });
        expect(tasks).toHaveLength(SEDANG_UNITS);
        expect(new Set(tasks.map((t) => t.unit)).size).toBe(SEDANG_UNITS);
        const assigned = await em().find(Notification, {
          complaintId: input.complaintId,
          kind: 'TASK_ASSIGNED',
        });
        expect(assigned.map((n) => n.recipient).sort()).toEqual(tasks.map((t) => t.unit).sort());
      }
      expect(await em().count(ComplaintTask, {})).toBe(COMPLAINTS * SEDANG_UNITS);
      await triages;
      // The restarted worker serves the SDK's own metrics for Prometheus.
      const metrics = await (await fetch(`http://${metricsAddress}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`temporal_[a-z_]+\\{[^}]*task_queue="${taskQueue}"`));
    } finally {
      await Promise.all(handles.map((h) => h.terminate('test finished').catch(() => undefined)));
      await killHard(worker);
    }
  });
});
