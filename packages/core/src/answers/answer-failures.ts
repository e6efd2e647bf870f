import { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH } from '@wb-assist/domain';

/** Why an answer could not be sent. */
export type AnswerFailureCode =
  | 'read_only_key'
  | 'scope_missing'
  | 'key_revoked'
  | 'too_short'
  | 'too_long'
  | 'not_found'
  | 'edit_not_allowed'
  | 'wb_unavailable';

const NEW_KEY =
  'Создайте ключ в личном кабинете WB (Настройки → Доступ к API) с категорией «Вопросы и отзывы», без отметки «Только на чтение», и подключите его вместо текущего. Текст ответа сохранён.';

/** Plain Russian for the seller: what happened and what to change, never a WB error code. */
export const ANSWER_FAILURE_MESSAGES: Record<AnswerFailureCode, string> = {
  read_only_key: `Ключ WB только для чтения: с ним нельзя отвечать покупателям. ${NEW_KEY}`,
  scope_missing: `У ключа WB нет категории «Вопросы и отзывы»: без неё нельзя отвечать покупателям. ${NEW_KEY}`,
  key_revoked: `WB не принял ключ: он отозван или срок его действия истёк. ${NEW_KEY}`,
  too_short: `Ответ слишком короткий: WB принимает от ${ANSWER_MIN_LENGTH} символов.`,
  too_long: `Ответ слишком длинный: WB принимает до ${ANSWER_MAX_LENGTH} символов.`,
  not_found: 'Такого отзыва или вопроса нет в этом кабинете.',
  edit_not_allowed: 'Этот ответ изменить нельзя: WB разрешает отредактировать ответ только один раз.',
  wb_unavailable: 'WB сейчас не отвечает. Попробуйте отправить ещё раз через несколько минут — текст ответа сохранён.',
};
