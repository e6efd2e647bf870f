import { z } from 'zod';
import { text } from './fields.ts';

const count = z.number().int().nonnegative();

/** stocks-report/wb-warehouses: one row per size per warehouse, with ids. */
export const stocksReportRowSchema = z.object({
  nmId: z.number().int().positive(),
  chrtId: z.number().int().nonnegative(),
  warehouseId: z.number().int().nonnegative(),
  warehouseName: z.string(),
  regionName: text,
  quantity: count,
  inWayToClient: count,
  inWayFromClient: count,
});

export const stocksReportEnvelope = z.object({ data: z.object({ items: z.array(z.unknown()) }) });

/** warehouse_remains download (Base tokens): per size, a list of warehouses with quantities. */
export const warehouseRemainsRowSchema = z.object({
  brand: text,
  subjectName: text,
  vendorCode: text,
  nmId: z.number().int().positive(),
  barcode: text,
  techSize: text,
  volume: z.number().nullish(),
  warehouses: z.array(z.object({ warehouseName: z.string(), quantity: z.number().int() })),
});

export const remainsTaskEnvelope = z.object({ data: z.object({ taskId: z.string().min(1) }) });
export const remainsStatusEnvelope = z.object({
  data: z.object({ id: z.string(), status: z.enum(['new', 'processing', 'done', 'purged', 'canceled']) }),
});

export type WbStocksReportRow = z.output<typeof stocksReportRowSchema>;
export type WbWarehouseRemainsRow = z.output<typeof warehouseRemainsRowSchema>;
