import type http from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { getOperationAST, type DocumentNode } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { authenticate, type Viewer } from './auth/authenticate.ts';
import { requestCredential } from './auth/credential.ts';
import { foreignOriginError, unauthenticatedError } from './auth/refusals.ts';
import { buildContext, type ApiServices, type GraphQLContext } from './context.ts';
import { rateLimitPlugin, TokenBuckets } from './rate-limit.ts';
import { schema } from './schema/index.ts';

export const GRAPHQL_PATH = '/graphql';

/**
 * A request with a body a form can send (urlencoded, multipart, text/plain), or a GET, must
 * carry this header: a page on another site cannot add it without a CORS preflight, which only
 * the dashboard's origin passes. The dashboard's urql client sends it.
 */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface ServerContext {
  req: http.IncomingMessage;
  res: http.ServerResponse;
}

/** Over WebSocket, graphql-ws authenticated the connection; the context carries its viewer. */
export interface SocketServerContext {
  viewer: Viewer | null;
  req: http.IncomingMessage;
}

/** Limits that keep one query from costing the database more than a page of a dashboard. */
export const ARMOR = {
  maxDepth: { n: 10 },
  costLimit: { maxCost: 20_000 },
  maxAliases: { n: 15 },
  maxTokens: { n: 2000 },
  maxDirectives: { n: 20 },
  blockFieldSuggestion: { enabled: true },
};

function isQuery(document: DocumentNode, operationName?: string | null): boolean {
  return getOperationAST(document, operationName)?.operation === 'query';
}

export type ApiYoga = YogaServerInstance<ServerContext | SocketServerContext, GraphQLContext>;

export function createApiYoga(services: ApiServices): ApiYoga {
  const development = services.config.nodeEnv === 'development';
  const buckets = new TokenBuckets(services.config.rateLimit);
  return createYoga<ServerContext | SocketServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: development ? { subscriptionsProtocol: 'WS' } : false,
    landingPage: false,
    // Cookies ride along only from the dashboard; integrators call from servers with a token.
    // The dashboard's queries carry the CSRF header, so each needs a preflight: browsers may keep
    // its answer for 10 minutes (Chromium's own cap is 2 hours) instead of asking before each.
    cors: { origin: services.config.webOrigin, credentials: true, maxAge: 600 },
    // Outside development an unexpected error is "Unexpected error." with no stack; typed
    // failures are results, not errors, and pass unmasked.
    maskedErrors: { isDev: development },
    // server.ts reads POST bodies itself, with its own limit (MAX_GRAPHQL_BODY_BYTES).
    maxRequestBodySize: false,
    logging: {
      debug: (...args) => services.logger.debug({ args }, 'yoga'),
      info: (...args) => services.logger.info({ args }, 'yoga'),
      warn: (...args) => services.logger.warn({ args }, 'yoga'),
      error: (...args) => services.logger.error({ args }, 'yoga'),
    },
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      EnvelopArmorPlugin(ARMOR),
      rateLimitPlugin(buckets),
      // Queries run as compiled JavaScript (graphql-jit): an integrator's page of 50 orders costs
      // ~15% less CPU than the interpreting executor (1.72 -> 1.42 ms in-process). Subscriptions and
      // mutations keep the standard executor: under graphql-jit syncProgress events arrived empty
      // (subscriptions.int.test.ts), and mutations are too rare to be worth the difference.
      useGraphQlJit(
        {},
        {
          enableIf: ({ document, operationName }) => isQuery(document, operationName),
          // The failure goes back to the caller as a result; by default it would also be printed
          // to stderr as plain text, outside the JSON log.
          onError: (result) =>
            services.logger.debug({ errors: result.errors?.map((error) => error.message) }, 'graphql-jit failed'),
        },
      ),
    ],
    context: async (initial) => {
      if ('viewer' in initial) {
        return buildContext(services, {
          viewer: initial.viewer,
          userAgent: initial.req.headers['user-agent'] ?? null,
          clientAddress: initial.req.socket.remoteAddress ?? null,
          transport: 'ws',
        });
      }
      const { req, res } = initial;
      const credential = requestCredential(req.headers, services.config.webOrigin);
      if (credential.via === 'foreign_origin') throw foreignOriginError();
      const viewer = credential.via === 'none' ? null : await authenticate(services.prisma, credential.token);
      if (!viewer && credential.via === 'authorization') throw unauthenticatedError();
      return buildContext(services, {
        viewer,
        userAgent: req.headers['user-agent'] ?? null,
        clientAddress: req.socket.remoteAddress ?? null,
        // Node merges headers set here with the ones yoga writes for the response.
        setCookie: (cookie) => res.appendHeader('set-cookie', cookie),
        transport: 'http',
      });
    },
  });
}
