/// <reference lib="dom" />
/**
 * What the staff console's browser tests share: the API on a real port with the built console,
 * Debian's chromium, pages in their own contexts, screenshots, axe-core and the sign-in form.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { assertChromiumInstalled, type LaunchedChromium, launchChromium } from './chromium';
import { TEST_SEED_PASSWORD } from './databases';
import { type E2e, startE2e } from './e2e';
import { REPO_ROOT } from './paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 768 };
/** A 1x1 PNG: evidence the server accepts by its content. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface ConsoleHarness {
  e: E2e;
  baseUrl: string;
  /** A page in a context of its own (no shared session storage). */
  openPage(viewport: { width: number; height: number }): Promise<Page>;
  /** A full-page screenshot in test-artifacts/staff-console-<name>.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  /** Runs axe-core on the page; fails on any serious or critical violation. */
  expectAccessible(page: Page, screen: string): Promise<void>;
  /** Fills and sends the sign-in form as a seed user. */
  signIn(page: Page, username: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startConsoleHarness(): Promise<ConsoleHarness> {
  assertChromiumInstalled();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/console/index.html')))
    throw new Error('dist/console is missing: run `npm run build:console` first');
  const [e, chromium]: [E2e, LaunchedChromium] = await Promise.all([startE2e('sqlite'), launchChromium()]);
  await e.app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${(e.app.getHttpServer().address() as AddressInfo).port}`;
  const contexts: BrowserContext[] = [];

  return {
    e,
    baseUrl,
    async openPage(viewport) {
      // bypassCSP only so the test can inject axe-core; the console itself runs under the real
      // policy (checked on the response headers, and by the app working at all).
      const context = await chromium.browser.newContext({ viewport, locale: 'id-ID', bypassCSP: true });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (err) => {
        throw err;
      });
      return page;
    },
    shot: (page, name) =>
      page.screenshot({ path: path.join(ARTIFACTS, `staff-console-${name}.png`), fullPage: true }),
    expectAccessible,
    async signIn(page, username) {
      await page.getByLabel('Nama pengguna').fill(username);
      await page.getByLabel('Kata sandi').fill(TEST_SEED_PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await chromium.close();
      await e.stop();
    },
  };
}
