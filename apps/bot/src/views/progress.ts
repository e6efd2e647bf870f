import { formatInteger } from '@wb-assist/domain';

export interface ProgressState {
  stage: string;
  percent: number;
  done: string[];
  counts: Record<string, number>;
}

const STAGES: { source: string; title: string }[] = [
  { source: 'orders', title: 'Заказы' },
  { source: 'sales', title: 'Выкупы и возвраты' },
  { source: 'stocks', title: 'Остатки' },
  { source: 'reviews', title: 'Отзывы' },
  { source: 'questions', title: 'Вопросы' },
  { source: 'products', title: 'Товары' },
];

const BAR_CELLS = 10;

/** "▰▰▰▰▱▱▱▱▱▱ 40%": a text progress bar that reads the same on every phone. */
export function progressBar(percent: number): string {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = Math.floor(clamped / BAR_CELLS);
  return `${'▰'.repeat(filled)}${'▱'.repeat(BAR_CELLS - filled)} ${clamped}%`;
}

/**
 * The initial-sync message: the bar and one line per stage — done with its count, running
 * (with the rows read so far), or waiting.
 */
export function renderProgress(progress: ProgressState | null, days: number): string {
  const state = progress ?? { stage: 'orders', percent: 0, done: [], counts: {} };
  const lines = STAGES.map(({ source, title }) => {
    const count = state.counts[source];
    if (state.done.includes(source)) return `✅ ${title}: ${formatInteger(count ?? 0)}`;
    if (state.stage === source) return `⏳ ${title}${count ? `: ${formatInteger(count)}` : '…'}`;
    return `▫️ ${title}`;
  });
  return [`⏳ Загружаю данные за ${days} дн.`, progressBar(state.percent), '', ...lines].join('\n');
}

/** When the initial sync is over: what was loaded, in one line per stage. */
export function renderProgressDone(progress: ProgressState | null): string {
  const counts = progress?.counts ?? {};
  const lines = STAGES.map(({ source, title }) => `✅ ${title}: ${formatInteger(counts[source] ?? 0)}`);
  return ['✅ Данные загружены', progressBar(100), '', ...lines].join('\n');
}
