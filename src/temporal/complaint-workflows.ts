/**
 * The one gateway to complaint workflows: everything the API, the calendar administration and the
 * worker's reconciler ask of Temporal about complaints goes through here (start, the actions as
 * Updates, the decision signal, the state query, the calendar-change broadcast, the visibility
 * queries of the operators' view). Each call carries a deadline: without one Temporal keeps an
 * Update open until a worker runs it.
 */
import { randomUUID } from 'node:crypto';
import {
  type Client,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowExecutionDescription,
  type WorkflowExecutionInfo,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, WorkflowIdConflictPolicy } from '@temporalio/common';
import type { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import {
  type ComplaintState,
  type ComplaintWorkflowInput,
  calendarChangedSignal,
  type DecisionOutcome,
  decisionOutcomeUpdate,
  type EscalationDecisionInput,
  escalationDecisionSignal,
  type ObjectionInput,
  stateQuery,
} from '../../workflows/complaint/definitions';
import type { AppConfig } from '../config/config';
import type { Complaint } from '../db/entities';
import { CHANNEL_LABELS, type Channel } from '../domain/channels';
import { summaryComplainant } from '../domain/identity-mode';
import { SA } from './search-attributes';

/** gRPC FAILED_PRECONDITION, the code of Temporal's WorkflowNotReady. */
const FAILED_PRECONDITION = 9;

/**
 * Temporal aborts an Update that the workflow had already seen when that workflow task fails on
 * completion (seen when the workflow finishes in the activation that also delivers other Updates:
 * the task is run again without them). The Update did not happen; the caller is told to try again
 * (503), and the next try gets the case's real answer. Sending it again at once with the same ID
 * was tried and left the workflow task failing on a message the server no longer had.
 * The same when the server rejects an Update as `UnprocessedUpdate`: delivered in a workflow task
 * whose completion did not answer it (seen after the server dropped a workflow task because an
 * 11th Update arrived, see isUpdateLimitReached).
 */
export function isUpdateNotApplied(err: unknown): boolean {
  if (
    err instanceof WorkflowUpdateFailedError &&
    err.cause instanceof ApplicationFailure &&
    err.cause.type === 'UnprocessedUpdate'
  )
    return true;
  if (!(err instanceof ServiceError)) return false;
  const cause = err.cause as { code?: number; details?: string } | undefined;
  return cause?.code === FAILED_PRECONDITION && /workflow task failure/i.test(cause.details ?? '');
}

/** gRPC RESOURCE_EXHAUSTED. */
const RESOURCE_EXHAUSTED = 8;

/**
 * Temporal refuses an Update when 10 are already in flight for the same workflow
 * (`history.maxInFlightUpdates`), and drops the workflow task carrying them (their senders retry).
 * The action did not happen.
 */
export function isUpdateLimitReached(err: unknown): boolean {
  if (!(err instanceof ServiceError)) return false;
  const cause = err.cause as { code?: number; details?: string } | undefined;
  return cause?.code === RESOURCE_EXHAUSTED && /in-flight updates/i.test(cause.details ?? '');
}

/** Executes an Update with a fresh Update ID. */
export function executeUpdate<Ret, Args extends [unknown]>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  args: Args,
): Promise<Ret> {
  return handle.executeUpdate(update, { args, updateId: randomUUID() });
}

/**
 * The decisionOutcome Update only reads what became of a decision, so it is asked again when Temporal
 * aborted it (the decision itself went as a signal, which is never aborted).
 */
export async function askOutcome(handle: WorkflowHandle, requestId: string): Promise<DecisionOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await executeUpdate(handle, decisionOutcomeUpdate, [{ requestId }]);
    } catch (err) {
      if (attempt >= 5 || !isUpdateNotApplied(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export interface ComplaintWorkflowsOptions {
  taskQueue: string;
  /** Deadline of an action (an Update is only answered once a worker has run it). */
  actionTimeoutMs: number;
  /** Deadline of a start at intake; the reconciler starts what did not start in time. */
  startTimeoutMs: number;
  /** Deadline of the live state query of a read. */
  queryTimeoutMs: number;
}

/** The gateway as configured: actions wait `TEMPORAL_ACTION_TIMEOUT_SECONDS`, a start 5 s, a read 3 s. */
export function complaintWorkflowsFor(client: Client, config: AppConfig): ComplaintWorkflows {
  return new ComplaintWorkflows(client, {
    taskQueue: config.temporal.taskQueue,
    actionTimeoutMs: config.temporal.actionTimeoutMs,
    startTimeoutMs: 5_000,
    queryTimeoutMs: 3_000,
  });
}

export const COMPLAINT_WORKFLOW_TYPE = 'complaintWorkflow';
/** Visibility query of the complaint workflows still running. */
export const RUNNING_COMPLAINTS = `WorkflowType = "${COMPLAINT_WORKFLOW_TYPE}" AND ExecutionStatus = "Running"`;

export class ComplaintWorkflows {
  constructor(
    readonly client: Client,
    private readonly options: ComplaintWorkflowsOptions,
  ) {}

  /**
   * Starts the complaint's workflow; starting it again (a retry, the reconciler) is harmless because
   * the workflow ID is the complaint's and an existing run is kept.
   */
  async start(complaint: Complaint, timeoutMs = this.options.startTimeoutMs): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + timeoutMs, () =>
        this.client.workflow.start<typeof complaintWorkflow>(COMPLAINT_WORKFLOW_TYPE, {
          taskQueue: this.options.taskQueue,
          workflowId: complaint.workflowId,
          args: [workflowInputFor(complaint)],
          workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          staticSummary: staticSummaryOf(complaint),
          typedSearchAttributes: [
            { key: SA.ComplaintChannel, value: complaint.channel },
            { key: SA.ComplaintStatus, value: 'RECEIVED' },
            { key: SA.WaitingFor, value: 'TRIAGE' },
            ...(complaint.kecamatan ? [{ key: SA.Kecamatan, value: complaint.kecamatan }] : []),
          ],
        }),
      );
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /** Runs one of the complaint's actions (an Update) and answers what the workflow answered. */
  act<Ret, Args extends [unknown]>(
    workflowId: string,
    update: UpdateDefinition<Ret, Args>,
    ...args: Args
  ): Promise<Ret> {
    return this.client.withDeadline(Date.now() + this.options.actionTimeoutMs, () =>
      executeUpdate(this.client.workflow.getHandle(workflowId), update, args),
    );
  }

  /**
   * The Kepala Daerah's decision: a signal (it cannot be refused), then the Update that answers once
   * the workflow has applied or set aside that very decision (by its request id) and recorded it.
   */
  decide(workflowId: string, decision: Omit<EscalationDecisionInput, 'requestId'>): Promise<DecisionOutcome> {
    const handle = this.client.workflow.getHandle(workflowId);
    const requestId = randomUUID();
    return this.client.withDeadline(Date.now() + this.options.actionTimeoutMs, async () => {
      await handle.signal(escalationDecisionSignal, { ...decision, requestId });
      return askOutcome(handle, requestId);
    });
  }

  /** The workflow's live state. */
  state(workflowId: string): Promise<ComplaintState> {
    return this.client.withDeadline(Date.now() + this.options.queryTimeoutMs, () =>
      this.client.workflow.getHandle(workflowId).query(stateQuery),
    );
  }

  /** Tells each workflow that the holiday calendar changed; answers the IDs that could not be told. */
  async calendarChanged(workflowIds: string[]): Promise<{ workflowId: string; err: unknown }[]> {
    const failed: { workflowId: string; err: unknown }[] = [];
    for (let i = 0; i < workflowIds.length; i += 50) {
      await Promise.all(
        workflowIds.slice(i, i + 50).map(async (workflowId) => {
          try {
            await this.client.withDeadline(Date.now() + this.options.actionTimeoutMs, () =>
              this.client.workflow.getHandle(workflowId).signal(calendarChangedSignal),
            );
          } catch (err) {
            failed.push({ workflowId, err });
          }
        }),
      );
    }
    return failed;
  }

  /** Running complaint workflows matching a visibility filter (search attributes), e.g. `Overdue = true`. */
  async *running(filter?: string): AsyncIterable<WorkflowExecutionInfo> {
    yield* this.client.workflow.list({
      query: filter ? `${RUNNING_COMPLAINTS} AND ${filter}` : RUNNING_COMPLAINTS,
    });
  }

  describe(workflowId: string): Promise<WorkflowExecutionDescription> {
    return this.client.withDeadline(Date.now() + this.options.queryTimeoutMs, () =>
      this.client.workflow.getHandle(workflowId).describe(),
    );
  }

  /**
   * Whether the workflow has ended, waiting up to `waitMs` for it (asked every `pollMs`). A workflow
   * that is gone (deleted after its retention) has ended. RUNNING: it still ran at the deadline;
   * `{ unreachable }`: Temporal could not be asked.
   */
  async waitUntilEnded(
    workflowId: string,
    waitMs: number,
    pollMs = 100,
  ): Promise<'ENDED' | 'RUNNING' | { unreachable: unknown }> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        if ((await this.describe(workflowId)).status.name !== 'RUNNING') return 'ENDED';
      } catch (err) {
        return err instanceof WorkflowNotFoundError ? 'ENDED' : { unreachable: err };
      }
      if (Date.now() >= deadline) return 'RUNNING';
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Answers when Temporal and the namespace answer (health check). */
  async ping(namespace: string): Promise<void> {
    await this.client.connection.ensureConnected();
    await this.client.workflowService.describeNamespace({ namespace });
  }
}

/** What the workflow gets of a complaint: no personal data goes into Temporal's history. */
export function workflowInputFor(complaint: Complaint): ComplaintWorkflowInput {
  return {
    complaintId: complaint.id,
    registerNumber: complaint.registerNumber,
    channel: complaint.channel as Channel,
    receivedAt: complaint.receivedAt.toISOString(),
    location:
      complaint.kecamatan && complaint.kelurahan
        ? { kecamatan: complaint.kecamatan, kelurahan: complaint.kelurahan }
        : null,
    ...(complaint.objectedAt ? { objection: objectionInputFor(complaint) } : {}),
  };
}

/** The new round an objection opened, as its workflow gets it (not the reason: personal data). */
function objectionInputFor(complaint: Complaint): ObjectionInput {
  return {
    filedAt: complaint.objectedAt!.toISOString(),
    previousStatus: complaint.previousOutcome?.status ?? 'RESOLVED',
    round: 1,
    lastRound: complaint.previousOutcome?.lastRound ?? 0,
  };
}

/**
 * The line operators see in the Web UI: register number, channel, location and the identity mode;
 * no personal data (src/domain/identity-mode.ts).
 */
export function staticSummaryOf(complaint: Complaint): string {
  const complainant = summaryComplainant(complaint.identityMode);
  const location = complaint.kelurahan ?? complaint.kecamatan ?? 'lokasi belum ditentukan';
  return `Pengaduan ${complaint.registerNumber} · ${CHANNEL_LABELS[complaint.channel as Channel] ?? complaint.channel} · ${location} · ${complainant}`;
}
