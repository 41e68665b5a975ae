import fc from 'fast-check';
import { officeDateOf, WorkingDayCalendar } from '../../../src/domain/calendar';

describe('officeDateOf (the intake fast path for the WIB date)', () => {
  it('gives the same date as the time-zone library for any instant from 1970 to 2100', () => {
    const calendar = new WorkingDayCalendar([]);
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          expect(officeDateOf(d)).toBe(calendar.localDateOf(d));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('turns over at midnight WIB (17:00 UTC)', () => {
    expect(officeDateOf(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(officeDateOf(new Date('2026-12-31T17:00:00.000Z'))).toBe('2027-01-01');
  });
});
