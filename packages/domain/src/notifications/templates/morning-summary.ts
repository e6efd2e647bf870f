import { formatInteger, formatMoney, NBSP } from '../../format/money.ts';
import { countNoun, type PluralForms } from '../../format/plural.ts';
import type { Detail } from '../detail.ts';
import type { MorningSummaryEvent, SummaryFigure, SummarySize } from '../events.ts';
import { assemble, hasSize, safe } from '../parts.ts';
import type { NotificationLabels, NotificationTemplate } from '../registry/definition.ts';
import { pieces } from './critical-stock.ts';
import { DAY_FORMS, formatRate, shortDay } from './day-parts.ts';

const FIGURE = {
  orders: { emoji: '🛒', name: 'Заказы' },
  buyouts: { emoji: '✅', name: 'Выкупы' },
  cancellations: { emoji: '❌', name: 'Отмены' },
  returns: { emoji: '↩️', name: 'Возвраты' },
} as const;

const WEEKDAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const SIZE_FORMS = ['размер', 'размера', 'размеров'] as const;
const MINUS = '\u2212';

const weekday = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;

/** "+33%", "−10%", "без изменений"; a week that had nothing cannot be a percentage. */
function change(now: number, before: number): string {
  if (now === before) return 'без изменений';
  if (before === 0) return 'неделю назад не было';
  const percent = Math.round(((now - before) / before) * 100);
  return `${percent > 0 ? '+' : MINUS}${Math.abs(percent)}%`;
}

/** Two lines a phone shows without wrapping: the figure, then the week before. */
function figureLines(figure: SummaryFigure, weekAgo: string): string[] {
  const { emoji, name } = FIGURE[figure.kind];
  return [
    `${emoji} ${name}: <b>${formatInteger(figure.count)}</b> на ${formatMoney(figure.amount, { wholeRubles: true })}`,
    `${NBSP}${NBSP}${NBSP}${shortDay(weekAgo)}: ${formatInteger(figure.weekAgoCount)} на ${formatMoney(figure.weekAgoAmount, { wholeRubles: true })} (${change(figure.count, figure.weekAgoCount)})`,
  ];
}

function sizeName(size: SummarySize, cap: number): string {
  const name = safe(size.name ?? size.vendorCode, cap);
  return hasSize(size.size) ? `${name}, ${safe(size.size, cap)}` : name;
}

function sizeLines(sizes: SummarySize[], total: number, cap: Detail, line: (size: SummarySize) => string): string[] {
  const shown = sizes.slice(0, cap.listCap).map(line);
  const rest = total - shown.length;
  return rest > 0 ? [...shown, `…и ещё ${countNoun(rest, SIZE_FORMS)}`] : shown;
}

/** "≈ 3 дня", "меньше дня". */
const cover = (days: number | null) =>
  days === null ? '' : days < 1 ? ', меньше дня' : `, ≈${NBSP}${countNoun(Math.floor(days), DAY_FORMS)}`;

/** `reviewForms`: the negative-review type's counted phrase ("2 негативных отзыва"). */
export function morningSummaryTemplate(
  labels: NotificationLabels,
  reviewForms: PluralForms,
): NotificationTemplate<MorningSummaryEvent> {
  return {
    message(event, _timeZone, detail) {
      const body = [
        `${labels.emoji} <b>Итоги ${shortDay(event.day)}, ${weekday(event.day)}</b>`,
        `Кабинет «${safe(event.cabinetName, detail.textCap)}» · в сравнении с ${shortDay(event.weekAgo)}`,
        '',
        ...event.figures.flatMap((figure) => figureLines(figure, event.weekAgo)),
        `Процент выкупа: <b>${event.buyoutRate === null ? '—' : `${formatRate(event.buyoutRate)}%`}</b>`,
      ];
      if (event.topProducts.length > 0) {
        body.push('', '🏆 <b>Топ товаров</b>');
        event.topProducts.forEach((product, index) =>
          body.push(
            `${index + 1}. ${safe(product.name ?? product.vendorCode, detail.textCap)} — ${pieces(product.count)}, ${formatMoney(product.amount, { wholeRubles: true })}`,
          ),
        );
      }
      if (event.criticalTotal > 0) {
        body.push('', `🔴 <b>Критический остаток: ${countNoun(event.criticalTotal, SIZE_FORMS)}</b>`);
        body.push(
          ...sizeLines(
            event.critical,
            event.criticalTotal,
            detail,
            (s) => `• ${sizeName(s, detail.textCap)} — ${pieces(s.available)}`,
          ),
        );
      }
      if (event.runningOutTotal > 0) {
        body.push('', `⏳ <b>Скоро закончатся: ${countNoun(event.runningOutTotal, SIZE_FORMS)}</b>`);
        body.push(
          ...sizeLines(
            event.runningOut,
            event.runningOutTotal,
            detail,
            (s) => `• ${sizeName(s, detail.textCap)} — ${pieces(s.available)}${cover(s.daysOfCover)}`,
          ),
        );
      }
      body.push(
        '',
        event.unansweredNegative > 0
          ? `💬 Без ответа: <b>${countNoun(event.unansweredNegative, reviewForms)}</b>`
          : `💬 Без ответа: нет ${reviewForms[2]}`,
      );
      return assemble(body, null);
    },
    groupItem(event) {
      const orders = event.figures.find((figure) => figure.kind === 'orders');
      return `• «${safe(event.cabinetName, 60)}»: заказов ${formatInteger(orders?.count ?? 0)} за ${shortDay(event.day)}`;
    },
    groupHeader(events) {
      return [`${labels.emoji} <b>${countNoun(events.length, labels.groupForms)}</b>`];
    },
    context: () => null,
  };
}
