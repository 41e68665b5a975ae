/**
 * Keyed hashes (HMAC-SHA256, src/db/personal-data-cipher.ts) of a complainant's NIK, phone and
 * e-mail, normalised first so that every way of writing the same value finds the same rows:
 * NIK as its digits, a phone in the national form (0812..., whether written +62 812..., 62812... or
 * 0812-...), an e-mail trimmed and lower-cased. Stored beside the encrypted columns; lookups compare
 * hashes and never decrypt rows.
 */
import type { EntityManager } from '@mikro-orm/core';
import { type PersonalDataCipher, personalDataCipher } from './personal-data-cipher';

export type LookupKind = 'nik' | 'phone' | 'email';

/**
 * The version of the normalisation rules below. Raise it with any change to them: the next start
 * then recomputes every stored lookup hash (src/db/reencrypt.ts), as after a new hash key.
 */
export const LOOKUP_HASH_RULES_VERSION = 1;

export function normaliseNik(value: string): string {
  return value.replace(/[^0-9]/g, '');
}

/** Digits of a phone in the national form: 62... becomes 0... */
export function normalisePhone(value: string): string {
  const digits = value.replace(/[^0-9]/g, '');
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

const NORMALISE: Record<LookupKind, (value: string) => string> = {
  nik: normaliseNik,
  phone: normalisePhone,
  email: normaliseEmail,
};

/**
 * The lookup hash of a value (null for none, or one that normalises to nothing), under the keys of
 * the ORM behind `via` (an EntityManager, or a cipher; else the process's keys).
 */
export function lookupHash(
  kind: LookupKind,
  value: string | null | undefined,
  via?: EntityManager | PersonalDataCipher,
): string | null {
  if (value === null || value === undefined) return null;
  const normalised = NORMALISE[kind](value);
  if (!normalised) return null;
  return personalDataCipher(via).hmac(`${kind}:${normalised}`);
}

/** The hash columns of a complaint from its (plaintext) contact values. */
export function complainantHashes(
  c: { complainantNik?: string | null; complainantPhone?: string | null; complainantEmail?: string | null },
  via?: EntityManager | PersonalDataCipher,
): {
  complainantNikHash: string | null;
  complainantPhoneHash: string | null;
  complainantEmailHash: string | null;
} {
  return {
    complainantNikHash: lookupHash('nik', c.complainantNik, via),
    complainantPhoneHash: lookupHash('phone', c.complainantPhone, via),
    complainantEmailHash: lookupHash('email', c.complainantEmail, via),
  };
}
