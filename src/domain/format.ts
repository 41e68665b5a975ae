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

/**
 * The start of a text for a list (an inbox line): whitespace runs collapsed, cut at a word boundary
 * before `max` characters with "…" added when the text is longer. Never longer than `max`.
 */
export function shortText(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max - 1).join('');
  const cut = head.lastIndexOf(' ');
  // Cut at the last space unless that throws away most of the text (one very long word).
  const kept = cut >= max / 2 ? head.slice(0, cut) : head;
  return `${kept.replace(/[\s.,;:]+$/, '')}…`;
}
