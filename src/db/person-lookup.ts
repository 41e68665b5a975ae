/**
 * Finding every complaint of one person by NIK, phone or e-mail through the keyed hash columns
 * (src/db/lookup-hash.ts), never by decrypting rows.
 */
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Complaint } from './entities';
import { lookupHash } from './lookup-hash';
import type { PersonalDataCipher } from './personal-data-cipher';

/**
 * A filter matching the complaints whose NIK, phone or e-mail is any of those given (an OR over the
 * given keys; a phone in either form, 62... or 0...; an e-mail in any case). `hashKey`: the
 * EntityManager the filter is used with (its ORM's keys) or a cipher; omitted, the process's keys.
 * Nothing given (or nothing left after normalising): a filter that matches nothing.
 */
export function personLookupFilter(
  person: { nik?: string; phone?: string; email?: string },
  hashKey?: EntityManager | PersonalDataCipher,
): FilterQuery<Complaint> {
  const or: FilterQuery<Complaint>[] = [];
  const nik = lookupHash('nik', person.nik, hashKey);
  if (nik) or.push({ complainantNikHash: nik });
  const phone = lookupHash('phone', person.phone, hashKey);
  if (phone) or.push({ complainantPhoneHash: phone });
  const email = lookupHash('email', person.email, hashKey);
  if (email) or.push({ complainantEmailHash: email });
  if (or.length === 0) return { id: { $in: [] } };
  return or.length === 1 ? or[0] : { $or: or };
}
