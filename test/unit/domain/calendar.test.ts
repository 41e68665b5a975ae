import { DateTime } from 'luxon';
import {
  calendarYearsFor,
  computeDueAt,
  isLocalDate,
  OFFICE_ZONE,
  SLA_WORKING_DAYS,
  WorkingDayCalendar,
} from '../../../src/domain/calendar';
import { OFFICIAL_HOLIDAY_YEARS, officialHolidays } from '../../../src/domain/holidays';

/** An instant written as WIB wall-clock time, e.g. wib('2026-11-27 15:00'). */
const wib = (text: string): Date => {
  const dt = DateTime.fromFormat(text, text.length > 16 ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm', {
    zone: OFFICE_ZONE,
  });
  if (!dt.isValid) throw new Error(`bad test date ${text}`);
  return dt.toJSDate();
};
/** The end of a WIB date, which is what a deadline must be. */
const endOf = (date: string): Date => wib(`${date} 23:59:59.999`);

const official = new WorkingDayCalendar(
  OFFICIAL_HOLIDAY_YEARS.flatMap((y) => officialHolidays(y)!.map((h) => h.date)),
);
const bare = new WorkingDayCalendar([]);

describe('constants', () => {
  it('follows the SOP: 10 working days, office in WIB', () => {
    expect(SLA_WORKING_DAYS).toBe(10);
    expect(OFFICE_ZONE.name).toBe('UTC+7');
  });

  it('keeps WIB as the IANA zone Asia/Jakarta has it, on every day from 1970 to 2100', () => {
    for (let t = Date.UTC(1970, 0, 1, 12); t < Date.UTC(2101, 0, 1); t += 86_400_000 + 3_600_001) {
      const fixed = DateTime.fromMillis(t, { zone: OFFICE_ZONE });
      const iana = DateTime.fromMillis(t, { zone: 'Asia/Jakarta' });
      if (fixed.toISO() !== iana.toISO()) throw new Error(`${fixed.toISO()} != ${iana.toISO()}`);
    }
  });
});

describe('isLocalDate', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-28')).toBe(false);
    expect(isLocalDate('2026-02-28T00:00')).toBe(false);
    expect(isLocalDate(20260228)).toBe(false);
  });
});

describe('WorkingDayCalendar basics', () => {
  it('treats weekends and listed dates as non-working', () => {
    expect(official.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(official.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(official.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(official.isWorkingDay('2026-03-20')).toBe(false); // cuti bersama Idulfitri, a Friday
    expect(official.isWorkingDay('2026-03-25')).toBe(true);
    expect(bare.isWorkingDay('2026-03-20')).toBe(true);
  });

  it('rejects malformed dates instead of silently ignoring them', () => {
    expect(() => new WorkingDayCalendar(['2026-02-30'])).toThrow(RangeError);
    expect(() => new WorkingDayCalendar(['20-03-2026'])).toThrow(RangeError);
    expect(() => official.isWorkingDay('2026-13-01')).toThrow(RangeError);
  });

  it('reads the calendar date in WIB, not UTC', () => {
    expect(bare.localDateOf(new Date('2026-11-26T16:59:59.999Z'))).toBe('2026-11-26');
    expect(bare.localDateOf(new Date('2026-11-26T17:00:00.000Z'))).toBe('2026-11-27');
    expect(() => bare.localDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('computeDueAt examples', () => {
  it('Friday afternoon: day 1 is Monday, due end of Friday two weeks later', () => {
    const due = computeDueAt(wib('2026-11-27 15:00'), official);
    expect(due.toISOString()).toBe('2026-12-11T16:59:59.999Z');
    expect(due).toEqual(endOf('2026-12-11'));
    expect(computeDueAt(wib('2026-11-27 15:00'), bare)).toEqual(endOf('2026-12-11'));
  });

  it('the time of day does not matter, only the WIB date', () => {
    expect(computeDueAt(wib('2026-11-27 00:00'), official)).toEqual(endOf('2026-12-11'));
    expect(computeDueAt(wib('2026-11-27 23:59'), official)).toEqual(endOf('2026-12-11'));
    // Thursday 20:00 UTC is already Friday 03:00 in WIB.
    expect(computeDueAt(new Date('2026-11-26T20:00:00Z'), official)).toEqual(endOf('2026-12-11'));
    expect(computeDueAt(wib('2026-11-26 23:59'), official)).toEqual(endOf('2026-12-10'));
  });

  it('received on Saturday or Sunday counts from Monday', () => {
    expect(computeDueAt(wib('2026-11-28 10:00'), official)).toEqual(endOf('2026-12-11'));
    expect(computeDueAt(wib('2026-11-29 23:30'), official)).toEqual(endOf('2026-12-11'));
  });

  it('holidays inside the window push the deadline back', () => {
    // 14 May Kenaikan, 15 May cuti bersama, 27 May Iduladha, 28 May cuti bersama (2026).
    expect(computeDueAt(wib('2026-05-11 09:00'), official)).toEqual(endOf('2026-05-29'));
    expect(computeDueAt(wib('2026-05-11 09:00'), bare)).toEqual(endOf('2026-05-25'));
  });

  it('received on a holiday counts from the next working day', () => {
    // 17 Aug 2026 (Monday) is Independence Day; 25 Aug is Maulid Nabi.
    expect(computeDueAt(wib('2026-08-17 10:00'), official)).toEqual(endOf('2026-09-01'));
  });

  it('skips the whole Idulfitri 2026 period (Nyepi, cuti bersama, Idulfitri, Good Friday)', () => {
    // Non-working: 18-24 Mar and 3 Apr. Working: 25, 26, 27, 30, 31 Mar, 1, 2, 6, 7, 8 Apr.
    expect(computeDueAt(wib('2026-03-17 10:00'), official)).toEqual(endOf('2026-04-08'));
    expect(computeDueAt(wib('2026-03-17 10:00'), bare)).toEqual(endOf('2026-03-31'));
  });

  it('crosses the 2025 -> 2026 year boundary with both lists', () => {
    // 25 Dec holiday, 26 Dec 2025 cuti bersama, 1 Jan 2026 holiday.
    expect(computeDueAt(wib('2025-12-22 14:00'), official)).toEqual(endOf('2026-01-08'));
  });

  it('rejects non-positive or fractional counts', () => {
    expect(() => bare.addWorkingDays(wib('2026-11-27 15:00'), 0)).toThrow(RangeError);
    expect(() => bare.addWorkingDays(wib('2026-11-27 15:00'), 1.5)).toThrow(RangeError);
  });

  it('refuses to loop forever when the list has no working day for years', () => {
    const start = DateTime.fromISO('2027-01-01', { zone: OFFICE_ZONE });
    const everyDay = Array.from({ length: 4000 }, (_, i) => start.plus({ days: i }).toISODate()!);
    const blocked = new WorkingDayCalendar(everyDay);
    expect(() => computeDueAt(wib('2026-12-31 10:00'), blocked)).toThrow(/consecutive non-working days/);
  });
});

describe('workingDaysBefore', () => {
  const due = endOf('2026-12-11');

  it('gives 08:00 WIB n working days before the due day', () => {
    expect(official.workingDaysBefore(due, 3)).toEqual(wib('2026-12-08 08:00'));
    expect(official.workingDaysBefore(due, 1)).toEqual(wib('2026-12-10 08:00'));
    expect(official.workingDaysBefore(due, 0)).toEqual(wib('2026-12-11 08:00'));
  });

  it('takes another hour when asked', () => {
    expect(official.workingDaysBefore(due, 1, 13)).toEqual(wib('2026-12-10 13:00'));
    expect(() => official.workingDaysBefore(due, 1, 24)).toThrow(RangeError);
  });

  it('skips weekends and holidays going backwards', () => {
    // Due Wed 8 Apr 2026: 7 Apr, 6 Apr, (3 Apr Good Friday), 2 Apr.
    expect(official.workingDaysBefore(endOf('2026-04-08'), 3)).toEqual(wib('2026-04-02 08:00'));
    // Due Monday: one working day before is the previous Friday.
    expect(official.workingDaysBefore(endOf('2026-12-14'), 1)).toEqual(wib('2026-12-11 08:00'));
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the last', () => {
    expect(official.workingDaysBetween(wib('2026-11-27 15:00'), endOf('2026-12-11'))).toBe(10);
    expect(official.workingDaysBetween(wib('2026-11-27 15:00'), wib('2026-11-30 08:00'))).toBe(1);
    expect(official.workingDaysBetween(wib('2026-03-13 10:00'), wib('2026-03-25 10:00'))).toBe(3);
    expect(bare.workingDaysBetween(wib('2026-03-13 10:00'), wib('2026-03-25 10:00'))).toBe(8);
  });

  it('is 0 on the same WIB day or when to is before from', () => {
    expect(official.workingDaysBetween(wib('2026-11-30 08:00'), wib('2026-11-30 17:00'))).toBe(0);
    expect(official.workingDaysBetween(wib('2026-12-11 08:00'), wib('2026-11-30 08:00'))).toBe(0);
    // Friday to Sunday: no working day in between.
    expect(official.workingDaysBetween(wib('2026-11-27 08:00'), wib('2026-11-29 08:00'))).toBe(0);
  });
});

describe('calendarYearsFor', () => {
  it('asks for next year only for complaints received in December (WIB)', () => {
    expect(calendarYearsFor(new Date('2026-11-30T16:59:59Z'))).toEqual([2026]); // 30 Nov 23:59 WIB
    expect(calendarYearsFor(new Date('2026-11-30T17:00:00Z'))).toEqual([2026, 2027]); // 1 Des 00:00 WIB
    expect(calendarYearsFor(new Date('2026-06-15T03:00:00Z'))).toEqual([2026]);
    expect(calendarYearsFor(new Date('2025-12-31T18:00:00Z'))).toEqual([2026]); // already 1 Jan 2026 in WIB
  });
});
