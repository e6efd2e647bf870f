import type pg from 'pg';
import type { BuyerTextKind } from './drafts.ts';

/** A review or question as the answer screens show it, in a cabinet the user is a member of. */
export interface AnswerTarget {
  cabinetId: string;
  kind: BuyerTextKind;
  targetId: string;
  /** Questions carry no buyer name. */
  buyerName: string | null;
  productName: string | null;
  /** Stars of a review; null for a question. */
  rating: number | null;
  /** What the buyer wrote (a review's text, else its cons or pros). */
  said: string;
  /** The answer WB shows, however it was given (here, on WB's site, by another tool). */
  wbAnswer: string | null;
}

interface TargetRow {
  cabinet_id: string;
  buyer_name: string | null;
  product_name: string | null;
  rating: number | null;
  said: string;
  is_answered: boolean;
  answer_text: string | null;
}

/**
 * The review or question among the cabinets the user belongs to now. The membership join is the
 * tenant check: someone who left the cabinet, or never was in it, finds nothing.
 */
export async function findAnswerTarget(
  pool: pg.Pool,
  options: { userId: string; kind: BuyerTextKind; targetId: string },
): Promise<AnswerTarget | null> {
  const sql =
    options.kind === 'review'
      ? `SELECT t.cabinet_id, t.user_name AS buyer_name, COALESCE(p.title, t.product_name) AS product_name,
                t.rating, COALESCE(NULLIF(t.text, ''), NULLIF(t.cons, ''), t.pros) AS said,
                t.is_answered, t.answer_text
         FROM wb_reviews t
         JOIN cabinet_users m ON m.cabinet_id = t.cabinet_id AND m.user_id = $1
         LEFT JOIN wb_products p ON p.cabinet_id = t.cabinet_id AND p.nm_id = t.nm_id
         WHERE t.review_id = $2
         LIMIT 1`
      : `SELECT t.cabinet_id, NULL AS buyer_name, COALESCE(p.title, t.product_name) AS product_name,
                NULL::int AS rating, t.text AS said, t.is_answered, t.answer_text
         FROM wb_questions t
         JOIN cabinet_users m ON m.cabinet_id = t.cabinet_id AND m.user_id = $1
         LEFT JOIN wb_products p ON p.cabinet_id = t.cabinet_id AND p.nm_id = t.nm_id
         WHERE t.question_id = $2
         LIMIT 1`;
  const { rows } = await pool.query<TargetRow>(sql, [options.userId, options.targetId]);
  const row = rows[0];
  if (!row) return null;
  return {
    cabinetId: row.cabinet_id,
    kind: options.kind,
    targetId: options.targetId,
    buyerName: row.buyer_name,
    productName: row.product_name,
    rating: row.rating,
    said: row.said.trim(),
    wbAnswer: row.is_answered && row.answer_text ? row.answer_text : null,
  };
}
