import { getNotificationSettings, updateNotificationSettings } from '@wb-assist/core';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { Cabinet } from './cabinet.ts';
import { ForbiddenError } from './errors.ts';

type TypeName = 'new_order' | 'buyout' | 'cancellation' | 'return' | 'negative_review' | 'critical_stock';

interface Settings {
  enabled: boolean;
  types: Record<TypeName, boolean>;
}

/** GraphQL names (camelCase) of the six toggles, and the core's names for them. */
const TOGGLES = {
  newOrder: 'new_order',
  buyout: 'buyout',
  cancellation: 'cancellation',
  return: 'return',
  negativeReview: 'negative_review',
  criticalStock: 'critical_stock',
} as const satisfies Record<string, TypeName>;

type Toggle = keyof typeof TOGGLES;

const NotificationSettingsRef = builder.objectRef<Settings>('NotificationSettings').implement({
  description: "The viewer's notification switches for one cabinet.",
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled', { description: 'The global switch: off silences every type.' }),
    ...(Object.fromEntries(
      (Object.keys(TOGGLES) as Toggle[]).map((name) => [
        name,
        t.boolean({ resolve: (settings) => settings.types[TOGGLES[name]] }),
      ]),
    ) as Record<Toggle, ReturnType<typeof t.boolean>>),
  }),
});

const NotificationSettingsInput = builder.inputType('NotificationSettingsInput', {
  description: 'Only the switches given change.',
  fields: (t) => ({
    enabled: t.boolean(),
    newOrder: t.boolean(),
    buyout: t.boolean(),
    cancellation: t.boolean(),
    return: t.boolean(),
    negativeReview: t.boolean(),
    criticalStock: t.boolean(),
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
    errors: { types: [ForbiddenError] },
    args: {
      cabinetId: t.arg.id({ required: true }),
      patch: t.arg({ type: NotificationSettingsInput, required: true }),
    },
    authScopes: (_root, args) => ({ cabinetMember: String(args.cabinetId) }),
    resolve: (_root, { cabinetId, patch }, ctx) => {
      const types: Partial<Record<TypeName, boolean>> = {};
      for (const name of Object.keys(TOGGLES) as Toggle[]) {
        const value = patch[name];
        if (typeof value === 'boolean') types[TOGGLES[name]] = value;
      }
      return updateNotificationSettings(ctx.prisma, {
        userId: viewerId(ctx),
        cabinetId: String(cabinetId),
        patch: { ...(typeof patch.enabled === 'boolean' ? { enabled: patch.enabled } : {}), types },
      });
    },
  }),
);
