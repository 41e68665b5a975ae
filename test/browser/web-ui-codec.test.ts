/**
 * Operators read complaint histories in the Temporal Web UI although every payload is encrypted
 * (src/temporal/payload-codec.ts): the UI decodes them through the API's codec endpoint (/codec),
 * which admits the signed-in staff who may read histories. The real dev server WITH its Web UI,
 * started as `npm start` starts it (`--ui-codec-endpoint`), the real API listening on its port, and
 * Debian's chromium: with the UI's codec settings as the README asks an operator to set them once,
 * an admin who has signed in (the sign-in sets the codec cookie) sees the workflow input and the
 * event summaries in plain text; without a sign-in, or as a unit's staff, the UI gets 401/403 and
 * shows neither. Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { workflowIdForRegister } from '../../src/temporal/ids';
import { assertChromiumInstalled, type LaunchedChromium, launchChromium } from '../helpers/chromium';
import { TEST_SEED_PASSWORD } from '../helpers/databases';
import { freePort } from '../helpers/dev-server';
import { type E2e, startE2e } from '../helpers/e2e';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
/** The UI renders the history after its list requests and the decode calls: poll generously. */
const UI_TIMEOUT_MS = 90_000;
/** A summary the workflow writes on its triage timer (encrypted like every payload). */
const TRIAGE_TIMER_SUMMARY = 'Batas waktu tahap Triase';

describe('Temporal Web UI: histories decoded through the codec endpoint', () => {
  let e: E2e;
  let apiUrl: string;
  let chromium: LaunchedChromium;
  const contexts: BrowserContext[] = [];
  let workflowId: string;
  let runId: string;
  let registerNumber: string;

  beforeAll(async () => {
    assertChromiumInstalled();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const codecPort = await freePort();
    [e, chromium] = await Promise.all([startE2e('sqlite', { ui: true, codecPort }), launchChromium()]);
    await e.app.listen(codecPort, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${codecPort}`;
    ({ registerNumber } = await e.register());
    workflowId = workflowIdForRegister(registerNumber);
    runId = (await e.temporal.workflow.getHandle(workflowId).describe()).runId;
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await chromium?.close();
    await e?.stop();
  }, 120_000);

  /**
   * A browser with the UI's codec settings as an operator saves them once in "Configure Codec
   * Server" (README): this browser's endpoint, "Use my browser setting", "Include cross-origin
   * credentials". The dialog keeps them in the UI's local storage, which is set here directly.
   */
  async function operatorBrowser(): Promise<{
    context: BrowserContext;
    page: Page;
    codecStatuses: number[];
  }> {
    const context = await chromium.newContext();
    contexts.push(context);
    await context.addInitScript((endpoint) => {
      window.localStorage.setItem('endpoint', JSON.stringify(endpoint));
      window.localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
      window.localStorage.setItem('includeCredentials', 'true');
    }, `${apiUrl}/codec`);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const codecStatuses: number[] = [];
    page.on('response', (res) => {
      if (res.url().startsWith(`${apiUrl}/codec/decode`)) codecStatuses.push(res.status());
    });
    return { context, page, codecStatuses };
  }

  /** Signs in as the console does (POST /api/auth/login from the browser, which keeps the cookie). */
  async function signIn(context: BrowserContext, username: string): Promise<void> {
    const res = await context.request.post(`${apiUrl}/api/auth/login`, {
      data: { username, password: TEST_SEED_PASSWORD },
    });
    expect(res.status()).toBe(200);
  }

  /** Opens the workflow's page and returns its text once the UI has asked the codec to decode. */
  async function openHistory(page: Page, codecStatuses: number[], until: (text: string) => boolean) {
    const url = `http://127.0.0.1:${e.server.uiPort}/namespaces/default/workflows/${encodeURIComponent(workflowId)}/${runId}/history`;
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let text = '';
    while (Date.now() < deadline) {
      text = (await page.locator('body').textContent()) ?? '';
      if (codecStatuses.length > 0 && text.includes('Input') && until(text)) break;
      await page.waitForTimeout(500);
    }
    return text;
  }

  const decodedInput = () => `"registerNumber": "${registerNumber}"`;

  it('shows a signed-in admin the decoded workflow input and event summaries', async () => {
    const { context, page, codecStatuses } = await operatorBrowser();
    await signIn(context, 'admin');
    const text = await openHistory(page, codecStatuses, (t) => t.includes(decodedInput()));
    await page.screenshot({ path: path.join(ARTIFACTS, 'web-ui-codec-decoded.png'), fullPage: true });
    expect(text).toContain(decodedInput());
    expect(text).toContain(TRIAGE_TIMER_SUMMARY);
    expect(codecStatuses.length).toBeGreaterThan(0);
    expect(codecStatuses.every((s) => s === 200)).toBe(true);
  }, 180_000);

  it.each([
    { who: 'without a sign-in', username: null, status: 401 },
    { who: 'signed in as a unit staff member (LOKET)', username: 'loket', status: 403 },
  ])(
    'shows nothing decoded $who (the codec answers $status)',
    async ({ username, status }) => {
      const { context, page, codecStatuses } = await operatorBrowser();
      if (username) await signIn(context, username);
      // The UI has rendered the history (its timer events) and asked the codec, which refused.
      const text = await openHistory(page, codecStatuses, (t) => t.includes('Timer Started'));
      expect(text).toContain('Timer Started');
      expect(codecStatuses.length).toBeGreaterThan(0);
      expect([...new Set(codecStatuses)]).toEqual([status]);
      expect(text).not.toContain(decodedInput());
      expect(text).not.toContain(registerNumber);
      expect(text).not.toContain(TRIAGE_TIMER_SUMMARY);
    },
    180_000,
  );
});
