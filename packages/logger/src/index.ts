import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * Field names whose values are never written, wherever they appear in a log object: a WB key,
 * a bot token or a session must not reach a log file even by accident.
 */
export const REDACTED_PATHS = [
  'token',
  'apiKey',
  'key',
  'password',
  'secret',
  'authorization',
  'cookie',
  '*.token',
  '*.apiKey',
  '*.key',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

export interface LoggerOptions {
  name: string;
  level?: string;
  /** json for machines (default); pretty for a person at a terminal (the launcher sets it). */
  format?: 'json' | 'pretty';
}

export function createLogger({ name, level = 'info', format = 'json' }: LoggerOptions): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (format === 'pretty') {
    return pino(
      options,
      pretty({ colorize: true, ignore: 'pid,hostname,name', translateTime: 'SYS:HH:MM:ss', sync: true }),
    );
  }
  return pino(options);
}
