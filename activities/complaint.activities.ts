/**
 * The complaint workflow's side effects: the records that lists, inboxes and reports read, and the
 * notification outbox. Every activity is idempotent: Temporal may run one again after a crash or a
 * timeout, and a second run must not add a second row.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { loadNonWorkingDates } from '../src/calendar/holiday-calendar';
import { AuditEvent, Complaint, ComplaintTask, Decision, Notification } from '../src/db/entities';
import { insertIgnoringDuplicates } from '../src/db/insert-ignoring-duplicates';
import { loadStageDeadlines } from '../src/db/stage-deadlines';
import { CLOSED_STATUSES } from '../src/domain/complaint-rules';
import { renderNotification } from './notification-templates';
import { recordTransition } from './record-transition';
import type {
  CalendarData,
  ComplaintActivities,
  DecisionInput,
  EscalationInput,
  NotifyInput,
  OpenTasksInput,
  RecordChangeInput,
  TaskCompletionInput,
} from './types';

export interface ActivityDeps {
  orm: MikroORM;
  log: Logger;
}

export function createComplaintActivities({ orm, log }: ActivityDeps): ComplaintActivities {
  const em = () => orm.em.fork();
  const warnedAt = new Map<string, number>();

  return {
    async loadCalendar({ years }): Promise<CalendarData> {
      const calendar = await loadNonWorkingDates(em(), years);
      // Once per ten minutes per list, not once per complaint: the admin needs to hear it, not a flood.
      const key = years.join(',');
      if (calendar.warning && (warnedAt.get(key) ?? 0) < Date.now() - 600_000) {
        warnedAt.set(key, Date.now());
        log.warn({ years, warning: calendar.warning }, 'deadline computed with a fallback holiday list');
      }
      return calendar;
    },

    loadStageDeadlines: () => loadStageDeadlines(em()),

    recordTransition: (input) => recordTransition(orm, input),

    // The one-write activities below are those of workflows started before recordTransition; they
    // stay until no such workflow runs.
    async recordChange(input: RecordChangeInput): Promise<void> {
      await em().transactional(async (tx) => {
        if (await tx.findOne(AuditEvent, { id: input.eventId }, { fields: ['id'] })) return;
        const complaint = await tx.findOneOrFail(Complaint, { id: input.complaintId });
        const { dueAt, closedAt, ...rest } = input.fields;
        tx.assign(complaint, {
          ...rest,
          ...(dueAt !== undefined ? { dueAt: new Date(dueAt) } : {}),
          ...(closedAt !== undefined ? { closedAt: closedAt ? new Date(closedAt) : null } : {}),
        });
        tx.create(AuditEvent, {
          id: input.eventId,
          complaintId: input.complaintId,
          type: input.type,
          actor: input.actor ?? null,
          at: new Date(input.at),
          details: input.details ?? null,
        });
      });
    },

    async openTasks(input: OpenTasksInput): Promise<void> {
      const rows = input.tasks.map((t) => {
        const row = new ComplaintTask();
        Object.assign(row, {
          id: t.id,
          complaintId: input.complaintId,
          round: t.round,
          unit: t.unit,
          area: t.area,
          status: 'OPEN',
          createdAt: new Date(t.openedAt),
        });
        return row;
      });
      const tx = em();
      await insertIgnoringDuplicates(tx, ComplaintTask, rows, (r) => r.id);
      // Open tasks mean work in progress. The workflow records the triage (or decision) just
      // before it opens the tasks, so the stored status is brought up to date here.
      await tx.nativeUpdate(
        Complaint,
        { id: input.complaintId, status: { $nin: [...CLOSED_STATUSES] } },
        { status: 'IN_PROGRESS' },
      );
    },

    async recordTaskCompletion(input: TaskCompletionInput): Promise<void> {
      await em().nativeUpdate(
        ComplaintTask,
        { id: input.taskId },
        {
          status: 'DONE',
          outcome: input.outcome,
          notes: input.notes,
          completedBy: input.completedBy,
          completedAt: new Date(input.completedAt),
        },
      );
    },

    async recordEscalation(input: EscalationInput): Promise<void> {
      const row = new Decision();
      Object.assign(row, {
        id: input.decisionId,
        complaintId: input.complaintId,
        round: input.round,
        escalatedAt: new Date(input.escalatedAt),
      });
      await insertIgnoringDuplicates(em(), Decision, [row], (r) => r.id);
    },

    async recordDecision(input: DecisionInput): Promise<void> {
      await em().nativeUpdate(
        Decision,
        { id: input.decisionId },
        {
          decision: input.decision,
          notes: input.notes,
          units: input.units,
          decidedBy: input.decidedBy,
          decidedAt: new Date(input.decidedAt),
        },
      );
    },

    async notify(input: NotifyInput): Promise<void> {
      const rows = input.recipients.map(({ recipient, area }) => {
        const { subject, body } = renderNotification(input.kind, recipient, input.data);
        const row = new Notification();
        Object.assign(row, {
          id: `${input.id}:${recipient}${area ? `:${area}` : ''}`,
          complaintId: input.complaintId,
          recipient,
          recipientArea: area ?? null,
          kind: input.kind,
          subject,
          body,
          status: 'PENDING',
          attempts: 0,
          createdAt: new Date(),
        });
        return row;
      });
      await insertIgnoringDuplicates(em(), Notification, rows, (r) => r.id);
    },
  };
}
