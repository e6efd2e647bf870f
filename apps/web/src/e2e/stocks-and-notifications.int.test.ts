import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testRunId } from '@wb-assist/db/testing';
import { formatDaysOfCover, formatRubles } from '../lib/format';
import { buildWebOnce, webDir } from './build.ts';
import { openBrowser, requireChromium, type TestBrowser } from './browser.ts';
import { startWebSystem, type WebSystem } from './system.ts';

// The stocks page (one row per product size, days of cover, the notification's critical rule)
// and the notifications page (the chosen cabinet only, live statuses, products, true totals),
// end to end at desktop and phone width. The tests run in order and share one browser.

const shots = path.join(webDir, 'test-results/screenshots');
const VIEWPORTS = [
  { width: 1440, height: 900, device: 'desktop' },
  { width: 390, height: 844, device: 'phone' },
] as const;

let system: WebSystem;
let browser: TestBrowser;
let cabinetA: string;

beforeAll(async () => {
  requireChromium();
  await buildWebOnce(testRunId());
  system = await startWebSystem();
  browser = await openBrowser();
  fs.mkdirSync(shots, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/**
 * Polls the database until the system reached the state, or fails saying which. The emulator's
 * clock is frozen: it moves on 10 s a poll, so WB's rate-limit windows open as they would in time.
 */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    await system.emulator.control.advanceClock({ ms: 10_000 });
    if (Date.now() > deadline) {
      // What the worker did meanwhile says whether it synced at all, and how that ended.
      const { rows } = await system.api.pool.query(
        'SELECT kind, status, started_at, errors FROM wb_sync_logs ORDER BY started_at DESC LIMIT 5',
      );
      throw new Error(
        `timed out waiting for ${what}; last syncs: ${JSON.stringify(rows)}\n${system.output().slice(-3000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * This system has no bot: a message that would be sent is retried with backoff and holds the
 * user's later messages back (delivery keeps each chat's order). Switched off, every event of
 * the cabinet is settled at once as suppressed, with its reason.
 */
async function switchOffNotifications(cabinetId: string): Promise<void> {
  const switched = await system.api.pool.query(
    'UPDATE notification_settings SET notifications_enabled = false WHERE cabinet_id = $1',
    [cabinetId],
  );
  expect(switched.rowCount).toBe(1);
}

async function onboard(page: Page, key: string): Promise<void> {
  await page.getByLabel('Токен WB API').fill(key);
  await page.getByRole('button', { name: 'Подключить' }).click();
  await page
    .getByTestId('sync-percent')
    .getByText(/^100 %/)
    .waitFor({ timeout: 60_000 });
  await page.waitForURL(`${system.webUrl}/`, { timeout: 15_000 });
}

it('signs in to the demo and connects the seller', async () => {
  const { page } = browser;
  await page.goto(`${system.webUrl}/login`);
  await page.getByRole('button', { name: 'Войти в демо' }).click();
  await page.waitForURL('**/onboarding', { timeout: 15_000 });
  await onboard(page, system.sellerKey);
  cabinetA = (await system.api.pool.query<{ id: string }>('SELECT id FROM cabinets')).rows[0]!.id;
  await switchOffNotifications(cabinetA);
}, 120_000);

interface SizeRow {
  nm_id: number;
  size_key: string;
  tech_size: string | null;
  available: number;
  days_of_cover: string | null;
}

async function sizesInDb(): Promise<SizeRow[]> {
  const { rows } = await system.api.pool.query<SizeRow>(
    'SELECT nm_id, size_key, tech_size, available, days_of_cover::text FROM stock_days_of_cover($1, now())',
    [cabinetA],
  );
  return rows;
}

it('shows one row per product size with the sum, days of cover, warehouses and the critical rule', async () => {
  const { page } = browser;
  const { seller, emulator } = system;
  const warehouses = seller.warehouses.filter((w) => w.kind === 'wb');
  const [first, second] = warehouses;
  // Size «spread»: 1 unit in one warehouse, 10 in another: low in one place, not short at all.
  // Size «short»: 1 unit left over every warehouse: critical by the notification's rule.
  const spread = seller.products[0]!.sizes[0]!;
  const short = seller.products[1]!.sizes[0]!;
  for (const w of warehouses) {
    await emulator.control.setStock(seller.sid, { chrtId: short.chrtId, warehouseId: w.id, quantity: 0 });
    await emulator.control.setStock(seller.sid, { chrtId: spread.chrtId, warehouseId: w.id, quantity: 0 });
  }
  await emulator.control.setStock(seller.sid, { chrtId: spread.chrtId, warehouseId: first!.id, quantity: 1 });
  await emulator.control.setStock(seller.sid, { chrtId: spread.chrtId, warehouseId: second!.id, quantity: 10 });
  await emulator.control.setStock(seller.sid, { chrtId: short.chrtId, warehouseId: second!.id, quantity: 1 });
  const sizeOf = (chrtId: number) => async () => (await sizesInDb()).find((row) => row.size_key === `chrt:${chrtId}`);
  await until('the next sync to store the new stock', async () => {
    const [a, b] = [await sizeOf(spread.chrtId)(), await sizeOf(short.chrtId)()];
    return a?.available === 11 && b?.available === 1;
  });
  const sizes = await sizesInDb();
  const spreadRow = (await sizeOf(spread.chrtId)())!;
  const { rows: cards } = await system.api.pool.query<{ title: string; vendor_code: string }>(
    'SELECT title, vendor_code FROM wb_products WHERE cabinet_id = $1 AND nm_id = $2',
    [cabinetA, spreadRow.nm_id],
  );
  const { rows: threshold } = await system.api.pool.query<{ t: number }>(
    'SELECT critical_stock_threshold AS t FROM cabinets WHERE id = $1',
    [cabinetA],
  );
  const critical = sizes.filter((row) => row.available <= threshold[0]!.t);

  for (const { width, height, device } of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await page.goto(`${system.webUrl}/stocks`);
    await page.getByRole('heading', { name: 'Остатки' }).waitFor();
    const table = page.locator('table');
    await table.waitFor({ timeout: 15_000 });
    // One row per size, not per warehouse: the total is the number of sizes.
    await page.getByText(`Всего: ${sizes.length}`, { exact: true }).waitFor({ timeout: 15_000 });
    const row = (nmId: number, techSize: string | null) =>
      table.locator('tbody tr').filter({ has: page.locator(`[data-nm-id="${nmId}"][data-size="${techSize ?? ''}"]`) });
    const spreadLine = row(spreadRow.nm_id, spreadRow.tech_size);
    // Sizes are ordered scarcest first: page on until the spread size shows.
    while ((await spreadLine.count()) === 0) {
      const firstRow = await table.locator('tbody tr').first().textContent();
      await page.getByRole('button', { name: 'Вперёд' }).click();
      await page.waitForFunction((before) => document.querySelector('tbody tr')?.textContent !== before, firstRow, {
        timeout: 15_000,
      });
    }
    expect(await spreadLine.count()).toBe(1);
    expect(await spreadLine.textContent()).toContain(cards[0]!.title);
    expect(await spreadLine.textContent()).toContain(cards[0]!.vendor_code);
    expect(await spreadLine.getByTestId('stock-available').textContent()).toBe('11 шт.');
    expect(await spreadLine.getByTestId('days-of-cover').textContent()).toBe(
      formatDaysOfCover(spreadRow.days_of_cover === null ? null : Number(spreadRow.days_of_cover)),
    );
    await spreadLine.locator('summary').click();
    const places = await spreadLine.getByTestId('warehouses').locator('li').allTextContents();
    expect(places).toHaveLength(2);
    expect(places[0]).toContain(`${second!.name}`);
    expect(places[0]).toContain('10 шт.');
    expect(places[1]).toContain('1 шт.');
    await page.screenshot({ path: path.join(shots, `stocks-sizes-${device}.png`), fullPage: true });

    // «Critical» is the notification's rule: the spread size is out, the short one is in.
    await page.getByLabel(/Только критические/).check();
    await page.getByText(`Всего: ${critical.length}`, { exact: true }).waitFor({ timeout: 15_000 });
    const shortRow = sizes.find((r) => r.size_key === `chrt:${short.chrtId}`)!;
    await row(shortRow.nm_id, shortRow.tech_size).waitFor();
    expect(await row(spreadRow.nm_id, spreadRow.tech_size).count()).toBe(0);
    expect(await row(shortRow.nm_id, shortRow.tech_size).textContent()).toContain('критично');
    await page.screenshot({ path: path.join(shots, `stocks-critical-${device}.png`), fullPage: true });
  }
  expect(browser.takeErrors()).toEqual([]);
}, 120_000);

it('lists the chosen cabinet’s notifications only, with live statuses, products and true totals', async () => {
  const { page } = browser;
  const { emulator } = system;
  const other = await emulator.control.createSeller({
    name: 'ИП Второй',
    historyDays: 5,
    traffic: { ordersPerDay: 5 },
  });
  const { token: otherKey } = await emulator.control.createToken({
    sid: other.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${system.webUrl}/onboarding`);
  await onboard(page, otherKey);
  const cabinetB = (await system.api.pool.query<{ id: string }>('SELECT id FROM cabinets WHERE id <> $1', [cabinetA]))
    .rows[0]!.id;
  await switchOffNotifications(cabinetB);

  // The socket opens lazily with the shell: events are made only once it subscribed.
  const subscribed = new Promise<void>((resolve) =>
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (String(frame.payload).includes('notificationReceived')) resolve();
      }),
    ),
  );
  await page.goto(`${system.webUrl}/notifications`);
  await subscribed;
  await page.getByLabel('Кабинет').selectOption(cabinetA);
  await page.getByTestId('feed').waitFor();
  await page
    .getByText(/Уведомлений пока нет|Всего:/)
    .first()
    .waitFor({ timeout: 15_000 });

  const historyOf = async (cabinetId: string) =>
    (
      await system.api.pool.query<{ id: string; status: string; type: string }>(
        'SELECT id::text, status, type FROM notification_history WHERE cabinet_id = $1 ORDER BY id',
        [cabinetId],
      )
    ).rows;
  const beforeB = (await historyOf(cabinetB)).length;
  const beforeA = (await historyOf(cabinetA)).length;
  await emulator.control.advanceClock({ ms: 1_000 });
  await emulator.control.addOrder(other.sid);
  await until('cabinet B’s order notification', async () => (await historyOf(cabinetB)).length > beforeB);
  // Its toast proves the socket carries events: cabinet B's reached the page A's list is on.
  await page.getByTestId('toast').first().waitFor({ timeout: 15_000 });
  await emulator.control.advanceClock({ ms: 1_000 });
  await emulator.control.addOrder(system.seller.sid);
  await until('cabinet A’s order notification, suppressed by the settings', async () =>
    (await historyOf(cabinetA)).slice(beforeA).some((row) => row.type === 'new_order' && row.status === 'suppressed'),
  );
  const idsB = (await historyOf(cabinetB)).map((row) => row.id);
  const rowA = (await historyOf(cabinetA)).findLast((row) => row.type === 'new_order')!;
  const { rows: facts } = await system.api.pool.query<{ title: string; price: string; subject: string | null }>(
    `SELECT p.title, coalesce(e.payload->>'sellerPrice', e.payload->>'priceWithDisc') AS price, e.payload->>'subject' AS subject
     FROM notification_history h JOIN outbox_events e ON e.id = h.outbox_event_id
     JOIN wb_products p ON p.cabinet_id = h.cabinet_id AND p.nm_id = (e.payload->>'nmId')::int
     WHERE h.id = $1`,
    [rowA.id],
  );
  const totalA = (await historyOf(cabinetA)).length;

  for (const { width, height, device } of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    if (device === 'phone') await page.reload();
    const itemA = page.locator(`[data-notification-id="${rowA.id}"]`);
    // The suppressed order shows its outcome and why, not «В очереди», without a reload.
    await itemA.filter({ hasText: 'Не отправлено: все уведомления выключены' }).waitFor({ timeout: 15_000 });
    expect(await itemA.getAttribute('data-status')).toBe('suppressed');
    const product = await itemA.getByTestId('notification-product').textContent();
    expect(product).toContain(facts[0]!.title);
    expect(product).toContain(formatRubles(facts[0]!.price));
    if (facts[0]!.subject && !facts[0]!.title.includes(facts[0]!.subject))
      expect(product).not.toContain(facts[0]!.subject);
    // Cabinet B's order reached the same socket, yet is not in cabinet A's list.
    for (const id of idsB) expect(await page.locator(`[data-notification-id="${id}"]`).count()).toBe(0);
    await page.getByTestId('history-total').getByText(`Всего: ${totalA}`, { exact: true }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(shots, `notifications-cabinet-${device}.png`), fullPage: true });
  }
  expect(browser.takeErrors()).toEqual([]);
}, 180_000);
