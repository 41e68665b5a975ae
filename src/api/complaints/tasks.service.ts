import { Injectable } from '@nestjs/common';
import { completeTaskUpdate } from '../../../workflows/complaint/definitions';
import type { Area } from '../../db/entities';
import { type InboxFilter, type InboxRow, TaskRepository } from '../../db/repositories';
import { calendarYearsBetween, type WorkingDayCalendar, workingDaysLeft } from '../../domain/calendar';
import { checkTaskOwnership } from '../../domain/complaint-rules';
import { shortText } from '../../domain/format';
import { identityModeOf } from '../../domain/identity-mode';
import { AREA_UNITS } from '../../domain/units';
import type { Principal } from '../auth/principal';
import { badRequest, notFound, throwIfRefused } from '../common/api-error';
import { ReferenceDataCache } from '../reference-data/reference-data.cache';
import { COMPLAINT_KEY_MESSAGE, complaintKeyOf } from './complaint-lookup';
import { DEFAULT_PAGE_SIZE } from './complaint-query.dto';
import { actorOf, iso, stageBreached, toTaskView } from './complaint-query.service';
import type { InboxTaskView, TaskListView, TaskView } from './complaint-views';
import { ComplaintWorkflowService } from './complaint-workflow.service';
import type { CompleteTaskDto, ListTasksQueryDto } from './tasks.dto';

const TASK_NOT_FOUND = 'Tugas tidak ditemukan.';
/** Length of an inbox item's short description. */
const SHORT_DESCRIPTION_CHARS = 160;

/** A unit's inbox and the completion of its tasks. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly workflow: ComplaintWorkflowService,
    private readonly referenceData: ReferenceDataCache,
  ) {}

  /** The clock working days left are counted from (replaced by unit tests). */
  now: () => Date = () => new Date();

  /**
   * The caller's unit's tasks (for KECAMATAN/KELURAHAN: of the caller's area), the complaint due
   * first, each with what it takes to pick up the work: register number, service, location with
   * names, short description, due date, working days left (holiday calendar) and the overdue flag.
   */
  async inbox(query: ListTasksQueryDto, principal: Principal): Promise<TaskListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!principal.unit) return { items: [], total: 0, page, pageSize };
    const filter: InboxFilter = { unit: principal.unit };
    if ((AREA_UNITS as readonly string[]).includes(principal.unit)) filter.area = principal.area ?? '';
    if (query.status) filter.status = query.status;
    if (query.complaintStatus) filter.complaintStatus = query.complaintStatus;
    if (query.category) filter.category = query.category;
    if (query.kecamatan) filter.kecamatan = query.kecamatan;
    if (query.overdue !== undefined) filter.overdue = query.overdue === 'true';
    if (query.q !== undefined) {
      const key = complaintKeyOf(query.q);
      if (!key) throw badRequest(COMPLAINT_KEY_MESSAGE);
      Object.assign(filter, key);
    }
    const { rows, total } = await this.tasks.inbox(filter, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const now = this.now();
    const [areas, calendar] = await Promise.all([
      rows.length > 0 ? this.referenceData.areas() : Promise.resolve(new Map<string, Area>()),
      this.calendarFor(now, rows),
    ]);
    const nameOf = (code: string | null | undefined) => (code ? (areas.get(code)?.name ?? null) : null);
    const items = rows.map(
      ({ task, complaint: c }): InboxTaskView => ({
        ...toTaskView(task),
        complaint: {
          id: c.id,
          registerNumber: c.registerNumber,
          trackingCode: c.trackingCode,
          category: c.category ?? null,
          status: c.status,
          licensingService: c.licensingService ?? null,
          location: {
            kecamatan: c.kecamatan ?? null,
            kecamatanName: nameOf(c.kecamatan),
            kelurahan: c.kelurahan ?? null,
            kelurahanName: nameOf(c.kelurahan),
          },
          shortDescription: shortText(c.description, SHORT_DESCRIPTION_CHARS),
          receivedAt: iso(c.receivedAt)!,
          dueAt: iso(c.dueAt),
          workingDaysLeft: c.dueAt && calendar ? workingDaysLeft(now, c.dueAt, calendar) : null,
          overdue: c.overdue,
          identityMode: identityModeOf(c.identityMode),
        },
      }),
    );
    return { items, total, page, pageSize };
  }

  /** One working-day calendar covering today and every due date of the page (cached per years). */
  private async calendarFor(now: Date, rows: InboxRow[]): Promise<WorkingDayCalendar | undefined> {
    const dues = rows.flatMap(({ complaint }) => (complaint.dueAt ? [complaint.dueAt.getTime()] : []));
    if (dues.length === 0) return undefined;
    const years = new Set<number>();
    for (const bound of [Math.min(...dues), Math.max(...dues)])
      for (const year of calendarYearsBetween(now, new Date(bound))) years.add(year);
    return (await this.referenceData.calendar([...years])).calendar;
  }

  /**
   * Completes one of the caller's tasks. Ownership is checked here, before the workflow is asked (a
   * task's unit and area never change); the workflow's validator checks it again. Whether the task is
   * still open, and the case too, only the workflow says: the record can be ahead of it (a write by
   * a workflow task that was then lost, until the next write sets it back), and refusing a completion
   * on the record's word would refuse the retry that the case waits for.
   */
  async complete(taskId: string, body: CompleteTaskDto, principal: Principal): Promise<TaskView> {
    const found = taskId.length <= 64 ? await this.tasks.findWithComplaint(taskId) : null;
    if (!found) throw notFound(TASK_NOT_FOUND);
    const { task, complaint } = found;
    throwIfRefused(checkTaskOwnership(task, principal));
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
      dueAt: done.dueAt ?? null,
      stageBreached: stageBreached(
        done.dueAt ? new Date(done.dueAt) : null,
        done.completedAt ? new Date(done.completedAt) : null,
      ),
    };
  }
}
