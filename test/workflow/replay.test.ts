import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../helpers/paths';
import { HISTORIES_DIR } from './histories';

/**
 * Histories recorded from every path of the complaint workflow (see histories.ts), and of the recap report
 * workflow's scheduled run, must replay on the
 * current workflow code: a change that would break running complaints fails here, in CI.
 */
// Paths from every workflow test, and test/histories/model: interleavings the model-based test generated
// or found failing.
const files = fs.existsSync(HISTORIES_DIR)
  ? fs.readdirSync(HISTORIES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))
  : [];

describe('replay of recorded complaint histories', () => {
  const PATHS = [
    'ringan-resolved',
    'sedang-resolved',
    'berat-approved',
    'berat-rejected',
    'berat-further-study',
    'rejected-at-triage',
    'recategorised',
    'overdue-with-reminders',
    'holiday-correction',
  ];

  it('has the recorded histories of every workflow path, before and after each patch', () => {
    const names = files.map((f) => f.replace(/\.json$/, ''));
    // <path>.v1: before the deadline-timers-lapse-at-close patch; <path>.v2: before
    // actions-apply-atomically (the frozen legacy workflow); <path>.v3: before
    // records-in-local-activities (one ordinary activity per record); <path>.v4: before
    // completes-in-own-workflow-task (the workflow completed in the closing action's task);
    // <path>.v5: before calendar-warning-for-counted-years (every loaded year's warning);
    // <path>.v6: before forward-to-agency and stage-deadlines (no forward Update, no stage timers);
    // <path>.v7: before records-converge (writes without their position); <path>: current code.
    const versions = ['', '.v1', '.v2', '.v3', '.v4', '.v5', '.v6', '.v7'];
    expect(names).toEqual(expect.arrayContaining(PATHS.flatMap((p) => versions.map((v) => `${p}${v}`))));
    // The timings that broke the legacy workflow, and interleavings from the model-based test.
    const races = [
      'race-triage-and-response',
      'berat-decision-then-response',
      'recategorised-ringan-settled-to-berat',
    ];
    expect(names).toEqual(
      expect.arrayContaining([
        ...races,
        ...races.flatMap((r) => [`${r}.v3`, `${r}.v4`, `${r}.v5`, `${r}.v6`, `${r}.v7`]),
      ]),
    );
    // A transition written by an ordinary activity after its local activity failed.
    expect(names).toEqual(
      expect.arrayContaining([
        'records-fall-back-to-ordinary-activity',
        'records-fall-back-to-ordinary-activity.v4',
        'records-fall-back-to-ordinary-activity.v5',
        'records-fall-back-to-ordinary-activity.v6',
        'records-fall-back-to-ordinary-activity.v7',
      ]),
    );
    // After records-converge: a write found its record ahead, and the workflow sent its state.
    expect(names).toContain('records-set-back');
    // The same on the dev server: the 11th Update in flight made it drop a workflow task whose local
    // activities had written (MODEL_SEED=-360386083, see the README).
    expect(names).toEqual(
      expect.arrayContaining(['model/dev-server-records-ahead-1', 'model/dev-server-records-ahead-2']),
    );
    expect(names.filter((n) => /^model\/[^/]+$/.test(n)).length).toBeGreaterThanOrEqual(3);
    for (const version of ['v3', 'v4', 'v6', 'v7'])
      expect(names.filter((n) => n.startsWith(`model/${version}/`)).length).toBeGreaterThanOrEqual(3);
    // After responder-by-category: the front desk answers a RINGAN case.
    expect(names).toContain('ringan-answered-by-front-desk');
    // After forward-to-agency: a case forwarded to another agency ("bukan wewenang").
    expect(names).toContain('forwarded');
    // The new round an objection (keberatan) opens, started with the objection in its input.
    expect(names).toContain('objection-round');
    // The recap report workflow, recorded on the dev server by test/integration/e2e/reports.e2e.test.ts.
    expect(names).toContain('recap-report-first-working-day');
    // After stage-deadlines: the triage and two unit tasks breached, early warnings at 50% and 75%.
    expect(names).toContain('stage-breached');
    // After stage-deadlines-follow-holidays: a holiday correction moved a pending task's deadline.
    expect(names).toContain('stage-deadlines-moved');
    // The daily retention run, a page at a time; .v1: before log-retention (no logs deleted).
    expect(names).toEqual(expect.arrayContaining(['retention-run', 'retention-run.v1']));
  });

  it('replays every history on the current workflow code without non-determinism', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: WORKFLOWS_PATH, replayName: 'ci-replay' },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(histories.length).toBeGreaterThanOrEqual(3 * PATHS.length + 4);
  });
});
