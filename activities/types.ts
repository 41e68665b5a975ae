/** Inputs of the activities the complaint workflow calls. Every write is idempotent by its id. */

export interface ComplaintFields {
  status: string;
  category: string | null;
  kecamatan: string | null;
  kelurahan: string | null;
  dueAt: string;
  overdue: boolean;
  response: string | null;
  respondedBy: string | null;
  rejectionReason: string | null;
  closedAt: string | null;
  /** The triage's stage deadline (executions with stage deadlines only). */
  triageDueAt?: string | null;
}

export interface RecordChangeInput {
  complaintId: string;
  /** Deterministic per workflow event: a retried activity never adds a second timeline entry. */
  eventId: string;
  type: string;
  actor?: string | null;
  at: string;
  details?: Record<string, unknown>;
  fields: Partial<ComplaintFields>;
}

export interface OpenTasksInput {
  complaintId: string;
  tasks: {
    id: string;
    unit: string;
    area: string | null;
    round: number;
    openedAt: string;
    /** The task's stage deadline (executions with stage deadlines only). */
    dueAt?: string;
  }[];
}

export interface TaskCompletionInput {
  complaintId: string;
  taskId: string;
  outcome: string;
  notes: string | null;
  completedBy: string;
  completedAt: string;
}

export interface EscalationInput {
  complaintId: string;
  decisionId: string;
  round: number;
  escalatedAt: string;
  /** The decision's stage deadline (executions with stage deadlines only). */
  dueAt?: string;
}

export interface DecisionInput extends EscalationInput {
  decision: string;
  notes: string | null;
  units: string[] | null;
  decidedBy: string;
  decidedAt: string;
}

export const NOTIFICATION_KINDS = [
  'REGISTERED',
  'TASK_ASSIGNED',
  'ESCALATED',
  'DECIDED',
  'REMINDER',
  'OVERDUE',
  'REJECTED',
  'RESOLVED',
  'FORWARDED',
  'OBJECTED',
  'EARLY_WARNING',
  'STAGE_BREACHED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotifyInput {
  /** Deterministic; the outbox keeps one row per id and recipient. */
  id: string;
  complaintId: string;
  kind: NotificationKind;
  /** Unit codes, KEPALA_DAERAH or COMPLAINANT; area narrows KECAMATAN/KELURAHAN. */
  recipients: { recipient: string; area?: string | null }[];
  data: Record<string, string | number | null | undefined>;
}

export interface CalendarData {
  /** WIB dates (YYYY-MM-DD) that are holidays or cuti bersama. */
  nonWorkingDates: string[];
  /** Bahasa Indonesia warning when a year had no official list and the fallback was used. */
  warning?: string;
  /** The same warning per year without a list ('2027': ...); absent from older workers' results. */
  yearWarnings?: Record<string, string>;
}

/**
 * The records of one transition of the complaint (the writes of one action), in order. Written by
 * one local activity in one database transaction: the action is answered once they are all stored.
 */
export type TransitionWrite =
  | { kind: 'tasks-opened'; input: OpenTasksInput }
  | { kind: 'task-completed'; input: TaskCompletionInput }
  | { kind: 'escalated'; input: EscalationInput }
  | { kind: 'decided'; input: DecisionInput }
  | { kind: 'stage-deadlines-moved'; input: StageDeadlinesMovedInput }
  | { kind: 'event'; input: RecordChangeInput }
  | { kind: 'notify'; input: NotifyInput };

/** Pending stages whose deadlines a holiday correction moved (their rows' due dates). */
export interface StageDeadlinesMovedInput {
  complaintId: string;
  tasks: { id: string; dueAt: string }[];
  decisions: { id: string; dueAt: string }[];
}

export interface RecordTransitionInput {
  complaintId: string;
  writes: TransitionWrite[];
  /**
   * Where the transition stands among its workflow's writes (executions with converging records):
   * the record takes it only if nothing beyond `from` was written for this workflow. Something was
   * when a workflow task that had already run its local activities never reached the history (the
   * server dropped it): its records are then ahead of what the workflow did.
   */
  seq?: { workflowId: string; from: number; to: number };
  /** The workflow's state after this transition, sent when the record was found ahead (see seq). */
  repair?: RecordRepair;
}

/**
 * What a record found ahead of its workflow is set back to: the complaint's fields, and every task
 * and decision of this execution's rounds (those after `sinceRound`) as its state holds them.
 * Timeline entries and unsent notifications written beyond `seq.from` are removed.
 */
export interface RecordRepair {
  fields: ComplaintFields;
  sinceRound: number;
  tasks: (OpenTasksInput['tasks'][number] & {
    status: 'OPEN' | 'DONE';
    outcome: string | null;
    notes: string | null;
    completedBy: string | null;
    completedAt: string | null;
  })[];
  decisions: (Omit<EscalationInput, 'complaintId'> & {
    decision: string | null;
    notes: string | null;
    units: string[] | null;
    decidedBy: string | null;
    decidedAt: string | null;
  })[];
}

/** Absent when the transition was recorded; `recordsAhead` when it was not, see RecordTransitionInput. */
export type RecordTransitionResult = { recordsAhead: true } | undefined;

/** Working days per stage (src/domain/stage-deadlines.ts), as an admin set them. */
export interface StageDeadlineData {
  triage: number;
  decision: number;
  units: Record<string, number>;
}

/** The activities as the workflow sees them. */
export interface ComplaintActivities {
  loadCalendar(input: { years: number[] }): Promise<CalendarData>;
  /** The stage deadlines as an admin set them (defaults where not set). */
  loadStageDeadlines(): Promise<StageDeadlineData>;
  /** Every record of one transition, in one transaction (current workflows). */
  recordTransition(input: RecordTransitionInput): Promise<RecordTransitionResult>;
  // One write each, as ordinary activities: what workflows started before recordTransition call.
  recordChange(input: RecordChangeInput): Promise<void>;
  openTasks(input: OpenTasksInput): Promise<void>;
  recordTaskCompletion(input: TaskCompletionInput): Promise<void>;
  recordEscalation(input: EscalationInput): Promise<void>;
  recordDecision(input: DecisionInput): Promise<void>;
  notify(input: NotifyInput): Promise<void>;
}
