// The baseline of the action benchmarks: a workflow whose Update only changes its own state, on the
// same dev server as the complaints. What an action costs beyond this is our own plumbing.
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const touchUpdate = defineUpdate<number, [number]>('touch');
export const finishProbeSignal = defineSignal('finish');

export async function updateProbe(): Promise<number> {
  let total = 0;
  let finished = false;
  setHandler(touchUpdate, (n) => {
    total += n;
    return total;
  });
  setHandler(finishProbeSignal, () => {
    finished = true;
  });
  await condition(() => finished);
  return total;
}
