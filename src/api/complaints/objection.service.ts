import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Complaint } from '../../db/entities';
import { ObjectionRepository } from '../../db/repositories/objection.repository';
import {
  canObject,
  checkObjection,
  type ObjectableStatus,
  objectionDeadline,
  type PreviousOutcome,
} from '../../domain/objection';
import { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import { workflowIdForObjection } from '../../temporal/ids';
import { conflict, throwIfRefused, unavailable } from '../common/api-error';
import type { ObjectionView, TrackingObjectionDto } from './objection.dto';

/** Only one objection is accepted, so the new round is always the first. */
const OBJECTION_ROUND = 1;

/**
 * Objection (keberatan, src/domain/objection.ts): the complainant, from the tracking page, or the
 * front desk on their behalf, objects to the answer; the case reopens as a new round.
 *
 * Durability: the objection is written to the complaint's record first (with the new round's
 * workflow ID, the status back to RECEIVED and the answer it sets aside kept in previousOutcome),
 * in one conditional UPDATE that only a closed case without an objection matches, so of two
 * objections at once exactly one wins. Then the new round's workflow is started; if that fails, the
 * worker's reconciler starts it (it looks for objections without their OBJECTED timeline event).
 * An objection answered 201 is never lost.
 */
@Injectable()
export class ObjectionService {
  private readonly logger = new Logger(ObjectionService.name);

  constructor(
    private readonly objections: ObjectionRepository,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
  ) {}

  /** Files the objection; answers the complaint's record as it is now (open again). */
  async file(complaint: Complaint, reason: string, filedBy: string | null): Promise<Complaint> {
    const now = new Date();
    throwIfRefused(checkObjection(complaint, reason, now));
    await this.refuseWhileFirstHandlingRuns(complaint);
    const status = complaint.status as ObjectableStatus;
    const previousOutcome: PreviousOutcome = {
      status,
      response: complaint.response ?? null,
      respondedBy: complaint.respondedBy ?? null,
      rejectionReason: complaint.rejectionReason ?? null,
      closedAt: complaint.closedAt!.toISOString(),
      dueAt: complaint.dueAt?.toISOString() ?? null,
      category: complaint.category ?? null,
      overdue: complaint.overdue,
      lastRound: await this.lastRound(complaint.id),
    };
    const changes = {
      objectedAt: now,
      objectionReason: reason.trim(),
      objectedBy: filedBy,
      previousWorkflowId: complaint.workflowId,
      previousOutcome,
      workflowId: workflowIdForObjection(complaint.registerNumber, OBJECTION_ROUND),
      // Open again, waiting for triage; the new round's workflow writes its deadline and category.
      status: 'RECEIVED',
      category: null,
      dueAt: null,
      // The first handling's triage deadline is not the new round's (ops/stuck would list it late).
      triageDueAt: null,
      overdue: false,
      response: null,
      respondedBy: null,
      rejectionReason: null,
      closedAt: null,
    };
    const reopened = await this.objections.reopenForObjection(complaint.id, changes);
    if (!reopened) {
      // Another objection (or action) came first: answer with what the record says now.
      const current = await this.objections.findComplaint(complaint.id);
      if (current) throwIfRefused(checkObjection(current, reason, now));
      throw conflict(
        'Keberatan atas pengaduan ini sudah pernah diajukan. Keberatan hanya dapat diajukan satu kali.',
      );
    }
    try {
      await this.workflows.start(reopened);
    } catch (err) {
      this.logger.warn(
        `objection to ${reopened.registerNumber} saved; its new round will be started by the reconciler: ${err}`,
      );
    }
    return reopened;
  }

  /**
   * How long an objection waits for the first handling's workflow to end: it ends moments after the
   * closing action (in a workflow task of its own). Replaced by unit tests.
   */
  firstHandlingEndWaitMs = 5_000;

  /**
   * The record says the case is closed; its workflow must have ended too before a new round starts
   * beside it. The record can be ahead of the workflow: a closing write by a workflow task that was
   * then lost stays until the action is sent again or the workflow's next write sets it back. A
   * workflow that is gone (retention) has ended. When Temporal cannot be asked, the objection is
   * taken as before (nothing the complainant submits is refused for an outage): the closing write
   * is then almost always the workflow's own.
   */
  private async refuseWhileFirstHandlingRuns(complaint: Complaint): Promise<void> {
    const ended = await this.workflows.waitUntilEnded(complaint.workflowId, this.firstHandlingEndWaitMs);
    if (ended === 'RUNNING')
      throw unavailable(
        'Penanganan pengaduan ini belum selesai dicatat di mesin proses. Keberatan Anda belum diterima; silakan coba lagi beberapa saat lagi.',
      );
    if (ended !== 'ENDED')
      this.logger.warn(`could not ask whether ${complaint.workflowId} has ended: ${ended.unreachable}`);
  }

  /** The highest round of study the first handling reached (tasks or decisions), 0 if none. */
  private async lastRound(complaintId: string): Promise<number> {
    return Math.max(0, ...(await this.objections.findRoundsOfStudy(complaintId)));
  }
}

/** Until when the complainant may object, while they still may (the domain's rule); null otherwise. */
export function objectionOpenUntil(
  complaint: Pick<Complaint, 'status' | 'closedAt' | 'objectedAt'>,
  now = new Date(),
): string | null {
  return complaint.closedAt && canObject(complaint, now)
    ? objectionDeadline(complaint.closedAt).toISOString()
    : null;
}

/** The objection on the case detail page (staff). */
export function toObjectionView(complaint: Complaint): ObjectionView | null {
  if (!complaint.objectedAt) return null;
  const p = complaint.previousOutcome;
  return {
    filedAt: complaint.objectedAt.toISOString(),
    reason: complaint.objectionReason ?? '',
    filedBy: complaint.objectedBy ?? null,
    round: OBJECTION_ROUND,
    previousWorkflowId: complaint.previousWorkflowId ?? null,
    previousOutcome: p
      ? {
          status: p.status,
          response: p.response,
          respondedBy: p.respondedBy,
          rejectionReason: p.rejectionReason,
          closedAt: p.closedAt,
          dueAt: p.dueAt,
          category: p.category,
          overdue: p.overdue,
        }
      : null,
  };
}

/** The objection on the public tracking page: no reason, no officer. */
export function toTrackingObjection(
  complaint: Pick<Complaint, 'objectedAt' | 'previousOutcome'>,
): TrackingObjectionDto | null {
  if (!complaint.objectedAt || !complaint.previousOutcome) return null;
  const p = complaint.previousOutcome;
  return {
    filedAt: complaint.objectedAt.toISOString(),
    previousStatus: p.status,
    previousResponse: p.status === 'RESOLVED' ? p.response : null,
    previousRejectionReason: p.status === 'REJECTED' ? p.rejectionReason : null,
    previousClosedAt: p.closedAt,
  };
}
