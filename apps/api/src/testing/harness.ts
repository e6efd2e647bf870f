import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createSession } from '@wb-assist/core';
import { createPrismaClient, type PrismaClient } from '@wb-assist/db';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createLogger } from '@wb-assist/logger';
import { MemoryRateLimiter, type WbHosts } from '@wb-assist/wb-api';
import type { ApiConfig } from '../config.ts';
import { createPostgresPubSub, type ApiPubSub } from '../pubsub/index.ts';
import { createApiApp, listen } from '../server.ts';

export interface TestApi {
  url: string;
  wsUrl: string;
  prisma: PrismaClient;
  pool: pg.Pool;
  pubsub: ApiPubSub;
  config: ApiConfig;
  close: () => Promise<void>;
}

const logger = createLogger({ name: 'api-test', level: 'silent' });

const unreachableHosts: WbHosts = {
  statistics: 'http://127.0.0.1:1',
  analytics: 'http://127.0.0.1:1',
  feedbacks: 'http://127.0.0.1:1',
  content: 'http://127.0.0.1:1',
  common: 'http://127.0.0.1:1',
};

/** The real API (HTTP + WebSocket) on a free port over this test file's database. */
export async function startTestApi(overrides: Partial<ApiConfig> = {}): Promise<TestApi> {
  const databaseUrl = testDatabaseUrl();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const prisma = createPrismaClient(databaseUrl, { poolSize: 6 });
  const pubsub = await createPostgresPubSub({ connectionString: databaseUrl, logger });
  const config: ApiConfig = {
    nodeEnv: 'test',
    webOrigin: 'http://localhost:3000',
    secureCookies: false,
    botToken: undefined,
    demoTelegramId: undefined,
    wb: { hosts: unreachableHosts, limiter: new MemoryRateLimiter(), timeoutMs: 5_000 },
    encryptionKey: randomBytes(32),
    rateLimit: { burst: 1_000, perSecond: 1_000 },
    ...overrides,
  };
  const app = createApiApp({ pool, logger, graphql: { prisma, pubsub, logger, config } });
  const port = await listen(app.server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    prisma,
    pool,
    pubsub,
    config,
    close: async () => {
      await app.closeSockets();
      app.server.closeAllConnections();
      await new Promise((resolve) => app.server.close(resolve));
      await pubsub.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL request as a browser or integrator sends it. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; cookie?: string } = {},
): Promise<GqlResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GqlResult<T>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}

let nextTelegramId = 900_000_000n + BigInt(Math.floor(Math.random() * 1_000_000)) * 1000n;

/** A user with a web session, created the way login does (core's createSession). */
export async function signedInUser(prisma: PrismaClient, data: { firstName?: string } = {}) {
  nextTelegramId += 1n;
  const user = await prisma.user.create({ data: { telegramId: nextTelegramId, firstName: data.firstName ?? null } });
  const session = await createSession(prisma, { userId: user.id, userAgent: 'vitest' });
  return { user, token: session.token };
}

let nextSeller = 0;

/** A cabinet as connectCabinet leaves it (key fields are placeholders: tests never call WB with it). */
export async function cabinetOf(prisma: PrismaClient, userId: string, name = 'ИП Тестовый') {
  nextSeller += 1;
  return prisma.cabinet.create({
    data: {
      sellerId: `test-${Date.now()}-${nextSeller}`,
      name,
      tokenEncrypted: 'v1:placeholder',
      tokenFingerprint: `fp-${Date.now()}-${nextSeller}`,
      tokenType: 'personal',
      tokenScopes: (1 << 1) | (1 << 2) | (1 << 5) | (1 << 7),
      tokenExpiresAt: new Date(Date.now() + 90 * 86_400_000),
      status: 'ready',
      members: { create: { userId, role: 'owner' } },
      notificationSettings: { create: { userId } },
    },
  });
}
