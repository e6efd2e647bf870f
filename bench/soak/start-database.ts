import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrate } from '@wb-assist/db';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@wb-assist/embedded-postgres';
import { freePort } from '@wb-assist/db/testing';

export interface SoakDatabase {
  url: string;
  /** Stops the server (clients lose their connections), waits, starts it again on the same data. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The soak's own embedded PostgreSQL, migrated. Its own, not a shared server: restarting the
 * database under the running system is one of the faults, and only a server this process
 * started can be stopped and started again. No fsync: the restart is a clean shutdown, and the
 * machine's two cores are better spent on the system under test.
 */
export async function startDatabase(folder: string): Promise<SoakDatabase> {
  const options = {
    dataDir: path.join(folder, 'postgres'),
    port: await freePort(),
    user: 'wb',
    password: 'soak',
    database: 'wb_assist_soak',
    durable: false,
  };
  let server: EmbeddedPostgres = await startEmbeddedPostgres(options);
  await migrate(server.url);
  return {
    url: server.url,
    async restart(downMs) {
      await server.stop();
      await sleep(downMs);
      server = await startEmbeddedPostgres(options);
    },
    stop: () => server.stop(),
  };
}
