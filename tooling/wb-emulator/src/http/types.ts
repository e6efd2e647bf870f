import type { Category, TokenClaims } from '../tokens.ts';
import type { MethodGroup } from '../rate-limit.ts';
import type { Seller } from '../seller/seller.ts';

export type Reply = {
  status: number;
  /** A pre-serialised body (large pages are built as strings), a value to serialise, or none. */
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
};

export type Request = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  sandbox: boolean;
  now: number;
  requestId: string;
};

export type AuthedRequest = Request & { claims: TokenClaims; seller: Seller };

export type Route = {
  method: 'GET' | 'POST' | 'PATCH';
  /** Exact path, or a pattern with named groups for ids. */
  path: string | RegExp;
  /** Fault key and display name. */
  name: string;
  group: MethodGroup;
  /** null: any category will do (seller-info, ping). */
  category: Category | null;
  write?: boolean;
  /** False where WB refuses Base tokens ("base token is not allowed"). */
  baseAllowed?: boolean;
  /** Whether the path exists on a `-sandbox` host. */
  sandbox?: boolean;
  /** Test tokens are refused even where the path exists (seller-info). */
  testAllowed?: boolean;
  /** The service's own 403 body for a token without the category, where WB documents one. */
  scopeDenied?: (requestId: string) => Reply;
  /**
   * The gateway refuses a missing category or a read-only key with 401 rather than 403 where
   * WB documents no 403 (the answer writes and the single review).
   */
  deniesWith401?: boolean;
  handle: (req: AuthedRequest, params: Record<string, string>) => Reply;
};
