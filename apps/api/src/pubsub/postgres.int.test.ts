import pg from 'pg';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@wb-assist/logger';
import { CHANNELS, type Channel } from '@wb-assist/db/channels';
import { testDatabaseUrl } from '@wb-assist/db/testing';
import { createPostgresPubSub } from './postgres.ts';
import type { ApiPubSub } from './pubsub.ts';

const url = testDatabaseUrl();
const publisher = new pg.Pool({ connectionString: url, max: 2 });
const open: ApiPubSub[] = [];

async function start(logger = createLogger({ name: 'pubsub-test', level: 'silent' })) {
  const pubsub = await createPostgresPubSub({ connectionString: url, logger, backoff: { initialMs: 50, maxMs: 500 } });
  open.push(pubsub);
  return pubsub;
}

/** NOTIFY from another connection, as the worker does; raw, so a test can send what notify() would refuse. */
async function notify(channel: Channel, payload: unknown) {
  await publisher.query('SELECT pg_notify($1, $2)', [
    CHANNELS[channel].name,
    typeof payload === 'string' ? payload : JSON.stringify(payload),
  ]);
}

async function within<T>(promise: Promise<T>, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const notification = (id: string) => ({ id, userId: 'u-1', cabinetId: 'c-1', type: 'new_order' });

afterEach(async () => {
  for (const pubsub of open.splice(0)) await pubsub.close();
});
afterAll(async () => {
  await publisher.end();
});

describe('createPostgresPubSub', () => {
  it('delivers a NOTIFY from another connection to every subscriber of its topic', async () => {
    const pubsub = await start();
    const first = pubsub.subscribe('notification');
    const second = pubsub.subscribe('notification');
    const progress = pubsub.subscribe('syncProgress');

    await notify('notification', notification('1'));
    await notify('syncProgress', { cabinetId: 'c-1', stage: 'orders', percent: 40 });

    expect(await within(first.next())).toEqual({ done: false, value: notification('1') });
    expect(await within(second.next())).toEqual({ done: false, value: notification('1') });
    expect(await within(progress.next())).toEqual({
      done: false,
      value: { cabinetId: 'c-1', stage: 'orders', percent: 40 },
    });
  });

  it('parses every channel into its topic', async () => {
    const pubsub = await start();
    const events = pubsub.subscribe('cabinetEvent');
    const settings = pubsub.subscribe('settingsChanged');

    await notify('cabinetEvent', { cabinetId: 'c-1', event: 'key_invalid' });
    await notify('settingsChanged', { userId: 'u-1', cabinetId: 'c-1' });

    expect((await within(events.next())).value).toEqual({ cabinetId: 'c-1', event: 'key_invalid' });
    expect((await within(settings.next())).value).toEqual({ userId: 'u-1', cabinetId: 'c-1' });
  });

  it('narrows a topic to one user or cabinet when given a key', async () => {
    const pubsub = await start();
    const mine = pubsub.subscribe('notification', 'u-2');
    const cabinet = pubsub.subscribe('cabinetEvent', 'c-2');

    await notify('notification', notification('8'));
    await notify('notification', { ...notification('9'), userId: 'u-2' });
    await notify('cabinetEvent', { cabinetId: 'c-1', event: 'key_invalid' });
    await notify('cabinetEvent', { cabinetId: 'c-2', event: 'initial_sync_completed' });

    expect((await within(mine.next())).value).toEqual({ ...notification('9'), userId: 'u-2' });
    expect((await within(cabinet.next())).value).toEqual({ cabinetId: 'c-2', event: 'initial_sync_completed' });
  });

  it('reaches subscribers of two API processes', async () => {
    const one = (await start()).subscribe('notification');
    const two = (await start()).subscribe('notification');

    await notify('notification', notification('7'));

    expect((await within(one.next())).value).toEqual(notification('7'));
    expect((await within(two.next())).value).toEqual(notification('7'));
  });

  it('skips a malformed payload with a warning and delivers the next good one', async () => {
    const logger = createLogger({ name: 'pubsub-test', level: 'silent' });
    const warn = vi.spyOn(logger, 'warn');
    const pubsub = await start(logger);
    const events = pubsub.subscribe('notification');

    await notify('notification', 'not json {');
    await notify('notification', { id: 3, userId: 'u-1' });
    await notify('notification', notification('4'));

    expect((await within(events.next())).value).toEqual(notification('4'));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map(([fields]) => (fields as { problem: string }).problem)).toEqual([
      'not JSON',
      expect.stringContaining('cabinetId'),
    ]);
  });

  it('reconnects and listens again after its connection is terminated', async () => {
    const pubsub = await start();
    const events = pubsub.subscribe('notification');
    const listenerPid = async () => {
      const { rows } = await publisher.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE application_name = 'wb-assist-api-pubsub' AND datname = current_database()`,
      );
      return rows.map((row) => row.pid);
    };
    const [before] = await listenerPid();
    expect(before).toBeTypeOf('number');

    await publisher.query('SELECT pg_terminate_backend($1)', [before]);

    // NOTIFYs sent before it listens again are lost by design: keep sending until one lands.
    const arrived = events.next();
    let sent = 0;
    const sender = setInterval(() => void notify('notification', notification(`after-${(sent += 1)}`)), 50);
    try {
      const { value } = await within(arrived, 10_000);
      expect(value?.id).toMatch(/^after-\d+$/);
    } finally {
      clearInterval(sender);
    }
    const after = await listenerPid();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
  });

  it('return() unsubscribes, also while a next() is waiting', async () => {
    const pubsub = await start();
    const leaving = pubsub.subscribe('notification');
    const staying = pubsub.subscribe('notification');

    const pending = leaving.next();
    await leaving.return?.();
    expect(await within(pending)).toEqual({ done: true, value: undefined });

    await notify('notification', notification('5'));
    expect((await within(staying.next())).value).toEqual(notification('5'));
    expect(await leaving.next()).toEqual({ done: true, value: undefined });
  });

  it('close() ends every iterator', async () => {
    const pubsub = await start();
    const events = pubsub.subscribe('notification');
    const pending = events.next();

    await pubsub.close();

    expect(await within(pending)).toEqual({ done: true, value: undefined });
    expect(await pubsub.subscribe('syncProgress').next()).toEqual({ done: true, value: undefined });
    const { rows } = await publisher.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = 'wb-assist-api-pubsub' AND datname = current_database()`,
    );
    expect(rows).toHaveLength(0);
  });
});
