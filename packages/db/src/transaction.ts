import type pg from 'pg';

/**
 * Runs `run` inside BEGIN/COMMIT on one pooled connection, rolling back on any error.
 *
 * While a client is checked out, pg's pool no longer listens for its 'error' events, so a
 * connection killed under us (PostgreSQL restarting, an admin terminating the backend) would
 * emit an unhandled 'error' and crash the whole process. We listen for the checkout's
 * duration and hand a connection that failed, or could not even roll back, back to the pool
 * as broken so it is closed instead of reused. The query in flight still rejects, so the
 * caller sees the failure as an ordinary error.
 */
export async function inTransaction<T>(pool: pg.Pool, run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await run(client);
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
