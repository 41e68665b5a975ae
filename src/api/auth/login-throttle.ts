/**
 * Sign-in throttling: failures are counted per username and per client address; from the
 * threshold on, each failure locks the key for a growing time. The arithmetic is here; the counts
 * live in the login_throttle table (LoginThrottleRepository) so they hold across API replicas.
 */

/** Failures before a key is locked: per username, and (higher: many staff may share one office address) per client address. */
export const LOGIN_FAILURE_THRESHOLD = { user: 5, ip: 20 } as const;

/** The first lock; each further failure doubles it. */
export const LOCK_BASE_SECONDS = 15;

/** No lock is longer. */
export const LOCK_MAX_SECONDS = 15 * 60;

/** A key's count starts again when its last failure is older than this. */
export const FAILURE_WINDOW_MS = 60 * 60 * 1000;

export type ThrottleKind = keyof typeof LOGIN_FAILURE_THRESHOLD;

export function throttleKey(kind: ThrottleKind, value: string): string {
  return `${kind}:${value}`.slice(0, 200);
}

/**
 * Seconds a key is locked for after its `failures`-th failure: none below the threshold, then
 * 2^(failures - threshold) × 15 s, at most 15 minutes.
 */
export function lockSeconds(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  const doublings = Math.min(failures - threshold, 30);
  return Math.min(LOCK_MAX_SECONDS, LOCK_BASE_SECONDS * 2 ** doublings);
}

/** Whole seconds until `until` (at least 1), for Retry-After. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** "45 detik", "2 menit", "15 menit": how long to wait, for the Bahasa message. */
export function waitInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} detik` : `${Math.ceil(seconds / 60)} menit`;
}
