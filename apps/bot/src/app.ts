import type http from 'node:http';
import pg from 'pg';
import { resolveSecrets } from '@wb-assist/config';
import { createPrismaClient, prepareDatabaseOrExit } from '@wb-assist/db';
import type { Logger } from '@wb-assist/logger';
import { createMetrics, instrumentPool } from '@wb-assist/metrics';
import { wbAccessFromEnv } from '@wb-assist/wb-api';
import type { BotContext } from './context.ts';
import type { BotEnv } from './env.ts';
import { InitialSyncGate } from './flows/initial-sync-gate.ts';
import { createHandlers } from './handlers.ts';
import { createNotificationEndpoint } from './notify/notification-endpoint.ts';
import { createBotServer } from './server.ts';
import { connectWithRetry } from './telegram/connect.ts';
import { instrumentTelegram } from './telegram/instrument.ts';
import { createTelegrafBot } from './telegram/telegraf-adapter.ts';
import { throttleTelegram, type ThrottleOptions } from './telegram/throttle.ts';

export interface BotAppOptions {
  env: BotEnv;
  logger: Logger;
  /** Tests against a time-scaled fake Telegram scale the bot's limits the same way. */
  limits?: ThrottleOptions;
}

/**
 * The bot process: Telegram updates (long polling, or a webhook when WEBHOOK_URL is set), the
 * conversation, the initial-sync gate, and the worker's signed notification endpoint — all on
 * BOT_PORT with /healthz and /metrics.
 */
export async function startBotApp({ env, logger, limits }: BotAppOptions) {
  if (!env.BOT_TOKEN) throw new Error('BOT_TOKEN is not set');
  const database = await prepareDatabaseOrExit(env, logger);
  const secrets = resolveSecrets(env);
  const pool = new pg.Pool({ connectionString: database.url, max: env.DATABASE_POOL_SIZE });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  const prisma = createPrismaClient(database.url, { poolSize: env.DATABASE_POOL_SIZE });
  const metrics = createMetrics('bot');
  instrumentPool(pool, metrics);

  // The conversation needs the adapter's port and the adapter needs the conversation: tied up below.
  const route: { handlers?: ReturnType<typeof createHandlers> } = {};
  const adapter = createTelegrafBot({
    token: env.BOT_TOKEN,
    apiRoot: env.TELEGRAM_API_ROOT,
    onUpdate: (incoming) => (route.handlers ? route.handlers.onUpdate(incoming) : Promise.resolve()),
    onError: (error, incoming) =>
      logger.error({ err: error, chatId: incoming?.chatId, update: incoming?.kind }, 'update handling failed'),
  });
  const throttled = throttleTelegram(instrumentTelegram(adapter.port, metrics), limits);

  const ctx: BotContext = {
    prisma,
    pool,
    telegram: throttled.port,
    logger,
    wb: wbAccessFromEnv(env, pool),
    encryptionKey: secrets.encryptionKey,
    publicWebUrl: env.PUBLIC_WEB_URL,
    initialSyncDays: env.INITIAL_SYNC_DAYS,
    botUsername: adapter.username,
    chats: new Map(),
  };
  const gate: InitialSyncGate = new InitialSyncGate({
    ctx,
    databaseUrl: database.url,
    onReady: (chatId, userId) => handlers.showMenu(chatId, userId),
    onKeyInvalid: (chatId, cabinetId) => handlers.keyInvalid(chatId, cabinetId),
  });
  const handlers = createHandlers(ctx, () => gate);
  route.handlers = handlers;
  await gate.start();

  const notify = createNotificationEndpoint({
    pool,
    telegram: throttled,
    secret: secrets.internalWebhookSecret,
    logger,
    metrics,
  });

  const webhook =
    env.WEBHOOK_URL && env.TELEGRAM_WEBHOOK_SECRET
      ? { url: env.WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET }
      : undefined;
  let webhookHandler: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
  let telegramReady = false;
  const server = createBotServer({
    logger,
    metrics,
    notify,
    telegramWebhook: webhook ? { path: new URL(webhook.url).pathname, handle: () => webhookHandler } : undefined,
    health: async () => {
      await pool.query('SELECT 1');
      return true;
    },
    telegramReady: () => telegramReady,
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.BOT_PORT, env.HOST, () => resolve((server.address() as { port: number }).port));
  });

  // Listening first, Telegram second: a Telegram that cannot be reached at start is waited for
  // (health answers meanwhile, readiness does not), not a crash.
  const stopping = new AbortController();
  const connected = connectWithRetry(
    async () => {
      if (webhook) webhookHandler = await adapter.startWebhook(webhook.url, webhook.secret);
      else await adapter.startPolling();
    },
    { logger, signal: stopping.signal },
  ).then(async () => {
    // Stopped while an attempt was under way: what it started stops too.
    if (stopping.signal.aborted) return adapter.stop();
    telegramReady = true;
    logger.info(
      `bot @${adapter.username()} on http://${env.HOST}:${port} (${webhook ? `webhook ${webhook.url}` : 'long polling'}; notifications: POST /internal/notifications)`,
    );
  });

  return {
    port,
    /** Resolves once Telegram answered (or the bot stopped first); rejects when Telegram refused the bot. */
    telegram: connected,
    async stop() {
      stopping.abort();
      server.closeIdleConnections();
      const closed = new Promise((resolve) => server.close(resolve));
      await adapter.stop();
      await gate.stop();
      await throttled.stop();
      await closed;
      await prisma.$disconnect();
      await pool.end();
      await database.stop();
    },
  };
}
