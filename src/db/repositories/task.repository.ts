import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Complaint, ComplaintTask } from '../entities';
import type { Page, PageRequest } from './complaint.repository';

/** Whose inbox: a unit's tasks and, for KECAMATAN/KELURAHAN, those of one area. */
export interface InboxFilter {
  unit: string;
  /** Given for area units only (an officer without an area passes ''). */
  area?: string;
  status?: string;
}

/** A task and the fields of its complaint an action needs. */
export interface TaskWithComplaint {
  task: Pick<ComplaintTask, 'id' | 'complaintId' | 'round' | 'unit' | 'area' | 'status'>;
  complaint: Pick<Complaint, 'id' | 'workflowId' | 'status'>;
}

/** A task of an inbox with the complaint it belongs to. */
export interface InboxRow {
  task: ComplaintTask;
  complaint: Complaint;
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
   * One page of an inbox, newest first, with each task's complaint (read in one more query). `total`
   * counts the tasks; a task whose complaint is missing is left out of the rows.
   */
  async inbox(filter: InboxFilter, page: PageRequest): Promise<Page<InboxRow>> {
    const where: FilterQuery<ComplaintTask> = { unit: filter.unit };
    if (filter.area !== undefined) where.area = filter.area;
    if (filter.status) where.status = filter.status;
    const em = this.em.fork();
    const [tasks, total] = await em.findAndCount(ComplaintTask, where, {
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      limit: page.limit,
      offset: page.offset,
    });
    const ids = [...new Set(tasks.map((t) => t.complaintId))];
    const complaints = ids.length > 0 ? await em.find(Complaint, { id: { $in: ids } }) : [];
    const byId = new Map(complaints.map((c) => [c.id, c]));
    const rows = tasks.flatMap((task): InboxRow[] => {
      const complaint = byId.get(task.complaintId);
      return complaint ? [{ task, complaint }] : [];
    });
    return { rows, total };
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
