import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/content-security-policy';

// Read at `next start`, not at build time: one build serves every deployment's API address.
const apiUrl = process.env.PUBLIC_API_URL ?? 'http://localhost:4000';
const dev = process.env.NODE_ENV === 'development';

/**
 * A Content-Security-Policy with a fresh script nonce on every page. Next.js marks its own
 * inline scripts with the nonce it finds in the request's policy, so inline scripts need no
 * 'unsafe-inline'. Nonces need per-request rendering, which every page has anyway: the root
 * layout reads PUBLIC_API_URL per request. The other security headers are in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = contentSecurityPolicy({ nonce, apiUrl, dev });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files hold no inline script; prefetches are not documents.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
