/**
 * FROZEN. The complaint workflow as it ran before the `actions-apply-atomically` patch, kept so that
 * executions started before it (and their recorded histories, test/histories) replay unchanged.
 * complaintWorkflow runs this function when its history has no marker of that patch. Do not edit:
 * any change here can break a running complaint. Delete it once no such execution is open or within
 * the namespace's retention (TEMPORAL_RETENTION_DAYS after the last one closed).
 *
 * Its known defects (issue 12) are why it was replaced: a handler exposed a half-applied action while
 * it awaited an activity, so a response could slip in before the tasks were opened and a BERAT case
 * was escalated before its study.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ComplaintActivities } from '../../../activities/types';
import { calendarYearsFor, computeDueAt, WorkingDayCalendar } from '../../../src/domain/calendar';
import {
  type Category,
  categoryNeedsDecision,
  categoryNeedsLocation,
  isUpgrade,
  unitsForCategory,
} from '../../../src/domain/categories';
import { formatWibDate, formatWibDateTime } from '../../../src/domain/format';
import { kelurahanBelongsTo, type Location } from '../../../src/domain/location';
import { AREA_UNITS, type Unit } from '../../../src/domain/units';
import {
  type Actor,
  type ComplaintState,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
  calendarChangedSignal,
  completeTaskUpdate,
  type DecisionState,
  type EscalationDecisionInput,
  escalationDecisionSignal,
  REJECTION,
  type RejectionType,
  recategoriseUpdate,
  respondUpdate,
  stateQuery,
  type TaskState,
  triageUpdate,
  type WaitingFor,
} from '../definitions';
import { SA } from '../search-attributes';

const activities = proxyActivities<ComplaintActivities>({
  startToCloseTimeout: '30 seconds',
  // Database outages are waited out: an accepted action is recorded once the database is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Reminders to the units still working, this many working days before the deadline. */
const REMINDER_WORKING_DAYS = [3, 1] as const;

/**
 * A call-site summary, shown on the activity in the Web UI's event history (Bahasa Indonesia, never
 * personal data). User metadata is not part of the determinism check, so older histories still replay.
 */
function summarised(summary: string) {
  return { summary };
}

function refuse(type: RejectionType, message: string): never {
  throw ApplicationFailure.create({ type: REJECTION[type], message, nonRetryable: true });
}

function requireText(value: unknown, message: string): void {
  if (typeof value !== 'string' || value.trim() === '') refuse('INVALID', message);
}

export async function complaintWorkflowV1(input: ComplaintWorkflowInput): Promise<ComplaintState> {
  const nowIso = () => new Date().toISOString();
  let eventSeq = 0;
  const nextEventId = (type: string) => `${workflowInfo().workflowId}:${++eventSeq}:${type}`;

  // The calendar (holidays are data) is loaded by an activity once handlers are registered.
  const receivedAt = new Date(input.receivedAt);
  const years = calendarYearsFor(receivedAt);
  let calendar = new WorkingDayCalendar([]);
  let calendarVersion = 0;
  let pendingCalendarChanges = 0;
  /** Becomes true once the complaint is registered; Updates wait for it. */
  let registered = false;
  /** Tasks whose rows the openTasks activity is still writing (e.g. retried after a worker crash). */
  const openingTasks = new Set<string>();
  /**
   * Histories before this patch cancel the deadline timers when the case closes; newer executions let
   * them lapse with the workflow (fewer commands, and no CancelTimer for the time-skipping test server
   * to trip over: temporalio/sdk-java#3088).
   */
  const leaveDeadlineTimersAtClose = patched('deadline-timers-lapse-at-close');

  const state: ComplaintState = {
    complaintId: input.complaintId,
    registerNumber: input.registerNumber,
    channel: input.channel,
    status: 'RECEIVED',
    waitingFor: 'TRIAGE',
    waitingSince: nowIso(),
    category: null,
    location:
      input.location?.kecamatan && input.location.kelurahan
        ? { kecamatan: input.location.kecamatan, kelurahan: input.location.kelurahan }
        : null,
    receivedAt: receivedAt.toISOString(),
    dueAt: '',
    overdue: false,
    round: 0,
    tasks: [],
    decisions: [],
  };

  const isClosed = () => state.status === 'RESOLVED' || state.status === 'REJECTED';
  const openTasks = () => state.tasks.filter((t) => t.status === 'OPEN');
  const lastDecision = (): DecisionState | undefined => state.decisions[state.decisions.length - 1];

  /** The status follows from the facts; it is never set by hand. */
  function deriveStatus(): { status: ComplaintStatus; waitingFor: WaitingFor } {
    if (state.rejectionReason !== undefined) return { status: 'REJECTED', waitingFor: 'NOTHING' };
    if (state.response !== undefined) return { status: 'RESOLVED', waitingFor: 'NOTHING' };
    if (state.category === null) return { status: 'RECEIVED', waitingFor: 'TRIAGE' };
    if (openTasks().length > 0) return { status: 'IN_PROGRESS', waitingFor: 'TASKS' };
    const decision = lastDecision();
    // A BERAT case needs a decision given after the latest round of study.
    const decided = decision?.decision !== undefined && decision.decision !== 'FURTHER_STUDY';
    if (categoryNeedsDecision(state.category) && !decided)
      return { status: 'AWAITING_DECISION', waitingFor: 'DECISION' };
    return { status: 'AWAITING_RESPONSE', waitingFor: 'RESPONSE' };
  }

  function refreshStatus(): void {
    const next = deriveStatus();
    if (next.status !== state.status || next.waitingFor !== state.waitingFor) state.waitingSince = nowIso();
    state.status = next.status;
    state.waitingFor = next.waitingFor;
    setCurrentDetails(currentDetails());
    upsertSearchAttributes([
      { key: SA.ComplaintStatus, value: state.status },
      { key: SA.WaitingFor, value: state.waitingFor },
      { key: SA.DueAt, value: new Date(state.dueAt) },
      { key: SA.Overdue, value: state.overdue },
      { key: SA.PendingUnits, value: [...new Set(openTasks().map((t) => t.unit))] },
      ...(state.category ? [{ key: SA.ComplaintCategory, value: state.category }] : []),
      ...(state.location ? [{ key: SA.Kecamatan, value: state.location.kecamatan }] : []),
    ]);
  }

  /** What the case waits for, since when, in the words operators use (Web UI "current details"). */
  function currentDetails(): string {
    const since = formatWibDateTime(new Date(state.waitingSince));
    const due = state.dueAt ? formatWibDate(new Date(state.dueAt)) : '-';
    const pending = [...new Set(openTasks().map((t) => (t.area ? `${t.unit} ${t.area}` : t.unit)))].join(
      ', ',
    );
    const waiting: Record<WaitingFor, string> = {
      TRIAGE: `Menunggu triase oleh Seksi Pengaduan sejak ${since}.`,
      TASKS: `Menunggu penyelesaian tugas oleh: ${pending} (sejak ${since}).`,
      DECISION: `Menunggu keputusan Kepala Daerah sejak ${since}.`,
      RESPONSE: `Menunggu tanggapan akhir dari Seksi Pengaduan sejak ${since}.`,
      NOTHING: state.status === 'REJECTED' ? 'Ditolak pada triase (di luar lingkup).' : 'Selesai ditanggapi.',
    };
    const overdue = state.overdue ? ' MELEWATI BATAS WAKTU.' : '';
    return `**${state.registerNumber}** · ${waiting[state.waitingFor]} Batas waktu: ${due}.${overdue}`;
  }

  async function record(type: string, actor: Actor | null, details?: Record<string, unknown>): Promise<void> {
    refreshStatus();
    await activities.recordChange.executeWithOptions(summarised(`Catat riwayat: ${type} (${state.status})`), [
      {
        complaintId: state.complaintId,
        eventId: nextEventId(type),
        type,
        actor: actor?.username ?? null,
        at: nowIso(),
        details,
        fields: {
          status: state.status,
          category: state.category,
          kecamatan: state.location?.kecamatan ?? null,
          kelurahan: state.location?.kelurahan ?? null,
          dueAt: state.dueAt,
          overdue: state.overdue,
          response: state.response ?? null,
          respondedBy: state.respondedBy ?? null,
          rejectionReason: state.rejectionReason ?? null,
          closedAt: isClosed() ? nowIso() : null,
        },
      },
    ]);
  }

  async function notify(
    kind: Parameters<ComplaintActivities['notify']>[0]['kind'],
    recipients: { recipient: string; area?: string | null }[],
    data: Record<string, string | number | null | undefined> = {},
  ) {
    if (recipients.length === 0) return;
    const to = recipients.map((r) => r.recipient).join(', ');
    await activities.notify.executeWithOptions(summarised(`Kirim notifikasi ${kind} ke ${to}`), [
      {
        id: nextEventId(`notify-${kind}`),
        complaintId: state.complaintId,
        kind,
        recipients,
        data: { registerNumber: state.registerNumber, dueAt: state.dueAt, ...data },
      },
    ]);
  }

  /** Opens one task per unit that does not already have one in this round. */
  async function openTasksFor(units: readonly Unit[], round: number): Promise<TaskState[]> {
    const location = state.location;
    const created: TaskState[] = [];
    for (const unit of units) {
      if (state.tasks.some((t) => t.round === round && t.unit === unit)) continue;
      const area =
        unit === 'KECAMATAN' ? location?.kecamatan : unit === 'KELURAHAN' ? location?.kelurahan : null;
      const task: TaskState = {
        id: `${state.complaintId}:${round}:${unit}`,
        unit,
        area: area ?? null,
        round,
        status: 'OPEN',
        openedAt: nowIso(),
      };
      state.tasks.push(task);
      created.push(task);
    }
    if (created.length === 0) return created;
    refreshStatus();
    for (const t of created) openingTasks.add(t.id);
    await activities.openTasks.executeWithOptions(
      summarised(`Buka tugas putaran ${round} untuk: ${created.map((t) => t.unit).join(', ')}`),
      [{ complaintId: state.complaintId, tasks: created }],
    );
    for (const t of created) openingTasks.delete(t.id);
    await notify(
      'TASK_ASSIGNED',
      created.map((t) => ({ recipient: t.unit, area: t.area })),
      { round },
    );
    return created;
  }

  function pendingParties(): { recipient: string; area?: string | null }[] {
    const open = openTasks();
    if (open.length > 0) return open.map((t) => ({ recipient: t.unit, area: t.area }));
    if (state.status === 'AWAITING_DECISION') return [{ recipient: 'KEPALA_DAERAH' }];
    return [{ recipient: 'SEKSI_PENGADUAN' }];
  }

  // ---- Validation shared by the Update validators ---------------------------------------------
  function validateLocation(category: Category, location: Location | undefined | null): void {
    if (!categoryNeedsLocation(category)) return;
    if (!location?.kecamatan || !location.kelurahan)
      refuse('RULE', `Pengaduan kategori ${category} wajib menyertakan lokasi (kecamatan dan kelurahan).`);
    if (!kelurahanBelongsTo(location.kelurahan, location.kecamatan))
      refuse('INVALID', 'Kelurahan yang dipilih tidak berada di kecamatan tersebut.');
  }

  function requireOpen(): void {
    if (state.status === 'REJECTED') refuse('CONFLICT', 'Pengaduan ini sudah ditolak dan ditutup.');
    if (state.status === 'RESOLVED') refuse('CONFLICT', 'Pengaduan ini sudah selesai ditanggapi.');
  }

  // ---- Handlers -------------------------------------------------------------------------------
  setHandler(stateQuery, () => state);

  setHandler(
    triageUpdate,
    async ({ actor, category, location, notes, reject }) => {
      if (!registered) {
        await condition(() => registered);
        // Another triage may have been accepted while this one waited.
        if (state.status !== 'RECEIVED') refuse('CONFLICT', 'Pengaduan ini sudah ditriase.');
      }
      if (reject) {
        state.rejectionReason = reject.reason.trim();
        await record('REJECTED_AT_TRIAGE', actor, { reason: state.rejectionReason, notes });
        await notify('REJECTED', [{ recipient: 'COMPLAINANT' }], { reason: state.rejectionReason });
        return state;
      }
      state.category = category!;
      if (location) state.location = { kecamatan: location.kecamatan, kelurahan: location.kelurahan };
      state.round = 1;
      await record('TRIAGED', actor, { category, notes });
      await openTasksFor(unitsForCategory(state.category), 1);
      return state;
    },
    {
      validator: ({ category, location, reject }) => {
        if (state.status !== 'RECEIVED') refuse('CONFLICT', 'Pengaduan ini sudah ditriase.');
        if (reject) {
          requireText(reject.reason, 'Alasan penolakan wajib diisi.');
          return;
        }
        if (!category) refuse('INVALID', 'Kategori pengaduan (RINGAN, SEDANG atau BERAT) wajib diisi.');
        validateLocation(category, location ?? state.location);
      },
    },
  );

  setHandler(
    completeTaskUpdate,
    async ({ actor, taskId, outcome, notes }) => {
      if (!registered) await condition(() => registered);
      // The completion must not reach the database before the task's own row does: after a worker
      // crash the fan-out's activity may still be retrying while the task is already visible here.
      // (Histories from before this patch never waited.)
      if (openingTasks.has(taskId) && patched('task-completion-waits-for-its-row'))
        await condition(() => !openingTasks.has(taskId));
      const task = state.tasks.find((t) => t.id === taskId)!;
      task.status = 'DONE';
      task.outcome = outcome.trim();
      task.notes = notes?.trim() || undefined;
      task.completedBy = actor.username;
      task.completedAt = nowIso();
      refreshStatus();
      await activities.recordTaskCompletion.executeWithOptions(
        summarised(`Catat tugas ${task.unit} selesai (putaran ${task.round})`),
        [
          {
            complaintId: state.complaintId,
            taskId,
            outcome: task.outcome,
            notes: task.notes ?? null,
            completedBy: actor.username,
            completedAt: task.completedAt,
          },
        ],
      );
      await record('TASK_COMPLETED', actor, { taskId, unit: task.unit, round: task.round });
      return task;
    },
    {
      validator: ({ actor, taskId, outcome }) => {
        const task = state.tasks.find((t) => t.id === taskId);
        if (!task) refuse('NOT_FOUND', 'Tugas tidak ditemukan pada pengaduan ini.');
        if (task.status === 'DONE') refuse('CONFLICT', 'Tugas ini sudah diselesaikan.');
        if (actor.unit !== task.unit) refuse('FORBIDDEN', 'Tugas ini bukan milik unit Anda.');
        if ((AREA_UNITS as readonly string[]).includes(task.unit) && actor.area !== task.area)
          refuse('FORBIDDEN', 'Tugas ini untuk aparatur wilayah lain.');
        requireText(outcome, 'Hasil penanganan (outcome) wajib diisi.');
      },
    },
  );

  setHandler(
    recategoriseUpdate,
    async ({ actor, category, reason, location }) => {
      if (!registered) await condition(() => registered);
      const from = state.category;
      state.category = category;
      if (location) state.location = { kecamatan: location.kecamatan, kelurahan: location.kelurahan };
      await record('RECATEGORISED', actor, { from, to: category, reason });
      // The added units join the current round; a closed BERAT decision is not assumed for a new BERAT.
      await openTasksFor(unitsForCategory(category), state.round);
      return state;
    },
    {
      validator: ({ category, reason, location }) => {
        requireOpen();
        if (state.category === null)
          refuse('CONFLICT', 'Pengaduan belum ditriase; tentukan kategori melalui triase.');
        if (!isUpgrade(state.category, category))
          refuse('RULE', `Kategori hanya dapat dinaikkan (saat ini ${state.category}).`);
        requireText(reason, 'Alasan perubahan kategori wajib diisi.');
        validateLocation(category, location ?? state.location);
      },
    },
  );

  setHandler(
    respondUpdate,
    async ({ actor, response }) => {
      if (!registered) await condition(() => registered);
      state.response = response.trim();
      state.respondedBy = actor.username;
      await record('RESPONDED', actor);
      await notify('RESOLVED', [{ recipient: 'COMPLAINANT' }]);
      return state;
    },
    {
      validator: ({ response }) => {
        requireOpen();
        if (state.status !== 'AWAITING_RESPONSE')
          refuse('CONFLICT', 'Tanggapan belum dapat diberikan: penanganan pengaduan belum selesai.');
        requireText(response, 'Isi tanggapan wajib diisi.');
      },
    },
  );

  // Signals cannot be refused, so a decision that does not fit the state is recorded and ignored.
  let pendingDecision: EscalationDecisionInput | undefined;
  setHandler(escalationDecisionSignal, (decision) => {
    if (state.status === 'AWAITING_DECISION' && pendingDecision === undefined) pendingDecision = decision;
  });

  setHandler(calendarChangedSignal, () => {
    pendingCalendarChanges++;
  });

  // ---- Deadline watcher: reminders, overdue flag, holiday corrections -------------------------
  const fired = new Set<string>();
  async function watchDeadline(): Promise<void> {
    while (!isClosed()) {
      if (pendingCalendarChanges > 0) {
        pendingCalendarChanges = 0;
        const previous = state.dueAt;
        await loadDeadline();
        calendarVersion++;
        if (state.dueAt !== previous) {
          if (state.overdue && new Date(state.dueAt).getTime() > Date.now()) state.overdue = false;
          await record('DUE_DATE_CHANGED', null, { from: previous, to: state.dueAt });
        }
        continue;
      }
      const due = new Date(state.dueAt);
      const moments = [
        ...REMINDER_WORKING_DAYS.map((n) => ({
          key: `REMINDER-${n}@${state.dueAt}`,
          at: calendar.workingDaysBefore(due, n),
          n,
        })),
        { key: `DUE@${state.dueAt}`, at: due, n: 0 },
      ].filter((m) => !fired.has(m.key));
      // Reminders whose moment passed before we could send them are not sent late.
      const next = moments.find((m) => m.n === 0 || m.at.getTime() > Date.now());
      const version = calendarVersion;
      const woken = () =>
        (!leaveDeadlineTimersAtClose && isClosed()) ||
        pendingCalendarChanges > 0 ||
        calendarVersion !== version;
      if (!next) {
        await condition(woken);
        continue;
      }
      const dueLabel = formatWibDate(due);
      const summary =
        next.n === 0
          ? `Batas waktu 10 hari kerja: ${dueLabel}`
          : `Pengingat ${next.n} hari kerja sebelum batas waktu ${dueLabel}`;
      const interrupted = await condition(woken, Math.max(0, next.at.getTime() - Date.now()), { summary });
      if (interrupted) continue;
      fired.add(next.key);
      for (const m of moments) if (m.at.getTime() <= next.at.getTime()) fired.add(m.key);
      if (next.n > 0) {
        await notify('REMINDER', pendingParties(), { workingDaysLeft: next.n });
      } else if (!state.overdue) {
        state.overdue = true;
        await record('OVERDUE', null, { dueAt: state.dueAt });
        await notify('OVERDUE', [{ recipient: 'KABID_PENGADUAN' }, { recipient: 'KEPALA_DINAS' }]);
      }
    }
  }

  async function loadDeadline(): Promise<void> {
    const data = await activities.loadCalendar.executeWithOptions(
      summarised(`Muat hari libur tahun ${years.join(', ')} untuk batas waktu`),
      [{ years }],
    );
    calendar = new WorkingDayCalendar(data.nonWorkingDates);
    state.dueAt = computeDueAt(receivedAt, calendar).toISOString();
    state.calendarWarning = data.warning;
  }

  // ---- Main line --------------------------------------------------------------------------------
  await loadDeadline();
  await record('REGISTERED', null, { dueAt: state.dueAt, calendarWarning: state.calendarWarning });
  registered = true;
  await notify('REGISTERED', [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'COMPLAINANT' }]);
  const deadline = watchDeadline();

  while (!isClosed()) {
    await condition(() => state.status === 'AWAITING_DECISION' || isClosed());
    if (isClosed()) break;

    const round = state.round;
    const decision: DecisionState = { round, escalatedAt: nowIso() };
    state.decisions.push(decision);
    const decisionId = `${state.complaintId}:decision:${round}`;
    await activities.recordEscalation.executeWithOptions(
      summarised(`Catat eskalasi ke Kepala Daerah (putaran ${round})`),
      [{ complaintId: state.complaintId, decisionId, round, escalatedAt: decision.escalatedAt }],
    );
    await record('ESCALATED', null, { round });
    await notify('ESCALATED', [{ recipient: 'KEPALA_DAERAH' }], { round });

    await condition(() => pendingDecision !== undefined);
    const given = pendingDecision!;
    pendingDecision = undefined;
    decision.decision = given.decision;
    decision.notes = given.notes?.trim() || undefined;
    decision.decidedBy = given.actor.username;
    decision.decidedAt = nowIso();
    const studyUnits = given.decision === 'FURTHER_STUDY' ? studyUnitsFor(given.units) : undefined;
    decision.units = studyUnits;
    await activities.recordDecision.executeWithOptions(
      summarised(`Catat keputusan Kepala Daerah: ${given.decision} (putaran ${round})`),
      [
        {
          complaintId: state.complaintId,
          decisionId,
          round,
          escalatedAt: decision.escalatedAt,
          decision: given.decision,
          notes: decision.notes ?? null,
          units: studyUnits ?? null,
          decidedBy: given.actor.username,
          decidedAt: decision.decidedAt,
        },
      ],
    );
    await record('DECIDED', given.actor, { round, decision: given.decision, units: studyUnits });
    await notify('DECIDED', [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'KABID_PENGADUAN' }], {
      decision: given.decision,
    });
    if (studyUnits) {
      state.round = round + 1;
      await openTasksFor(studyUnits, state.round);
    }
  }

  // Closing the case ends the workflow; its pending deadline timers simply lapse with it.
  if (!leaveDeadlineTimersAtClose) await deadline;
  await condition(allHandlersFinished);
  return state;
}

/** A further-study round goes to the units the decision names, or to all BERAT units if none. */
function studyUnitsFor(units: Unit[] | undefined): Unit[] {
  const all = unitsForCategory('BERAT');
  const named = (units ?? []).filter((u) => all.includes(u));
  return named.length > 0 ? [...new Set(named)] : [...all];
}
