import type { AddressInfo } from 'node:net';
import { EmulatorControl } from './client.ts';
import { Clock } from './clock.ts';
import type { Profile } from './rate-limit.ts';
import { createServer } from './server.ts';
import { persistStore } from './state-file.ts';
import { Store, type EmulatorOptions } from './store.ts';

export type StartOptions = Partial<EmulatorOptions> & {
  port?: number;
  host?: string;
  /** Initial virtual time (epoch ms); default: real now. */
  startAt?: number;
  /** Freeze the clock: it moves only when advanced through the control API. */
  frozenClock?: boolean;
  profile?: Profile;
  /**
   * A JSON file that keeps sellers, tokens and the signing key across restarts (created when
   * missing); without it everything lives in memory and a restart forgets every key.
   */
  stateFile?: string;
};

export type RunningEmulator = {
  url: string;
  /** Base URL of the `-sandbox` twin (accepts only Test tokens). */
  sandboxUrl: string;
  /** Every WB host the client knows, all on this one server: what WB_*_URL overrides point at. */
  hosts: Record<'statistics' | 'analytics' | 'feedbacks' | 'content' | 'common', string>;
  control: EmulatorControl;
  /** Direct access for in-process tools (benchmarks, the demo); tests should prefer `control`. */
  store: Store;
  close: () => Promise<void>;
};

export const DEFAULT_OPTIONS: EmulatorOptions = {
  seed: 1,
  profile: 'real',
  pageLimit: 80_000,
  publishIntervalMinutes: 30,
  retentionDays: 90,
  reportReadyMinutes: 1,
  rateLimits: true,
};

export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', startAt, frozenClock, stateFile, ...rest } = options;
  const settings: EmulatorOptions = { ...DEFAULT_OPTIONS, ...definedOnly(rest) };
  const store = new Store(settings, new Clock({ startMs: startAt, frozen: frozenClock }));
  if (stateFile !== undefined) persistStore(store, stateFile);
  const { server, destroySockets } = createServer(store);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    sandboxUrl: `${url}/sandbox`,
    hosts: { statistics: url, analytics: url, feedbacks: url, content: url, common: url },
    control: new EmulatorControl(url),
    store,
    close: () =>
      new Promise<void>((resolve) => {
        destroySockets();
        server.close(() => resolve());
      }),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export { EmulatorControl } from './client.ts';
export type { CreateSellerInput, TokenInput, OrderRef, FaultInput } from './client.ts';
export type { EmulatorOptions, EmulatorState, Store } from './store.ts';
export type { FaultKind } from './faults.ts';
export type { TrafficOptions } from './generator.ts';
export type { Category, TokenType, TokenClaims } from './tokens.ts';
export type { Profile } from './rate-limit.ts';
export type { SellerSummary } from './control/summary.ts';
export { startDemo } from './demo.ts';
