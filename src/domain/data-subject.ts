/**
 * Data-subject requests (UU 27/2022 on personal data protection, Articles 5-8 and 16): the admin
 * finds every complaint of a person by NIK, phone or e-mail, exports what is held about them,
 * corrects it, and erases it where no duty to keep it holds. Pure: the API's data-subject service
 * asks these rules; src/api/data-subject records each request in data_subject_request.
 *
 * The erasure rule: a complaint's identity is erased only when the office no longer needs to reach
 * the complainant about it, i.e. the case is closed (RESOLVED, REJECTED or FORWARDED) and no
 * objection can still be filed (src/domain/objection.ts: within 14 days of the answer, once). A case
 * still being handled, or whose objection window still runs, is refused and listed with the reason;
 * the request may be repeated when the window has passed. An anonymous (ANONIM) complaint holds no
 * identity and an already anonymised one none left: both are skipped. Erasure keeps what the reports
 * count (status, dates, category, area, units) and the description as written.
 */
import { isClosed } from './complaint-rules';
import { formatWibDate } from './format';
import { canObject, objectionDeadline } from './objection';
import { maskNik } from './personal-data';

export const DATA_SUBJECT_ACTIONS = ['SEARCH', 'EXPORT', 'CORRECT', 'ERASE'] as const;
export type DataSubjectAction = (typeof DATA_SUBJECT_ACTIONS)[number];

export const DATA_SUBJECT_ACTION_LABELS: Record<DataSubjectAction, string> = {
  SEARCH: 'Pencarian',
  EXPORT: 'Ekspor data',
  CORRECT: 'Perbaikan data',
  ERASE: 'Penghapusan data',
};

/** What came of a request, as the request log says it. */
export const DATA_SUBJECT_OUTCOME_LABELS: Record<string, string> = {
  FOUND: 'Ditemukan',
  NOT_FOUND: 'Tidak ditemukan',
  EXPORTED: 'Diekspor',
  CORRECTED: 'Diperbaiki',
  UNCHANGED: 'Tidak ada yang berubah',
  ERASED: 'Dihapus',
  PARTIAL: 'Sebagian dihapus, sebagian ditolak',
  REFUSED: 'Ditolak',
};

/** The keys a person is found by. */
export const PERSON_KEYS = ['nik', 'phone', 'email'] as const;
export type PersonKey = (typeof PERSON_KEYS)[number];
export type PersonKeys = Partial<Record<PersonKey, string>>;

/** The personal fields the admin may correct (the complaint's columns). */
export const CORRECTABLE_FIELDS = [
  'complainantName',
  'complainantNik',
  'complainantAddress',
  'complainantPhone',
  'complainantEmail',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_FIELD_LABELS: Record<CorrectableField, string> = {
  complainantName: 'Nama',
  complainantNik: 'NIK',
  complainantAddress: 'Alamat',
  complainantPhone: 'Nomor telepon',
  complainantEmail: 'Email',
};

export function normaliseNik(nik: string | null | undefined): string | null {
  const digits = nik?.replace(/\D/g, '') ?? '';
  return digits || null;
}

export function normaliseEmail(email: string | null | undefined): string | null {
  return email?.trim().toLowerCase() || null;
}

/** A phone in its national form: 62812..., +62 812-... and 0812-... all become 0812... */
export function normalisePhone(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  if (!digits) return null;
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}

const NORMALISE: Record<PersonKey, (value: string | null | undefined) => string | null> = {
  nik: normaliseNik,
  phone: normalisePhone,
  email: normaliseEmail,
};

/** Which of the person's keys a complaint's stored identity holds (compared normalised). */
export function matchedKeys(
  person: PersonKeys,
  identity: { nik?: string | null; phone?: string | null; email?: string | null },
): PersonKey[] {
  return PERSON_KEYS.filter((key) => {
    const wanted = NORMALISE[key](person[key]);
    return wanted !== null && wanted === NORMALISE[key](identity[key]);
  });
}

/** budi.santoso@example.com -> b***@example.com */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email[0]}***${email.slice(at)}`;
}

/** 081234567890 -> 0812******90 */
export function maskPhone(phone: string): string {
  const digits = normalisePhone(phone) ?? '';
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;
}

/** The keys of a request as the request log keeps them: masked, never the NIK or contact itself. */
export function maskedKeys(person: PersonKeys): PersonKeys {
  const out: PersonKeys = {};
  if (person.nik?.trim()) out.nik = maskNik(person.nik.trim()) ?? undefined;
  if (person.phone?.trim()) out.phone = maskPhone(person.phone);
  if (person.email?.trim()) out.email = maskEmail(person.email.trim());
  return out;
}

/** What the erasure rule looks at. */
export interface ErasureFacts {
  status: string;
  closedAt?: Date | null;
  objectedAt?: Date | null;
  identityMode?: string | null;
  /** Whether the complaint's personal data has already been removed. */
  anonymised: boolean;
}

export const ERASURE_REFUSALS = ['NO_IDENTITY', 'ALREADY_ANONYMISED', 'OPEN', 'OBJECTION_WINDOW'] as const;
export type ErasureRefusalCode = (typeof ERASURE_REFUSALS)[number];

export interface ErasureRefusal {
  code: ErasureRefusalCode;
  /** In Bahasa Indonesia. */
  message: string;
}

/** Why a complaint's identity may not be erased now, or null when it may (see the rule above). */
export function erasureRefusal(facts: ErasureFacts, now: Date): ErasureRefusal | null {
  if (facts.identityMode === 'ANONIM')
    return { code: 'NO_IDENTITY', message: 'Pengaduan anonim tidak menyimpan identitas pengadu.' };
  if (facts.anonymised)
    return { code: 'ALREADY_ANONYMISED', message: 'Data pribadi pengaduan ini sudah dianonimkan.' };
  if (!isClosed(facts.status))
    return {
      code: 'OPEN',
      message:
        'Pengaduan masih ditangani: identitas dan kontak pengadu diperlukan untuk menyampaikan tanggapan.',
    };
  if (canObject(facts, now) && facts.closedAt)
    return {
      code: 'OBJECTION_WINDOW',
      message: `Masa pengajuan keberatan masih berjalan sampai ${formatWibDate(objectionDeadline(facts.closedAt))}: kontak pengadu diperlukan untuk menjawab keberatan.`,
    };
  return null;
}
