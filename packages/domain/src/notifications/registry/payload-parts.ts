import { z } from 'zod';

// Building blocks of the stored payloads. `scalar` tells the GraphQL API which of its scalars
// shows the field: the stored JSON keeps exact text for money and instants.

/** Money and percents as PostgreSQL NUMERIC text, exact: "1499.50". */
export const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ scalar: 'Decimal' });

/** An instant as ISO-8601 text: "2026-11-27T11:05:00.000Z". */
export const instant = z.iso.datetime({ offset: true }).meta({ scalar: 'DateTime' });

/** Where a number comes from PostgreSQL as int, JSON keeps it a number. */
export const int = z.number().int();

/** The current version of every payload; a reader of another version must be taught first. */
export const version = z.literal(1).describe('Version of this payload’s shape.');
