import type pg from 'pg';
import { refill, type BucketSpec, type RateLimiter, type RateLimitKey } from './groups.ts';

/**
 * Buckets in the wb_rate_limits table, so every worker process spends one budget per seller,
 * token type and method group, as WB counts it. The row lock serialises takers; the
 * database's clock is the only clock, so processes on different machines agree.
 */
export class PostgresRateLimiter implements RateLimiter {
  private readonly pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  async take(key: RateLimitKey, spec: BucketSpec): Promise<number> {
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
      await client.query(
        `INSERT INTO wb_rate_limits (seller_id, token_type, method_group, tokens, updated_at)
         VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING`,
        [key.sellerId, key.tokenType, key.group, spec.burst],
      );
      const { rows } = await client.query<{ tokens: number; elapsed_ms: number; blocked_ms: number }>(
        `SELECT tokens,
                EXTRACT(EPOCH FROM (now() - updated_at)) * 1000 AS elapsed_ms,
                GREATEST(0, EXTRACT(EPOCH FROM (blocked_until - now())) * 1000) AS blocked_ms
         FROM wb_rate_limits WHERE seller_id = $1 AND token_type = $2 AND method_group = $3 FOR UPDATE`,
        [key.sellerId, key.tokenType, key.group],
      );
      const row = rows[0];
      if (!row) throw new Error('rate limit row vanished inside its own transaction');
      const blockedMs = Number(row.blocked_ms ?? 0);
      if (blockedMs > 0) {
        await client.query('COMMIT');
        return Math.ceil(blockedMs);
      }
      const tokens = refill(row.tokens, Number(row.elapsed_ms), spec);
      const wait = tokens >= 1 ? 0 : Math.ceil((1 - tokens) * spec.intervalMs);
      await client.query(
        `UPDATE wb_rate_limits SET tokens = $4, updated_at = now(), blocked_until = NULL
         WHERE seller_id = $1 AND token_type = $2 AND method_group = $3`,
        [key.sellerId, key.tokenType, key.group, wait === 0 ? tokens - 1 : tokens],
      );
      await client.query('COMMIT');
      return wait;
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

  async block(key: RateLimitKey, waitMs: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO wb_rate_limits (seller_id, token_type, method_group, tokens, blocked_until, updated_at)
       VALUES ($1, $2, $3, 0, now() + $4 * interval '1 millisecond', now())
       ON CONFLICT (seller_id, token_type, method_group) DO UPDATE SET
         tokens = 0,
         updated_at = now(),
         blocked_until = GREATEST(COALESCE(wb_rate_limits.blocked_until, now()), EXCLUDED.blocked_until)`,
      [key.sellerId, key.tokenType, key.group, waitMs],
    );
  }
}
