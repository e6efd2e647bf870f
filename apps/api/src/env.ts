import { cryptoEnv, databaseEnv, loadEnv, runtimeEnv, telegramEnv, wbEnv, webEnv } from '@wb-assist/config';

export const apiEnvSchemas = [runtimeEnv, databaseEnv, webEnv, telegramEnv, wbEnv, cryptoEnv] as const;

export function loadApiEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(apiEnvSchemas, source);
}

export type ApiEnv = ReturnType<typeof loadApiEnv>;
