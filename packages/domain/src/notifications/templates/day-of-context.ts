/**
 * The day a context line speaks of: «Сегодня» when its figures are of the day of delivery,
 * else that date («За 06.12»), so an event delivered after midnight does not pass yesterday's
 * figures off as today's.
 */
export function dayOfContext(day: string | null | undefined): string {
  if (day === null || day === undefined) return 'Сегодня';
  const [, month, date] = day.split('-');
  return `За ${date}.${month}`;
}
