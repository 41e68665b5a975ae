import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  computeDueAt,
  OFFICE_ZONE,
  SLA_WORKING_DAYS,
  WorkingDayCalendar,
} from '../../../src/domain/calendar';
import { OFFICIAL_HOLIDAY_YEARS, officialHolidays } from '../../../src/domain/holidays';

const DAY_MS = 86_400_000;
const BASE = DateTime.fromISO('2024-01-01', { zone: OFFICE_ZONE });

/** Instants between 2024 and the end of 2027, at millisecond resolution. */
const instantArb = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});
/** Random holiday lists over the same years (dense enough to often hit the SLA window). */
const holidaysArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 4 * 366 + 60 }), { maxLength: 400 })
  .map((offsets) => offsets.map((d) => BASE.plus({ days: d }).toISODate()!));
const calendarArb = fc.oneof(
  holidaysArb.map((dates) => new WorkingDayCalendar(dates)),
  fc.constant(
    new WorkingDayCalendar(OFFICIAL_HOLIDAY_YEARS.flatMap((y) => officialHolidays(y)!.map((h) => h.date))),
  ),
);

const inWib = (d: Date) => DateTime.fromJSDate(d, { zone: OFFICE_ZONE });

describe('computeDueAt properties', () => {
  it('falls at 23:59:59.999 WIB on a working day', () => {
    fc.assert(
      fc.property(instantArb, calendarArb, (receivedAt, cal) => {
        const due = computeDueAt(receivedAt, cal);
        expect(inWib(due).toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
        // WIB is UTC+7 without DST, so midnight WIB is 17:00 UTC.
        expect((due.getTime() + 1) % DAY_MS).toBe(17 * 3_600_000);
        expect(cal.isWorkingDay(cal.localDateOf(due))).toBe(true);
      }),
    );
  });

  it('leaves exactly SLA_WORKING_DAYS working days after receipt, the last one being the due day', () => {
    fc.assert(
      fc.property(instantArb, calendarArb, (receivedAt, cal) => {
        const due = computeDueAt(receivedAt, cal);
        expect(cal.workingDaysBetween(receivedAt, due)).toBe(SLA_WORKING_DAYS);
        // Minimal: the day before the due day still has only 9 working days behind it.
        expect(cal.workingDaysBetween(receivedAt, new Date(due.getTime() - DAY_MS))).toBe(
          SLA_WORKING_DAYS - 1,
        );
      }),
    );
  });

  it('is at least 12 calendar days after receipt, and 12 to 14 with no holidays', () => {
    const bare = new WorkingDayCalendar([]);
    // Without holidays the span is fixed by the weekday of receipt: Sunday 12, Saturday 13, else 14.
    const expectedSpan = (weekday: number) => (weekday === 7 ? 12 : weekday === 6 ? 13 : 14);
    fc.assert(
      fc.property(instantArb, calendarArb, (receivedAt, cal) => {
        expect(computeDueAt(receivedAt, cal).getTime() - receivedAt.getTime()).toBeGreaterThanOrEqual(
          12 * DAY_MS,
        );
        const received = inWib(receivedAt).startOf('day');
        const span = inWib(computeDueAt(receivedAt, bare)).startOf('day').diff(received, 'days').days;
        expect(span).toBe(expectedSpan(received.weekday));
      }),
    );
  });

  it('is monotonic in the time of receipt', () => {
    fc.assert(
      fc.property(instantArb, instantArb, calendarArb, (a, b, cal) => {
        const [r1, r2] = a <= b ? [a, b] : [b, a];
        expect(computeDueAt(r1, cal).getTime()).toBeLessThanOrEqual(computeDueAt(r2, cal).getTime());
      }),
    );
  });

  it('never moves earlier when a holiday is added', () => {
    fc.assert(
      fc.property(
        instantArb,
        holidaysArb,
        fc.integer({ min: 0, max: 4 * 366 + 60 }),
        (receivedAt, dates, extra) => {
          const before = computeDueAt(receivedAt, new WorkingDayCalendar(dates));
          const added = new WorkingDayCalendar([...dates, BASE.plus({ days: extra }).toISODate()!]);
          expect(computeDueAt(receivedAt, added).getTime()).toBeGreaterThanOrEqual(before.getTime());
        },
      ),
    );
  });

  it('does not depend on the time of day within one WIB date', () => {
    fc.assert(
      fc.property(instantArb, calendarArb, fc.integer({ min: 0, max: DAY_MS - 1 }), (receivedAt, cal, ms) => {
        const sameDay = inWib(receivedAt).startOf('day').plus({ milliseconds: ms }).toJSDate();
        expect(computeDueAt(sameDay, cal)).toEqual(computeDueAt(receivedAt, cal));
      }),
    );
  });
});

describe('other calendar properties', () => {
  it('addWorkingDays(r, n) has exactly n working days after r', () => {
    fc.assert(
      fc.property(instantArb, calendarArb, fc.integer({ min: 1, max: 40 }), (receivedAt, cal, n) => {
        expect(cal.workingDaysBetween(receivedAt, cal.addWorkingDays(receivedAt, n))).toBe(n);
      }),
    );
  });

  it('reminders fall at 08:00 WIB on working days after receipt, n working days before the deadline', () => {
    fc.assert(
      fc.property(
        instantArb,
        calendarArb,
        fc.integer({ min: 0, max: SLA_WORKING_DAYS - 1 }),
        (receivedAt, cal, n) => {
          const due = computeDueAt(receivedAt, cal);
          const at = cal.workingDaysBefore(due, n);
          expect(inWib(at).toFormat('HH:mm:ss.SSS')).toBe('08:00:00.000');
          expect(cal.isWorkingDay(cal.localDateOf(at))).toBe(true);
          expect(cal.localDateOf(at) > cal.localDateOf(receivedAt)).toBe(true);
          expect(cal.workingDaysBetween(at, due)).toBe(n);
        },
      ),
    );
  });

  it('workingDaysBetween adds up over consecutive ranges', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, calendarArb, (x, y, z, cal) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        expect(cal.workingDaysBetween(a, c)).toBe(
          cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c),
        );
        expect(cal.workingDaysBetween(c, a)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });
});

/**
 * The calendar counts WIB days as integers; this is the same rule written with luxon dates in
 * Asia/Jakarta (the earlier implementation). Both must agree everywhere.
 */
class LuxonReference {
  constructor(private readonly nonWorking: Set<string>) {}
  private day(instant: Date) {
    return DateTime.fromJSDate(instant, { zone: 'Asia/Jakarta' }).startOf('day');
  }
  private working(day: DateTime) {
    return day.weekday <= 5 && !this.nonWorking.has(day.toISODate()!);
  }
  private step(start: DateTime, n: number, direction: 1 | -1) {
    let day = start;
    for (let found = 0; found < n; ) {
      day = day.plus({ days: direction });
      if (this.working(day)) found++;
    }
    return day;
  }
  addWorkingDays(at: Date, n: number) {
    return this.step(this.day(at), n, 1).endOf('day').toJSDate();
  }
  workingDaysBefore(at: Date, n: number, hour: number) {
    return this.step(this.day(at), n, -1).set({ hour }).toJSDate();
  }
  workingDaysBetween(from: Date, to: Date) {
    let count = 0;
    for (let day = this.day(from).plus({ days: 1 }); day <= this.day(to); day = day.plus({ days: 1 }))
      if (this.working(day)) count++;
    return count;
  }
  localDateOf(at: Date) {
    return this.day(at).toISODate();
  }
}

describe('WorkingDayCalendar agrees with luxon in Asia/Jakarta', () => {
  it('on deadlines, reminders, counts and dates', () => {
    fc.assert(
      fc.property(
        instantArb,
        instantArb,
        holidaysArb,
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 23 }),
        (a, b, holidays, n, hour) => {
          const cal = new WorkingDayCalendar(holidays);
          const ref = new LuxonReference(new Set(holidays));
          expect(cal.addWorkingDays(a, n)).toEqual(ref.addWorkingDays(a, n));
          expect(cal.workingDaysBefore(a, n - 1, hour)).toEqual(ref.workingDaysBefore(a, n - 1, hour));
          expect(cal.workingDaysBetween(a, b)).toBe(ref.workingDaysBetween(a, b));
          expect(cal.localDateOf(a)).toBe(ref.localDateOf(a));
          for (const date of holidays.slice(0, 5)) expect(cal.isWorkingDay(date)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '26-01-01', '2026-00-10'])
      expect(() => new WorkingDayCalendar([bad])).toThrow(RangeError);
    expect(() => new WorkingDayCalendar(['2028-02-29'])).not.toThrow();
  });
});
