import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DateTime } from 'luxon';
import { type Actor, type ComplaintState } from '../../../workflows/complaint/definitions';
import type { Complaint, ComplaintTask, Decision } from '../../db/entities';
import { type ComplaintListFilter, ComplaintRepository, TaskRepository } from '../../db/repositories';
import { calendarYearsBetween, OFFICE_ZONE, workingDaysLeft } from '../../domain/calendar';
import { isClosed } from '../../domain/complaint-rules';
import {
  identityAccess,
  identityAsSeen,
  identityModeOf,
  type StoredIdentity,
} from '../../domain/identity-mode';
import {
  canSeePersonalData as canSeePersonalDataOf,
  isOwnTask as isOwnTaskOf,
  maskName,
  maskNik,
  seesAllPersonalData,
} from '../../domain/personal-data';
import { unmaskedIdentityFields } from '../../domain/personal-data-access';
import { UNITS } from '../../domain/units';
import { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import type { Principal } from '../auth/principal';
import { badRequest, notFound, unprocessable } from '../common/api-error';
import { PersonalDataAccessService } from '../personal-data-access/personal-data-access.service';
import { ReferenceDataCache } from '../reference-data/reference-data.cache';
import { COMPLAINT_KEY_MESSAGE, complaintKeyOf, registerNumberOf } from './complaint-lookup';
import { DEFAULT_PAGE_SIZE, type ListComplaintsQueryDto } from './complaint-query.dto';
import type {
  ComplaintDetailView,
  ComplaintListView,
  ComplaintSummaryView,
  DecisionView,
  TaskView,
  TimelineEventView,
} from './complaint-views';
import { forwardedOf } from './forwarding.views';
import { objectionOpenUntil, toObjectionView } from './objection.service';

/** How long a detail read waits for the workflow's live state before answering without it. */
export const LIVE_STATE_TIMEOUT_MS = 3_000;

export const COMPLAINT_NOT_FOUND = 'Pengaduan tidak ditemukan.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---- Mapping helpers (shared with the action and task services) ---------------------------------

export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

// The masking rule itself lives in src/domain/personal-data.ts (pure, unit-tested).
export { maskName, maskNik };

/** The workflow actor for the signed-in user. */
export function actorOf(principal: Principal): Actor {
  return { username: principal.username, unit: principal.unit, area: principal.area };
}

/** Whether a task is the caller's: same unit and, for KECAMATAN/KELURAHAN, the same area. */
export function isOwnTask(principal: Principal, task: { unit: string; area?: string | null }): boolean {
  return isOwnTaskOf(principal, task);
}

/**
 * Personal data is for ADMIN and the handling units: SEKSI_PENGADUAN, LOKET, and any unit with a task
 * on the complaint (KECAMATAN/KELURAHAN only for their own area). The same rule guards evidence files.
 */
export function canSeePersonalData(
  principal: Principal,
  tasks: readonly { unit: string; area?: string | null }[],
): boolean {
  return canSeePersonalDataOf(principal, tasks);
}

export function toTaskView(task: ComplaintTask): TaskView {
  return {
    id: task.id,
    complaintId: task.complaintId,
    unit: task.unit,
    area: task.area ?? null,
    round: task.round,
    status: task.status,
    outcome: task.outcome ?? null,
    notes: task.notes ?? null,
    completedBy: task.completedBy ?? null,
    completedAt: iso(task.completedAt),
    dueAt: iso(task.dueAt),
    stageBreached: stageBreached(task.dueAt, task.status === 'OPEN' ? null : task.completedAt),
  };
}

/** Whether a stage missed its deadline: still pending after it, or done after it. */
export function stageBreached(
  dueAt: Date | null | undefined,
  doneAt: Date | null | undefined,
  now = new Date(),
): boolean {
  if (!dueAt) return false;
  return (doneAt ?? now).getTime() > dueAt.getTime();
}

/**
 * A complaint as lists show it. The NIK is always masked; the name is in full only when the caller
 * may see this complaint's personal data (`personalDataVisible`), masked like the NIK otherwise.
 */
export function toSummaryView(
  c: Complaint,
  personalDataVisible: boolean,
  viewer: Principal,
): ComplaintSummaryView {
  // RAHASIA and ANONIM override the masking rule (src/domain/identity-mode.ts).
  const seen = identityAsSeen(
    identityAccess(c.identityMode, viewer, personalDataVisible),
    complainantOf(c),
    false,
  );
  return {
    id: c.id,
    registerNumber: c.registerNumber,
    trackingCode: c.trackingCode,
    channel: c.channel,
    category: c.category ?? null,
    status: c.status,
    receivedAt: iso(c.receivedAt)!,
    dueAt: iso(c.dueAt),
    overdue: c.overdue,
    location: { kecamatan: c.kecamatan ?? null, kelurahan: c.kelurahan ?? null },
    identityMode: identityModeOf(c.identityMode),
    objectedAt: iso(c.objectedAt),
    complainant: { name: seen.name, nik: seen.nik },
  };
}

/** The stored identity of a complaint's complainant. */
function complainantOf(c: Complaint): StoredIdentity {
  return {
    name: c.complainantName,
    nik: c.complainantNik,
    address: c.complainantAddress,
    phone: c.complainantPhone,
    email: c.complainantEmail,
  };
}

function toDecisionView(d: Decision): DecisionView {
  return {
    id: d.id,
    round: d.round,
    escalatedAt: iso(d.escalatedAt)!,
    decision: d.decision ?? null,
    notes: d.notes ?? null,
    units: d.units ?? null,
    decidedBy: d.decidedBy ?? null,
    decidedAt: iso(d.decidedAt),
    dueAt: iso(d.dueAt),
    stageBreached: stageBreached(d.dueAt, d.decidedAt),
  };
}

/** Workflow events carry their sequence number in their id (`<workflowId>:<seq>:<type>`). */
function eventSequence(id: string): number {
  const match = /:(\d+):[^:]+$/.exec(id);
  return match ? Number(match[1]) : 0;
}

function unitOrder(unit: string): number {
  const index = (UNITS as readonly string[]).indexOf(unit);
  return index < 0 ? UNITS.length : index;
}

/** A date-only bound is a whole WIB day; a date-time is taken as given (WIB when it has no offset). */
function parseBound(value: string, edge: 'start' | 'end', field: string): Date {
  const parsed = DateTime.fromISO(value, { zone: OFFICE_ZONE });
  if (!parsed.isValid) throw badRequest(`Tanggal ${field} tidak valid.`);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!dateOnly) return parsed.toJSDate();
  return (edge === 'start' ? parsed.startOf('day') : parsed.endOf('day')).toJSDate();
}

export interface LiveRead {
  live: ComplaintState | null;
  liveNote?: string;
}

/**
 * Reads complaints for lists and the detail page. Lists and records come from the database (the
 * activities keep it current); the live process state comes from the workflow's `state` query.
 */
@Injectable()
export class ComplaintQueryService {
  private readonly logger = new Logger(ComplaintQueryService.name);

  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly tasks: TaskRepository,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    private readonly referenceData: ReferenceDataCache,
    private readonly accessLog: PersonalDataAccessService,
  ) {}

  async list(query: ListComplaintsQueryDto, principal: Principal): Promise<ComplaintListView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const filter: ComplaintListFilter = {};
    if (query.status) filter.status = query.status;
    if (query.category) filter.category = query.category;
    if (query.overdue !== undefined) filter.overdue = query.overdue === 'true';
    const from = query.from ? parseBound(query.from, 'start', 'awal (from)') : undefined;
    const to = query.to ? parseBound(query.to, 'end', 'akhir (to)') : undefined;
    if (from && to && from.getTime() > to.getTime())
      throw unprocessable('Tanggal awal (from) tidak boleh setelah tanggal akhir (to).');
    if (from) filter.receivedFrom = from;
    if (to) filter.receivedTo = to;
    if (query.unit) filter.unit = query.unit;
    if (query.q !== undefined) {
      const key = complaintKeyOf(query.q);
      if (!key) throw badRequest(COMPLAINT_KEY_MESSAGE);
      Object.assign(filter, key);
    }
    const { rows, total } = await this.complaints.list(
      filter,
      { limit: pageSize, offset: (page - 1) * pageSize },
      query.sort,
    );
    const visible = await this.personalDataVisibility(principal, rows);
    const items = rows.map((c) => toSummaryView(c, visible.has(c.id), principal));
    // The access log: one row per complaint whose name the page shows unmasked (one insert).
    await this.accessLog.record(
      principal,
      rows.map((c) => ({
        complaintId: c.id,
        registerNumber: c.registerNumber,
        fields: unmaskedIdentityFields(
          identityAccess(c.identityMode, principal, visible.has(c.id)),
          complainantOf(c),
          false,
        ),
      })),
    );
    return { items, total, page, pageSize };
  }

  /** The complaints of a page whose personal data the caller may see (one query for a unit's tasks). */
  private async personalDataVisibility(principal: Principal, rows: Complaint[]): Promise<Set<string>> {
    if (seesAllPersonalData(principal)) return new Set(rows.map((c) => c.id));
    if (principal.role !== 'STAFF' || !principal.unit || rows.length === 0) return new Set();
    const tasks = await this.tasks.findByComplaints(
      rows.map((c) => c.id),
      principal.unit,
    );
    return new Set(tasks.filter((t) => isOwnTask(principal, t)).map((t) => t.complaintId));
  }

  /** The complaint record, or 404 for an unknown or malformed id. */
  async findComplaint(id: string): Promise<Complaint> {
    const complaint = UUID.test(id) ? await this.complaints.findById(id) : null;
    if (!complaint) throw notFound(COMPLAINT_NOT_FOUND);
    return complaint;
  }

  /** The complaint by its id or its register number (2026/12/0007 or 2026-12-0007), or 404. */
  async findComplaintByIdOrNumber(idOrNumber: string): Promise<Complaint> {
    const registerNumber = registerNumberOf(idOrNumber);
    if (!registerNumber) return this.findComplaint(idOrNumber);
    const complaint = await this.complaints.findByRegisterNumber(registerNumber);
    if (!complaint) throw notFound(COMPLAINT_NOT_FOUND);
    return complaint;
  }

  /**
   * The detail page: record, tasks, decisions, timeline and live state. `id` is the complaint's id or
   * its register number. `live` may be passed by an action that has just received the state from the
   * workflow; otherwise it is queried.
   */
  async detail(id: string, principal: Principal, live?: ComplaintState): Promise<ComplaintDetailView> {
    const complaint = await this.findComplaintByIdOrNumber(id);
    const [tasks, decisions, events, liveRead, daysLeft] = await Promise.all([
      this.tasks.findByComplaint(complaint.id),
      this.complaints.findDecisions(complaint.id),
      this.complaints.findTimeline(complaint.id),
      live ? Promise.resolve<LiveRead>({ live }) : this.readLive(complaint.workflowId),
      this.workingDaysLeftOf(complaint),
    ]);
    tasks.sort(
      (a, b) =>
        a.round - b.round ||
        unitOrder(a.unit) - unitOrder(b.unit) ||
        String(a.area ?? '').localeCompare(String(b.area ?? '')),
    );
    events.sort(
      (a, b) =>
        a.at.getTime() - b.at.getTime() ||
        eventSequence(a.id) - eventSequence(b.id) ||
        a.id.localeCompare(b.id),
    );
    const visible = canSeePersonalData(principal, tasks);
    const summary = toSummaryView(complaint, visible, principal);
    const access = identityAccess(complaint.identityMode, principal, visible);
    const view: ComplaintDetailView = {
      // The record's status: written with each transition, with its tasks and timeline, so the page
      // shows one state throughout (the live state, possibly a write ahead, is under `live`).
      ...summary,
      complainant: identityAsSeen(access, complainantOf(complaint), true),
      personalDataVisible: visible,
      identityVisible: access === 'FULL',
      licensingService: complaint.licensingService ?? null,
      description: complaint.description,
      evidence: complaint.evidence ?? [],
      receivedBy: complaint.receivedBy ?? null,
      receivingOfficial: complaint.receivingOfficial
        ? {
            username: complaint.receivingOfficial,
            name: complaint.receivingOfficialName ?? complaint.receivingOfficial,
            eselon: complaint.receivingOfficialEselon ?? null,
          }
        : null,
      open311:
        complaint.source === 'OPEN311'
          ? {
              client: complaint.sourceClient ?? '',
              requestedCategory: complaint.requestedService ?? null,
              latitude: complaint.latitude ?? null,
              longitude: complaint.longitude ?? null,
              address: complaint.locationAddress ?? null,
            }
          : null,
      response: complaint.response ?? null,
      respondedBy: complaint.respondedBy ?? null,
      rejectionReason: complaint.rejectionReason ?? null,
      closedAt: iso(complaint.closedAt),
      forwarded: forwardedOf(events),
      workingDaysLeft: daysLeft,
      triageDueAt: iso(complaint.triageDueAt),
      privacyNotice: complaint.privacyNoticeVersion
        ? { version: complaint.privacyNoticeVersion, acknowledgedAt: iso(complaint.privacyAcknowledgedAt) }
        : null,
      tasks: tasks.map(toTaskView),
      decisions: decisions.map(toDecisionView),
      timeline: events.map(
        (e): TimelineEventView => ({
          type: e.type,
          actor: e.actor ?? null,
          at: iso(e.at)!,
          details: e.details ?? null,
        }),
      ),
      live: liveRead.live,
      ...(liveRead.liveNote ? { liveNote: liveRead.liveNote } : {}),
      objection: toObjectionView(complaint),
      objectionOpenUntil: objectionOpenUntil(complaint),
    };
    // The access log, once the data is read and before it leaves (src/domain/personal-data-access.ts).
    await this.accessLog.record(principal, [
      {
        complaintId: complaint.id,
        registerNumber: complaint.registerNumber,
        fields: unmaskedIdentityFields(access, complainantOf(complaint), true),
      },
    ]);
    return view;
  }

  /** As in the inbox (workingDaysLeft, holiday calendar); null once the complaint is closed. */
  private async workingDaysLeftOf(complaint: Complaint): Promise<number | null> {
    if (!complaint.dueAt || isClosed(complaint.status)) return null;
    const now = new Date();
    const { calendar } = await this.referenceData.calendar(calendarYearsBetween(now, complaint.dueAt));
    return workingDaysLeft(now, complaint.dueAt, calendar);
  }

  /** The workflow's state, or null with a note: a read never fails because Temporal is away. */
  async readLive(workflowId: string): Promise<LiveRead> {
    let timer: NodeJS.Timeout | undefined;
    const query = this.workflows.state(workflowId);
    const timeout = new Promise<never>((_, reject) => {
      // The gateway's deadline bounds the call; this bounds a connection that never comes up.
      timer = setTimeout(() => reject(new Error('live state query timed out')), LIVE_STATE_TIMEOUT_MS + 500);
    });
    try {
      return { live: await Promise.race([query, timeout]) };
    } catch (err) {
      query.catch(() => undefined);
      if (err instanceof WorkflowNotFoundError) {
        return {
          live: null,
          liveNote:
            'Proses pengaduan ini belum berjalan di mesin proses; data di atas berasal dari catatan terakhir.',
        };
      }
      this.logger.warn(`live state of ${workflowId} unavailable: ${err}`);
      return {
        live: null,
        liveNote:
          'Mesin proses pengaduan (Temporal) sedang tidak dapat dihubungi; data di atas berasal dari catatan terakhir.',
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
