import { type EntityProperty, type Platform, Type } from '@mikro-orm/core';
import { personalDataCipher } from './personal-data-cipher';

/**
 * A text column stored encrypted (src/db/personal-data-cipher.ts): the entity holds the plaintext,
 * the database `enc:v1:<keyId>:...`. Legacy plaintext rows are read as they are. Equality filters on
 * such a column cannot match (each value is sealed with a new IV): look rows up by their keyed hash
 * (src/db/person-lookup.ts).
 */
export class EncryptedString extends Type<string | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(
    value: string | null | undefined,
    platform: Platform,
  ): string | null | undefined {
    if (value === null || value === undefined || platform.isRaw(value)) return value;
    const cipher = personalDataCipher(platform);
    const text = String(value);
    // Already sealed (a value that went through here once, e.g. a changeset's payload): as it is.
    return cipher.isSealed(text) ? text : cipher.encrypt(text);
  }

  override convertToJSValue(value: string | null | undefined, platform: Platform): string | null | undefined {
    if (value === null || value === undefined) return value;
    return personalDataCipher(platform).decrypt(String(value));
  }

  /** Two stored values are the same when their plaintexts are (each sealing differs). */
  override compareValues(a: string | null | undefined, b: string | null | undefined): boolean {
    if (a === b) return true;
    if (a === null || a === undefined || b === null || b === undefined) return false;
    const cipher = personalDataCipher(this.platform);
    return cipher.decrypt(a) === cipher.decrypt(b);
  }

  override compareAsType(): string {
    return 'string';
  }

  /** The hydrated snapshot keeps the stored text (compareValues decrypts), no re-encryption per row. */
  override ensureComparable(): boolean {
    return false;
  }

  override getColumnType(_prop: EntityProperty, platform: Platform): string {
    return platform.getTextTypeDeclarationSQL({});
  }
}
