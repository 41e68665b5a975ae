/**
 * An operator resets a complaint's workflow (`temporal workflow reset`, the README's remedy for a
 * stuck case): the actions after the reset point are gone from the history. The records follow: the
 * first write of the new run finds the record ahead of its position and sets it back to the
 * workflow's state (activities/record-transition.ts). Real dev server, real worker process, real
 * database.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { AuditEvent, Complaint, ComplaintTask, Notification } from '../../src/db/entities';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import { stateQuery, triageUpdate } from '../../workflows/complaint/definitions';
import { type Backend, startBackend } from '../helpers/backend';
import { insertComplaint, sendTriages } from '../helpers/complaints';
import { databaseKinds, type TestDatabase } from '../helpers/databases';
import type { DevServer } from '../helpers/dev-server';
import { appEnv, killHard, startWorkerProcess } from '../helpers/processes';
import { until } from '../helpers/until';

describe.each(databaseKinds())('a workflow reset by an operator (%s)', (kind) => {
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

  it('sets the records back to the reset workflow, then records its actions', async () => {
    const taskQueue = `reset-${kind}`;
    const worker = startWorkerProcess(
      appEnv({ temporalAddress: server.address, database: db.config, taskQueue }),
    );
    try {
      const { workflowId, ...input } = await insertComplaint(db.orm);
      const handle = await client.workflow.start(complaintWorkflow, { args: [input], taskQueue, workflowId });
      const em = () => db.orm.em.fork();
      const record = () => em().findOneOrFail(Complaint, { id: input.complaintId });
      const taskUnits = async () =>
        (
          await em().find(ComplaintTask, { complaintId: input.complaintId }, { orderBy: { unit: 'asc' } })
        ).map((t) => t.unit);
      const triaged = async () =>
        (await em().find(AuditEvent, { complaintId: input.complaintId, type: 'TRIAGED' })).map(
          (e) => e.details,
        );

      await until(
        async () =>
          (await em().count(AuditEvent, { complaintId: input.complaintId, type: 'REGISTERED' })) === 1,
        30_000,
        'registered',
      );
      await sendTriages([handle], 'SEDANG');
      expect((await handle.query(stateQuery)).tasks).toHaveLength(8);
      expect(await taskUnits()).toHaveLength(8);

      // Reset to the first workflow task (registration), without the Updates since: the triage is
      // gone from the new run.
      const history = await handle.fetchHistory();
      const firstTask = history.events?.find((e) => e.workflowTaskCompletedEventAttributes);
      const reset = await client.workflowService.resetWorkflowExecution({
        namespace: 'default',
        workflowExecution: { workflowId, runId: (await handle.describe()).runId },
        reason: 'test: an operator resets a stuck case',
        workflowTaskFinishEventId: firstTask?.eventId,
        requestId: randomUUID(),
        // Without the Updates since (the server would otherwise apply them again to the new run).
        resetReapplyExcludeTypes: [
          temporal.api.enums.v1.ResetReapplyExcludeType.RESET_REAPPLY_EXCLUDE_TYPE_UPDATE,
        ],
      });
      expect(reset.runId).toBeTruthy();
      const current = client.workflow.getHandle(workflowId);
      await until(
        async () => (await current.query(stateQuery)).status === 'RECEIVED',
        30_000,
        'the new run waits for triage',
      );

      // Registration ran again in the new run: the record is set back to it.
      await until(async () => (await record()).status === 'RECEIVED', 30_000, 'the record set back', 100);
      expect(await record()).toMatchObject({ category: null, recordWorkflowId: workflowId });
      expect(await taskUnits()).toEqual([]);
      expect(await triaged()).toEqual([]);
      expect(
        await em().count(Notification, {
          complaintId: input.complaintId,
          kind: 'TASK_ASSIGNED',
          status: 'PENDING',
        }),
      ).toBe(0);

      // The new run's triage is recorded as it was decided.
      const state = await current.executeUpdate(triageUpdate, {
        args: [
          {
            actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' },
            category: 'RINGAN',
            location: { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' },
          },
        ],
      });
      expect(state.tasks.map((t) => t.unit).sort()).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
      expect(await record()).toMatchObject({ status: 'IN_PROGRESS', category: 'RINGAN' });
      expect(await taskUnits()).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
      expect(await triaged()).toEqual([expect.objectContaining({ category: 'RINGAN' })]);
      await current.terminate('test finished').catch(() => undefined);
    } finally {
      await killHard(worker);
    }
  });
});
