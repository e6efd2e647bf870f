import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { GraphQLContext } from './context.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per caller, in this process: enough to stop one token or address from
 * flooding an API process. Each API process keeps its own buckets.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly perSecond: number;

  constructor(options: { burst: number; perSecond: number }) {
    this.burst = options.burst;
    this.perSecond = options.perSecond;
  }

  /** Seconds to wait before the next call, or 0 when this call may go ahead. */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.perSecond);
    bucket.tokens -= 1;
    if (this.buckets.size > 10_000) this.prune(now);
    return 0;
  }

  /** Full buckets carry no state worth keeping. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}

function callerKey(ctx: GraphQLContext): string {
  if (ctx.viewer?.apiTokenId) return `token:${ctx.viewer.apiTokenId}`;
  if (ctx.viewer) return `user:${ctx.viewer.userId}`;
  return `address:${ctx.clientAddress ?? 'unknown'}`;
}

function limited(retryAfter: number) {
  return createGraphQLError(`Слишком много запросов. Повторите через ${retryAfter} с.`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, http: { status: 429 } },
  });
}

/** Every operation (query, mutation, subscription start) takes one token of its caller. */
export function rateLimitPlugin(buckets: TokenBuckets): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const wait = buckets.take(callerKey(args.contextValue));
      if (wait > 0) setResultAndStopExecution({ errors: [limited(wait)] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const wait = buckets.take(callerKey(args.contextValue));
      if (wait > 0) setResultAndStopExecution({ errors: [limited(wait)] });
    },
  };
}
