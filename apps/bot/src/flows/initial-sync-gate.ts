import pg from 'pg';
import { z } from 'zod';
import { listen } from '@wb-assist/db/channels';
import type { BotContext } from '../context.ts';
import { renderProgress, renderProgressDone, type ProgressState } from '../views/progress.ts';

interface Watcher {
  userId: string;
  messageId: number;
  /** What the message says above the bar: the connected cabinet and what will work. */
  header: string;
  lastText?: string;
}

const progressSchema = z
  .object({
    stage: z.string(),
    percent: z.number(),
    done: z.array(z.string()),
    counts: z.record(z.string(), z.number()),
  })
  .nullable()
  .catch(null);

const KEY_NOTICE_QUIET_MS = 10 * 60_000;

export interface InitialSyncGateOptions {
  ctx: BotContext;
  databaseUrl: string;
  /** Sends the main menu once a user's cabinet is ready. */
  onReady: (chatId: number, userId: string) => Promise<void>;
  /** Sends the "key stopped working" notice to a member. */
  onKeyInvalid: (chatId: number, cabinetId: string) => Promise<void>;
  /** A missed NOTIFY (listener reconnecting) is caught up by polling this often. */
  pollMs?: number;
}

/**
 * Until a cabinet's initial sync ends its users see one message, edited as the stages advance,
 * and nothing else; when it ends they get the main menu. Progress arrives over LISTEN
 * (the syncProgress and cabinetEvent channels, from the worker); a slow poll covers what a dropped
 * listener missed. Edits of one cabinet's messages are at most one a second.
 */
export class InitialSyncGate {
  readonly #options: InitialSyncGateOptions;
  readonly #watching = new Map<string, Map<number, Watcher>>();
  readonly #scheduled = new Map<string, NodeJS.Timeout>();
  readonly #running = new Map<string, Promise<void>>();
  readonly #keyNotices = new Map<string, number>();
  #client: pg.Client | null = null;
  #poll: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: InitialSyncGateOptions) {
    this.#options = options;
  }

  isWatching(cabinetId: string, chatId: number): boolean {
    return this.#watching.get(cabinetId)?.has(chatId) ?? false;
  }

  /** The cabinet whose initial sync this chat is waiting for, if any. */
  watchedBy(chatId: number): string | null {
    for (const [cabinetId, watchers] of this.#watching) if (watchers.has(chatId)) return cabinetId;
    return null;
  }

  /**
   * Brings this chat's progress up to date now. True when that finished the gate for the chat
   * (the cabinet is ready and the menu went out), so the caller must not send a second one.
   */
  async settle(chatId: number): Promise<boolean> {
    const cabinets = [...this.#watching].filter(([, watchers]) => watchers.has(chatId)).map(([id]) => id);
    if (cabinets.length === 0) return false;
    for (const cabinetId of cabinets) await this.#enqueue(cabinetId, false);
    return cabinets.every((cabinetId) => !this.isWatching(cabinetId, chatId));
  }

  /** Starts showing progress in the given message. */
  async watch(cabinetId: string, chatId: number, userId: string, messageId: number, header: string): Promise<void> {
    const watchers = this.#watching.get(cabinetId) ?? new Map<number, Watcher>();
    this.#watching.set(cabinetId, watchers);
    watchers.set(chatId, { userId, messageId, header });
    await this.#enqueue(cabinetId, false);
  }

  /** One refresh of a cabinet at a time, in order: two at once could both see it finish. */
  #enqueue(cabinetId: string, pace: boolean): Promise<void> {
    const previous = this.#running.get(cabinetId) ?? Promise.resolve();
    const run = previous.then(() => this.#refresh(cabinetId, pace));
    const settled = run
      .catch((error: unknown) => this.#options.ctx.logger.warn({ err: error, cabinetId }, 'progress update failed'))
      .finally(() => {
        if (this.#running.get(cabinetId) === settled) this.#running.delete(cabinetId);
      });
    this.#running.set(cabinetId, settled);
    return run;
  }

  async start(): Promise<void> {
    await this.#listen();
    this.#poll = setInterval(() => {
      for (const cabinetId of this.#watching.keys()) this.#schedule(cabinetId, 0);
    }, this.#options.pollMs ?? 3_000);
    this.#poll.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#poll) clearInterval(this.#poll);
    for (const timer of this.#scheduled.values()) clearTimeout(timer);
    await Promise.allSettled(this.#running.values());
    await this.#client?.end().catch(() => undefined);
  }

  async #listen(): Promise<void> {
    const { ctx } = this.#options;
    const client = new pg.Client({ connectionString: this.#options.databaseUrl });
    const reconnect = (error: unknown) => {
      if (this.#stopped) return;
      ctx.logger.warn({ err: error }, 'progress listener lost its connection: reconnecting');
      this.#client = null;
      setTimeout(() => void this.#listen().catch(reconnect), 1_000).unref();
    };
    client.on('error', reconnect);
    await client.connect();
    await listen(client, ['syncProgress', 'cabinetEvent'], {
      onMessage: ({ channel, payload }) => {
        if (channel === 'cabinetEvent' && payload.event === 'key_invalid') {
          void this.#keyInvalid(payload.cabinetId);
          return;
        }
        if (this.#watching.has(payload.cabinetId)) this.#schedule(payload.cabinetId, 0);
      },
      logger: ctx.logger,
    });
    this.#client = client;
  }

  #schedule(cabinetId: string, delayMs: number): void {
    if (this.#stopped || this.#scheduled.has(cabinetId)) return;
    const timer = setTimeout(() => {
      this.#scheduled.delete(cabinetId);
      this.#enqueue(cabinetId, true).catch(() => undefined);
    }, delayMs);
    this.#scheduled.set(cabinetId, timer);
  }

  async #refresh(cabinetId: string, pace = true): Promise<void> {
    const { ctx } = this.#options;
    if (!this.#watching.get(cabinetId)?.size) return;
    const cabinet = await ctx.prisma.cabinet.findUnique({
      where: { id: cabinetId },
      select: { status: true, syncProgress: true },
    });
    // Read after the await and removed below without another in between: one finish per watcher.
    const watchers = this.#watching.get(cabinetId);
    if (!watchers || watchers.size === 0) return;
    const progress = progressSchema.parse(cabinet?.syncProgress ?? null) as ProgressState | null;
    if (!cabinet || cabinet.status !== 'initial_sync') {
      this.#watching.delete(cabinetId);
      if (cabinet?.status !== 'ready') {
        if (cabinet?.status === 'key_invalid') await this.#keyInvalid(cabinetId);
        return;
      }
      await Promise.all(
        [...watchers].map(async ([chatId, watcher]) => {
          await this.#edit(chatId, watcher, `${watcher.header}\n\n${renderProgressDone(progress)}`);
          await this.#options.onReady(chatId, watcher.userId);
        }),
      );
      return;
    }
    await Promise.all(
      [...watchers].map(([chatId, watcher]) =>
        this.#edit(chatId, watcher, `${watcher.header}\n\n${renderProgress(progress, ctx.initialSyncDays)}`),
      ),
    );
    // Edits of a cabinet's messages at most once a second, however often the worker reports.
    if (pace) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }

  async #edit(chatId: number, watcher: Watcher, text: string): Promise<void> {
    if (watcher.lastText === text) return;
    await this.#options.ctx.telegram.editMessageText(chatId, watcher.messageId, text);
    watcher.lastText = text;
  }

  /** Tells every member once (the NOTIFY and the poll may both see it). */
  async #keyInvalid(cabinetId: string): Promise<void> {
    const { ctx } = this.#options;
    this.#watching.delete(cabinetId);
    const last = this.#keyNotices.get(cabinetId) ?? 0;
    if (Date.now() - last < KEY_NOTICE_QUIET_MS) return;
    this.#keyNotices.set(cabinetId, Date.now());
    const members = await ctx.prisma.cabinetUser.findMany({
      where: { cabinetId, user: { isActive: true } },
      select: { user: { select: { telegramId: true } } },
    });
    for (const member of members) {
      await this.#options
        .onKeyInvalid(Number(member.user.telegramId), cabinetId)
        .catch((error: unknown) => ctx.logger.warn({ err: error, cabinetId }, 'key notice not sent'));
    }
  }
}
