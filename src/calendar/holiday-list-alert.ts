/**
 * The admins' alert about a missing official holiday list: from 1 November (WIB) next year's list
 * is expected (holidayListYearsNeeded), and a needed year without one gets one notification to the
 * admins. The notification's id is the year's (`libur-belum-ada:<year>:ADMIN`), so however often and
 * by however many workers the check runs, each year is notified once.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Notification } from '../db/entities';
import { insertIgnoringDuplicates } from '../db/insert-ignoring-duplicates';
import { holidayListMissingMessage, holidayListYearsNeeded } from '../domain/holiday-warning';
import { yearsWithoutHolidayList } from './holiday-calendar';

/** The outbox recipient that stands for every active ADMIN user. */
export const ADMIN_RECIPIENT = 'ADMIN';
export const HOLIDAY_LIST_MISSING = 'HOLIDAY_LIST_MISSING';

export function holidayListAlertId(year: number): string {
  return `libur-belum-ada:${year}:${ADMIN_RECIPIENT}`;
}

/** The years needed at `now` (WIB) that have no official holiday list. */
export async function missingHolidayLists(em: EntityManager, now: Date): Promise<number[]> {
  return yearsWithoutHolidayList(em, holidayListYearsNeeded(now));
}

/**
 * Records the admins' notification for each needed year without a list (once per year: an existing
 * row is left as it is). Returns the years missing.
 */
export async function alertMissingHolidayLists(em: EntityManager, now: Date): Promise<number[]> {
  const missing = await missingHolidayLists(em, now);
  if (missing.length === 0) return [];
  const rows = missing.map((year) => {
    const row = new Notification();
    Object.assign(row, {
      id: holidayListAlertId(year),
      complaintId: null,
      recipient: ADMIN_RECIPIENT,
      recipientArea: null,
      kind: HOLIDAY_LIST_MISSING,
      ...holidayListMissingMessage(year),
      status: 'PENDING',
      attempts: 0,
      createdAt: now,
    });
    return row;
  });
  await insertIgnoringDuplicates(em, Notification, rows, (r) => r.id);
  return missing;
}
