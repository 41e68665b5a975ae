import { loadConfig } from '../../../src/config/config';
import {
  IDEMPOTENCY_RECORD_DAYS,
  isRetentionDue,
  logRetentionCutoffs,
  retentionCutoff,
  retentionDueAt,
} from '../../../src/domain/retention';

const now = new Date('2026-12-02T03:00:00Z');
const yearsAgo = (years: number, extraMs = 0) => new Date(Date.UTC(2026 - years, 11, 2, 3, 0, 0) - extraMs);
const closed = (closedAt: Date, more: Record<string, unknown> = {}) => ({
  status: 'RESOLVED',
  closedAt,
  objectedAt: null,
  anonymisedAt: null,
  ...more,
});

describe('retention of personal data', () => {
  it('is due exactly when the period since closure has ended, not a millisecond before', () => {
    expect(isRetentionDue(closed(yearsAgo(5)), now, 5)).toBe(true);
    expect(isRetentionDue(closed(yearsAgo(5, -1)), now, 5)).toBe(false);
    expect(isRetentionDue(closed(yearsAgo(6)), now, 5)).toBe(true);
    expect(isRetentionDue(closed(yearsAgo(4)), now, 5)).toBe(false);
  });

  it('covers every closed outcome: answered, rejected and forwarded', () => {
    for (const status of ['RESOLVED', 'REJECTED', 'FORWARDED'])
      expect(isRetentionDue(closed(yearsAgo(6), { status }), now, 5)).toBe(true);
  });

  it('leaves open cases alone, however old (an objection reopens a case: its status is open again)', () => {
    for (const status of ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE'])
      expect(isRetentionDue(closed(yearsAgo(6), { status }), now, 5)).toBe(false);
    expect(isRetentionDue(closed(yearsAgo(6), { status: 'RECEIVED', closedAt: null }), now, 5)).toBe(false);
  });

  it('never takes a case that may still be objected to, even with the shortest period', () => {
    // Closed one year ago minus a day: the period has not ended. One year and one day ago: due.
    const day = 86_400_000;
    expect(isRetentionDue(closed(yearsAgo(1, -day)), now, 1)).toBe(false);
    expect(isRetentionDue(closed(yearsAgo(1, day)), now, 1)).toBe(true);
    // A clock far behind the closure (objection window open) is never due.
    expect(isRetentionDue(closed(now), new Date(now.getTime() + day), 1)).toBe(false);
  });

  it('skips a complaint already anonymised, and counts from the second closure after an objection', () => {
    expect(isRetentionDue(closed(yearsAgo(6), { anonymisedAt: yearsAgo(1) }), now, 5)).toBe(false);
    expect(isRetentionDue(closed(yearsAgo(4), { objectedAt: yearsAgo(6) }), now, 5)).toBe(false);
    expect(isRetentionDue(closed(yearsAgo(6), { objectedAt: yearsAgo(6, 1) }), now, 5)).toBe(true);
  });

  it('refuses a period shorter than a year or not whole', () => {
    expect(() => isRetentionDue(closed(yearsAgo(6)), now, 0)).toThrow(RangeError);
    expect(() => isRetentionDue(closed(yearsAgo(6)), now, 1.5)).toThrow(RangeError);
  });

  it('counts calendar years (29 February rolls over) and its cutoff selects every due closure', () => {
    const leap = new Date('2024-02-29T05:00:00Z');
    expect(retentionDueAt(leap, 1).toISOString()).toBe('2025-03-01T05:00:00.000Z');
    expect(retentionDueAt(leap, 4).toISOString()).toBe('2028-02-29T05:00:00.000Z');
    expect(retentionCutoff(now, 5).toISOString()).toBe('2021-12-02T03:00:00.000Z');
    const due = retentionDueAt(leap, 1);
    expect(leap.getTime()).toBeLessThanOrEqual(retentionCutoff(due, 1).getTime());
  });

  it('is configured by PERSONAL_DATA_RETENTION_YEARS: 5 by default, at least 1', () => {
    expect(loadConfig({}).personalDataRetentionYears).toBe(5);
    expect(loadConfig({ PERSONAL_DATA_RETENTION_YEARS: '10' }).personalDataRetentionYears).toBe(10);
    expect(() => loadConfig({ PERSONAL_DATA_RETENTION_YEARS: '0' })).toThrow(/PERSONAL_DATA_RETENTION_YEARS/);
    expect(() => loadConfig({ PERSONAL_DATA_RETENTION_YEARS: 'lima' })).toThrow(
      /PERSONAL_DATA_RETENTION_YEARS/,
    );
  });
});

describe('retention of the logs about people', () => {
  it('deletes log rows older than LOG_RETENTION_YEARS and Idempotency-Keys older than 30 days', () => {
    const { logsBefore, idempotencyBefore } = logRetentionCutoffs(now, 5);
    expect(logsBefore.toISOString()).toBe('2021-12-02T03:00:00.000Z');
    expect(IDEMPOTENCY_RECORD_DAYS).toBe(30);
    expect(idempotencyBefore.toISOString()).toBe('2026-11-02T03:00:00.000Z');
    expect(logRetentionCutoffs(now, 2).logsBefore.toISOString()).toBe('2024-12-02T03:00:00.000Z');
    expect(() => logRetentionCutoffs(now, 0)).toThrow(RangeError);
    expect(() => logRetentionCutoffs(now, 1.5)).toThrow(RangeError);
  });

  it('is configured by LOG_RETENTION_YEARS: 5 by default, at least 1', () => {
    expect(loadConfig({}).logRetentionYears).toBe(5);
    expect(loadConfig({ LOG_RETENTION_YEARS: '2' }).logRetentionYears).toBe(2);
    expect(() => loadConfig({ LOG_RETENTION_YEARS: '0' })).toThrow(/LOG_RETENTION_YEARS/);
  });
});
