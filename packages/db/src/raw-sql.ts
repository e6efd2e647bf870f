import type pg from 'pg';
import type { Prisma, PrismaClient } from './generated/client.ts';

/**
 * Whatever a caller holds when it must run a statement next to its own writes: a pg pool or
 * client (the worker's and the bot's code, inside `inTransaction` or not) or Prisma (core's
 * `prisma.$transaction`). A NOTIFY or a notification_history transition then commits, or rolls
 * back, with the caller's transaction instead of on a connection of its own.
 */
export type SqlExecutor = pg.Pool | pg.ClientBase | Pick<PrismaClient | Prisma.TransactionClient, '$executeRawUnsafe'>;

/**
 * Runs one parameterised statement and returns how many rows it changed. Prisma's
 * $executeRawUnsafe binds `values` as parameters just as pg does; nothing is interpolated.
 */
export async function executeSql(db: SqlExecutor, text: string, values: unknown[]): Promise<number> {
  if ('$executeRawUnsafe' in db) return db.$executeRawUnsafe(text, ...values);
  const result = await db.query(text, values);
  return result.rowCount ?? 0;
}
