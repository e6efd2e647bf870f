import { startTelegramFake } from './server.ts';
import type { TelegramFake, TelegramFakeOptions } from './server.ts';
import type { Message } from './types.ts';

/** A Bot API reply; `result` typed by the caller, since it depends on the method. */
export interface Reply<R> {
  ok: boolean;
  result: R;
  error_code?: number;
  description?: string;
  parameters?: { retry_after: number };
}

export const token = '42:SECRET';

/** Starts a fake on port 0 and returns it with a caller for its Bot API methods. */
export async function startForTest(options: TelegramFakeOptions = {}): Promise<{
  fake: TelegramFake;
  call: <R = Message>(method: string, params?: Record<string, unknown>) => Promise<{ status: number; body: Reply<R> }>;
}> {
  const fake = await startTelegramFake({ tokens: [token], ...options });
  const call = async <R = Message>(method: string, params: Record<string, unknown> = {}) => {
    const response = await fetch(`${fake.url}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    return { status: response.status, body: (await response.json()) as Reply<R> };
  };
  return { fake, call };
}
