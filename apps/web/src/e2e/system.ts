import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registerTelegramUser } from '@wb-assist/core';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { MemoryRateLimiter } from '@wb-assist/wb-api';
import { startEmulator, type RunningEmulator, type SellerSummary } from '@wb-assist/wb-emulator';
import { startTestApi, type TestApi } from '../../../api/src/testing/harness.ts';
import { freePort, workerEnv } from '../../../worker/src/testing/worker-env.ts';
import { nextBin, repoRoot, testDistEnv, webDir } from './build.ts';

export const DEMO_TELEGRAM_ID = 700_000_777n;

export interface WebSystem {
  emulator: RunningEmulator;
  seller: SellerSummary;
  /** A fresh full-access WB key of the seller, for the onboarding form. */
  sellerKey: string;
  api: TestApi;
  webUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The whole system on this test file's database: the WB emulator (frozen clock, so only the
 * test adds orders), a real worker process, the API in-process with demo login enabled for a
 * demo user without a cabinet yet, and the dashboard's production build under `next start`.
 */
export async function startWebSystem(): Promise<WebSystem> {
  const encryptionKey = randomBytes(32);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-web-'));
  const emulator = await startEmulator({
    seed: 31,
    profile: 'fast',
    publishIntervalMinutes: 0,
    reportReadyMinutes: 0,
    frozenClock: true,
  });
  const seller = await emulator.control.createSeller({
    name: 'ИП Дашборд',
    historyDays: 35,
    traffic: { ordersPerDay: 20 },
  });
  const { token: sellerKey } = await emulator.control.createToken({
    sid: seller.sid,
    categories: ['statistics', 'analytics', 'feedbacks', 'content'],
  });
  const hosts = emulator.hosts;

  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const api = await startTestApi({
    encryptionKey,
    webOrigin: webUrl,
    demoTelegramId: DEMO_TELEGRAM_ID,
    wb: { hosts, limiter: new MemoryRateLimiter(), timeoutMs: 5_000 },
  });
  await registerTelegramUser(api.prisma, { telegramId: DEMO_TELEGRAM_ID, firstName: 'Демо', username: 'demo' });

  let output = '';
  const collect = (child: ChildProcess) => {
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    return new Promise((resolve) => child.once('exit', resolve));
  };
  const worker = spawn(process.execPath, ['apps/worker/src/main.ts'], {
    cwd: repoRoot,
    env: await workerEnv({
      databaseUrl: testDatabaseUrl(),
      dataDir,
      emulatorUrl: emulator.url,
      encryptionKey,
      webhookSecret: randomBytes(16).toString('hex'),
      extra: { WB_RATE_LIMIT_SCALE: '0.001', BOT_INTERNAL_URL: 'http://127.0.0.1:9' },
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const workerExited = collect(worker);
  const web = spawn(nextBin, ['start', '--port', String(webPort), '--hostname', '127.0.0.1'], {
    cwd: webDir,
    env: { ...process.env, ...testDistEnv, PUBLIC_API_URL: api.url.replace(/\/graphql$/, ''), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const webExited = collect(web);
  await waitForHttp(`${webUrl}/login`, 30_000);

  return {
    emulator,
    seller,
    sellerKey,
    api,
    webUrl,
    output: () => output,
    async stop() {
      worker.kill('SIGTERM');
      web.kill('SIGTERM');
      await Promise.all([workerExited, webExited]);
      await api.close();
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
