import pino, { type Logger } from 'pino';

/** Structured JSON logs (one object per line) for API, worker and scripts alike. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { service: name }, timestamp: pino.stdTimeFunctions.isoTime });
}
