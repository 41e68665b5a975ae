import { computeDueAt, WorkingDayCalendar } from '../../../src/domain/calendar';
import {
  deadlineCalendarWarning,
  holidayListMissingMessage,
  holidayListYearsNeeded,
  yearsCounted,
} from '../../../src/domain/holiday-warning';
import { officialHolidays } from '../../../src/domain/holidays';

/** An instant given as WIB wall-clock time. */
const wib = (local: string) => new Date(`${local}+07:00`);
const NO_2027_LIST = { '2027': 'Belum ada daftar resmi SKB 3 Menteri untuk tahun 2027.' };
// 2026 as the SKB has it; 2027 without holidays (what matters here is which year the count reaches).
const CALENDAR = new WorkingDayCalendar(officialHolidays(2026)!.map((h) => h.date));

describe('the deadline warning reaches only the years the deadline counts', () => {
  it('received 1 December 2026, due 15 December 2026: no warning about 2027', () => {
    const receivedAt = wib('2026-12-01T09:00:00');
    const dueAt = computeDueAt(receivedAt, CALENDAR);
    expect(dueAt.toISOString()).toBe('2026-12-15T16:59:59.999Z');
    expect(yearsCounted(receivedAt, dueAt)).toEqual([2026]);
    expect(deadlineCalendarWarning(receivedAt, dueAt, NO_2027_LIST)).toBeUndefined();
  });

  it('received so late in December that the deadline reaches 2027, without a 2027 list: the warning', () => {
    const receivedAt = wib('2026-12-21T09:00:00');
    const dueAt = computeDueAt(receivedAt, CALENDAR);
    expect(dueAt.toISOString().slice(0, 4)).toBe('2027');
    expect(yearsCounted(receivedAt, dueAt)).toEqual([2026, 2027]);
    expect(deadlineCalendarWarning(receivedAt, dueAt, NO_2027_LIST)).toBe(NO_2027_LIST['2027']);
  });

  it('the same complaint once 2027 has a list: no warning', () => {
    const receivedAt = wib('2026-12-21T09:00:00');
    const dueAt = computeDueAt(receivedAt, CALENDAR);
    expect(deadlineCalendarWarning(receivedAt, dueAt, {})).toBeUndefined();
    expect(deadlineCalendarWarning(receivedAt, dueAt, undefined)).toBeUndefined();
  });

  it('the day of receipt does not count: received on 31 December, only the next year matters', () => {
    const receivedAt = wib('2026-12-31T10:00:00');
    const dueAt = computeDueAt(receivedAt, CALENDAR);
    expect(yearsCounted(receivedAt, dueAt)).toEqual([2027]);
    expect(deadlineCalendarWarning(receivedAt, dueAt, { '2026': 'tanpa daftar 2026' })).toBeUndefined();
  });

  it('a complaint received in a year without a list is warned about that year', () => {
    const receivedAt = wib('2027-03-01T10:00:00');
    const dueAt = computeDueAt(receivedAt, new WorkingDayCalendar([]));
    expect(deadlineCalendarWarning(receivedAt, dueAt, NO_2027_LIST)).toBe(NO_2027_LIST['2027']);
  });
});

describe('the admins are alerted about next year from 1 November (WIB)', () => {
  it('31 October 23:59 WIB: only the current year is needed', () => {
    expect(holidayListYearsNeeded(wib('2026-10-31T23:59:59'))).toEqual([2026]);
  });

  it('1 November 00:00 WIB (still 31 October in UTC): next year too', () => {
    const start = wib('2026-11-01T00:00:00');
    expect(start.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(holidayListYearsNeeded(start)).toEqual([2026, 2027]);
    expect(holidayListYearsNeeded(wib('2026-12-31T23:59:59'))).toEqual([2026, 2027]);
  });

  it('in January the new year is the current one', () => {
    expect(holidayListYearsNeeded(wib('2027-01-01T00:00:00'))).toEqual([2027]);
  });

  it('says which year is missing, in Bahasa Indonesia', () => {
    const message = holidayListMissingMessage(2027);
    expect(message.subject).toBe('Daftar resmi hari libur tahun 2027 belum ada');
    expect(message.body).toMatch(/SKB 3 Menteri\) untuk tahun 2027 belum dimasukkan/);
  });
});
