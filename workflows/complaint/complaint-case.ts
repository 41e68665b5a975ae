/**
 * The state of one complaint and its transitions, as the SOP prescribes them.
 *
 * The concurrency rule of the workflow lives here: every transition changes the whole state at once,
 * synchronously, and returns the records it calls for (rows, timeline events, notifications). The
 * workflow writes those records afterwards, in order. So whatever an Update handler, a signal or the
 * deadline watcher awaits, every other handler and validator only ever sees a complete state: there
 * is no "triaged but tasks not opened yet" or "last task done but not escalated yet".
 *
 * No Temporal workflow APIs here (only ApplicationFailure for refusals), so the rules read on their own.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ComplaintFields, NotificationKind, RecordRepair } from '../../activities/types';
import { agencyName } from '../../src/domain/agencies';
import {
  categoryNeedsDecision,
  unitsForCategory,
  unitsToStudyAfterUpgrade,
} from '../../src/domain/categories';
import {
  checkForward,
  checkRecategorisation,
  checkResponder,
  checkResponse,
  checkTaskCompletion,
  checkTriage,
  type Refusal,
} from '../../src/domain/complaint-rules';
import {
  type EarlyWarningPercent,
  earlyWarningRecipients,
  type Stage,
} from '../../src/domain/stage-deadlines';
import type { Unit } from '../../src/domain/units';
import type {
  ComplaintState,
  ComplaintStatus,
  ComplaintWorkflowInput,
  CompleteTaskInput,
  DecisionState,
  EscalationDecisionInput,
  ForwardInput,
  RecategoriseInput,
  RejectionType,
  RespondInput,
  StageBreach,
  TaskState,
  TriageInput,
  WaitingFor,
} from './definitions';
import { REJECTION } from './definitions';

export interface Recipient {
  recipient: string;
  area?: string | null;
}

/** A record a transition calls for; the workflow's RecordWriter writes them in order. */
export type RecordWrite =
  | { kind: 'tasks-opened'; round: number; tasks: TaskState[] }
  | { kind: 'task-completed'; task: TaskState }
  | { kind: 'escalated'; decisionId: string; decision: DecisionState }
  | { kind: 'decided'; decisionId: string; decision: DecisionState }
  | {
      kind: 'stage-deadlines-moved';
      tasks: { id: string; dueAt: string }[];
      decisions: { id: string; dueAt: string }[];
    }
  | {
      kind: 'event';
      eventId: string;
      type: string;
      actor: string | null;
      at: string;
      details?: Record<string, unknown>;
      /** The complaint's record once the transition is complete (filled in by settle). */
      fields?: ComplaintFields;
    }
  | {
      kind: 'notify';
      id: string;
      notification: NotificationKind;
      recipients: Recipient[];
      data: Record<string, string | number | null | undefined>;
    };

export interface DecisionResult {
  applied: boolean;
  /** Why a decision was set aside (Bahasa Indonesia). */
  message?: string;
  writes: RecordWrite[];
}

export function refuse(type: RejectionType, message: string): never {
  throw ApplicationFailure.create({ type: REJECTION[type], message, nonRetryable: true });
}

/** Fails the Update with the domain's refusal, if there is one. */
function refuseIf(refusal: Refusal | null): void {
  if (refusal) refuse(refusal.type, refusal.message);
}

/** A further-study round goes to the units the decision names, or to all BERAT units if none. */
export function studyUnitsFor(units: readonly Unit[] | undefined): Unit[] {
  const all = unitsForCategory('BERAT');
  const named = (units ?? []).filter((u) => all.includes(u));
  return named.length > 0 ? [...new Set(named)] : [...all];
}

/** A stage's deadline (ISO) from its start (ISO): the workflow's calendar and the case's settings. */
export type StageClock = (stage: Stage, start: string, unit?: Unit) => string;

export class ComplaintCase {
  readonly state: ComplaintState;
  private eventSeq = 0;
  /**
   * Set by the workflow before registration for executions with stage deadlines; without it no
   * stage deadline is set or watched (executions started before them).
   */
  stageClock?: StageClock;
  /**
   * Set by the workflow for executions started after stage deadlines followed holiday corrections:
   * a corrected calendar moves the pending stages' deadlines too. Earlier ones keep theirs.
   */
  stageDeadlinesFollowCalendar = false;

  constructor(
    input: ComplaintWorkflowInput,
    private readonly workflowId: string,
    private readonly now: () => string,
  ) {
    this.state = {
      complaintId: input.complaintId,
      registerNumber: input.registerNumber,
      channel: input.channel,
      status: 'RECEIVED',
      waitingFor: 'TRIAGE',
      waitingSince: now(),
      category: null,
      location:
        input.location?.kecamatan && input.location.kelurahan
          ? { kecamatan: input.location.kecamatan, kelurahan: input.location.kelurahan }
          : null,
      receivedAt: new Date(input.receivedAt).toISOString(),
      dueAt: '',
      overdue: false,
      round: 0,
      tasks: [],
      decisions: [],
    };
    if (input.objection) {
      // A new round after an objection: the rounds of study go on from the first handling's.
      this.state.objection = { ...input.objection };
      this.state.round = input.objection.lastRound;
    }
  }

  /** When the deadline counts from: the objection of a new round, else the receipt. */
  countsFrom(): string {
    return this.state.objection?.filedAt ?? this.state.receivedAt;
  }

  // ---- Facts and the status that follows from them ----------------------------------------------

  isClosed(): boolean {
    return (
      this.state.rejectionReason !== undefined ||
      this.state.response !== undefined ||
      this.state.forwarded !== undefined
    );
  }

  openTasks(): TaskState[] {
    return this.state.tasks.filter((t) => t.status === 'OPEN');
  }

  /** The decision of the current round of study, once the case has been escalated for it. */
  currentDecision(): DecisionState | undefined {
    return this.state.decisions.find((d) => d.round === this.state.round);
  }

  /** The status follows from the facts; it is never set by hand. */
  deriveStatus(): { status: ComplaintStatus; waitingFor: WaitingFor } {
    const s = this.state;
    if (s.rejectionReason !== undefined) return { status: 'REJECTED', waitingFor: 'NOTHING' };
    if (s.response !== undefined) return { status: 'RESOLVED', waitingFor: 'NOTHING' };
    if (s.forwarded !== undefined) return { status: 'FORWARDED', waitingFor: 'NOTHING' };
    if (s.category === null) return { status: 'RECEIVED', waitingFor: 'TRIAGE' };
    if (this.openTasks().length > 0) return { status: 'IN_PROGRESS', waitingFor: 'TASKS' };
    // A BERAT case needs a final decision (not further study) on its latest round of study.
    const decision = this.currentDecision()?.decision;
    if (categoryNeedsDecision(s.category) && (decision === undefined || decision === 'FURTHER_STUDY'))
      return { status: 'AWAITING_DECISION', waitingFor: 'DECISION' };
    return { status: 'AWAITING_RESPONSE', waitingFor: 'RESPONSE' };
  }

  /** Who is holding the case up: the units with open tasks, else whoever must act next. */
  pendingParties(): Recipient[] {
    const open = this.openTasks();
    if (open.length > 0) return open.map((t) => ({ recipient: t.unit, area: t.area }));
    if (this.state.status === 'AWAITING_DECISION') return [{ recipient: 'KEPALA_DAERAH' }];
    return [{ recipient: 'SEKSI_PENGADUAN' }];
  }

  // ---- Checks (Update validators, and again after waiting for registration) ----------------------
  // The rules and their messages are the domain's (src/domain/complaint-rules.ts), shared with the API.

  checkTriage(input: TriageInput): void {
    refuseIf(checkTriage(this.state, input));
  }

  checkCompletion({ actor, taskId, outcome }: CompleteTaskInput): void {
    refuseIf(
      checkTaskCompletion(
        this.state.tasks.find((t) => t.id === taskId),
        actor,
        outcome,
      ),
    );
  }

  checkRecategorisation(input: RecategoriseInput): void {
    refuseIf(checkRecategorisation(this.state, input));
  }

  /**
   * `checksResponder`: whether the responder's unit is checked against the category (checkResponder).
   * Executions started before that rule did not check it (the API allowed only SEKSI_PENGADUAN then).
   */
  checkResponse(input: RespondInput, checksResponder = true): void {
    if (checksResponder) refuseIf(checkResponder(this.state.category, input.actor?.unit));
    refuseIf(checkResponse(this.state.status, input));
  }

  checkForward(input: ForwardInput): void {
    refuseIf(checkForward(this.state.status, input));
  }

  // ---- Transitions: each changes the whole state at once and returns the records to write ---------

  register(dueAt: string, calendarWarning: string | undefined): RecordWrite[] {
    this.state.dueAt = dueAt;
    this.state.calendarWarning = calendarWarning;
    if (this.stageClock) {
      // An objection's round starts its triage when the objection is filed.
      this.state.triageDueAt = this.stageClock(
        'TRIAGE',
        this.state.objection?.filedAt ?? this.state.receivedAt,
      );
      this.state.stageBreaches = [];
      this.state.earlyWarnings = [];
    }
    const triageDueAt = this.state.triageDueAt;
    const objection = this.state.objection;
    if (objection) {
      // The new round of an objection: back to Seksi Pengaduan for triage, the complainant told.
      return this.settle([
        this.event('OBJECTED', null, {
          dueAt,
          calendarWarning,
          ...(triageDueAt ? { triageDueAt } : {}),
          round: objection.round,
          previousStatus: objection.previousStatus,
          filedAt: objection.filedAt,
        }),
        ...this.notify('OBJECTED', [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'COMPLAINANT' }], {
          previousStatus: objection.previousStatus,
        }),
      ]);
    }
    const writes = [
      this.event('REGISTERED', null, { dueAt, calendarWarning, ...(triageDueAt ? { triageDueAt } : {}) }),
    ];
    writes.push(
      ...this.notify('REGISTERED', [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'COMPLAINANT' }]),
    );
    return this.settle(writes);
  }

  triage({ actor, category, location, notes, reject }: TriageInput): RecordWrite[] {
    const s = this.state;
    if (reject) {
      s.rejectionReason = reject.reason.trim();
      s.closedAt = this.now();
      return this.settle([
        this.event('REJECTED_AT_TRIAGE', actor.username, { reason: s.rejectionReason, notes }),
        ...this.notify('REJECTED', [{ recipient: 'COMPLAINANT' }], { reason: s.rejectionReason }),
      ]);
    }
    s.category = category!;
    if (location) s.location = { kecamatan: location.kecamatan, kelurahan: location.kelurahan };
    // 1, or the round after the first handling's when an objection reopened the case.
    s.round = (s.objection?.lastRound ?? 0) + 1;
    const opened = this.openTasksFor(unitsForCategory(s.category), s.round);
    return this.settle([
      ...opened.rows,
      this.event('TRIAGED', actor.username, { category, notes }),
      ...opened.notices,
    ]);
  }

  completeTask({ actor, taskId, outcome, notes }: CompleteTaskInput): {
    task: TaskState;
    writes: RecordWrite[];
  } {
    const task = this.state.tasks.find((t) => t.id === taskId)!;
    task.status = 'DONE';
    task.outcome = outcome.trim();
    task.notes = notes?.trim() || undefined;
    task.completedBy = actor.username;
    task.completedAt = this.now();
    const writes = this.settle([
      { kind: 'task-completed', task },
      this.event('TASK_COMPLETED', actor.username, { taskId, unit: task.unit, round: task.round }),
    ]);
    return { task, writes };
  }

  /**
   * Upward only. Units with an open task keep it (they now work on the heavier category); the units
   * the heavier category asks to study it anew (unitsToStudyAfterUpgrade) get a task in a new round.
   */
  recategorise({ actor, category, reason, location }: RecategoriseInput): RecordWrite[] {
    const s = this.state;
    const from = s.category!;
    s.category = category;
    if (location) s.location = { kecamatan: location.kecamatan, kelurahan: location.kelurahan };
    const busy = new Set(this.openTasks().map((t) => t.unit));
    const units = unitsToStudyAfterUpgrade(from, category).filter((u) => !busy.has(u));
    const opened = units.length > 0 ? this.openTasksFor(units, ++s.round) : { rows: [], notices: [] };
    return this.settle([
      ...opened.rows,
      this.event('RECATEGORISED', actor.username, { from, to: category, reason, round: s.round }),
      ...opened.notices,
    ]);
  }

  respond({ actor, response }: RespondInput): RecordWrite[] {
    this.state.response = response.trim();
    this.state.respondedBy = actor.username;
    this.state.closedAt = this.now();
    return this.settle([
      this.event('RESPONDED', actor.username),
      ...this.notify('RESOLVED', [{ recipient: 'COMPLAINANT' }]),
    ]);
  }

  /**
   * "Bukan wewenang": the case goes to the agency whose business it is and closes. The complainant is
   * told where it went and why; Seksi Pengaduan's own notice of the new case needs no follow-up.
   */
  forward({ actor, agency, reason, letterNumber }: ForwardInput): RecordWrite[] {
    const forwarded = {
      agency,
      agencyName: agencyName(agency),
      reason: reason.trim(),
      letterNumber: letterNumber.trim(),
      forwardedBy: actor.username,
      forwardedAt: this.now(),
    };
    this.state.forwarded = forwarded;
    this.state.closedAt = forwarded.forwardedAt;
    return this.settle([
      this.event('FORWARDED', actor.username, {
        agency,
        agencyName: forwarded.agencyName,
        reason: forwarded.reason,
        letterNumber: forwarded.letterNumber,
      }),
      ...this.notify('FORWARDED', [{ recipient: 'COMPLAINANT' }], {
        agency,
        agencyName: forwarded.agencyName,
        reason: forwarded.reason,
        letterNumber: forwarded.letterNumber,
      }),
    ]);
  }

  /** The Kepala Daerah's decision: a signal, so it cannot be refused; one that does not fit is set aside. */
  decide(given: EscalationDecisionInput): DecisionResult {
    const decision = this.currentDecision();
    if (this.state.status !== 'AWAITING_DECISION' || !decision || decision.decision !== undefined)
      return {
        applied: false,
        message: `Pengaduan ini tidak sedang menunggu keputusan Kepala Daerah (status saat ini: ${this.state.status}).`,
        writes: [],
      };
    const round = decision.round;
    decision.decision = given.decision;
    decision.notes = given.notes?.trim() || undefined;
    decision.decidedBy = given.actor.username;
    decision.decidedAt = this.now();
    const studyUnits = given.decision === 'FURTHER_STUDY' ? studyUnitsFor(given.units) : undefined;
    decision.units = studyUnits;
    const writes: RecordWrite[] = [
      { kind: 'decided', decisionId: this.decisionId(round), decision },
      this.event('DECIDED', given.actor.username, { round, decision: given.decision, units: studyUnits }),
      ...this.notify('DECIDED', [{ recipient: 'SEKSI_PENGADUAN' }, { recipient: 'KABID_PENGADUAN' }], {
        decision: given.decision,
      }),
    ];
    if (studyUnits) {
      const opened = this.openTasksFor(studyUnits, ++this.state.round);
      writes.push(...opened.rows, ...opened.notices);
    }
    return { applied: true, writes: this.settle(writes) };
  }

  /**
   * A holiday correction moved the deadline (the flag clears if the new one is still ahead), and with
   * it the deadlines of the stages still pending and not yet breached, counted again from their start.
   */
  changeDueDate(dueAt: string, calendarWarning: string | undefined, nowMs: number): RecordWrite[] {
    const s = this.state;
    const previous = s.dueAt;
    s.calendarWarning = calendarWarning;
    const moved = this.stageDeadlinesFollowCalendar ? this.moveStageDeadlines() : [];
    if (dueAt === previous && moved.length === 0) return [];
    const writes: RecordWrite[] = [];
    if (dueAt !== previous) {
      s.dueAt = dueAt;
      if (s.overdue && new Date(dueAt).getTime() > nowMs) s.overdue = false;
      writes.push(this.event('DUE_DATE_CHANGED', null, { from: previous, to: dueAt }));
    }
    return this.settle([...writes, ...moved]);
  }

  /** The pending stages' deadlines counted again with the current calendar; the records of those moved. */
  private moveStageDeadlines(): RecordWrite[] {
    const s = this.state;
    const clock = this.stageClock;
    if (!clock || this.isClosed()) return [];
    const changes: Record<string, unknown>[] = [];
    const tasks: { id: string; dueAt: string }[] = [];
    const decisions: { id: string; dueAt: string }[] = [];
    if (s.category === null && s.triageDueAt && !s.stageBreaches?.some((b) => b.stage === 'TRIAGE')) {
      const to = clock('TRIAGE', s.objection?.filedAt ?? s.receivedAt);
      if (to !== s.triageDueAt) {
        changes.push({ stage: 'TRIAGE', from: s.triageDueAt, to });
        s.triageDueAt = to;
      }
    }
    for (const task of s.tasks) {
      if (task.status !== 'OPEN' || task.breached || !task.dueAt) continue;
      const to = clock('TASK', task.openedAt, task.unit);
      if (to === task.dueAt) continue;
      changes.push({
        stage: 'TASK',
        unit: task.unit,
        area: task.area,
        round: task.round,
        from: task.dueAt,
        to,
      });
      task.dueAt = to;
      tasks.push({ id: task.id, dueAt: to });
    }
    for (const decision of s.decisions) {
      if (decision.decision !== undefined || decision.breached || !decision.dueAt) continue;
      const to = clock('DECISION', decision.escalatedAt);
      if (to === decision.dueAt) continue;
      changes.push({ stage: 'DECISION', round: decision.round, from: decision.dueAt, to });
      decision.dueAt = to;
      decisions.push({ id: this.decisionId(decision.round), dueAt: to });
    }
    if (changes.length === 0) return [];
    return [
      ...(tasks.length > 0 || decisions.length > 0
        ? [{ kind: 'stage-deadlines-moved' as const, tasks, decisions }]
        : []),
      this.event('STAGE_DEADLINES_CHANGED', null, { stages: changes }),
    ];
  }

  markOverdue(): RecordWrite[] {
    if (this.state.overdue || this.isClosed()) return [];
    this.state.overdue = true;
    return this.settle([
      this.event('OVERDUE', null, { dueAt: this.state.dueAt }),
      ...this.notify('OVERDUE', [{ recipient: 'KABID_PENGADUAN' }, { recipient: 'KEPALA_DINAS' }]),
    ]);
  }

  remind(workingDaysLeft: number): RecordWrite[] {
    if (this.isClosed()) return [];
    return this.notify('REMINDER', this.pendingParties(), { workingDaysLeft });
  }

  // ---- Stage deadlines and early warnings (executions with stage deadlines only) -------------------

  /**
   * An early warning at `percent` of the working time to the deadline `dueAt`: to the parties still
   * working, at 75% to the Kabid as well. Once per deadline (a moved deadline warns again).
   */
  warnEarly(percent: EarlyWarningPercent, dueAt: string): RecordWrite[] {
    const s = this.state;
    const key = `${percent}@${dueAt}`;
    if (this.isClosed() || s.dueAt !== dueAt || s.earlyWarnings?.includes(key)) return [];
    s.earlyWarnings = [...(s.earlyWarnings ?? []), key];
    return this.notify('EARLY_WARNING', earlyWarningRecipients(percent, this.pendingParties()), { percent });
  }

  /**
   * The triage's stage deadline passed with the case still untriaged. `dueAt`: the deadline the timer
   * was set for; a timer of a deadline a holiday correction moved does nothing.
   */
  breachTriage(dueAt?: string): RecordWrite[] {
    const s = this.state;
    if (this.isClosed() || s.category !== null || !s.triageDueAt) return [];
    if (dueAt !== undefined && dueAt !== s.triageDueAt) return [];
    if (s.stageBreaches?.some((b) => b.stage === 'TRIAGE')) return [];
    return this.breach({ stage: 'TRIAGE', dueAt: s.triageDueAt, at: this.now() }, [
      { recipient: 'SEKSI_PENGADUAN' },
    ]);
  }

  /** A task's stage deadline (`dueAt`, as its timer was set) passed with the task still open. */
  breachTask(taskId: string, dueAt?: string): RecordWrite[] {
    const task = this.state.tasks.find((t) => t.id === taskId);
    if (this.isClosed() || !task || task.status !== 'OPEN' || task.breached || !task.dueAt) return [];
    if (dueAt !== undefined && dueAt !== task.dueAt) return [];
    task.breached = true;
    const breach: StageBreach = {
      stage: 'TASK',
      dueAt: task.dueAt,
      at: this.now(),
      taskId,
      unit: task.unit,
      area: task.area,
      round: task.round,
    };
    return this.breach(breach, [{ recipient: task.unit, area: task.area }]);
  }

  /** The decision's stage deadline (`dueAt`, as its timer was set) passed without a decision. */
  breachDecision(round: number, dueAt?: string): RecordWrite[] {
    const decision = this.state.decisions.find((d) => d.round === round);
    if (
      this.isClosed() ||
      !decision ||
      decision.decision !== undefined ||
      decision.breached ||
      !decision.dueAt ||
      (dueAt !== undefined && dueAt !== decision.dueAt)
    )
      return [];
    decision.breached = true;
    return this.breach({ stage: 'DECISION', dueAt: decision.dueAt, at: this.now(), round }, [
      { recipient: 'KEPALA_DAERAH' },
    ]);
  }

  private breach(breach: StageBreach, responsible: Recipient[]): RecordWrite[] {
    this.state.stageBreaches = [...(this.state.stageBreaches ?? []), breach];
    const { at: _at, ...details } = breach;
    return this.settle([
      this.event('STAGE_BREACHED', null, { ...details }),
      ...this.notify('STAGE_BREACHED', [...responsible, { recipient: 'KABID_PENGADUAN' }], {
        stage: breach.stage,
        stageDueAt: breach.dueAt,
        unit: breach.unit ?? null,
      }),
    ]);
  }

  // ---- Helpers ------------------------------------------------------------------------------------

  /**
   * Ends every transition: a BERAT case whose round of study is complete goes to the Kepala Daerah at
   * once (in the same step, so no one ever sees it waiting for a decision it was not asked for), and
   * the status is derived again.
   */
  private settle(writes: RecordWrite[]): RecordWrite[] {
    const s = this.state;
    if (
      !this.isClosed() &&
      s.category !== null &&
      categoryNeedsDecision(s.category) &&
      this.openTasks().length === 0 &&
      this.currentDecision() === undefined
    ) {
      const escalatedAt = this.now();
      const decision: DecisionState = { round: s.round, escalatedAt };
      if (this.stageClock) decision.dueAt = this.stageClock('DECISION', escalatedAt);
      s.decisions.push(decision);
      writes.push(
        { kind: 'escalated', decisionId: this.decisionId(s.round), decision },
        this.event('ESCALATED', null, { round: s.round }),
        ...this.notify('ESCALATED', [{ recipient: 'KEPALA_DAERAH' }], {
          round: s.round,
          ...(decision.dueAt ? { stageDueAt: decision.dueAt } : {}),
        }),
      );
    }
    const next = this.deriveStatus();
    if (next.status !== s.status || next.waitingFor !== s.waitingFor) s.waitingSince = this.now();
    s.status = next.status;
    s.waitingFor = next.waitingFor;
    // The record as the whole transition left it: written in order, the database only ever holds a
    // state the workflow was in, never a later status beside rows not yet written.
    const fields = this.recordFields();
    for (const w of writes) if (w.kind === 'event') w.fields ??= fields;
    return writes;
  }

  /** How many timeline entries and notifications this execution has made: its writes' position. */
  get position(): number {
    return this.eventSeq;
  }

  /** The record as this state has it, to set back a record found ahead (RecordRepair), copied. */
  recordRepair(): RecordRepair {
    const s = this.state;
    return {
      fields: this.recordFields(),
      sinceRound: s.objection?.lastRound ?? 0,
      tasks: s.tasks.map((t) => ({
        id: t.id,
        unit: t.unit,
        area: t.area,
        round: t.round,
        openedAt: t.openedAt,
        ...(t.dueAt ? { dueAt: t.dueAt } : {}),
        status: t.status,
        outcome: t.outcome ?? null,
        notes: t.notes ?? null,
        completedBy: t.completedBy ?? null,
        completedAt: t.completedAt ?? null,
      })),
      decisions: s.decisions.map((d) => ({
        decisionId: this.decisionId(d.round),
        round: d.round,
        escalatedAt: d.escalatedAt,
        ...(d.dueAt ? { dueAt: d.dueAt } : {}),
        decision: d.decision ?? null,
        notes: d.notes ?? null,
        units: d.units ? [...d.units] : null,
        decidedBy: d.decidedBy ?? null,
        decidedAt: d.decidedAt ?? null,
      })),
    };
  }

  private recordFields(): ComplaintFields {
    const s = this.state;
    return {
      status: s.status,
      category: s.category,
      kecamatan: s.location?.kecamatan ?? null,
      kelurahan: s.location?.kelurahan ?? null,
      dueAt: s.dueAt,
      overdue: s.overdue,
      response: s.response ?? null,
      respondedBy: s.respondedBy ?? null,
      rejectionReason: s.rejectionReason ?? null,
      closedAt: s.closedAt ?? null,
      ...(s.triageDueAt ? { triageDueAt: s.triageDueAt } : {}),
    };
  }

  /** One task per unit that has none in this round; the rows, and the notices to the units. */
  private openTasksFor(
    units: readonly Unit[],
    round: number,
  ): { rows: RecordWrite[]; notices: RecordWrite[] } {
    const s = this.state;
    const created: TaskState[] = [];
    for (const unit of units) {
      if (s.tasks.some((t) => t.round === round && t.unit === unit)) continue;
      const area =
        unit === 'KECAMATAN' ? s.location?.kecamatan : unit === 'KELURAHAN' ? s.location?.kelurahan : null;
      const task: TaskState = {
        id: `${s.complaintId}:${round}:${unit}`,
        unit,
        area: area ?? null,
        round,
        status: 'OPEN',
        openedAt: this.now(),
      };
      if (this.stageClock) task.dueAt = this.stageClock('TASK', task.openedAt, unit);
      s.tasks.push(task);
      created.push(task);
    }
    if (created.length === 0) return { rows: [], notices: [] };
    return {
      rows: [{ kind: 'tasks-opened', round, tasks: created }],
      notices: this.notify(
        'TASK_ASSIGNED',
        created.map((t) => ({ recipient: t.unit, area: t.area })),
        { round, ...this.sharedTaskDueAt(created) },
      ),
    };
  }

  /** The stage deadline of the tasks just opened, for their notice, when they all share one. */
  private sharedTaskDueAt(tasks: TaskState[]): { stageDueAt?: string } {
    const dues = new Set(tasks.map((t) => t.dueAt));
    const [only] = dues;
    return dues.size === 1 && only ? { stageDueAt: only } : {};
  }

  private decisionId(round: number): string {
    return `${this.state.complaintId}:decision:${round}`;
  }

  /** Deterministic per workflow event, so a retried activity never writes a second row. */
  private nextEventId(type: string): string {
    return `${this.workflowId}:${++this.eventSeq}:${type}`;
  }

  private event(type: string, actor: string | null, details?: Record<string, unknown>): RecordWrite {
    return { kind: 'event', eventId: this.nextEventId(type), type, actor, at: this.now(), details };
  }

  private notify(
    notification: NotificationKind,
    recipients: Recipient[],
    data: Record<string, string | number | null | undefined> = {},
  ): RecordWrite[] {
    if (recipients.length === 0) return [];
    return [
      {
        kind: 'notify',
        id: this.nextEventId(`notify-${notification}`),
        notification,
        recipients,
        data: { registerNumber: this.state.registerNumber, dueAt: this.state.dueAt, ...data },
      },
    ];
  }
}
