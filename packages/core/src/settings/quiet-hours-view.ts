import type { User } from '@wb-assist/db';
import { formatClockTime, type QuietHoursMode } from '@wb-assist/domain';

/** A user's quiet hours, as every surface shows them: times of day as HH:MM in `timeZone`. */
export interface QuietHoursView {
  mode: QuietHoursMode;
  start: string;
  end: string;
  /** Critical stock ignores the window: sent at once, with sound. */
  criticalStockBreaksThrough: boolean;
  timeZone: string;
}

export interface QuietHoursPatch {
  mode?: string;
  start?: string;
  end?: string;
  criticalStockBreaksThrough?: boolean;
}

export function toQuietHoursView(user: User): QuietHoursView {
  return {
    mode: user.quietHoursMode,
    start: formatClockTime(user.quietHoursStart),
    end: formatClockTime(user.quietHoursEnd),
    criticalStockBreaksThrough: user.quietHoursCriticalStock,
    timeZone: user.timeZone,
  };
}
