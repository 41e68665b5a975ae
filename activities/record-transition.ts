/**
 * Writes the records of one transition of a complaint (recordTransition) all or nothing. Each
 * statement is idempotent on its own (inserts keyed by the workflow's ids ignore rows already there,
 * updates set values), so a local activity run again after a crash writes the same rows once. The
 * stored status comes only from the timeline events' fields: opening tasks does not touch the
 * complaint row.
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
import type { RecordChangeInput, RecordTransitionInput, TransitionWrite } from './types';

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
  | { op: 'update'; entity: Entity; id: string; fields: Record<string, unknown>; mustExist?: boolean };

/** The complaint fields an event sets, as the record stores them (dates as Date). */
function complaintFieldsOf(input: RecordChangeInput): Record<string, unknown> {
  const { dueAt, closedAt, triageDueAt, ...rest } = input.fields;
  return {
    ...rest,
    ...(dueAt !== undefined ? { dueAt: new Date(dueAt) } : {}),
    ...(triageDueAt ? { triageDueAt: new Date(triageDueAt) } : {}),
    ...(closedAt !== undefined ? { closedAt: closedAt ? new Date(closedAt) : null } : {}),
  };
}

function operationsOf(w: TransitionWrite): Operation[] {
  switch (w.kind) {
    case 'event': {
      const fields = complaintFieldsOf(w.input);
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
    const updated = await tx.nativeUpdate(o.entity, { id: o.id } as never, o.fields as never);
    if (updated === 0 && o.mustExist) throw new Error(`complaint ${o.id} has no record to update`);
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
function oneStatement(
  em: EntityManager,
  operations: Operation[],
): { sql: string; values: unknown[]; mustExist: string[] } | null {
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
  const mustExist: { cte: string; id: string }[] = [];
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
      ctes.push(`${name} as (update ${u.table} set ${u.assignments} where id = ? returning 1)`);
      if (o.mustExist) mustExist.push({ cte: name, id: o.id });
    }
  }
  const check = mustExist.map(({ cte }) => `1 / (select count(*)::int from ${cte})`).join(' + ') || '1';
  return {
    sql: `with ${ctes.join(', ')} select ${check} as ok`,
    values,
    mustExist: mustExist.map((m) => m.id),
  };
}

export async function recordTransition(orm: MikroORM, input: RecordTransitionInput): Promise<void> {
  const operations = input.writes.flatMap(operationsOf);
  const em = orm.em.fork() as EntityManager;
  const statement = em.getPlatform() instanceof PostgreSqlPlatform ? oneStatement(em, operations) : null;
  if (!statement) {
    await em.transactional((tx) => runInTransaction(tx as Tx, operations));
    return;
  }
  try {
    await runStatement(em, statement.sql, statement.values);
  } catch (err) {
    // SQLSTATE 22012: the division that stands for a row that must exist and does not.
    if ((err as { code?: string }).code === '22012')
      throw new Error(`complaint ${statement.mustExist.join(' or ')} has no record to update`);
    throw err;
  }
}

/** The statement-by-statement path on any database (tests compare the two paths' rows). */
export async function recordTransitionInTransaction(
  orm: MikroORM,
  input: RecordTransitionInput,
): Promise<void> {
  const operations = input.writes.flatMap(operationsOf);
  await (orm.em.fork() as EntityManager).transactional((tx) => runInTransaction(tx as Tx, operations));
}
