import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, found from this file so it does not depend on the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const runtimeEnv = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      error: 'must be development, test or production',
    })
    .default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  /** json lines for machines; pretty for a person at a terminal (npm start sets it). */
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default('json'),
  /** Where the embedded defaults keep their state (database files, generated secrets). */
  DATA_DIR: z
    .string()
    .default(path.join(repoRoot, '.data'))
    .transform((dir) => path.resolve(repoRoot, dir)),
});

export type RuntimeEnv = z.output<typeof runtimeEnv>;
