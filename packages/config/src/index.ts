export { EnvError, envVariableNames, loadEnv, parseEnv, type EnvOf, type EnvSchema } from './load-env.ts';
export { allEnvSchemas, knownVariables } from './all.ts';
export { runtimeEnv, repoRoot, type RuntimeEnv } from './runtime.ts';
export { databaseEnv, databaseTarget, type DatabaseEnv, type DatabaseTarget } from './database.ts';
export { wbEnv, type WbEnv } from './wb.ts';
export { telegramEnv, type TelegramEnv } from './telegram.ts';
export { webEnv, type WebEnv } from './web.ts';
export { syncEnv, type SyncEnv } from './sync.ts';
export { cryptoEnv, resolveSecrets, type CryptoEnv, type Secrets } from './crypto.ts';
