import { z } from 'zod';
import { port, positiveInt } from './fields.ts';

/**
 * DATABASE_URL wins; otherwise POSTGRES_HOST and friends describe a server; otherwise (outside
 * production) an embedded PostgreSQL is started with the POSTGRES_* credentials.
 */
export const databaseEnv = z
  .object({
    NODE_ENV: z.string().default('development'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    POSTGRES_HOST: z.string().optional(),
    POSTGRES_PORT: port(5432),
    POSTGRES_USER: z.string().default('wb_assist'),
    POSTGRES_PASSWORD: z.string().default('wb_assist'),
    POSTGRES_DB: z.string().default('wb_assist_db'),
    DATABASE_POOL_SIZE: positiveInt(10, 500),
    EMBEDDED_POSTGRES_PORT: port(54329),
    /** Used instead of DATA_DIR/postgres when the postgres user cannot reach DATA_DIR (run as root in a private folder). */
    EMBEDDED_POSTGRES_FALLBACK_DIR: z.string().default('/var/lib/wb-assist'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.DATABASE_URL && !env.POSTGRES_HOST) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message:
          'required in production (or POSTGRES_HOST with POSTGRES_*); the embedded database is for development only',
      });
    }
  })
  .transform(({ NODE_ENV: _nodeEnv, ...env }) => env);

export type DatabaseEnv = z.output<typeof databaseEnv>;

export type DatabaseTarget =
  { kind: 'url'; url: string } | { kind: 'embedded'; port: number; user: string; password: string; database: string };

export function databaseTarget(env: DatabaseEnv): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'url', url: env.DATABASE_URL };
  if (env.POSTGRES_HOST) {
    const url = new URL('postgresql://');
    url.hostname = env.POSTGRES_HOST;
    url.port = String(env.POSTGRES_PORT);
    url.username = env.POSTGRES_USER;
    url.password = env.POSTGRES_PASSWORD;
    url.pathname = `/${env.POSTGRES_DB}`;
    return { kind: 'url', url: url.toString() };
  }
  return {
    kind: 'embedded',
    port: env.EMBEDDED_POSTGRES_PORT,
    user: env.POSTGRES_USER,
    password: env.POSTGRES_PASSWORD,
    database: env.POSTGRES_DB,
  };
}
