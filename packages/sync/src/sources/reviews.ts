import type { SourceContext, SourceCounts } from '../context.ts';
import { reviewEvents, type ReviewChange } from '../events/detect.ts';
import { DETAIL_SQL, reviewRecord, SQL } from '../store/tables.ts';
import { syncBuyerTexts } from './buyer-texts.ts';

/** Reviews written since the watermark (minus the lookback), answered and unanswered alike. */
export function syncReviews(context: SourceContext): Promise<SourceCounts> {
  return syncBuyerTexts(context, {
    source: 'reviews',
    read: (ctx, window) => ctx.client.feedbacks(window),
    record: reviewRecord,
    sql: { plain: SQL.reviews, detailed: DETAIL_SQL.reviews },
    // DETAIL_SQL.reviews returns the columns ReviewChange names.
    detect: (rows) => reviewEvents(rows as unknown as ReviewChange[]),
  });
}
