/**
 * Writes the records the complaint's transitions call for, through activities, strictly in the order
 * the transitions happened: one write at a time, whatever handler queued it. So the database never
 * sees a completion before its task, and it only ever holds a state the workflow was in: each timeline
 * event carries the complaint's fields as its transition left them.
 */
import type { ActivityInterfaceFor } from '@temporalio/workflow';
import type { ComplaintActivities } from '../../activities/types';
import type { ComplaintCase, RecordWrite } from './complaint-case';

/**
 * A call-site summary, shown on the activity in the Web UI's event history (Bahasa Indonesia, never
 * personal data). User metadata is not part of the determinism check.
 */
function summarised(summary: string) {
  return { summary };
}

export class RecordWriter {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly complaint: ComplaintCase,
    private readonly activities: ActivityInterfaceFor<ComplaintActivities>,
  ) {}

  /**
   * Queues the writes after every earlier one. The promise settles once they, and so everything the
   * workflow did before them, are written: a handler that awaits it answers with what is recorded.
   */
  write(writes: RecordWrite[]): Promise<void> {
    const go = async () => {
      for (const w of writes) await this.perform(w);
    };
    // Chained straight on the previous write, whether it succeeded or failed (a failed write fails
    // the action that queued it, not the ones after it). So the next write is scheduled in the very
    // microtask turn in which the previous one ends, before a handler awaiting that one can answer:
    // within a workflow task, commands come before Update completions, always in the same order
    // (which is also the order in which the time-skipping test server records them).
    const run = this.last.then(go, go);
    this.last = run;
    return run;
  }

  /** Settles when nothing is left to write, including writes queued while waiting. */
  async idle(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.last;
      await last.catch(() => undefined);
    } while (last !== this.last);
  }

  private async perform(w: RecordWrite): Promise<void> {
    const { activities, complaint } = this;
    const { complaintId } = complaint.state;
    switch (w.kind) {
      case 'tasks-opened':
        return activities.openTasks.executeWithOptions(
          summarised(`Buka tugas putaran ${w.round} untuk: ${w.tasks.map((t) => t.unit).join(', ')}`),
          [{ complaintId, tasks: w.tasks }],
        );
      case 'task-completed': {
        const t = w.task;
        return activities.recordTaskCompletion.executeWithOptions(
          summarised(`Catat tugas ${t.unit} selesai (putaran ${t.round})`),
          [
            {
              complaintId,
              taskId: t.id,
              outcome: t.outcome ?? '',
              notes: t.notes ?? null,
              completedBy: t.completedBy ?? '',
              completedAt: t.completedAt ?? '',
            },
          ],
        );
      }
      case 'escalated':
        return activities.recordEscalation.executeWithOptions(
          summarised(`Catat eskalasi ke Kepala Daerah (putaran ${w.decision.round})`),
          [
            {
              complaintId,
              decisionId: w.decisionId,
              round: w.decision.round,
              escalatedAt: w.decision.escalatedAt,
            },
          ],
        );
      case 'decided': {
        const d = w.decision;
        return activities.recordDecision.executeWithOptions(
          summarised(`Catat keputusan Kepala Daerah: ${d.decision} (putaran ${d.round})`),
          [
            {
              complaintId,
              decisionId: w.decisionId,
              round: d.round,
              escalatedAt: d.escalatedAt,
              decision: d.decision ?? '',
              notes: d.notes ?? null,
              units: d.units ?? null,
              decidedBy: d.decidedBy ?? '',
              decidedAt: d.decidedAt ?? '',
            },
          ],
        );
      }
      case 'event':
        return activities.recordChange.executeWithOptions(
          summarised(`Catat riwayat: ${w.type} (${w.fields?.status ?? complaint.state.status})`),
          [
            {
              complaintId,
              eventId: w.eventId,
              type: w.type,
              actor: w.actor,
              at: w.at,
              details: w.details,
              fields: w.fields ?? {},
            },
          ],
        );
      case 'notify': {
        const to = w.recipients.map((r) => r.recipient).join(', ');
        return activities.notify.executeWithOptions(
          summarised(`Kirim notifikasi ${w.notification} ke ${to}`),
          [{ id: w.id, complaintId, kind: w.notification, recipients: w.recipients, data: w.data }],
        );
      }
    }
  }
}
