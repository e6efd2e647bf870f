import { describe, expect, it } from 'vitest';
import { createLogger } from '@wb-assist/logger';
import { createFanout } from './fanout.ts';

const logger = createLogger({ name: 'fanout-test', level: 'silent' });
const event = (userId: string, id = '1') => ({ id, userId, cabinetId: 'c-1', type: 'new_order' });

describe('createFanout', () => {
  it('gives a keyed subscriber only its own events and a topic subscriber all of them', async () => {
    const fanout = createFanout({ logger });
    const mine = fanout.subscribe('notification', 'u-1');
    const all = fanout.subscribe('notification');
    const progress = fanout.subscribe('syncProgress', 'c-1');

    fanout.publish('notification', event('u-2', '1'));
    fanout.publish('notification', event('u-1', '2'));

    expect((await mine.next()).value).toEqual(event('u-1', '2'));
    expect((await all.next()).value).toEqual(event('u-2', '1'));
    expect((await all.next()).value).toEqual(event('u-1', '2'));
    fanout.publish('syncProgress', { cabinetId: 'c-1', stage: 'orders', percent: 1 });
    expect((await progress.next()).value).toEqual({ cabinetId: 'c-1', stage: 'orders', percent: 1 });
  });

  it('forgets subscribers that returned, and ends the rest on endAll()', async () => {
    const fanout = createFanout({ logger });
    const leaving = fanout.subscribe('notification', 'u-1');
    const staying = fanout.subscribe('cabinetEvent');
    expect(fanout.subscriberCount()).toBe(2);

    await leaving.return?.();
    expect(fanout.subscriberCount()).toBe(1);

    fanout.endAll();
    expect(fanout.subscriberCount()).toBe(0);
    expect(await staying.next()).toEqual({ done: true, value: undefined });
    expect(await fanout.subscribe('notification').next()).toEqual({ done: true, value: undefined });
  });
});
