import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { REPO_ROOT } from '../helpers/paths';

export const HISTORIES_DIR = path.join(REPO_ROOT, 'test', 'histories');

/**
 * With RECORD_HISTORIES=1, saves the finished workflow's event history under test/histories so
 * replay.test.ts can prove later workflow code still replays it. Run once per deliberate change:
 *   RECORD_HISTORIES=1 npx jest --selectProjects workflow
 */
export async function maybeSaveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Temporal's own JSON form of a history, as `temporal workflow show --output json` writes it.
  fs.writeFileSync(file, historyToJSON(history));
}
