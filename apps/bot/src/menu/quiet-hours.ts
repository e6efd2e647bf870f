import { getQuietHours, updateQuietHours, type QuietHoursView } from '@wb-assist/core';
import { parseClockTime, type QuietHoursMode } from '@wb-assist/domain';
import type { BotContext } from '../context.ts';
import type { Button } from '../telegram/port.ts';
import type { Viewer } from './screen.ts';

/** A press on the mode button moves to the next one. */
const MODE_STEPS: readonly QuietHoursMode[] = ['off', 'silent', 'digest'];
/** The start and end a press steps through; the dashboard and GraphQL take any HH:MM. */
export const QUIET_START_STEPS = ['21:00', '22:00', '23:00', '00:00'] as const;
export const QUIET_END_STEPS = ['06:00', '07:00', '08:00', '09:00', '10:00'] as const;

const MODE_NAMES: Record<QuietHoursMode, string> = {
  off: 'выключены',
  silent: 'без звука',
  digest: 'сводкой в конце',
};

export type QuietHoursPress = 'qm' | 'qs' | 'qe' | 'qc';

export const isQuietHoursPress = (arg: string | undefined): arg is QuietHoursPress =>
  arg !== undefined && ['qm', 'qs', 'qe', 'qc'].includes(arg);

/** After the current time in the list's day order (a start list runs past midnight), else its first. */
function nextStep(steps: readonly string[], current: string): string {
  const index = steps.indexOf(current);
  if (index >= 0) return steps[(index + 1) % steps.length]!;
  const minutes = parseClockTime(current) ?? 0;
  return steps.find((step) => (parseClockTime(step) ?? 0) > minutes) ?? steps[0]!;
}

/** The notification screen's quiet-hours rows: the mode, then (when on) the window and critical stock. */
export function quietHoursRows(hours: QuietHoursView, cabinetId: string): Button[][] {
  const mode: Button[] = [
    {
      text:
        hours.mode === 'off'
          ? '🌙 Тихие часы: выключены'
          : `🌙 Тихие часы ${hours.start}–${hours.end}: ${MODE_NAMES[hours.mode]}`,
      callbackData: `nt:qm:${cabinetId}`,
    },
  ];
  if (hours.mode === 'off') return [mode];
  return [
    mode,
    [
      { text: `С ${hours.start}`, callbackData: `nt:qs:${cabinetId}` },
      { text: `До ${hours.end}`, callbackData: `nt:qe:${cabinetId}` },
    ],
    [
      {
        text: `${hours.criticalStockBreaksThrough ? '✅' : '⬜️'} Критический остаток — сразу`,
        callbackData: `nt:qc:${cabinetId}`,
      },
    ],
  ];
}

/** One press on a quiet-hours button: the next value, saved; the notice says what it is now. */
export async function stepQuietHours(ctx: BotContext, viewer: Viewer, press: QuietHoursPress): Promise<string> {
  const current = await getQuietHours(ctx.prisma, { userId: viewer.userId });
  const patch =
    press === 'qm'
      ? { mode: MODE_STEPS[(MODE_STEPS.indexOf(current.mode) + 1) % MODE_STEPS.length] }
      : press === 'qs'
        ? { start: nextStep(QUIET_START_STEPS, current.start) }
        : press === 'qe'
          ? { end: nextStep(QUIET_END_STEPS, current.end) }
          : { criticalStockBreaksThrough: !current.criticalStockBreaksThrough };
  const saved = await updateQuietHours(ctx.prisma, { userId: viewer.userId, patch });
  if (press === 'qc') {
    return saved.criticalStockBreaksThrough
      ? 'Критический остаток придёт сразу и в тихие часы'
      : 'Критический остаток тоже подождёт конца тихих часов';
  }
  if (saved.mode === 'off') return 'Тихие часы выключены';
  return `Тихие часы ${saved.start}–${saved.end} (${saved.timeZone}): ${MODE_NAMES[saved.mode]}`;
}
