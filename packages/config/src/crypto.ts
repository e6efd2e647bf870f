import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const key32 = z.string().transform((value, ctx) => {
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be 32 random bytes as 64 hex characters or base64 (openssl rand -base64 32)',
    });
    return z.NEVER;
  }
  return bytes;
});

export const cryptoEnv = z
  .object({
    NODE_ENV: z.string().default('development'),
    /** AES-256-GCM key for WB keys at rest. Losing it makes stored keys unreadable. */
    ENCRYPTION_KEY: key32.optional(),
    /** HMAC secret for the worker → bot notification webhook. */
    INTERNAL_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of ['ENCRYPTION_KEY', 'INTERNAL_WEBHOOK_SECRET'] as const) {
      if (env[name] === undefined) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
      }
    }
  })
  .transform(({ NODE_ENV: _nodeEnv, ...env }) => env);

export type CryptoEnv = z.output<typeof cryptoEnv>;

export interface Secrets {
  encryptionKey: Buffer;
  internalWebhookSecret: string;
}

/**
 * Secrets from the environment; outside production, missing ones are generated once and kept
 * in DATA_DIR/secrets.json (git-ignored), so the embedded defaults need no setup and keys
 * encrypted yesterday still decrypt today.
 */
export function resolveSecrets(env: CryptoEnv & { DATA_DIR: string }): Secrets {
  if (env.ENCRYPTION_KEY && env.INTERNAL_WEBHOOK_SECRET) {
    return { encryptionKey: env.ENCRYPTION_KEY, internalWebhookSecret: env.INTERNAL_WEBHOOK_SECRET };
  }
  const file = path.join(env.DATA_DIR, 'secrets.json');
  const stored = readStoredSecrets(file);
  const secrets: Secrets = {
    encryptionKey: env.ENCRYPTION_KEY ?? stored?.encryptionKey ?? randomBytes(32),
    internalWebhookSecret:
      env.INTERNAL_WEBHOOK_SECRET ?? stored?.internalWebhookSecret ?? randomBytes(32).toString('base64url'),
  };
  if (!stored) {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    const content = JSON.stringify({
      encryptionKey: secrets.encryptionKey.toString('base64'),
      internalWebhookSecret: secrets.internalWebhookSecret,
    });
    // wx: two apps starting at once must not each write a different key.
    try {
      fs.writeFileSync(file, `${content}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return resolveSecrets(env);
      throw error;
    }
  }
  return secrets;
}

function readStoredSecrets(file: string): Secrets | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = z.object({ encryptionKey: z.string(), internalWebhookSecret: z.string() }).safeParse(JSON.parse(raw));
  const encryptionKey = parsed.success ? Buffer.from(parsed.data.encryptionKey, 'base64') : undefined;
  if (!parsed.success || encryptionKey?.length !== 32) {
    throw new Error(`${file} is damaged; restore it from a backup (stored WB keys need the same key).`);
  }
  return { encryptionKey, internalWebhookSecret: parsed.data.internalWebhookSecret };
}
