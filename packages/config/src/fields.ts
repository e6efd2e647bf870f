import { z } from 'zod';

/** Reusable field parsers with messages an operator can act on. */
export const port = (fallback: number) =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(fallback);

export const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`)
    .default(fallback);

const url = () =>
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((value) => value.replace(/\/+$/, ''));

export const httpUrl = (fallback: string) => url().default(fallback);
export const optionalHttpUrl = () => url().optional();

export const bool = (fallback: boolean) => z.stringbool({ error: 'must be true or false' }).default(fallback);
