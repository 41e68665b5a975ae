import { type EntityManager, type FilterQuery, QueryOrder, type QueryOrderMap } from '@mikro-orm/core';
// Both database drivers are SQL drivers built on @mikro-orm/knex: its EntityManager has query builders.
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { isUnit, UNITS, type Unit } from '../../domain/units';
import { AuditEvent, Complaint, ComplaintTask, Decision } from '../entities';

/** One page of a list: `limit` rows from `offset`. */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** The rows of one page and how many rows the whole list has. */
export interface Page<T> {
  rows: T[];
  total: number;
}

/** The filters of the complaint list; each one given narrows it. */
export interface ComplaintListFilter {
  status?: string;
  category?: string;
  overdue?: boolean;
  /** Received at or after. */
  receivedFrom?: Date;
  /** Received at or before. */
  receivedTo?: Date;
  /** Complaints with a task (of any round or status) for this unit. */
  unit?: string;
  /** Exactly this register number (YYYY/MM/NNNN) or tracking code. */
  registerNumber?: string;
  trackingCode?: string;
}

/** Orders of the complaint list: newest received first (default), oldest received first, due first. */
export const COMPLAINT_LIST_SORTS = ['-receivedAt', 'receivedAt', 'dueAt'] as const;
export type ComplaintListSort = (typeof COMPLAINT_LIST_SORTS)[number];

/** The only columns public tracking reads: nothing personal, no officer's username. */
export const PUBLIC_COMPLAINT_FIELDS = [
  'id',
  'trackingCode',
  'registerNumber',
  'status',
  'category',
  'licensingService',
  'channel',
  'receivedAt',
  'dueAt',
  'overdue',
  'response',
  'rejectionReason',
  // Objection (keberatan): the tracking page shows when, and the answer it set aside (never the
  // reason nor the officers: TrackingService maps them out).
  'closedAt',
  'objectedAt',
  'previousOutcome',
  'triageDueAt',
] as const satisfies readonly (keyof Complaint)[];

export type PublicComplaintRecord = Pick<Complaint, (typeof PUBLIC_COMPLAINT_FIELDS)[number]>;

/**
 * A timeline event as public tracking shows it: its type and time, and for a finished task the unit
 * that finished it. Never the event's actor or the rest of its details (notes, reasons).
 */
export interface PublicStage {
  type: string;
  at: Date;
  unit: Unit | null;
  /** A FORWARDED event: where the case went and why (what the complainant was told; no officer). */
  forwarding?: PublicForwarding;
}

export interface PublicForwarding {
  agencyName: string;
  reason: string;
  letterNumber: string;
}

/** A unit's part in a complaint as public tracking shows it: done once it has no open task. */
export interface PublicUnitProgress {
  unit: Unit;
  done: boolean;
}

/** The public part of a timeline event: for a finished task, the unit from its details, nothing else. */
export function publicStageOf(event: Pick<AuditEvent, 'type' | 'at' | 'details'>): PublicStage {
  const unit = event.type === 'TASK_COMPLETED' ? event.details?.unit : undefined;
  const stage: PublicStage = { type: event.type, at: event.at, unit: isUnit(unit) ? unit : null };
  if (event.type === 'FORWARDED') {
    const d = event.details ?? {};
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    stage.forwarding = {
      agencyName: text(d.agencyName) || text(d.agency),
      reason: text(d.reason),
      letterNumber: text(d.letterNumber),
    };
  }
  return stage;
}

/** Each unit with a task, in the SOP's order; done when none of its tasks (any round) is open. */
export function publicUnitProgressOf(tasks: Pick<ComplaintTask, 'unit' | 'status'>[]): PublicUnitProgress[] {
  return UNITS.flatMap((unit) => {
    const own = tasks.filter((t) => t.unit === unit);
    return own.length === 0 ? [] : [{ unit, done: own.every((t) => t.status === 'DONE') }];
  });
}

const ORDER_OF_SORT: Record<ComplaintListSort, QueryOrderMap<Complaint>[]> = {
  '-receivedAt': [{ receivedAt: 'desc' }, { id: 'desc' }],
  receivedAt: [{ receivedAt: 'asc' }, { id: 'asc' }],
  dueAt: [{ dueAt: QueryOrder.ASC_NULLS_LAST }, { receivedAt: 'asc' }, { id: 'asc' }],
};

/**
 * Complaint records and what hangs off a complaint (its decisions and its timeline). Every read
 * runs in a fresh fork of the EntityManager, so no identity map is shared between requests.
 */
export class ComplaintRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<Complaint | null> {
    return this.em.fork().findOne(Complaint, { id });
  }

  /** The complaint with this register number (YYYY/MM/NNNN), if any. */
  findByRegisterNumber(registerNumber: string): Promise<Complaint | null> {
    return this.em.fork().findOne(Complaint, { registerNumber });
  }

  /** The complaint with this (normalised) tracking code, if any. */
  findByTrackingCode(trackingCode: string): Promise<Complaint | null> {
    return this.em.fork().findOne(Complaint, { trackingCode });
  }

  /**
   * The complaints with any of the given workflow ids or record ids (both lists may be empty).
   */
  findByWorkflowIdsOrIds(workflowIds: string[], ids: string[]): Promise<Complaint[]> {
    return this.em.fork().find(Complaint, {
      $or: [{ workflowId: { $in: workflowIds } }, { id: { $in: ids } }],
    });
  }

  /** The complaint by its (normalised) tracking code, with the public columns only. */
  async findPublicByTrackingCode(trackingCode: string): Promise<PublicComplaintRecord | null> {
    return this.em
      .fork()
      .findOne(
        Complaint,
        { trackingCode },
        { fields: [...PUBLIC_COMPLAINT_FIELDS] },
      ) as Promise<PublicComplaintRecord | null>;
  }

  /** The complaint's timeline as public tracking shows it, oldest first. */
  async findPublicStages(complaintId: string): Promise<PublicStage[]> {
    const events = await this.em
      .fork()
      .find(
        AuditEvent,
        { complaintId },
        { fields: ['type', 'at', 'details'], orderBy: { at: 'asc', id: 'asc' } },
      );
    return events.map(publicStageOf);
  }

  /**
   * Each unit given a task on the complaint (in any round), in the SOP's order of units, and whether
   * it is done: a unit asked again (a further study, a heavier category) is not done until it
   * finishes that task too. Reads the unit and status only (no area, outcome, notes or officer).
   */
  async findPublicUnitProgress(complaintId: string): Promise<PublicUnitProgress[]> {
    const tasks = await this.em.fork().find(ComplaintTask, { complaintId }, { fields: ['unit', 'status'] });
    return publicUnitProgressOf(tasks);
  }

  /**
   * The stage deadlines public tracking shows: each unit's latest task's deadline, and the latest
   * decision's (dates only: no area, officer or outcome).
   */
  async findPublicStageDeadlines(
    complaintId: string,
  ): Promise<{ units: Map<string, Date>; decisionDueAt: Date | null }> {
    const em = this.em.fork();
    const [tasks, decisions] = await Promise.all([
      em.find(
        ComplaintTask,
        { complaintId },
        { fields: ['unit', 'round', 'dueAt'], orderBy: { round: 'asc' } },
      ),
      em.find(
        Decision,
        { complaintId },
        { fields: ['round', 'dueAt'], orderBy: { round: 'desc' }, limit: 1 },
      ),
    ]);
    const units = new Map<string, Date>();
    for (const t of tasks) if (t.dueAt) units.set(t.unit, t.dueAt);
    return { units, decisionDueAt: decisions[0]?.dueAt ?? null };
  }

  /** The complaint's timeline events, in no particular order. */
  findTimeline(complaintId: string): Promise<AuditEvent[]> {
    return this.em.fork().find(AuditEvent, { complaintId });
  }

  /** The complaint's escalations to the Kepala Daerah, by round. */
  findDecisions(complaintId: string): Promise<Decision[]> {
    return this.em.fork().find(Decision, { complaintId }, { orderBy: { round: 'asc' } });
  }

  /** Escalations still waiting for the Kepala Daerah since before `before` (at most `limit`). */
  findUndecidedEscalatedBefore(before: Date, limit = 1000): Promise<Decision[]> {
    return this.em.fork().find(Decision, { decision: null, escalatedAt: { $lt: before } }, { limit });
  }

  /** One page of complaints, newest received first unless `sort` says otherwise. */
  async list(
    filter: ComplaintListFilter,
    page: PageRequest,
    sort: ComplaintListSort = '-receivedAt',
  ): Promise<Page<Complaint>> {
    const em = this.em.fork() as SqlEntityManager;
    // Built loosely: the unit filter's sub-query is a knex query builder, which the typings do not know.
    const where: Record<string, unknown> = {};
    if (filter.status) where.status = filter.status;
    if (filter.category) where.category = filter.category;
    if (filter.overdue !== undefined) where.overdue = filter.overdue;
    if (filter.registerNumber) where.registerNumber = filter.registerNumber;
    if (filter.trackingCode) where.trackingCode = filter.trackingCode;
    const { receivedFrom: from, receivedTo: to } = filter;
    if (from || to) where.receivedAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
    if (filter.unit) {
      const withTask = em
        .createQueryBuilder(ComplaintTask, 't')
        .select('t.complaintId')
        .where({ unit: filter.unit })
        .getKnexQuery();
      where.id = { $in: withTask };
    }
    const [rows, total] = await em.findAndCount(Complaint, where as FilterQuery<Complaint>, {
      orderBy: ORDER_OF_SORT[sort],
      limit: page.limit,
      offset: page.offset,
    });
    return { rows, total };
  }
}
