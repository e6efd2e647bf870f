import { Kind } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { builder } from './builder.ts';

const invalid = (what: string) => createGraphQLError(`Invalid ${what}`, { extensions: { code: 'BAD_USER_INPUT' } });

builder.scalarType('DateTime', {
  description: 'An instant as an ISO-8601 string with offset, e.g. 2026-01-31T09:00:00.000Z',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw invalid('DateTime');
    return date;
  },
});

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD (in the time zone the field names)',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !CALENDAR_DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw invalid('Date');
    }
    return value;
  },
});

builder.scalarType('Decimal', {
  description: 'An exact decimal number as a string (money), e.g. "1499.50"',
  serialize: (value) => value.toString(),
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) throw invalid('Decimal');
    return value;
  },
});

builder.scalarType('JSON', {
  description: 'Free-form JSON (diagnostic details such as per-source sync counts)',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? ast.value : null),
});
