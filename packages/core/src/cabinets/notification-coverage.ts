import {
  NOTIFICATION_REGISTRY,
  NOTIFICATION_TYPES,
  type NotificationType,
  type WbKeyCategory,
} from '@wb-assist/domain';
import { hasCategory, type WbCategory } from '@wb-assist/wb-api';

export { NOTIFICATION_TYPES };
export type NotificationTypeName = NotificationType;

/** The registry names WB categories without importing wb-api: the same literals, checked here. */
const source = (type: NotificationTypeName): WbKeyCategory & WbCategory => NOTIFICATION_REGISTRY[type].category;

const CATEGORY_TITLE: Partial<Record<WbCategory, string>> = {
  statistics: '«Статистика»',
  feedbacks: '«Вопросы и отзывы»',
  analytics: '«Аналитика»',
  content: '«Контент»',
};

export interface NotificationCoverage {
  available: NotificationTypeName[];
  unavailable: NotificationTypeName[];
  /** Russian sentences for the seller: what will not work and why. */
  warnings: string[];
}

/** From a key's categories: which notifications can work, and what the seller should know. */
export function notificationCoverage(scopes: number): NotificationCoverage {
  const available = NOTIFICATION_TYPES.filter((type) => hasCategory(scopes, source(type)));
  const unavailable = NOTIFICATION_TYPES.filter((type) => !hasCategory(scopes, source(type)));
  const warnings: string[] = [];
  for (const category of ['feedbacks', 'analytics'] as const) {
    const lost = unavailable.filter((type) => source(type) === category);
    if (lost.length > 0) {
      warnings.push(
        `У ключа нет категории ${CATEGORY_TITLE[category]}: уведомлений о ${lost.map((type) => NOTIFICATION_REGISTRY[type].labels.aboutPhrase).join(', ')} не будет.`,
      );
    }
  }
  if (!hasCategory(scopes, 'content')) {
    warnings.push(`У ключа нет категории ${CATEGORY_TITLE.content}: в уведомлениях не будет фото и названий товаров.`);
  }
  return { available, unavailable, warnings };
}
