// Workflow-safe: pure functions of their arguments (no clock, no randomness, no I/O).
/**
 * The rules of a complaint's life: its statuses, which of them are closed, and the checks an action
 * must pass. Each check returns null when the action is allowed, or a Refusal: its type (how the
 * workflow fails the Update, and so which HTTP error the API gives) and the message for the user,
 * in Bahasa Indonesia.
 *
 * The workflow's Update validators and the API's pre-checks call the same functions, so a rule and
 * its message are written once. The workflow code bundles this file: the messages and the order of
 * the checks are part of what recorded histories replay, so change them only as a workflow change.
 */

import { findAgency, isPlausibleLetterNumber, LETTER_NUMBER_MESSAGE } from './agencies';
import { type Category, categoryNeedsLocation, isUpgrade } from './categories';
import { kelurahanBelongsTo, type Location } from './location';
import { AREA_UNITS, UNIT_LABELS, type Unit } from './units';

// ---- Statuses -------------------------------------------------------------------------------------

export const COMPLAINT_STATUSES = [
  'RECEIVED',
  'IN_PROGRESS',
  'AWAITING_DECISION',
  'AWAITING_RESPONSE',
  'RESOLVED',
  'REJECTED',
  'FORWARDED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** A case still being handled: its workflow runs and its deadline counts. */
export const OPEN_STATUSES = [
  'RECEIVED',
  'IN_PROGRESS',
  'AWAITING_DECISION',
  'AWAITING_RESPONSE',
] as const satisfies readonly ComplaintStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/**
 * A case answered (RESOLVED), rejected at triage (REJECTED) or forwarded to the agency whose business
 * it is (FORWARDED, "bukan wewenang"): its workflow has ended.
 */
export const CLOSED_STATUSES = [
  'RESOLVED',
  'REJECTED',
  'FORWARDED',
] as const satisfies readonly ComplaintStatus[];
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

export function isClosed(status: string): status is ClosedStatus {
  return (CLOSED_STATUSES as readonly string[]).includes(status);
}

// ---- Refusals -------------------------------------------------------------------------------------

/**
 * Why an action is refused. The workflow's REJECTION (workflows/complaint/definitions.ts) gives each
 * type its wire value; the API maps them to 409, 422, 400, 404 and 403.
 */
export const REFUSAL_TYPES = ['CONFLICT', 'RULE', 'INVALID', 'NOT_FOUND', 'FORBIDDEN'] as const;
export type RefusalType = (typeof REFUSAL_TYPES)[number];

export interface Refusal {
  type: RefusalType;
  /** For the user, in Bahasa Indonesia. */
  message: string;
}

const refusal = (type: RefusalType, message: string): Refusal => ({ type, message });

/**
 * Refuses a missing or empty text (INVALID), and one of only whitespace (RULE: it is well-formed, a
 * schema's minLength lets it pass, but it says nothing; the API answers 422 as for other rules).
 */
export function checkText(value: unknown, message: string): Refusal | null {
  if (typeof value !== 'string' || value === '') return refusal('INVALID', message);
  return value.trim() === '' ? refusal('RULE', message) : null;
}

// ---- What the checks look at ----------------------------------------------------------------------

/** The facts of a case the checks need (the workflow's state, or the API's record of it). */
export interface CaseFacts {
  status: string;
  category: Category | null;
  location: Location | null;
}

/** A task, as far as completing it is concerned. */
export interface TaskFacts {
  unit: string;
  /** Kemendagri code of the area of a KECAMATAN/KELURAHAN task. */
  area?: string | null;
  status: string;
}

/** Who acts: their unit and, for KECAMATAN/KELURAHAN officers, their area. */
export interface ActingOfficer {
  unit?: string | null;
  area?: string | null;
}

// ---- Closed cases ---------------------------------------------------------------------------------

const CLOSED_MESSAGES: Record<ClosedStatus, string> = {
  REJECTED: 'Pengaduan ini sudah ditolak dan ditutup.',
  RESOLVED: 'Pengaduan ini sudah selesai ditanggapi.',
  FORWARDED: 'Pengaduan ini sudah diteruskan ke instansi lain dan ditutup.',
};

/** A closed case takes no more actions. */
export function checkNotClosed(status: string): Refusal | null {
  return isClosed(status) ? refusal('CONFLICT', CLOSED_MESSAGES[status]) : null;
}

// ---- Location -------------------------------------------------------------------------------------

/** SEDANG and BERAT cases need a kecamatan and a kelurahan. */
export function checkLocationRequired(
  category: Category,
  location: Partial<Location> | null | undefined,
): Refusal | null {
  if (!categoryNeedsLocation(category)) return null;
  if (!location?.kecamatan || !location.kelurahan)
    return refusal(
      'RULE',
      `Pengaduan kategori ${category} wajib menyertakan lokasi (kecamatan dan kelurahan).`,
    );
  return null;
}

/**
 * The kelurahan must lie in the kecamatan: by their Kemendagri codes, or by `belongs` when the caller
 * knows better (the API asks its Area master data).
 */
export function checkLocationConsistent(
  location: Location,
  belongs: (kelurahan: string, kecamatan: string) => boolean = kelurahanBelongsTo,
): Refusal | null {
  return belongs(location.kelurahan, location.kecamatan)
    ? null
    : refusal('RULE', 'Kelurahan yang dipilih tidak berada di kecamatan tersebut.');
}

/** The location a category calls for: present when required, and consistent then. */
export function checkLocation(category: Category, location: Location | null | undefined): Refusal | null {
  if (!categoryNeedsLocation(category)) return null;
  return checkLocationRequired(category, location) ?? checkLocationConsistent(location!);
}

// ---- Triage ---------------------------------------------------------------------------------------

/** Only a case just received is triaged; a closed one is refused with the reason it closed. */
export function checkTriageAllowed(status: string): Refusal | null {
  return (
    checkNotClosed(status) ??
    (status !== 'RECEIVED' ? refusal('CONFLICT', 'Pengaduan ini sudah ditriase.') : null)
  );
}

/** A triage: a rejection with its reason, or a category with the location it calls for. */
export function checkTriage(
  current: Pick<CaseFacts, 'status' | 'location'>,
  input: { category?: Category; location?: Location; reject?: { reason: unknown } },
): Refusal | null {
  const notAllowed = checkTriageAllowed(current.status);
  if (notAllowed) return notAllowed;
  if (input.reject) return checkText(input.reject.reason, 'Alasan penolakan wajib diisi.');
  if (!input.category)
    return refusal('INVALID', 'Kategori pengaduan (RINGAN, SEDANG atau BERAT) wajib diisi.');
  return checkLocation(input.category, input.location ?? current.location);
}

// ---- Tasks ----------------------------------------------------------------------------------------

export function checkTaskExists<T>(task: T | undefined | null): Refusal | null {
  return task ? null : refusal('NOT_FOUND', 'Tugas tidak ditemukan pada pengaduan ini.');
}

export function checkTaskNotDone(task: Pick<TaskFacts, 'status'>): Refusal | null {
  return task.status === 'DONE' ? refusal('CONFLICT', 'Tugas ini sudah diselesaikan.') : null;
}

/** A task is completed by its unit; a KECAMATAN/KELURAHAN task by that unit's officers of its area. */
export function checkTaskOwnership(
  task: Pick<TaskFacts, 'unit' | 'area'>,
  actor: ActingOfficer,
): Refusal | null {
  if (actor.unit !== task.unit) return refusal('FORBIDDEN', 'Tugas ini bukan milik unit Anda.');
  if ((AREA_UNITS as readonly string[]).includes(task.unit) && actor.area !== task.area)
    return refusal('FORBIDDEN', 'Tugas ini untuk aparatur wilayah lain.');
  return null;
}

/** The workflow's check of a completion: the task, not done yet, the caller's, and an outcome. */
export function checkTaskCompletion(
  task: TaskFacts | undefined,
  actor: ActingOfficer,
  outcome: unknown,
): Refusal | null {
  if (!task) return checkTaskExists(task);
  return (
    checkTaskNotDone(task) ??
    checkTaskOwnership(task, actor) ??
    checkText(outcome, 'Hasil penanganan (outcome) wajib diisi.')
  );
}

// ---- Re-categorisation ----------------------------------------------------------------------------

/** Upward only, on an open case already triaged, with a reason and the location the new category needs. */
export function checkRecategorisation(
  current: CaseFacts,
  input: { category: Category; reason: unknown; location?: Location },
): Refusal | null {
  const closed = checkNotClosed(current.status);
  if (closed) return closed;
  if (current.category === null)
    return refusal('CONFLICT', 'Pengaduan belum ditriase; tentukan kategori melalui triase.');
  if (!isUpgrade(current.category, input.category))
    return refusal('RULE', `Kategori hanya dapat dinaikkan (saat ini ${current.category}).`);
  return (
    checkText(input.reason, 'Alasan perubahan kategori wajib diisi.') ??
    checkLocation(input.category, input.location ?? current.location)
  );
}

// ---- Response -------------------------------------------------------------------------------------

/** The complainant is answered once the case is handled (and decided, for BERAT). */
export function checkResponseAllowed(status: string): Refusal | null {
  return (
    checkNotClosed(status) ??
    (status !== 'AWAITING_RESPONSE'
      ? refusal('CONFLICT', 'Tanggapan belum dapat diberikan: penanganan pengaduan belum selesai.')
      : null)
  );
}

export function checkResponse(status: string, input: { response: unknown }): Refusal | null {
  return checkResponseAllowed(status) ?? checkText(input.response, 'Isi tanggapan wajib diisi.');
}

/**
 * Who gives the response, the final answer to the complainant that settles the case.
 *
 * SOP B.3.a: a RINGAN complaint (unclear time and cost) is settled ("penyelesaian penanganan
 * pengaduan cukup dilakukan") by the front desk (petugas loket) and Seksi Pengaduan dan Informasi
 * Layanan. Settling it includes answering the complainant, so for a RINGAN case the front desk
 * (LOKET) may give the response, as Seksi Pengaduan may. For SEDANG and BERAT (B.3.b, B.3.c) the
 * units that settle the case do not include the front desk; their response is given by Seksi
 * Pengaduan, which receives, triages and answers every complaint. The other units of those lists
 * report their part through their tasks, not by answering the complainant.
 */
export const RESPONDING_UNITS: Record<Category, readonly Unit[]> = {
  RINGAN: ['SEKSI_PENGADUAN', 'LOKET'],
  SEDANG: ['SEKSI_PENGADUAN'],
  BERAT: ['SEKSI_PENGADUAN'],
};

/** Every unit that gives the response to some category (the endpoint's guard). */
export const ANY_RESPONDING_UNITS: readonly Unit[] = [...new Set(Object.values(RESPONDING_UNITS).flat())];

/**
 * Whether an officer of `unit` may give the response to a case of `category` (RESPONDING_UNITS).
 * A case not triaged yet (no category) is left to checkResponseAllowed, which refuses it.
 */
export function checkResponder(category: Category | null, unit: string | null | undefined): Refusal | null {
  if (category === null) return null;
  const units = RESPONDING_UNITS[category];
  if (units.some((u) => u === unit)) return null;
  return refusal(
    'FORBIDDEN',
    `Tanggapan pengaduan kategori ${category} hanya diberikan oleh ${units.map((u) => UNIT_LABELS[u]).join(' atau ')}.`,
  );
}

// ---- Forwarding ("bukan wewenang") ----------------------------------------------------------------

/**
 * Seksi Pengaduan forwards a complaint that is not DPM-PTSP's business to the agency whose business
 * it is, instead of triaging it. Only while the case waits for triage: that is when Seksi Pengaduan
 * judges what a complaint is about (SOP B.1), and no unit has been given a task yet. Once triaged, the
 * case is DPM-PTSP's and is answered by a response (which may say where else to turn); a closed case
 * takes no action at all.
 */
export function checkForwardAllowed(status: string): Refusal | null {
  return (
    checkNotClosed(status) ??
    (status !== 'RECEIVED'
      ? refusal(
          'CONFLICT',
          'Pengaduan hanya dapat diteruskan ke instansi lain sebelum ditriase; pengaduan ini sudah ditriase.',
        )
      : null)
  );
}

/** A forwarding: while awaiting triage, to a listed agency, with a reason and a plausible letter number. */
export function checkForward(
  status: string,
  input: { agency: unknown; reason: unknown; letterNumber: unknown },
): Refusal | null {
  const notAllowed = checkForwardAllowed(status);
  if (notAllowed) return notAllowed;
  if (!findAgency(input.agency))
    return refusal('INVALID', 'Instansi tujuan tidak dikenal; pilih dari daftar instansi.');
  return (
    checkText(input.reason, 'Alasan penerusan wajib diisi.') ??
    checkText(input.letterNumber, 'Nomor surat keluar wajib diisi.') ??
    (isPlausibleLetterNumber((input.letterNumber as string).trim())
      ? null
      : refusal('INVALID', LETTER_NUMBER_MESSAGE))
  );
}
