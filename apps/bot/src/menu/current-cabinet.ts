import { listUserCabinets } from '@wb-assist/core';
import { chatState, type BotContext } from '../context.ts';
import type { Viewer } from './screen.ts';

export type CabinetSummary = Awaited<ReturnType<typeof listUserCabinets>>[number];

/**
 * The cabinet the menu is about: the one the user picked if they still belong to it, else
 * their first ready one. Null when no cabinet is ready (no key yet, or the initial sync runs).
 */
export async function currentViewer(
  ctx: BotContext,
  user: { id: string; timeZone: string },
  chatId: number,
): Promise<{ viewer: Viewer | null; cabinets: CabinetSummary[] }> {
  const cabinets = await listUserCabinets(ctx.prisma, { userId: user.id });
  const state = chatState(ctx, chatId);
  const ready = cabinets.filter((cabinet) => cabinet.status !== 'initial_sync');
  const chosen = ready.find((cabinet) => cabinet.cabinetId === state.cabinetId) ?? ready[0];
  if (!chosen) return { viewer: null, cabinets };
  state.cabinetId = chosen.cabinetId;
  const row = await ctx.prisma.cabinet.findUniqueOrThrow({
    where: { id: chosen.cabinetId },
    select: { id: true, name: true, status: true, criticalStockThreshold: true },
  });
  return { viewer: { userId: user.id, chatId, timeZone: user.timeZone, cabinet: row }, cabinets };
}
