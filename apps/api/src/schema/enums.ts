import { NOTIFICATION_TYPES } from '@wb-assist/domain';
import { builder } from './builder.ts';

/** The registry's ids are the public enum values (new_order, …): integrators code against them. */
export const NotificationTypeEnum = builder.enumType('NotificationType', { values: NOTIFICATION_TYPES });

export const SortDirection = builder.enumType('SortDirection', {
  values: { DESC: { value: 'desc' }, ASC: { value: 'asc' } } as const,
});
