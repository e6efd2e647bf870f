import type http from 'node:http';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticate, bearerToken, type Viewer } from './auth/authenticate.ts';
import { readCookie, SESSION_COOKIE } from './auth/cookies.ts';
import type { ApiServices } from './context.ts';
import { GRAPHQL_PATH, type ApiYoga } from './yoga.ts';

type Enveloped = ReturnType<ApiYoga['getEnveloped']>;

type ConnectionParams = {
  token?: unknown;
  authorization?: unknown;
};

/**
 * A WebSocket has no per-message headers: the client proves itself once, in connectionParams
 * ({ token } with a socket, session or API token), or with the session cookie of the upgrade
 * request. A presented token that does not verify closes the connection (4403).
 */
async function connectionViewer(
  services: ApiServices,
  params: ConnectionParams | undefined,
  request: http.IncomingMessage,
): Promise<Viewer | null | false> {
  const token =
    (typeof params?.token === 'string' ? params.token : undefined) ??
    (typeof params?.authorization === 'string' ? bearerToken(params.authorization) : undefined) ??
    readCookie(request.headers.cookie, SESSION_COOKIE);
  if (!token) return null;
  return (await authenticate(services.prisma, token)) ?? false;
}

export function attachWebSocket(server: http.Server, yoga: ApiYoga, services: ApiServices) {
  const wss = new WebSocketServer({ server, path: GRAPHQL_PATH });
  const viewers = new WeakMap<object, Viewer | null>();
  const disposable = useServer<ConnectionParams>(
    {
      isProd: services.config.nodeEnv !== 'development',
      onConnect: async (ctx) => {
        const viewer = await connectionViewer(services, ctx.connectionParams, ctx.extra.request);
        if (viewer === false) return false;
        viewers.set(ctx.extra.socket, viewer);
        return true;
      },
      // yoga's envelop gives parse/validate/execute with every plugin (armor, masking, limits).
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          viewer: viewers.get(ctx.extra.socket) ?? null,
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
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
