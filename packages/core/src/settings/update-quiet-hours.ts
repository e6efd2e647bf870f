import type { PrismaClient, User } from '@wb-assist/db';
import { releaseHeldOf } from '@wb-assist/delivery/history';
import { parseClockTime, QUIET_HOURS_MODES, type QuietHoursMode } from '@wb-assist/domain';
import { InvalidSettingError } from './notification-settings.ts';
import { toQuietHoursView, type QuietHoursPatch, type QuietHoursView } from './quiet-hours-view.ts';

function clockTime(text: string, what: string): number {
  const minutes = parseClockTime(text);
  if (minutes === null) throw new InvalidSettingError(`${what} тихих часов — время в виде ЧЧ:ММ, например 23:00.`);
  return minutes;
}

/**
 * Changes what the patch names, after checking all of it: a bad value changes nothing and says
 * what is allowed. Delivery reads the row at each send, so the next notification follows it.
 */
export async function updateQuietHours(
  prisma: PrismaClient,
  options: { userId: string; patch: QuietHoursPatch },
): Promise<QuietHoursView> {
  const { patch } = options;
  const data: Partial<Pick<User, 'quietHoursMode' | 'quietHoursStart' | 'quietHoursEnd' | 'quietHoursCriticalStock'>> =
    {};
  if (patch.mode !== undefined) {
    if (!(QUIET_HOURS_MODES as readonly string[]).includes(patch.mode)) {
      throw new InvalidSettingError('Режим тихих часов — выключены, без звука или сводкой в конце.');
    }
    data.quietHoursMode = patch.mode as QuietHoursMode;
  }
  if (patch.start !== undefined) data.quietHoursStart = clockTime(patch.start, 'Начало');
  if (patch.end !== undefined) data.quietHoursEnd = clockTime(patch.end, 'Конец');
  if (typeof patch.criticalStockBreaksThrough === 'boolean') {
    data.quietHoursCriticalStock = patch.criticalStockBreaksThrough;
  }
  return prisma.$transaction(async (tx) => {
    const current = await tx.user.findUniqueOrThrow({ where: { id: options.userId } });
    if ((data.quietHoursStart ?? current.quietHoursStart) === (data.quietHoursEnd ?? current.quietHoursEnd)) {
      throw new InvalidSettingError('Начало и конец тихих часов должны различаться.');
    }
    const saved = await tx.user.update({ where: { id: options.userId }, data });
    // Nothing is held for a user who no longer wants holding: what waited goes out now, as one digest.
    if (saved.quietHoursMode !== 'digest') await releaseHeldOf(tx, options.userId);
    return toQuietHoursView(saved);
  });
}
