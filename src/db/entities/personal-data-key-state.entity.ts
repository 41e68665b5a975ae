import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What the re-encryption step (src/db/reencrypt.ts) last completed under: one row per key kind. The
 * `lookup-hash-key` row holds a fingerprint of PERSONAL_DATA_HASH_KEY and of the normalisation rules
 * (an HMAC under that key, never the key itself), so the step at start recomputes every lookup hash
 * only when one of them changed, and otherwise reads just the rows not yet sealed under the current key.
 */
@Entity({ tableName: 'personal_data_key_state' })
export class PersonalDataKeyState {
  @PrimaryKey({ type: 'string', length: 32 })
  name!: string;

  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Property({ type: 'datetime' })
  completedAt: Date = new Date();
}
