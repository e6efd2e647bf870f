// Buttons under the bot's own answer screens. A draft is named by its id; a template by its id
// too, both squeezed from 36 to 22 characters so the pair fits Telegram's 64 bytes.

export type DraftAction =
  | { action: 'send'; draftId: string }
  | { action: 'edit'; draftId: string }
  | { action: 'cancel'; draftId: string }
  | { action: 'template'; draftId: string; templateId: string };

const ACTION_CODE = { send: 's', edit: 'e', cancel: 'c' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const squeeze = (uuid: string): string => Buffer.from(uuid.replaceAll('-', ''), 'hex').toString('base64url');

function unsqueeze(short: string | undefined): string | null {
  if (!short || !/^[\w-]{22}$/.test(short)) return null;
  const hex = Buffer.from(short, 'base64url').toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return UUID.test(uuid) ? uuid : null;
}

export function draftCallbackData(action: DraftAction): string {
  if (action.action === 'template') return `at:${squeeze(action.draftId)}:${squeeze(action.templateId)}`;
  return `ad:${ACTION_CODE[action.action]}:${squeeze(action.draftId)}`;
}

/** The inverse of draftCallbackData; null for any other callback. */
export function parseDraftCallbackData(data: string): DraftAction | null {
  const [prefix, first, second, ...rest] = data.split(':');
  if (rest.length > 0) return null;
  if (prefix === 'at') {
    const draftId = unsqueeze(first);
    const templateId = unsqueeze(second);
    return draftId && templateId ? { action: 'template', draftId, templateId } : null;
  }
  if (prefix !== 'ad') return null;
  const action = (Object.keys(ACTION_CODE) as (keyof typeof ACTION_CODE)[]).find((key) => ACTION_CODE[key] === first);
  const draftId = unsqueeze(second);
  return action && draftId ? { action, draftId } : null;
}
