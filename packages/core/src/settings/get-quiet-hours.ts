import type { PrismaClient } from '@wb-assist/db';
import { toQuietHoursView, type QuietHoursView } from './quiet-hours-view.ts';

/** Quiet hours are the user's, not a cabinet's: one night for every cabinet they follow. */
export async function getQuietHours(prisma: PrismaClient, options: { userId: string }): Promise<QuietHoursView> {
  return toQuietHoursView(await prisma.user.findUniqueOrThrow({ where: { id: options.userId } }));
}
