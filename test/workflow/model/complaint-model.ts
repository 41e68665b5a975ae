/**
 * The model-based test of the complaint workflow: fast-check generates sequences of actions (triage,
 * task completion, re-categorisation, decision, response, holiday corrections, time passing), each
 * either awaited or left in flight while the next ones are sent, so that they interleave with each
 * other, with the deadline watcher and with activities that take random time. After every step the
 * live state is checked against the SOP's invariants; at the end of a case, once nothing is in flight,
 * the recorded "database" must equal the workflow's state and the facts the answers reported.
 */
import {
  ServiceError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import fc from 'fast-check';
import { computeDueAt, WorkingDayCalendar } from '../../../src/domain/calendar';
import { CATEGORIES, type Category, categoryRank, unitsForCategory } from '../../../src/domain/categories';
import { AREA_UNITS, type Unit } from '../../../src/domain/units';
import { askOutcome, executeUpdate, isUpdateNotApplied } from '../../../src/temporal/complaint-workflows';
import { complaintWorkflow } from '../../../workflows/complaint/complaint.workflow';
import {
  type Actor,
  type ComplaintState,
  type ComplaintStatus,
  calendarChangedSignal,
  completeTaskUpdate,
  DECISIONS,
  type DecisionKind,
  escalationDecisionSignal,
  forwardUpdate,
  REJECTION,
  recategoriseUpdate,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../../workflows/complaint/definitions';
import { delays, type FakeRecords, workflowIdOf } from './fake-records';

export const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const REFUSALS = new Set<string>(Object.values(REJECTION));

/** What the answers to the actions said happened. */
export interface Model {
  category: Category | null;
  rejected: boolean;
  responded: boolean;
  /** Forwarded to another agency ("bukan wewenang"). */
  forwarded: boolean;
  completed: Set<string>;
  decisionsApplied: number;
  holidays: string[];
}

export class Real {
  readonly pending = new Set<Promise<void>>();
  readonly problems: string[] = [];
  last!: ComplaintState;
  lastRefusal = '';
  /** Actions sent so far (a Ticket compares it). */
  sent = 0;
  /** The model the commands update (the same object asyncModelRun hands them). */
  model!: Model;
  /** The state first observed forwarded: nothing after a forwarding may change the case. */
  forwardedState?: string;

  constructor(
    readonly env: TestWorkflowEnvironment,
    readonly fake: FakeRecords,
    readonly handle: WorkflowHandle<typeof complaintWorkflow>,
    readonly complaintId: string,
  ) {}

  get idle(): boolean {
    return this.pending.size === 0;
  }

  async observe(): Promise<ComplaintState> {
    // On the real server a query that arrives while a local activity of an action runs can leave a
    // history the SDK then fails to replay (its resolution lands in the next workflow task while its
    // marker stayed in the first; README, "Known issue"). There the state is read only between
    // actions; the time-skipping server still reads it while actions are in flight.
    if (!this.env.supportsTimeSkipping && !this.idle && this.last) return this.last;
    this.last = await this.handle.query(stateQuery);
    const broken = invariantViolations(this.last);
    if (this.last.forwarded !== undefined) {
      const now = JSON.stringify(this.last);
      this.forwardedState ??= now;
      if (now !== this.forwardedState) broken.push('a forwarded case changed after its forwarding');
    }
    if (broken.length > 0)
      throw new Error(`SOP invariant broken: ${broken.join('; ')}\n${summary(this.last)}`);
    return this.last;
  }

  /** Runs an action now (wait) or leaves it in flight; a refusal is an answer, anything else a problem. */
  async send(label: string, wait: boolean, action: () => Promise<void>): Promise<void> {
    this.sent++;
    const run = action().catch((err: unknown) => {
      if (refusalType(err) === undefined)
        this.problems.push(`${label}: ${String((err as Error)?.stack ?? err)}`);
    });
    if (wait) await run;
    else {
      this.pending.add(run);
      void run.finally(() => this.pending.delete(run));
    }
  }

  /** Sends an Update the way the API does (the gateway: sent again while Temporal says not applied). */
  update<Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, opts: { args: [Arg] }): Promise<Ret> {
    return executeUpdate(this.handle, update, opts.args);
  }

  /** An action sent to a case whose workflow has ended (closed) is answered "not found": a refusal. */
  async endedAnswer(err: unknown): Promise<boolean> {
    // The test server says "not found"; the real one fails the call ("already completed").
    if (!(err instanceof WorkflowNotFoundError) && !(err instanceof ServiceError)) return false;
    const d = await this.handle.describe();
    return d.status.name === 'COMPLETED';
  }

  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    // Wait out what the workflow does on its own (deadline watcher, a holiday correction's writes):
    // idle means no activity pending and a history that stopped growing (the test server does not
    // report pending workflow tasks).
    let length = -1;
    let quiet = 0;
    for (let i = 0; i < 400; i++) {
      const d = await this.handle.describe();
      const busy = d.raw.pendingWorkflowTask || (d.raw.pendingActivities ?? []).length > 0;
      quiet = !busy && d.historyLength === length ? quiet + 1 : 0;
      if (quiet >= 3) return;
      length = d.historyLength;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the workflow never became idle');
  }
}

export function refusalType(err: unknown): string | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const type = (err.cause as { type?: string } | undefined)?.type;
  return type && REFUSALS.has(type) ? type : undefined;
}

/** The status as a plain function of the facts, written apart from the workflow's own derivation. */
export function expectedStatus(s: ComplaintState): ComplaintStatus {
  if (s.rejectionReason !== undefined) return 'REJECTED';
  if (s.response !== undefined) return 'RESOLVED';
  if (s.forwarded !== undefined) return 'FORWARDED';
  if (s.category === null) return 'RECEIVED';
  if (s.tasks.some((t) => t.status === 'OPEN')) return 'IN_PROGRESS';
  if (s.category === 'BERAT') {
    const current = s.decisions.find((d) => d.round === s.round)?.decision;
    if (current === undefined || current === 'FURTHER_STUDY') return 'AWAITING_DECISION';
  }
  return 'AWAITING_RESPONSE';
}

/** The SOP's invariants on one observed state. */
export function invariantViolations(s: ComplaintState): string[] {
  const broken: string[] = [];
  const open = s.tasks.filter((t) => t.status === 'OPEN');
  if (s.status !== expectedStatus(s))
    broken.push(`status ${s.status} but the facts say ${expectedStatus(s)}`);
  if (s.status === 'RESOLVED' && open.length > 0) broken.push(`RESOLVED with ${open.length} open task(s)`);
  const keys = s.tasks.map((t) => `${t.round}/${t.unit}`);
  if (new Set(keys).size !== keys.length)
    broken.push(`two tasks for one unit in a round: ${keys.join(', ')}`);
  for (const d of s.decisions) {
    const unfinished = s.tasks.filter((t) => t.round <= d.round && t.status === 'OPEN');
    if (unfinished.length > 0)
      broken.push(`escalated round ${d.round} while ${unfinished.map((t) => t.unit).join(', ')} still work`);
    for (const t of s.tasks.filter((t) => t.round <= d.round))
      if (t.completedAt && t.completedAt > d.escalatedAt)
        broken.push(`round ${d.round} escalated before ${t.unit} finished`);
    if (d.decidedAt && d.decidedAt < d.escalatedAt) broken.push(`round ${d.round} decided before escalation`);
  }
  const rounds = s.decisions.map((d) => d.round);
  if (new Set(rounds).size !== rounds.length) broken.push('two escalations in one round');
  if (s.decisions.some((d) => d.decision === undefined && d.round !== s.round))
    broken.push('an undecided escalation of an earlier round');
  // A BERAT case whose study is complete is with the Kepala Daerah at once.
  if (s.category === 'BERAT' && open.length === 0 && s.status !== 'REJECTED' && s.status !== 'RESOLVED')
    if (!s.decisions.some((d) => d.round === s.round)) broken.push('study complete but not escalated');
  if (s.tasks.some((t) => t.round > s.round)) broken.push('a task of a future round');
  // A forwarded case went elsewhere before triage: closed, never triaged, no task, decision or answer.
  if (s.forwarded !== undefined) {
    if (s.status !== 'FORWARDED') broken.push(`forwarded but ${s.status}`);
    if (s.category !== null || s.tasks.length > 0 || s.decisions.length > 0)
      broken.push('forwarded after triage (category, tasks or decisions)');
    if (s.response !== undefined || s.rejectionReason !== undefined)
      broken.push('forwarded and also answered or rejected');
    if (s.waitingFor !== 'NOTHING' || !s.closedAt) broken.push('forwarded but not closed');
  }
  // The new round of an objection (keberatan) studies the case in rounds after the first handling's,
  // so its tasks and decisions never take the ids of that handling's rows.
  const lastRound = s.objection?.lastRound ?? 0;
  if (s.tasks.some((t) => t.round <= lastRound) || s.decisions.some((d) => d.round <= lastRound))
    broken.push(`a round of the first handling (<= ${lastRound}) reused after the objection`);
  // Stage deadlines: every stage started has its own deadline, after its start; only a stage still
  // pending at its deadline is breached, and at most once.
  if (s.stageBreaches !== undefined) {
    if (s.dueAt && !s.triageDueAt) broken.push('registered without a triage deadline');
    for (const t of s.tasks) {
      if (!t.dueAt || t.dueAt <= t.openedAt)
        broken.push(`task ${t.unit} ${t.round} without a deadline after its opening`);
      if (t.breached && t.completedAt && t.completedAt <= t.dueAt!)
        broken.push(`task ${t.unit} ${t.round} breached though done in time`);
    }
    for (const d of s.decisions) {
      if (!d.dueAt || d.dueAt <= d.escalatedAt)
        broken.push(`decision ${d.round} without a deadline after escalation`);
      if (d.breached && d.decidedAt && d.decidedAt <= d.dueAt!)
        broken.push(`decision ${d.round} breached though given in time`);
    }
    const keys = s.stageBreaches.map((b) => `${b.stage}:${b.taskId ?? b.round ?? ''}`);
    if (new Set(keys).size !== keys.length) broken.push(`a stage breached twice: ${keys.join(', ')}`);
    for (const b of s.stageBreaches)
      if (b.at < b.dueAt) broken.push(`${b.stage} breached before its deadline`);
    const breachedTasks = s.tasks.filter((t) => t.breached).length;
    if (breachedTasks !== s.stageBreaches.filter((b) => b.stage === 'TASK').length)
      broken.push('the breached tasks and the TASK breaches disagree');
    const warned = s.earlyWarnings ?? [];
    if (new Set(warned).size !== warned.length)
      broken.push(`an early warning sent twice: ${warned.join(', ')}`);
  }
  return broken;
}

/** The first round of study of this execution: 1, or the one after the first handling's. */
export function firstRound(s: ComplaintState): number {
  return (s.objection?.lastRound ?? 0) + 1;
}

/** When the deadline counts from: the receipt, or the objection of a new round. */
export function countsFrom(s: ComplaintState): string {
  return s.objection?.filedAt ?? s.receivedAt;
}

function summary(s: ComplaintState): string {
  return JSON.stringify({
    status: s.status,
    category: s.category,
    round: s.round,
    tasks: s.tasks.map((t) => `${t.round}:${t.unit}:${t.status}`),
    decisions: s.decisions.map((d) => `${d.round}:${d.decision ?? '-'}`),
    response: s.response !== undefined,
  });
}

function actorFor(task: { unit: Unit; area: string | null }): Actor {
  return { username: `petugas-${task.unit.toLowerCase()}`, unit: task.unit, area: task.area };
}

const pengaduan: Actor = { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' };
const kabid: Actor = { username: 'kabid', unit: 'KABID_PENGADUAN' };
const walikota: Actor = { username: 'walikota' };

/**
 * The state the case had settled in when an action was sent with nothing else in flight, as long as
 * no other action has been sent since; else undefined (the answer is not predicted).
 */
interface Ticket {
  settled(): ComplaintState | undefined;
}
const UNPREDICTED: Ticket = { settled: () => undefined };

/** What a settled state makes of an action sent then: 'ok', or the refusal expected. */
type Expectation = 'ok' | 'refused';
/** An answer: as expected, or 'not-applied' (Temporal aborted it: the client is told to try again). */
type Answer = Expectation | 'not-applied';

// ---- Commands ---------------------------------------------------------------------------------------

type Cmd = fc.AsyncCommand<Model, Real>;

abstract class Action implements Cmd {
  constructor(readonly wait: boolean) {}
  check(): boolean {
    return true;
  }
  abstract label(): string;
  /** Sends the action; the ticket tells whether the answer can be predicted (see Ticket). */
  abstract act(m: Model, r: Real, ticket: Ticket): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    const settled = r.idle ? await r.observe() : undefined;
    const sentAs = r.sent + 1;
    // Only while no later action was sent: a later one may overtake it (an Update the server aborted
    // with its workflow task is sent again, after whatever was sent meanwhile).
    const ticket: Ticket = { settled: () => (r.sent === sentAs ? settled : undefined) };
    await r.send(this.label(), this.wait, () => this.act(m, r, ticket));
    await r.observe();
  }
  toString(): string {
    return `${this.label()}${this.wait ? '' : ' (in flight)'}`;
  }
}

/** Checks an answer against what the settled state before it allowed. */
function expectAnswer(r: Real, label: string, expected: Expectation | undefined, outcome: Answer): void {
  if (outcome === 'not-applied') return;
  if (expected !== undefined && expected !== outcome)
    throw new Error(
      `${label}: expected ${expected} from the settled state, got ${outcome === 'refused' ? r.lastRefusal : 'ok'}`,
    );
}

async function attempt(r: Real, run: () => Promise<unknown>): Promise<Answer> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    // Temporal aborted the Update with a failed workflow task: not applied; the API answers 503.
    if (isUpdateNotApplied(err)) {
      r.lastRefusal = 'NOT_APPLIED';
      return 'not-applied';
    }
    if (refusalType(err) !== undefined || (await r.endedAnswer(err))) {
      r.lastRefusal = `${refusalType(err) ?? 'ENDED'}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`;
      return 'refused';
    }
    throw err;
  }
}

class Triage extends Action {
  constructor(
    readonly category: Category,
    readonly reject: boolean,
    wait: boolean,
  ) {
    super(wait);
  }
  label() {
    return this.reject ? 'triage: reject' : `triage ${this.category}`;
  }
  async act(m: Model, r: Real, ticket: Ticket) {
    const outcome = await attempt(r, async () => {
      const state = await r.update(triageUpdate, {
        args: [
          this.reject
            ? { actor: pengaduan, reject: { reason: 'Di luar lingkup perizinan.' } }
            : { actor: pengaduan, category: this.category, location: LOCATION },
        ],
      });
      if (this.reject) m.rejected = true;
      else {
        // An upgrade sent at the same moment may have been answered first.
        if (m.category === null || categoryRank(this.category) > categoryRank(m.category))
          m.category = this.category;
        // Read-your-writes: the tasks are recorded when the triage is answered.
        const rows = r.fake.of(r.complaintId).tasks;
        const missing = state.tasks.filter((t) => t.round === firstRound(state) && !rows.has(t.id));
        if (missing.length > 0)
          throw new Error(`triage answered before ${missing.length} task row(s) were written`);
      }
    });
    const settled = ticket.settled();
    expectAnswer(r, this.label(), settled && (settled.status === 'RECEIVED' ? 'ok' : 'refused'), outcome);
  }
}

class CompleteTask extends Action {
  constructor(
    readonly pick: number,
    wait: boolean,
  ) {
    super(wait);
  }
  label() {
    return `complete open task #${this.pick}`;
  }
  async act(m: Model, r: Real, ticket: Ticket) {
    const tasks = r.last.tasks;
    if (tasks.length === 0) return;
    const open = tasks.filter((t) => t.status === 'OPEN');
    const task = open.length > 0 ? open[this.pick % open.length] : tasks[this.pick % tasks.length];
    const outcome = await attempt(r, async () => {
      const done = await r.update(completeTaskUpdate, {
        args: [{ actor: actorFor(task), taskId: task.id, outcome: `Ditangani ${task.unit}` }],
      });
      if (m.completed.has(done.id)) throw new Error(`task ${done.id} completed twice`);
      m.completed.add(done.id);
      if (r.fake.of(r.complaintId).tasks.get(done.id)?.status !== 'DONE')
        throw new Error(`completion of ${done.id} answered before it was recorded`);
    });
    const settled = ticket.settled();
    const open_ = settled?.tasks.find((t) => t.id === task.id)?.status === 'OPEN';
    expectAnswer(r, this.label(), settled && (open_ ? 'ok' : 'refused'), outcome);
  }
}

class Recategorise extends Action {
  constructor(
    readonly category: Category,
    wait: boolean,
  ) {
    super(wait);
  }
  label() {
    return `recategorise to ${this.category}`;
  }
  async act(m: Model, r: Real, ticket: Ticket) {
    const outcome = await attempt(r, async () => {
      const state = await r.update(recategoriseUpdate, {
        args: [{ actor: kabid, category: this.category, reason: 'Dampak lebih luas.', location: LOCATION }],
      });
      if (m.category === null || categoryRank(this.category) > categoryRank(m.category))
        m.category = this.category;
      // The answer carries the state once recorded, which may already hold a later upgrade.
      if (state.category === null || categoryRank(state.category) < categoryRank(this.category))
        throw new Error(`recategorised to ${this.category}, state says ${state.category}`);
    });
    const settled = ticket.settled();
    const allowed =
      settled &&
      settled.category !== null &&
      settled.status !== 'RESOLVED' &&
      settled.status !== 'REJECTED' &&
      categoryRank(this.category) > categoryRank(settled.category);
    expectAnswer(r, this.label(), settled && (allowed ? 'ok' : 'refused'), outcome);
  }
}

class Decide extends Action {
  private static requests = 0;
  constructor(
    readonly decision: DecisionKind,
    readonly units: Unit[],
    wait: boolean,
  ) {
    super(wait);
  }
  label() {
    return `decide ${this.decision}${this.units.length > 0 ? ` (${this.units.join(', ')})` : ''}`;
  }
  async act(m: Model, r: Real, ticket: Ticket) {
    const requestId = `req-${++Decide.requests}`;
    let applied = false;
    const answered = await attempt(r, async () => {
      await r.handle.signal(escalationDecisionSignal, {
        actor: walikota,
        decision: this.decision,
        requestId,
        ...(this.decision === 'FURTHER_STUDY' && this.units.length > 0 ? { units: this.units } : {}),
      });
      const outcome = await askOutcome(r.handle, requestId);
      applied = outcome.applied;
      if (!applied) return;
      m.decisionsApplied++;
      const decided = outcome.state.decisions.filter((d) => d.decision !== undefined).length;
      const rows = [...r.fake.of(r.complaintId).decisions.values()].filter((d) => d.decision !== undefined);
      if (rows.length < decided) throw new Error('decision answered before it was recorded');
    });
    const settled = ticket.settled();
    const expected = settled && (settled.status === 'AWAITING_DECISION' ? 'ok' : 'refused');
    expectAnswer(r, this.label(), expected, answered === 'ok' && applied ? 'ok' : 'refused');
  }
}

/** Seksi Pengaduan forwards the case to another agency ("bukan wewenang"): only while awaiting triage. */
class Forward extends Action {
  label() {
    return 'forward to another agency';
  }
  async act(m: Model, r: Real, ticket: Ticket) {
    const outcome = await attempt(r, async () => {
      const state = await r.update(forwardUpdate, {
        args: [
          {
            actor: pengaduan,
            agency: 'SP4N_LAPOR',
            reason: 'Bukan wewenang DPM-PTSP.',
            letterNumber: '500.16/1/DPMPTSP/2026',
          },
        ],
      });
      m.forwarded = true;
      if (state.status !== 'FORWARDED') throw new Error(`forward answered with status ${state.status}`);
      if (r.fake.of(r.complaintId).fields.status !== 'FORWARDED')
        throw new Error('forwarding answered before the record said FORWARDED');
    });
    const settled = ticket.settled();
    expectAnswer(r, this.label(), settled && (settled.status === 'RECEIVED' ? 'ok' : 'refused'), outcome);
  }
}

class Respond extends Action {
  label() {
    return 'respond';
  }
  async act(m: Model, r: Real, ticket: Ticket) {
    const outcome = await attempt(r, async () => {
      await r.update(respondUpdate, {
        args: [{ actor: pengaduan, response: 'Sudah ditindaklanjuti.' }],
      });
      m.responded = true;
      if (r.fake.of(r.complaintId).fields.status !== 'RESOLVED')
        throw new Error('response answered before the record said RESOLVED');
    });
    const settled = ticket.settled();
    expectAnswer(
      r,
      this.label(),
      settled && (settled.status === 'AWAITING_RESPONSE' ? 'ok' : 'refused'),
      outcome,
    );
  }
}

/** An admin adds a holiday some days after receipt; the workflow must move its deadline. */
class AddHoliday extends Action {
  constructor(
    readonly daysAfterReceipt: number,
    wait: boolean,
  ) {
    super(wait);
  }
  label() {
    return `holiday ${this.daysAfterReceipt} days after receipt`;
  }
  async act(m: Model, r: Real) {
    const day = new Date(
      new Date(countsFrom(r.last)).getTime() + (this.daysAfterReceipt * 24 + 7) * 3600_000,
    );
    const date = day.toISOString().slice(0, 10);
    if (!m.holidays.includes(date)) m.holidays.push(date);
    r.fake.calendars.set(r.complaintId, [...m.holidays]);
    await attempt(r, () => r.handle.signal(calendarChangedSignal));
  }
}

/**
 * Two or three actions sent at the same instant, with nothing in between: on a real server they
 * often arrive in one workflow activation, where one handler's first await lets the next one's
 * validator run. Their answers are not predicted (they race); the invariants and the final
 * comparison still hold them to the SOP.
 */
class Burst implements Cmd {
  constructor(
    readonly actions: Action[],
    readonly wait: boolean,
  ) {}
  check() {
    return true;
  }
  async run(m: Model, r: Real) {
    if (r.idle) await r.observe();
    const sent = this.actions.map((a) => r.send(a.label(), this.wait, () => a.act(m, r, UNPREDICTED)));
    await Promise.all(sent);
    await r.observe();
  }
  toString() {
    return `at once: ${this.actions.map((a) => a.label()).join(' + ')}${this.wait ? '' : ' (in flight)'}`;
  }
}

class TimePasses implements Cmd {
  constructor(readonly days: number) {}
  check() {
    return true;
  }
  async run(_m: Model, r: Real) {
    await r.env.sleep(this.days * 24 * 3600_000);
    await r.observe();
  }
  toString() {
    return `${this.days} days pass`;
  }
}

/**
 * The commands. Days pass only where time can be skipped; bursts only on a real server (the
 * time-skipping test server misorders the history of Updates and signals that arrive together, so
 * its histories of bursts do not replay, and a worker that has to replay one fails).
 */
export function commandArbitraries(opts: { timeSkipping: boolean }): fc.Arbitrary<Cmd>[] {
  const wait = fc.boolean();
  const category = fc.constantFrom(...CATEGORIES);
  const studyUnits = fc.subarray([...unitsForCategory('BERAT')], { maxLength: 3 });
  // Within a burst the picks are small, so two completions often aim at the same task.
  const burstAction: fc.Arbitrary<Action> = fc.oneof(
    fc.nat(2).map((pick) => new CompleteTask(pick, false)),
    fc.nat(2).map((pick) => new CompleteTask(pick, false)),
    category.map((c) => new Triage(c, false, false)),
    category.map((c) => new Recategorise(c, false)),
    fc.constantFrom(...DECISIONS).map((d) => new Decide(d, [], false)),
    fc.constant(new Respond(false)),
    fc.constant(new Forward(false)),
  );
  return [
    ...(opts.timeSkipping
      ? []
      : [
          fc
            .tuple(fc.array(burstAction, { minLength: 2, maxLength: 3 }), wait)
            .map(([actions, w]): Cmd => new Burst(actions, w)),
        ]),
    fc
      .tuple(category, fc.boolean(), wait)
      .map(([c, reject, w]) => new Triage(c, reject && c === 'RINGAN', w)),
    fc.tuple(fc.nat(20), wait).map(([pick, w]) => new CompleteTask(pick, w)),
    fc.tuple(fc.nat(20), wait).map(([pick, w]) => new CompleteTask(pick, w)),
    fc.tuple(fc.nat(20), wait).map(([pick, w]) => new CompleteTask(pick, w)),
    fc.tuple(category, wait).map(([c, w]) => new Recategorise(c, w)),
    fc
      .tuple(fc.constantFrom(...DECISIONS), studyUnits, wait)
      .map(([d, units, w]) => new Decide(d, units as Unit[], w)),
    wait.map((w) => new Respond(w)),
    wait.map((w) => new Forward(w)),
    fc.tuple(fc.integer({ min: 0, max: 13 }), wait).map(([d, w]) => new AddHoliday(d, w)),
    ...(opts.timeSkipping ? [fc.integer({ min: 1, max: 6 }).map((d): Cmd => new TimePasses(d))] : []),
  ];
}

/** After the last action: the records equal the workflow's state, and both equal what the answers said. */
export function settledMismatches(m: Model, r: Real, s: ComplaintState): string[] {
  const problems: string[] = [...r.problems];
  const db = r.fake.of(r.complaintId);
  problems.push(...db.violations);
  const f = db.fields;
  const want = {
    status: s.status,
    category: s.category,
    overdue: s.overdue,
    dueAt: s.dueAt,
    response: s.response ?? null,
    rejectionReason: s.rejectionReason ?? null,
    kecamatan: s.location?.kecamatan ?? null,
  };
  for (const [key, value] of Object.entries(want))
    if ((f as Record<string, unknown>)[key] !== value)
      problems.push(
        `record ${key} = ${JSON.stringify((f as Record<string, unknown>)[key])}, workflow ${JSON.stringify(value)}`,
      );
  const rowTasks = [...db.tasks.entries()].map(([id, t]) => `${id}:${t.status}`).sort();
  const stateTasks = s.tasks.map((t) => `${t.id}:${t.status}`).sort();
  if (JSON.stringify(rowTasks) !== JSON.stringify(stateTasks))
    problems.push(`task rows ${rowTasks.join(' ')} but workflow ${stateTasks.join(' ')}`);
  const rowDecisions = [...db.decisions.values()].map((d) => `${d.round}:${d.decision ?? '-'}`).sort();
  const stateDecisions = s.decisions.map((d) => `${d.round}:${d.decision ?? '-'}`).sort();
  if (JSON.stringify(rowDecisions) !== JSON.stringify(stateDecisions))
    problems.push(`decision rows ${rowDecisions.join(' ')} but workflow ${stateDecisions.join(' ')}`);
  // The facts the answers reported.
  if (s.category !== m.category) problems.push(`category ${s.category}, the answers said ${m.category}`);
  if ((s.response !== undefined) !== m.responded) problems.push('response differs from the answers');
  if ((s.rejectionReason !== undefined) !== m.rejected) problems.push('rejection differs from the answers');
  if ((s.forwarded !== undefined) !== m.forwarded) problems.push('forwarding differs from the answers');
  const done = s.tasks.filter((t) => t.status === 'DONE').map((t) => t.id);
  if (done.length !== m.completed.size || done.some((id) => !m.completed.has(id)))
    problems.push(`done tasks ${done.length}, completions answered ${m.completed.size}`);
  const decided = s.decisions.filter((d) => d.decision !== undefined).length;
  if (decided !== m.decisionsApplied) problems.push(`${decided} decisions, ${m.decisionsApplied} applied`);
  // Round 1 (after an objection: the first round after the first handling's) is the triage
  // category's units; a later round opens only for a study the SOP asks for.
  const round1 = s.tasks.filter((t) => t.round === firstRound(s)).map((t) => t.unit);
  const firstCategory =
    s.category && round1.length > 0 ? (round1.includes('LOKET') ? 'RINGAN' : 'SEDANG') : null;
  if (firstCategory && [...round1].sort().join() !== [...unitsForCategory(firstCategory)].sort().join())
    problems.push(`round 1 tasks ${round1.join(', ')}`);
  for (const t of s.tasks)
    if (AREA_UNITS.includes(t.unit) && t.area === null) problems.push(`${t.unit} task without an area`);
  // The deadline of an open case follows the holidays as they are now (a closed one keeps its own).
  const closed = s.status === 'RESOLVED' || s.status === 'REJECTED' || s.status === 'FORWARDED';
  const due = computeDueAt(new Date(countsFrom(s)), new WorkingDayCalendar(m.holidays)).toISOString();
  if (!closed && s.dueAt !== due) problems.push(`due ${s.dueAt}, the holidays give ${due}`);
  return problems;
}

export async function startCase(
  env: TestWorkflowEnvironment,
  fake: FakeRecords,
  taskQueue: string,
  seed: number,
): Promise<{ model: Model; real: Real }> {
  const complaintId = `c${seed.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  fake.latency.set(complaintId, delays(seed, 12));
  fake.calendars.set(complaintId, []);
  const now = await env.currentTimeMs();
  // One case in three is the new round an objection (keberatan) opened: received three weeks ago,
  // answered (or rejected) after one or two rounds of study, objected to now.
  const objection =
    seed % 3 === 0
      ? {
          filedAt: new Date(now).toISOString(),
          previousStatus: seed % 2 === 0 ? ('RESOLVED' as const) : ('REJECTED' as const),
          round: 1,
          lastRound: 1 + (seed % 2),
        }
      : undefined;
  const receivedAt = new Date(objection ? now - 21 * 86_400_000 : now).toISOString();
  const handle = await env.client.workflow.start(complaintWorkflow, {
    args: [
      {
        complaintId,
        registerNumber: `2026/12/${complaintId}`,
        channel: 'WEBSITE',
        receivedAt,
        ...(objection ? { objection } : {}),
      },
    ],
    taskQueue,
    workflowId: workflowIdOf(complaintId),
  });
  const real = new Real(env, fake, handle, complaintId);
  real.model = {
    category: null,
    rejected: false,
    responded: false,
    forwarded: false,
    completed: new Set(),
    decisionsApplied: 0,
    holidays: [],
  };
  await real.observe();
  return { model: real.model, real };
}
