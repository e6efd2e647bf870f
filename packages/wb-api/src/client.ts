import { createTransport, type WbTransport, type WbTransportOptions } from './http.ts';
import { parseOffsetDateTime } from './time.ts';
import { cardSchema, cardsEnvelope, sellerInfoSchema, type WbCard, type WbSellerInfo } from './schemas/content.ts';
import {
  feedbackByIdEnvelope,
  feedbackSchema,
  feedbacksEnvelope,
  newFeedbacksEnvelope,
  type WbAnswerOnWb,
  type WbFeedback,
} from './schemas/feedbacks.ts';
import { questionByIdEnvelope, questionSchema, questionsEnvelope, type WbQuestion } from './schemas/questions.ts';
import { orderFeedEnvelope, orderFeedRowSchema, type WbOrderFeedRow } from './schemas/order-feed.ts';
import { parseEnvelope, parseRows, type BadRow } from './schemas/rows.ts';
import { orderRowSchema, saleRowSchema, type WbOrderRow, type WbSaleRow } from './schemas/statistics.ts';
import {
  remainsStatusEnvelope,
  remainsTaskEnvelope,
  stocksReportEnvelope,
  stocksReportRowSchema,
  warehouseRemainsRowSchema,
  type WbStocksReportRow,
  type WbWarehouseRemainsRow,
} from './schemas/stocks.ts';

export interface Page<T> {
  rows: T[];
  bad: BadRow[];
}

export interface WbClientOptions extends WbTransportOptions {
  /** Rows WB returns at most per statistics page (80,000); a shorter page is the last one. */
  statisticsPageLimit?: number;
  /** Rows per order-feed page (WB allows up to 10,000); smaller only to exercise paging in tests. */
  orderFeedPageLimit?: number;
  /** Reviews per page and WB's skip ceiling; smaller only to exercise the windowing in tests. */
  feedbackPaging?: { take: number; skipMax: number };
  /** Questions per page and WB's take + skip ceiling; smaller only in tests. */
  questionPaging?: { take: number; skipMax: number };
}

/** WB's page size and skip ceiling on /api/v1/feedbacks; past the ceiling the date window is narrowed instead. */
const FEEDBACK_PAGING = { take: 5_000, skipMax: 199_990 };
/** /api/v1/questions: take + skip may not pass 10,000; then the date window is narrowed. */
const QUESTION_PAGING = { take: 5_000, skipMax: 10_000 };
const CARDS_LIMIT = 100;
const STOCKS_LIMIT = 250_000;
const ORDER_FEED_LIMIT = 10_000;

/** One page of the order feed, with the snapshot every page of this read is computed at. */
export interface OrderFeedPage extends Page<WbOrderFeedRow> {
  snapshotTime: string;
  /** The snapshot as an instant: everything up to it has been read once the last page is. */
  snapshotAt: Date;
  /** The page was shorter than the limit: the snapshot has been read to its end. */
  last: boolean;
}

export type WbClient = ReturnType<typeof createWbClient>;

/** Which of WB's feedbacks-API lists to read: answered or not, created in [dateFrom, dateTo]. */
export type DateWindow = {
  isAnswered: boolean;
  dateFrom?: number;
  dateTo?: number;
};

type WindowQuery = DateWindow & { take: number; skip: number; order: 'dateDesc' };

/**
 * WB's feedbacks-API paging: take/skip newest first until a short page; past the skip ceiling
 * the window's end moves to the oldest row seen and skip starts over.
 */
async function* windowed<T extends { createdDate: Date }>(
  window: DateWindow,
  paging: { take: number; skipMax: number },
  fetchPage: (query: WindowQuery) => Promise<{ page: Page<T>; size: number }>,
): AsyncGenerator<Page<T>> {
  const { take, skipMax } = paging;
  let dateTo = window.dateTo;
  let skip = 0;
  for (;;) {
    const { page, size } = await fetchPage({
      isAnswered: window.isAnswered,
      take,
      skip,
      order: 'dateDesc',
      dateFrom: window.dateFrom,
      dateTo,
    });
    yield page;
    if (size < take) return;
    if (skip + 2 * take <= skipMax) {
      skip += take;
      continue;
    }
    const oldest = page.rows.at(-1)?.createdDate;
    if (!oldest) return;
    // Re-reading the boundary second is harmless: rows are upserted by id. A second holding a
    // whole page of rows would repeat forever: then step past it.
    const next = Math.floor(oldest.getTime() / 1000);
    dateTo = dateTo !== undefined && next >= dateTo ? dateTo - 1 : next;
    skip = 0;
  }
}

export function createWbClient(options: WbClientOptions) {
  const request: WbTransport = createTransport(options);
  const pageLimit = options.statisticsPageLimit ?? 80_000;
  const feedbackPaging = options.feedbackPaging ?? FEEDBACK_PAGING;
  const questionPaging = options.questionPaging ?? QUESTION_PAGING;
  const feedLimit = options.orderFeedPageLimit ?? ORDER_FEED_LIMIT;

  /**
   * Statistics paging: pass the last row's own lastChangeDate text as the next dateFrom. WB
   * answers `>=`, so rows at that instant come back: they are dropped by key here, and the
   * caller still upserts by key. A page shorter than WB's cap is the last one, which saves a
   * request against limits as tight as one a minute.
   */
  async function* statistics<T extends { lastChangeDate: Date }>(
    path: string,
    group: 'supplier/orders' | 'supplier/sales',
    schema: typeof orderRowSchema | typeof saleRowSchema,
    keyField: 'srid' | 'saleID',
    dateFrom: string,
  ): AsyncGenerator<Page<T> & { dateFrom: string }> {
    let from = dateFrom;
    let boundaryKeys = new Set<string>();
    for (;;) {
      const raw = await request<unknown>({
        host: 'statistics',
        method: 'GET',
        path,
        group,
        query: { dateFrom: from, flag: 0 },
      });
      const { rows, bad } = parseRows(schema, raw, group, keyField);
      const items = raw as Record<string, unknown>[];
      const fresh = (rows as unknown as (T & Record<string, unknown>)[]).filter(
        (row) => !boundaryKeys.has(String(row[keyField])),
      );
      yield { rows: fresh, bad, dateFrom: from };
      const last = items.at(-1)?.lastChangeDate;
      if (items.length < pageLimit || typeof last !== 'string' || fresh.length === 0) return;
      const lastInstant = (rows as unknown as T[]).at(-1)?.lastChangeDate.getTime();
      boundaryKeys = new Set(
        (rows as unknown as (T & Record<string, unknown>)[])
          .filter((row) => row.lastChangeDate.getTime() === lastInstant)
          .map((row) => String(row[keyField])),
      );
      from = last;
    }
  }

  return {
    /** The one real call on connect: proves the key works and names the seller. Refuses Test tokens. */
    async sellerInfo(): Promise<WbSellerInfo> {
      const raw = await request({ host: 'common', method: 'GET', path: '/api/v1/seller-info', group: 'seller-info' });
      return parseEnvelope(sellerInfoSchema, raw, 'seller-info');
    },

    /** Orders changed since `dateFrom` (Moscow time, no offset), page by page. */
    orders(dateFrom: string): AsyncGenerator<Page<WbOrderRow> & { dateFrom: string }> {
      return statistics<WbOrderRow>('/api/v1/supplier/orders', 'supplier/orders', orderRowSchema, 'srid', dateFrom);
    },

    /** Buyouts (S) and returns (R) changed since `dateFrom`, page by page. */
    sales(dateFrom: string): AsyncGenerator<Page<WbSaleRow> & { dateFrom: string }> {
      return statistics<WbSaleRow>('/api/v1/supplier/sales', 'supplier/sales', saleRowSchema, 'saleID', dateFrom);
    },

    /**
     * Orders whose status changed within the period, in real time (Personal and Service
     * tokens; 1 request a minute). Every page after the first passes the first page's
     * snapshotTime, so the pages are one consistent picture while orders keep changing. WB
     * documents the rows newest first, but nothing here relies on the order: every page is
     * read, offset by offset, until a page shorter than the limit.
     */
    async *orderFeed(period: { start: Date; end: Date }): AsyncGenerator<OrderFeedPage> {
      let snapshotTime: string | undefined;
      for (let offset = 0; ; offset += feedLimit) {
        const raw = await request({
          host: 'analytics',
          method: 'POST',
          path: '/api/analytics/v1/order-feed',
          group: 'order-feed',
          body: {
            selectedPeriod: { start: period.start.toISOString(), end: period.end.toISOString() },
            pagination: { limit: feedLimit, offset, ...(snapshotTime ? { snapshotTime } : {}) },
          },
        });
        const { data } = parseEnvelope(orderFeedEnvelope, raw, 'order-feed');
        snapshotTime ??= data.snapshotTime;
        const last = data.orders.length < feedLimit;
        const snapshotAt = parseOffsetDateTime(snapshotTime)!;
        yield { ...parseRows(orderFeedRowSchema, data.orders, 'order-feed', 'srid'), snapshotTime, snapshotAt, last };
        if (last) return;
      }
    },

    /** Personal and Service tokens: every size in every WB warehouse. */
    async *stocksReport(): AsyncGenerator<Page<WbStocksReportRow>> {
      for (let offset = 0; ; offset += STOCKS_LIMIT) {
        const raw = await request({
          host: 'analytics',
          method: 'POST',
          path: '/api/analytics/v1/stocks-report/wb-warehouses',
          group: 'stocks-report',
          body: { limit: STOCKS_LIMIT, offset },
        });
        const { items } = parseEnvelope(stocksReportEnvelope, raw, 'stocks-report').data;
        yield parseRows(stocksReportRowSchema, items, 'stocks-report', 'nmId');
        if (items.length < STOCKS_LIMIT) return;
      }
    },

    /**
     * Base tokens' stock report is a task: create it, ask its status (WB allows Base tokens 4
     * calls an hour each), download when done. The caller keeps the task id between syncs.
     */
    async createRemainsTask(): Promise<string> {
      const created = await request({
        host: 'analytics',
        method: 'GET',
        path: '/api/v1/warehouse_remains',
        group: 'warehouse-remains/create',
        query: { groupByNm: true, groupBySize: true, groupByBarcode: true, groupBySa: true },
      });
      return parseEnvelope(remainsTaskEnvelope, created, 'warehouse-remains/create').data.taskId;
    },

    async remainsTaskStatus(taskId: string): Promise<'new' | 'processing' | 'done' | 'purged' | 'canceled'> {
      const raw = await request({
        host: 'analytics',
        method: 'GET',
        path: `/api/v1/warehouse_remains/tasks/${encodeURIComponent(taskId)}/status`,
        group: 'warehouse-remains/status',
      });
      return parseEnvelope(remainsStatusEnvelope, raw, 'warehouse-remains/status').data.status;
    },

    async downloadRemains(taskId: string): Promise<Page<WbWarehouseRemainsRow>> {
      const rows = await request({
        host: 'analytics',
        method: 'GET',
        path: `/api/v1/warehouse_remains/tasks/${encodeURIComponent(taskId)}/download`,
        group: 'warehouse-remains/download',
      });
      return parseRows(warehouseRemainsRowSchema, rows, 'warehouse-remains/download', 'nmId');
    },

    /**
     * Reviews created in [dateFrom, dateTo] (Unix seconds), newest first, answered or not.
     * Past WB's skip ceiling the window's end moves to the oldest review seen.
     */
    async *feedbacks(window: DateWindow): AsyncGenerator<Page<WbFeedback>> {
      yield* windowed(window, feedbackPaging, async (query) => {
        const raw = await request({
          host: 'feedbacks',
          method: 'GET',
          path: '/api/v1/feedbacks',
          group: 'feedbacks',
          query,
        });
        const envelope = parseEnvelope(feedbacksEnvelope, raw, 'feedbacks');
        return {
          page: parseRows(feedbackSchema, envelope.data.feedbacks, 'feedbacks', 'id'),
          size: envelope.data.feedbacks.length,
        };
      });
    },

    /**
     * Buyer questions asked in [dateFrom, dateTo] (Unix seconds), newest first, answered or
     * not. The same category and bucket as reviews («Вопросы и отзывы»: 3/s, Base 5/h).
     */
    async *questions(window: DateWindow): AsyncGenerator<Page<WbQuestion>> {
      yield* windowed(window, questionPaging, async (query) => {
        const raw = await request({
          host: 'feedbacks',
          method: 'GET',
          path: '/api/v1/questions',
          group: 'feedbacks',
          query,
        });
        const envelope = parseEnvelope(questionsEnvelope, raw, 'questions');
        return {
          page: parseRows(questionSchema, envelope.data.questions, 'questions', 'id'),
          size: envelope.data.questions.length,
        };
      });
    },

    /** The cheap poll: are there unseen reviews at all? */
    async hasNewFeedbacks(): Promise<boolean> {
      const raw = await request({
        host: 'feedbacks',
        method: 'GET',
        path: '/api/v1/new-feedbacks-questions',
        group: 'feedbacks',
      });
      return parseEnvelope(newFeedbacksEnvelope, raw, 'new-feedbacks-questions').data.hasNewFeedbacks;
    },

    /** One review by id, for reconciling an answer whose outcome we did not learn. */
    async feedback(id: string): Promise<{ id: string; answer: WbAnswerOnWb }> {
      const raw = await request({
        host: 'feedbacks',
        method: 'GET',
        path: '/api/v1/feedback',
        group: 'feedbacks',
        query: { id },
      });
      const { data } = parseEnvelope(feedbackByIdEnvelope, raw, 'feedback');
      return { id: data.id, answer: data.answer };
    },

    /** One question by id, for reconciling an answer whose outcome we did not learn. */
    async question(id: string): Promise<{ id: string; state: string | null; answer: WbAnswerOnWb }> {
      const raw = await request({
        host: 'feedbacks',
        method: 'GET',
        path: '/api/v1/question',
        group: 'feedbacks',
        query: { id },
      });
      const { data } = parseEnvelope(questionByIdEnvelope, raw, 'question');
      return { id: data.id, state: data.state, answer: data.answer };
    },

    /**
     * Answers a review (204). WB does not check the id, so the caller makes sure the review is
     * the seller's. Writes are not retried after a timeout: WB may have taken them.
     */
    async answerFeedback(id: string, text: string): Promise<void> {
      await request({
        host: 'feedbacks',
        method: 'POST',
        path: '/api/v1/feedbacks/answer',
        group: 'feedbacks',
        body: { id, text },
        write: true,
      });
    },

    /** Replaces a review's answer; WB allows this once, within 60 days of the answer. */
    async editFeedbackAnswer(id: string, text: string): Promise<void> {
      await request({
        host: 'feedbacks',
        method: 'PATCH',
        path: '/api/v1/feedbacks/answer',
        group: 'feedbacks',
        body: { id, text },
        write: true,
      });
    },

    /** Answers a question, or edits its answer (the same call; WB allows one edit). */
    async answerQuestion(id: string, text: string): Promise<void> {
      await request({
        host: 'feedbacks',
        method: 'PATCH',
        path: '/api/v1/questions',
        group: 'feedbacks',
        body: { id, answer: { text }, state: 'wbRu' },
        write: true,
      });
    },

    /** Product cards in update order, from a saved cursor; the last cursor comes with each page. */
    async *cards(start?: {
      updatedAt: string;
      nmID: number;
    }): AsyncGenerator<Page<WbCard> & { cursor: { updatedAt: string; nmID: number } | undefined }> {
      let cursor = start;
      for (;;) {
        const raw = await request({
          host: 'content',
          method: 'POST',
          path: '/content/v2/get/cards/list',
          group: 'cards/list',
          body: {
            settings: {
              sort: { ascending: true },
              filter: { withPhoto: -1 },
              cursor: { limit: CARDS_LIMIT, ...(cursor ?? {}) },
            },
          },
        });
        const envelope = parseEnvelope(cardsEnvelope, raw, 'cards/list');
        const next =
          envelope.cursor.updatedAt && envelope.cursor.nmID
            ? { updatedAt: envelope.cursor.updatedAt, nmID: envelope.cursor.nmID }
            : cursor;
        yield { ...parseRows(cardSchema, envelope.cards, 'cards/list', 'nmID'), cursor: next };
        if (envelope.cursor.total < CARDS_LIMIT || !next) return;
        cursor = next;
      }
    },
  };
}
