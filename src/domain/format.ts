import { DateTime } from 'luxon';
import { OFFICE_ZONE } from './calendar';

const MONTHS_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];

/**
 * "12 Des 2026": a date as staff read it, in WIB. Month names are spelled out here rather than
 * taken from the runtime's locale data so the text is the same on every Node build (workflow-safe).
 */
export function formatWibDate(instant: Date): string {
  const d = DateTime.fromJSDate(instant, { zone: OFFICE_ZONE });
  return `${d.day} ${MONTHS_ID[d.month - 1]} ${d.year}`;
}

/** "12 Des 2026 23.59 WIB". */
export function formatWibDateTime(instant: Date): string {
  const d = DateTime.fromJSDate(instant, { zone: OFFICE_ZONE });
  return `${formatWibDate(instant)} ${d.toFormat('HH.mm')} WIB`;
}
