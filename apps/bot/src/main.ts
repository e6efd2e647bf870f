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

const app = await startBotApp({ env, logger });

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
