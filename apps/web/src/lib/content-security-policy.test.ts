import { expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

it('lets the browser reach an HTTPS API over wss, and nothing else outside', () => {
  const policy = contentSecurityPolicy({ nonce: 'abc', apiUrl: 'https://api.example.ru/base/', dev: false });
  expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://api.example.ru', 'wss://api.example.ru']);
  expect(directive(policy, 'script-src')).toEqual([
    "'self'",
    "'nonce-abc'",
    "'strict-dynamic'",
    'https://telegram.org',
  ]);
  expect(directive(policy, 'style-src')).toEqual(["'self'", "'nonce-abc'"]);
  expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
});

it('allows eval and inline styles only under next dev', () => {
  const policy = contentSecurityPolicy({ nonce: 'abc', apiUrl: 'http://localhost:4000', dev: true });
  expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
  expect(directive(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://localhost:4000', 'ws://localhost:4000']);
});
