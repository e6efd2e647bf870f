import { createLogger } from '@wb-assist/logger';
import { startBotApp } from './app.ts';
import { loadBotEnv } from './env.ts';

const env = loadBotEnv();
const logger = createLogger({ name: 'bot', level: env.LOG_LEVEL, format: env.LOG_FORMAT });

if (!env.BOT_TOKEN) {
  // The rest of the system runs without Telegram; the dashboard and GraphQL still work.
  logger.info('BOT_TOKEN is not set: the Telegram bot is not started');
  process.exit(0);
}

/** One log line, not a stack trace on stderr: the operator's log tools read JSON. */
function fail(error: unknown, message: string): never {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, message);
  process.exit(1);
}

const app = await startBotApp({ env, logger }).catch((error: unknown) => fail(error, 'the bot could not start'));

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: stopping the bot`);
  await app.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

// Unreachable is retried inside; this is Telegram saying no (a wrong BOT_TOKEN, a refused
// webhook URL), which no retry can change.
app.telegram.catch(async (error: unknown) => {
  if (shuttingDown) return;
  shuttingDown = true;
  await app.stop().catch(() => {});
  fail(error, 'Telegram refused the bot: check BOT_TOKEN and WEBHOOK_URL');
});
