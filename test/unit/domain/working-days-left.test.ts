import { DateTime } from 'luxon';
import {
  calendarYearsBetween,
  computeDueAt,
  OFFICE_ZONE,
  SLA_WORKING_DAYS,
  WorkingDayCalendar,
  workingDaysLeft,
} from '../../../src/domain/calendar';
import { shortText } from '../../../src/domain/format';
import { OFFICIAL_HOLIDAY_YEARS, officialHolidays } from '../../../src/domain/holidays';

const wib = (text: string): Date =>
  DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: OFFICE_ZONE }).toJSDate();

const official = new WorkingDayCalendar(
  OFFICIAL_HOLIDAY_YEARS.flatMap((y) => officialHolidays(y)!.map((h) => h.date)),
);

describe('workingDaysLeft', () => {
  // README example: received Friday 27 Nov 2026 15:00 WIB, due at the end of Friday 11 Dec 2026.
  const dueAt = computeDueAt(wib('2026-11-27 15:00'), official);

  it('is the SLA on the day of receipt, counts down on working days only, and is 0 on the due day', () => {
    expect(workingDaysLeft(wib('2026-11-27 15:00'), dueAt, official)).toBe(SLA_WORKING_DAYS);
    // The weekend changes nothing.
    expect(workingDaysLeft(wib('2026-11-29 10:00'), dueAt, official)).toBe(SLA_WORKING_DAYS);
    expect(workingDaysLeft(wib('2026-11-30 08:00'), dueAt, official)).toBe(9);
    expect(workingDaysLeft(wib('2026-12-10 16:00'), dueAt, official)).toBe(1);
    expect(workingDaysLeft(wib('2026-12-11 23:59'), dueAt, official)).toBe(0);
  });

  it('is negative once the due moment has passed: minus the working days since the due day', () => {
    // Saturday after a Friday deadline: late, but no working day lost yet.
    expect(workingDaysLeft(wib('2026-12-12 09:00'), dueAt, official)).toBe(0);
    expect(Object.is(workingDaysLeft(wib('2026-12-12 09:00'), dueAt, official), -0)).toBe(false);
    expect(workingDaysLeft(wib('2026-12-14 09:00'), dueAt, official)).toBe(-1);
    expect(workingDaysLeft(wib('2026-12-18 09:00'), dueAt, official)).toBe(-5);
  });

  it('skips national holidays and cuti bersama (Nyepi and Idul Fitri 2026)', () => {
    // Received Friday 13 March 2026: 16-18 March are working days, 19-24 March holidays / cuti bersama.
    const due = computeDueAt(wib('2026-03-13 10:00'), official);
    expect(workingDaysLeft(wib('2026-03-18 10:00'), due, official)).toBe(
      workingDaysLeft(wib('2026-03-24 10:00'), due, official),
    );
    expect(workingDaysLeft(wib('2026-03-13 10:00'), due, official)).toBe(SLA_WORKING_DAYS);
  });
});

describe('calendarYearsBetween', () => {
  it('names every WIB year between two instants, in either order', () => {
    expect(calendarYearsBetween(wib('2026-12-20 10:00'), wib('2027-01-05 10:00'))).toEqual([2026, 2027]);
    expect(calendarYearsBetween(wib('2027-01-05 10:00'), wib('2025-06-01 10:00'))).toEqual([
      2025, 2026, 2027,
    ]);
    // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in WIB.
    expect(calendarYearsBetween(new Date('2026-12-31T18:00:00Z'), new Date('2026-12-31T18:00:00Z'))).toEqual([
      2027,
    ]);
  });
});

describe('shortText', () => {
  it('keeps a short text as it is, with whitespace runs collapsed', () => {
    expect(shortText('  Limbah   cair\nmengalir ke sungai. ')).toBe('Limbah cair mengalir ke sungai.');
  });

  it('cuts a long text at a word boundary with an ellipsis, never longer than the limit', () => {
    const text = 'Limbah cair pabrik tahu mengalir ke sungai sejak izin usahanya terbit, '.repeat(5);
    const short = shortText(text, 160);
    expect(Array.from(short).length).toBeLessThanOrEqual(160);
    expect(short.endsWith('…')).toBe(true);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(short.slice(0, -1)).toMatch(/[a-z]$/);
  });

  it('cuts one very long word, and counts characters, not UTF-16 units', () => {
    expect(shortText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(Array.from(shortText('😀'.repeat(300), 10)).length).toBe(10);
  });
});
