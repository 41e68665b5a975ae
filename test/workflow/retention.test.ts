/**
 * The retention workflow on the time-skipping server with in-memory activities: it walks the due
 * complaints page by page (each page after the previous one's cursor), anonymises each page, sums
 * what was done, and survives a failed attempt (the activity is retried, nothing counted twice).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { RetentionActivities, RetentionCursor } from '../../activities/retention.activities';
import { retentionWorkflow } from '../../workflows/retention/retention.workflow';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { createTimeSkippingEnv } from '../helpers/time-skipping';
import { maybeSaveHistory } from './histories';

const TASK_QUEUE = 'retention-test';
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
}, 120_000);
afterAll(async () => {
  await env?.teardown();
});

/** Five due complaints c1..c5; anonymised ones are no longer listed, like the database's query. */
function fakeActivities(failFirstAnonymise: boolean) {
  const due = ['c1', 'c2', 'c3', 'c4', 'c5'];
  const anonymised = new Set<string>();
  const calls: {
    list: { at: string; after: RetentionCursor | null | undefined }[];
    anonymise: string[][];
    deleteLogs: string[];
  } = { list: [], anonymise: [], deleteLogs: [] };
  let failed = false;
  const activities: RetentionActivities = {
    async listRetentionDue({ at, after, limit }) {
      calls.list.push({ at, after });
      const start = after ? due.indexOf(after.id) + 1 : 0;
      const page = due.slice(start, start + (limit ?? 100));
      const ids = page.filter((id) => !anonymised.has(id));
      const last = page.at(-1);
      const next =
        page.length === (limit ?? 100) && last ? { closedAt: '2020-01-01T00:00:00.000Z', id: last } : null;
      return { ids, next, years: 5 };
    },
    async anonymiseRetentionDue({ ids }) {
      calls.anonymise.push(ids);
      let count = 0;
      for (const id of ids) {
        if (anonymised.has(id)) continue;
        anonymised.add(id);
        count++;
      }
      if (failFirstAnonymise && !failed) {
        failed = true; // the work is done, but the answer is lost: the retry must not count it again
        throw new Error('connection lost');
      }
      return { anonymised: count, skipped: ids.length - count, removedFiles: count * 2 };
    },
    async deleteExpiredLogs({ at }) {
      calls.deleteLogs.push(at);
      return {
        personalDataAccess: 7,
        dataSubjectRequests: 1,
        securityEvents: 12,
        idempotencyRecords: 3,
        years: 5,
      };
    },
  };
  return { activities, calls, anonymised };
}

/** Runs the workflow (and every run it continues as) to its end; returns the last run's result. */
async function run(
  fake: ReturnType<typeof fakeActivities>,
  args: Parameters<typeof retentionWorkflow>,
  historyName?: string,
) {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: WORKFLOWS_PATH,
    activities: fake.activities,
  });
  const workflowId = `retensi-${Math.random().toString(36).slice(2)}`;
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start(retentionWorkflow, {
      taskQueue: TASK_QUEUE,
      workflowId,
      args,
    });
    const result = await handle.result();
    if (historyName) await maybeSaveHistory(handle, historyName);
    return { result, workflowId, firstRunId: handle.firstExecutionRunId };
  });
}

/** The five due complaints, two a page: three pages after the cursors null, c2, c4, all counted. */
function expectFiveInThreePages(
  result: Awaited<ReturnType<typeof retentionWorkflow>>,
  fake: ReturnType<typeof fakeActivities>,
) {
  expect(result).toEqual({
    at: '2026-12-02T19:00:00.000Z',
    years: 5,
    anonymised: 5,
    skipped: 0,
    removedFiles: 10,
    pages: 3,
    deletedLogs: {
      personalDataAccess: 7,
      dataSubjectRequests: 1,
      securityEvents: 12,
      idempotencyRecords: 3,
      years: 5,
    },
  });
  expect(fake.calls.list.map((c) => c.after?.id ?? null)).toEqual([null, 'c2', 'c4']);
  // The logs are pruned once, before the walk (a failing page does not hold them back), for the run's moment.
  expect(fake.calls.deleteLogs).toEqual(['2026-12-02T19:00:00.000Z']);
}

test('walks every page after the previous cursor and sums what each page did', async () => {
  const fake = fakeActivities(false);
  const { result } = await run(fake, [{ at: '2026-12-02T19:00:00.000Z', pageSize: 2 }], 'retention-run');
  expectFiveInThreePages(result, fake);
  expect(fake.calls.list.every((c) => c.at === '2026-12-02T19:00:00.000Z')).toBe(true);
  expect(fake.calls.anonymise).toEqual([['c1', 'c2'], ['c3', 'c4'], ['c5']]);
});

test('walks a backlog as a chain of runs (continue-as-new), each from the cursor, the totals carried', async () => {
  const fake = fakeActivities(false);
  const { result, workflowId, firstRunId } = await run(fake, [
    { at: '2026-12-02T19:00:00.000Z', pageSize: 2, pagesPerRun: 1 },
  ]);
  expectFiveInThreePages(result, fake);
  expect(fake.calls.anonymise).toEqual([['c1', 'c2'], ['c3', 'c4'], ['c5']]);
  // One page per run: the first two runs ended by continuing as new.
  const first = await env.client.workflow.getHandle(workflowId, firstRunId).describe();
  expect(first.status.name).toBe('CONTINUED_AS_NEW');
  const last = await env.client.workflow.getHandle(workflowId).describe();
  expect(last.runId).not.toBe(firstRunId);
  expect(last.status.name).toBe('COMPLETED');
});

test('a failed attempt is retried, and what the lost attempt did is not counted twice', async () => {
  const fake = fakeActivities(true);
  const { result } = await run(fake, [{ at: '2026-12-02T19:00:00.000Z', pageSize: 10 }]);
  expect([...fake.anonymised].sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  expect(fake.calls.anonymise).toHaveLength(2);
  expect(result).toMatchObject({ anonymised: 0, skipped: 5, pages: 1 });
});

test('without a time given, stands for the moment it runs', async () => {
  const fake = fakeActivities(false);
  const before = Date.now();
  const { result } = await run(fake, [{}]);
  expect(new Date(result.at).getTime()).toBeGreaterThanOrEqual(before - 60_000);
  expect(result.anonymised).toBe(5);
});
