import { DateTime } from 'luxon';
import { computeDueAt, OFFICE_ZONE, WorkingDayCalendar } from '../../../src/domain/calendar';
import {
  defaultStageDeadlines,
  earlyWarningRecipients,
  stageDaysRefusal,
  stageDeadlinesFrom,
  stageDueAt,
  workingTimeMoment,
} from '../../../src/domain/stage-deadlines';

/** An instant written as WIB wall-clock time. */
const wib = (text: string): Date =>
  DateTime.fromFormat(text, text.length > 16 ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm', {
    zone: OFFICE_ZONE,
  }).toJSDate();
const endOf = (date: string) => wib(`${date} 23:59:59.999`);

describe('stage deadlines', () => {
  const noHolidays = new WorkingDayCalendar([]);

  it('defaults to 1 working day for triage, 5 for every unit, 3 for the decision', () => {
    const d = defaultStageDeadlines();
    expect(d.triage).toBe(1);
    expect(d.decision).toBe(3);
    expect(Object.values(d.units).every((n) => n === 5)).toBe(true);
  });

  it('reads stored rows over the defaults, per unit, ignoring values out of range', () => {
    const s = stageDeadlinesFrom([
      { key: 'TRIAGE', workingDays: 2 },
      { key: 'DECISION', workingDays: 11 },
      { key: 'TASK:TIM_TEKNIS', workingDays: 4 },
      { key: 'TASK:NOT_A_UNIT', workingDays: 4 },
    ]);
    expect(s.triage).toBe(2);
    expect(s.decision).toBe(3);
    expect(s.units.TIM_TEKNIS).toBe(4);
    expect(s.units.KECAMATAN).toBe(5);
  });

  it('refuses values that are not whole numbers from 1 to 10 in Bahasa Indonesia', () => {
    for (const bad of [0, 11, 2.5, '3', null, -1])
      expect(stageDaysRefusal(bad)).toMatch(/1 sampai 10 hari kerja/);
    for (const good of [1, 5, 10]) expect(stageDaysRefusal(good)).toBeNull();
  });

  it("counts a stage's working days from its start, over weekends and holidays", () => {
    const s = defaultStageDeadlines();
    // Received Friday 27 November 2026 15:00: triage due at the end of Monday 30 November.
    expect(stageDueAt(wib('2026-11-27 15:00'), s, 'TRIAGE', noHolidays)).toEqual(endOf('2026-11-30'));
    // A task opened Monday 30 November, Wednesday 2 December a holiday: 5 working days (Tue 1, Thu 3, Fri 4, Mon 7, Tue 8) end Tuesday 8 December.
    const withHoliday = new WorkingDayCalendar(['2026-12-02']);
    expect(stageDueAt(wib('2026-11-30 10:00'), s, 'TASK', withHoliday, 'TIM_TEKNIS')).toEqual(
      endOf('2026-12-08'),
    );
    // Per unit: TIM_TEKNIS given 2 days.
    s.units.TIM_TEKNIS = 2;
    expect(stageDueAt(wib('2026-11-30 10:00'), s, 'TASK', noHolidays, 'TIM_TEKNIS')).toEqual(
      endOf('2026-12-02'),
    );
    expect(stageDueAt(wib('2026-11-30 10:00'), s, 'DECISION', noHolidays)).toEqual(endOf('2026-12-03'));
  });

  it('puts 50% at the end of the 5th working day and 75% at noon of the 8th, over a holiday', () => {
    // Received Monday 30 November 2026; Wednesday 2 December a holiday. Working days: Tue 1, Thu 3,
    // Fri 4, Mon 7, Tue 8 (5th), Wed 9, Thu 10, Fri 11 (8th), Mon 14, Tue 15 (10th).
    const calendar = new WorkingDayCalendar(['2026-12-02']);
    const receivedAt = wib('2026-11-30 09:00');
    const dueAt = computeDueAt(receivedAt, calendar);
    expect(dueAt).toEqual(endOf('2026-12-15'));
    expect(workingTimeMoment(receivedAt, dueAt, 50, calendar)).toEqual(wib('2026-12-09 00:00'));
    expect(workingTimeMoment(receivedAt, dueAt, 75, calendar)).toEqual(wib('2026-12-11 12:00'));
  });

  it('warns the parties still working at 50%, and the Kabid too at 75%', () => {
    const pending = [{ recipient: 'TIM_TEKNIS', area: null }];
    expect(earlyWarningRecipients(50, pending)).toEqual(pending);
    expect(earlyWarningRecipients(75, pending)).toEqual([...pending, { recipient: 'KABID_PENGADUAN' }]);
  });
});
