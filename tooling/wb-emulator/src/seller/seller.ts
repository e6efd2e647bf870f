import { DEFAULT_TRAFFIC, type TrafficOptions } from '../generator.ts';
import { Random } from '../random.ts';
import { EventQueue } from './event-queue.ts';
import {
  TimeColumns,
  type Feedback,
  type Order,
  type Product,
  type Question,
  type Region,
  type Sale,
  type Size,
  type StockCell,
  type Warehouse,
} from './model.ts';
import { RowLog } from './row-log.ts';

/** One WB seller account: its catalogue, warehouses, stock, orders, sales and reviews. */
export class Seller {
  readonly no: number;
  readonly sid: string;
  readonly name: string;
  readonly tradeMark: string;
  readonly tin: string;
  readonly random: Random;
  /** Questions draw from their own stream, so turning them on leaves every other row as it was. */
  readonly questionRandom: Random;
  readonly events: EventQueue<Seller> = new EventQueue<Seller>(this);
  readonly products: Product[] = [];
  readonly sizes = new Map<number, Size>();
  readonly warehouses: Warehouse[] = [];
  readonly regions: Region[] = [];
  readonly stocks = new Map<string, StockCell>();
  readonly orders: Order[] = [];
  readonly sales: Sale[] = [];
  readonly orderTimes = new TimeColumns(4, this.warehouses, this.regions);
  readonly saleTimes = new TimeColumns(2, this.warehouses, this.regions);
  readonly orderLog = new RowLog<Order>((seq) => this.orders[seq] as Order);
  readonly saleLog = new RowLog<Sale>((seq) => this.sales[seq] as Sale);
  readonly feedbacks: Feedback[] = [];
  readonly feedbacksById = new Map<string, Feedback>();
  readonly questions: Question[] = [];
  readonly questionsById = new Map<string, Question>();
  /** How this shop's traffic behaves once started (see generator.ts). */
  traffic: TrafficOptions = DEFAULT_TRAFFIC;
  /** Prefixes that make `srid`, `gNumber` and `sticker` unique per seller without storing strings. */
  readonly #sridPrefix: string;
  readonly #gNumberPrefix: string;

  constructor(init: { no: number; sid: string; name: string; tradeMark: string; tin: string; seed: number }) {
    this.no = init.no;
    this.sid = init.sid;
    this.name = init.name;
    this.tradeMark = init.tradeMark;
    this.tin = init.tin;
    this.random = new Random(init.seed);
    this.questionRandom = new Random(init.seed * 31 + 17);
    this.#sridPrefix = init.sid.replaceAll('-', '').slice(0, 24);
    this.#gNumberPrefix = String(1e11 + init.no * 7919).slice(0, 12);
  }

  /** Brings the shop's life up to `now`: every scheduled event due by then happens. */
  advanceTo(now: number): void {
    this.events.runUntil(now);
  }

  srid(order: Order): string {
    return `${this.#sridPrefix}${order.seq.toString(16).padStart(8, '0')}.0.0`;
  }

  orderBySrid(srid: string): Order | undefined {
    if (!srid.startsWith(this.#sridPrefix) || !srid.endsWith('.0.0')) return undefined;
    const seq = Number.parseInt(srid.slice(this.#sridPrefix.length, -4), 16);
    return Number.isInteger(seq) ? this.orders[seq] : undefined;
  }

  gNumber(order: Order): string {
    return `${this.#gNumberPrefix}${String(order.seq).padStart(8, '0')}`;
  }

  sticker(order: Order): string {
    return String(this.no * 10_000_000 + 100_000_000 + order.seq);
  }

  saleId(sale: Sale): string {
    return `${sale.kind}${String(this.no * 1_000_000 + sale.seq).padStart(10, '0')}`;
  }

  saleBySaleId(saleId: string): Sale | undefined {
    const n = Number(saleId.slice(1)) - this.no * 1_000_000;
    const sale = this.sales[n];
    return sale && this.saleId(sale) === saleId ? sale : undefined;
  }

  stock(chrtId: number, warehouseId: number): StockCell {
    const key = `${chrtId}:${warehouseId}`;
    let cell = this.stocks.get(key);
    if (!cell) {
      cell = { quantity: 0, inWayToClient: 0, inWayFromClient: 0 };
      this.stocks.set(key, cell);
    }
    return cell;
  }

  warehouse(id: number): Warehouse | undefined {
    return this.warehouses.find((w) => w.id === id);
  }
}
