import type { EntityManager } from '@mikro-orm/core';
import { Complaint, ComplaintTask } from '../entities';
import type { Page, PageRequest } from './complaint.repository';

/** Whose inbox: a unit's tasks and, for KECAMATAN/KELURAHAN, those of one area. */
export interface InboxFilter {
  unit: string;
  /** Given for area units only (an officer without an area passes ''). */
  area?: string;
  /** The task's status (OPEN, DONE). */
  status?: string;
  /** The complaint's status, category, kecamatan code and overdue flag. */
  complaintStatus?: string;
  category?: string;
  kecamatan?: string;
  overdue?: boolean;
  /** Exactly this register number (YYYY/MM/NNNN) or tracking code. */
  registerNumber?: string;
  trackingCode?: string;
}

/** Open tasks of one unit (and area, for KECAMATAN/KELURAHAN): how many, how many overdue, the oldest. */
export interface WorkloadRow {
  unit: string;
  area: string | null;
  open: number;
  /** Open tasks whose complaint is past its deadline (the complaint's overdue flag). */
  overdue: number;
  oldestOpenedAt: Date | null;
}

/** A task and the fields of its complaint an action needs. */
export interface TaskWithComplaint {
  task: Pick<ComplaintTask, 'id' | 'complaintId' | 'round' | 'unit' | 'area' | 'status'>;
  complaint: Pick<Complaint, 'id' | 'workflowId' | 'status'>;
}

/** How much of a complaint's description an inbox reads: enough for its short description. */
export const INBOX_DESCRIPTION_CHARS = 200;

/** What an inbox shows of a task's complaint; `description` is its first INBOX_DESCRIPTION_CHARS. */
export type InboxComplaint = Pick<
  Complaint,
  | 'id'
  | 'registerNumber'
  | 'trackingCode'
  | 'category'
  | 'status'
  | 'dueAt'
  | 'overdue'
  | 'licensingService'
  | 'kecamatan'
  | 'kelurahan'
  | 'receivedAt'
  | 'description'
  | 'identityMode'
>;

/** A task of an inbox with the complaint it belongs to. */
export interface InboxRow {
  task: ComplaintTask;
  complaint: InboxComplaint;
}

/** A datetime column as the drivers return it: a Date (PostgreSQL) or epoch milliseconds (SQLite). */
function dateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number),
  );
}

/** The units' tasks (one row per unit per round), read in a fresh fork of the EntityManager each. */
export class TaskRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<ComplaintTask | null> {
    return this.em.fork().findOne(ComplaintTask, { id });
  }

  /**
   * A task with what an action on it needs of its complaint (workflow, status), in one statement:
   * completing a task is the staff's most frequent action.
   */
  async findWithComplaint(id: string): Promise<TaskWithComplaint | null> {
    const em = this.em.fork();
    const task = em.getMetadata().get(ComplaintTask.name).tableName;
    const complaint = em.getMetadata().get(Complaint.name).tableName;
    const [row] = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `select t.id, t.complaint_id, t.round, t.unit, t.area, t.status, c.workflow_id, c.status as complaint_status ` +
          `from ${task} t join ${complaint} c on c.id = t.complaint_id where t.id = ?`,
        [id],
      );
    if (!row) return null;
    return {
      task: {
        id: String(row.id),
        complaintId: String(row.complaint_id),
        round: Number(row.round),
        unit: String(row.unit),
        area: (row.area as string | null) ?? null,
        status: String(row.status),
      },
      complaint: {
        id: String(row.complaint_id),
        workflowId: String(row.workflow_id),
        status: String(row.complaint_status),
      },
    };
  }

  /** Every task of a complaint, in no particular order. */
  findByComplaint(complaintId: string): Promise<ComplaintTask[]> {
    return this.em.fork().find(ComplaintTask, { complaintId });
  }

  /** The tasks of several complaints (a list page), optionally of one unit only; in no particular order. */
  findByComplaints(
    complaintIds: readonly string[],
    unit?: string,
  ): Promise<Pick<ComplaintTask, 'complaintId' | 'unit' | 'area'>[]> {
    if (complaintIds.length === 0) return Promise.resolve([]);
    return this.em
      .fork()
      .find(
        ComplaintTask,
        { complaintId: { $in: [...complaintIds] }, ...(unit ? { unit } : {}) },
        { fields: ['complaintId', 'unit', 'area'] },
      );
  }

  /**
   * One page of an inbox, the complaint due first (then the newest task), each task with what the
   * inbox shows of its complaint: one statement joining the two tables for the page, one counting
   * the matching tasks, run at the same time.
   */
  async inbox(filter: InboxFilter, page: PageRequest): Promise<Page<InboxRow>> {
    const em = this.em.fork();
    const taskTable = em.getMetadata().get(ComplaintTask.name).tableName;
    const complaintTable = em.getMetadata().get(Complaint.name).tableName;
    const taskWhere = ['t.unit = ?'];
    const taskParams: unknown[] = [filter.unit];
    const complaintWhere: string[] = [];
    const complaintParams: unknown[] = [];
    const equal = (column: string, value: string | undefined) => {
      if (value === undefined) return;
      const [where, params] = column.startsWith('t.')
        ? [taskWhere, taskParams]
        : [complaintWhere, complaintParams];
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('t.area', filter.area);
    equal('t.status', filter.status || undefined);
    equal('c.status', filter.complaintStatus);
    equal('c.category', filter.category);
    equal('c.kecamatan', filter.kecamatan);
    equal('c.register_number', filter.registerNumber);
    equal('c.tracking_code', filter.trackingCode);
    // A literal, not a parameter: SQLite binds no booleans (its column holds 0/1, which TRUE/FALSE are).
    if (filter.overdue !== undefined) complaintWhere.push(`c.overdue = ${filter.overdue ? 'true' : 'false'}`);
    const where = [...taskWhere, ...complaintWhere].join(' and ');
    const params = [...taskParams, ...complaintParams];
    const joined = `from ${taskTable} t join ${complaintTable} c on c.id = t.complaint_id`;
    const order = (t: string, c: string) =>
      // Portable "nulls last" (PostgreSQL sorts nulls last when ascending, SQLite first).
      `order by case when ${c}.due_at is null then 1 else 0 end, ${c}.due_at asc, ${t}.created_at desc, ${t}.id asc`;
    const connection = em.getConnection();
    // One statement for the page: the narrow inner query sorts the matching tasks by their complaint's
    // due date and keeps the page's ids (a top-N sort), and only those rows are read in full (the
    // description's start, ...). The count runs beside it, on the task table alone when no filter is
    // on the complaint (every task has its complaint). A window count in the page query would carry
    // every matching row through the sort (measured slower on PostgreSQL with 10,000 open tasks).
    const [rows, [count]] = await Promise.all([
      connection.execute<Record<string, unknown>[]>(
        'select t.id, t.complaint_id, t.round, t.unit, t.area, t.status, t.outcome, t.notes, t.completed_by, ' +
          't.completed_at, t.created_at, t.due_at as task_due_at, c.register_number, c.tracking_code, c.category, ' +
          'c.status as complaint_status, c.due_at, c.overdue, c.licensing_service, c.kecamatan, c.kelurahan, ' +
          `c.received_at, substr(c.description, 1, ${INBOX_DESCRIPTION_CHARS}) as description_head, c.identity_mode ` +
          `from (select t.id as task_id ${joined} where ${where} ${order('t', 'c')} limit ? offset ?) p ` +
          `join ${taskTable} t on t.id = p.task_id join ${complaintTable} c on c.id = t.complaint_id ` +
          order('t', 'c'),
        [...params, page.limit, page.offset],
      ),
      connection.execute<{ n: unknown }[]>(
        complaintWhere.length > 0
          ? `select count(*) as n ${joined} where ${where}`
          : `select count(*) as n from ${taskTable} t where ${taskWhere.join(' and ')}`,
        complaintWhere.length > 0 ? params : taskParams,
      ),
    ]);
    const total = Number(count?.n ?? 0);
    return {
      rows: rows.map((row: Record<string, unknown>): InboxRow => {
        const task = Object.assign(new ComplaintTask(), {
          id: String(row.id),
          complaintId: String(row.complaint_id),
          round: Number(row.round),
          unit: String(row.unit),
          area: (row.area as string | null) ?? null,
          status: String(row.status),
          outcome: (row.outcome as string | null) ?? null,
          notes: (row.notes as string | null) ?? null,
          completedBy: (row.completed_by as string | null) ?? null,
          completedAt: dateOf(row.completed_at),
          createdAt: dateOf(row.created_at)!,
          dueAt: dateOf(row.task_due_at),
        });
        return {
          task,
          complaint: {
            id: String(row.complaint_id),
            registerNumber: String(row.register_number),
            trackingCode: String(row.tracking_code),
            category: (row.category as string | null) ?? null,
            status: String(row.complaint_status),
            dueAt: dateOf(row.due_at),
            overdue: row.overdue === true || Number(row.overdue) === 1,
            licensingService: (row.licensing_service as string | null) ?? null,
            kecamatan: (row.kecamatan as string | null) ?? null,
            kelurahan: (row.kelurahan as string | null) ?? null,
            receivedAt: dateOf(row.received_at)!,
            description: String(row.description_head ?? ''),
            identityMode: (row.identity_mode as string | null) ?? undefined,
          },
        };
      }),
      total,
    };
  }

  /**
   * The open tasks counted per unit and area (one grouped statement), with those of overdue
   * complaints and the oldest task's opening; optionally of one unit only.
   */
  async openWorkload(unit?: string): Promise<WorkloadRow[]> {
    const em = this.em.fork();
    const taskTable = em.getMetadata().get(ComplaintTask.name).tableName;
    const complaintTable = em.getMetadata().get(Complaint.name).tableName;
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      // The overdue literal, not a parameter: SQLite binds no booleans (see inbox()).
      'select t.unit, t.area, count(*) as open_count, ' +
        'sum(case when c.overdue = true then 1 else 0 end) as overdue_count, ' +
        'min(t.created_at) as oldest ' +
        `from ${taskTable} t join ${complaintTable} c on c.id = t.complaint_id ` +
        `where t.status = 'OPEN'${unit ? ' and t.unit = ?' : ''} ` +
        'group by t.unit, t.area order by t.unit, t.area',
      unit ? [unit] : [],
    );
    return rows.map((row: Record<string, unknown>) => ({
      unit: String(row.unit),
      area: (row.area as string | null) ?? null,
      open: Number(row.open_count ?? 0),
      overdue: Number(row.overdue_count ?? 0),
      oldestOpenedAt: dateOf(row.oldest),
    }));
  }

  /** Tasks still open that were opened before `before`, oldest first (at most `limit`). */
  findOpenCreatedBefore(before: Date, limit = 1000): Promise<ComplaintTask[]> {
    return this.em
      .fork()
      .find(
        ComplaintTask,
        { status: 'OPEN', createdAt: { $lt: before } },
        { orderBy: { createdAt: 'asc' }, limit },
      );
  }
}
