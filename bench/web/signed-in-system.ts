/** Shared by the dashboard benchmarks: the whole system on a fresh database, signed in as a seller. */
import type { Cookie } from 'playwright-core';
import {
  createDatabase,
  createTemplateDatabase,
  dropDatabase,
  startTestServer,
  uniqueDatabaseName,
} from '@wb-assist/db/testing';
import { buildWeb } from '../../apps/web/src/e2e/build.ts';
import { openBrowser, signInToDemoAndConnect } from '../../apps/web/src/e2e/browser.ts';
import type { WebSystem } from '../../apps/web/src/e2e/system.ts';

/**
 * The dashboard's production build (its build time printed), the system on the emulator and a
 * fresh database, and a demo seller signed in and connected through the UI, as a seller would:
 * `cookies` carry that session. `stop` takes it all down, the database too.
 */
export async function startSignedInWebSystem(options: {
  databasePrefix: string;
  syncIntervalSeconds?: number;
}): Promise<{ system: WebSystem; cookies: Cookie[]; stop: () => Promise<void> }> {
  const server = await startTestServer();
  const template = await createTemplateDatabase(server.adminUrl);
  const dbName = uniqueDatabaseName(options.databasePrefix);
  process.env.DATABASE_URL = await createDatabase(server.adminUrl, dbName, template);
  // Imported after DATABASE_URL is set: the system reads this run's database from it.
  const { startWebSystem } = await import('../../apps/web/src/e2e/system.ts');

  const buildStarted = performance.now();
  buildWeb();
  console.log(`next build: ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`);
  const system = await startWebSystem({ syncIntervalSeconds: options.syncIntervalSeconds });
  const stop = async () => {
    await system.stop();
    await dropDatabase(server.adminUrl, dbName);
    await server.stop();
  };
  try {
    const setup = await openBrowser();
    try {
      await signInToDemoAndConnect(setup.page, {
        webUrl: system.webUrl,
        key: system.sellerKey,
        syncTimeoutMs: 120_000,
      });
      return { system, cookies: await setup.context.cookies(), stop };
    } finally {
      await setup.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
