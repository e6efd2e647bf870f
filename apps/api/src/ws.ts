import type http from 'node:http';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createGraphQLError } from 'graphql-yoga';
import { WebSocket, WebSocketServer } from 'ws';
import { authenticate, bearerToken, type Viewer } from './auth/authenticate.ts';
import { readCookie, SESSION_COOKIE } from './auth/cookies.ts';
import { cookieAllowedFrom } from './auth/credential.ts';
import { CREDENTIAL_REFUSED, FOREIGN_ORIGIN_REFUSED, SOCKET_FORBIDDEN } from './auth/refusals.ts';
import type { ApiServices } from './context.ts';
import { GRAPHQL_PATH, type ApiYoga } from './yoga.ts';

type Enveloped = ReturnType<ApiYoga['getEnveloped']>;

type ConnectionParams = {
  token?: unknown;
  authorization?: unknown;
};

/**
 * How often open sockets re-verify their credential when idle. With authenticate()'s cache a
 * token revoked by another API process loses its sockets within CACHE_MS plus this.
 */
const RECHECK_MS = 2_000;

/** What a socket's access rests on; undefined for an anonymous socket. */
interface SocketAuth {
  credential: string | undefined;
}

type Admission = { ok: true; auth: SocketAuth } | { ok: false; reason: string };

/**
 * A WebSocket has no per-message headers: the client proves itself in connectionParams
 * ({ token } with a socket, session or API token), or with the session cookie of the upgrade
 * request. A presented token that does not verify, or a cookie sent from a page on another
 * origin, closes the connection (4403).
 */
async function admit(
  services: ApiServices,
  params: ConnectionParams | undefined,
  request: http.IncomingMessage,
): Promise<Admission> {
  const presented =
    (typeof params?.token === 'string' ? params.token : undefined) ??
    (typeof params?.authorization === 'string' ? bearerToken(params.authorization) : undefined);
  const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  const cookieAllowed = cookie !== undefined && cookieAllowedFrom(request.headers, services.config.webOrigin);
  if (presented) {
    const viewer = await authenticate(services.prisma, presented);
    if (!viewer) return { ok: false, reason: CREDENTIAL_REFUSED };
    // The dashboard's socket token lives minutes, its socket hours: with the dashboard's session
    // cookie beside it, the socket lasts as long as that session, and logging out ends it.
    if (viewer.kind === 'session' && cookieAllowed) {
      const session = await authenticate(services.prisma, cookie);
      if (session?.userId === viewer.userId) return { ok: true, auth: { credential: cookie } };
    }
    return { ok: true, auth: { credential: presented } };
  }
  if (cookie === undefined) return { ok: true, auth: { credential: undefined } };
  if (!cookieAllowed) return { ok: false, reason: FOREIGN_ORIGIN_REFUSED };
  // A stale cookie is a logged-out browser, anonymous as over HTTP.
  const viewer = await authenticate(services.prisma, cookie);
  return { ok: true, auth: { credential: viewer ? cookie : undefined } };
}

/** The socket's viewer now; false when its credential no longer verifies. */
async function currentViewer(services: ApiServices, auth: SocketAuth): Promise<Viewer | null | false> {
  if (auth.credential === undefined) return null;
  return (await authenticate(services.prisma, auth.credential)) ?? false;
}

/**
 * graphql-ws at GRAPHQL_PATH. maxPayload bounds one message: ws reads it whole into memory,
 * before anyone is authenticated.
 */
export function attachWebSocket(
  server: http.Server,
  yoga: ApiYoga,
  services: ApiServices,
  { maxPayload }: { maxPayload: number },
) {
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload });
  const open = new Map<WebSocket, SocketAuth>();
  // Closing the socket ends its subscriptions; graphql-ws clients see the code and reason.
  const refuse = (socket: WebSocket, reason: string) => {
    open.delete(socket);
    socket.close(SOCKET_FORBIDDEN, reason);
  };
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    void recheckAll().finally(() => (sweeping = false));
  }, RECHECK_MS);
  sweep.unref();
  async function recheckAll() {
    for (const [socket, auth] of open) {
      if (auth.credential === undefined) continue;
      try {
        if ((await currentViewer(services, auth)) === false) refuse(socket, CREDENTIAL_REFUSED);
      } catch (error) {
        // A database hiccup is no reason to drop every socket: the next sweep tries again.
        services.logger.warn({ err: error }, 'socket credential re-check failed');
        return;
      }
    }
  }
  const disposable = useServer<ConnectionParams>(
    {
      isProd: services.config.nodeEnv !== 'development',
      onConnect: async (ctx) => {
        const admission = await admit(services, ctx.connectionParams, ctx.extra.request);
        if (!admission.ok) {
          refuse(ctx.extra.socket, admission.reason);
          return false;
        }
        if (ctx.extra.socket.readyState === WebSocket.OPEN) open.set(ctx.extra.socket, admission.auth);
        return true;
      },
      onClose: (ctx) => {
        open.delete(ctx.extra.socket);
      },
      // yoga's envelop gives parse/validate/execute with every plugin (armor, masking, limits).
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const auth = open.get(ctx.extra.socket);
        const viewer = auth ? await currentViewer(services, auth) : false;
        if (viewer === false) {
          refuse(ctx.extra.socket, CREDENTIAL_REFUSED);
          // The socket is closing; graphql-ws wants a result all the same, and sends it nowhere.
          // Made by graphql-yoga, so it is an instance of the GraphQLError graphql-ws checks for.
          return [createGraphQLError(CREDENTIAL_REFUSED, { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        const enveloped = yoga.getEnveloped({
          viewer,
          req: ctx.extra.request,
          params: payload,
        });
        let document;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          // Syntax errors and armor's token limit surface here. Duck-typed: graphql may be
          // loaded twice (ESM and CommonJS), and instanceof would tell them apart.
          if (error instanceof Error && 'extensions' in error) return [error as GraphQLError];
          throw error;
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
        return args;
      },
    },
    wss,
  );
  return {
    close: async () => {
      clearInterval(sweep);
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
