import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRunId } from '@wb-assist/db/testing';
import { buildWebOnce, webDir } from './build.ts';
import { openBrowser, requireChromium, type TestBrowser } from './browser.ts';
import { startWebSystem, type WebSystem } from './system.ts';

// Issue #20: every page of the dashboard at desktop (1440×900) and phone (390×844) width, with
// a full-page screenshot of each, axe-core's check for serious and critical accessibility
// violations, no console error, no page-wide horizontal scroll on a phone, and the phone's «Меню» reaching every
// section. The tests run in order and share one browser, signed in from the onboarding test on.

const shots = path.join(webDir, 'test-results/screenshots/layout');
const VIEWPORTS = [
  { device: 'desktop', width: 1440, height: 900 },
  { device: 'phone', width: 390, height: 844 },
] as const;
const [DESKTOP, PHONE] = VIEWPORTS;
type Viewport = (typeof VIEWPORTS)[number];

/** Every section of the signed-in dashboard, as the nav lists them. */
const SECTIONS = [
  ['overview', '/', 'Обзор'],
  ['orders', '/orders', 'Заказы'],
  ['sales', '/sales', 'Продажи'],
  ['stocks', '/stocks', 'Остатки'],
  ['reviews', '/reviews', 'Отзывы'],
  ['questions', '/questions', 'Вопросы'],
  ['notifications', '/notifications', 'Уведомления'],
  ['settings', '/settings', 'Настройки'],
  ['cabinets', '/cabinets', 'Кабинеты'],
  ['sync', '/sync', 'Синхронизация'],
  ['monitoring', '/monitoring', 'Мониторинг'],
  // Signed in through the demo login: the demo's chat with the bot is a section too.
  ['telegram', '/telegram', 'Telegram (демо)'],
] as const;

// The header's cabinet switcher is as wide as the longest name: it has to fit a phone too.
const LONG_NAME = 'ИП Магазин товаров для дома, сада и огорода с очень длинным названием';

let system: WebSystem;
let browser: TestBrowser;

beforeAll(async () => {
  requireChromium();
  await buildWebOnce(testRunId());
  system = await startWebSystem();
  browser = await openBrowser();
  browser.page.setDefaultTimeout(15_000);
  fs.mkdirSync(shots, { recursive: true });
  // Where to look at every page at both widths, pass or fail.
  process.stdout.write(`layout screenshots: ${shots}\n`);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** Waits until the page's own data is in: its heading shows and nothing says it is loading. */
async function settle(): Promise<void> {
  const { page } = browser;
  await page.locator('h1').first().waitFor();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}

/** axe-core's serious and critical violations, one line each with the elements they are on. */
async function seriousViolations(): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: browser.page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ` +
        violation.nodes.map((node) => JSON.stringify(node.target)).join(', '),
    );
}

/** How far the page is wider than the window: 0 when there is no page-wide horizontal scroll. */
const overflow = () => browser.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The screenshot, axe, no console error since the last check, and on a phone the width check,
 * of the page now open.
 */
async function checkPage(name: string, viewport: Viewport): Promise<void> {
  const { page } = browser;
  const file = path.join(shots, `${name}-${viewport.device}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(await seriousViolations(), `${name} at ${viewport.device} width, screenshot ${file}`).toEqual([]);
  expect(browser.takeErrors(), `${name} at ${viewport.device} width: console errors`).toEqual([]);
  if (viewport === PHONE) expect(await overflow(), `${name}: page wider than the phone by (px)`).toBeLessThanOrEqual(0);
}

describe.each(VIEWPORTS)('signed out, at $device width', (viewport) => {
  it('login and the 404 page', async () => {
    const { page } = browser;
    await page.setViewportSize(viewport);
    await page.goto(`${system.webUrl}/login`);
    await page.getByRole('button', { name: 'Войти в демо' }).waitFor();
    await checkPage('login', viewport);
    const response = await page.goto(`${system.webUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    // The page's own status is the one error the console may show.
    expect(browser.takeErrors().filter((error) => !/status of 404/.test(error))).toEqual([]);
    await page.getByRole('heading', { name: 'Страница не найдена' }).waitFor();
    await checkPage('not-found', viewport);
  });
});

it('onboarding, at both widths, then connects the seller to a finished sync', async () => {
  const { page } = browser;
  await page.goto(`${system.webUrl}/login`);
  await page.getByRole('button', { name: 'Войти в демо' }).click();
  await page.waitForURL('**/onboarding');
  // From here on: what the sign-in left in the console is not this page's.
  browser.takeErrors();
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await page.getByLabel('Токен WB API').waitFor();
    await checkPage('onboarding', viewport);
  }
  await page.getByLabel('Токен WB API').fill(system.sellerKey);
  await page.getByRole('button', { name: 'Подключить' }).click();
  await page.waitForURL(`${system.webUrl}/`, { timeout: 90_000 });
}, 120_000);

it('connects a second cabinet with a long name, so every page has the cabinet switcher', async () => {
  const { page } = browser;
  const { control } = system.emulator;
  const seller = await control.createSeller({ name: LONG_NAME, historyDays: 3, traffic: { ordersPerDay: 5 } });
  const { token } = await control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  await page.goto(`${system.webUrl}/onboarding`);
  await page.getByLabel('Токен WB API').fill(token);
  await page.getByRole('button', { name: 'Подключить' }).click();
  await page.waitForURL(`${system.webUrl}/`, { timeout: 90_000 });
  await page.getByRole('heading', { level: 1, name: LONG_NAME }).waitFor();
  // Back to the first seller: its 35 days of data fill the tables the pages are checked with.
  await page.getByLabel('Кабинет').selectOption({ label: system.seller.name });
  await page.getByRole('heading', { level: 1, name: system.seller.name }).waitFor();
}, 120_000);

describe.each(VIEWPORTS)('every section at $device width', (viewport) => {
  it.each(SECTIONS)('%s', async (name, route) => {
    const { page } = browser;
    await page.setViewportSize(viewport);
    browser.takeErrors();
    await page.goto(`${system.webUrl}${route}`);
    await settle();
    await checkPage(name, viewport);
  });
});

describe('the phone menu', () => {
  const menuButton = () => browser.page.getByRole('button', { name: 'Меню' });
  const sections = () => browser.page.getByRole('navigation', { name: 'Разделы' }).getByRole('link');
  // By CSS, not by role: a role locator does not see the links hidden behind a closed menu.
  const allLinks = () => browser.page.locator('nav[aria-label="Разделы"] a');

  it('is one button in the header, the sections hidden behind it', async () => {
    const { page } = browser;
    await page.setViewportSize(PHONE);
    await page.goto(`${system.webUrl}/`);
    await settle();
    const button = menuButton();
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const controls = await button.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    expect(await page.locator(`#${controls}`).count()).toBe(1);
    // Within the top of the screen, not scrolled off to a side.
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(120);
    expect(await allLinks().count()).toBe(SECTIONS.length);
    for (const link of await allLinks().all()) expect(await link.isVisible()).toBe(false);
    // The header's controls, the cabinet switcher with its long name among them, are on screen.
    for (const control of [page.getByLabel('Кабинет'), page.getByRole('button', { name: 'Выйти' })]) {
      const controlBox = (await control.boundingBox())!;
      expect(controlBox.x).toBeGreaterThanOrEqual(0);
      expect(controlBox.x + controlBox.width).toBeLessThanOrEqual(PHONE.width);
    }
  });

  it('opens every section, each link on screen, and closes on Escape back to the button', async () => {
    const { page } = browser;
    await menuButton().click();
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true');
    const links = sections();
    expect(await links.allInnerTexts()).toEqual(SECTIONS.map(([, , label]) => label));
    for (const link of await links.all()) {
      const box = await link.boundingBox();
      expect(box, await link.innerText()).not.toBeNull();
      expect(box!.x, await link.innerText()).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, await link.innerText()).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, 'menu-open-phone.png'), fullPage: true });
    expect(await seriousViolations()).toEqual([]);
    // The first link is next after the button for the keyboard.
    await menuButton().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Обзор');
    await page.keyboard.press('Escape');
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(await allLinks().first().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Меню');
  });

  it('takes the seller to every section and closes once there', async () => {
    const { page } = browser;
    for (const [name, route, label] of SECTIONS) {
      await menuButton().click();
      await browser.page
        .getByRole('navigation', { name: 'Разделы' })
        .getByRole('link', { name: label, exact: true })
        .click();
      await page.waitForURL(`${system.webUrl}${route}`);
      await expect.poll(() => menuButton().getAttribute('aria-expanded'), { message: name }).toBe('false');
      expect(await allLinks().first().isVisible(), name).toBe(false);
      expect(await allLinks().and(page.locator('[aria-current="page"]')).innerText(), name).toBe(label);
    }
  });

  it('keeps the sidebar on a desktop: every section shown, no menu button', async () => {
    const { page } = browser;
    await page.setViewportSize(DESKTOP);
    await page.goto(`${system.webUrl}/orders`);
    await settle();
    expect(await menuButton().isVisible()).toBe(false);
    expect(await allLinks().count()).toBe(SECTIONS.length);
    for (const link of await allLinks().all()) expect(await link.isVisible(), await link.innerText()).toBe(true);
  });
});
