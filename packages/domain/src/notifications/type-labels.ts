import type { PluralForms } from '../format/plural.ts';
import type { NotificationType } from './events.ts';

export interface TypeLabels {
  emoji: string;
  /** Heading of a single message. */
  title: string;
  /** Heading of a grouped message's continuation. */
  groupTitle: string;
  /** The counted phrase of a group heading: "12 новых заказов". */
  groupForms: PluralForms;
  /** The counted noun of "…и ещё 1 812 заказов" and of the day's context line. */
  nounForms: PluralForms;
}

export const TYPE_LABELS: Record<NotificationType, TypeLabels> = {
  new_order: {
    emoji: '🛒',
    title: 'Новый заказ',
    groupTitle: 'Новые заказы',
    groupForms: ['новый заказ', 'новых заказа', 'новых заказов'],
    nounForms: ['заказ', 'заказа', 'заказов'],
  },
  buyout: {
    emoji: '💰',
    title: 'Выкуп',
    groupTitle: 'Выкупы',
    groupForms: ['выкуп', 'выкупа', 'выкупов'],
    nounForms: ['выкуп', 'выкупа', 'выкупов'],
  },
  cancellation: {
    emoji: '❌',
    title: 'Отмена заказа',
    groupTitle: 'Отмены',
    groupForms: ['отмена', 'отмены', 'отмен'],
    nounForms: ['отмена', 'отмены', 'отмен'],
  },
  return: {
    emoji: '↩️',
    title: 'Возврат',
    groupTitle: 'Возвраты',
    groupForms: ['возврат', 'возврата', 'возвратов'],
    nounForms: ['возврат', 'возврата', 'возвратов'],
  },
  negative_review: {
    emoji: '👎',
    title: 'Негативный отзыв',
    groupTitle: 'Негативные отзывы',
    groupForms: ['негативный отзыв', 'негативных отзыва', 'негативных отзывов'],
    nounForms: ['отзыв', 'отзыва', 'отзывов'],
  },
  critical_stock: {
    emoji: '📦',
    title: 'Критический остаток',
    groupTitle: 'Критический остаток',
    groupForms: ['позиция', 'позиции', 'позиций'],
    nounForms: ['позиция', 'позиции', 'позиций'],
  },
};
