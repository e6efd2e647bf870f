import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createPrismaClient } from '../client.ts';
import { testDatabaseUrl } from '../testing/index.ts';
import { waitFor } from '../testing/wait-for.ts';
import { inTransaction } from '../transaction.ts';
import { CHANNELS, type ChannelMessage } from './channels.ts';
import { listen } from './listen.ts';
import { notify } from './notify.ts';

const url = testDatabaseUrl();
const pool = new pg.Pool({ connectionString: url, max: 2 });
const prisma = createPrismaClient(url, { poolSize: 1 });
const listener = new pg.Client({ connectionString: url });
const heard: ChannelMessage[] = [];
const logger = { warn: vi.fn() };

await listener.connect();
await listen(listener, ['settingsChanged', 'cabinetEvent'], { onMessage: (message) => heard.push(message), logger });

afterAll(async () => {
  await listener.end();
  await pool.end();
  await prisma.$disconnect();
});

describe('notify and listen', () => {
  it('carries a typed payload from a pool, a pg transaction and a Prisma transaction', async () => {
    await notify(pool, 'settingsChanged', { userId: 'u-1', cabinetId: 'c-1' });
    await inTransaction(pool, (client) => notify(client, 'cabinetEvent', { cabinetId: 'c-1', event: 'key_invalid' }));
    await prisma.$transaction((tx) => notify(tx, 'settingsChanged', { userId: 'u-2', cabinetId: 'c-2' }));
    await waitFor(async () => heard.length >= 3);
    expect(heard).toEqual([
      { channel: 'settingsChanged', payload: { userId: 'u-1', cabinetId: 'c-1' } },
      { channel: 'cabinetEvent', payload: { cabinetId: 'c-1', event: 'key_invalid' } },
      { channel: 'settingsChanged', payload: { userId: 'u-2', cabinetId: 'c-2' } },
    ]);
    heard.length = 0;
  });

  it('announces nothing from a transaction that rolls back', async () => {
    await expect(
      inTransaction(pool, async (client) => {
        await notify(client, 'settingsChanged', { userId: 'rolled-back', cabinetId: 'c' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await notify(pool, 'settingsChanged', { userId: 'after', cabinetId: 'c' });
    await waitFor(async () => heard.length >= 1);
    expect(heard.map((message) => message.payload)).toEqual([{ userId: 'after', cabinetId: 'c' }]);
    heard.length = 0;
  });

  it('drops a malformed payload with a warning, and ignores channels it does not listen on', async () => {
    logger.warn.mockClear();
    await pool.query('SELECT pg_notify($1, $2)', [CHANNELS.settingsChanged.name, '{"userId":"u-1"}']);
    await pool.query('SELECT pg_notify($1, $2)', [CHANNELS.cabinetEvent.name, 'not json {']);
    await notify(pool, 'syncProgress', { cabinetId: 'c', stage: 'orders', percent: 1 });
    await notify(pool, 'cabinetEvent', { cabinetId: 'c-3', event: 'initial_sync_completed' });
    await waitFor(async () => heard.length >= 1);
    expect(heard).toEqual([
      { channel: 'cabinetEvent', payload: { cabinetId: 'c-3', event: 'initial_sync_completed' } },
    ]);
    expect(logger.warn.mock.calls.map(([entry]) => (entry as { problem: string }).problem)).toEqual([
      expect.stringContaining('cabinetId'),
      'not JSON',
    ]);
  });

  it('refuses to send a payload its listeners would drop', async () => {
    const bad = { cabinetId: '', stage: 'orders', percent: 1 };
    await expect(notify(pool, 'syncProgress', bad)).rejects.toThrow();
  });
});
