import type { NotificationSettings, Prisma, PrismaClient } from '@wb-assist/db';
import { notify } from '@wb-assist/db/channels';
import {
  NOTIFICATION_REGISTRY,
  NOTIFICATION_TYPES,
  STOCK_FORECAST_DAYS,
  type NotificationType,
} from '@wb-assist/domain';
import { isUuid } from '../auth/uuid.ts';

export interface NotificationSettingsView {
  enabled: boolean;
  types: Record<NotificationType, boolean>;
  /** A size whose days of cover fall below this many days raises a stock-out forecast. */
  stockForecastDays: number;
}

export interface NotificationSettingsPatch {
  enabled?: boolean;
  types?: Partial<Record<NotificationType, boolean>>;
  stockForecastDays?: number;
}

/** A setting's value out of its range: nothing is changed, and the message says what is allowed. */
export class InvalidSettingError extends Error {
  readonly code = 'invalid_setting';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSettingError';
  }
}

/** Settings belong to a membership: asking for a cabinet the user is not in is a bug or an attack. */
export class NotCabinetMemberError extends Error {
  readonly code = 'not_member';
  constructor(userId: string, cabinetId: string) {
    super(`User ${userId} is not a member of cabinet ${cabinetId}`);
    this.name = 'NotCabinetMemberError';
  }
}

/** The registry's Prisma field of each type's switch; a misspelt field fails to compile here. */
type ToggleColumn = (typeof NOTIFICATION_REGISTRY)[NotificationType]['setting']['field'] & keyof NotificationSettings;

const column = (type: NotificationType): ToggleColumn => NOTIFICATION_REGISTRY[type].setting.field;

function toView(row: NotificationSettings): NotificationSettingsView {
  const types = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, row[column(type)]]));
  return {
    enabled: row.notificationsEnabled,
    types: types as Record<NotificationType, boolean>,
    stockForecastDays: row.stockForecastDays,
  };
}

/** Only the toggles the patch names; unknown keys (from loosely typed callers) are ignored. */
function toColumns(patch: NotificationSettingsPatch): Partial<NotificationSettings> {
  const data: Partial<NotificationSettings> = {};
  if (typeof patch.enabled === 'boolean') data.notificationsEnabled = patch.enabled;
  for (const type of NOTIFICATION_TYPES) {
    const value = patch.types?.[type];
    if (typeof value === 'boolean') data[column(type)] = value;
  }
  const days = patch.stockForecastDays;
  if (days !== undefined) {
    if (!Number.isInteger(days) || days < STOCK_FORECAST_DAYS.min || days > STOCK_FORECAST_DAYS.max) {
      throw new InvalidSettingError(
        `Порог прогноза остатков — целое число дней от ${STOCK_FORECAST_DAYS.min} до ${STOCK_FORECAST_DAYS.max}.`,
      );
    }
    data.stockForecastDays = days;
  }
  return data;
}

/**
 * Checks membership and holds it (KEY SHARE on the cabinet_users row) until the transaction
 * ends, so a concurrent leaveCabinet cannot leave behind settings of a non-member.
 */
async function lockMembership(tx: Prisma.TransactionClient, userId: string, cabinetId: string): Promise<void> {
  const found =
    isUuid(userId) && isUuid(cabinetId)
      ? await tx.$queryRaw<unknown[]>`
          SELECT 1 FROM cabinet_users WHERE user_id = ${userId}::uuid AND cabinet_id = ${cabinetId}::uuid FOR KEY SHARE`
      : [];
  if (found.length === 0) throw new NotCabinetMemberError(userId, cabinetId);
}

/** Concurrent first reads must not collide on the unique key: insert-if-absent, then read. */
async function ensureRow(tx: Prisma.TransactionClient, userId: string, cabinetId: string): Promise<void> {
  await tx.notificationSettings.createMany({ data: { userId, cabinetId }, skipDuplicates: true });
}

/**
 * The user's settings for a cabinet. A member without a row (one lost to an older bug, or a
 * race) gets the defaults, stored, so every surface shows and delivery applies the same thing.
 */
export async function getNotificationSettings(
  prisma: PrismaClient,
  options: { userId: string; cabinetId: string },
): Promise<NotificationSettingsView> {
  const { userId, cabinetId } = options;
  return prisma.$transaction(async (tx) => {
    await lockMembership(tx, userId, cabinetId);
    const existing = await tx.notificationSettings.findUnique({ where: { userId_cabinetId: { userId, cabinetId } } });
    if (existing) return toView(existing);
    await ensureRow(tx, userId, cabinetId);
    return toView(
      await tx.notificationSettings.findUniqueOrThrow({ where: { userId_cabinetId: { userId, cabinetId } } }),
    );
  });
}

/**
 * Changes only the toggles the patch names, then announces the change on the
 * settingsChanged channel ({userId, cabinetId}), so the bot and the web redraw live.
 * The NOTIFY is sent inside the transaction: PostgreSQL delivers it on commit, so a listener
 * that reloads on the signal always reads the new values.
 */
export async function updateNotificationSettings(
  prisma: PrismaClient,
  options: { userId: string; cabinetId: string; patch: NotificationSettingsPatch },
): Promise<NotificationSettingsView> {
  const { userId, cabinetId } = options;
  const data = toColumns(options.patch);
  return prisma.$transaction(async (tx) => {
    await lockMembership(tx, userId, cabinetId);
    await ensureRow(tx, userId, cabinetId);
    const row = await tx.notificationSettings.update({ where: { userId_cabinetId: { userId, cabinetId } }, data });
    await notify(tx, 'settingsChanged', { userId, cabinetId });
    return toView(row);
  });
}
