import { cryptoEnv, databaseEnv, loadEnv, runtimeEnv, syncEnv, telegramEnv, wbEnv, webEnv } from '@wb-assist/config';

export const workerEnvSchemas = [runtimeEnv, databaseEnv, syncEnv, wbEnv, cryptoEnv, webEnv, telegramEnv] as const;

export function loadWorkerEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(workerEnvSchemas, source);
}

export type WorkerEnv = ReturnType<typeof loadWorkerEnv>;
