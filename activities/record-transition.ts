/**
 * Writes the records of one transition of a complaint (recordTransition) all or nothing. Each
 * statement is idempotent on its own (inserts keyed by the workflow's ids ignore rows already there,
 * updates set values), so a local activity run again after a crash writes the same rows once. The
 * stored status comes only from the timeline events' fields: opening tasks does not touch the
 * complaint row.
 *
 * Current executions also send the transition's position among their writes (`seq`): the complaint
 * row keeps the position it reached, and a write that finds the record beyond its own start writes
 * nothing and answers `recordsAhead`. That happens when the server dropped a workflow task after its
 * local activities had run (seen when more than 10 Updates were in flight for one workflow): the
 * records of the actions it carried stay written while the history never took them, and the
 * workflow, going on from its history, may do something else. It then sends its state (`repair`),
 * and the record is set back to it before the transition is written.
 *
 * A transition becomes a list of row operations (operationsOf), written either
 * - on PostgreSQL, as ONE statement of data-modifying CTEs in autocommit (atomic like a transaction,
 *   one round trip instead of begin + 2-6 statements + commit: an action's write is on the path of
 *   the API's answer), or
 * - in one database transaction, statement by statement: on SQLite (whose statements are in-process
 *   calls), and on PostgreSQL when one statement cannot express the transition (a row written twice:
 *   CTEs of one statement do not see each other's rows).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { AuditEvent, Complaint, ComplaintTask, Decision, Notification } from '../src/db/entities';
import { rowValues, runStatement, updateValues } from '../src/db/plain-insert';
import { renderNotification } from './notification-templates';
import type {
  ComplaintFields,
  RecordRepair,
  RecordTransitionInput,
  RecordTransitionResult,
  TransitionWrite,
} from './types';

type Tx = SqlEntityManager;
type Entity = new () => object;

/** One row operation of a transition. */
type Operation =
  /** New rows, keyed by `id`; rows already there are left as they are. */
  | { op: 'insert'; entity: Entity; rows: ({ id: string } & Record<string, unknown>)[] }
  /**
   * Sets `fields` on the row `id`. `mustExist`: the row missing is an error (the complaint record:
   * intake stores it before it starts the workflow, so without it something is broken, and the write
   * fails, visibly to operators, rather than leave an orphan timeline).
   */
  | {
      op: 'update';
      entity: Entity;
      id: string;
      fields: Record<string, unknown>;
      mustExist?: boolean;
      /**
       * The complaint row only: updated only while the record is not ahead of the transition (its
       * position, see RecordTransitionInput.seq); otherwise the write fails as if the row were missing.
       */
      notAheadOf?: { workflowId: string; from: number };
    };

/** Thrown (and caught below) when the guarded complaint row was not updated: missing, or ahead. */
class GuardedRowNotUpdated extends Error {}

/** The complaint fields an event (or a repair) sets, as the record stores them (dates as Date). */
function complaintFieldsOf(fields: Partial<ComplaintFields>): Record<string, unknown> {
  const { dueAt, closedAt, triageDueAt, ...rest } = fields;
  return {
    ...rest,
    ...(dueAt !== undefined ? { dueAt: new Date(dueAt) } : {}),
    ...(triageDueAt ? { triageDueAt: new Date(triageDueAt) } : {}),
    ...(closedAt !== undefined ? { closedAt: closedAt ? new Date(closedAt) : null } : {}),
  };
}

/**
 * The position the record moves to with this transition, checked against where it stands: first,
 * so that on SQLite nothing else is written when the record is ahead.
 */
function positionOf(input: RecordTransitionInput): Operation[] {
  if (!input.seq) return [];
  const { workflowId, from, to } = input.seq;
  return [
    {
      op: 'update',
      entity: Complaint,
      id: input.complaintId,
      fields: { recordWorkflowId: workflowId, recordSeq: to },
      mustExist: true,
      notAheadOf: { workflowId, from },
    },
  ];
}

function operationsOf(w: TransitionWrite): Operation[] {
  switch (w.kind) {
    case 'event': {
      const fields = complaintFieldsOf(w.input.fields);
      const event = {
        op: 'insert' as const,
        entity: AuditEvent,
        rows: [
          {
            id: w.input.eventId,
            complaintId: w.input.complaintId,
            type: w.input.type,
            actor: w.input.actor ?? null,
            at: new Date(w.input.at),
            details: w.input.details ?? null,
          },
        ],
      };
      if (Object.keys(fields).length === 0) return [event];
      return [{ op: 'update', entity: Complaint, id: w.input.complaintId, fields, mustExist: true }, event];
    }
    case 'tasks-opened':
      return [
        {
          op: 'insert',
          entity: ComplaintTask,
          rows: w.input.tasks.map((t) => ({
            id: t.id,
            complaintId: w.input.complaintId,
            round: t.round,
            unit: t.unit,
            area: t.area,
            status: 'OPEN',
            createdAt: new Date(t.openedAt),
            ...(t.dueAt ? { dueAt: new Date(t.dueAt) } : {}),
          })),
        },
      ];
    case 'task-completed': {
      const c = w.input;
      return [
        {
          op: 'update',
          entity: ComplaintTask,
          id: c.taskId,
          fields: {
            status: 'DONE',
            outcome: c.outcome,
            notes: c.notes,
            completedBy: c.completedBy,
            completedAt: new Date(c.completedAt),
          },
        },
      ];
    }
    case 'escalated':
      return [
        {
          op: 'insert',
          entity: Decision,
          rows: [
            {
              id: w.input.decisionId,
              complaintId: w.input.complaintId,
              round: w.input.round,
              escalatedAt: new Date(w.input.escalatedAt),
              ...(w.input.dueAt ? { dueAt: new Date(w.input.dueAt) } : {}),
            },
          ],
        },
      ];
    case 'decided': {
      const d = w.input;
      return [
        {
          op: 'update',
          entity: Decision,
          id: d.decisionId,
          fields: {
            decision: d.decision,
            notes: d.notes,
            units: d.units,
            decidedBy: d.decidedBy,
            decidedAt: new Date(d.decidedAt),
          },
        },
      ];
    }
    case 'stage-deadlines-moved':
      return [
        ...w.input.tasks.map(
          (t): Operation => ({
            op: 'update',
            entity: ComplaintTask,
            id: t.id,
            fields: { dueAt: new Date(t.dueAt) },
          }),
        ),
        ...w.input.decisions.map(
          (d): Operation => ({
            op: 'update',
            entity: Decision,
            id: d.id,
            fields: { dueAt: new Date(d.dueAt) },
          }),
        ),
      ];
    case 'notify': {
      const n = w.input;
      return [
        {
          op: 'insert',
          entity: Notification,
          rows: n.recipients.map(({ recipient, area }) => {
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
        },
      ];
    }
  }
}

/** Statement by statement, in the transaction `tx`. */
async function runInTransaction(tx: Tx, operations: Operation[]): Promise<void> {
  for (const o of operations) {
    if (o.op === 'insert') {
      if (o.rows.length === 0) continue;
      await tx
        .createQueryBuilder(o.entity)
        .insert(o.rows as never)
        .onConflict('id' as never)
        .ignore()
        .execute();
      continue;
    }
    const where = o.notAheadOf
      ? {
          id: o.id,
          $or: [
            { recordSeq: null },
            { recordSeq: { $lte: o.notAheadOf.from } },
            { recordWorkflowId: null },
            { recordWorkflowId: { $ne: o.notAheadOf.workflowId } },
          ],
        }
      : { id: o.id };
    const updated = await tx.nativeUpdate(o.entity, where as never, o.fields as never);
    if (updated === 0 && o.mustExist) throw new GuardedRowNotUpdated(o.id);
  }
}

/**
 * The transition as one PostgreSQL statement: `with w0 as (update ...), w1 as (insert ...) select`,
 * or null when it writes a row twice. Updates of one row are merged first, later fields over earlier
 * ones, which is what running them in order leaves (the events of one transition each set the
 * complaint's fields). A row that must exist makes the statement fail when it does not: the final
 * SELECT divides by the count of rows its update touched, so a missing row is a division by zero and
 * nothing of the statement is kept.
 */
function oneStatement(em: EntityManager, operations: Operation[]): { sql: string; values: unknown[] } | null {
  const merged: Operation[] = [];
  const updates = new Map<string, Extract<Operation, { op: 'update' }>>();
  const written = new Set<string>();
  for (const o of operations) {
    if (o.op === 'update') {
      const key = `${o.entity.name}:${o.id}`;
      const earlier = updates.get(key);
      if (earlier) {
        Object.assign(earlier.fields, o.fields);
        earlier.mustExist ||= o.mustExist;
        earlier.notAheadOf ??= o.notAheadOf;
        continue;
      }
      const copy = { ...o, fields: { ...o.fields } };
      updates.set(key, copy);
      merged.push(copy);
      if (written.has(key)) return null;
      written.add(key);
    } else {
      for (const row of o.rows) {
        const key = `${o.entity.name}:${row.id}`;
        if (written.has(key)) return null;
        written.add(key);
      }
      if (o.rows.length > 0) merged.push(o);
    }
  }
  if (merged.length === 0) return null;
  const values: unknown[] = [];
  const ctes: string[] = [];
  const mustExist: string[] = [];
  for (const [i, o] of merged.entries()) {
    const name = `w${i}`;
    if (o.op === 'insert') {
      const rows = o.rows.map((row) => rowValues(em, o.entity, row as never));
      const { table, columns } = rows[0];
      for (const r of rows) values.push(...r.values);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      ctes.push(
        `${name} as (insert into ${table} (${columns.join(', ')}) values ${rows.map(() => tuple).join(', ')} ` +
          'on conflict (id) do nothing)',
      );
    } else {
      const u = updateValues(em, o.entity, o.fields);
      values.push(...u.values, o.id);
      let where = 'id = ?';
      if (o.notAheadOf) {
        const columns = em.getMetadata().get(Complaint.name).properties;
        const seqColumn = columns.recordSeq.fieldNames[0];
        const workflowColumn = columns.recordWorkflowId.fieldNames[0];
        where +=
          ` and (${seqColumn} is null or ${seqColumn} <= ? or ${workflowColumn} is null` +
          ` or ${workflowColumn} <> ?)`;
        values.push(o.notAheadOf.from, o.notAheadOf.workflowId);
      }
      ctes.push(`${name} as (update ${u.table} set ${u.assignments} where ${where} returning 1)`);
      if (o.mustExist) mustExist.push(name);
    }
  }
  const check = mustExist.map((cte) => `1 / (select count(*)::int from ${cte})`).join(' + ') || '1';
  return { sql: `with ${ctes.join(', ')} select ${check} as ok`, values };
}

export async function recordTransition(
  orm: MikroORM,
  input: RecordTransitionInput,
): Promise<RecordTransitionResult> {
  if (input.repair) return repairAndRecord(orm, input, input.repair);
  const operations = [...positionOf(input), ...input.writes.flatMap(operationsOf)];
  const em = orm.em.fork() as EntityManager;
  const statement = em.getPlatform() instanceof PostgreSqlPlatform ? oneStatement(em, operations) : null;
  try {
    if (statement) await runStatement(em, statement.sql, statement.values);
    else await em.transactional((tx) => runInTransaction(tx as Tx, operations));
  } catch (err) {
    // SQLSTATE 22012: the division that stands for a row that must exist and was not updated.
    if (!(err instanceof GuardedRowNotUpdated) && (err as { code?: string }).code !== '22012') throw err;
    // Nothing was written. Either the complaint has no record (something is broken: the write
    // fails, visibly to operators) or its record is ahead of this transition.
    if (input.seq && (await em.fork().count(Complaint, { id: input.complaintId })) > 0)
      return { recordsAhead: true };
    throw new Error(`complaint ${input.complaintId} has no record to update`);
  }
  return undefined;
}

/**
 * The position of a timeline entry or notification among its workflow's writes: its id is
 * `<workflowId>:<position>:<type>[...]` (ComplaintCase.nextEventId). Null for ids of other writers.
 */
export function positionInWorkflow(workflowId: string, id: string): number | null {
  const prefix = `${workflowId}:`;
  if (!id.startsWith(prefix)) return null;
  const position = Number(id.slice(prefix.length).split(':')[0]);
  return Number.isInteger(position) ? position : null;
}

/**
 * Sets a record found ahead of its workflow back to the workflow's state, then writes the
 * transition, in one transaction. Rare (a workflow task the server dropped after its local
 * activities ran), so plain statements on both databases.
 */
async function repairAndRecord(
  orm: MikroORM,
  input: RecordTransitionInput,
  repair: RecordRepair,
): Promise<RecordTransitionResult> {
  const seq = input.seq;
  if (!seq) throw new Error("a repair needs the transition's position (seq)");
  const { complaintId } = input;
  await (orm.em.fork() as EntityManager).transactional(async (em) => {
    const tx = em as Tx;
    const fields = complaintFieldsOf(repair.fields);
    const found = await tx.nativeUpdate(Complaint, { id: complaintId }, {
      ...fields,
      recordWorkflowId: seq.workflowId,
      recordSeq: seq.from,
    } as never);
    if (found === 0) throw new Error(`complaint ${complaintId} has no record to update`);
    const beyond = (id: string) => (positionInWorkflow(seq.workflowId, id) ?? 0) > seq.from;
    // Timeline entries and unsent notifications the dropped workflow task wrote. A notification
    // already sent stays as what it was: a message that went out.
    const events = await tx.find(AuditEvent, { complaintId }, { fields: ['id'] });
    const staleEvents = events.map((e) => e.id).filter(beyond);
    if (staleEvents.length > 0) await tx.nativeDelete(AuditEvent, { id: { $in: staleEvents } });
    const pending = await tx.find(Notification, { complaintId, status: 'PENDING' }, { fields: ['id'] });
    const staleNotifications = pending.map((n) => n.id).filter(beyond);
    if (staleNotifications.length > 0)
      await tx.nativeDelete(Notification, { id: { $in: staleNotifications } });
    // This execution's tasks and decisions exactly as its state holds them.
    const own = { complaintId, round: { $gt: repair.sinceRound } };
    await tx.nativeDelete(ComplaintTask, { ...own, id: { $nin: repair.tasks.map((t) => t.id) } });
    await tx.nativeDelete(Decision, { ...own, id: { $nin: repair.decisions.map((d) => d.decisionId) } });
    await upsert(
      tx,
      ComplaintTask,
      repair.tasks.map((t) => ({
        id: t.id,
        complaintId,
        round: t.round,
        unit: t.unit,
        area: t.area,
        status: t.status,
        outcome: t.outcome,
        notes: t.notes,
        completedBy: t.completedBy,
        completedAt: t.completedAt ? new Date(t.completedAt) : null,
        createdAt: new Date(t.openedAt),
        dueAt: t.dueAt ? new Date(t.dueAt) : null,
      })),
    );
    await upsert(
      tx,
      Decision,
      repair.decisions.map((d) => ({
        id: d.decisionId,
        complaintId,
        round: d.round,
        escalatedAt: new Date(d.escalatedAt),
        dueAt: d.dueAt ? new Date(d.dueAt) : null,
        decision: d.decision,
        notes: d.notes,
        units: d.units,
        decidedBy: d.decidedBy,
        decidedAt: d.decidedAt ? new Date(d.decidedAt) : null,
      })),
    );
    await runInTransaction(tx, [...positionOf(input), ...input.writes.flatMap(operationsOf)]);
  });
  return undefined;
}

/** Inserts `rows`, or sets every column of the rows already there. */
async function upsert(tx: Tx, entity: Entity, rows: { id: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .createQueryBuilder(entity)
    .insert(rows as never)
    .onConflict('id' as never)
    .merge()
    .execute();
}

/** The statement-by-statement path on any database (tests compare the two paths' rows). */
export async function recordTransitionInTransaction(
  orm: MikroORM,
  input: RecordTransitionInput,
): Promise<void> {
  const operations = [...positionOf(input), ...input.writes.flatMap(operationsOf)];
  try {
    await (orm.em.fork() as EntityManager).transactional((tx) => runInTransaction(tx as Tx, operations));
  } catch (err) {
    if (err instanceof GuardedRowNotUpdated)
      throw new Error(`complaint ${input.complaintId} has no record to update`);
    throw err;
  }
}
