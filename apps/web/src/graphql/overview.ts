import { dayIn, shiftDay, timeOfDayIn } from '../lib/format';
import { graphql, type ResultOf } from './graphql';

export const OVERVIEW = graphql(`
  query Overview($id: ID!, $from: Date!, $to: Date!, $monthFrom: Date!, $yesterday: Date!, $until: String!) {
    cabinet(id: $id) {
      id
      name
      lastSyncAt
      status
      criticalStockThreshold
      dailyStats(from: $from, to: $to) {
        date
        orders
        buyouts
        cancellations
        returns
        revenue
        orderedAmount
      }
      yesterdaySoFar: dailyStats(from: $yesterday, to: $yesterday, untilTimeOfDay: $until) {
        date
        orders
        buyouts
        cancellations
        returns
        revenue
        orderedAmount
      }
      topProducts(from: $monthFrom, to: $to, first: 5) {
        nmId
        title
        vendorCode
        imageUrl
        orders
        orderedAmount
      }
      criticalStocks(first: 5) {
        nmId
        techSize
        vendorCode
        title
        available
        warehouses
      }
      reviews(first: 5, filter: { maxRating: 3 }) {
        edges {
          node {
            id
            rating
            text
            productName
            createdDate
          }
        }
      }
    }
  }
`);

export type OverviewData = ResultOf<typeof OVERVIEW>;
export type DailyStat = NonNullable<OverviewData['cabinet']>['dailyStats'][number];

/**
 * 60 days: the 30-day period and the one before it, for the change column; and yesterday up to
 * this moment's time of day, which today so far is compared with.
 */
export function overviewVariables(cabinetId: string, timeZone: string, now = new Date()) {
  const today = dayIn(now, timeZone);
  return {
    id: cabinetId,
    from: shiftDay(today, -59),
    to: today,
    monthFrom: shiftDay(today, -29),
    yesterday: shiftDay(today, -1),
    until: timeOfDayIn(now, timeZone),
  };
}

/** The server's answer and the browser's ask for the same cabinet and days, seconds apart. */
export const sameDays = (a: ReturnType<typeof overviewVariables>, b: ReturnType<typeof overviewVariables>) =>
  a.id === b.id && a.from === b.from && a.to === b.to;
