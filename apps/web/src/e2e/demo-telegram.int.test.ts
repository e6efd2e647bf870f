import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testRunId } from '@wb-assist/db/testing';
import { buildWebOnce } from './build.ts';
import { openBrowser, requireChromium, signInToDemoAndConnect, type TestBrowser } from './browser.ts';
import { DEMO_TELEGRAM_ID, startWebSystem, type WebSystem } from './system.ts';

// The demo's «Telegram» page end to end: the production build, the API, the worker, a real bot
// process on the fake Bot API, and chromium typing to the bot and pressing its buttons, on a
// desktop and on a phone. Screenshots go to a temporary folder, printed.

let system: WebSystem;
let browser: TestBrowser;
let shots: string;

beforeAll(async () => {
  requireChromium();
  await buildWebOnce(testRunId());
  system = await startWebSystem({ telegram: true });
  browser = await openBrowser();
  shots = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-demo-telegram-'));
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

it('logs in as the demo user and connects the demo shop', async () => {
  const { page } = browser;
  await signInToDemoAndConnect(page, { webUrl: system.webUrl, key: system.sellerKey });
}, 150_000);

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  it(`chats with the bot at ${width}×${height}: /start brings the menu, a button press redraws it`, async () => {
    const { page } = browser;
    await page.setViewportSize({ width, height });
    await page.goto(`${system.webUrl}/telegram`);
    await page.getByRole('heading', { name: 'Telegram (демо)' }).waitFor({ timeout: 15_000 });
    browser.takeErrors();
    const botMessages = page.getByTestId('bot-message');
    const before = await botMessages.count();

    await page.getByLabel('Сообщение боту').fill('/start');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByTestId('user-message').last().filter({ hasText: '/start' }).waitFor({ timeout: 10_000 });
    // The bot's answer arrives by itself (the page polls): the main menu, newest at the bottom,
    // its title in bold.
    await botMessages.last().filter({ hasText: 'Главное меню' }).waitFor({ timeout: 30_000 });
    expect(await botMessages.count()).toBeGreaterThan(before);
    const menuId = await botMessages.last().getAttribute('data-message-id');
    const menu = page.locator(`[data-testid="bot-message"][data-message-id="${menuId}"]`);
    expect(await menu.locator('b').first().textContent()).toBe('Главное меню');
    // Telegram HTML is drawn, never shown as tags.
    expect(await menu.textContent()).not.toContain('<b>');

    await menu.getByRole('button', { name: '🛒 Заказы' }).click();
    // The bot redraws that very message as the orders screen, as Telegram shows an edit.
    await menu.filter({ hasText: 'Заказы ·' }).waitFor({ timeout: 30_000 });
    expect(await menu.locator('b').first().textContent()).toBe('Заказы');
    expect(await menu.getByRole('button', { name: '« Меню' }).count()).toBe(1);

    // The whole chat fits the screen: nothing wider than the viewport on a phone either.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const input = await page.getByLabel('Сообщение боту').boundingBox();
    expect(input && input.x + input.width).toBeLessThanOrEqual(width);

    // What the page shows is the chat the fake Bot API holds for the demo user.
    const chat = system.telegram!.control.chat(Number(DEMO_TELEGRAM_ID));
    expect(chat.filter((message) => message.text === '/start').length).toBeGreaterThan(0);
    expect(await botMessages.count()).toBe(chat.filter((message) => message.from.is_bot).length);

    const shot = path.join(shots, `telegram-${width}x${height}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    process.stdout.write(`screenshot: ${shot}\n`);
    expect(browser.takeErrors()).toEqual([]);
  }, 120_000);
}

it('keeps the cabinet connected with an emulator key working after the emulator restarts', async () => {
  const { page } = browser;
  const { pool } = system.api;
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM cabinets');
  const cabinetId = rows[0]!.id;
  // As a restarted `npm start`: the emulator starts again on its state file.
  await system.restartEmulator();
  // The key the dashboard connected is still WB's: the restarted emulator accepts it (it
  // answered 401 «token is malformed» before, a new signing key each start, and the worker
  // then turned the cabinet key_invalid).
  const info = await fetch(`${system.emulator.url}/api/v1/seller-info`, {
    headers: { Authorization: system.sellerKey },
  });
  expect(info.status).toBe(200);
  const status = await pool.query<{ status: string }>('SELECT status FROM cabinets WHERE id = $1', [cabinetId]);
  expect(status.rows[0]?.status).toBe('ready');
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`${system.webUrl}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('Заменить ключ').count()).toBe(0);
    const shot = path.join(shots, `after-restart-${width}x${height}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    process.stdout.write(`screenshot: ${shot}\n`);
  }
}, 120_000);
