import { z } from 'zod';
import { httpUrl, optionalHttpUrl, port } from './fields.ts';

export const webEnv = z
  .object({
    NODE_ENV: z.string().default('development'),
    /** Interface the HTTP servers listen on; 0.0.0.0 in containers. */
    HOST: z.string().default('127.0.0.1'),
    API_PORT: port(4000),
    WEB_PORT: port(3000),
    /** How users reach the dashboard (login links, bot buttons, the morning summary's «Подробнее»). */
    PUBLIC_WEB_URL: httpUrl('http://localhost:3000'),
    /** How the dashboard and integrators reach the GraphQL API. */
    PUBLIC_API_URL: httpUrl('http://localhost:4000'),
    /** How the dashboard's server reaches the API (first render); PUBLIC_API_URL when unset. */
    INTERNAL_API_URL: optionalHttpUrl(),
    /**
     * Demo mode only: the Telegram id of the demo seller's user. When set, the API offers a
     * password-less demoLogin as that user. Refused in production.
     */
    DEMO_LOGIN_TELEGRAM_ID: z.coerce
      .bigint({ error: 'must be a Telegram user id (digits)' })
      .positive('must be a Telegram user id (digits)')
      .optional(),
    /**
     * Demo mode only: the fake Telegram Bot API's address (tooling/telegram-fake), whose control
     * API the dashboard's «Telegram» chat reads and drives for the demo user. Refused in production.
     */
    DEMO_TELEGRAM_CONTROL_URL: optionalHttpUrl(),
  })
  .superRefine((env, ctx) => {
    // A stray variable on a real deployment (a host env passed through) would hand anyone the
    // demo user's account without a password: stop at start rather than serve that.
    if (env.NODE_ENV === 'production' && env.DEMO_LOGIN_TELEGRAM_ID !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_LOGIN_TELEGRAM_ID'],
        message: 'must not be set in production: it lets anyone sign in as that user without a password',
      });
    }
    // The fake Telegram is a development tool: a real deployment has nothing there to drive.
    if (env.NODE_ENV === 'production' && env.DEMO_TELEGRAM_CONTROL_URL !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_TELEGRAM_CONTROL_URL'],
        message: 'must not be set in production: it is the local demo’s fake Telegram',
      });
    }
  })
  .transform(({ NODE_ENV: _nodeEnv, ...env }) => env);

export type WebEnv = z.output<typeof webEnv>;
