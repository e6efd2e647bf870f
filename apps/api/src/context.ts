import type { PrismaClient } from '@wb-assist/db';
import type { Logger } from '@wb-assist/logger';
import { cabinetAccess, type CabinetAccess } from './auth/cabinet-access.ts';
import type { Viewer } from './auth/authenticate.ts';
import type { ApiConfig } from './config.ts';
import type { ApiPubSub } from './pubsub/index.ts';

/** Long-lived dependencies shared by every request. */
export interface ApiServices {
  prisma: PrismaClient;
  pubsub: ApiPubSub;
  config: ApiConfig;
  logger: Logger;
}

export interface GraphQLContext extends ApiServices {
  viewer: Viewer | null;
  access: CabinetAccess;
  userAgent: string | null;
  /** The peer address, to rate-limit anonymous callers. */
  clientAddress: string | null;
  /** Adds a Set-Cookie header to the HTTP response; over WebSocket there is none to set. */
  setCookie: (cookie: string) => void;
  transport: 'http' | 'ws';
}

export function buildContext(
  services: ApiServices,
  request: {
    viewer: Viewer | null;
    userAgent: string | null;
    clientAddress: string | null;
    setCookie?: (cookie: string) => void;
    transport: 'http' | 'ws';
  },
): GraphQLContext {
  return {
    ...services,
    viewer: request.viewer,
    access: cabinetAccess(services.prisma, request.viewer?.userId ?? null),
    userAgent: request.userAgent,
    clientAddress: request.clientAddress,
    setCookie: request.setCookie ?? (() => undefined),
    transport: request.transport,
  };
}

/** The signed-in user's id; fields call it after their `signedIn` scope passed. */
export function viewerId(ctx: GraphQLContext): string {
  if (!ctx.viewer) throw new Error('viewerId() called on an anonymous request');
  return ctx.viewer.userId;
}
