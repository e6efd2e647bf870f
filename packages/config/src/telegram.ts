import { z } from 'zod';
import { httpUrl, port } from './fields.ts';

export const telegramEnv = z
  .object({
    /** Without it the bot does not start (the rest of the system runs). */
    BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'must look like 123456789:AA... (from @BotFather)')
      .optional(),
    /** Public HTTPS URL Telegram calls; without it the bot uses long polling. */
    WEBHOOK_URL: z.url({ protocol: /^https$/, error: 'must be a public https URL' }).optional(),
    /** Checked on every Telegram webhook call (X-Telegram-Bot-Api-Secret-Token). */
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ or -')
      .optional(),
    TELEGRAM_API_ROOT: httpUrl('https://api.telegram.org'),
    BOT_PORT: port(4100),
    /** Where the worker posts signed notifications for the bot to deliver. */
    BOT_INTERNAL_URL: httpUrl('http://127.0.0.1:4100'),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'required when WEBHOOK_URL is set, so forged webhook calls are refused',
      });
    }
  });

export type TelegramEnv = z.output<typeof telegramEnv>;
