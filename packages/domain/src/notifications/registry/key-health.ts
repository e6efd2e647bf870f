import { z } from 'zod';
import type { KeyHealthEvent } from '../events.ts';
import { keyHealthTemplate } from '../templates/key-health.ts';
import { defineNotificationType, type NotificationLabels } from './definition.ts';
import { instant, int, version } from './payload-parts.ts';

const labels: NotificationLabels = {
  emoji: '🔑',
  title: 'Ключ WB',
  groupTitle: 'Ключи WB',
  groupForms: ['предупреждение о ключе WB', 'предупреждения о ключе WB', 'предупреждений о ключе WB'],
  nounForms: ['предупреждение', 'предупреждения', 'предупреждений'],
  shortTitle: 'Ключ WB',
  listName: 'Срок действия ключа',
  listNameInSentence: 'срок действия ключа',
  aboutPhrase: 'сроке действия ключа WB',
};

export const keyHealthPayload = z.object({
  v: version,
  kind: z
    .string()
    .regex(/^(expiring|refused)$/)
    .describe('expiring: the key runs out in daysLeft days; refused: WB no longer accepts it.'),
  cabinetName: z.string(),
  expiresAt: instant.describe('When the key expires (its JWT exp).'),
  daysLeft: int.describe('Whole days left when the warning was raised: 30, 7, 1 or fewer; 0 once expired.'),
  reason: z.string().nullable().describe('For a refusal: why syncing stopped, in Russian.'),
  warnings: z
    .array(z.object({ text: z.string() }).meta({ title: 'KeyWarning' }))
    .describe('What the key cannot do: each missing category and the notifications it disables.'),
});
export type KeyHealthPayload = z.output<typeof keyHealthPayload>;

/** The cabinet's WB key expiring in 30, 7 or 1 days, or refused by WB: no product involved. */
export const keyHealth = defineNotificationType({
  id: 'key_health',
  // Every connected key has Statistics, so every seller can hear about their key.
  category: 'statistics',
  setting: { field: 'keyHealthEnabled', column: 'key_health_enabled' },
  graphql: { toggle: 'keyHealth', details: 'KeyHealthDetails' },
  labels,
  payload: keyHealthPayload,
  dayTotals: null,
  template: keyHealthTemplate(labels),
  toEvent: (payload, facts): KeyHealthEvent => ({
    type: 'key_health',
    product: null,
    kind: payload.kind === 'refused' ? 'refused' : 'expiring',
    cabinetName: payload.cabinetName,
    expiresAt: new Date(payload.expiresAt),
    daysLeft: payload.daysLeft,
    reason: payload.reason,
    warnings: payload.warnings.map((warning) => warning.text),
    occurredAt: facts.occurredAt,
  }),
});
