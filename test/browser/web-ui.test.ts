/**
 * Operators find stuck complaints in the Temporal Web UI by filtering on our search attributes.
 * The real app registers complaints through its API (real worker, real dev server WITH the Web UI);
 * Debian's chromium, driven by playwright-core, opens the UI's workflow list with the operators'
 * queries and must list exactly the expected complaints. Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { workflowIdForRegister } from '../../src/temporal/ids';
import { assertChromiumInstalled, type LaunchedChromium, launchChromium } from '../helpers/chromium';
import { type E2e, eventually, startE2e } from '../helpers/e2e';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
/** Visibility is eventually consistent and the UI loads slowly on a busy machine: poll generously. */
const UI_TIMEOUT_MS = 120_000;
const DAY_MS = 86_400_000;

describe('Temporal Web UI: operators filter complaints by search attribute', () => {
  let e: E2e;
  let chromium: LaunchedChromium;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    assertChromiumInstalled(); // fail fast, before the slow part
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [e, chromium] = await Promise.all([startE2e('sqlite', { ui: true }), launchChromium()]);
    context = await chromium.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(30_000);
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await chromium?.close();
    await e?.stop();
  }, 120_000);

  /** Registers a complaint through the API; received `daysAgo` days ago; returns its workflow ID. */
  async function register(daysAgo: number): Promise<{ id: string; workflowId: string }> {
    const receivedAt = daysAgo > 0 ? new Date(Date.now() - daysAgo * DAY_MS).toISOString() : undefined;
    const body = await e.register({ receivedAt });
    if (daysAgo > 0) expect(new Date(body.dueAt).getTime()).toBeLessThan(Date.now());
    return { id: body.id, workflowId: workflowIdForRegister(body.registerNumber) };
  }

  async function triageRingan(id: string): Promise<void> {
    await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
  }

  async function listIds(query: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const w of e.temporal.workflow.list({ query })) ids.push(w.workflowId);
    return ids.sort();
  }

  /** The workflow IDs in the rows the Web UI lists on the page currently shown. */
  async function rowsShown(): Promise<string[]> {
    const hrefs = await page
      .locator('[data-testid="workflows-summary-configurable-table-row"] a[href*="/workflows/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const ids = hrefs
      .map((href) => /\/namespaces\/default\/workflows\/([^/]+)\//.exec(href)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(decodeURIComponent);
    return [...new Set(ids)].sort();
  }

  /** The number of matching workflows the UI shows above the table ("2 Workflows"). */
  async function workflowCount(): Promise<string> {
    const count = page.locator('[data-testid="workflow-count"]');
    return (await count.count()) > 0 ? ((await count.first().textContent()) ?? '').trim() : '';
  }

  /**
   * Opens the Web UI's workflow list filtered by `query` and waits (reloading now and then: the UI
   * does not refresh by itself) until it lists exactly `expected` and counts as many; returns the
   * rows and the count it shows last.
   */
  async function openFiltered(query: string, expected: string[]): Promise<{ rows: string[]; count: string }> {
    const url = `http://127.0.0.1:${e.server.uiPort}/namespaces/default/workflows?query=${encodeURIComponent(query)}`;
    const want = [...expected].sort();
    let shown = { rows: [] as string[], count: '' };
    const settled = () =>
      JSON.stringify(shown.rows) === JSON.stringify(want) && shown.count === String(want.length);
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (Date.now() < deadline) {
      await page.goto(url, { waitUntil: 'load' });
      // Rows render after the list request answers; give each load a while before reloading.
      const loadDeadline = Math.min(deadline, Date.now() + 10_000);
      while (Date.now() < loadDeadline) {
        shown = { rows: await rowsShown(), count: await workflowCount() };
        if (settled()) return shown;
        await page.waitForTimeout(500);
      }
    }
    return shown;
  }

  /** Shows the raw query above the table (the UI's "</>" toggle) so the screenshot says what was asked. */
  async function showRawQuery(): Promise<void> {
    const toggle = page.locator('[data-testid="toggle-manual-query"]');
    if (await toggle.isVisible().catch(() => false)) {
      await toggle.click();
      await page.waitForTimeout(500);
    }
  }

  it('lists exactly the overdue complaints for `Overdue = true` and those awaiting triage for `WaitingFor = "TRIAGE"`', async () => {
    // Received 28 days ago (the API accepts up to 30): long past the 10 working days, so each
    // workflow flags itself overdue as soon as it starts. One stays in triage, one gets triaged.
    const overdueInTriage = await register(28);
    const overdueInTasks = await register(28);
    const freshInTriage = await register(0);
    const freshInTasks = await register(0);
    await triageRingan(overdueInTasks.id);
    await triageRingan(freshInTasks.id);
    for (const c of [overdueInTriage, overdueInTasks, freshInTriage, freshInTasks])
      expect(c.workflowId).toMatch(/^pengaduan-\d{4}-\d{2}-\d{4}$/);

    const expectedOverdue = [overdueInTriage.workflowId, overdueInTasks.workflowId].sort();
    const expectedTriage = [overdueInTriage.workflowId, freshInTriage.workflowId].sort();

    // The API agrees on which complaints are overdue.
    await eventually(async () => (await e.detail(overdueInTriage.id)).overdue === true, UI_TIMEOUT_MS);
    await eventually(async () => (await e.detail(overdueInTasks.id)).overdue === true, UI_TIMEOUT_MS);
    expect((await e.detail(freshInTriage.id)).overdue).toBe(false);
    expect((await e.detail(freshInTasks.id)).overdue).toBe(false);

    // Visibility has indexed the final states before the browser looks (it is eventually consistent).
    let overdueListed: string[] = [];
    let triageListed: string[] = [];
    await eventually(async () => {
      overdueListed = await listIds('Overdue = true');
      triageListed = await listIds('WaitingFor = "TRIAGE"');
      return (
        JSON.stringify(overdueListed) === JSON.stringify(expectedOverdue) &&
        JSON.stringify(triageListed) === JSON.stringify(expectedTriage)
      );
    }, UI_TIMEOUT_MS).catch(() => undefined);
    expect(overdueListed).toEqual(expectedOverdue);
    expect(triageListed).toEqual(expectedTriage);

    // The Web UI, filtered as an operator would.
    expect(await openFiltered('Overdue = true', expectedOverdue)).toEqual({
      rows: expectedOverdue,
      count: '2',
    });
    await showRawQuery();
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-ui-overdue.png') });

    expect(await openFiltered('WaitingFor = "TRIAGE"', expectedTriage)).toEqual({
      rows: expectedTriage,
      count: '2',
    });
    await showRawQuery();
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-ui-triage.png') });
  }, 300_000);
});
