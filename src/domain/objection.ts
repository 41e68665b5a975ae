// Workflow-safe: pure functions of their arguments (no clock, no randomness, no I/O).
/**
 * Objection (keberatan): within 14 calendar days of the answer the complainant may object, once,
 * with a reason. The case then reopens as a new round to Seksi Pengaduan, with a new
 * 10-working-day deadline counted from the objection.
 *
 * A rejection at triage is an answer too: a REJECTED case can be objected to like a RESOLVED one
 * (the complainant may think the complaint was within the office's remit after all).
 *
 * The 14 days are WIB calendar days counted from the day after the answer (closedAt): an answer on
 * 1 December may be objected to until the end (23:59:59.999 WIB) of 15 December.
 */
import { officeDateOf } from './calendar';
import type { Refusal } from './complaint-rules';
import { formatWibDate } from './format';

/**
 * The answers that may be objected to: a response and a rejection. A case forwarded to another
 * agency ("bukan wewenang") is that agency's to answer; an objection goes to it.
 */
export const OBJECTABLE_STATUSES = ['RESOLVED', 'REJECTED'] as const;
export type ObjectableStatus = (typeof OBJECTABLE_STATUSES)[number];

/** Calendar days after the answer during which an objection is accepted. */
export const OBJECTION_WINDOW_DAYS = 14;
/** Longest reason accepted (characters, after trimming). */
export const OBJECTION_REASON_MAX = 2000;
/** Objections a complaint may have. */
export const MAX_OBJECTIONS = 1;

const DAY_MS = 86_400_000;
const OFFICE_OFFSET_MS = 7 * 3_600_000;

/** The last instant at which an objection to an answer given at `closedAt` is accepted. */
export function objectionDeadline(closedAt: Date): Date {
  const [y, m, d] = officeDateOf(closedAt).split('-').map(Number);
  const startOfAnswerDay = Date.UTC(y, m - 1, d) - OFFICE_OFFSET_MS;
  return new Date(startOfAnswerDay + (OBJECTION_WINDOW_DAYS + 1) * DAY_MS - 1);
}

/** What the objection check looks at (the complaint's record). */
export interface ObjectionFacts {
  status: string;
  /** When the case was answered or rejected. */
  closedAt?: Date | null;
  /** When an objection was filed, if one was. */
  objectedAt?: Date | null;
}

const refusal = (type: Refusal['type'], message: string): Refusal => ({ type, message });

/**
 * Whether an objection may be filed now: the case must be answered or rejected, without an earlier
 * objection, within the window; the reason must say something and not be too long.
 */
export function checkObjection(facts: ObjectionFacts, reason: unknown, now: Date): Refusal | null {
  if (typeof reason !== 'string' || reason === '') return refusal('INVALID', 'Alasan keberatan wajib diisi.');
  if (reason.trim() === '') return refusal('RULE', 'Alasan keberatan tidak boleh hanya berisi spasi.');
  if (reason.trim().length > OBJECTION_REASON_MAX)
    return refusal('INVALID', `Alasan keberatan paling panjang ${OBJECTION_REASON_MAX} karakter.`);
  if (facts.objectedAt)
    return refusal(
      'CONFLICT',
      'Keberatan atas pengaduan ini sudah pernah diajukan. Keberatan hanya dapat diajukan satu kali.',
    );
  if (facts.status === 'FORWARDED')
    return refusal(
      'RULE',
      'Pengaduan ini telah diteruskan ke instansi yang berwenang. Keberatan disampaikan kepada instansi tersebut.',
    );
  if (!(OBJECTABLE_STATUSES as readonly string[]).includes(facts.status) || !facts.closedAt)
    return refusal(
      'CONFLICT',
      'Keberatan hanya dapat diajukan setelah pengaduan ditanggapi atau ditolak. Pengaduan ini masih ditangani.',
    );
  const deadline = objectionDeadline(facts.closedAt);
  if (now.getTime() > deadline.getTime())
    return refusal(
      'RULE',
      `Batas waktu keberatan sudah lewat: keberatan dapat diajukan paling lambat ${OBJECTION_WINDOW_DAYS} hari setelah tanggapan, yaitu sampai ${formatWibDate(deadline)}.`,
    );
  return null;
}

/** Whether the tracking page should offer the objection form now. */
export function canObject(facts: ObjectionFacts, now: Date): boolean {
  return checkObjection(facts, 'x', now) === null;
}

/** The answer the objection set aside, kept on the complaint's record for history. */
export interface PreviousOutcome {
  status: ObjectableStatus;
  response: string | null;
  respondedBy: string | null;
  rejectionReason: string | null;
  closedAt: string;
  dueAt: string | null;
  category: string | null;
  overdue: boolean;
  /** The highest round of study of the first handling: the new round's tasks number after it. */
  lastRound: number;
}
