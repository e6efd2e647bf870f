import type { NotificationType } from '@wb-assist/domain';

/** How each notification type is named on buttons and in lists. */
export const TYPE_NAMES: Record<NotificationType, string> = {
  new_order: 'Новые заказы',
  buyout: 'Выкупы',
  cancellation: 'Отмены',
  return: 'Возвраты',
  negative_review: 'Негативные отзывы',
  critical_stock: 'Критические остатки',
};

/** The same in a sentence: "Будут приходить: заказы, выкупы, …". */
export const TYPE_NAMES_LOWER: Record<NotificationType, string> = {
  new_order: 'заказы',
  buyout: 'выкупы',
  cancellation: 'отмены',
  return: 'возвраты',
  negative_review: 'негативные отзывы',
  critical_stock: 'критические остатки',
};

export const BACK_TO_MENU = { text: '« Меню', callbackData: 'menu' };
