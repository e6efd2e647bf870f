export const OVERVIEW = `query Overview($id: ID!, $from: Date!, $to: Date!, $monthFrom: Date!) {
  cabinet(id: $id) {
    id name lastSyncAt status criticalStockThreshold
    dailyStats(from: $from, to: $to) { date orders buyouts cancellations returns revenue orderedAmount }
    topProducts(from: $monthFrom, to: $to, first: 5) { nmId title vendorCode imageUrl orders orderedAmount }
    criticalStocks(first: 5) { nmId techSize vendorCode title available warehouses }
    reviews(first: 5, filter: { maxRating: 3 }) {
      edges { node { id rating text productName createdDate } }
    }
  }
}`;

export interface DailyStat {
  date: string;
  orders: number;
  buyouts: number;
  cancellations: number;
  returns: number;
  revenue: string;
  orderedAmount: string;
}
