import { NOTIFICATION_REGISTRY, NOTIFICATION_TYPES, type NotificationType } from '@wb-assist/domain';

const byType = (label: (type: NotificationType) => string) =>
  Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, label(type)])) as Record<NotificationType, string>;

/** How each notification type is named on buttons and in lists (the registry's listName). */
export const TYPE_NAMES = byType((type) => NOTIFICATION_REGISTRY[type].labels.listName);

/** The same in a sentence: "Будут приходить: заказы, выкупы, …". */
export const TYPE_NAMES_LOWER = byType((type) => NOTIFICATION_REGISTRY[type].labels.listNameInSentence);

export const BACK_TO_MENU = { text: '« Меню', callbackData: 'menu' };
