/**
 * Hosts WB serves product photos from (`basket-NN.wbbasket.ru`, `static-basket-NN.wb.ru`, and
 * the older `*.wbstatic.net`), as the seller API's `photos` and `mediaFiles` fields show them.
 */
const WB_IMAGE_HOSTS = ['https://*.wbbasket.ru', 'https://*.wb.ru', 'https://*.wbstatic.net'];

export interface PolicyOptions {
  /** Fresh for every response: Next.js reads it from the request's policy and puts it on its scripts. */
  nonce: string;
  /** PUBLIC_API_URL: the browser talks to the API there over HTTP and WebSocket. */
  apiUrl: string;
  /** `next dev` needs eval (React rebuilds server error stacks with it) and inline styles. */
  dev: boolean;
}

/** The dashboard's Content-Security-Policy header value. */
export function contentSecurityPolicy({ nonce, apiUrl, dev }: PolicyOptions): string {
  const api = new URL(apiUrl).origin;
  const socket = api.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'strict-dynamic' lets the nonced bundles load their chunks and Telegram's widget script;
    // 'self' and telegram.org only count in browsers that predate it.
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      'https://telegram.org',
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    'style-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // React renders `style={…}` props as attributes, which cannot carry a nonce; an attribute
    // can restyle, but not run code or load from elsewhere.
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...WB_IMAGE_HOSTS],
    'font-src': ["'self'"],
    'connect-src': ["'self'", api, socket],
    // The Telegram Login Widget is an iframe of oauth.telegram.org.
    'frame-src': ['https://oauth.telegram.org'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  // No upgrade-insecure-requests: the demo and many self-hosted setups serve the API over plain
  // HTTP, and upgrading its requests to HTTPS would cut the dashboard off from it.
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
