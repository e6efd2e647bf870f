import { cryptoEnv } from './crypto.ts';
import { databaseEnv } from './database.ts';
import { envVariableNames } from './load-env.ts';
import { runtimeEnv } from './runtime.ts';
import { syncEnv } from './sync.ts';
import { telegramEnv } from './telegram.ts';
import { webEnv } from './web.ts';
import { wbEnv } from './wb.ts';

/** Every concern; apps compose the ones they need. */
export const allEnvSchemas = [runtimeEnv, databaseEnv, wbEnv, telegramEnv, webEnv, syncEnv, cryptoEnv] as const;

/** Every variable the system reads, for docs and checks (.env.example, docker-compose.yml). */
export function knownVariables(): Set<string> {
  return new Set(allEnvSchemas.flatMap((schema) => envVariableNames(schema)));
}
