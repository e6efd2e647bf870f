import { z } from 'zod';
import { parseMoscowDateTime, parseOffsetDateTime } from '../time.ts';

/** A statistics datetime (Moscow, no offset) as an instant. */
export const moscowDateTime = z.string().transform((value, ctx) => {
  const parsed = parseMoscowDateTime(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `not a Moscow datetime: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** cancelDate: WB's zero date ("0001-01-01T00:00:00") means "not cancelled". */
export const optionalMoscowDateTime = z
  .string()
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === '') return null;
    const parsed = parseMoscowDateTime(value);
    if (parsed === undefined) {
      ctx.addIssue({ code: 'custom', message: `not a Moscow datetime: ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return parsed;
  });

export const offsetDateTime = z.string().transform((value, ctx) => {
  const parsed = parseOffsetDateTime(value);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `not a datetime: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return parsed;
});

export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
export const flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? null);
export const money = z.number().finite();
