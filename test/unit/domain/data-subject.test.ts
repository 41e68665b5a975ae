import {
  erasureRefusal,
  maskEmail,
  maskedKeys,
  maskPhone,
  matchedKeys,
  normalisePhone,
} from '../../../src/domain/data-subject';

const DAY = 86_400_000;
const now = new Date('2026-12-20T03:00:00Z');
const closed = (status: string, daysAgo: number, extra: Record<string, unknown> = {}) => ({
  status,
  closedAt: new Date(now.getTime() - daysAgo * DAY),
  objectedAt: null,
  identityMode: 'BIASA',
  anonymised: false,
  ...extra,
});

describe('erasure rule', () => {
  it('refuses a case still being handled: the office must still answer the complainant', () => {
    for (const status of ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE'])
      expect(erasureRefusal({ status, closedAt: null, anonymised: false }, now)?.code).toBe('OPEN');
  });

  it('refuses an answer or rejection while an objection may still be filed, naming the last day', () => {
    const refusal = erasureRefusal(closed('RESOLVED', 3), now);
    expect(refusal?.code).toBe('OBJECTION_WINDOW');
    expect(refusal?.message).toMatch(/keberatan masih berjalan sampai 31 Des 2026/);
    expect(erasureRefusal(closed('REJECTED', 14), now)?.code).toBe('OBJECTION_WINDOW');
  });

  it('allows a closed case once the objection window has passed, or once the one objection was filed', () => {
    expect(erasureRefusal(closed('RESOLVED', 16), now)).toBeNull();
    expect(erasureRefusal(closed('REJECTED', 30), now)).toBeNull();
    expect(
      erasureRefusal(closed('RESOLVED', 2, { objectedAt: new Date(now.getTime() - 20 * DAY) }), now),
    ).toBeNull();
    // Forwarded to the competent agency: the objection goes there, nothing to wait for here.
    expect(erasureRefusal(closed('FORWARDED', 0), now)).toBeNull();
  });

  it('skips what holds no identity: an anonymous complaint, an already anonymised one', () => {
    expect(erasureRefusal(closed('RESOLVED', 30, { identityMode: 'ANONIM' }), now)?.code).toBe('NO_IDENTITY');
    expect(erasureRefusal(closed('RESOLVED', 30, { anonymised: true }), now)?.code).toBe(
      'ALREADY_ANONYMISED',
    );
  });
});

describe('person keys', () => {
  it('match a stored identity normalised: e-mail case, phone 0/62/+62 forms and punctuation', () => {
    const stored = { nik: '1674011203850001', phone: '0812-3456-7890', email: 'Budi@Example.com' };
    expect(matchedKeys({ email: 'budi@example.COM' }, stored)).toEqual(['email']);
    expect(matchedKeys({ phone: '+62 812 3456 7890' }, stored)).toEqual(['phone']);
    expect(matchedKeys({ nik: '1674011203850001', phone: '6281234567890' }, stored)).toEqual([
      'nik',
      'phone',
    ]);
    expect(matchedKeys({ nik: '1674011203850002', email: 'budi@example.org' }, stored)).toEqual([]);
    expect(matchedKeys({ email: 'budi@example.com' }, { email: null })).toEqual([]);
    expect(normalisePhone('62812')).toBe('0812');
  });

  it('are logged masked, never in full', () => {
    expect(
      maskedKeys({ nik: '1674011203850001', phone: '081234567890', email: 'budi.santoso@example.com' }),
    ).toEqual({
      nik: '1674**********01',
      phone: '0812******90',
      email: 'b***@example.com',
    });
    expect(maskedKeys({ email: '  ' })).toEqual({});
    expect(maskPhone('+62 812 3456 7890')).toBe('0812******90');
    expect(maskEmail('x')).toBe('*');
  });
});
