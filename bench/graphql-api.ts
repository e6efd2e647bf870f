// Shared by bench/graphql-*.ts: a fresh migrated database and the real API (GraphQL over HTTP
// and WebSocket, the PostgreSQL pubsub) started in this process the way apps/api/src/main.ts
// starts it, with the production rate limit unless a bench says otherwise.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createSession } from '@wb-assist/core';
import { createPrismaClient, type PrismaClient } from '@wb-assist/db';
import {
  createDatabase,
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from '@wb-assist/db/testing';
import { createLogger } from '@wb-assist/logger';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import type { ApiConfig } from '../apps/api/src/config.ts';
import { createPostgresPubSub, type ApiPubSub } from '../apps/api/src/pubsub/index.ts';
import { createApiApp, listen } from '../apps/api/src/server.ts';

export const benchLogger = createLogger({ name: 'bench', level: process.env.LOG_LEVEL ?? 'error' });

export interface BenchDatabase {
  url: string;
  /** Where PostgreSQL runs, for the printed figures. */
  host: string;
  drop(): Promise<void>;
}

/** DATABASE_URL's server when set, else a throwaway embedded PostgreSQL; a fresh migrated database on it. */
export async function benchDatabase(prefix: string): Promise<BenchDatabase> {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(server.adminUrl, name, template);
  return {
    url,
    host: `${new URL(server.adminUrl).host}${server.embedded ? ' (embedded)' : ''}`,
    async drop() {
      await dropDatabase(server.adminUrl, name);
      await dropDatabase(server.adminUrl, template);
      await server.stop();
    },
  };
}

export interface BenchApi {
  url: string;
  wsUrl: string;
  prisma: PrismaClient;
  pool: pg.Pool;
  pubsub: ApiPubSub;
  close(): Promise<void>;
}

/** The API on a free port; pool sizes as main.ts's default DATABASE_POOL_SIZE. */
export async function startBenchApi(
  databaseUrl: string,
  options: { poolSize?: number; rateLimit?: ApiConfig['rateLimit'] } = {},
): Promise<BenchApi> {
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const prisma = createPrismaClient(databaseUrl, { poolSize });
  const pubsub = await createPostgresPubSub({ connectionString: databaseUrl, logger: benchLogger });
  const unreachable = 'http://127.0.0.1:1';
  const config: ApiConfig = {
    nodeEnv: 'production',
    secureCookies: false,
    webOrigin: 'http://127.0.0.1:3000',
    botToken: undefined,
    demoTelegramId: undefined,
    wb: {
      hosts: {
        statistics: unreachable,
        analytics: unreachable,
        feedbacks: unreachable,
        content: unreachable,
        common: unreachable,
      },
      limiter: new MemoryRateLimiter(),
    },
    encryptionKey: randomBytes(32),
    // What apiConfigFromEnv sets in production.
    rateLimit: options.rateLimit ?? { burst: 60, perSecond: 10 },
  };
  const app = createApiApp({ pool, logger: benchLogger, graphql: { prisma, pubsub, logger: benchLogger, config } });
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    prisma,
    pool,
    pubsub,
    async close() {
      await app.closeSockets();
      app.server.closeAllConnections();
      await new Promise((resolve) => app.server.close(resolve));
      await pubsub.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** A cabinet and `count` users, each a member of it with a web session. */
export async function benchUsers(
  prisma: PrismaClient,
  count: number,
): Promise<{ cabinetId: string; users: { id: string; token: string }[] }> {
  const cabinet = await prisma.cabinet.create({
    data: {
      sellerId: `bench-${Date.now()}`,
      name: 'ИП Бенчмарк',
      tokenEncrypted: 'v1:placeholder',
      tokenFingerprint: `fp-bench-${Date.now()}`,
      tokenType: 'personal',
      tokenScopes: (1 << 1) | (1 << 2) | (1 << 5) | (1 << 7),
      tokenExpiresAt: new Date(Date.now() + 90 * 86_400_000),
      status: 'ready',
    },
  });
  const users: { id: string; token: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const user = await prisma.user.create({ data: { telegramId: BigInt(700_000_000 + i) } });
    await prisma.cabinetUser.create({
      data: { cabinetId: cabinet.id, userId: user.id, role: i === 0 ? 'owner' : 'member' },
    });
    const session = await createSession(prisma, { userId: user.id, userAgent: 'bench' });
    users.push({ id: user.id, token: session.token });
  }
  return { cabinetId: cabinet.id, users };
}

/** Percentile of a sorted list (nearest rank below). */
export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
