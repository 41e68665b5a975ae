// The "next version" of the workflows for the rolling-upgrade rehearsal (test/cluster): the same
// workflows, with a change behind patched() as a real upgrade would make one. New runs record the
// patch marker and a memo; runs that began on the old version replay without either.
import { patched, upsertMemo } from '@temporalio/workflow';
import { complaintWorkflow as currentComplaintWorkflow } from '../../../workflows';

export { recapReportWorkflow } from '../../../workflows';

export const UPGRADE_PATCH = 'cluster-upgrade-rehearsal';

export async function complaintWorkflow(
  ...args: Parameters<typeof currentComplaintWorkflow>
): ReturnType<typeof currentComplaintWorkflow> {
  if (patched(UPGRADE_PATCH)) upsertMemo({ upgradeRehearsal: 'next version' });
  return currentComplaintWorkflow(...args);
}
