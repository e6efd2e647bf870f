import { getQuietHours, InvalidSettingError, updateQuietHours, type QuietHoursView } from '@wb-assist/core';
import { QUIET_HOURS_MODES } from '@wb-assist/domain';
import { viewerId } from '../context.ts';
import { builder } from './builder.ts';
import { ForbiddenError, OperationError } from './errors.ts';
import { User } from './viewer.ts';

const QuietHoursModeEnum = builder.enumType('QuietHoursMode', {
  description: 'off: as usual; silent: sent without sound; digest: held and sent as one message when the window ends.',
  values: QUIET_HOURS_MODES,
});

const QuietHoursRef = builder.objectRef<QuietHoursView>('QuietHours');
QuietHoursRef.implement({
  description: "The user's quiet hours, for every cabinet they follow, in their own time zone.",
  fields: (t) => ({
    mode: t.field({ type: QuietHoursModeEnum, resolve: (hours) => hours.mode }),
    start: t.exposeString('start', { description: 'Start, HH:MM in timeZone.' }),
    end: t.exposeString('end', {
      description: 'End, HH:MM in timeZone; before start when the window crosses midnight.',
    }),
    criticalStockBreaksThrough: t.exposeBoolean('criticalStockBreaksThrough', {
      description: 'Critical stock is sent at once, with sound, even inside the window.',
    }),
    timeZone: t.exposeString('timeZone'),
  }),
});

const QuietHoursInput = builder.inputType('QuietHoursInput', {
  description: 'Only the fields given change; a bad value changes nothing.',
  fields: (t) => ({
    mode: t.field({ type: QuietHoursModeEnum }),
    start: t.string({ description: 'HH:MM, for example 23:00.' }),
    end: t.string({ description: 'HH:MM, for example 08:00.' }),
    criticalStockBreaksThrough: t.boolean(),
  }),
});

builder.prismaObjectField(User, 'quietHours', (t) =>
  t.field({
    type: QuietHoursRef,
    nullable: true,
    description: 'Only for the signed-in user themself; null for anyone else.',
    // A member list shows other users: their nights are their own business.
    resolve: (user, _args, ctx) =>
      ctx.viewer?.userId === user.id ? getQuietHours(ctx.prisma, { userId: user.id }) : null,
  }),
);

builder.mutationField('updateQuietHours', (t) =>
  t.field({
    type: QuietHoursRef,
    errors: { types: [ForbiddenError, OperationError] },
    args: { patch: t.arg({ type: QuietHoursInput, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, { patch }, ctx) => {
      try {
        return await updateQuietHours(ctx.prisma, {
          userId: viewerId(ctx),
          patch: {
            ...(patch.mode ? { mode: patch.mode } : {}),
            ...(typeof patch.start === 'string' ? { start: patch.start } : {}),
            ...(typeof patch.end === 'string' ? { end: patch.end } : {}),
            ...(typeof patch.criticalStockBreaksThrough === 'boolean'
              ? { criticalStockBreaksThrough: patch.criticalStockBreaksThrough }
              : {}),
          },
        });
      } catch (error) {
        if (error instanceof InvalidSettingError) throw new OperationError(error.code, error.message);
        throw error;
      }
    },
  }),
);
