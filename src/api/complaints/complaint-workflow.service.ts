import { Inject, Injectable } from '@nestjs/common';
import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { DecisionOutcome, EscalationDecisionInput } from '../../../workflows/complaint/definitions';
import type { Complaint } from '../../db/entities';
import { ComplaintRepository } from '../../db/repositories';
import { checkNotClosed } from '../../domain/complaint-rules';
import {
  ComplaintWorkflows,
  isUpdateLimitReached,
  isUpdateNotApplied,
} from '../../temporal/complaint-workflows';
import { ApiError, fromTemporalError, throwIfRefused, unavailable } from '../common/api-error';

/** What an action needs of its complaint: the record and its workflow. */
type ComplaintRef = Pick<Complaint, 'id' | 'workflowId'>;

/**
 * A complaint's actions on behalf of an API request, through the gateway (which gives each call its
 * deadline, `TEMPORAL_ACTION_TIMEOUT_SECONDS`). What Temporal refuses becomes the
 * API's errors: the workflow validators' ApplicationFailures 409/422/400/404/403, an unreachable or
 * silent Temporal 503; a workflow that has already ended is a 409 with the record's reason (once
 * the workflow has ended, its closing write is in its history and the record agrees), one that has
 * not started yet a 503.
 */
@Injectable()
export class ComplaintWorkflowService {
  constructor(
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    private readonly complaints: ComplaintRepository,
  ) {}

  /** Runs one of the complaint's actions (an Update of its workflow). */
  act<Ret, Arg>(complaint: ComplaintRef, update: UpdateDefinition<Ret, [Arg]>, input: Arg): Promise<Ret> {
    return this.mapped(complaint, () => this.workflows.act(complaint.workflowId, update, input));
  }

  /** Sends the Kepala Daerah's decision and answers once the workflow applied or set it aside. */
  decide(
    complaint: ComplaintRef,
    decision: Omit<EscalationDecisionInput, 'requestId'>,
  ): Promise<DecisionOutcome> {
    return this.mapped(complaint, () => this.workflows.decide(complaint.workflowId, decision));
  }

  private async mapped<T>(complaint: ComplaintRef, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      const mapped = fromTemporalError(err);
      // The workflow may have ended while this request was on its way (another user closed the
      // case): Temporal answers "not found" or fails the call ("already completed"); the record says why.
      if (err instanceof WorkflowNotFoundError || err instanceof ServiceError) {
        const current = await this.complaints.findById(complaint.id);
        if (current) throwIfRefused(checkNotClosed(current.status));
      }
      if (err instanceof WorkflowNotFoundError) {
        throw unavailable(
          'Proses pengaduan ini belum berjalan di mesin proses. Silakan coba lagi beberapa saat lagi.',
        );
      }
      if (mapped instanceof ApiError) throw mapped;
      if (isUpdateNotApplied(err)) {
        throw unavailable(
          'Mesin proses pengaduan belum menerapkan tindakan Anda. Silakan coba lagi beberapa saat lagi.',
        );
      }
      if (isUpdateLimitReached(err)) {
        throw unavailable(
          'Terlalu banyak tindakan sedang diproses untuk pengaduan ini. Tindakan Anda belum diterapkan; silakan coba lagi beberapa saat lagi.',
        );
      }
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
        throw unavailable(
          'Mesin proses pengaduan (Temporal) tidak menjawab tepat waktu. Periksa pengaduan ini lalu coba lagi bila perlu.',
        );
      }
      throw mapped;
    }
  }
}
