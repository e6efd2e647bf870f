/**
 * How much a template may say. Fitting a message into Telegram's limits walks from the full
 * detail down: first the context line goes, then list entries, then every free text is cut
 * to the same maximum length (long review texts go first, short names stay whole).
 */
export interface Detail {
  context: boolean;
  /** Maximum length of any one WB- or buyer-provided string. */
  textCap: number;
  /** Maximum warehouses listed before "…и ещё N складов". */
  listCap: number;
}

export const FULL_DETAIL: Detail = { context: true, textCap: Number.POSITIVE_INFINITY, listCap: 10 };
