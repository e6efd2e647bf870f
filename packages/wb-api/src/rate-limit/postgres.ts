import type pg from 'pg';
import { ceilingWait, recentSends, type CabinetCeiling } from './cabinet-ceiling.ts';
import { refill, type BucketSpec, type RateLimiter, type RateLimitKey } from './groups.ts';

/**
 * Buckets in the wb_rate_limits table, so every worker process spends one budget per seller,
 * token type and method group, as WB counts it; with a CabinetCeiling, also the seller's recent
 * send times in wb_request_pace, so our own ceiling holds over all its groups and processes.
 * Row locks serialise takers; the database's clock is the only clock, so processes on
 * different machines agree. A caller told to wait sleeps outside any transaction.
 */
export class PostgresRateLimiter implements RateLimiter {
  private readonly pool: pg.Pool;
  private readonly ceiling: CabinetCeiling | undefined;

  constructor(pool: pg.Pool, ceiling?: CabinetCeiling) {
    this.pool = pool;
    this.ceiling = ceiling;
  }

  async take(key: RateLimitKey, spec: BucketSpec): Promise<number> {
    const group = [key.sellerId, key.tokenType, key.group];
    return this.transaction(async (client) => {
      await client.query(
        `INSERT INTO wb_rate_limits (seller_id, token_type, method_group, tokens, updated_at)
         VALUES ($1, $2, $3, $4, clock_timestamp()) ON CONFLICT DO NOTHING`,
        [...group, spec.burst],
      );
      const { rows } = await client.query<{ tokens: number; updated_at: Date; blocked_until: Date | null }>(
        `SELECT tokens, updated_at, blocked_until FROM wb_rate_limits
         WHERE seller_id = $1 AND token_type = $2 AND method_group = $3 FOR UPDATE`,
        group,
      );
      const bucket = rows[0];
      if (!bucket) throw new Error('rate limit row vanished inside its own transaction');
      let sent: number[] = [];
      if (this.ceiling) {
        await client.query(`INSERT INTO wb_request_pace (seller_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
          key.sellerId,
        ]);
        const pace = await client.query<{ sent_at: Date[] | null }>(
          `SELECT sent_at FROM wb_request_pace WHERE seller_id = $1 FOR UPDATE`,
          [key.sellerId],
        );
        sent = (pace.rows[0]?.sent_at ?? []).map((at) => at.getTime());
      }
      // Read after the locks, not at BEGIN (now()): a taker that queued behind another must
      // not record its request as sent before the one it waited for.
      const clock = await client.query<{ now: Date }>(`SELECT clock_timestamp() AS now`);
      const now = clock.rows[0]!.now.getTime();

      const blockedMs = bucket.blocked_until ? bucket.blocked_until.getTime() - now : 0;
      if (blockedMs > 0) return Math.ceil(blockedMs);
      const tokens = refill(bucket.tokens, now - bucket.updated_at.getTime(), spec);
      const wait = Math.max(
        tokens >= 1 ? 0 : Math.ceil((1 - tokens) * spec.intervalMs),
        this.ceiling ? ceilingWait(sent, now, this.ceiling) : 0,
      );
      // Both budgets are spent together or not at all: a slot taken from one while waiting for
      // the other would let the request go later than the slot says.
      await client.query(
        `UPDATE wb_rate_limits SET tokens = $4, updated_at = $5, blocked_until = NULL
         WHERE seller_id = $1 AND token_type = $2 AND method_group = $3`,
        [...group, wait === 0 ? tokens - 1 : tokens, new Date(now)],
      );
      if (wait === 0 && this.ceiling) {
        // Stamped by the last statement before COMMIT: the closer to the moment the request
        // leaves, the less of the margin its way to WB uses up.
        const kept = recentSends(sent, now, this.ceiling).map((at) => new Date(at));
        await client.query(
          `UPDATE wb_request_pace SET sent_at = array_append($2::timestamptz[], clock_timestamp()) WHERE seller_id = $1`,
          [key.sellerId, kept],
        );
      }
      return wait;
    });
  }

  async block(key: RateLimitKey, waitMs: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO wb_rate_limits (seller_id, token_type, method_group, tokens, blocked_until, updated_at)
       VALUES ($1, $2, $3, 0, clock_timestamp() + $4 * interval '1 millisecond', clock_timestamp())
       ON CONFLICT (seller_id, token_type, method_group) DO UPDATE SET
         tokens = 0,
         updated_at = EXCLUDED.updated_at,
         blocked_until = GREATEST(COALESCE(wb_rate_limits.blocked_until, EXCLUDED.updated_at), EXCLUDED.blocked_until)`,
      [key.sellerId, key.tokenType, key.group, waitMs],
    );
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no pool listener: without ours, a connection killed mid-call
    // (PostgreSQL restarting) emits an unhandled 'error' and takes the process down.
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken = error;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      // Waiting for the WAL flush would delay every WB request, and each by a different time,
      // between its stamp and its way out. A crash of PostgreSQL itself may forget the last
      // fraction of a second of stamps; a crash of the worker forgets nothing.
      await client.query('SET LOCAL synchronous_commit TO off');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken ??= rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken ?? false);
    }
  }
}
