// What each table exports: the same GraphQL connection the dashboard pages through (so sort,
// search, filters and the cabinet check are the API's own), and its columns with Russian headers.

export type Cell = string | number | null;
type Node = Record<string, unknown>;

export interface ExportColumn {
  header: string;
  /** Numbers stay numbers in XLSX (sums work); text is escaped against formulas in CSV. */
  value: (node: Node, format: { instant: (iso: unknown) => string }) => Cell;
}

export interface ExportTable {
  /** The file's name, without the extension. */
  name: string;
  /** Sheet title in XLSX. */
  title: string;
  field: string;
  /** The connection field's arguments and their GraphQL types. */
  arguments: Record<string, string>;
  nodeFields: string;
  columns: ExportColumn[];
}

/** WB writes 0 into a sale's money until it has settled it: unknown, not free. */
export const NOT_SETTLED = 'ещё не рассчитано';

const num = (value: unknown): number | null =>
  value === null || value === undefined || value === '' ? null : Number(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const product = (node: Node) => (node.product as { title?: string } | null)?.title ?? null;
const settled = (value: unknown): Cell => (Number(value) === 0 ? NOT_SETTLED : num(value));
const size = (value: unknown) => (value && value !== '0' ? String(value) : 'без размера');

export const EXPORT_TABLES: Record<string, ExportTable> = {
  orders: {
    name: 'orders',
    title: 'Заказы',
    field: 'orders',
    arguments: { filter: 'OrderFilter', sort: 'OrderSort', direction: 'SortDirection', search: 'String' },
    nodeFields:
      'orderDate nmId supplierArticle techSize warehouseName regionName priceWithDisc isCancel product { title }',
    columns: [
      { header: 'Дата', value: (n, f) => f.instant(n.orderDate) },
      { header: 'Артикул продавца', value: (n) => text(n.supplierArticle) },
      { header: 'Артикул WB', value: (n) => num(n.nmId) },
      { header: 'Товар', value: product },
      { header: 'Размер', value: (n) => size(n.techSize) },
      { header: 'Склад', value: (n) => text(n.warehouseName) },
      { header: 'Регион', value: (n) => text(n.regionName) },
      { header: 'Цена продавца, ₽', value: (n) => num(n.priceWithDisc) },
      { header: 'Статус', value: (n) => (n.isCancel ? 'Отменён' : 'Активен') },
    ],
  },
  sales: {
    name: 'sales',
    title: 'Продажи',
    field: 'sales',
    arguments: { filter: 'SaleFilter', sort: 'SaleSort', direction: 'SortDirection', search: 'String' },
    nodeFields: 'saleDate type nmId supplierArticle techSize warehouseName priceWithDisc forPay product { title }',
    columns: [
      { header: 'Дата', value: (n, f) => f.instant(n.saleDate) },
      { header: 'Тип', value: (n) => (n.type === 'buyout' ? 'Выкуп' : 'Возврат') },
      { header: 'Артикул продавца', value: (n) => text(n.supplierArticle) },
      { header: 'Артикул WB', value: (n) => num(n.nmId) },
      { header: 'Товар', value: product },
      { header: 'Размер', value: (n) => size(n.techSize) },
      { header: 'Склад', value: (n) => text(n.warehouseName) },
      { header: 'Цена продавца, ₽', value: (n) => settled(n.priceWithDisc) },
      { header: 'К перечислению, ₽', value: (n) => settled(n.forPay) },
    ],
  },
  stocks: {
    name: 'stocks',
    title: 'Остатки',
    field: 'stockSizes',
    arguments: { filter: 'StockSizeFilter', sort: 'StockSizeSort', direction: 'SortDirection', search: 'String' },
    nodeFields:
      'nmId techSize vendorCode title available daysOfCover critical inWayToClient inWayFromClient warehouses { warehouseName quantity }',
    columns: [
      { header: 'Артикул продавца', value: (n) => text(n.vendorCode) },
      { header: 'Артикул WB', value: (n) => num(n.nmId) },
      { header: 'Товар', value: (n) => text(n.title) },
      { header: 'Размер', value: (n) => size(n.techSize) },
      { header: 'Доступно, шт.', value: (n) => num(n.available) },
      {
        header: 'Хватит на, дней',
        value: (n) => (n.daysOfCover === null ? 'нет заказов' : Math.floor(Number(n.daysOfCover))),
      },
      { header: 'Критично', value: (n) => (n.critical ? 'да' : 'нет') },
      { header: 'В пути к клиенту, шт.', value: (n) => num(n.inWayToClient) },
      { header: 'В пути от клиента, шт.', value: (n) => num(n.inWayFromClient) },
      {
        header: 'Склады',
        value: (n) =>
          (n.warehouses as { warehouseName: string; quantity: number }[])
            .map((w) => `${w.warehouseName}: ${w.quantity}`)
            .join(', '),
      },
    ],
  },
  reviews: {
    name: 'reviews',
    title: 'Отзывы',
    field: 'reviews',
    arguments: { filter: 'ReviewFilter', sort: 'ReviewSort', direction: 'SortDirection', search: 'String' },
    nodeFields: 'createdDate rating nmId supplierArticle productName userName text pros cons isAnswered answerText',
    columns: [
      { header: 'Дата', value: (n, f) => f.instant(n.createdDate) },
      { header: 'Оценка', value: (n) => num(n.rating) },
      { header: 'Артикул продавца', value: (n) => text(n.supplierArticle) },
      { header: 'Артикул WB', value: (n) => num(n.nmId) },
      { header: 'Товар', value: (n) => text(n.productName) },
      { header: 'Покупатель', value: (n) => text(n.userName) },
      { header: 'Текст', value: (n) => text(n.text) },
      { header: 'Достоинства', value: (n) => text(n.pros) },
      { header: 'Недостатки', value: (n) => text(n.cons) },
      { header: 'Ответ', value: (n) => (n.isAnswered ? (text(n.answerText) ?? 'есть') : null) },
    ],
  },
};

/** The page query of a table: the viewer's zone for dates, then one page of the connection. */
export function exportQuery(table: ExportTable): string {
  const declared = Object.entries(table.arguments)
    .map(([name, type]) => `$${name}: ${type}`)
    .join(', ');
  const passed = Object.keys(table.arguments)
    .map((name) => `${name}: $${name}`)
    .join(', ');
  return `query Export($id: ID!, $first: Int!, $after: String, ${declared}) {
    viewer { timeZone }
    cabinet(id: $id) {
      list: ${table.field}(first: $first, after: $after, ${passed}) {
        pageInfo { hasNextPage endCursor }
        edges { node { ${table.nodeFields} } }
      }
    }
  }`;
}
