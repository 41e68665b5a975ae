/**
 * In-memory stand-ins for the complaint activities, for the model-based tests: the same idempotent
 * writes as activities/complaint.activities.ts, one "database" per complaint, each write taking a
 * random time (from the test case's seed). Each write also checks what the database must never see,
 * and notes a violation instead of throwing (the workflow would retry a throwing activity forever).
 */

import { Context } from '@temporalio/activity';
import { positionInWorkflow } from '../../../activities/record-transition';
import type {
  CalendarData,
  ComplaintActivities,
  ComplaintFields,
  RecordRepair,
} from '../../../activities/types';
import { defaultStageDeadlines } from '../../../src/domain/stage-deadlines';
import { withRecordTransition } from '../one-write-at-a-time';

export interface RecordedComplaint {
  fields: Partial<ComplaintFields>;
  tasks: Map<string, { unit: string; round: number; status: 'OPEN' | 'DONE'; outcome?: string }>;
  decisions: Map<string, { round: number; decision?: string }>;
  events: string[];
  notifications: Set<string>;
  violations: string[];
  /** The position the workflow's writes reached (the complaint row's record_workflow_id/record_seq). */
  position?: { workflowId: string; seq: number };
}

/** A small deterministic generator, so a case's activity delays follow from its seed. */
export function delays(seed: number, maxMs: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % (maxMs + 1);
  };
}

/** The model tests run complaint <id> as workflow `model-<id>`. */
export const workflowIdOf = (complaintId: string) => `model-${complaintId}`;
const complaintIdOf = (workflowId: string) => workflowId.replace(/^model-/, '');

export class FakeRecords {
  readonly complaints = new Map<string, RecordedComplaint>();
  /** Per complaint: the non-working dates loadCalendar returns (tests change them). */
  readonly calendars = new Map<string, string[]>();
  /** Per complaint: how long each activity takes. */
  readonly latency = new Map<string, () => number>();

  of(complaintId: string): RecordedComplaint {
    let c = this.complaints.get(complaintId);
    if (!c) {
      c = {
        fields: {},
        tasks: new Map(),
        decisions: new Map(),
        events: [],
        notifications: new Set(),
        violations: [],
      };
      this.complaints.set(complaintId, c);
    }
    return c;
  }

  forget(complaintId: string): void {
    this.complaints.delete(complaintId);
    this.calendars.delete(complaintId);
    this.latency.delete(complaintId);
  }

  private async pause(complaintId: string): Promise<void> {
    const ms = this.latency.get(complaintId)?.() ?? 0;
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  activities(): ComplaintActivities {
    const acts = this.oneWriteActivities();
    return {
      ...acts,
      // As activities/record-transition.ts: a write whose position the record is beyond writes
      // nothing and answers recordsAhead; with the state (repair), the record is set back first.
      recordTransition: async (input) => {
        const c = this.of(input.complaintId);
        const seq = input.seq;
        if (seq) {
          const at = c.position;
          const ahead = at !== undefined && at.workflowId === seq.workflowId && at.seq > seq.from;
          if (ahead && !input.repair) return { recordsAhead: true };
          if (input.repair) this.repair(c, seq, input.repair);
          c.position = { workflowId: seq.workflowId, seq: seq.to };
        }
        return acts.recordTransition({ complaintId: input.complaintId, writes: input.writes });
      },
    };
  }

  private repair(
    c: RecordedComplaint,
    seq: { workflowId: string; from: number },
    repair: RecordRepair,
  ): void {
    const beyond = (id: string) => (positionInWorkflow(seq.workflowId, id) ?? 0) > seq.from;
    c.events = c.events.filter((id) => !beyond(id));
    for (const id of [...c.notifications]) if (beyond(id)) c.notifications.delete(id);
    Object.assign(c.fields, repair.fields);
    for (const [id, t] of c.tasks) if (t.round > repair.sinceRound) c.tasks.delete(id);
    for (const t of repair.tasks)
      c.tasks.set(t.id, {
        unit: t.unit,
        round: t.round,
        status: t.status,
        ...(t.outcome !== null ? { outcome: t.outcome } : {}),
      });
    for (const [id, d] of c.decisions) if (d.round > repair.sinceRound) c.decisions.delete(id);
    for (const d of repair.decisions)
      c.decisions.set(d.decisionId, { round: d.round, ...(d.decision ? { decision: d.decision } : {}) });
  }

  private oneWriteActivities(): ComplaintActivities {
    return withRecordTransition({
      loadCalendar: async (): Promise<CalendarData> => {
        const complaintId = complaintIdOf(Context.current().info.workflowExecution?.workflowId ?? '');
        await this.pause(complaintId);
        return { nonWorkingDates: [...(this.calendars.get(complaintId) ?? [])] };
      },
      loadStageDeadlines: async () => defaultStageDeadlines(),
      recordChange: async (input) => {
        await this.pause(input.complaintId);
        const c = this.of(input.complaintId);
        if (c.events.includes(input.eventId)) return;
        c.events.push(input.eventId);
        Object.assign(c.fields, input.fields);
        const open = [...c.tasks.values()].filter((t) => t.status === 'OPEN');
        if (input.fields.status === 'RESOLVED' && open.length > 0)
          c.violations.push(`${input.type}: recorded RESOLVED with ${open.length} open task(s)`);
      },
      openTasks: async (input) => {
        await this.pause(input.complaintId);
        const c = this.of(input.complaintId);
        for (const t of input.tasks)
          if (!c.tasks.has(t.id)) c.tasks.set(t.id, { unit: t.unit, round: t.round, status: 'OPEN' });
      },
      recordTaskCompletion: async (input) => {
        await this.pause(input.complaintId);
        const c = this.of(input.complaintId);
        const task = c.tasks.get(input.taskId);
        if (!task) c.violations.push(`completion of ${input.taskId} written before its task`);
        else Object.assign(task, { status: 'DONE', outcome: input.outcome });
      },
      recordEscalation: async (input) => {
        await this.pause(input.complaintId);
        const c = this.of(input.complaintId);
        const open = [...c.tasks.entries()].filter(([, t]) => t.round <= input.round && t.status === 'OPEN');
        if (open.length > 0)
          c.violations.push(
            `escalated round ${input.round} with open tasks ${open.map(([id]) => id).join(', ')}`,
          );
        if (!c.decisions.has(input.decisionId)) c.decisions.set(input.decisionId, { round: input.round });
      },
      recordDecision: async (input) => {
        await this.pause(input.complaintId);
        const c = this.of(input.complaintId);
        const row = c.decisions.get(input.decisionId);
        if (!row) c.violations.push(`decision for round ${input.round} written without an escalation`);
        else if (row.decision !== undefined && row.decision !== input.decision)
          c.violations.push(`round ${input.round} decided twice (${row.decision}, ${input.decision})`);
        else row.decision = input.decision;
      },
      notify: async (input) => {
        await this.pause(input.complaintId);
        this.of(input.complaintId).notifications.add(input.id);
      },
    });
  }
}
