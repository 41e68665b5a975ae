/**
 * Test harness for the complaint workflow on the time-skipping server: in-memory activities that
 * record what the workflow asked for, and at what (test-server) time.
 */
import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { type WorkflowHandle, WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import type {
  ComplaintActivities,
  NotifyInput,
  OpenTasksInput,
  RecordChangeInput,
  StageDeadlinesMovedInput,
} from '../../activities/types';
import { defaultStageDeadlines, type StageDeadlineSettings } from '../../src/domain/stage-deadlines';
import { complaintWorkflow } from '../../workflows/complaint/complaint.workflow';
import {
  type Actor,
  type ComplaintState,
  type ComplaintWorkflowInput,
  completeTaskUpdate,
  stateQuery,
} from '../../workflows/complaint/definitions';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { withRecordTransition } from './one-write-at-a-time';

export const TASK_QUEUE = 'complaint-test';

/** A real kelurahan of Prabumulih Barat (16.74.01), per idn-area-data. */
export const PRABUMULIH_BARAT = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };

export const actors = {
  pengaduan: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' } as Actor,
  loket: { username: 'loket', unit: 'LOKET' } as Actor,
  kabid: { username: 'kabid', unit: 'KABID_PENGADUAN' } as Actor,
  walikota: { username: 'walikota' } as Actor,
  unit: (unit: string, area: string | null = null): Actor => ({
    username: area ? `${unit === 'KECAMATAN' ? 'kec' : 'kel'}-${area}` : unit.toLowerCase(),
    unit: unit as Actor['unit'],
    area,
  }),
} satisfies Record<string, Actor | ((...args: never[]) => Actor)>;

export interface Recorded<T> {
  at: number;
  input: T;
}

export class FakeActivities {
  nonWorkingDates: string[] = [];
  /** The calendar's warning per year without a list ('2027': ...), as loadNonWorkingDates gives it. */
  yearWarnings?: Record<string, string>;
  calendarLoads: Recorded<{ years: number[] }>[] = [];
  /** The stage deadlines loadStageDeadlines answers (the defaults unless a test sets others). */
  stageDeadlines: StageDeadlineSettings = defaultStageDeadlines();
  stageDeadlineLoads = 0;
  changes: Recorded<RecordChangeInput>[] = [];
  tasksOpened: Recorded<OpenTasksInput>[] = [];
  stageDeadlinesMoved: Recorded<StageDeadlinesMovedInput>[] = [];
  notifications: Recorded<NotifyInput>[] = [];
  completions: string[] = [];
  decisions: string[] = [];
  /** How long each write takes (real milliseconds), to widen the windows between actions. */
  latencyMs = 0;

  private async pause(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
  }

  /** The test server's clock (set by createWorker). */
  clock?: () => Promise<number>;

  /**
   * Test-server time of the current write. Local activities run inside the workflow task, while the
   * server's time stands still, and carry the worker's wall-clock time, so the server is asked.
   */
  private async now(): Promise<number> {
    return this.clock ? this.clock() : Context.current().info.scheduledTimestampMs;
  }

  activities(): ComplaintActivities {
    return withRecordTransition(
      {
        loadCalendar: async (input) => {
          this.calendarLoads.push({ at: await this.now(), input });
          const warnings = this.yearWarnings;
          return {
            nonWorkingDates: [...this.nonWorkingDates],
            ...(warnings
              ? { warning: Object.values(warnings).join(' '), yearWarnings: { ...warnings } }
              : {}),
          };
        },
        loadStageDeadlines: async () => {
          this.stageDeadlineLoads++;
          return this.stageDeadlines;
        },
        recordChange: async (input) => {
          await this.pause();
          this.changes.push({ at: await this.now(), input });
        },
        openTasks: async (input) => {
          await this.pause();
          this.tasksOpened.push({ at: await this.now(), input });
        },
        recordTaskCompletion: async (input) => {
          await this.pause();
          this.completions.push(input.taskId);
        },
        recordEscalation: async (input) => {
          await this.pause();
          this.decisions.push(`escalated:${input.round}`);
        },
        recordDecision: async (input) => {
          await this.pause();
          this.decisions.push(`${input.decision}:${input.round}`);
        },
        notify: async (input) => {
          await this.pause();
          this.notifications.push({ at: await this.now(), input });
        },
      },
      async (input) => {
        this.stageDeadlinesMoved.push({ at: await this.now(), input });
      },
    );
  }

  notificationsOf(kind: NotifyInput['kind']): Recorded<NotifyInput>[] {
    return this.notifications.filter((n) => n.input.kind === kind);
  }

  eventTypes(): string[] {
    return this.changes.map((c) => c.input.type);
  }
}

// Each worker polls a task queue of its own, so a test that fails midway cannot leave a worker
// behind on the queue the next test uses.
let taskQueue = TASK_QUEUE;
let workers = 0;

export async function createWorker(env: TestWorkflowEnvironment, fake: FakeActivities): Promise<Worker> {
  taskQueue = `${TASK_QUEUE}-${++workers}`;
  fake.clock = () => env.currentTimeMs();
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: fake.activities(),
  });
}

/** The task queue of the worker createWorker made last. */
export function workerTaskQueue(): string {
  return taskQueue;
}

export function complaintInput(overrides: Partial<ComplaintWorkflowInput> = {}): ComplaintWorkflowInput {
  const n = Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');
  return {
    complaintId: randomUUID(),
    registerNumber: `2026/12/${n}`,
    channel: 'WEBSITE',
    receivedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** Starts a complaint and returns once it is registered (its deadline computed and recorded). */
export async function startComplaint(env: TestWorkflowEnvironment, input: ComplaintWorkflowInput) {
  const handle = await env.client.workflow.start(complaintWorkflow, {
    args: [input],
    taskQueue,
    workflowId: `pengaduan-${input.registerNumber.replace(/\//g, '-')}`,
  });
  // Wait until registration is recorded and the workflow is idle, waiting for triage. The
  // time-skipping server mishandles an Update that arrives while a workflow task is in flight
  // (it can hang the Update: temporalio/sdk-java#1903), which a real server does not.
  for (let i = 0; i < 200; i++) {
    const [state, description] = await Promise.all([handle.query(stateQuery), handle.describe()]);
    const busy = description.raw.pendingWorkflowTask || (description.raw.pendingActivities ?? []).length > 0;
    if (state.dueAt !== '' && !busy) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return handle;
}

/** The Monday at 09:00 WIB on or after the given instant: a fixed point to count working days from. */
export function nextMondayWib(from: number): DateTime {
  let d = DateTime.fromMillis(from, { zone: 'Asia/Jakarta' }).startOf('day').plus({ days: 1 });
  while (d.weekday !== 1) d = d.plus({ days: 1 });
  return d.set({ hour: 9 });
}

/** Runs `promise` expecting a refused Update; returns the failure's type and message. */
export async function refusal(promise: Promise<unknown>): Promise<{ type?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause as { type?: string; message: string };
      return { type: cause.type, message: cause.message };
    }
    throw err;
  }
  throw new Error('expected the Update to be refused, but it was accepted');
}

/**
 * Sends the Update that closes a complaint (response, rejection) and returns the workflow's final
 * state. The time-skipping test server can lose the result of an Update that completes in the same
 * workflow task as the workflow itself (temporalio/sdk-java#1903), so the test waits for the Update
 * to be accepted and then for the workflow's result, which carries the same state.
 */
export async function closingUpdate<Args extends [unknown]>(
  handle: WorkflowHandle<typeof complaintWorkflow>,
  update: UpdateDefinition<ComplaintState, Args>,
  options: { args: Args },
): Promise<ComplaintState> {
  await handle.startUpdate(update, { ...options, waitForStage: WorkflowUpdateStage.ACCEPTED });
  return handle.result();
}

/** Completes every open task as its own unit, one after the other; returns the state after. */
export async function completeOpenTasks(
  handle: WorkflowHandle<typeof complaintWorkflow>,
): Promise<ComplaintState> {
  const state = await handle.query(stateQuery);
  for (const task of state.tasks.filter((t) => t.status === 'OPEN'))
    await handle.executeUpdate(completeTaskUpdate, {
      args: [
        { actor: actors.unit(task.unit, task.area), taskId: task.id, outcome: `Selesai oleh ${task.unit}` },
      ],
    });
  return handle.query(stateQuery);
}
