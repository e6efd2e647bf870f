import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testRunId } from '@wb-assist/db/testing';
import { formatCount, formatRubles, NOT_SETTLED } from '../lib/format';
import { buildWebOnce, webDir } from './build.ts';
import { openBrowser, requireChromium, signInToDemoAndConnect, type TestBrowser } from './browser.ts';
import { startWebSystem, type WebSystem } from './system.ts';

// The tables (orders, sales, stocks, reviews) as a seller used to MPSTATS expects them: sorted
// by a click on a header, searched by article or name, paged by number, the state in the
// address, exported whole as CSV and XLSX, counts with thousands separators, and cards on a
// phone. The tests run in order and share one signed-in browser.

const shots = path.join(webDir, 'test-results/screenshots');
const PAGE_SIZE = 25;
let system: WebSystem;
let browser: TestBrowser;
let cabinetId: string;

beforeAll(async () => {
  requireChromium();
  await buildWebOnce(testRunId());
  // 40 orders a day over 35 days: over a thousand orders, so the total needs a separator.
  system = await startWebSystem({ ordersPerDay: 40 });
  browser = await openBrowser();
  fs.mkdirSync(shots, { recursive: true });
  // The production build alone takes minutes on a busy two-core machine.
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads until the value is the expected one, or fails showing the last one read. */
async function eventually<T>(what: string, read: () => Promise<T>, expected: T, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await sleep(100);
    last = await read();
  }
  expect(last, what).toEqual(expected);
}

async function query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await system.api.pool.query<T>(sql, params)).rows;
}

async function one<T extends object>(sql: string, params: unknown[] = []): Promise<T> {
  return (await query<T>(sql, params))[0]!;
}

/** The router writes the address a moment after the click that changed the table. */
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const total = (page: Page) => page.getByTestId('table-total').textContent();
const firstRow = (page: Page) => page.locator('tbody tr').first();
const cell = (row: Locator, label: string) => row.locator(`td[data-label="${label}"]`).textContent();
const header = (page: Page, label: string) => page.locator('th').filter({ hasText: label });

it('signs in to the demo and connects the seller', async () => {
  const { page } = browser;
  await signInToDemoAndConnect(page, { webUrl: system.webUrl, key: system.sellerKey });
  cabinetId = (await query<{ id: string }>('SELECT id FROM cabinets'))[0]!.id;
  // This system has no bot: undeliverable messages would only be retried meanwhile.
  await system.api.pool.query('UPDATE notification_settings SET notifications_enabled = false WHERE cabinet_id = $1', [
    cabinetId,
  ]);
}, 150_000);

it('counts orders with separators, sorts by a header click and pages by number, all kept in the address', async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 1440, height: 900 });
  const { count } = await one<{ count: number }>('SELECT count(*)::int AS count FROM wb_orders WHERE cabinet_id = $1', [
    cabinetId,
  ]);
  expect(count).toBeGreaterThanOrEqual(1000);
  await page.goto(`${system.webUrl}/orders`);
  await page.getByTestId('table-total').waitFor({ timeout: 15_000 });
  // «Всего: 1 400», a no-break space between thousands, as ru-RU writes it.
  await eventually('the total', () => total(page), `Всего: ${formatCount(count)}`);
  expect(await total(page)).toMatch(/^Всего: \d{1,3}(\u00a0\d{3})+$/);
  expect(await header(page, 'Дата').getAttribute('aria-sort')).toBe('descending');
  expect(await header(page, 'Цена продавца').getAttribute('aria-sort')).toBe('none');
  // Not sortable: no aria-sort at all.
  expect(await header(page, 'Склад').getAttribute('aria-sort')).toBeNull();

  const prices = (
    await query<{ price: string }>(
      'SELECT price_with_disc::text AS price FROM wb_orders WHERE cabinet_id = $1 ORDER BY price_with_disc, id',
      [cabinetId],
    )
  ).map((row) => formatRubles(row.price));
  await header(page, 'Цена продавца').getByRole('button').click();
  await eventually(
    'aria-sort after one click',
    () => header(page, 'Цена продавца').getAttribute('aria-sort'),
    'descending',
  );
  expect(await header(page, 'Дата').getAttribute('aria-sort')).toBe('none');
  await eventually('the dearest order first', () => cell(firstRow(page), 'Цена продавца'), prices.at(-1)!);
  await header(page, 'Цена продавца').getByRole('button').click();
  await eventually(
    'aria-sort after two clicks',
    () => header(page, 'Цена продавца').getAttribute('aria-sort'),
    'ascending',
  );
  await eventually('the cheapest order first', () => cell(firstRow(page), 'Цена продавца'), prices[0]!);
  await eventually('«sort» in the address', async () => param(page, 'sort'), 'AMOUNT');
  await eventually('«dir» in the address', async () => param(page, 'dir'), 'asc');

  // Page 2 by its number: the 26th cheapest order leads it.
  await page.getByRole('button', { name: 'Страница 2' }).click();
  await eventually(
    'page 2 current',
    () => page.getByRole('button', { name: 'Страница 2' }).getAttribute('aria-current'),
    'page',
  );
  await eventually('page 2’s first row', () => cell(firstRow(page), 'Цена продавца'), prices[PAGE_SIZE]!);
  await eventually('«page» in the address', async () => param(page, 'page'), '2');
  const last = Math.ceil(count / PAGE_SIZE);
  expect(await page.getByRole('button', { name: `Страница ${last}` }).count()).toBe(1);

  // A reload (or the link shared) shows the same sort and page.
  await page.reload();
  await page.getByTestId('table-total').waitFor({ timeout: 15_000 });
  expect(await header(page, 'Цена продавца').getAttribute('aria-sort')).toBe('ascending');
  expect(await page.getByRole('button', { name: 'Страница 2' }).getAttribute('aria-current')).toBe('page');
  await eventually('page 2 after a reload', () => cell(firstRow(page), 'Цена продавца'), prices[PAGE_SIZE]!);

  // «Назад» goes back to page 1 of the same sort.
  await page.goBack();
  await eventually('page 1 after Back', () => cell(firstRow(page), 'Цена продавца'), prices[0]!);
  await eventually('«page» in the address', async () => param(page, 'page'), null);
  expect(await page.getByRole('button', { name: 'Страница 1' }).getAttribute('aria-current')).toBe('page');
  expect(browser.takeErrors()).toEqual([]);
}, 120_000);

/** Orders the API's search finds: the article, or a card's name or vendor code, any case. */
async function searched(text: string, extra = ''): Promise<number> {
  const { count } = await one<{ count: number }>(
    `SELECT count(*)::int AS count FROM wb_orders o WHERE o.cabinet_id = $1 ${extra} AND (o.supplier_article ILIKE $2
       OR o.nm_id IN (SELECT nm_id FROM wb_products WHERE cabinet_id = $1 AND (title ILIKE $2 OR vendor_code ILIKE $2)))`,
    [cabinetId, `%${text}%`],
  );
  return count;
}

let article: string;

it('searches orders by article, shows each row’s product, filters, and keeps it all across a reload', async () => {
  const { page } = browser;
  const [top] = await query<{ article: string; nm_id: number; title: string }>(
    `SELECT o.supplier_article AS article, o.nm_id, p.title FROM wb_orders o
     JOIN wb_products p ON p.cabinet_id = o.cabinet_id AND p.nm_id = o.nm_id
     WHERE o.cabinet_id = $1 GROUP BY 1, 2, 3 ORDER BY count(*) DESC LIMIT 1`,
    [cabinetId],
  );
  article = top!.article;
  const expected = await searched(article);
  expect(expected).toBeGreaterThan(PAGE_SIZE);
  await page.getByLabel('Поиск по артикулу или названию').fill(article.toUpperCase());
  await eventually('the searched total', () => total(page), `Всего: ${formatCount(expected)}`);
  await eventually('«q» in the address', async () => param(page, 'q'), article.toUpperCase());
  const rows = await page.locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(PAGE_SIZE);
  for (const row of rows) expect(row.toLowerCase()).toContain(article.toLowerCase());
  // The product's name and photo on the row, the photo lazy with a fixed size and alt text.
  const product = firstRow(page).locator('td[data-label="Товар"]');
  expect(await product.textContent()).toContain(top!.title);
  const photo = product.locator('img');
  if ((await photo.count()) > 0) {
    expect(await photo.getAttribute('loading')).toBe('lazy');
    expect(await photo.getAttribute('alt')).toBe(top!.title);
    expect(await photo.getAttribute('width')).toBe('48');
  }

  await page.getByLabel('Статус').selectOption('cancelled');
  const cancelled = await searched(article, 'AND o.is_cancel');
  await eventually('cancelled ones of the search', () => total(page), `Всего: ${formatCount(cancelled)}`);
  await eventually('«status» in the address', async () => param(page, 'status'), 'cancelled');
  await page.reload();
  await page.getByTestId('table-total').waitFor({ timeout: 15_000 });
  expect(await page.getByLabel('Поиск по артикулу или названию').inputValue()).toBe(article.toUpperCase());
  expect(await page.getByLabel('Статус').inputValue()).toBe('cancelled');
  await eventually('the filter after a reload', () => total(page), `Всего: ${formatCount(cancelled)}`);
  await page.goBack();
  await eventually('the search without the filter', () => total(page), `Всего: ${formatCount(expected)}`);
  expect(browser.takeErrors()).toEqual([]);
}, 120_000);

it('exports every searched order, all pages, as CSV and as XLSX', async () => {
  const { page } = browser;
  const expected = await searched(article);
  const save = async (button: string) => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
  };

  const csv = await save('Скачать CSV');
  expect(csv.name).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
  // UTF-8 with a BOM and «;» between fields: what Russian Excel opens by double-click.
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('Дата;Артикул продавца;Артикул WB;Товар;Размер;Склад;Регион;Цена продавца, ₽;Статус');
  expect(lines).toHaveLength(expected + 1);
  for (const line of lines.slice(1)) expect(line.toLowerCase()).toContain(article.toLowerCase());
  // In the table's order: cheapest first (the sort the address still holds).
  const amounts = lines.slice(1).map((line) => Number(line.split(';')[7]!.replace(',', '.')));
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b));

  const xlsx = await save('Скачать XLSX');
  expect(xlsx.name).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Заказы')!;
  expect(sheet.rowCount).toBe(expected + 1);
  expect(sheet.getRow(1).getCell(2).value).toBe('Артикул продавца');
  for (let n = 2; n <= sheet.rowCount; n += 1)
    expect(String(sheet.getRow(n).getCell(2).value).toLowerCase()).toContain(article.toLowerCase());
  expect(typeof sheet.getRow(2).getCell(8).value).toBe('number');
  expect(browser.takeErrors()).toEqual([]);
}, 120_000);

/**
 * Polls the database until the system reached the state, or fails saying which. The emulator's
 * clock is frozen: it moves on 10 s a poll, so WB's rate-limit windows open as they would in time.
 */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    await system.emulator.control.advanceClock({ ms: 10_000 });
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${system.output().slice(-3000)}`);
    await sleep(200);
  }
}

it('says a sale whose money WB has not settled is «ещё не рассчитано», not «0 ₽»', async () => {
  const { page } = browser;
  const { emulator, seller } = system;
  await emulator.control.advanceClock({ ms: 1_000 });
  const order = await emulator.control.addOrder(seller.sid);
  await emulator.control.buyOut(seller.sid, order.srid, { fillMoneyAfterMinutes: 24 * 60 });
  await until('the unsettled buyout stored', async () => {
    const rows = await query<{ for_pay: string }>(
      'SELECT for_pay::text FROM wb_sales WHERE cabinet_id = $1 AND srid = $2',
      [cabinetId, order.srid],
    );
    return rows.length === 1 && Number(rows[0]!.for_pay) === 0;
  });
  const { nm_id } = await one<{ nm_id: number }>('SELECT nm_id FROM wb_sales WHERE srid = $1', [order.srid]);
  await page.goto(`${system.webUrl}/sales?q=${nm_id}`);
  await page.getByTestId('table-total').waitFor({ timeout: 15_000 });
  // Newest first: the buyout made just now leads.
  await eventually('the unsettled buyout', () => cell(firstRow(page), 'К перечислению'), NOT_SETTLED);
  expect(await cell(firstRow(page), 'Цена продавца')).toBe(NOT_SETTLED);
  expect(await page.getByTestId('for-pay').allTextContents()).not.toContain(formatRubles(0));
  expect(browser.takeErrors()).toEqual([]);
}, 120_000);

it('sorts stocks and reviews by their headers too', async () => {
  const { page } = browser;
  await page.goto(`${system.webUrl}/stocks`);
  await page.getByTestId('table-total').waitFor({ timeout: 15_000 });
  const { least } = await one<{ least: number }>(
    `SELECT min(available)::int AS least FROM stock_days_of_cover($1, now())`,
    [cabinetId],
  );
  await header(page, 'Доступно').getByRole('button').click();
  await eventually(
    'stocks sorted by what is left',
    () => header(page, 'Доступно').getAttribute('aria-sort'),
    'ascending',
  );
  await eventually(
    'the size with least left first',
    () => firstRow(page).getByTestId('stock-available').locator('b').textContent(),
    `${formatCount(least)} шт.`,
  );
  await eventually('«sort» in the address', async () => param(page, 'sort'), 'AVAILABLE');

  const { reviews } = await one<{ reviews: number }>(
    'SELECT count(*)::int AS reviews FROM wb_reviews WHERE cabinet_id = $1',
    [cabinetId],
  );
  await page.goto(`${system.webUrl}/reviews`);
  await page.locator('main h1').waitFor();
  if (reviews > 0) {
    await page.getByTestId('table-total').waitFor({ timeout: 15_000 });
    await header(page, 'Оценка').getByRole('button').click();
    await eventually('reviews by rating', () => header(page, 'Оценка').getAttribute('aria-sort'), 'ascending');
    const { lowest } = await one<{ lowest: number }>(
      'SELECT min(rating)::int AS lowest FROM wb_reviews WHERE cabinet_id = $1',
      [cabinetId],
    );
    await eventually(
      'the lowest rating first',
      () => firstRow(page).locator('td[data-label="Оценка"] [role="img"]').getAttribute('aria-label'),
      `${lowest} из 5`,
    );
  }
  expect(browser.takeErrors()).toEqual([]);
}, 60_000);

it('shows every table page at desktop width and as cards at 390 px, never wider than the screen', async () => {
  const { page } = browser;
  for (const { width, height, device } of [
    { width: 1440, height: 900, device: 'desktop' },
    { width: 390, height: 844, device: 'phone' },
  ]) {
    await page.setViewportSize({ width, height });
    for (const name of ['orders', 'sales', 'stocks', 'reviews']) {
      await page.goto(`${system.webUrl}/${name}`);
      await page.locator('main h1').first().waitFor({ timeout: 15_000 });
      await page.getByTestId('table-total').or(page.getByText(/нет$/)).first().waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      const file = path.join(shots, `tables-${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(innerWidth);
    }
  }
  expect(browser.takeErrors()).toEqual([]);
}, 120_000);
