import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from './testing/index.ts';
import { inTransaction } from './transaction.ts';

const pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
const admin = new pg.Pool({ connectionString: testDatabaseUrl(), max: 1 });
afterAll(async () => {
  await pool.end();
  await admin.end();
});

describe('inTransaction', () => {
  it('commits what the callback wrote and rolls back when it throws', async () => {
    await pool.query('CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY)');
    await pool.query('TRUNCATE tx_probe');
    await inTransaction(pool, (client) => client.query('INSERT INTO tx_probe VALUES (1)'));
    await expect(
      inTransaction(pool, async (client) => {
        await client.query('INSERT INTO tx_probe VALUES (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await pool.query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id');
    expect(rows.map((row) => row.id)).toEqual([1]);
  });

  it('survives its connection being killed mid-transaction (a PostgreSQL restart) and drops that connection', async () => {
    const killed = inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      // The server closes the socket: pg emits 'error' on the client and this query fails.
      await client.query('SELECT pg_sleep(0.2)');
    });
    await expect(killed).rejects.toThrow(/terminat|Connection|closed/i);

    // The process is still here (an unhandled 'error' would have failed this file), and the
    // pool hands out working connections rather than the dead one.
    const answers = await Promise.all([1, 2, 3].map(() => pool.query<{ one: number }>('SELECT 1 AS one')));
    expect(answers.map((answer) => answer.rows[0]?.one)).toEqual([1, 1, 1]);
    expect(await inTransaction(pool, async (client) => (await client.query('SELECT 2 AS two')).rows[0])).toEqual({
      two: 2,
    });
  });
});
