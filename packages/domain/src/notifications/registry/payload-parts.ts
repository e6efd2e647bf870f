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

/**
 * Orders and sales: v2 lets what only statistics know (money, discounts, saleID, barcode) be
 * absent, because the real-time order feed may see the event first, and adds the feed's own
 * facts (sellerPrice, destinationCity, source). A v1 payload is a valid v2 one, so every
 * stored event stays readable as it is.
 */
export const saleVersion = z.union([z.literal(1), z.literal(2)]).describe('Version of this payload’s shape.');
