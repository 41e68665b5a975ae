/** A complaint stored while Temporal was unreachable gets its workflow started by the reconciler. */
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createComplaintActivities } from '../../activities';
import { AuditEvent, Complaint } from '../../src/db/entities';
import { WorkflowReconciler } from '../../src/worker/workflow-reconciler';
import { type Backend, gateway, startBackend } from '../helpers/backend';
import { insertComplaint } from '../helpers/complaints';
import { databaseKinds, type TestDatabase } from '../helpers/databases';
import type { DevServer } from '../helpers/dev-server';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { testDataConverter } from '../helpers/processes';

describe.each(databaseKinds())('workflow reconciler (%s)', (kind) => {
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

  it('starts the workflow of a stored complaint that has none, once', async () => {
    const log = pino({ level: 'silent' });
    const orphan = await insertComplaint(db.orm);
    const fresh = await insertComplaint(db.orm);
    // The orphan was stored a minute ago; the fresh one may still be starting in the API.
    await db.orm.em
      .fork()
      .nativeUpdate(Complaint, { id: orphan.complaintId }, { createdAt: new Date(Date.now() - 60_000) });
    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection,
      taskQueue: 'reconcile',
      workflowsPath: WORKFLOWS_PATH,
      dataConverter: testDataConverter(),
      activities: createComplaintActivities({ orm: db.orm, log }),
    });
    const reconciler = new WorkflowReconciler(db.orm, gateway(client, 'reconcile'), log, {
      intervalMs: 60_000,
      graceMs: 30_000,
    });
    await worker.runUntil(async () => {
      expect(await reconciler.reconcileOnce()).toBe(1);
      for (
        let i = 0;
        i < 100 &&
        (await db.orm.em
          .fork()
          .count(AuditEvent, { complaintId: orphan.complaintId, type: 'REGISTERED' })) === 0;
        i++
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(
        await db.orm.em.fork().count(AuditEvent, { complaintId: orphan.complaintId, type: 'REGISTERED' }),
      ).toBe(1);
      expect(await reconciler.reconcileOnce()).toBe(0);
      const description = await client.workflow.getHandle(orphan.workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
      await client.workflow.getHandle(orphan.workflowId).terminate('test finished');
    });
    // Within the grace period the API may still be starting it: left alone.
    await expect(client.workflow.getHandle(fresh.workflowId).describe()).rejects.toThrow(/not found/i);
    await connection.close();
  });
});
