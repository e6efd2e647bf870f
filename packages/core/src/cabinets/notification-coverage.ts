import {
  NOTIFICATION_REGISTRY,
  NOTIFICATION_TYPES,
  type NotificationType,
  type WbKeyCategory,
} from '@wb-assist/domain';
import { hasCategory, type WbCategory, type WbTokenType } from '@wb-assist/wb-api';

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

/**
 * WB's real-time order feed answers a Base key once in 3 hours: its orders come from statistics,
 * which WB publishes every 30 minutes. Said once, where the key is accepted (bot and dashboard).
 */
export const BASE_KEY_DELAY =
  'Ключ базовый, а с базовым ключом заказы приходят с задержкой до 30 минут. Чтобы они приходили сразу, подключите персональный или сервисный ключ с категорией «Аналитика».';

/** From a key's categories (and type): which notifications can work, and what the seller should know. */
export function notificationCoverage(scopes: number, tokenType?: WbTokenType): NotificationCoverage {
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
  if (tokenType === 'base') warnings.push(BASE_KEY_DELAY);
  return { available, unavailable, warnings };
}
