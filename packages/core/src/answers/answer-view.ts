import type { BuyerAnswer, User } from '@wb-assist/db';

export type BuyerTextKind = 'review' | 'question';
export type AnswerSource = 'telegram' | 'web' | 'api';

export interface BuyerAnswerView {
  kind: BuyerTextKind;
  targetId: string;
  /** 0: the first answer; 1: its edit. */
  revision: number;
  text: string;
  status: 'sending' | 'sent' | 'failed';
  /** Null when the author left, or the answer was given in WB's own cabinet. */
  author: { userId: string; displayName: string } | null;
  /** 'wb': found already answered at WB, not through WB Assist. */
  source: AnswerSource | 'wb';
  sentAt: Date | null;
}

type AuthorFields = Pick<User, 'id' | 'firstName' | 'lastName' | 'username'>;

/** What other members see as the author: the Telegram name, else @username. */
export function displayName(user: Omit<AuthorFields, 'id'>): string {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ').trim();
  if (name) return name;
  return user.username ? `@${user.username}` : 'Участник кабинета';
}

export const AUTHOR_SELECT = { id: true, firstName: true, lastName: true, username: true } as const;

export function toAnswerView(row: BuyerAnswer & { author: AuthorFields | null }): BuyerAnswerView {
  return {
    kind: row.kind,
    targetId: row.targetId,
    revision: row.revision,
    text: row.text,
    status: row.status,
    author: row.author && { userId: row.author.id, displayName: displayName(row.author) },
    source: row.source as AnswerSource,
    sentAt: row.sentAt,
  };
}

/** An answer WB already shows that no member gave through WB Assist. */
export function answeredOnWb(kind: BuyerTextKind, targetId: string, text: string): BuyerAnswerView {
  return { kind, targetId, revision: 0, text, status: 'sent', author: null, source: 'wb', sentAt: null };
}
