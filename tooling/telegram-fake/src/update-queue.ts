import { ApiError } from './api-error.ts';
import type { Limits, Update } from './types.ts';

interface Webhook {
  url: string;
  secretToken: string | undefined;
  lastError: string | undefined;
}

const deliveryAttempts = 3;

/** Pending updates, served by getUpdates long polling or pushed to a webhook, never both. */
export class UpdateQueue {
  readonly #limits: Limits;
  #pending: Update[] = [];
  #nextId = 1;
  #waiters = new Set<() => void>();
  #webhook: Webhook | undefined;
  #delivering: Promise<void> | undefined;

  constructor(limits: Limits) {
    this.#limits = limits;
  }

  push(content: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.#nextId++, ...content };
    this.#pending.push(update);
    for (const wake of this.#waiters) wake();
    this.#deliver();
    return update;
  }

  async getUpdates(offset: number | undefined, limit: number, timeoutSeconds: number): Promise<Update[]> {
    if (this.#webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    // An offset confirms every update before it; Telegram forgets confirmed updates for good.
    if (offset !== undefined && offset > 0) this.#pending = this.#pending.filter((u) => u.update_id >= offset);
    const available = (): Update[] => {
      const from = offset !== undefined && offset < 0 ? this.#pending.slice(offset) : this.#pending;
      return from.slice(0, Math.min(Math.max(limit, 1), 100));
    };
    if (available().length === 0 && timeoutSeconds > 0) await this.#waitForUpdate(timeoutSeconds);
    return available();
  }

  setWebhook(url: string, secretToken: string | undefined, dropPending: boolean): void {
    if (dropPending) this.#pending = [];
    this.#webhook = { url, secretToken, lastError: undefined };
    // A poller waiting when the webhook appears gets its answer now rather than after the timeout.
    for (const wake of this.#waiters) wake();
    this.#deliver();
  }

  deleteWebhook(dropPending: boolean): void {
    if (dropPending) this.#pending = [];
    this.#webhook = undefined;
  }

  webhookInfo(): Record<string, unknown> {
    return {
      url: this.#webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.#pending.length,
      ...(this.#webhook?.lastError ? { last_error_message: this.#webhook.lastError } : {}),
    };
  }

  /** Resolves once every update pending for the webhook has been delivered or given up on. */
  async idle(): Promise<void> {
    while (this.#delivering) await this.#delivering;
  }

  reset(): void {
    this.#pending = [];
    this.#webhook = undefined;
    for (const wake of this.#waiters) wake();
  }

  close(): void {
    this.reset();
  }

  #waitForUpdate(timeoutSeconds: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutSeconds * 1000 * this.#limits.timeScale);
      this.#waiters.add(done);
    });
  }

  #deliver(): void {
    if (this.#delivering || !this.#webhook) return;
    this.#delivering = this.#deliverAll().finally(() => {
      this.#delivering = undefined;
    });
  }

  /** Sends updates one at a time, in order, as Telegram does; a failing one is retried, then dropped. */
  async #deliverAll(): Promise<void> {
    for (let update = this.#pending[0]; update && this.#webhook; update = this.#pending[0]) {
      const webhook = this.#webhook;
      for (let attempt = 1; attempt <= deliveryAttempts; attempt++) {
        const error = await post(webhook, update);
        webhook.lastError = error;
        if (error === undefined) break;
        if (attempt < deliveryAttempts) await sleep(100 * attempt * this.#limits.timeScale);
      }
      this.#pending = this.#pending.filter((u) => u !== update);
    }
  }
}

async function post(webhook: Webhook, update: Update): Promise<string | undefined> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (webhook.secretToken) headers['x-telegram-bot-api-secret-token'] = webhook.secretToken;
  try {
    const response = await fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
    await response.arrayBuffer();
    return response.ok ? undefined : `Wrong response from the webhook: ${response.status} ${response.statusText}`;
  } catch (error) {
    return `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
