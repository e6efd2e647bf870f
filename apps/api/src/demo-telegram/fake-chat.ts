import { z } from 'zod';

// The demo's fake Telegram (tooling/telegram-fake) over its control API, never imported: the
// API reaches it only over HTTP, as the dashboard's stand-in for a Telegram client.

const button = z.object({ text: z.string(), callback_data: z.string().optional(), url: z.string().optional() });

const message = z.object({
  message_id: z.number().int(),
  from: z.object({ is_bot: z.boolean() }),
  date: z.number(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo_url: z.string().optional(),
  reply_markup: z.object({ inline_keyboard: z.array(z.array(button)) }).optional(),
});

export type FakeChatMessage = z.infer<typeof message>;
export type FakeChatButton = z.infer<typeof button>;

export class FakeTelegramUnavailable extends Error {}

async function call(url: URL, init?: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new FakeTelegramUnavailable(`the fake Telegram did not answer: ${(error as Error).message}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new FakeTelegramUnavailable(`the fake Telegram answered ${response.status}`);
  return body;
}

/** The chat as its user sees it: the bot's messages and the user's own, oldest first. */
export async function readFakeChat(controlUrl: string, chatId: bigint): Promise<FakeChatMessage[]> {
  const url = new URL('/__control/chat', controlUrl);
  url.searchParams.set('chat_id', String(chatId));
  return z.array(message).parse(await call(url));
}

const post = (controlUrl: string, path: string, body: Record<string, unknown>) =>
  call(new URL(path, controlUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A message typed by the chat's user: the bot gets it as an update, as from Telegram. */
export async function sendToFakeChat(
  controlUrl: string,
  chatId: bigint,
  text: string,
  from: { first_name?: string; username?: string },
): Promise<void> {
  await post(controlUrl, '/__control/inject-message', { chat_id: Number(chatId), text, from });
}

/** The chat's user presses an inline button under one of the bot's messages. */
export async function pressInFakeChat(
  controlUrl: string,
  chatId: bigint,
  messageId: number,
  callbackData: string,
): Promise<void> {
  await post(controlUrl, '/__control/inject-callback', {
    chat_id: Number(chatId),
    message_id: messageId,
    data: callbackData,
  });
}
