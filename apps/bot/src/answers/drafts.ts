import type pg from 'pg';

// The answer conversation's state, one row per user and review or question (bot_answer_drafts).
// Every step reads and writes it here, so a restart between two presses loses nothing.

export type BuyerTextKind = 'review' | 'question';

/** writing: the next text is the answer; preview: shown, awaiting «Отправить»; failed: WB refused, kept; sent. */
export type DraftStage = 'writing' | 'preview' | 'failed' | 'sent';

export interface AnswerDraft {
  id: string;
  userId: string;
  cabinetId: string;
  kind: BuyerTextKind;
  targetId: string;
  chatId: number;
  stage: DraftStage;
  text: string | null;
  screenMessageId: number | null;
}

interface DraftRow {
  id: string;
  user_id: string;
  cabinet_id: string;
  kind: BuyerTextKind;
  target_id: string;
  chat_id: string;
  stage: DraftStage;
  text: string | null;
  screen_message_id: number | null;
}

const COLUMNS = 'id, user_id, cabinet_id, kind, target_id, chat_id::text, stage, text, screen_message_id';

const toDraft = (row: DraftRow): AnswerDraft => ({
  id: row.id,
  userId: row.user_id,
  cabinetId: row.cabinet_id,
  kind: row.kind,
  targetId: row.target_id,
  chatId: Number(row.chat_id),
  stage: row.stage,
  text: row.text,
  screenMessageId: row.screen_message_id,
});

/**
 * The user's draft for this review or question, opened for writing. A text already written
 * (a preview not sent, a refusal kept) survives: the draft goes back to its preview instead.
 */
export async function openDraft(
  pool: pg.Pool,
  key: { userId: string; cabinetId: string; kind: BuyerTextKind; targetId: string; chatId: number },
): Promise<AnswerDraft> {
  const { rows } = await pool.query<DraftRow>(
    `INSERT INTO bot_answer_drafts (user_id, cabinet_id, kind, target_id, chat_id, stage)
     VALUES ($1, $2, $3, $4, $5, 'writing')
     ON CONFLICT (user_id, cabinet_id, kind, target_id) DO UPDATE SET
       chat_id = EXCLUDED.chat_id,
       stage = CASE WHEN bot_answer_drafts.stage = 'sent' OR bot_answer_drafts.text IS NULL THEN 'writing'
                    ELSE 'preview' END,
       text = CASE WHEN bot_answer_drafts.stage = 'sent' THEN NULL ELSE bot_answer_drafts.text END,
       updated_at = now()
     RETURNING ${COLUMNS}`,
    [key.userId, key.cabinetId, key.kind, key.targetId, key.chatId],
  );
  return toDraft(rows[0]!);
}

/** A draft of this user's, by the id its buttons carry; null when it is gone or someone else's. */
export async function findDraft(pool: pg.Pool, options: { id: string; userId: string }): Promise<AnswerDraft | null> {
  const { rows } = await pool.query<DraftRow>(
    `SELECT ${COLUMNS} FROM bot_answer_drafts WHERE id = $1 AND user_id = $2`,
    [options.id, options.userId],
  );
  return rows[0] ? toDraft(rows[0]) : null;
}

/** The draft the user's next text message is for: the one most recently asked for. */
export async function writingDraft(pool: pg.Pool, userId: string): Promise<AnswerDraft | null> {
  const { rows } = await pool.query<DraftRow>(
    `SELECT ${COLUMNS} FROM bot_answer_drafts WHERE user_id = $1 AND stage = 'writing'
     ORDER BY updated_at DESC LIMIT 1`,
    [userId],
  );
  return rows[0] ? toDraft(rows[0]) : null;
}

export async function updateDraft(
  pool: pg.Pool,
  id: string,
  patch: { stage?: DraftStage; text?: string; screenMessageId?: number },
): Promise<void> {
  await pool.query(
    `UPDATE bot_answer_drafts SET
       stage = COALESCE($2, stage), text = COALESCE($3, text),
       screen_message_id = COALESCE($4, screen_message_id), updated_at = now()
     WHERE id = $1`,
    [id, patch.stage ?? null, patch.text ?? null, patch.screenMessageId ?? null],
  );
}

export async function deleteDraft(pool: pg.Pool, id: string): Promise<void> {
  await pool.query('DELETE FROM bot_answer_drafts WHERE id = $1', [id]);
}

/**
 * The user went elsewhere (/start, /menu): their next text is no longer an answer. A draft
 * with a text goes back to its preview, kept; one still empty is dropped.
 */
export async function stopWriting(pool: pg.Pool, userId: string): Promise<void> {
  await pool.query(`DELETE FROM bot_answer_drafts WHERE user_id = $1 AND stage = 'writing' AND text IS NULL`, [userId]);
  await pool.query(`UPDATE bot_answer_drafts SET stage = 'preview' WHERE user_id = $1 AND stage = 'writing'`, [userId]);
}
