import { Injectable } from '@nestjs/common';
import { completeTaskUpdate } from '../../../workflows/complaint/definitions';
import { type InboxFilter, TaskRepository } from '../../db/repositories';
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
    private readonly tasks: TaskRepository,
    private readonly workflow: ComplaintWorkflowService,
  ) {}

  /** The caller's unit's tasks (for KECAMATAN/KELURAHAN: of the caller's area), newest first. */
  async inbox(query: ListTasksQueryDto, principal: Principal): Promise<TaskListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!principal.unit) return { items: [], total: 0, page, pageSize };
    const filter: InboxFilter = { unit: principal.unit };
    if ((AREA_UNITS as readonly string[]).includes(principal.unit)) filter.area = principal.area ?? '';
    if (query.status) filter.status = query.status;
    const { rows, total } = await this.tasks.inbox(filter, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const items = rows.map(
      ({ task, complaint: c }): InboxTaskView => ({
        ...toTaskView(task),
        complaint: {
          id: c.id,
          registerNumber: c.registerNumber,
          category: c.category ?? null,
          status: c.status,
          dueAt: iso(c.dueAt),
          overdue: c.overdue,
        },
      }),
    );
    return { items, total, page, pageSize };
  }

  /**
   * Completes one of the caller's tasks. Ownership is checked here, before the workflow is asked;
   * the workflow's validator checks it again and refuses a task already completed.
   */
  async complete(taskId: string, body: CompleteTaskDto, principal: Principal): Promise<TaskView> {
    const found = taskId.length <= 64 ? await this.tasks.findWithComplaint(taskId) : null;
    if (!found) throw notFound(TASK_NOT_FOUND);
    const { task, complaint } = found;
    // The caller's task first (403), then whether it is still open (409): the workflow's own rules.
    throwIfRefused(checkTaskOwnership(task, principal) ?? checkTaskNotDone(task));
    refuseIfClosed(complaint);
    const done = await this.workflow.act(complaint, completeTaskUpdate, {
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
