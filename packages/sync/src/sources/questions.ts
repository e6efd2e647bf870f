import type { SourceContext, SourceCounts } from '../context.ts';
import { questionEvents, type QuestionChange } from '../events/detect.ts';
import { DETAIL_SQL, questionRecord, SQL } from '../store/tables.ts';
import { syncBuyerTexts } from './buyer-texts.ts';

/**
 * Buyer questions asked since the watermark (minus the lookback), answered and unanswered
 * alike. The same key category and bucket as reviews.
 */
export function syncQuestions(context: SourceContext): Promise<SourceCounts> {
  return syncBuyerTexts(context, {
    source: 'questions',
    read: (ctx, window) => ctx.client.questions(window),
    record: questionRecord,
    sql: { plain: SQL.questions, detailed: DETAIL_SQL.questions },
    // DETAIL_SQL.questions returns the columns QuestionChange names.
    detect: (rows) => questionEvents(rows as unknown as QuestionChange[]),
  });
}
