import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import type { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import type { ComplaintWorkflowInput } from '../../workflows/complaint/definitions';
import type { Complaint } from '../db/entities';
import type { Channel } from '../domain/channels';
import { CHANNEL_LABELS } from '../domain/channels';
import { SA } from './search-attributes';

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
  };
}

/**
 * Starts the complaint's workflow; starting it again (a retry, the reconciler) is harmless because the
 * workflow ID is the complaint's and an existing run is kept.
 */
export async function startComplaintWorkflow(
  client: Client,
  taskQueue: string,
  complaint: Complaint,
): Promise<void> {
  try {
    await client.workflow.start<typeof complaintWorkflow>('complaintWorkflow', {
      taskQueue,
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
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * The line operators see in the Web UI: register number, channel, location and the complainant's
 * initials only (no personal data goes to Temporal).
 */
export function staticSummaryOf(complaint: Complaint): string {
  const initials = complaint.complainantName
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0].toUpperCase()}.`)
    .join('');
  const location = complaint.kelurahan ?? complaint.kecamatan ?? 'lokasi belum ditentukan';
  return `Pengaduan ${complaint.registerNumber} · ${CHANNEL_LABELS[complaint.channel as Channel] ?? complaint.channel} · ${location} · pengadu ${initials}`;
}
