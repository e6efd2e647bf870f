import { NOTIFICATION_TYPES, type NotificationType } from '@wb-assist/domain';
import { hasCategory, type WbCategory } from '@wb-assist/wb-api';

export { NOTIFICATION_TYPES };
export type NotificationTypeName = NotificationType;

/** Which WB category each notification type reads its data from. */
const SOURCE: Record<NotificationTypeName, WbCategory> = {
  new_order: 'statistics',
  buyout: 'statistics',
  cancellation: 'statistics',
  return: 'statistics',
  negative_review: 'feedbacks',
  critical_stock: 'analytics',
};

const CATEGORY_TITLE: Partial<Record<WbCategory, string>> = {
  statistics: '«Статистика»',
  feedbacks: '«Вопросы и отзывы»',
  analytics: '«Аналитика»',
  content: '«Контент»',
};

const TYPE_TITLE: Record<NotificationTypeName, string> = {
  new_order: 'новых заказах',
  buyout: 'выкупах',
  cancellation: 'отменах',
  return: 'возвратах',
  negative_review: 'негативных отзывах',
  critical_stock: 'критических остатках',
};

export interface NotificationCoverage {
  available: NotificationTypeName[];
  unavailable: NotificationTypeName[];
  /** Russian sentences for the seller: what will not work and why. */
  warnings: string[];
}

/** From a key's categories: which notifications can work, and what the seller should know. */
export function notificationCoverage(scopes: number): NotificationCoverage {
  const available = NOTIFICATION_TYPES.filter((type) => hasCategory(scopes, SOURCE[type]));
  const unavailable = NOTIFICATION_TYPES.filter((type) => !hasCategory(scopes, SOURCE[type]));
  const warnings: string[] = [];
  for (const category of ['feedbacks', 'analytics'] as const) {
    const lost = unavailable.filter((type) => SOURCE[type] === category);
    if (lost.length > 0) {
      warnings.push(
        `У ключа нет категории ${CATEGORY_TITLE[category]}: уведомлений о ${lost.map((type) => TYPE_TITLE[type]).join(', ')} не будет.`,
      );
    }
  }
  if (!hasCategory(scopes, 'content')) {
    warnings.push(`У ключа нет категории ${CATEGORY_TITLE.content}: в уведомлениях не будет фото и названий товаров.`);
  }
  return { available, unavailable, warnings };
}
