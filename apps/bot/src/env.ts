import { cryptoEnv, databaseEnv, loadEnv, runtimeEnv, syncEnv, telegramEnv, wbEnv, webEnv } from '@wb-assist/config';

export const botEnvSchemas = [runtimeEnv, databaseEnv, telegramEnv, webEnv, wbEnv, syncEnv, cryptoEnv] as const;

export function loadBotEnv(source: Record<string, string | undefined> = process.env) {
  return loadEnv(botEnvSchemas, source);
}

export type BotEnv = ReturnType<typeof loadBotEnv>;
