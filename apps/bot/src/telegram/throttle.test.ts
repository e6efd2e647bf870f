import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startTelegramFake, type TelegramFake } from '@wb-assist/telegram-fake';
import { createTelegrafBot } from './telegraf-adapter.ts';
import { throttleTelegram, type ThrottledTelegram } from './throttle.ts';

// Telegram counts a request when it arrives. Between the bot and the fake Telegram sits a proxy
// that holds every other message (by its number) for 300 ms of Telegram's time, the way a busy
// machine or network delays one request and not the next: sends that left a full second apart
// then arrive 0.7 s apart. The bot must still never be answered 429.
const TOKEN = '777002:AAFake-token-for-throttle-tests_1';
const SCALE = 0.5; // Telegram's second is 500 ms here, on both sides.
const SLOW_MS = 300 * SCALE;

let fake: TelegramFake | undefined;
let proxy: http.Server | undefined;
let telegram: ThrottledTelegram | undefined;
afterEach(async () => {
  await telegram?.stop();
  proxy?.close();
  await fake?.close();
});

async function startDelayingProxy(target: string): Promise<string> {
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = String((JSON.parse(body.toString() || '{}') as { text?: unknown }).text ?? '');
      const number = Number(/#(\d+)/.exec(text)?.[1] ?? 1);
      setTimeout(
        () => {
          fetch(new URL(req.url ?? '/', target), {
            method: req.method,
            headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
            body,
          })
            .then(async (answer) => {
              res.writeHead(answer.status, { 'content-type': 'application/json' });
              res.end(Buffer.from(await answer.arrayBuffer()));
            })
            .catch((error: unknown) => {
              res.writeHead(502);
              res.end(String(error));
            });
        },
        number % 2 === 0 ? SLOW_MS : 0,
      );
    });
  });
  await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

it('stays within one message a second per chat and 30 per bot when requests arrive unevenly', async () => {
  fake = await startTelegramFake({
    tokens: [TOKEN],
    limits: { perChatPerSecond: 1, globalPerSecond: 30, timeScale: SCALE },
  });
  const apiRoot = await startDelayingProxy(fake.url);
  const adapter = createTelegrafBot({ token: TOKEN, apiRoot, onUpdate: async () => {}, onError: () => {} });
  // notifyPort hands a 429 back instead of retrying it, so any refusal fails a send below.
  telegram = throttleTelegram(adapter.port, { timeScale: SCALE });

  // Three chats with six messages each, and 60 chats with one each: both limits are tested.
  const busyChats = [5_500_001, 5_500_002, 5_500_003];
  const sends = [
    ...busyChats.flatMap((chatId) => [1, 2, 3, 4, 5, 6].map((n) => ({ chatId, text: `заказ #${n}` }))),
    ...Array.from({ length: 60 }, (_, i) => ({ chatId: 5_600_000 + i, text: `заказ #${i}` })),
  ];
  const results = await Promise.allSettled(
    sends.map(({ chatId, text }) => telegram!.notifyPort().sendMessage(chatId, text)),
  );

  const refused = fake.control.calls().filter((call) => !call.response.ok);
  expect(refused.map((call) => call.response)).toEqual([]);
  expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
  for (const chatId of busyChats) {
    expect(fake.control.messagesTo(chatId).map((message) => message.text)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `заказ #${n}`),
    );
  }
}, 30_000);
