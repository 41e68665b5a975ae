/**
 * Writes the records of one transition of a complaint (recordTransition) in one database
 * transaction. Each statement is idempotent on its own (inserts keyed by the workflow's ids ignore
 * rows already there, updates set values), so a local activity run again after a crash writes the
 * same rows once. The stored status comes only from the timeline events' fields: opening tasks does
 * not touch the complaint row.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { AuditEvent, Complaint, ComplaintTask, Decision, Notification } from '../src/db/entities';
import { renderNotification } from './notification-templates';
import type { RecordTransitionInput, TransitionWrite } from './types';

type Tx = SqlEntityManager;

/** Inserts rows whose primary key is not there yet, in one statement. */
async function insertNew<T extends object>(tx: Tx, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .createQueryBuilder(entity)
    .insert(rows as never)
    .onConflict('id' as never)
    .ignore()
    .execute();
}

async function write(tx: Tx, w: TransitionWrite): Promise<void> {
  switch (w.kind) {
    case 'event': {
      const { dueAt, closedAt, triageDueAt, ...rest } = w.input.fields;
      const fields = {
        ...rest,
        ...(dueAt !== undefined ? { dueAt: new Date(dueAt) } : {}),
        ...(triageDueAt ? { triageDueAt: new Date(triageDueAt) } : {}),
        ...(closedAt !== undefined ? { closedAt: closedAt ? new Date(closedAt) : null } : {}),
      };
      if (Object.keys(fields).length > 0) {
        const updated = await tx.nativeUpdate(Complaint, { id: w.input.complaintId }, fields as never);
        // Intake stores the record before it starts the workflow: without it, something is broken, and
        // the write fails (and is retried, visibly to operators) rather than leave an orphan timeline.
        if (updated === 0) throw new Error(`complaint ${w.input.complaintId} has no record to update`);
      }
      return insertNew(tx, AuditEvent, [
        {
          id: w.input.eventId,
          complaintId: w.input.complaintId,
          type: w.input.type,
          actor: w.input.actor ?? null,
          at: new Date(w.input.at),
          details: w.input.details ?? null,
        },
      ]);
    }
    case 'tasks-opened':
      return insertNew(
        tx,
        ComplaintTask,
        w.input.tasks.map((t) => ({
          id: t.id,
          complaintId: w.input.complaintId,
          round: t.round,
          unit: t.unit,
          area: t.area,
          status: 'OPEN',
          createdAt: new Date(t.openedAt),
          ...(t.dueAt ? { dueAt: new Date(t.dueAt) } : {}),
        })),
      );
    case 'task-completed': {
      const c = w.input;
      await tx.nativeUpdate(
        ComplaintTask,
        { id: c.taskId },
        {
          status: 'DONE',
          outcome: c.outcome,
          notes: c.notes,
          completedBy: c.completedBy,
          completedAt: new Date(c.completedAt),
        },
      );
      return;
    }
    case 'escalated':
      return insertNew(tx, Decision, [
        {
          id: w.input.decisionId,
          complaintId: w.input.complaintId,
          round: w.input.round,
          escalatedAt: new Date(w.input.escalatedAt),
          ...(w.input.dueAt ? { dueAt: new Date(w.input.dueAt) } : {}),
        },
      ]);
    case 'decided': {
      const d = w.input;
      await tx.nativeUpdate(
        Decision,
        { id: d.decisionId },
        {
          decision: d.decision,
          notes: d.notes,
          units: d.units,
          decidedBy: d.decidedBy,
          decidedAt: new Date(d.decidedAt),
        },
      );
      return;
    }
    case 'stage-deadlines-moved':
      for (const t of w.input.tasks)
        await tx.nativeUpdate(ComplaintTask, { id: t.id }, { dueAt: new Date(t.dueAt) });
      for (const d of w.input.decisions)
        await tx.nativeUpdate(Decision, { id: d.id }, { dueAt: new Date(d.dueAt) });
      return;
    case 'notify': {
      const n = w.input;
      return insertNew(
        tx,
        Notification,
        n.recipients.map(({ recipient, area }) => {
          const { subject, body } = renderNotification(n.kind, recipient, n.data);
          return {
            id: `${n.id}:${recipient}${area ? `:${area}` : ''}`,
            complaintId: n.complaintId,
            recipient,
            recipientArea: area ?? null,
            kind: n.kind,
            subject,
            body,
            status: 'PENDING',
            attempts: 0,
            createdAt: new Date(),
          };
        }),
      );
    }
  }
}

export async function recordTransition(orm: MikroORM, input: RecordTransitionInput): Promise<void> {
  await (orm.em.fork() as EntityManager).transactional(async (tx) => {
    for (const w of input.writes) await write(tx as Tx, w);
  });
}
