/**
 * How a seller makes a WB API key, said the same way by the bot (/start, «Помощь») and the
 * dashboard (onboarding, «Заменить ключ»): one text, so the two never give different steps.
 */
export const WB_KEY_HOW_TO =
  'Личный кабинет продавца → Настройки → Доступ к API → Создать ключ с категориями «Статистика», «Вопросы и отзывы», «Аналитика» и «Контент». Для уведомлений хватит режима «Только чтение»; чтобы отвечать покупателям, нужен ключ без этой отметки.';

export type WbKeyType = 'base' | 'personal' | 'service' | 'test';

/** WB's names for its key types, as the seller sees them when creating one. */
export const WB_KEY_TYPE_LABELS: Record<WbKeyType, string> = {
  personal: 'Персональный',
  service: 'Сервисный',
  base: 'Базовый',
  test: 'Тестовый',
};
