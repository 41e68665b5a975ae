import { Inject, Injectable } from '@nestjs/common';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import type { AppConfig } from '../../config/config';
import type { ComplaintTask, Notification } from '../../db/entities';
import { ComplaintRepository, ReferenceDataRepository, TaskRepository } from '../../db/repositories';
import { StuckCaseRepository } from '../../db/repositories/stuck-case.repository';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { formatWibDateTime } from '../../domain/format';
import { ComplaintWorkflows, RUNNING_COMPLAINTS } from '../../temporal/complaint-workflows';
import { APP_CONFIG } from '../common/config.module';
import type { StuckCaseView, StuckKind, StuckReportView } from './ops.dto';

/** Thresholds of "stuck", in working days (README, runbook). */
export const STUCK_RULES = {
  triageWorkingDays: 1,
  taskWorkingDays: 5,
  decisionWorkingDays: 5,
  failingAttempts: 3,
  /** A notification still undelivered after this many attempts shows with the FAILED ones. */
  notificationAttempts: 3,
} as const;
/** Most running workflows described when looking for failing activities (describe is one call each). */
const MAX_DESCRIBED = 300;

/**
 * What "stuck" means, answered from Temporal's visibility (search attributes) and, for per-task and
 * per-decision ages that visibility cannot express, from the records the workflow keeps.
 */
@Injectable()
export class OpsService {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly tasks: TaskRepository,
    private readonly referenceData: ReferenceDataRepository,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stuckCases: StuckCaseRepository,
  ) {}

  async stuck(asOf: Date): Promise<StuckReportView> {
    const calendar = await this.calendarAround(asOf);
    // Waiting since before 00:00 WIB of the N-th working day back = more than N working days.
    const cutoff = (n: number) => calendar.workingDaysBefore(asOf, n, 0);
    const triageCutoff = cutoff(STUCK_RULES.triageWorkingDays);
    const filters = { TRIAGE: 'WaitingFor = "TRIAGE"', OVERDUE: 'Overdue = true' };
    const queries = {
      TRIAGE_LATE: `${RUNNING_COMPLAINTS} AND ${filters.TRIAGE} (then: received before ${triageCutoff.toISOString()})`,
      OVERDUE: `${RUNNING_COMPLAINTS} AND ${filters.OVERDUE}`,
      TASK_LATE: `${RUNNING_COMPLAINTS} AND WaitingFor = "TASKS" (then: tasks open since before ${cutoff(STUCK_RULES.taskWorkingDays).toISOString()})`,
      DECISION_LATE: `${RUNNING_COMPLAINTS} AND WaitingFor = "DECISION" (then: escalated before ${cutoff(STUCK_RULES.decisionWorkingDays).toISOString()})`,
      FAILING_ACTIVITIES: `${RUNNING_COMPLAINTS} (then: a pending activity with attempt > ${STUCK_RULES.failingAttempts})`,
      NOTIFICATION_FAILED: `notification outbox: status FAILED, or PENDING after ${STUCK_RULES.notificationAttempts}+ attempts`,
      HOLIDAY_LIST_MISSING:
        'holiday table and shipped SKB lists: the current year, and from 1 November (WIB) the next, without an official list',
      STAGE_BREACHED: `${RUNNING_COMPLAINTS} AND StageDueAt < "${asOf.toISOString()}" (records: triage, open tasks and undecided escalations past their stage deadline; breached stages so far: StageBreached = "TRIAGE" / "TASK:<unit>" / "DECISION")`,
    };
    const [triage, overdue, tasks, decisions, failing, notifications, holidayLists, stages] =
      await Promise.all([
        this.lateTriage(filters.TRIAGE, triageCutoff),
        this.fromVisibility(
          'OVERDUE',
          filters.OVERDUE,
          () => 'Melewati batas waktu 10 hari kerja dan belum ditanggapi.',
        ),
        this.lateTasks(cutoff(STUCK_RULES.taskWorkingDays)),
        this.lateDecisions(cutoff(STUCK_RULES.decisionWorkingDays)),
        this.failingActivities(),
        this.failedNotifications(),
        this.missingHolidayLists(asOf),
        this.stageBreaches(asOf),
      ]);
    const items = await this.withRecords([
      ...triage,
      ...tasks,
      ...decisions,
      ...overdue,
      ...failing,
      ...notifications,
      ...holidayLists,
      ...stages,
    ]);
    return { asOf: asOf.toISOString(), items: items.sort(byDueDate), queries };
  }

  private async calendarAround(asOf: Date): Promise<WorkingDayCalendar> {
    const year = asOf.getUTCFullYear();
    return this.referenceData.workingDayCalendar([year - 1, year]);
  }

  private async fromVisibility(
    kind: StuckKind,
    filter: string,
    detail: (wf: WorkflowExecutionInfo) => string,
  ): Promise<Partial<StuckCaseView>[]> {
    const rows: Partial<StuckCaseView>[] = [];
    for await (const wf of this.workflows.running(filter)) {
      rows.push({ kind, workflowId: wf.workflowId, since: wf.startTime.toISOString(), detail: detail(wf) });
    }
    return rows;
  }

  /**
   * Complaints still waiting for triage that were *received* more than the threshold ago. The age
   * counts from the receipt, not from the workflow's start: a letter received on 1 November and
   * entered on 30 November is already late. Visibility has no receipt time, so the waiting
   * workflows are found there and their records say when each was received.
   */
  private async lateTriage(filter: string, before: Date): Promise<Partial<StuckCaseView>[]> {
    const waiting: WorkflowExecutionInfo[] = [];
    for await (const wf of this.workflows.running(filter)) waiting.push(wf);
    const records = await this.complaints.findByWorkflowIdsOrIds(
      waiting.map((wf) => wf.workflowId),
      [],
    );
    const receivedAt = new Map(records.map((c) => [c.workflowId, c.receivedAt]));
    // The new round of an objection (keberatan) waits for triage since the objection.
    const objectedAt = new Map(records.flatMap((c) => (c.objectedAt ? [[c.workflowId, c.objectedAt]] : [])));
    return waiting.flatMap((wf) => {
      const objected = objectedAt.get(wf.workflowId);
      const received = objected ?? receivedAt.get(wf.workflowId) ?? wf.startTime;
      if (received >= before) return [];
      return [
        {
          kind: 'TRIAGE_LATE' as const,
          workflowId: wf.workflowId,
          since: received.toISOString(),
          detail: objected
            ? `Belum ditriase; keberatan diajukan ${formatWibDateTime(objected)}.`
            : `Belum ditriase; diterima ${formatWibDateTime(received)}.`,
        },
      ];
    });
  }

  private async lateTasks(before: Date): Promise<Partial<StuckCaseView>[]> {
    const tasks = await this.tasks.findOpenCreatedBefore(before, 1000);
    const byComplaint = new Map<string, ComplaintTask[]>();
    for (const t of tasks) byComplaint.set(t.complaintId, [...(byComplaint.get(t.complaintId) ?? []), t]);
    return [...byComplaint.entries()].map(([complaintId, open]) => ({
      kind: 'TASK_LATE' as const,
      complaintId,
      since: open[0].createdAt.toISOString(),
      detail: `Tugas terbuka lebih dari ${STUCK_RULES.taskWorkingDays} hari kerja: ${open.map((t) => (t.area ? `${t.unit} ${t.area}` : t.unit)).join(', ')}.`,
    }));
  }

  private async lateDecisions(before: Date): Promise<Partial<StuckCaseView>[]> {
    const waiting = await this.complaints.findUndecidedEscalatedBefore(before, 1000);
    return waiting.map((d) => ({
      kind: 'DECISION_LATE' as const,
      complaintId: d.complaintId,
      since: d.escalatedAt.toISOString(),
      detail: `Menunggu keputusan Kepala Daerah sejak ${formatWibDateTime(d.escalatedAt)} (putaran ${d.round}).`,
    }));
  }

  private async failingActivities(): Promise<Partial<StuckCaseView>[]> {
    const ids: string[] = [];
    for await (const wf of this.workflows.running()) {
      ids.push(wf.workflowId);
      if (ids.length >= MAX_DESCRIBED) break;
    }
    const rows: Partial<StuckCaseView>[] = [];
    // A few at a time: describe is one call per workflow.
    for (let i = 0; i < ids.length; i += 20) {
      const described = await Promise.all(ids.slice(i, i + 20).map((id) => this.workflows.describe(id)));
      for (const d of described) {
        const failing = (d.raw.pendingActivities ?? []).filter(
          (a) => (a.attempt ?? 0) > STUCK_RULES.failingAttempts,
        );
        if (failing.length === 0) continue;
        rows.push({
          kind: 'FAILING_ACTIVITIES',
          workflowId: d.workflowId,
          since: null,
          detail: failing
            .map(
              (a) =>
                `Aktivitas ${a.activityType?.name} gagal ${a.attempt} kali: ${a.lastFailure?.message ?? 'tanpa keterangan'}`,
            )
            .join('; '),
        });
      }
    }
    return rows;
  }

  /** Notifications given up on, or still failing after a few attempts (grouped per complaint). */
  private async failedNotifications(): Promise<Partial<StuckCaseView>[]> {
    const rows = await this.stuckCases.findUndeliveredNotifications(STUCK_RULES.notificationAttempts, 500);
    const byComplaint = new Map<string, Notification[]>();
    for (const n of rows) {
      const key = n.complaintId ?? `tanpa-pengaduan:${n.id}`;
      byComplaint.set(key, [...(byComplaint.get(key) ?? []), n]);
    }
    return [...byComplaint.values()].map((list) => ({
      kind: 'NOTIFICATION_FAILED' as const,
      complaintId: list[0].complaintId ?? undefined,
      since: list[0].createdAt.toISOString(),
      detail: list
        .map(
          (n) =>
            `Pemberitahuan ${n.kind} untuk ${n.recipient}${n.recipientArea ? ` ${n.recipientArea}` : ''} ` +
            `${n.status === 'FAILED' ? 'gagal' : `belum terkirim setelah ${n.attempts} percobaan`}: ${n.lastError ?? 'tanpa keterangan'}`,
        )
        .join('; '),
    }));
  }

  /**
   * A year whose official holiday list the office needs and lacks (holidayListYearsNeeded: from
   * 1 November WIB next year's too): its deadlines rest on the automatic fallback.
   */
  private async missingHolidayLists(asOf: Date): Promise<Partial<StuckCaseView>[]> {
    const years = await this.stuckCases.findYearsWithoutHolidayList(asOf);
    return years.map((year) => ({
      kind: 'HOLIDAY_LIST_MISSING' as const,
      since: null,
      detail:
        `Daftar resmi hari libur untuk tahun ${year} belum ada. Batas waktu yang mencapai tahun ${year} ` +
        'dihitung dengan daftar otomatis (tanpa cuti bersama). Admin: masukkan daftar SKB 3 Menteri ' +
        `tahun ${year} (PUT /api/calendar/holidays?year=${year}, menu Hari libur).`,
    }));
  }

  /**
   * Stages still pending past their own deadline (src/domain/stage-deadlines.ts), one row per
   * complaint: the triage, open unit tasks, an undecided escalation.
   */
  private async stageBreaches(asOf: Date): Promise<Partial<StuckCaseView>[]> {
    const { untriaged, tasks, decisions } = await this.stuckCases.findStageBreaches(asOf, 1000);
    const byComplaint = new Map<string, { since: Date; parts: string[] }>();
    const add = (complaintId: string, dueAt: Date, part: string) => {
      const row = byComplaint.get(complaintId) ?? { since: dueAt, parts: [] };
      if (dueAt < row.since) row.since = dueAt;
      row.parts.push(`${part} (batas ${formatWibDateTime(dueAt)})`);
      byComplaint.set(complaintId, row);
    };
    for (const c of untriaged) add(c.id, c.triageDueAt!, 'triase oleh Seksi Pengaduan');
    for (const t of tasks) add(t.complaintId, t.dueAt!, `tugas ${t.area ? `${t.unit} ${t.area}` : t.unit}`);
    for (const d of decisions) add(d.complaintId, d.dueAt!, `keputusan Kepala Daerah (putaran ${d.round})`);
    return [...byComplaint.entries()].map(([complaintId, row]) => ({
      kind: 'STAGE_BREACHED' as const,
      complaintId,
      since: row.since.toISOString(),
      detail: `Melewati batas waktu tahap: ${row.parts.join('; ')}.`,
    }));
  }

  /** Adds register number, status and deadline from the records, and the Web UI link. */
  private async withRecords(rows: Partial<StuckCaseView>[]): Promise<StuckCaseView[]> {
    const complaints = await this.complaints.findByWorkflowIdsOrIds(
      rows.flatMap((r) => (r.workflowId ? [r.workflowId] : [])),
      rows.flatMap((r) => (r.complaintId ? [r.complaintId] : [])),
    );
    const byWorkflow = new Map(complaints.map((c) => [c.workflowId, c]));
    const byId = new Map(complaints.map((c) => [c.id, c]));
    const { uiUrl, namespace } = this.config.temporal;
    return rows.map((r) => {
      const c =
        (r.workflowId ? byWorkflow.get(r.workflowId) : undefined) ??
        (r.complaintId ? byId.get(r.complaintId) : undefined);
      const workflowId = r.workflowId ?? c?.workflowId ?? '';
      return {
        kind: r.kind!,
        workflowId,
        complaintId: c?.id ?? r.complaintId ?? null,
        registerNumber: c?.registerNumber ?? null,
        status: c?.status ?? null,
        since: r.since ?? null,
        dueAt: c?.dueAt?.toISOString() ?? null,
        detail: r.detail ?? '',
        webUiUrl: `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`,
      };
    });
  }
}

/** Soonest (or longest past) due date first; cases without one last, then the longest waiting. */
function byDueDate(a: StuckCaseView, b: StuckCaseView): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return (a.since ?? '\uffff').localeCompare(b.since ?? '\uffff');
}
