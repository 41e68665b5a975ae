/**
 * 200 SEDANG complaints in the middle of their fan-out when the worker process is killed with SIGKILL;
 * a new worker takes over, and every complaint is then handled to its end (8 tasks completed, the
 * response given). Every complaint ends RESOLVED with exactly one task row per unit and no
 * notification twice. Real dev server, real worker processes, real database.
 */
import { WorkflowUpdateStage } from '@temporalio/client';
import { Complaint, ComplaintTask, Notification } from '../../src/db/entities';
import type { Unit } from '../../src/domain/units';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import { completeTaskUpdate, respondUpdate, stateQuery } from '../../workflows/complaint/definitions';
import { type Backend, startBackend } from '../helpers/backend';
import { insertComplaint, sendTriages } from '../helpers/complaints';
import { databaseKinds } from '../helpers/databases';
import { eventually } from '../helpers/e2e';
import { appEnv, killHard, startWorkerProcess } from '../helpers/processes';
import { printScenario } from './summary';

const kind = databaseKinds().at(-1)!;
const COMPLAINTS = 200;
const UNITS = 8;

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

describe(`worker killed with 200 complaints mid-fan-out (${kind})`, () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await startBackend(kind);
  }, 120_000);
  afterAll(async () => {
    await backend?.stop();
  }, 60_000);

  it('every complaint reaches RESOLVED with one task per unit and no duplicate notification', async () => {
    const { server, db, client } = backend;
    const taskQueue = `reliability-kill-${kind}`;
    const env = appEnv({ temporalAddress: server.address, database: db.config, taskQueue });
    const em = () => db.orm.em.fork();
    let worker = startWorkerProcess(env);
    try {
      const inputs = await Promise.all(Array.from({ length: COMPLAINTS }, () => insertComplaint(db.orm)));
      const handles = await Promise.all(
        inputs.map(({ workflowId, ...input }) =>
          client.workflow.start(complaintWorkflow, { args: [input], taskQueue, workflowId }),
        ),
      );
      await eventually(
        async () =>
          (await em().count(Complaint, { status: 'RECEIVED', dueAt: { $ne: null } })) === COMPLAINTS,
        180_000,
      );
      const triages = sendTriages(handles, 'SEDANG');
      // SIGKILL as soon as the first task rows exist, while most are still to be written.
      await eventually(async () => (await em().count(ComplaintTask, {})) > 0, 120_000);
      const rowsAtKill = await em().count(ComplaintTask, {});
      await killHard(worker);
      expect(rowsAtKill).toBeLessThan(COMPLAINTS * UNITS);

      worker = startWorkerProcess(env);
      // Every triage is answered once the restarted worker has run it.
      await triages;
      let updates = 0;
      await pool(handles, 20, async (handle) => {
        await eventually(async () => (await handle.query(stateQuery)).tasks.length === UNITS, 300_000);
        const state = await handle.query(stateQuery);
        for (const task of state.tasks) {
          await handle.executeUpdate(completeTaskUpdate, {
            args: [
              {
                actor: {
                  username: `staf-${task.unit.toLowerCase()}`,
                  unit: task.unit as Unit,
                  area: task.area ?? null,
                },
                taskId: task.id,
                outcome: 'Ditindaklanjuti.',
              },
            ],
          });
          updates++;
        }
        await eventually(async () => (await handle.query(stateQuery)).status === 'AWAITING_RESPONSE', 60_000);
        const accepted = await handle.startUpdate(respondUpdate, {
          args: [
            {
              actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' },
              response: 'Selesai ditindaklanjuti.',
            },
          ],
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        });
        await accepted.result();
        await handle.result();
        updates++;
      });

      const resolved = await em().count(Complaint, { status: 'RESOLVED', closedAt: { $ne: null } });
      const taskRows = await em().count(ComplaintTask, { status: 'DONE' });
      const perComplaint = await Promise.all(
        inputs.map(async (i) => {
          const tasks = await em().find(ComplaintTask, { complaintId: i.complaintId });
          return new Set(tasks.map((t) => t.unit)).size === UNITS && tasks.length === UNITS;
        }),
      );
      const notifications = await em().find(
        Notification,
        {},
        { fields: ['complaintId', 'kind', 'recipient', 'recipientArea'] },
      );
      const distinct = new Set(
        notifications.map((n) => `${n.complaintId}|${n.kind}|${n.recipient}|${n.recipientArea ?? ''}`),
      );
      const assigned = notifications.filter((n) => n.kind === 'TASK_ASSIGNED').length;
      const lost = COMPLAINTS - resolved + (COMPLAINTS * UNITS - taskRows);
      printScenario({
        scenario: 'kill -9 worker mid-fan-out',
        load: `${COMPLAINTS} SEDANG complaints / ${COMPLAINTS * UNITS} tasks`,
        faults: `1 SIGKILL with ${rowsAtKill} of ${COMPLAINTS * UNITS} task rows written`,
        inputs: COMPLAINTS + updates,
        lost,
      });
      expect(lost).toBe(0);
      expect(perComplaint.every(Boolean)).toBe(true);
      expect(distinct.size).toBe(notifications.length);
      expect(assigned).toBe(COMPLAINTS * UNITS);
    } finally {
      await killHard(worker);
    }
  }, 900_000);
});
