import type { RecordRepair, RecordTransitionInput, TransitionWrite } from '../../activities/types';
import type { ComplaintCase, RecordWrite } from './complaint-case';
import type { SideEffects } from './side-effects';

/**
 * A call-site summary, shown on the activity in the Web UI's event history (Bahasa Indonesia, never
 * personal data). User metadata is not part of the determinism check.
 */
function summarised(summary: string) {
  return { summary };
}

/** Where a transition stands among the writes of its execution, and the state after it. */
interface Position {
  seq: NonNullable<RecordTransitionInput['seq']>;
  repair: RecordRepair;
}

export class RecordWriter {
  private last: Promise<unknown> = Promise.resolve();
  /** The position the last queued write reached (see RecordTransitionInput.seq). */
  private reached = 0;

  /**
   * Current workflows write a transition's records in one local activity (`io.usesLocal`); older
   * ones one ordinary activity per record, as they did. `converges` (executions started after it):
   * each write carries its position, and a record found ahead of it is set back to the state.
   */
  constructor(
    private readonly complaint: ComplaintCase,
    private readonly io: SideEffects,
    private readonly converges: { workflowId: string } | undefined = undefined,
  ) {}

  /**
   * Queues the writes after every earlier one. The promise settles once they, and so everything the
   * workflow did before them, are written: a handler that awaits it answers with what is recorded.
   */
  write(writes: RecordWrite[]): Promise<void> {
    // Chained straight on the previous write, whether it succeeded or failed (a failed write fails
    // the action that queued it, not the ones after it). So the next write is scheduled in the very
    // microtask turn in which the previous one ends, before a handler awaiting that one can answer:
    // within a workflow task, commands come before Update completions, always in the same order
    // (which is also the order in which the time-skipping test server records them).
    const position = this.positionOf();
    return this.run(() => this.perform(writes, position));
  }

  /**
   * Taken when the write is queued: the transition just applied made the ids up to the case's
   * position, and the state is the one the write records (later ones may be applied before it runs).
   */
  private positionOf(): Position | undefined {
    if (!this.converges) return undefined;
    const from = this.reached;
    this.reached = this.complaint.position;
    return {
      seq: { workflowId: this.converges.workflowId, from, to: this.reached },
      repair: this.complaint.recordRepair(),
    };
  }

  /**
   * Runs another local activity (the calendar load) in the same queue, so that no two local
   * activities are ever in flight together: the SDK hands concurrent local activities' results to
   * the workflow in the order they finished, but on replay in the order they were scheduled, and
   * the two orders would give different histories.
   */
  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.last.then(task, task);
    this.last = run;
    return run;
  }

  /** Settles when nothing is left to write, including writes queued while waiting. */
  async idle(): Promise<void> {
    let last: Promise<unknown>;
    do {
      last = this.last;
      await last.catch(() => undefined);
    } while (last !== this.last);
  }

  private async perform(writes: RecordWrite[], position: Position | undefined): Promise<void> {
    const { complaintId } = this.complaint.state;
    const prepared = writes.map((w) => this.prepare(w));
    if (this.io.usesLocal) {
      // One local activity, one database transaction, for the whole transition.
      if (prepared.length === 0) return;
      const options = summarised(prepared.map((p) => p.summary).join(' · '));
      const input: RecordTransitionInput = {
        complaintId,
        writes: prepared.map((p) => p.write),
        ...(position ? { seq: position.seq } : {}),
      };
      // A write the database refused a few times goes on as an ordinary activity, retried until the
      // database is back, and listed as a failing activity for the operators meanwhile.
      const result = await this.io.localFirst((a) => a.recordTransition.executeWithOptions(options, [input]));
      if (result?.recordsAhead && position) {
        // The record holds writes the history never took (a dropped workflow task): set it back to
        // this state, then write the transition.
        const repair = summarised(`Selaraskan catatan dengan proses, lalu: ${options.summary}`);
        await this.io.localFirst((a) =>
          a.recordTransition.executeWithOptions(repair, [{ ...input, repair: position.repair }]),
        );
      }
      return;
    }
    // Workflows started before recordTransition: one ordinary activity per write, as they were.
    for (const { write, summary } of prepared) await this.legacyWrite(write, summary);
  }

  private legacyWrite(w: TransitionWrite, summary: string): Promise<void> {
    const activities = this.io.ordinary;
    const options = summarised(summary);
    switch (w.kind) {
      case 'tasks-opened':
        return activities.openTasks.executeWithOptions(options, [w.input]);
      case 'task-completed':
        return activities.recordTaskCompletion.executeWithOptions(options, [w.input]);
      case 'escalated':
        return activities.recordEscalation.executeWithOptions(options, [w.input]);
      case 'decided':
        return activities.recordDecision.executeWithOptions(options, [w.input]);
      case 'event':
        return activities.recordChange.executeWithOptions(options, [w.input]);
      case 'notify':
        return activities.notify.executeWithOptions(options, [w.input]);
      case 'stage-deadlines-moved':
        // Never produced here: executions that write one record per activity have no stage deadlines.
        return Promise.resolve();
    }
  }

  /** The activity input of a write, with its summary for the Web UI. */
  private prepare(w: RecordWrite): { write: TransitionWrite; summary: string } {
    const { complaintId } = this.complaint.state;
    switch (w.kind) {
      case 'tasks-opened':
        return {
          summary: `Buka tugas putaran ${w.round} untuk: ${w.tasks.map((t) => t.unit).join(', ')}`,
          write: { kind: w.kind, input: { complaintId, tasks: w.tasks } },
        };
      case 'task-completed': {
        const t = w.task;
        return {
          summary: `Catat tugas ${t.unit} selesai (putaran ${t.round})`,
          write: {
            kind: w.kind,
            input: {
              complaintId,
              taskId: t.id,
              outcome: t.outcome ?? '',
              notes: t.notes ?? null,
              completedBy: t.completedBy ?? '',
              completedAt: t.completedAt ?? '',
            },
          },
        };
      }
      case 'escalated':
        return {
          summary: `Catat eskalasi ke Kepala Daerah (putaran ${w.decision.round})`,
          write: {
            kind: w.kind,
            input: {
              complaintId,
              decisionId: w.decisionId,
              round: w.decision.round,
              escalatedAt: w.decision.escalatedAt,
              ...(w.decision.dueAt ? { dueAt: w.decision.dueAt } : {}),
            },
          },
        };
      case 'decided': {
        const d = w.decision;
        return {
          summary: `Catat keputusan Kepala Daerah: ${d.decision} (putaran ${d.round})`,
          write: {
            kind: w.kind,
            input: {
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
          },
        };
      }
      case 'event':
        return {
          summary: `Catat riwayat: ${w.type} (${w.fields?.status ?? this.complaint.state.status})`,
          write: {
            kind: w.kind,
            input: {
              complaintId,
              eventId: w.eventId,
              type: w.type,
              actor: w.actor,
              at: w.at,
              details: w.details,
              fields: w.fields ?? {},
            },
          },
        };
      case 'stage-deadlines-moved':
        return {
          summary: `Geser batas waktu tahap (${w.tasks.length} tugas, ${w.decisions.length} keputusan) setelah koreksi hari libur`,
          write: { kind: w.kind, input: { complaintId, tasks: w.tasks, decisions: w.decisions } },
        };
      case 'notify': {
        const to = w.recipients.map((r) => r.recipient).join(', ');
        return {
          summary: `Kirim notifikasi ${w.notification} ke ${to}`,
          write: {
            kind: w.kind,
            input: { id: w.id, complaintId, kind: w.notification, recipients: w.recipients, data: w.data },
          },
        };
      }
    }
  }
}
