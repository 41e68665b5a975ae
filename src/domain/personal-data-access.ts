/**
 * Which of a complainant's personal data a response shows unmasked, for the access log of
 * personal-data reads (UU 27/2022 on personal data protection: who processed whose data). Pure:
 * the complaint reads and the evidence downloads ask it after applying the masking rules of
 * src/domain/personal-data.ts and src/domain/identity-mode.ts, so the log follows the same rule
 * as what the caller actually received. Only field names are logged, never the data itself.
 */
import type { IdentityAccess, StoredIdentity } from './identity-mode';

/** The personal data a response may carry unmasked. LAMPIRAN is an evidence file download. */
export const PERSONAL_DATA_FIELDS = ['NAMA', 'NIK', 'ALAMAT', 'TELEPON', 'EMAIL', 'LAMPIRAN'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

/** What the admin's screen and API call each field (Bahasa Indonesia). */
export const PERSONAL_DATA_FIELD_LABELS: Record<PersonalDataField, string> = {
  NAMA: 'Nama',
  NIK: 'NIK',
  ALAMAT: 'Alamat',
  TELEPON: 'Nomor telepon',
  EMAIL: 'Email',
  LAMPIRAN: 'Lampiran (berkas bukti)',
};

export function isPersonalDataField(value: unknown): value is PersonalDataField {
  return typeof value === 'string' && (PERSONAL_DATA_FIELDS as readonly string[]).includes(value);
}

function present(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The fields of the complainant's identity a viewer with `access` sees unmasked, in the order of
 * PERSONAL_DATA_FIELDS. Only FULL access shows anything unmasked (MASKED shows initials and a
 * masked NIK, CONFIDENTIAL "Dirahasiakan", ANONYMOUS nothing); a field the complaint does not hold
 * is not shown, so not logged. A list (`detail` false) shows the name only: its NIK is always
 * masked and it carries no address or contact (identityAsSeen and the list view).
 */
export function unmaskedIdentityFields(
  access: IdentityAccess,
  identity: StoredIdentity,
  detail: boolean,
): PersonalDataField[] {
  if (access !== 'FULL') return [];
  const out: PersonalDataField[] = [];
  if (present(identity.name)) out.push('NAMA');
  if (!detail) return out;
  if (present(identity.nik)) out.push('NIK');
  if (present(identity.address)) out.push('ALAMAT');
  if (present(identity.phone)) out.push('TELEPON');
  if (present(identity.email)) out.push('EMAIL');
  return out;
}

/** The fields as the admin reads them: "Nama, NIK, Alamat". */
export function personalDataFieldLabels(fields: readonly string[]): string[] {
  return fields.map((f) => (isPersonalDataField(f) ? PERSONAL_DATA_FIELD_LABELS[f] : f));
}
