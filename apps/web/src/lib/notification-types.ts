import { NOTIFICATION_TYPES, TYPE_LABELS, type TypeLabels } from '@wb-assist/domain';

// The one place the web reads notification type labels: the same titles the bot's messages use.

/** The types in the bot's order, with their labels: the history filter's options. */
export const TYPE_OPTIONS = NOTIFICATION_TYPES.map((type) => ({ value: type, label: TYPE_LABELS[type].title }));

const labels: Partial<Record<string, TypeLabels>> = TYPE_LABELS;

/** A type's title; one this build does not know yet (a newer API) shows as its name. */
export const typeLabel = (type: string): string => labels[type]?.title ?? type;
