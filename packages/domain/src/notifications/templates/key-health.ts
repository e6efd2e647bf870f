import { countNoun } from '../../format/plural.ts';
import type { KeyHealthEvent } from '../events.ts';
import { assemble, safe } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { DAY_FORMS, formatDate } from './day-parts.ts';

const NEW_KEY =
  'Создайте новый ключ в личном кабинете WB (Настройки → Доступ к API) и нажмите «Заменить ключ»: кабинет, его история и участники останутся.';

function headline(event: KeyHealthEvent, timeZone: string, cap: number): string {
  const cabinet = `Кабинет «${safe(event.cabinetName, cap)}»`;
  if (event.kind === 'refused') {
    return `${cabinet}: ${safe(event.reason ?? 'WB не принимает ключ.', cap)} Уведомления этого кабинета остановлены.`;
  }
  const left = event.daysLeft <= 1 ? 'остался последний день' : `осталось ${countNoun(event.daysLeft, DAY_FORMS)}`;
  return `${cabinet}: ключ WB действует до ${formatDate(event.expiresAt, timeZone)} — ${left}. Когда он истечёт, уведомления этого кабинета остановятся.`;
}

export function keyHealthTemplate(labels: NotificationLabels): NotificationTemplate<KeyHealthEvent> {
  const heading = (event: KeyHealthEvent) =>
    event.kind === 'refused' ? '⛔ <b>WB не принимает ключ</b>' : `${labels.emoji} <b>Ключ WB скоро истечёт</b>`;
  return {
    message(event, timeZone, detail) {
      const body = [
        heading(event),
        headline(event, timeZone, detail.textCap),
        // The categories the key lacks say which notifications a fresh key would bring back.
        ...event.warnings.slice(0, detail.listCap).map((warning) => `⚠️ ${safe(warning, detail.textCap)}`),
        '',
        NEW_KEY,
      ];
      return assemble(body, null);
    },
    groupItem(event, timeZone) {
      return `• ${headline(event, timeZone, 60)}`;
    },
    groupHeader(events) {
      return [`${labels.emoji} <b>${countNoun(events.length, labels.groupForms)}</b>`];
    },
    context: () => null,
  };
}
