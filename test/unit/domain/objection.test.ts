import {
  canObject,
  checkObjection,
  OBJECTION_REASON_MAX,
  objectionDeadline,
} from '../../../src/domain/objection';

// Answered Tuesday 1 December 2026 at 16:00 WIB (09:00 UTC).
const closedAt = new Date('2026-12-01T09:00:00Z');
const answered = { status: 'RESOLVED', closedAt, objectedAt: null };
const at = (iso: string) => new Date(iso);

describe('objection window', () => {
  it('ends at the end of the 14th WIB calendar day after the answer', () => {
    expect(objectionDeadline(closedAt).toISOString()).toBe('2026-12-15T16:59:59.999Z');
  });

  it('counts from the WIB date of the answer, not the UTC one', () => {
    // 2 December 00:30 WIB is still 1 December in UTC.
    expect(objectionDeadline(at('2026-12-01T17:30:00Z')).toISOString()).toBe('2026-12-16T16:59:59.999Z');
  });

  it('accepts an objection until the last millisecond of the window and refuses it after (422)', () => {
    expect(checkObjection(answered, 'Tanggapan tidak menjawab', at('2026-12-15T16:59:59.999Z'))).toBeNull();
    const late = checkObjection(answered, 'Tanggapan tidak menjawab', at('2026-12-15T17:00:00Z'));
    expect(late).toEqual({ type: 'RULE', message: expect.stringContaining('15 Des 2026') });
  });

  it('accepts an objection to a rejection (a rejection is an answer too)', () => {
    expect(checkObjection({ ...answered, status: 'REJECTED' }, 'Ini wewenang DPM-PTSP', closedAt)).toBeNull();
  });
});

describe('checkObjection', () => {
  const now = at('2026-12-03T02:00:00Z');

  it('refuses a second objection (409)', () => {
    const r = checkObjection({ ...answered, objectedAt: at('2026-12-02T02:00:00Z') }, 'lagi', now);
    expect(r?.type).toBe('CONFLICT');
    expect(r?.message).toMatch(/satu kali/);
  });

  it('refuses an objection to a case still being handled (409)', () => {
    for (const status of ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE']) {
      expect(checkObjection({ status, closedAt: null, objectedAt: null }, 'alasan', now)?.type).toBe(
        'CONFLICT',
      );
    }
  });

  it('sends an objection to a forwarded case to the agency it went to (422)', () => {
    const r = checkObjection({ ...answered, status: 'FORWARDED' }, 'Ini wewenang DPM-PTSP', now);
    expect(r).toEqual({ type: 'RULE', message: expect.stringContaining('instansi yang berwenang') });
    expect(canObject({ ...answered, status: 'FORWARDED' }, now)).toBe(false);
  });

  it('asks for a reason that says something and is not too long', () => {
    expect(checkObjection(answered, undefined, now)?.type).toBe('INVALID');
    expect(checkObjection(answered, '', now)?.type).toBe('INVALID');
    expect(checkObjection(answered, '   \n ', now)?.type).toBe('RULE');
    expect(checkObjection(answered, 'x'.repeat(OBJECTION_REASON_MAX + 1), now)?.type).toBe('INVALID');
    expect(checkObjection(answered, ` ${'x'.repeat(OBJECTION_REASON_MAX)} `, now)).toBeNull();
  });

  it('tells the tracking page whether to offer the form', () => {
    expect(canObject(answered, now)).toBe(true);
    expect(canObject({ ...answered, objectedAt: now }, now)).toBe(false);
    expect(canObject(answered, at('2026-12-20T00:00:00Z'))).toBe(false);
  });
});
