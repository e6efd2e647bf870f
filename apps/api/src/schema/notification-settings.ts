import { getNotificationSettings, InvalidSettingError, updateNotificationSettings } from '@wb-assist/core';
import {
  NOTIFICATION_DEFINITIONS,
  NOTIFICATION_TYPES,
  STOCK_FORECAST_DAYS,
  type NotificationType,
} from '@wb-assist/domain';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { NotificationTypeEnum } from './enums.ts';
import { ForbiddenError, OperationError } from './errors.ts';

interface Settings {
  enabled: boolean;
  types: Record<NotificationType, boolean>;
  stockForecastDays: number;
}

/** Each type's switch under its public GraphQL name, from the registry. */
const TOGGLES = NOTIFICATION_DEFINITIONS.map((definition) => ({
  name: definition.graphql.toggle,
  type: definition.id,
}));

interface TypeSetting {
  type: NotificationType;
  enabled: boolean;
}

const NotificationTypeSetting = builder.objectRef<TypeSetting>('NotificationTypeSetting').implement({
  description: "One notification type's switch.",
  fields: (t) => ({
    type: t.field({ type: NotificationTypeEnum, resolve: (setting) => setting.type }),
    enabled: t.exposeBoolean('enabled'),
  }),
});

const NotificationTypeSettingInput = builder.inputType('NotificationTypeSettingInput', {
  fields: (t) => ({
    type: t.field({ type: NotificationTypeEnum, required: true }),
    enabled: t.boolean({ required: true }),
  }),
});

const NotificationSettingsRef = builder.objectRef<Settings>('NotificationSettings').implement({
  description: "The viewer's notification switches for one cabinet.",
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'The global switch: off silences every type.' }),
    types: t.field({
      type: [NotificationTypeSetting],
      description:
        "Every type's switch, in the order the bot and the dashboard show them, so a client can list them without naming each type.",
      resolve: (settings) => NOTIFICATION_TYPES.map((type) => ({ type, enabled: settings.types[type] })),
    }),
    stockForecastDays: t.exposeInt('stockForecastDays', {
      description:
        'A product size whose days of cover (stock ÷ average daily orders) fall below this raises a forecast.',
    }),
    ...Object.fromEntries(
      TOGGLES.map(({ name, type }) => [name, t.boolean({ resolve: (settings) => settings.types[type] })]),
    ),
  }),
});

const NotificationSettingsInput = builder.inputType('NotificationSettingsInput', {
  description: 'Only the switches given change.',
  fields: (t) => ({
    enabled: t.boolean(),
    types: t.field({
      type: [NotificationTypeSettingInput],
      description: 'Switches by type; a type also given by its own field takes the value given here.',
    }),
    stockForecastDays: t.int({
      description: `Days of cover under which a forecast is raised, ${STOCK_FORECAST_DAYS.min} to ${STOCK_FORECAST_DAYS.max}.`,
    }),
    ...Object.fromEntries(TOGGLES.map(({ name }) => [name, t.boolean()])),
  }),
});

builder.prismaObjectField(Cabinet, 'notificationSettings', (t) =>
  t.field({
    type: NotificationSettingsRef,
    resolve: (cabinet, _args, ctx) =>
      getNotificationSettings(ctx.prisma, { userId: viewerId(ctx), cabinetId: cabinet.id }),
  }),
);

builder.mutationField('updateNotificationSettings', (t) =>
  t.field({
    type: NotificationSettingsRef,
    errors: { types: [ForbiddenError, OperationError] },
    args: {
      cabinetId: t.arg.id({ required: true }),
      patch: t.arg({ type: NotificationSettingsInput, required: true }),
    },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: async (_root, { cabinetId, patch }, ctx) => {
      const given = patch as Record<string, boolean | null | undefined>;
      const types: Partial<Record<NotificationType, boolean>> = {};
      for (const { name, type } of TOGGLES) {
        const value = given[name];
        if (typeof value === 'boolean') types[type] = value;
      }
      for (const setting of patch.types ?? []) types[setting.type] = setting.enabled;
      try {
        return await updateNotificationSettings(ctx.prisma, {
          userId: viewerId(ctx),
          cabinetId: String(cabinetId),
          patch: {
            ...(typeof given.enabled === 'boolean' ? { enabled: given.enabled } : {}),
            ...(typeof patch.stockForecastDays === 'number' ? { stockForecastDays: patch.stockForecastDays } : {}),
            types,
          },
        });
      } catch (error) {
        // Out of range: a typed failure with the Russian message, and nothing changed.
        if (error instanceof InvalidSettingError) throw new OperationError(error.code, error.message);
        throw error;
      }
    },
  }),
);
