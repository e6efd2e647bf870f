import { NOTIFICATION_DEFINITIONS, parsePayload, type NotificationType } from '@wb-assist/domain';
import type { z } from 'zod';
import { builder } from './builder.ts';
import { objectType } from './payload-fields.ts';

/** A notification's payload, parsed with its type's schema, and the type that picks the GraphQL type. */
export interface Details {
  type: NotificationType;
  payload: Record<string, unknown>;
}

const refs = Object.fromEntries(
  NOTIFICATION_DEFINITIONS.map((definition) => [
    definition.id,
    objectType<Details>(
      definition.graphql.details,
      definition.payload as unknown as z.ZodObject,
      `The facts of a ${definition.id} notification.`,
      (details: Details) => details.payload,
    ),
  ]),
);

export const NotificationDetails = builder.unionType('NotificationDetails', {
  description: 'The event’s facts, typed by the notification type: one member per type.',
  types: Object.values(refs),
  resolveType: (details) => refs[details.type],
});

/** The stored payload as its type's schema reads it: the shape `details` and `payload` show. */
export function detailsOf(type: NotificationType, payload: unknown): Details {
  return { type, payload: parsePayload(type, payload) as Record<string, unknown> };
}
