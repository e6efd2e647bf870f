import { demoTelegramId, type ApiConfig } from '../config.ts';
import { builder } from './builder.ts';

interface LoginOptions {
  demo: boolean;
  telegramBotUsername: string | null;
}

let username: Promise<string | null> | null = null;

/** The bot's @username from getMe, asked once: the login widget needs it, the token alone is not enough. */
function botUsername(config: ApiConfig): Promise<string | null> {
  if (!config.botToken || !config.telegramApiRoot) return Promise.resolve(null);
  username ??= fetch(`${config.telegramApiRoot}/bot${config.botToken}/getMe`, { signal: AbortSignal.timeout(5_000) })
    .then((response) => response.json() as Promise<{ ok: boolean; result?: { username?: string } }>)
    .then((body) => (body.ok ? (body.result?.username ?? null) : null))
    .catch(() => {
      username = null;
      return null;
    });
  return username;
}

const LoginOptionsRef = builder.objectRef<LoginOptions>('LoginOptions').implement({
  description: 'How one may sign in here: the dashboard draws its login page from it.',
  fields: (t) => ({
    demo: t.exposeBoolean('demo', { description: 'The demo deployment: demoLogin works.' }),
    telegramBotUsername: t.exposeString('telegramBotUsername', {
      nullable: true,
      description: 'The bot behind the Telegram Login Widget; null when there is no bot.',
    }),
  }),
});

builder.queryField('loginOptions', (t) =>
  t.field({
    type: LoginOptionsRef,
    resolve: async (_root, _args, ctx) => ({
      demo: demoTelegramId(ctx.config) !== undefined,
      telegramBotUsername: await botUsername(ctx.config),
    }),
  }),
);
