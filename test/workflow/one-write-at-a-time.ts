/**
 * The in-memory fakes record one write at a time (as the ordinary activities of older workflows do);
 * this makes their recordTransition out of them, applying a transition's writes in order.
 */
import type {
  ComplaintActivities,
  RecordTransitionInput,
  StageDeadlinesMovedInput,
  TransitionWrite,
} from '../../activities/types';

type OneWriteActivities = Omit<ComplaintActivities, 'recordTransition' | 'loadCalendar'>;

/** What a fake does with moved stage deadlines (only recordTransition carries them). */
type StageDeadlinesMoved = (input: StageDeadlinesMovedInput) => Promise<void>;

function writeOne(acts: OneWriteActivities, w: TransitionWrite, moved?: StageDeadlinesMoved): Promise<void> {
  switch (w.kind) {
    case 'tasks-opened':
      return acts.openTasks(w.input);
    case 'task-completed':
      return acts.recordTaskCompletion(w.input);
    case 'escalated':
      return acts.recordEscalation(w.input);
    case 'decided':
      return acts.recordDecision(w.input);
    case 'event':
      return acts.recordChange(w.input);
    case 'notify':
      return acts.notify(w.input);
    case 'stage-deadlines-moved':
      return moved ? moved(w.input) : Promise.resolve();
  }
}

/** The activities with recordTransition added, made of the one-write ones. */
export function withRecordTransition(
  acts: Omit<ComplaintActivities, 'recordTransition'>,
  moved?: StageDeadlinesMoved,
): ComplaintActivities {
  return {
    ...acts,
    recordTransition: async ({ writes }: RecordTransitionInput) => {
      for (const w of writes) await writeOne(acts, w, moved);
      return undefined;
    },
  };
}
