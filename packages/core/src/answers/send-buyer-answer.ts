import type { BuyerAnswer, PrismaClient } from '@wb-assist/db';
import { notify } from '@wb-assist/db/channels';
import { ANSWER_MAX_LENGTH, ANSWER_MIN_LENGTH } from '@wb-assist/domain';
import { WbApiError, type WbAnswerOnWb, type WbClient } from '@wb-assist/wb-api';
import { isUuid } from '../auth/uuid.ts';
import { cabinetWbClient, type CabinetWbAccess } from '../cabinets/cabinet-wb-client.ts';
import { ANSWER_FAILURE_MESSAGES, type AnswerFailureCode } from './answer-failures.ts';
import {
  answeredOnWb,
  AUTHOR_SELECT,
  toAnswerView,
  type AnswerSource,
  type BuyerAnswerView,
  type BuyerTextKind,
} from './answer-view.ts';
import { answerWriteAccess } from './answer-write-access.ts';

export interface SendBuyerAnswerOptions {
  db: PrismaClient;
  /** The app's WB access and encryption key: `{ ...ctx.wb, encryptionKey: ctx.encryptionKey }`. */
  wb: CabinetWbAccess;
  cabinetId: string;
  userId: string;
  kind: BuyerTextKind;
  /** WB's feedback id or question id. */
  targetId: string;
  text: string;
  source: AnswerSource;
  /** Replace the answer already given (WB allows it once). */
  edit?: boolean;
  now?: Date;
}

export type SendAnswerResult =
  | { outcome: 'sent'; answer: BuyerAnswerView }
  | { outcome: 'already_answered'; answer: BuyerAnswerView }
  | { outcome: 'in_flight'; answer: BuyerAnswerView }
  | { outcome: 'in_doubt'; answer: BuyerAnswerView }
  | { outcome: 'failed'; code: AnswerFailureCode; message: string; draftText: string };

/**
 * A 'sending' row this old lost its sender (a crash, a timeout): the next send asks WB whether
 * the answer is there before posting again. Longer than a write's timeout and its retries.
 */
export const STALE_SENDING_MS = 15_000;

/** Failures after which WB may hold the answer after all: the next claim reads WB first. */
const DOUBTFUL = new Set(['in_doubt', 'wb_unavailable']);

type Slot = { cabinetId: string; kind: BuyerTextKind; targetId: string; revision: number };
type Draft = { text: string; authorUserId: string; source: AnswerSource };

type Claim =
  | { type: 'post'; row: BuyerAnswer; reconcile: boolean }
  | { type: 'settled'; row: BuyerAnswer }
  | { type: 'in_flight'; row: BuyerAnswer };

/**
 * Posts one answer to a review or question, exactly once per slot (cabinet, target, revision)
 * whoever presses and however often. The slot is claimed with a committed 'sending' row before
 * WB is called, so a double press or a second member finds it taken; a send whose outcome
 * nobody learnt (timeout, crash between WB's answer and our bookkeeping) is reconciled by
 * reading the item from WB before any second POST. Every refusal returns the draft text.
 */
export async function sendBuyerAnswer(options: SendBuyerAnswerOptions): Promise<SendAnswerResult> {
  const now = options.now ?? new Date();
  const text = options.text.trim();
  const revision = options.edit ? 1 : 0;
  const failed = (code: AnswerFailureCode, message = ANSWER_FAILURE_MESSAGES[code]): SendAnswerResult => ({
    outcome: 'failed',
    code,
    message,
    draftText: options.text,
  });
  if (text.length < ANSWER_MIN_LENGTH) return failed('too_short');
  if (text.length > ANSWER_MAX_LENGTH) return failed('too_long');

  const target = await loadTarget(options);
  if (!target) return failed('not_found');
  const access = answerWriteAccess(target.cabinet);
  if (!access.ok) return failed(access.code, access.message);

  const { db, cabinetId, kind, targetId } = options;
  const slot: Slot = { cabinetId, kind, targetId, revision };
  const first = target.answers.find((row) => row.revision === 0);
  if (options.edit && first?.status !== 'sent' && !target.item.isAnswered)
    return failed('edit_not_allowed', 'Изменять пока нечего: на это ещё не ответили.');
  if (!options.edit && !first && target.item.isAnswered)
    return { outcome: 'already_answered', answer: answeredOnWb(kind, targetId, target.item.answerText ?? '') };

  const draft: Draft = { text, authorUserId: options.userId, source: options.source };
  const claim = await claimSlot(db, slot, draft, now, target.item.isAnswered);
  if (claim.type === 'in_flight') return { outcome: 'in_flight', answer: await loadView(db, claim.row.id) };
  if (claim.type === 'settled') {
    if (options.edit && claim.row.text !== text) return failed('edit_not_allowed');
    return { outcome: 'already_answered', answer: await loadView(db, claim.row.id) };
  }

  const client = cabinetWbClient(target.cabinet, options.wb, {
    timeoutMs: Math.min(options.wb.timeoutMs ?? WRITE_TIMEOUT_MS, WRITE_TIMEOUT_MS),
    maxWaitMs: 5_000,
    retries: 2,
    minBackoffMs: 300,
    maxBackoffMs: 2_000,
  });
  const row = claim.row;
  if (claim.reconcile) {
    let onWb: WbAnswerOnWb;
    try {
      onWb = await answerOnWb(client, kind, targetId);
    } catch (error) {
      if (!(error instanceof WbApiError)) throw error;
      const refusal = classify(error, Boolean(options.edit), target.cabinet.tokenReadOnly);
      // The row stays 'sending': what the earlier attempt did is still unknown.
      if (refusal.type === 'doubt' || refusal.code === 'wb_unavailable')
        return { outcome: 'in_doubt', answer: await loadView(db, row.id) };
      return failed(refusal.code, refusal.message);
    }
    if (onWb && (revision === 0 || onWb.text === row.text || onWb.text === text)) {
      const author = onWb.text === row.text ? {} : { authorUserId: null };
      return { outcome: 'already_answered', answer: await markSent(db, slot, row.id, onWb.text, now, author) };
    }
    if (row.text !== text || row.authorUserId !== draft.authorUserId || row.source !== draft.source)
      await db.buyerAnswer.update({ where: { id: row.id }, data: draft });
  }

  try {
    await post(client, kind, revision, targetId, text);
  } catch (error) {
    if (!(error instanceof WbApiError)) throw error;
    const refusal = classify(error, Boolean(options.edit), target.cabinet.tokenReadOnly);
    if (refusal.type === 'doubt') {
      await settle(db, slot, row.id, { errorCode: 'in_doubt' });
      return { outcome: 'in_doubt', answer: await loadView(db, row.id) };
    }
    await settle(db, slot, row.id, { status: 'failed', errorCode: refusal.errorCode ?? refusal.code });
    return failed(refusal.code, refusal.message);
  }
  return { outcome: 'sent', answer: await markSent(db, slot, row.id, text, now) };
}

/** A write's timeout: a seller is waiting on the button; the outcome of a slower one is reconciled. */
const WRITE_TIMEOUT_MS = 10_000;

/** The member's cabinet (with its key) and the item, or null: not a member, or no such item here. */
async function loadTarget(options: SendBuyerAnswerOptions) {
  const { db, cabinetId, userId, kind, targetId } = options;
  if (!isUuid(cabinetId) || !isUuid(userId) || targetId === '') return null;
  const cabinet = await db.cabinet.findFirst({
    where: { id: cabinetId, members: { some: { userId } } },
    select: { sellerId: true, tokenEncrypted: true, tokenType: true, tokenScopes: true, tokenReadOnly: true },
  });
  if (!cabinet) return null;
  const select = { isAnswered: true, answerText: true } as const;
  const item =
    kind === 'review'
      ? await db.wbReview.findUnique({ where: { cabinetId_reviewId: { cabinetId, reviewId: targetId } }, select })
      : await db.wbQuestion.findUnique({
          where: { cabinetId_questionId: { cabinetId, questionId: targetId } },
          select,
        });
  if (!item) return null;
  const answers = await db.buyerAnswer.findMany({ where: { cabinetId, kind, targetId } });
  return { cabinet, item, answers };
}

/**
 * Takes the slot: inserts it, or takes over a failed row or a stale 'sending' one. Each step is
 * one statement that either wins or sees the winner's committed row, so of two concurrent
 * callers exactly one posts. A takeover compares status and attempt time, so two callers that
 * both read the same stale row cannot both win it.
 */
async function claimSlot(db: PrismaClient, slot: Slot, draft: Draft, now: Date, answeredOnWb: boolean): Promise<Claim> {
  for (;;) {
    const created = await db.buyerAnswer.createMany({
      data: [{ ...slot, ...draft, status: 'sending', attemptedAt: now }],
      skipDuplicates: true,
    });
    const row = await db.buyerAnswer.findUnique({ where: { cabinetId_kind_targetId_revision: slot } });
    if (!row) continue;
    if (created.count === 1) {
      await notify(db, 'buyerAnswerChanged', changed(slot));
      return { type: 'post', row, reconcile: answeredOnWb };
    }
    if (row.status === 'sent') return { type: 'settled', row };
    const stale = (row.attemptedAt?.getTime() ?? 0) <= now.getTime() - STALE_SENDING_MS;
    if (row.status === 'sending' && !stale) return { type: 'in_flight', row };
    const taken = await db.buyerAnswer.updateMany({
      where: { id: row.id, status: row.status, attemptedAt: row.attemptedAt },
      data: {
        status: 'sending',
        attemptedAt: now,
        errorCode: null,
        // A stale row keeps the text it tried until WB says whether it has it.
        ...(row.status === 'failed' ? draft : {}),
      },
    });
    if (taken.count === 1) {
      await notify(db, 'buyerAnswerChanged', changed(slot));
      const reconcile = row.status === 'sending' || DOUBTFUL.has(row.errorCode ?? '') || answeredOnWb;
      return { type: 'post', row: { ...row, ...(row.status === 'failed' ? draft : {}) }, reconcile };
    }
  }
}

const changed = (slot: Slot) => ({ cabinetId: slot.cabinetId, kind: slot.kind, targetId: slot.targetId });

async function answerOnWb(client: WbClient, kind: BuyerTextKind, targetId: string): Promise<WbAnswerOnWb> {
  return kind === 'review' ? (await client.feedback(targetId)).answer : (await client.question(targetId)).answer;
}

async function post(client: WbClient, kind: BuyerTextKind, revision: number, targetId: string, text: string) {
  if (kind === 'question') return client.answerQuestion(targetId, text);
  return revision === 0 ? client.answerFeedback(targetId, text) : client.editFeedbackAnswer(targetId, text);
}

/** `errorCode`: what the slot records, when it says more than `code` (a 429 sent nothing, a 5xx may have). */
type Refused = { type: 'refused'; code: AnswerFailureCode; message: string; errorCode?: string };
type Refusal = { type: 'doubt' } | Refused;

const refused = (code: AnswerFailureCode, message = ANSWER_FAILURE_MESSAGES[code]): Refused => ({
  type: 'refused',
  code,
  message,
});

/**
 * What WB's error means for the seller. No answer at all (a timeout, a dropped connection, a
 * body we could not read) is doubt: WB may have taken the write. A 5xx is reported as WB being
 * unavailable, and the next claim still reads WB first in case it took it anyway.
 */
function classify(error: WbApiError, edit: boolean, readOnlyKey: boolean): Refusal {
  switch (error.code) {
    case 'timeout':
    case 'bad_response':
      return { type: 'doubt' };
    case 'unavailable':
      return error.status === undefined ? { type: 'doubt' } : refused('wb_unavailable');
    case 'rate_limited': {
      const minutes = Math.max(1, Math.ceil((error.retryAfterMs ?? 60_000) / 60_000));
      return {
        ...refused(
          'wb_unavailable',
          `WB временно ограничил запросы этого продавца. Попробуйте через ${minutes} мин. — текст ответа сохранён.`,
        ),
        errorCode: 'rate_limited',
      };
    }
    case 'read_only':
      return refused('read_only_key');
    case 'scope_missing':
      return refused(readOnlyKey ? 'read_only_key' : 'scope_missing');
    case 'invalid_token':
    case 'token_expired':
      return refused('key_revoked');
    case 'bad_request':
      if (error.status === 404) return refused('not_found');
      if (error.status === 422 || edit) return refused('edit_not_allowed');
      return refused(
        'wb_unavailable',
        'WB не принял ответ. Проверьте текст и попробуйте ещё раз — текст ответа сохранён.',
      );
  }
}

/** Records a refusal or a doubt on the slot and tells every surface. */
async function settle(
  db: PrismaClient,
  slot: Slot,
  id: string,
  data: { status?: 'failed'; errorCode: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.buyerAnswer.update({ where: { id }, data });
    await notify(tx, 'buyerAnswerChanged', changed(slot));
  });
}

/** WB has the answer: the slot, the review or question it answers, and every surface, at once. */
async function markSent(
  db: PrismaClient,
  slot: Slot,
  id: string,
  text: string,
  now: Date,
  extra: { authorUserId?: null } = {},
): Promise<BuyerAnswerView> {
  await db.$transaction(async (tx) => {
    await tx.buyerAnswer.update({
      where: { id },
      data: { status: 'sent', sentAt: now, text, errorCode: null, ...extra },
    });
    if (slot.kind === 'review') {
      await tx.wbReview.update({
        where: { cabinetId_reviewId: { cabinetId: slot.cabinetId, reviewId: slot.targetId } },
        data: { isAnswered: true, answerText: text },
      });
    } else {
      await tx.wbQuestion.update({
        where: { cabinetId_questionId: { cabinetId: slot.cabinetId, questionId: slot.targetId } },
        data: { isAnswered: true, answerText: text, state: 'wbRu' },
      });
    }
    await notify(tx, 'buyerAnswerChanged', changed(slot));
  });
  return loadView(db, id);
}

async function loadView(db: PrismaClient, id: string): Promise<BuyerAnswerView> {
  return toAnswerView(
    await db.buyerAnswer.findUniqueOrThrow({ where: { id }, include: { author: { select: AUTHOR_SELECT } } }),
  );
}
