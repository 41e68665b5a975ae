/**
 * One complaint, from registration to the response, as the SOP prescribes:
 * triage -> one task per required unit -> (BERAT) the Kepala Daerah's decision -> response,
 * with a durable 10-working-day deadline running alongside.
 *
 * Concurrency rule: a handler checks, then applies its whole transition synchronously
 * (ComplaintCase), and only then awaits the writing of its records (RecordWriter, in order). So
 * validators, other handlers and the deadline watcher only ever see complete states, and an action
 * is answered once it and everything before it are recorded (read-your-writes).
 *
 * Workflow code must be deterministic: time comes from the workflow clock, ids from counters, and
 * every read or write of the outside world goes through an activity.
 */
import {
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { ComplaintCase, type RecordWrite, refuse } from './complaint-case';
import { DeadlineWatcher } from './deadline-watcher';
import {
  type ComplaintState,
  type ComplaintWorkflowInput,
  calendarChangedSignal,
  completeTaskUpdate,
  type DecisionOutcome,
  decisionOutcomeUpdate,
  escalationDecisionSignal,
  forwardUpdate,
  recategoriseUpdate,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from './definitions';
import { complaintWorkflowV1 } from './legacy/complaint-v1.workflow';
import { Presentation } from './presentation';
import { RecordWriter } from './record-writer';
import { sideEffects } from './side-effects';
import { StageWatcher, stageClockFor } from './stage-watcher';

export async function complaintWorkflow(input: ComplaintWorkflowInput): Promise<ComplaintState> {
  // Executions started before this code keep running (and replaying) the code they started with.
  if (!patched('actions-apply-atomically')) return complaintWorkflowV1(input);

  // Executions started before records went through local activities keep ordinary ones.
  const io = sideEffects(patched('records-in-local-activities'));
  // Asked at the start, with the other patches, so that its marker never lands among the Update
  // answers of the closing workflow task (the time-skipping test server reorders those).
  const completesInOwnTask = patched('completes-in-own-workflow-task');
  // Executions started before the responder's unit was checked against the category do not check it.
  const checksResponder = patched('responder-by-category');
  // Executions started before this rule carry the warning of every year loaded without a list (a
  // December complaint due in December was warned about next year); later ones only of the years
  // the deadline's working days reach.
  const warnsOnlyForCountedYears = patched('calendar-warning-for-counted-years');
  // Executions started before forwarding ("bukan wewenang") existed have no forward Update: one sent
  // to them is refused as unknown, as it was. Asked here with the others, as forwarding closes the case.
  const forwards = patched('forward-to-agency');
  // Executions started before stage deadlines have none: no stage timers, no early warnings.
  const hasStageDeadlines = patched('stage-deadlines');
  // Executions started before stage deadlines followed holiday corrections keep theirs when the
  // 10-day deadline moves.
  const stagesFollowCalendar = hasStageDeadlines && patched('stage-deadlines-follow-holidays');
  // Executions started before records converged write without their position: records a dropped
  // workflow task left written stay as they are.
  const convergesRecords = patched('records-converge');

  const { workflowId } = workflowInfo();
  const complaint = new ComplaintCase(input, workflowId, () => new Date().toISOString());
  const writer = new RecordWriter(complaint, io, convergesRecords ? { workflowId } : undefined);
  const presentation = new Presentation(complaint);
  /** Applies a transition's records: the Web UI view at once, the database in order. */
  const apply = (writes: RecordWrite[]): Promise<void> => {
    presentation.refresh();
    stages?.refresh();
    return writer.write(writes);
  };
  // Executions started before this rule load the calendar beside the writes, as they did.
  const loadCalendar = patched('one-local-activity-at-a-time')
    ? (years: number[]) => writer.run(() => io.loadCalendar(years))
    : io.loadCalendar;
  const deadline = new DeadlineWatcher(complaint, loadCalendar, apply, warnsOnlyForCountedYears);
  const stages = hasStageDeadlines
    ? new StageWatcher(complaint, () => deadline.currentCalendar, apply)
    : undefined;

  /** Becomes true once the deadline is known; actions that arrive earlier wait for it. */
  let registered = false;
  /**
   * Checks an action and applies its whole transition in one synchronous step, then awaits its
   * records. The check runs again here, after the validator: between the validator and this point
   * the handler may have waited (for registration), and even an await of nothing lets every other
   * handler of the same activation run first (two completions of one task, for instance).
   */
  async function act<T>(
    check: () => void,
    transition: () => { writes: RecordWrite[]; result: T },
  ): Promise<T> {
    if (!registered) await condition(() => registered);
    check();
    const { writes, result } = transition();
    await apply(writes);
    return result;
  }
  const withState = (writes: RecordWrite[]) => ({ writes, result: complaint.state });

  setHandler(stateQuery, () => complaint.state);

  setHandler(
    triageUpdate,
    (triage) =>
      act(
        () => complaint.checkTriage(triage),
        () => withState(complaint.triage(triage)),
      ),
    { validator: (triage) => complaint.checkTriage(triage) },
  );

  setHandler(
    completeTaskUpdate,
    (completion) =>
      act(
        () => complaint.checkCompletion(completion),
        () => {
          const { task, writes } = complaint.completeTask(completion);
          return { writes, result: task };
        },
      ),
    { validator: (completion) => complaint.checkCompletion(completion) },
  );

  setHandler(
    recategoriseUpdate,
    (change) =>
      act(
        () => complaint.checkRecategorisation(change),
        () => withState(complaint.recategorise(change)),
      ),
    { validator: (change) => complaint.checkRecategorisation(change) },
  );

  setHandler(
    respondUpdate,
    (response) =>
      act(
        () => complaint.checkResponse(response, checksResponder),
        () => withState(complaint.respond(response)),
      ),
    { validator: (response) => complaint.checkResponse(response, checksResponder) },
  );

  if (forwards)
    setHandler(
      forwardUpdate,
      (forward) =>
        act(
          () => complaint.checkForward(forward),
          () => withState(complaint.forward(forward)),
        ),
      { validator: (forward) => complaint.checkForward(forward) },
    );

  // The decision is a signal (it cannot be refused): applied at once when the case awaits it, else
  // set aside. The sender learns which, once recorded, through the decisionOutcome Update.
  const decisions = new Map<string, { applied: boolean; message?: string; written: Promise<void> }>();
  setHandler(escalationDecisionSignal, (given) => {
    const result = complaint.decide(given);
    const written = apply(result.writes);
    if (given.requestId) decisions.set(given.requestId, { ...result, written });
  });

  setHandler(
    decisionOutcomeUpdate,
    async ({ requestId }): Promise<DecisionOutcome> => {
      await condition(() => decisions.has(requestId) || complaint.isClosed());
      const outcome = decisions.get(requestId);
      if (!outcome)
        return {
          applied: false,
          message: 'Keputusan ini tidak diterima oleh proses pengaduan.',
          state: complaint.state,
        };
      await outcome.written;
      return { applied: outcome.applied, message: outcome.message, state: complaint.state };
    },
    {
      validator: ({ requestId }) => {
        if (typeof requestId !== 'string' || requestId === '') refuse('INVALID', 'requestId wajib diisi.');
      },
    },
  );

  setHandler(calendarChangedSignal, () => deadline.calendarChanged());

  // ---- Main line ----------------------------------------------------------------------------------
  const { dueAt, warning } = await deadline.computeDeadline();
  // The stage deadlines as the admin set them now: fixed for this case from its registration.
  if (hasStageDeadlines) {
    const settings = await writer.run(() => io.loadStageDeadlines());
    complaint.stageClock = stageClockFor(settings, () => deadline.currentCalendar);
    complaint.stageDeadlinesFollowCalendar = stagesFollowCalendar;
  }
  const registration = apply(complaint.register(dueAt, warning));
  registered = true;
  void deadline.run();
  await registration;
  await condition(() => complaint.isClosed());
  await writer.idle();
  await condition(allHandlersFinished);
  if (completesInOwnTask) {
    // The closing action's records were written by local activities in the workflow task that
    // answers it. Completing the workflow in that same task would let the server refuse the whole
    // task when a signal or an Update arrives meanwhile (a completion must see every event): the
    // action would be lost from the history while its records stay written. A timer puts the
    // completion in a task of its own, which writes nothing; actions arriving then are refused
    // (the case is closed) before it completes.
    await sleep(1);
    await writer.idle();
    await condition(allHandlersFinished);
  }
  return complaint.state;
}
