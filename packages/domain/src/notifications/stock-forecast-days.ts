/**
 * The user's stock-out forecast threshold in days of cover: past two months a forecast from
 * 14 days of orders means little. The default is the database column's.
 */
export const STOCK_FORECAST_DAYS = { min: 1, max: 60, default: 7 } as const;
