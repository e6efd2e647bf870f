import { formatInteger } from '@wb-assist/domain';

/** Whether a rise of the figure is good news for the seller (orders) or bad (returns). */
export type Better = 'higher' | 'lower';
export type Tone = 'good' | 'bad' | 'neutral';
export type Kind = 'count' | 'money' | 'rate';

export interface Change {
  text: string;
  tone: Tone;
  /** Why there is no percentage, for a tooltip; absent when there is one. */
  reason?: string;
}

/**
 * Below these the previous period is too thin for a percentage to mean anything: 1 order
 * against 3 is «−67 %», 2 400 ₽ against 1 ₽ is «+239 900 %». Such a base reads «—».
 */
const MIN_BASE: Record<Exclude<Kind, 'rate'>, number> = { count: 5, money: 1_000 };
/** A rise beyond ×10 says the base was near-empty, not that the shop grew tenfold. */
const MAX_RATIO = 10;
const MINUS = '\u2212';

const toneOf = (delta: number, better: Better): Tone =>
  delta === 0 ? 'neutral' : delta > 0 === (better === 'higher') ? 'good' : 'bad';

const signed = (value: number) => (value > 0 ? '+' : value < 0 ? MINUS : '') + formatInteger(Math.abs(value));

/**
 * The change of a figure against the previous period, as the dashboard shows it. The colour
 * follows what the change means for the seller, not its sign; a rate (share of buyouts)
 * changes by percentage points; a base too small for a percentage gives «—», or «новое» when
 * there was nothing at all before.
 */
export function compareChange(options: {
  now: number | null;
  before: number | null;
  better: Better;
  kind: Kind;
}): Change {
  const { now, before, better, kind } = options;
  if (now === null || before === null) return { text: '—', tone: 'neutral', reason: 'не с чем сравнить' };
  if (kind === 'rate') {
    const points = Math.round((now - before) * 100);
    return { text: `${signed(points)} п.п.`, tone: toneOf(points, better) };
  }
  if (before <= 0) {
    return now > 0
      ? { text: 'новое', tone: toneOf(1, better), reason: 'в прошлом периоде не было' }
      : { text: '—', tone: 'neutral', reason: 'не с чем сравнить' };
  }
  if (before < MIN_BASE[kind] || now > before * MAX_RATIO) {
    return { text: '—', tone: 'neutral', reason: 'в прошлом периоде слишком мало для сравнения' };
  }
  const percent = Math.round(((now - before) / before) * 100);
  return { text: `${signed(percent)}\u00a0%`, tone: toneOf(percent, better) };
}
