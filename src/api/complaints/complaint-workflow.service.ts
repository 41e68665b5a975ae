import type { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Client,
  ServiceError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { AppConfig } from '../../config/config';
import { Complaint } from '../../db/entities';
import { ApiError, conflict, fromTemporalError, unavailable } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

const CLOSED_MESSAGES: Record<string, string> = {
  REJECTED: 'Pengaduan ini sudah ditolak dan ditutup.',
  RESOLVED: 'Pengaduan ini sudah selesai ditanggapi.',
};

/** A closed complaint answers every action with 409 (its workflow has ended). */
export function refuseIfClosed(complaint: Complaint): void {
  const message = CLOSED_MESSAGES[complaint.status];
  if (message) throw conflict(message);
}

/**
 * Calls to a complaint's workflow on behalf of an API request. Each call gets a deadline
 * (`TEMPORAL_ACTION_TIMEOUT_SECONDS`): an update is only answered once a worker has run it, and
 * without one Temporal would keep the request open indefinitely. What Temporal refuses becomes the
 * API's errors: the workflow validators' ApplicationFailures 409/422/400/404/403, an unreachable or
 * silent Temporal 503; a workflow that has already ended (the record says closed) is a 409, one that
 * has not started yet a 503.
 */
@Injectable()
export class ComplaintWorkflowService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async call<T>(
    em: EntityManager,
    complaint: Complaint,
    call: (handle: WorkflowHandle) => Promise<T>,
  ): Promise<T> {
    const handle = this.temporal.workflow.getHandle(complaint.workflowId);
    try {
      return await this.temporal.withDeadline(Date.now() + this.config.temporal.actionTimeoutMs, () =>
        call(handle),
      );
    } catch (err) {
      const mapped = fromTemporalError(err);
      // The workflow may have ended while this request was on its way (another user closed the
      // case): Temporal answers "not found" or fails the call ("already completed"); the record says why.
      if (err instanceof WorkflowNotFoundError || err instanceof ServiceError) {
        const current = await em.fork().findOne(Complaint, { id: complaint.id });
        if (current) refuseIfClosed(current);
      }
      if (err instanceof WorkflowNotFoundError) {
        throw unavailable(
          'Proses pengaduan ini belum berjalan di mesin proses. Silakan coba lagi beberapa saat lagi.',
        );
      }
      if (mapped instanceof ApiError) throw mapped;
      if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
        throw unavailable(
          'Mesin proses pengaduan (Temporal) tidak menjawab tepat waktu. Periksa pengaduan ini lalu coba lagi bila perlu.',
        );
      }
      throw mapped;
    }
  }
}
