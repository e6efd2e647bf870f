import { badInput } from './time-zone.ts';

/**
 * PostgreSQL text cannot hold U+0000 and fails the whole query on it; no stored value has one,
 * so an argument carrying it is the caller's mistake, told as such.
 */
export function storableText<T extends string | null | undefined>(value: T, argument: string): T {
  if (value?.includes('\u0000')) throw badInput(`«${argument}» must not contain the character U+0000.`);
  return value;
}
