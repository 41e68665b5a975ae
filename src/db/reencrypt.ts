/**
 * Re-encryption of the personal-data columns (src/db/personal-data-cipher.ts), batched and
 * idempotent: legacy plaintext (rows from before encryption) is encrypted, values sealed under an
 * older key are sealed again under the current (first) key of PERSONAL_DATA_KEYS, and the
 * complainant's lookup hashes are (re)computed where missing or made under another hash key.
 *
 * After the migrations at every start (src/db/migrate.ts) it runs in the `stale` scope: the database
 * selects only the rows with a value not sealed under the current key (a prefix comparison, no
 * decryption), so an unchanged key costs one scan inside the database instead of reading every row.
 * Every lookup hash is recomputed only when PERSONAL_DATA_HASH_KEY or the normalisation rules changed
 * since the last complete run (a fingerprint in `personal_data_key_state`).
 *
 * By hand, over every row (`all`), after adding a key and before dropping an old one, once every
 * instance runs with the new key list (an instance still on the old list may have written rows
 * under the old key after its start):
 *   npm run data:reencrypt        (node dist/src/db/reencrypt.js)
 */
import type { EntityManager, EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { EncryptedString } from './encrypted-string.type';
import { complainantHashes, LOOKUP_HASH_RULES_VERSION } from './lookup-hash';
import { createOrm } from './orm';
import { ENCRYPTED_PREFIX, type PersonalDataCipher, personalDataCipher } from './personal-data-cipher';

export interface ReencryptOptions {
  /** Rows read and written at a time. */
  batchSize?: number;
  /**
   * `all` reads every row; `stale` (at start) only the rows with a value not sealed under the current
   * key, unless the lookup-hash fingerprint changed, which makes it `all`.
   */
  scope?: 'all' | 'stale';
}

export interface ReencryptResult {
  /** The scope that ran: `stale` becomes `all` when the lookup hashes must be recomputed. */
  scope: 'all' | 'stale';
  /** Rows read, by table. */
  read: Record<string, number>;
  /** Rows rewritten, by table. */
  updated: Record<string, number>;
}

type Row = Record<string, string | null>;

const KEY_STATE_TABLE = 'personal_data_key_state';
const LOOKUP_HASH_STATE = 'lookup-hash-key';

/**
 * The fingerprint of the lookup hashes: an HMAC under PERSONAL_DATA_HASH_KEY (so neither the key nor
 * anything that tests a guess of it is stored) of the normalisation rules' version.
 */
export function lookupHashFingerprint(cipher: PersonalDataCipher): string {
  return cipher.hmac(`fingerprint:lookup-hash-rules:v${LOOKUP_HASH_RULES_VERSION}`);
}

/** Re-encrypts every table with encrypted columns (see the module's comment for the scopes). */
export async function reencryptPersonalData(
  em: EntityManager,
  { batchSize = 500, scope = 'all' }: ReencryptOptions = {},
): Promise<ReencryptResult> {
  const cipher = personalDataCipher(em);
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  const fingerprint = lookupHashFingerprint(cipher);
  const recorded = await knex(KEY_STATE_TABLE).where('name', LOOKUP_HASH_STATE).first('fingerprint');
  const ran = recorded?.fingerprint === fingerprint ? scope : 'all';
  const read: Record<string, number> = {};
  const updated: Record<string, number> = {};
  for (const meta of Object.values(em.getMetadata().getAll())) {
    const encrypted = meta.props.filter((p) => p.customType instanceof EncryptedString);
    if (encrypted.length === 0 || meta.primaryKeys.length !== 1) continue;
    const counts = await reencryptTable({ knex, cipher }, meta, encrypted, batchSize, ran === 'stale');
    read[meta.tableName] = counts.read;
    updated[meta.tableName] = counts.updated;
  }
  if (ran === 'all')
    await knex(KEY_STATE_TABLE)
      .insert({ name: LOOKUP_HASH_STATE, fingerprint, completed_at: new Date() })
      .onConflict('name')
      .merge();
  return { scope: ran, read, updated };
}

/** One table: its encrypted properties (`encryptedProps`) re-sealed, its lookup hashes recomputed. */
async function reencryptTable(
  { knex, cipher }: { knex: Knex; cipher: PersonalDataCipher },
  meta: EntityMetadata,
  encryptedProps: EntityProperty[],
  batchSize: number,
  staleOnly: boolean,
): Promise<{ read: number; updated: number }> {
  const sealedPrefix = `${ENCRYPTED_PREFIX}${cipher.currentKeyId}:`;
  const pk = meta.properties[meta.primaryKeys[0]].fieldNames[0];
  const encrypted = encryptedProps.map((p) => ({ name: p.name, column: p.fieldNames[0] }));
  const complaint = meta.className === 'Complaint';
  const hashColumns = complaint
    ? Object.fromEntries(
        ['complainantNikHash', 'complainantPhoneHash', 'complainantEmailHash'].map((n) => [
          n,
          meta.properties[n as never].fieldNames[0],
        ]),
      )
    : {};
  const columns = [pk, ...encrypted.map((c) => c.column), ...Object.values(hashColumns)];
  let last: string | null = null;
  let count = 0;
  let read = 0;
  for (;;) {
    const query = knex(meta.tableName).select(columns).orderBy(pk).limit(batchSize);
    if (last !== null) query.where(pk, '>', last);
    // substr, not LIKE: a key id may hold `_`, which LIKE reads as a wildcard.
    if (staleOnly)
      query.where((stale) => {
        for (const { column } of encrypted)
          stale.orWhereRaw('(?? is not null and substr(??, 1, ?) <> ?)', [
            column,
            column,
            sealedPrefix.length,
            sealedPrefix,
          ]);
      });
    const rows = (await query) as Row[];
    if (rows.length === 0) break;
    read += rows.length;
    last = String(rows[rows.length - 1][pk]);
    const changes: { row: Row; set: Row }[] = [];
    for (const row of rows) {
      const set: Row = {};
      const plain: Record<string, string | null> = {};
      for (const { name, column } of encrypted) {
        const stored = row[column];
        plain[name] = stored === null ? null : cipher.decrypt(stored);
        if (stored !== null && cipher.keyIdOf(stored) !== cipher.currentKeyId)
          set[column] = cipher.encrypt(plain[name] as string);
      }
      if (complaint) {
        const hashes = complainantHashes(plain, cipher) as Record<string, string | null>;
        for (const [name, column] of Object.entries(hashColumns))
          if (row[column] !== hashes[name]) set[column] = hashes[name];
      }
      if (Object.keys(set).length > 0) changes.push({ row, set });
    }
    if (changes.length === 0) continue;
    await knex.transaction(async (trx: Knex.Transaction) => {
      for (const { row, set } of changes) {
        // Only if the row still holds what was read (a write meanwhile wins; the next run sees it).
        const where = trx(meta.tableName).where(pk, row[pk] as string);
        for (const { column } of encrypted)
          row[column] === null ? where.whereNull(column) : where.where(column, row[column] as string);
        count += await where.update(set);
      }
    });
  }
  return { read, updated: count };
}

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('reencrypt', config.logLevel);
  const orm = await createOrm(config);
  try {
    const result = await reencryptPersonalData(orm.em.fork(), { scope: 'all' });
    log.info(
      { ...result, keyId: personalDataCipher(orm.em).currentKeyId },
      'personal data encrypted under the current key',
    );
  } finally {
    await orm.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
