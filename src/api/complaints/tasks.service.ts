import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { completeTaskUpdate } from '../../../workflows/complaint/definitions';
import { Complaint, ComplaintTask } from '../../db/entities';
import { checkTaskNotDone, checkTaskOwnership } from '../../domain/complaint-rules';
import { AREA_UNITS } from '../../domain/units';
import type { Principal } from '../auth/principal';
import { notFound, throwIfRefused } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from './complaint-query.dto';
import { actorOf, iso, toTaskView } from './complaint-query.service';
import type { InboxTaskView, TaskListView, TaskView } from './complaint-views';
import { ComplaintWorkflowService, refuseIfClosed } from './complaint-workflow.service';
import type { CompleteTaskDto, ListTasksQueryDto } from './tasks.dto';

const TASK_NOT_FOUND = 'Tugas tidak ditemukan.';

/** A unit's inbox and the completion of its tasks. */
@Injectable()
export class TasksService {
  constructor(
    private readonly em: EntityManager,
    private readonly workflow: ComplaintWorkflowService,
  ) {}

  /** The caller's unit's tasks (for KECAMATAN/KELURAHAN: of the caller's area), newest first. */
  async inbox(query: ListTasksQueryDto, principal: Principal): Promise<TaskListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!principal.unit) return { items: [], total: 0, page, pageSize };
    const where: FilterQuery<ComplaintTask> = { unit: principal.unit };
    if ((AREA_UNITS as readonly string[]).includes(principal.unit)) where.area = principal.area ?? '';
    if (query.status) where.status = query.status;
    const em = this.em.fork();
    const [tasks, total] = await em.findAndCount(ComplaintTask, where, {
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const ids = [...new Set(tasks.map((t) => t.complaintId))];
    const complaints = ids.length > 0 ? await em.find(Complaint, { id: { $in: ids } }) : [];
    const byId = new Map(complaints.map((c) => [c.id, c]));
    const items = tasks.flatMap((t): InboxTaskView[] => {
      const c = byId.get(t.complaintId);
      if (!c) return [];
      return [
        {
          ...toTaskView(t),
          complaint: {
            id: c.id,
            registerNumber: c.registerNumber,
            category: c.category ?? null,
            status: c.status,
            dueAt: iso(c.dueAt),
            overdue: c.overdue,
          },
        },
      ];
    });
    return { items, total, page, pageSize };
  }

  /**
   * Completes one of the caller's tasks. Ownership is checked here, before the workflow is asked;
   * the workflow's validator checks it again and refuses a task already completed.
   */
  async complete(taskId: string, body: CompleteTaskDto, principal: Principal): Promise<TaskView> {
    const em = this.em.fork();
    const task = taskId.length <= 64 ? await em.findOne(ComplaintTask, { id: taskId }) : null;
    if (!task) throw notFound(TASK_NOT_FOUND);
    // The caller's task first (403), then whether it is still open (409): the workflow's own rules.
    throwIfRefused(checkTaskOwnership(task, principal) ?? checkTaskNotDone(task));
    const complaint = await em.findOne(Complaint, { id: task.complaintId });
    if (!complaint) throw notFound(TASK_NOT_FOUND);
    refuseIfClosed(complaint);
    const done = await this.workflow.act(em, complaint, completeTaskUpdate, {
      actor: actorOf(principal),
      taskId: task.id,
      outcome: body.outcome,
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    });
    return {
      id: done.id,
      complaintId: complaint.id,
      unit: done.unit,
      area: done.area ?? null,
      round: done.round,
      status: done.status,
      outcome: done.outcome ?? null,
      notes: done.notes ?? null,
      completedBy: done.completedBy ?? null,
      completedAt: done.completedAt ?? null,
    };
  }
}
