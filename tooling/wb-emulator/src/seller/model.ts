import type { BuyerRegion, WarehouseInfo } from '../catalog.ts';

export type Product = {
  nmId: number;
  imtId: number;
  nmUuid: string;
  vendorCode: string;
  brand: string;
  title: string;
  category: string;
  subject: string;
  subjectId: number;
  basket: number;
  photoCount: number;
  createdAt: number;
  updatedAt: number;
  sizes: Size[];
  /** Base price before the seller's discount, roubles. */
  price: number;
  discountPercent: number;
};

export type Size = {
  chrtId: number;
  techSize: string;
  barcode: string;
  product: Product;
  incomeId: number;
  /** UTF-8 JSON fragment of the statistics fields that depend only on the size (built once). */
  statisticsJson?: Buffer;
};

export type Warehouse = WarehouseInfo & { statisticsJson?: Buffer };

export type Region = BuyerRegion & { statisticsJson?: Buffer };

/** Stock of one size in one warehouse, as stocks-report counts it. */
export type StockCell = { quantity: number; inWayToClient: number; inWayFromClient: number };

/** A block of rows' times plus the seller's lookup tables the rows index into. */
export type RowChunk = {
  readonly times: Float64Array;
  readonly warehouses: readonly Warehouse[];
  readonly regions: readonly Region[];
};

/**
 * Times of many rows in fixed-size Float64Array chunks. Timestamps are not small integers, so
 * as object fields each would be a separate boxed number; a million orders must stay small.
 */
export class TimeColumns {
  static readonly CHUNK_ROWS = 256;
  readonly width: number;
  readonly #chunks: RowChunk[] = [];
  readonly #warehouses: readonly Warehouse[];
  readonly #regions: readonly Region[];

  constructor(width: number, warehouses: readonly Warehouse[], regions: readonly Region[]) {
    this.width = width;
    this.#warehouses = warehouses;
    this.#regions = regions;
  }

  chunk(seq: number): RowChunk {
    const index = Math.floor(seq / TimeColumns.CHUNK_ROWS);
    while (this.#chunks.length <= index) {
      this.#chunks.push({
        times: new Float64Array(TimeColumns.CHUNK_ROWS * this.width),
        warehouses: this.#warehouses,
        regions: this.#regions,
      });
    }
    return this.#chunks[index] as RowChunk;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const ORDER_WIDTH = 4;
const SALE_WIDTH = 2;

/**
 * One order (one unit). Its visible versions are `date` and, when cancelled, `cancelAt`; the
 * row as of any moment is a pure function of these times, which lets batch publishing show
 * the older version of a row whose change is not yet published. To keep a million orders
 * small, an order is four fields: prices derive from the product and `spp`, times live in
 * the chunk, and spp / warehouse / region / defect are packed into one small integer.
 */
export class Order {
  readonly seq: number;
  readonly size: Size;
  readonly #chunk: RowChunk;
  /** bits 0–6 spp, 7 returnDefective, 8–15 warehouse index, 16–23 region index */
  #packed: number;

  constructor(init: {
    seq: number;
    date: number;
    size: Size;
    warehouseIndex: number;
    regionIndex: number;
    spp: number;
    times: TimeColumns;
  }) {
    this.seq = init.seq;
    this.size = init.size;
    this.#chunk = init.times.chunk(init.seq);
    this.#packed = (init.spp & 0x7f) | ((init.warehouseIndex & 0xff) << 8) | ((init.regionIndex & 0xff) << 16);
    this.#chunk.times[this.#at(0)] = init.date;
  }

  #at(column: number): number {
    return (this.seq % TimeColumns.CHUNK_ROWS) * ORDER_WIDTH + column;
  }

  get date(): number {
    return this.#chunk.times[this.#at(0)] as number;
  }
  get cancelAt(): number {
    return this.#chunk.times[this.#at(1)] as number;
  }
  set cancelAt(at: number) {
    this.#chunk.times[this.#at(1)] = at;
  }
  get buyoutAt(): number {
    return this.#chunk.times[this.#at(2)] as number;
  }
  set buyoutAt(at: number) {
    this.#chunk.times[this.#at(2)] = at;
  }
  get returnAt(): number {
    return this.#chunk.times[this.#at(3)] as number;
  }
  set returnAt(at: number) {
    this.#chunk.times[this.#at(3)] = at;
  }

  /** WB's own discount for this buyer, percent. */
  get spp(): number {
    return this.#packed & 0x7f;
  }
  get returnDefective(): boolean {
    return (this.#packed & 0x80) !== 0;
  }
  set returnDefective(value: boolean) {
    this.#packed = value ? this.#packed | 0x80 : this.#packed & ~0x80;
  }
  get warehouse(): Warehouse {
    return this.#chunk.warehouses[(this.#packed >> 8) & 0xff] as Warehouse;
  }
  get region(): Region {
    return this.#chunk.regions[(this.#packed >> 16) & 0xff] as Region;
  }

  get totalPrice(): number {
    return this.size.product.price;
  }
  get discountPercent(): number {
    return this.size.product.discountPercent;
  }
  get priceWithDisc(): number {
    return round2(this.totalPrice * (1 - this.discountPercent / 100));
  }
  get finishedPrice(): number {
    return Math.round(this.priceWithDisc * (1 - this.spp / 100));
  }

  versionAsOf(horizon: number): number {
    const cancelAt = this.cancelAt;
    return cancelAt !== 0 && cancelAt <= horizon ? cancelAt : this.date;
  }

  get closed(): boolean {
    return this.cancelAt !== 0 || this.buyoutAt !== 0;
  }
}

/**
 * A buyout (S) or a return (R). Money reads 0 until `fillAt`, then the row changes. `forPay`
 * is kept in kopecks with its sign (negative for returns), which also tells S from R.
 */
export class Sale {
  readonly seq: number;
  readonly order: Order;
  readonly #forPayKop: number;
  readonly #times: Float64Array;

  constructor(init: {
    seq: number;
    kind: 'S' | 'R';
    order: Order;
    date: number;
    fillAt: number;
    forPay: number;
    times: TimeColumns;
  }) {
    this.seq = init.seq;
    this.order = init.order;
    this.#forPayKop = (init.kind === 'S' ? 1 : -1) * Math.max(1, Math.round(Math.abs(init.forPay) * 100));
    this.#times = init.times.chunk(init.seq).times;
    this.#times[this.#at(0)] = init.date;
    this.#times[this.#at(1)] = init.fillAt;
  }

  #at(column: number): number {
    return (this.seq % TimeColumns.CHUNK_ROWS) * SALE_WIDTH + column;
  }

  get kind(): 'S' | 'R' {
    return this.#forPayKop > 0 ? 'S' : 'R';
  }
  get date(): number {
    return this.#times[this.#at(0)] as number;
  }
  get fillAt(): number {
    return this.#times[this.#at(1)] as number;
  }
  get forPay(): number {
    return this.#forPayKop / 100;
  }
  /** WB's "payment by sale" amount; derived from the row so it needs no storage. */
  get paymentSaleAmount(): number {
    return Math.sign(this.#forPayKop) * ((this.seq * 7_919) % Math.max(1, Math.round(this.order.priceWithDisc * 0.1)));
  }

  versionAsOf(horizon: number): number {
    const fillAt = this.fillAt;
    return fillAt > this.date && fillAt <= horizon ? fillAt : this.date;
  }
}

export type Feedback = {
  id: string;
  product: Product;
  size: Size;
  createdAt: number;
  valuation: number;
  text: string;
  pros: string;
  cons: string;
  userName: string;
  orderStatus: 'buyout' | 'rejected' | 'returned' | 'notSpecified';
  wasViewed: boolean;
  /** Buyer photos attached (0: `photoLinks` is null). */
  photoCount: number;
  answer: { text: string; state: 'none' | 'wbRu' | 'reviewRequired' | 'rejected'; editable: boolean } | null;
};

/** A buyer's question about a product; `answer` is the seller's, once given. */
export type Question = {
  id: string;
  product: Product;
  createdAt: number;
  text: string;
  wasViewed: boolean;
  isWarned: boolean;
  /** `none`: the seller declined it (hidden from buyers). */
  declined: boolean;
  answer: { text: string; editable: boolean; createdAt: number } | null;
};
