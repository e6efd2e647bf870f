import { afterAll, beforeAll, expect, it } from 'vitest';
import { acceptInvite, createInvite, createLoginLink, registerTelegramUser } from '@wb-assist/core';
import { testRunId } from '@wb-assist/db/testing';
import type { Page } from 'playwright-core';
import { buildWebOnce } from './build.ts';
import { openBrowser, requireChromium, type TestBrowser } from './browser.ts';
import { DEMO_TELEGRAM_ID, startWebSystem, type WebSystem } from './system.ts';

// Answering a buyer from the dashboard, end to end: two members of one cabinet have Вопросы
// open in their own browsers; one answers; WB (the emulator) holds the answer and the other
// member's page shows it answered, with the author's name, without a reload.

let system: WebSystem;
let anna: TestBrowser;
let boris: TestBrowser;
let cabinetId: string;

beforeAll(async () => {
  requireChromium();
  await buildWebOnce(testRunId());
  system = await startWebSystem();
  anna = await openBrowser();
  boris = await openBrowser();
}, 180_000);
afterAll(async () => {
  await anna?.close();
  await boris?.close();
  await system?.stop();
});

/** Polls a condition of the system (the database, the emulator) until it holds. */
async function until<T>(read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves once the page's socket has asked for the cabinet's answer events. */
function answerEventsRequested(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('buyerAnswerChanged')) resolve();
      }),
    );
  });
}

it('connects the seller for the first member and invites the second', async () => {
  const { page } = anna;
  await page.goto(`${system.webUrl}/login`);
  await page.getByRole('button', { name: 'Войти в демо' }).click();
  await page.waitForURL('**/onboarding', { timeout: 15_000 });
  await page.getByLabel('Токен WB API').fill(system.sellerKey);
  await page.getByRole('button', { name: 'Подключить' }).click();
  await page.waitForURL(`${system.webUrl}/`, { timeout: 90_000 });
  const { rows } = await system.api.pool.query<{ id: string }>('SELECT id FROM cabinets');
  cabinetId = rows[0]!.id;

  const prisma = system.api.prisma;
  const owner = await prisma.user.findFirstOrThrow({ where: { telegramId: DEMO_TELEGRAM_ID } });
  const { user: second } = await registerTelegramUser(prisma, { telegramId: 700_000_778n, firstName: 'Борис' });
  const invite = await createInvite(prisma, { cabinetId, userId: owner.id });
  if (!invite.ok) throw new Error(invite.message);
  expect(await acceptInvite(prisma, { code: invite.code, userId: second.id })).toMatchObject({ ok: true });
  const { token } = await createLoginLink(prisma, { userId: second.id });
  await boris.page.goto(`${system.webUrl}/login/link?token=${token}`);
  await boris.page.waitForURL(`${system.webUrl}/`, { timeout: 15_000 });
}, 150_000);

it('shows one member’s answer on the other member’s open page, live', async () => {
  await system.emulator.control.advanceClock({ ms: 1_000 });
  const asked = await system.emulator.control.addQuestion(system.seller.sid, { text: 'Есть ли размер S?' });
  // The worker syncs every second; the question is on the page once it is stored.
  await until(
    () => system.api.pool.query('SELECT 1 FROM wb_questions WHERE question_id = $1', [asked.id]),
    (result) => result.rowCount === 1,
  );

  const listening = answerEventsRequested(boris.page);
  for (const { page } of [anna, boris]) {
    await page.goto(`${system.webUrl}/questions`);
    await page.getByRole('heading', { name: 'Вопросы' }).waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="answer-${asked.id}"][data-answered="no"]`).waitFor({ timeout: 15_000 });
  }
  await listening;
  const navigations: string[] = [];
  boris.page.on('framenavigated', (frame) => navigations.push(frame.url()));
  anna.takeErrors();
  boris.takeErrors();

  const row = anna.page.getByTestId(`answer-${asked.id}`);
  await row.getByRole('button', { name: 'Ответить' }).click();
  await row.getByLabel('Ответ на вопрос').fill('Да, размер S есть на складе.');
  await row.getByRole('button', { name: 'Отправить' }).click();
  await anna.page.locator(`[data-testid="answer-${asked.id}"][data-answered="yes"]`).waitFor({ timeout: 15_000 });

  const held = await until(
    () => system.emulator.control.question(system.seller.sid, asked.id),
    (question) => question.answer !== null,
  );
  expect(held.answer?.text).toBe('Да, размер S есть на складе.');

  const seen = boris.page.locator(`[data-testid="answer-${asked.id}"][data-answered="yes"]`);
  await seen.waitFor({ timeout: 10_000 });
  expect(await seen.locator('.answer-text').textContent()).toBe('Да, размер S есть на складе.');
  expect(await seen.getByTestId('answer-author').textContent()).toContain('Демо');
  expect(navigations).toEqual([]);
  expect(anna.takeErrors()).toEqual([]);
  expect(boris.takeErrors()).toEqual([]);
}, 90_000);

it('checks the length before sending, and keeps the text when WB refuses the key', async () => {
  await system.emulator.control.advanceClock({ ms: 1_000 });
  const asked = await system.emulator.control.addQuestion(system.seller.sid, { text: 'Какая длина рукава?' });
  await until(
    () => system.api.pool.query('SELECT 1 FROM wb_questions WHERE question_id = $1', [asked.id]),
    (result) => result.rowCount === 1,
  );
  const { page } = anna;
  await page.goto(`${system.webUrl}/questions`);
  const row = page.getByTestId(`answer-${asked.id}`);
  await row.getByRole('button', { name: 'Ответить' }).click();
  const box = row.getByLabel('Ответ на вопрос');
  await box.fill('Д');
  await row.getByRole('button', { name: 'Отправить' }).click();
  await row.getByRole('alert').filter({ hasText: 'слишком короткий' }).waitFor();

  // The seller deleted the key in the WB cabinet; the dashboard learns it from WB's refusal.
  await system.emulator.control.revokeToken({ token: system.sellerKey });
  const typed = 'Длина рукава 62 см.';
  await box.fill(typed);
  await row.getByRole('button', { name: 'Отправить' }).click();
  await row.getByRole('alert').filter({ hasText: 'ключ' }).waitFor({ timeout: 15_000 });
  expect(await box.inputValue()).toBe(typed);
  expect(await page.getByTestId('answer-access').textContent()).toMatch(/Доступ к API/);
  expect((await system.emulator.control.question(system.seller.sid, asked.id)).answer).toBeNull();
}, 60_000);

it('says at connect, and on Вопросы, what to change when the key is read-only', async () => {
  const shop = await system.emulator.control.createSeller({ name: 'ИП Только чтение', historyDays: 2 });
  const { token: key } = await system.emulator.control.createToken({
    sid: shop.sid,
    categories: ['statistics', 'feedbacks'],
    readOnly: true,
  });
  const { page } = boris;
  await page.goto(`${system.webUrl}/onboarding`);
  await page.getByLabel('Токен WB API').fill(key);
  await page.getByRole('button', { name: 'Подключить' }).click();
  expect(await page.getByTestId('answer-access').textContent()).toMatch(/только для чтения.*Доступ к API/);

  await page.goto(`${system.webUrl}/questions`);
  await page.getByLabel('Кабинет').selectOption({ label: 'ИП Только чтение' });
  await page.getByTestId('answer-access').filter({ hasText: 'только для чтения' }).waitFor();
  await page.getByRole('heading', { name: 'Вопросы' }).waitFor();
  expect(await page.getByRole('button', { name: 'Ответить' }).count()).toBe(0);
}, 60_000);
