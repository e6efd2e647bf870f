import pg from 'pg';
import { prepareDatabaseOrExit } from '@wb-assist/db';
import { createLogger } from '@wb-assist/logger';
import { loadApiEnv } from './env.ts';
import { createApiServer, listen } from './server.ts';

const env = loadApiEnv();
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL, format: env.LOG_FORMAT });

const database = await prepareDatabaseOrExit(env, logger);

const pool = new pg.Pool({ connectionString: database.url, max: env.DATABASE_POOL_SIZE });
// An idle client losing its connection (database restart) must not crash the process.
pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
const server = createApiServer({ pool, logger });
const port = await listen(server, env.API_PORT, env.HOST);
logger.info(`API listening on http://${env.HOST}:${port} (health: /healthz)`);

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: shutting down`);
  server.closeIdleConnections();
  await new Promise((resolve) => server.close(resolve));
  await pool.end();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
