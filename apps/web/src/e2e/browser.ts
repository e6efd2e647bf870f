import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk+A8AAQUBAScY42YAAAAASUVORK5CYII=',
  'base64',
);

/** Fails at once, not after the minute-long build and system start, when there is no browser. */
export function requireChromium(): void {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
  } catch {
    throw new Error(
      `No chromium at ${CHROMIUM}: npm test installs Debian's when it can (scripts/ensure-chromium.sh ` +
        'printed why it could not); or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
}

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors since the last call, then cleared. */
  takeErrors: () => string[];
  close: () => Promise<void>;
}

/** Debian's chromium, headless, in a throwaway profile; every console error is recorded. */
export async function openBrowser(options: { intercept?: boolean } = {}): Promise<TestBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-web-chromium-'));
  // A persistent context is how Playwright takes --user-data-dir: a fresh one per run.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // The sandbox has no internet: product photos on WB's CDN get a stand-in image instead of a
  // DNS failure, so a console error always means a fault of the dashboard itself.
  if (options.intercept !== false)
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
      (route) =>
        route.request().resourceType() === 'image'
          ? route.fulfill({ contentType: 'image/png', body: PIXEL })
          : route.fulfill({ status: 204, body: '' }),
    );
  const page = context.pages()[0] ?? (await context.newPage());
  let errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    context,
    page,
    takeErrors: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A new visitor's way in: «Войти в демо» on the login page, the WB key typed into onboarding,
 * and the overview once the initial sync reached 100 %.
 */
export async function signInToDemoAndConnect(
  page: Page,
  { webUrl, key, syncTimeoutMs = 90_000 }: { webUrl: string; key: string; syncTimeoutMs?: number },
): Promise<void> {
  await page.goto(`${webUrl}/login`);
  await page.getByRole('button', { name: 'Войти в демо' }).click();
  await page.waitForURL('**/onboarding', { timeout: 15_000 });
  await page.getByLabel('Токен WB API').fill(key);
  await page.getByRole('button', { name: 'Подключить' }).click();
  await page
    .getByTestId('sync-percent')
    .getByText(/^100 %/)
    .waitFor({ timeout: syncTimeoutMs });
  await page.waitForURL(`${webUrl}/`, { timeout: 15_000 });
}
