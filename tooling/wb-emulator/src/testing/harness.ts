import { startEmulator, type RunningEmulator, type StartOptions } from '../index.ts';
import type { SellerSummary } from '../control/summary.ts';
import type { TokenInput } from '../client.ts';

/** A fixed moment so tests see the same Moscow dates every run: 2026-11-27 15:00 MSK. */
export const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

export type Harness = {
  emulator: RunningEmulator;
  seller: SellerSummary;
  token: string;
  get: (path: string, token?: string) => Promise<Response>;
  post: (path: string, body: unknown, token?: string) => Promise<Response>;
  tokenFor: (input: Omit<TokenInput, 'sid'>) => Promise<string>;
};

/** Starts an emulator on port 0 with a frozen clock at T0, one seller and a Personal token. */
export async function harness(options: StartOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({
    startAt: T0,
    frozenClock: true,
    publishIntervalMinutes: 0,
    rateLimits: false,
    ...options,
  });
  const seller = await emulator.control.createSeller({ products: 4, initialStock: 20 });
  const { token } = await emulator.control.createToken({ sid: seller.sid });
  return {
    emulator,
    seller,
    token,
    get: (path, t = token) => fetch(`${emulator.url}${path}`, { headers: { Authorization: t } }),
    post: (path, body, t = token) =>
      fetch(`${emulator.url}${path}`, {
        method: 'POST',
        headers: { Authorization: t, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    tokenFor: async (input) => (await emulator.control.createToken({ sid: seller.sid, ...input })).token,
  };
}

export type OrderRow = Record<string, unknown> & {
  srid: string;
  lastChangeDate: string;
  date: string;
  isCancel: boolean;
  cancelDate: string;
};
export type SaleRow = Record<string, unknown> & {
  saleID: string;
  srid: string;
  lastChangeDate: string;
  forPay: number;
  finishedPrice: number;
  priceWithDisc: number;
};
