import { NOTIFICATION_TYPES } from '@wb-assist/core';
import { builder } from './builder.ts';

export const NotificationTypeEnum = builder.enumType('NotificationType', { values: NOTIFICATION_TYPES });

export const SortDirection = builder.enumType('SortDirection', {
  values: { DESC: { value: 'desc' }, ASC: { value: 'asc' } } as const,
});
