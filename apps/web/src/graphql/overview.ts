import { dayIn, shiftDay } from '../lib/format';
import { graphql, type ResultOf } from './graphql';

export const OVERVIEW = graphql(`
  query Overview($id: ID!, $from: Date!, $to: Date!, $monthFrom: Date!) {
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

/** 60 days: the 30-day period and the one before it, for the change column. */
export function overviewVariables(cabinetId: string, timeZone: string) {
  const today = dayIn(new Date(), timeZone);
  return { id: cabinetId, from: shiftDay(today, -59), to: today, monthFrom: shiftDay(today, -29) };
}
