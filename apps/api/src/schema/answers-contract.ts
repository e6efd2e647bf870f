// TEMPORARY: the signatures of spec-answers.md until @wb-assist/core exports them (wip/answers-core).
// Replaced by imports from @wb-assist/core and @wb-assist/domain on merge; nothing here ships.
import type { PrismaClient } from '@wb-assist/db';
import type { ApiConfig } from '../config.ts';

export type BuyerTextKind = 'review' | 'question';
export type AnswerSource = 'telegram' | 'web' | 'api';
export type AnswerFailureCode =
  | 'read_only_key'
  | 'scope_missing'
  | 'key_revoked'
  | 'too_short'
  | 'too_long'
  | 'not_found'
  | 'edit_not_allowed'
  | 'wb_unavailable';

export interface BuyerAnswerView {
  kind: BuyerTextKind;
  targetId: string;
  revision: number;
  text: string;
  status: 'sending' | 'sent' | 'failed';
  author: { userId: string; displayName: string } | null;
  source: AnswerSource | 'wb';
  sentAt: Date | null;
}

export type SendAnswerResult =
  | { outcome: 'sent' | 'already_answered' | 'in_flight' | 'in_doubt'; answer: BuyerAnswerView }
  | { outcome: 'failed'; code: AnswerFailureCode; message: string; draftText: string };

export const ANSWER_MIN_LENGTH = 2;
export const ANSWER_MAX_LENGTH = 5000;

const notLanded = () => new Error('answers core not merged yet');

export function sendBuyerAnswer(_opts: {
  db: PrismaClient;
  wb: ApiConfig['wb'] & { encryptionKey: Buffer };
  cabinetId: string;
  userId: string;
  kind: BuyerTextKind;
  targetId: string;
  text: string;
  source: AnswerSource;
  edit?: boolean;
}): Promise<SendAnswerResult> {
  return Promise.reject(notLanded());
}

export function getBuyerAnswers(_opts: {
  db: PrismaClient;
  cabinetId: string;
  kind: BuyerTextKind;
  targetIds: string[];
}): Promise<Map<string, BuyerAnswerView>> {
  return Promise.resolve(new Map());
}

export function answerWriteAccess(_cabinet: {
  tokenScopes: number;
}): { ok: true } | { ok: false; code: 'read_only_key' | 'scope_missing'; message: string } {
  return { ok: true };
}

export interface AnswerTemplateView {
  id: string;
  cabinetId: string;
  title: string;
  text: string;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function listAnswerTemplates(_opts: {
  db: PrismaClient;
  cabinetId: string;
  userId: string;
}): Promise<AnswerTemplateView[]> {
  return Promise.resolve([]);
}

export function saveAnswerTemplate(_opts: {
  db: PrismaClient;
  cabinetId: string;
  userId: string;
  id?: string;
  title: string;
  text: string;
}): Promise<{ ok: true; template: AnswerTemplateView } | { ok: false; error: string; message: string }> {
  return Promise.reject(notLanded());
}

export function deleteAnswerTemplate(_opts: {
  db: PrismaClient;
  cabinetId: string;
  userId: string;
  id: string;
}): Promise<boolean> {
  return Promise.reject(notLanded());
}
