import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemo } from './demo.ts';
import { startEmulator, type RunningEmulator } from './index.ts';

const START = Date.parse('2026-03-02T09:00:00Z');
const running: RunningEmulator[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const emulator of running.splice(0)) await emulator.close();
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

async function start(stateFile?: string): Promise<RunningEmulator> {
  const emulator = await startEmulator({ seed: 7, profile: 'fast', startAt: START, frozenClock: true, stateFile });
  running.push(emulator);
  return emulator;
}

function stateFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-emulator-state-'));
  folders.push(folder);
  return path.join(folder, 'nested', 'wb-emulator.json');
}

/** The seller's orders of the last week as WB lists them, and the HTTP status. */
async function orders(emulator: RunningEmulator, token: string): Promise<{ status: number; srids: string[] }> {
  const response = await fetch(`${emulator.url}/api/v1/supplier/orders?dateFrom=2026-02-23`, {
    headers: { Authorization: token },
  });
  if (response.status !== 200) return { status: response.status, srids: [] };
  const rows = (await response.json()) as { srid: string }[];
  return { status: 200, srids: rows.map((row) => row.srid) };
}

describe('the emulator restarted on its state file', () => {
  it('still accepts the keys it issued, refuses the revoked one, and serves the same shop', async () => {
    const file = stateFile();
    const first = await start(file);
    const seller = await first.control.createSeller({
      name: 'ИП Перезапуск',
      historyDays: 7,
      traffic: { ordersPerDay: 30 },
    });
    const kept = await first.control.createToken({ sid: seller.sid, categories: ['statistics'] });
    const revoked = await first.control.createToken({ sid: seller.sid });
    await first.control.revokeToken({ id: revoked.id });
    const before = await orders(first, kept.token);
    expect(before.status).toBe(200);
    expect(before.srids.length).toBeGreaterThan(50);
    await first.close();

    const second = await start(file);
    expect(await orders(second, kept.token)).toEqual(before);
    const refused = await fetch(`${second.url}/api/v1/supplier/orders?dateFrom=2026-02-23`, {
      headers: { Authorization: revoked.token },
    });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('token withdrawn');
    // New keys and sellers go on from where the first run stopped: nothing is issued twice.
    const fresh = await second.control.createToken({ sid: seller.sid });
    expect([kept.id, revoked.id]).not.toContain(fresh.id);
    const another = await second.control.createSeller({ name: 'ИП Второй' });
    expect(another.sid).not.toBe(seller.sid);
  });

  it('forgets every key without a state file, as it always did', async () => {
    const first = await start();
    const seller = await first.control.createSeller({ historyDays: 1, traffic: { ordersPerDay: 10 } });
    const { token } = await first.control.createToken({ sid: seller.sid });
    expect((await orders(first, token)).status).toBe(200);
    await first.close();
    expect((await orders(await start(), token)).status).toBe(401);
  });

  it('keeps the demo shop and its key: a restarted demo connects the same seller with a key that works', async () => {
    const file = stateFile();
    const first = await start(file);
    const demo = startDemo(first.store);
    const before = await orders(first, demo.token);
    await first.close();

    const second = await start(file);
    const again = startDemo(second.store);
    expect(again.sid).toBe(demo.sid);
    expect(second.store.sellers.size).toBe(1);
    expect(await orders(second, demo.token)).toEqual(before);
    expect((await orders(second, again.token)).status).toBe(200);
  });

  it('refuses a state file of another seed rather than serve other shops under the same keys', async () => {
    const file = stateFile();
    await start(file);
    await expect(
      startEmulator({ seed: 8, profile: 'fast', startAt: START, frozenClock: true, stateFile: file }),
    ).rejects.toThrow('the saved emulator state has seed 7, this emulator 8');
  });
});
