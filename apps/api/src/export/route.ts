import { once } from 'node:events';
import type http from 'node:http';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type * as GraphQL from 'graphql';
import { createRequire } from 'node:module';
import { authenticate } from '../auth/authenticate.ts';
import { requestCredential } from '../auth/credential.ts';
import { buildContext, type ApiServices } from '../context.ts';
import { MAX_PAGE } from '../schema/pagination.ts';
import { schema } from '../schema/index.ts';
import { EXPORT_TABLES, exportQuery, type Cell, type ExportTable } from './tables.ts';

// Export is an API route rather than files made in the browser: the rows come straight from
// PostgreSQL a page at a time and leave as they are written, so 50 000 rows never sit in
// memory whole, the XLSX library stays out of the dashboard's JavaScript, and one request
// does what would otherwise be 500 GraphQL calls through the rate limiter.

// The schema's types come from the CommonJS graphql that Pothos requires; under vitest an ESM
// import would load graphql's .mjs build, a second copy whose execute() refuses the schema.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

export const EXPORT_PATH = '/export/';
/** The most rows one file holds; the response says when it stopped there (x-export-capped). */
export const MAX_EXPORT_ROWS = 50_000;

const documents = new Map<string, GraphQL.DocumentNode>();
/** One export per user at a time: each is a long run of queries. */
const running = new Set<string>();

interface Page {
  viewer: { timeZone: string } | null;
  cabinet: {
    list: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Record<string, unknown> }[] };
  } | null;
}

function corsHeaders(services: ApiServices): Record<string, string> {
  // The dashboard fetches the file with its cookie from its own origin, then saves the blob.
  return {
    'access-control-allow-origin': services.config.webOrigin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'content-disposition, x-export-rows, x-export-capped',
    vary: 'origin',
    'cache-control': 'no-store',
  };
}

function refuse(res: http.ServerResponse, services: ApiServices, status: number, message: string): void {
  res.writeHead(status, { ...corsHeaders(services), 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: message }));
}

/** The variables the dashboard passes its table query: the cabinet and the table's state. */
function readVariables(url: URL, table: ExportTable): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(url.searchParams.get('variables') ?? '{}') as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const given = parsed as Record<string, unknown>;
    const variables: Record<string, unknown> = { id: given.id };
    for (const name of Object.keys(table.arguments)) if (given[name] != null) variables[name] = given[name];
    return variables;
  } catch {
    return null;
  }
}

/**
 * GET /export/<table>.<csv|xlsx>?variables=<JSON>: every row the table's filters, search and
 * sort select (all pages, up to MAX_EXPORT_ROWS), with Russian headers. A session cookie counts
 * only from the dashboard's origin; an integrator's token works as for GraphQL.
 */
export async function handleExport(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  services: ApiServices,
  url: URL,
): Promise<void> {
  const match = /^\/export\/(\w+)\.(csv|xlsx)$/.exec(url.pathname);
  const table = match ? EXPORT_TABLES[match[1]!] : undefined;
  if (!match || !table) return refuse(res, services, 404, 'Нет такой выгрузки.');
  const format = match[2] as 'csv' | 'xlsx';
  const credential = requestCredential(req.headers, services.config.webOrigin);
  // A cookie without Origin would be a link another site made the browser follow.
  if (
    credential.via === 'foreign_origin' ||
    (credential.via === 'cookie' && req.headers.origin !== services.config.webOrigin)
  )
    return refuse(res, services, 403, 'Выгрузка по cookie — только со страниц кабинета.');
  const viewer = credential.via === 'none' ? null : await authenticate(services.prisma, credential.token);
  if (!viewer) return refuse(res, services, 401, 'Войдите, чтобы выгрузить таблицу.');
  const variables = readVariables(url, table);
  if (!variables || typeof variables.id !== 'string')
    return refuse(res, services, 400, 'Параметр variables — JSON с id кабинета.');
  if (running.has(viewer.userId)) return refuse(res, services, 429, 'Предыдущая выгрузка ещё идёт.');
  running.add(viewer.userId);
  try {
    await stream(req, res, services, { table, format, variables, viewer });
  } finally {
    running.delete(viewer.userId);
  }
}

async function stream(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  services: ApiServices,
  job: {
    table: ExportTable;
    format: 'csv' | 'xlsx';
    variables: Record<string, unknown>;
    viewer: NonNullable<Awaited<ReturnType<typeof authenticate>>>;
  },
): Promise<void> {
  const { table, format } = job;
  let document = documents.get(table.name);
  if (!document) {
    document = parse(exportQuery(table));
    documents.set(table.name, document);
  }
  // One context for the whole export: the cabinet's membership is checked once, on the first page.
  const contextValue = buildContext(services, {
    viewer: job.viewer,
    userAgent: req.headers['user-agent'] ?? null,
    clientAddress: req.socket.remoteAddress ?? null,
    transport: 'http',
  });
  const page = async (after: string | null) => {
    const result = await execute({
      schema,
      document,
      contextValue,
      variableValues: { ...job.variables, first: MAX_PAGE, after },
    });
    return { data: result.data as Page | null | undefined, errors: result.errors };
  };

  let current = await page(null);
  if (current.errors?.length) return refuse(res, services, 400, current.errors.map((error) => error.message).join(' '));
  if (!current.data?.cabinet) return refuse(res, services, 403, 'Нет доступа к этому кабинету.');

  const timeZone = current.data.viewer?.timeZone ?? 'Europe/Moscow';
  const dates = new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const formatters = {
    instant: (iso: unknown) => (typeof iso === 'string' ? dates.format(new Date(iso)).replace(',', '') : ''),
  };
  const day = new Date().toLocaleDateString('en-CA', { timeZone });
  res.writeHead(200, {
    ...corsHeaders(services),
    'content-type':
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${table.name}-${day}.${format}"`,
  });
  const sink = format === 'csv' ? csvSink(res, table) : xlsxSink(res, table);
  let rows = 0;
  let capped = false;
  try {
    for (;;) {
      const list = current.data?.cabinet?.list;
      if (!list) throw new Error(current.errors?.map((error) => error.message).join(' ') ?? 'export page failed');
      for (const { node } of list.edges) {
        if (rows === MAX_EXPORT_ROWS) {
          capped = true;
          break;
        }
        await sink.write(table.columns.map((column) => column.value(node, formatters)));
        rows += 1;
      }
      // A closed response is a user who cancelled the download: stop reading the database.
      if (capped || !list.pageInfo.hasNextPage || res.destroyed) break;
      current = await page(list.pageInfo.endCursor);
    }
    await sink.end();
    services.logger.info({ table: table.name, format, rows, capped }, 'table exported');
  } catch (error) {
    // The status is sent: all that is left is to cut the file short, so it cannot pass as whole.
    services.logger.error({ err: error, table: table.name }, 'export failed');
    res.destroy(error as Error);
  }
}

interface Sink {
  write: (cells: Cell[]) => Promise<void>;
  end: () => Promise<void>;
}

/**
 * CSV as Russian Excel opens it by double-click: UTF-8 with a BOM (else Cyrillic is mojibake),
 * `;` between fields (`,` is the decimal separator there), decimal commas, CRLF lines.
 */
function csvSink(res: http.ServerResponse, table: ExportTable): Sink {
  const csv = stringify({
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: table.columns.map((column) => column.header),
    cast: {
      number: (value) => String(value).replace('.', ','),
      // A cell starting with = + - @ would run as a formula in Excel (CSV injection): a
      // buyer writes review texts.
      string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
    },
  });
  csv.pipe(res);
  return {
    write: async (cells) => {
      if (!csv.write(cells)) await once(csv, 'drain');
    },
    end: async () => {
      csv.end();
      await finished(res);
    },
  };
}

/** XLSX written as it goes (exceljs' streaming writer): each row is committed and let go. */
function xlsxSink(res: http.ServerResponse, table: ExportTable): Sink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({
    header: column.header,
    width: Math.max(12, column.header.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    write: async (cells) => {
      sheet.addRow(cells).commit();
      if (res.writableNeedDrain) await once(res, 'drain');
    },
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
