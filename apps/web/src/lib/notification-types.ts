import { NOTIFICATION_DEFINITIONS } from '@wb-assist/domain';

// The web reads notification type labels from domain's registry, like the bot does.

/** The types in the bot's order, with their labels: the history filter's options. */
export const TYPE_OPTIONS = NOTIFICATION_DEFINITIONS.map((definition) => ({
  value: definition.id,
  label: definition.labels.shortTitle,
}));

const labels = new Map<string, string>(TYPE_OPTIONS.map((option) => [option.value, option.label]));

/** A type's title; one this build does not know yet (a newer API) shows as its name. */
export const typeLabel = (type: string): string => labels.get(type) ?? type;
