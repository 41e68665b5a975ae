/**
 * In-memory stand-ins for the repositories and the Temporal gateway, so the API services can be
 * built directly (no Nest module, no database, no Temporal) in unit tests.
 */
import type { EntityManager } from '@mikro-orm/core';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { Principal } from '../../../src/api/auth/principal';
import { ApiError } from '../../../src/api/common/api-error';
import { Area, AuditEvent, Complaint, ComplaintTask, Decision } from '../../../src/db/entities';
import {
  type ComplaintListFilter,
  ComplaintRepository,
  type InboxFilter,
  type InboxRow,
  type LocationAreas,
  type Page,
  type PageRequest,
  PUBLIC_COMPLAINT_FIELDS,
  type PublicComplaintRecord,
  type PublicStage,
  type PublicUnitProgress,
  publicStageOf,
  publicUnitProgressOf,
  ReferenceDataRepository,
  TaskRepository,
  type TaskWithComplaint,
} from '../../../src/db/repositories';
import type { WorkingDayCalendar } from '../../../src/domain/calendar';
import type { Unit } from '../../../src/domain/units';
import type { ComplaintWorkflows } from '../../../src/temporal/complaint-workflows';
import type {
  ComplaintState,
  DecisionOutcome,
  EscalationDecisionInput,
  RejectionType,
} from '../../../workflows/complaint/definitions';

/** The fakes override every query; a method left out fails loudly instead of reaching a database. */
const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

const page = <T>(rows: T[], { limit, offset }: PageRequest): Page<T> => ({
  rows: rows.slice(offset, offset + limit),
  total: rows.length,
});

export class InMemoryComplaintRepository extends ComplaintRepository {
  readonly rows: Complaint[] = [];
  readonly decisions: Decision[] = [];
  readonly events: AuditEvent[] = [];
  readonly tasks: ComplaintTask[] = [];

  constructor() {
    super(NO_DATABASE);
  }

  add(...complaints: Complaint[]): this {
    this.rows.push(...complaints);
    return this;
  }

  override async findById(id: string): Promise<Complaint | null> {
    return this.rows.find((c) => c.id === id) ?? null;
  }

  override async findByWorkflowIdsOrIds(workflowIds: string[], ids: string[]): Promise<Complaint[]> {
    return this.rows.filter((c) => workflowIds.includes(c.workflowId) || ids.includes(c.id));
  }

  /** Like the database, only the public columns come back. */
  override async findPublicByTrackingCode(trackingCode: string): Promise<PublicComplaintRecord | null> {
    const c = this.rows.find((row) => row.trackingCode === trackingCode);
    if (!c) return null;
    return Object.fromEntries(
      PUBLIC_COMPLAINT_FIELDS.map((field) => [field, c[field]]),
    ) as unknown as PublicComplaintRecord;
  }

  override async findPublicStages(complaintId: string): Promise<PublicStage[]> {
    return this.events
      .filter((e) => e.complaintId === complaintId)
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id))
      .map(publicStageOf);
  }

  override async findPublicUnitProgress(complaintId: string): Promise<PublicUnitProgress[]> {
    return publicUnitProgressOf(this.tasks.filter((t) => t.complaintId === complaintId));
  }

  override async findPublicStageDeadlines(
    complaintId: string,
  ): Promise<{ units: Map<string, Date>; decisionDueAt: Date | null }> {
    const units = new Map<string, Date>();
    for (const t of this.tasks
      .filter((row) => row.complaintId === complaintId)
      .sort((a, b) => a.round - b.round))
      if (t.dueAt) units.set(t.unit, t.dueAt);
    const decision = this.decisions
      .filter((d) => d.complaintId === complaintId)
      .sort((a, b) => b.round - a.round)[0];
    return { units, decisionDueAt: decision?.dueAt ?? null };
  }

  override async findTimeline(complaintId: string): Promise<AuditEvent[]> {
    return this.events.filter((e) => e.complaintId === complaintId);
  }

  override async findDecisions(complaintId: string): Promise<Decision[]> {
    return this.decisions.filter((d) => d.complaintId === complaintId).sort((a, b) => a.round - b.round);
  }

  override async findUndecidedEscalatedBefore(before: Date, limit = 1000): Promise<Decision[]> {
    return this.decisions
      .filter((d) => d.decision == null && d.escalatedAt.getTime() < before.getTime())
      .slice(0, limit);
  }

  /** The list without the unit filter (that one is a sub-query over tasks). */
  override async list(filter: ComplaintListFilter, request: PageRequest): Promise<Page<Complaint>> {
    const rows = this.rows
      .filter(
        (c) =>
          (!filter.status || c.status === filter.status) &&
          (!filter.category || c.category === filter.category) &&
          (filter.overdue === undefined || c.overdue === filter.overdue) &&
          (!filter.receivedFrom || c.receivedAt >= filter.receivedFrom) &&
          (!filter.receivedTo || c.receivedAt <= filter.receivedTo),
      )
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id.localeCompare(a.id));
    return page(rows, request);
  }
}

export class InMemoryTaskRepository extends TaskRepository {
  readonly rows: ComplaintTask[] = [];
  /** The filters the inbox was asked for, in order. */
  readonly inboxFilters: InboxFilter[] = [];

  constructor(private readonly complaints: InMemoryComplaintRepository) {
    super(NO_DATABASE);
  }

  add(...tasks: ComplaintTask[]): this {
    this.rows.push(...tasks);
    return this;
  }

  override async findById(id: string): Promise<ComplaintTask | null> {
    return this.rows.find((t) => t.id === id) ?? null;
  }

  override async findWithComplaint(id: string): Promise<TaskWithComplaint | null> {
    const task = this.rows.find((t) => t.id === id);
    const complaint = task ? await this.complaints.findById(task.complaintId) : null;
    return task && complaint ? { task, complaint } : null;
  }

  override async findByComplaint(complaintId: string): Promise<ComplaintTask[]> {
    return this.rows.filter((t) => t.complaintId === complaintId);
  }

  override async findByComplaints(complaintIds: readonly string[], unit?: string): Promise<ComplaintTask[]> {
    return this.rows.filter((t) => complaintIds.includes(t.complaintId) && (!unit || t.unit === unit));
  }

  override async inbox(filter: InboxFilter, request: PageRequest): Promise<Page<InboxRow>> {
    this.inboxFilters.push(filter);
    const tasks = this.rows
      .filter(
        (t) =>
          t.unit === filter.unit &&
          (filter.area === undefined || t.area === filter.area) &&
          (!filter.status || t.status === filter.status),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    const { rows, total } = page(tasks, request);
    const withComplaints = await Promise.all(
      rows.map(async (task) => ({ task, complaint: await this.complaints.findById(task.complaintId) })),
    );
    return {
      rows: withComplaints.flatMap(({ task, complaint }) => (complaint ? [{ task, complaint }] : [])),
      total,
    };
  }

  override async findOpenCreatedBefore(before: Date, limit = 1000): Promise<ComplaintTask[]> {
    return this.rows
      .filter((t) => t.status === 'OPEN' && t.createdAt.getTime() < before.getTime())
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, limit);
  }
}

export class InMemoryReferenceDataRepository extends ReferenceDataRepository {
  readonly areas: Area[] = [];

  constructor() {
    super(NO_DATABASE);
  }

  addArea(code: string, level: 'KECAMATAN' | 'KELURAHAN', parentCode: string | null = null): this {
    this.areas.push(Object.assign(new Area(), { code, level, name: code, parentCode }));
    return this;
  }

  override async findLocationAreas(kecamatanCode: string, kelurahanCode: string): Promise<LocationAreas> {
    const find = (code: string, level: string) =>
      this.areas.find((a) => a.code === code && a.level === level) ?? null;
    return { kecamatan: find(kecamatanCode, 'KECAMATAN'), kelurahan: find(kelurahanCode, 'KELURAHAN') };
  }

  override async workingDayCalendar(): Promise<WorkingDayCalendar> {
    throw new Error('not needed by these unit tests');
  }
}

/** One call the services made on the Temporal gateway. */
export type GatewayCall =
  | { kind: 'act'; workflowId: string; update: string; input: unknown }
  | { kind: 'decide'; workflowId: string; decision: Omit<EscalationDecisionInput, 'requestId'> }
  | { kind: 'state'; workflowId: string };

/**
 * The complaint workflows' gateway without Temporal: records every call and answers with `reply`
 * (which may throw, as Temporal would).
 */
export class FakeComplaintWorkflows {
  readonly calls: GatewayCall[] = [];
  reply: (call: GatewayCall) => unknown = () => {
    throw new Error('the fake gateway was not told what to answer');
  };

  async act<Ret, Args extends [unknown]>(
    workflowId: string,
    update: UpdateDefinition<Ret, Args>,
    ...args: Args
  ): Promise<Ret> {
    return this.answer({ kind: 'act', workflowId, update: update.name, input: args[0] }) as Ret;
  }

  async decide(
    workflowId: string,
    decision: Omit<EscalationDecisionInput, 'requestId'>,
  ): Promise<DecisionOutcome> {
    return this.answer({ kind: 'decide', workflowId, decision }) as DecisionOutcome;
  }

  async state(workflowId: string): Promise<ComplaintState> {
    return this.answer({ kind: 'state', workflowId }) as ComplaintState;
  }

  /** As the services' constructors expect it. */
  asGateway(): ComplaintWorkflows {
    return this as unknown as ComplaintWorkflows;
  }

  private answer(call: GatewayCall): unknown {
    this.calls.push(call);
    return this.reply(call);
  }
}

/** What Temporal throws when a workflow's validator refuses an Update. */
export function workflowRefusal(type: RejectionType, message: string): WorkflowUpdateFailedError {
  return new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message }),
  );
}

/** What Temporal throws for an action on a workflow that has ended (or is not there). */
export function workflowEnded(complaint: Complaint): WorkflowNotFoundError {
  return new WorkflowNotFoundError('workflow execution already completed', complaint.workflowId, undefined);
}

// ---- Records and callers ------------------------------------------------------------------------

let sequence = 0;

export function complaintRecord(fields: Partial<Complaint> = {}): Complaint {
  sequence++;
  const id = fields.id ?? `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return Object.assign(new Complaint(), {
    id,
    registerNumber: `2026/05/${String(sequence).padStart(4, '0')}`,
    trackingCode: `TRACK${String(sequence).padStart(5, '0')}`,
    workflowId: `complaint-2026-05-${String(sequence).padStart(4, '0')}`,
    channel: 'TATAP_MUKA',
    complainantName: 'Budi Santoso',
    complainantNik: '1674011203850001',
    complainantAddress: 'Jl. Jenderal Sudirman No. 1',
    complainantPhone: '081234567890',
    complainantEmail: 'budi@example.com',
    description: 'Izin usaha belum terbit setelah 30 hari.',
    receivedAt: new Date('2026-05-04T02:00:00Z'),
    receivedBy: 'loket',
    status: 'IN_PROGRESS',
    dueAt: new Date('2026-05-18T16:59:59Z'),
    ...fields,
  });
}

export function taskRecord(
  complaint: Complaint,
  unit: Unit,
  fields: Partial<ComplaintTask> = {},
): ComplaintTask {
  return Object.assign(new ComplaintTask(), {
    id: `${complaint.id}:1:${unit}${fields.area ? `:${fields.area}` : ''}`,
    complaintId: complaint.id,
    round: 1,
    unit,
    area: null,
    status: 'OPEN',
    createdAt: new Date('2026-05-04T03:00:00Z'),
    ...fields,
  });
}

export function auditEvent(
  complaint: Complaint,
  seq: number,
  type: string,
  at: string,
  actor?: string,
  details: Record<string, unknown> | null = null,
): AuditEvent {
  return Object.assign(new AuditEvent(), {
    id: `${complaint.workflowId}:${seq}:${type}`,
    complaintId: complaint.id,
    type,
    actor: actor ?? null,
    at: new Date(at),
    details,
  });
}

export function staff(unit: Unit, username: string, area: string | null = null): Principal {
  return { sub: username, username, role: 'STAFF', unit, area, eselon: null };
}

/** A state as the workflow would answer it (only what the services read matters). */
export function liveState(complaint: Complaint, fields: Partial<ComplaintState> = {}): ComplaintState {
  return {
    complaintId: complaint.id,
    registerNumber: complaint.registerNumber,
    channel: 'TATAP_MUKA',
    status: 'IN_PROGRESS',
    waitingFor: 'TASKS',
    waitingSince: '2026-05-04T03:00:00.000Z',
    category: 'SEDANG',
    location: null,
    receivedAt: complaint.receivedAt.toISOString(),
    dueAt: complaint.dueAt!.toISOString(),
    overdue: false,
    round: 1,
    tasks: [],
    decisions: [],
    ...fields,
  };
}

/** The status and message of the ApiError a call fails with (and fails the test if it succeeds). */
export async function apiErrorOf(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiError) {
      return { status: err.getStatus(), message: (err.getResponse() as { message: string }).message };
    }
    throw err;
  }
  throw new Error('expected the call to fail with an ApiError, but it succeeded');
}
