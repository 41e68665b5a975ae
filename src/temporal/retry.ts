import { backOff } from 'exponential-backoff';
import type { Logger } from 'pino';

export interface RetryOptions {
  log: Logger;
  /** Asked after each failure; false ends the retries (the process is shutting down). */
  keepTrying: () => boolean;
  /** Attempts before the last error is thrown; unlimited by default. */
  attempts?: number;
  /** Longest pause between two attempts; also bounds how late a shutdown is noticed. */
  maxDelayMs?: number;
}

/**
 * Runs a call to Temporal until it succeeds, pausing between attempts (0.5 s doubling up to
 * `maxDelayMs`, jittered) and logging each failure. Used where giving up would strand work: a worker
 * that exits because Temporal restarts at the moment it starts leaves every complaint waiting until
 * someone notices and restarts it.
 */
export function retryTemporalCall<T>(what: string, call: () => Promise<T>, opts: RetryOptions): Promise<T> {
  return backOff(call, {
    numOfAttempts: opts.attempts ?? Number.POSITIVE_INFINITY,
    startingDelay: 500,
    maxDelay: opts.maxDelayMs ?? 5_000,
    jitter: 'full',
    retry: (err: unknown, nextAttempt: number) => {
      const keepTrying = opts.keepTrying();
      opts.log.warn(
        { err: err instanceof Error ? err.message : String(err), nextAttempt, keepTrying },
        `${what} failed; ${keepTrying ? 'retrying' : 'giving up (shutting down)'}`,
      );
      return keepTrying;
    },
  });
}
