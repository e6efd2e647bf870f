import pg from 'pg';
import { createPrismaClient, prepareDatabaseOrExit } from '@wb-assist/db';
import { createLogger } from '@wb-assist/logger';
import { createMetrics, instrumentPool } from '@wb-assist/metrics';
import { apiConfigFromEnv } from './config-from-env.ts';
import { loadApiEnv } from './env.ts';
import { createPostgresPubSub } from './pubsub/index.ts';
import { createApiApp, listen } from './server.ts';

const env = loadApiEnv();
const logger = createLogger({ name: 'api', level: env.LOG_LEVEL, format: env.LOG_FORMAT });

const database = await prepareDatabaseOrExit(env, logger);

const pool = new pg.Pool({ connectionString: database.url, max: env.DATABASE_POOL_SIZE });
// An idle client losing its connection (database restart) must not crash the process.
pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
const metrics = createMetrics('api');
instrumentPool(pool, metrics);
const prisma = createPrismaClient(database.url, { poolSize: env.DATABASE_POOL_SIZE });
const pubsub = await createPostgresPubSub({ connectionString: database.url, logger });
const app = createApiApp({
  pool,
  logger,
  metrics,
  graphql: { prisma, pubsub, logger, config: apiConfigFromEnv(env, pool) },
});
const port = await listen(app.server, env.API_PORT, env.HOST);
logger.info(`API listening on http://${env.HOST}:${port}/graphql (health: /healthz)`);

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info(`${signal}: shutting down`);
  await app.closeSockets();
  app.server.closeIdleConnections();
  await new Promise((resolve) => app.server.close(resolve));
  await pubsub.close();
  await prisma.$disconnect();
  await pool.end();
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
