import http from 'node:http';
import type { Socket } from 'node:net';
import { handleControl } from './control/routes.ts';
import type { Fault } from './faults.ts';
import { faultyBody } from './http/apply-fault.ts';
import { authorize } from './http/authorize.ts';
import { newRequestId, problem } from './http/problem.ts';
import type { Reply, Request, Route } from './http/types.ts';
import type { Decision } from './rate-limit.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { commonRoutes } from './routes/common.ts';
import { contentRoutes } from './routes/content.ts';
import { feedbackRoutes } from './routes/feedbacks.ts';
import { questionRoutes } from './routes/questions.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import type { Store } from './store.ts';

export const CONTROL_PREFIX = '/__control';
export const SANDBOX_PREFIX = '/sandbox';
const MAX_BODY = 10 * 1024 * 1024;

export function allRoutes(store: Store): Route[] {
  return [
    ...statisticsRoutes(store),
    ...analyticsRoutes(store),
    ...feedbackRoutes(),
    ...questionRoutes(),
    ...contentRoutes(),
    ...commonRoutes(),
  ];
}

function match(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    if (typeof route.path === 'string') {
      if (route.path === path) return { route, params: {} };
    } else {
      const m = route.path.exec(path);
      if (m) return { route, params: { ...m.groups } };
    }
  }
  return null;
}

/** One HTTP server for every WB host's paths, the `/sandbox` twin and the control API. */
export function createServer(store: Store): { server: http.Server; destroySockets: () => void } {
  const routes = allRoutes(store);
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    // Taken before the body, the token and the seller's catch-up, which take their own time.
    const arrivedAt = performance.timeOrigin + performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        handle(store, routes, req, body, res, arrivedAt);
      } catch (error) {
        console.error('wb-emulator: unhandled error', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ title: 'internal server error', detail: String(error) }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { server, destroySockets: () => sockets.forEach((s) => s.destroy()) };
}

function handle(
  store: Store,
  routes: Route[],
  raw: http.IncomingMessage,
  body: string,
  res: http.ServerResponse,
  arrivedAt: number,
): void {
  const url = new URL(raw.url ?? '/', 'http://emulator');
  const method = raw.method ?? 'GET';
  if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
    const reply = handleControl(store, method, url.pathname.slice(CONTROL_PREFIX.length), url.searchParams, body);
    send(res, reply, null);
    return;
  }
  const sandbox = url.pathname.startsWith(`${SANDBOX_PREFIX}/`);
  const path = sandbox ? url.pathname.slice(SANDBOX_PREFIX.length) : url.pathname;
  const now = store.clock.now();
  const req: Request = {
    method,
    path,
    query: url.searchParams,
    headers: raw.headers,
    body,
    sandbox,
    now,
    requestId: newRequestId(),
  };
  const found = match(routes, method, path);
  if (!found || (sandbox && !found.route.sandbox)) {
    send(res, { status: 404, contentType: 'text/plain; charset=utf-8', raw: '404 page not found' }, null);
    return;
  }
  const { route, params } = found;
  const auth = authorize(store, route, req);
  if ('reply' in auth) return send(res, auth.reply, null);
  const seller = store.seller(auth.claims.sid);
  if (!seller)
    return send(res, problem(401, 'unauthorized', 'token problem; token not found', req.requestId, now), null);
  store.logRequest({ sid: seller.sid, group: route.group, method, path, at: arrivedAt });

  const limit = store.limiter.limitFor(route.group, auth.claims.acc === 1);
  if (!limit) return send(res, problem(403, 'forbidden', 'base token is not allowed', req.requestId, now), null);
  const host = route.group === 'ping' ? `:${String(raw.headers.host)}` : '';
  const key = `${seller.sid}:${auth.claims.acc}:${sandbox ? 'sandbox:' : ''}${route.group}${host}`;

  const fault = store.faults.take(route.name);
  if (fault?.kind === 'hang') return;
  if (fault?.kind === '429') {
    return send(
      res,
      tooMany(req),
      null,
      rateHeaders(store, {
        allowed: false,
        retryMs: limit.intervalMs,
        resetMs: limit.intervalMs * limit.burst,
        limit: limit.burst,
      }),
    );
  }
  if (fault?.kind === '5xx') {
    return send(res, problem(fault.status, 'internal server error', 'injected fault', req.requestId, now), null);
  }
  const decision: Decision = store.options.rateLimits
    ? store.limiter.take(key, limit, now)
    : { allowed: true, remaining: limit.burst - 1 };
  // Counted so tests can prove a client never ran into WB's limits (injected 429s excluded).
  store.stats.requests[route.group] = (store.stats.requests[route.group] ?? 0) + 1;
  if (!decision.allowed) {
    store.stats.limited[route.group] = (store.stats.limited[route.group] ?? 0) + 1;
    return send(res, tooMany(req), null, rateHeaders(store, decision));
  }
  const reply = route.handle({ ...req, claims: auth.claims, seller }, params);
  const holdMs = route.write ? store.holds.take(route.name) : 0;
  if (holdMs === 0) return send(res, reply, fault, rateHeaders(store, decision));
  // The write is applied above; only the answer waits (a client that gave up has closed the socket).
  setTimeout(() => {
    if (!res.destroyed) send(res, reply, fault, rateHeaders(store, decision));
  }, holdMs).unref();
}

function tooMany(req: Request): Reply {
  return problem(
    429,
    'too many requests',
    `limited by ${req.requestId.slice(0, 8)}-a7fb-4bb4-abb0-${req.requestId.slice(8, 20)}`,
    req.requestId,
    req.now,
  );
}

/** Seconds for the headers: whole seconds as WB sends them; fractions in the fast profile. */
function seconds(store: Store, ms: number): string {
  return store.options.profile === 'real' ? String(Math.ceil(ms / 1000)) : String(Math.ceil(ms) / 1000);
}

function rateHeaders(store: Store, decision: Decision): Record<string, string> {
  if (decision.allowed) return { 'X-Ratelimit-Remaining': String(decision.remaining) };
  return {
    'X-Ratelimit-Retry': seconds(store, decision.retryMs),
    'X-Ratelimit-Limit': String(decision.limit),
    'X-Ratelimit-Reset': seconds(store, decision.resetMs),
  };
}

function send(res: http.ServerResponse, reply: Reply, fault: Fault | null, headers: Record<string, string> = {}): void {
  const allHeaders: Record<string, string> = { ...headers, ...reply.headers };
  if (reply.status === 204) {
    res.writeHead(204, allHeaders);
    res.end();
    return;
  }
  const text: string | Buffer = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const { body, declaredLength } = faultyBody(fault, text);
  res.writeHead(reply.status, {
    ...allHeaders,
    'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
    'Content-Length': String(declaredLength),
  });
  if (fault?.kind === 'truncated') {
    res.write(body, () => res.destroy());
    return;
  }
  res.end(body);
}
