import { databaseEnv, loadEnv, runtimeEnv, webEnv } from '@wb-assist/config';

export const apiEnvSchemas = [runtimeEnv, databaseEnv, webEnv] as const;

export function loadApiEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(apiEnvSchemas, source);
}

export type ApiEnv = ReturnType<typeof loadApiEnv>;
