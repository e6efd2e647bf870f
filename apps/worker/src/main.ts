import { createLogger } from '@wb-assist/logger';
import { startWorkerApp } from './app.ts';
import { loadWorkerEnv } from './env.ts';

const env = loadWorkerEnv();
const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL, format: env.LOG_FORMAT });
const app = await startWorkerApp({ env, logger });

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: finishing running syncs, then stopping`);
  await app.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
