import { Kind, type ValueNode } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { builder } from './builder.ts';

const invalid = (what: string) => createGraphQLError(`Invalid ${what}`, { extensions: { code: 'BAD_USER_INPUT' } });

// Each scalar parses an inline literal with a one-argument parseLiteral: graphql-jit, which
// compiles queries, prints a warning to stderr for the default two-argument one.
const literalString = (ast: ValueNode): unknown => (ast.kind === Kind.STRING ? ast.value : null);

/**
 * Years 1..9999 in UTC: what four-digit ISO-8601 years write, and inside what PostgreSQL
 * stores (its timestamptz knows no year 0 and JS dates reach further), so an instant outside
 * is the caller's mistake, not a failed query.
 */
export const isStorableInstant = (date: Date): boolean => {
  const year = date.getUTCFullYear();
  return !Number.isNaN(year) && year >= 1 && year <= 9999;
};

const parseDateTime = (value: unknown): Date => {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || !isStorableInstant(date)) throw invalid('DateTime: expected ISO-8601 with a year from 1 to 9999');
  return date;
};

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string with offset, e.g. 2026-01-31T09:00:00.000Z',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(literalString(ast)),
});

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day: JS rolls 2026-02-30 over into March, so the day must read back unchanged. */
const isCalendarDay = (value: string): boolean => {
  const midnight = new Date(`${value}T00:00:00.000Z`);
  return isStorableInstant(midnight) && midnight.toISOString().slice(0, 10) === value;
};

const parseCalendarDate = (value: unknown): string => {
  if (typeof value !== 'string' || !CALENDAR_DATE.test(value) || !isCalendarDay(value)) {
    throw invalid('Date: expected an existing day as YYYY-MM-DD with a year from 1 to 9999');
  }
  return value;
};

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD (in the time zone the field names)',
  serialize: (value) => value,
  parseValue: parseCalendarDate,
  parseLiteral: (ast) => parseCalendarDate(literalString(ast)),
});

const parseDecimal = (value: unknown): string => {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) throw invalid('Decimal');
  return value;
};

builder.scalarType('Decimal', {
  description: 'An exact decimal number as a string (money), e.g. "1499.50"',
  serialize: (value) => value.toString(),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(literalString(ast)),
});

builder.scalarType('JSON', {
  description: 'Free-form JSON (diagnostic details such as per-source sync counts)',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalString,
});
