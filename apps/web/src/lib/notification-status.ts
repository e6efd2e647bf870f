import { typeLabel } from './notification-types';

/** The delivery states of notification_history, as the list names them. */
export const STATUS_LABELS = {
  sent: 'Отправлено',
  pending: 'В очереди',
  failed: 'Ошибка',
  suppressed: 'Не отправлено',
  held: 'Тихие часы',
} as const;

export type NotificationStatus = keyof typeof STATUS_LABELS;

// The codes the delivery writes to notification_history.reason (packages/delivery).
const REASONS: Record<string, string> = {
  notifications_disabled: 'все уведомления выключены',
  user_blocked_bot: 'бот заблокирован в Telegram',
  user_deleted: 'пользователь удалён',
  bad_payload: 'событие не прочитать',
  render_failed: 'сообщение не собралось',
  bot_unreachable: 'бот не ответил',
  left_cabinet: 'вы вышли из кабинета',
};

/** Why a notification was not sent, in Russian; a code this build does not know shows as it is. */
export function reasonText(reason: string): string {
  if (reason.startsWith('type_disabled:')) return `выключен тип «${typeLabel(reason.slice('type_disabled:'.length))}»`;
  return REASONS[reason] ?? reason;
}

/** «Ошибка: бот не ответил (connect ECONNREFUSED)»: the state, why, and the error when there is one. */
export function statusText(n: { status: NotificationStatus; reason: string | null; error: string | null }): string {
  const label = STATUS_LABELS[n.status] ?? n.status;
  const why = n.reason ? `: ${reasonText(n.reason)}` : '';
  const error = n.status === 'failed' && n.error ? ` (${n.error})` : '';
  return `${label}${why}${error}`;
}
