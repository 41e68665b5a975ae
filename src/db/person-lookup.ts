import { type FilterQuery, raw } from '@mikro-orm/core';
import type { Complaint } from './entities';

/**
 * The complaints of one person, by any of the keys given (an OR): the NIK as stored, the e-mail
 * case-insensitively, the phone in its national (0812...), international (62812...) and E.164
 * (+62812...) forms. No key matches nothing. Plain-column version: the encryption at rest replaces it
 * with keyed-hash lookups.
 */
export function personLookupFilter(person: {
  nik?: string;
  phone?: string;
  email?: string;
}): FilterQuery<Complaint> {
  const or: FilterQuery<Complaint>[] = [];
  const nik = person.nik?.trim();
  if (nik) or.push({ complainantNik: nik });
  const email = person.email?.trim().toLowerCase();
  if (email) or.push({ [raw((alias) => `lower(${alias}.complainant_email)`)]: email });
  const digits = person.phone?.replace(/[^0-9]/g, '') ?? '';
  if (digits) {
    const national = digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
    const international = national.startsWith('0') ? `62${national.slice(1)}` : national;
    or.push({ complainantPhone: { $in: [...new Set([national, international, `+${international}`])] } });
  }
  return or.length > 0 ? { $or: or } : { id: { $in: [] } };
}
