import { WorkingDayCalendar } from '../../../src/domain/calendar';
import { holidaysForYear } from '../../../src/domain/holiday-fallback';
import {
  firstWorkingDayOfMonth,
  monthlyPeriod,
  reportsDueOn,
  semesterPeriod,
} from '../../../src/domain/reporting';

const calendar = new WorkingDayCalendar(
  [2026, 2027].flatMap((year) => holidaysForYear(year).holidays.map((h) => h.date)),
);
/** 08:00 WIB on a date, when the schedule fires. */
const at8 = (date: string) => new Date(`${date}T08:00:00+07:00`);
const due = (date: string) => reportsDueOn(at8(date), calendar).map((p) => p.id);

describe('recap report periods', () => {
  it('a month and a semester are WIB calendar ranges with Bahasa labels', () => {
    expect(monthlyPeriod(2026, 10)).toMatchObject({
      id: 'BULANAN-2026-10',
      label: 'Oktober 2026',
      from: new Date('2026-09-30T17:00:00Z'),
      to: new Date('2026-10-31T17:00:00Z'),
      months: [10],
    });
    expect(monthlyPeriod(2026, 12).to).toEqual(new Date('2026-12-31T17:00:00Z'));
    expect(semesterPeriod(2026, 1)).toMatchObject({
      id: 'SEMESTER-2026-1',
      label: 'Semester I (Januari–Juni) 2026',
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-06-30T17:00:00Z'),
      months: [1, 2, 3, 4, 5, 6],
    });
    expect(() => monthlyPeriod(2026, 13)).toThrow(RangeError);
    expect(() => semesterPeriod(2026, 3)).toThrow(RangeError);
  });

  it('January 2027: not on New Year nor the weekend; on Monday the 4th, December and Semester II', () => {
    expect(firstWorkingDayOfMonth(at8('2027-01-01'), calendar)).toBe('2027-01-04');
    expect(due('2027-01-01')).toEqual([]);
    expect(due('2027-01-02')).toEqual([]);
    expect(due('2027-01-03')).toEqual([]);
    expect(due('2027-01-04')).toEqual(['BULANAN-2026-12', 'SEMESTER-2026-2']);
    expect(due('2027-01-05')).toEqual([]);
  });

  it('July brings Semester I with June; an ordinary month only the month before', () => {
    expect(due('2026-07-01')).toEqual(['BULANAN-2026-06', 'SEMESTER-2026-1']);
    expect(due('2026-10-01')).toEqual(['BULANAN-2026-09']);
    expect(due('2026-10-02')).toEqual([]);
  });

  it('a month starting on a weekend reports on the Monday', () => {
    // 1 August 2026 is a Saturday.
    expect(due('2026-08-01')).toEqual([]);
    expect(due('2026-08-03')).toEqual(['BULANAN-2026-07']);
  });
});
