import type pg from 'pg';

/** A pool, or a client inside the caller's transaction. */
export type Db = pg.Pool | pg.ClientBase;
