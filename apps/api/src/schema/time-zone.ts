import { createGraphQLError } from 'graphql-yoga';
import { viewerId, type GraphQLContext } from '../context.ts';

export const badInput = (message: string) => createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** An IANA zone the runtime knows; anything else would make PostgreSQL fail mid-query. */
export function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone a caller asked for, else the viewer's own (Moscow unless they changed it). */
export async function zoneFor(ctx: GraphQLContext, requested: string | null | undefined): Promise<string> {
  const zone =
    requested ??
    (await ctx.prisma.user.findUniqueOrThrow({ where: { id: viewerId(ctx) }, select: { timeZone: true } })).timeZone;
  if (!validZone(zone)) throw badInput(`Unknown time zone ${zone}.`);
  return zone;
}

/** Days in [from, to], inclusive; refuses reversed and over-long ranges. */
export function checkRange(from: string, to: string, maxDays: number): number {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1) throw badInput('«from» must not be after «to».');
  if (days > maxDays) throw badInput(`At most ${maxDays} days at once.`);
  return days;
}
