/**
 * The critical-stock rule every surface shares (the notification, the bot, the dashboard): a
 * product size is critical when the units available for sale, summed over every warehouse, are
 * at or below the cabinet's threshold. The sum makes a move between warehouses no shortage.
 */
export function isCriticalStock(options: { available: number; threshold: number }): boolean {
  return options.available <= options.threshold;
}
