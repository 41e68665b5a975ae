/**
 * The complaint workflow's contract: its input, live state, and the messages the API sends it.
 * Imported by the workflow, the API and the tests, so it holds types and definitions only.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Category } from '../../src/domain/categories';
import type { Channel } from '../../src/domain/channels';
import type { ComplaintStatus, RefusalType } from '../../src/domain/complaint-rules';
import type { Location } from '../../src/domain/location';
import type { Stage } from '../../src/domain/stage-deadlines';
import type { Unit } from '../../src/domain/units';

// The statuses are domain rules (src/domain/complaint-rules.ts); re-exported for existing imports.
export { COMPLAINT_STATUSES, type ComplaintStatus } from '../../src/domain/complaint-rules';

/** What an open case waits for (the Web UI's WaitingFor search attribute). */
export type WaitingFor = 'TRIAGE' | 'TASKS' | 'DECISION' | 'RESPONSE' | 'NOTHING';

export const DECISIONS = ['APPROVE', 'REJECT', 'FURTHER_STUDY'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** Who is acting, as the API authenticated them. */
export interface Actor {
  username: string;
  unit?: Unit | null;
  /** Kemendagri code of a KECAMATAN/KELURAHAN officer's area. */
  area?: string | null;
}

export interface ComplaintWorkflowInput {
  complaintId: string;
  registerNumber: string;
  channel: Channel;
  /** ISO instant the officer received the complaint; the deadline counts from its WIB date. */
  receivedAt: string;
  /** Location given at intake (triage confirms or sets it). */
  location?: Partial<Location> | null;
  /**
   * Set when this execution is the new round an objection (keberatan) opened after the first
   * handling ended: the case waits for triage again, with a deadline counted from `filedAt`.
   */
  objection?: ObjectionInput | null;
}

/**
 * An objection as the workflow gets it. Not its reason: no personal data goes into Temporal's
 * history (the reason stays on the complaint's record).
 */
export interface ObjectionInput {
  /** ISO instant the objection was filed; the new 10-working-day deadline counts from its WIB date. */
  filedAt: string;
  /** What the first handling ended as. */
  previousStatus: 'RESOLVED' | 'REJECTED';
  /** Which objection this is (1: only one is allowed). */
  round: number;
  /** The highest round of study of the first handling: the new tasks' rounds number after it. */
  lastRound: number;
}

export interface TaskState {
  id: string;
  unit: Unit;
  area: string | null;
  round: number;
  status: 'OPEN' | 'DONE';
  openedAt: string;
  outcome?: string;
  notes?: string;
  completedBy?: string;
  completedAt?: string;
  /** The task's stage deadline (executions with stage deadlines only). */
  dueAt?: string;
  /** Set once the stage deadline passed with the task still open. */
  breached?: boolean;
}

export interface DecisionState {
  round: number;
  escalatedAt: string;
  decision?: DecisionKind;
  notes?: string;
  units?: Unit[];
  decidedBy?: string;
  decidedAt?: string;
  /** The decision's stage deadline (executions with stage deadlines only). */
  dueAt?: string;
  /** Set once the stage deadline passed without a decision. */
  breached?: boolean;
}

/** A stage whose deadline passed before it was done (src/domain/stage-deadlines.ts). */
export interface StageBreach {
  stage: Stage;
  dueAt: string;
  /** When the breach was noticed (the stage timer fired). */
  at: string;
  /** TASK: the task and its unit; DECISION: the round. */
  taskId?: string;
  unit?: Unit;
  area?: string | null;
  round?: number;
}

export interface ComplaintState {
  complaintId: string;
  registerNumber: string;
  channel: Channel;
  status: ComplaintStatus;
  waitingFor: WaitingFor;
  /** When the case started waiting for what it waits for now. */
  waitingSince: string;
  category: Category | null;
  location: Location | null;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  round: number;
  tasks: TaskState[];
  decisions: DecisionState[];
  response?: string;
  respondedBy?: string;
  rejectionReason?: string;
  /** When the case was resolved or rejected. */
  closedAt?: string;
  /** Set when the deadline used a fallback holiday list rather than an official one. */
  calendarWarning?: string;
  /** The triage's stage deadline (executions with stage deadlines only). */
  triageDueAt?: string;
  /** Stage deadlines that passed, in order (executions with stage deadlines only). */
  stageBreaches?: StageBreach[];
  /** Early warnings sent, as `<percent>@<dueAt>` (executions with stage deadlines only). */
  earlyWarnings?: string[];
  /** The objection this execution handles (a new round after the first answer), if any. */
  objection?: ObjectionInput;
  /** Set when Seksi Pengaduan forwarded the case to another agency ("bukan wewenang"); it is closed. */
  forwarded?: ForwardedState;
}

/** Where a case not DPM-PTSP's business went, why, and under which outgoing letter. */
export interface ForwardedState {
  /** Code of the agency (src/domain/agencies.ts). */
  agency: string;
  /** Its name when forwarded, as the complainant was told. */
  agencyName: string;
  reason: string;
  letterNumber: string;
  forwardedBy: string;
  forwardedAt: string;
}

export interface ForwardInput {
  actor: Actor;
  /** Code of the agency (src/domain/agencies.ts). */
  agency: string;
  reason: string;
  /** Nomor surat keluar of the letter that forwards the complaint. */
  letterNumber: string;
}

export interface TriageInput {
  actor: Actor;
  category?: Category;
  location?: Location;
  notes?: string;
  reject?: { reason: string };
}

export interface CompleteTaskInput {
  actor: Actor;
  taskId: string;
  outcome: string;
  notes?: string;
}

export interface RecategoriseInput {
  actor: Actor;
  category: Category;
  reason: string;
  location?: Location;
}

export interface RespondInput {
  actor: Actor;
  response: string;
}

export interface EscalationDecisionInput {
  actor: Actor;
  decision: DecisionKind;
  notes?: string;
  /** For FURTHER_STUDY: the units that study the case again. */
  units?: Unit[];
  /**
   * Chosen by the sender so that it can ask what became of this decision (`decisionOutcome`):
   * a signal has no answer of its own.
   */
  requestId?: string;
}

/** What the workflow did with a decision signal. */
export interface DecisionOutcome {
  applied: boolean;
  /** Why it was not applied (Bahasa Indonesia), when it was not. */
  message?: string;
  /** The state once the decision and everything before it are recorded. */
  state: ComplaintState;
}

/**
 * Why an Update was refused; the ApplicationFailure `type` the validators throw, one per domain
 * RefusalType (src/domain/complaint-rules.ts). The API maps them to HTTP status codes (409, 422, 400,
 * 404, 403). These wire values are in recorded workflow histories: never change them.
 */
export const REJECTION = {
  CONFLICT: 'CONFLICT',
  RULE: 'RULE',
  INVALID: 'INVALID',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
} as const satisfies Record<RefusalType, string>;
export type RejectionType = keyof typeof REJECTION;

export const triageUpdate = defineUpdate<ComplaintState, [TriageInput]>('triage');
export const completeTaskUpdate = defineUpdate<TaskState, [CompleteTaskInput]>('completeTask');
export const recategoriseUpdate = defineUpdate<ComplaintState, [RecategoriseInput]>('recategorise');
export const respondUpdate = defineUpdate<ComplaintState, [RespondInput]>('respond');
/** Forwards a case awaiting triage to the agency whose business it is, and closes it (FORWARDED). */
export const forwardUpdate = defineUpdate<ComplaintState, [ForwardInput]>('forward');
/** The Kepala Daerah's decision on a BERAT case (a signal: the decision may come at any time). */
export const escalationDecisionSignal = defineSignal<[EscalationDecisionInput]>('escalationDecision');
/** Sent to open complaints when an admin corrects the holiday list: they recompute their deadline. */
export const calendarChangedSignal = defineSignal('calendarChanged');
/**
 * Answers once the decision signal with this requestId has been applied (or set aside) and recorded,
 * so that the API can answer a decision with the state it produced (read-your-writes).
 */
export const decisionOutcomeUpdate = defineUpdate<DecisionOutcome, [{ requestId: string }]>(
  'decisionOutcome',
);
export const stateQuery = defineQuery<ComplaintState>('state');
