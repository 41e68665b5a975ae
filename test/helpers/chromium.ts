/**
 * Debian's chromium driven by playwright-core, for the browser tests (test/browser/).
 * scripts/install-test-tools.sh installs it (`npm test` runs it); playwright's own browser download is
 * never used.
 */
import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, headless chromium running as root in a container, with no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchedChromium {
  browser: Browser;
  /** A fresh context (its own cookies, storage) with a viewport wide enough for the Web UI's tables. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Throws an error saying how to install chromium when it is missing. */
export function assertChromiumInstalled(): void {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
  } catch {
    throw new Error(
      `chromium is missing at ${CHROMIUM_PATH}: run \`bash scripts/install-test-tools.sh\` (as root; ` +
        '`npm test` runs it), or set CHROMIUM_PATH to a chromium binary. ' +
        'Do not use `npx playwright install`: the browser tests use the Debian package.',
    );
  }
}

/**
 * Launches chromium. Each launch gets a fresh user data dir: playwright's `launch()` creates a new
 * temporary profile and removes it on close (it refuses a `--user-data-dir` argument).
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  assertChromiumInstalled();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (err) {
    throw new Error(`could not launch ${CHROMIUM_PATH}: ${(err as Error).message}`);
  }
  return {
    browser,
    newContext: () => browser.newContext({ viewport: { width: 1600, height: 1000 } }),
    close: () => browser.close().catch(() => undefined),
  };
}
