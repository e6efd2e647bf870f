import { hasCategory, WB_READ_ONLY_BIT } from '@wb-assist/wb-api';
import { ANSWER_FAILURE_MESSAGES } from './answer-failures.ts';

export type AnswerWriteAccess = { ok: true } | { ok: false; code: 'read_only_key' | 'scope_missing'; message: string };

/** The `s` claim of a decoded key (`WbToken.scopes`) or a stored cabinet's copy of it. */
export type KeyScopes = { scopes: number } | { tokenScopes: number };

/**
 * Whether the key can answer buyers, from its claims alone (no WB call): WB refuses every write
 * of a read-only key (bit 30) and every feedbacks call of a key without «Вопросы и отзывы»
 * (bit 7). Shown at connect and before a draft is written, so the seller learns it first.
 */
export function answerWriteAccess(key: KeyScopes): AnswerWriteAccess {
  const scopes = 'scopes' in key ? key.scopes : key.tokenScopes;
  if (((scopes >>> WB_READ_ONLY_BIT) & 1) === 1)
    return { ok: false, code: 'read_only_key', message: ANSWER_FAILURE_MESSAGES.read_only_key };
  if (!hasCategory(scopes, 'feedbacks'))
    return { ok: false, code: 'scope_missing', message: ANSWER_FAILURE_MESSAGES.scope_missing };
  return { ok: true };
}
