/**
 * Re-encryption of the personal-data columns (src/db/personal-data-cipher.ts), batched and
 * idempotent: legacy plaintext (rows from before encryption) is encrypted, values sealed under an
 * older key are sealed again under the current (first) key of PERSONAL_DATA_KEYS, and the
 * complainant's lookup hashes are (re)computed where missing or made under another hash key.
 * Runs after the migrations at every start (src/db/migrate.ts); by hand after adding a key:
 *   npm run data:reencrypt        (node dist/src/db/reencrypt.js)
 * Once it has run, keys other than the first may be dropped from PERSONAL_DATA_KEYS.
 */
import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import type { AbstractSqlConnection, Knex } from '@mikro-orm/knex';
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { EncryptedString } from './encrypted-string.type';
import { complainantHashes } from './lookup-hash';
import { createOrm } from './orm';
import { personalDataCipher } from './personal-data-cipher';

export interface ReencryptResult {
  /** Rows rewritten, by table. */
  updated: Record<string, number>;
}

type Row = Record<string, string | null>;

/** Re-encrypts every table with encrypted columns; `batchSize` rows are read and written at a time. */
export async function reencryptPersonalData(em: EntityManager, batchSize = 500): Promise<ReencryptResult> {
  const updated: Record<string, number> = {};
  for (const meta of Object.values(em.getMetadata().getAll())) {
    const encrypted = meta.props.filter((p) => p.customType instanceof EncryptedString);
    if (encrypted.length === 0 || meta.primaryKeys.length !== 1) continue;
    updated[meta.tableName] = await reencryptTable(em, meta, batchSize);
  }
  return { updated };
}

async function reencryptTable(em: EntityManager, meta: EntityMetadata, batchSize: number): Promise<number> {
  const cipher = personalDataCipher(em);
  const knex = (em.getConnection() as AbstractSqlConnection).getKnex();
  const pk = meta.properties[meta.primaryKeys[0]].fieldNames[0];
  const encrypted = meta.props
    .filter((p) => p.customType instanceof EncryptedString)
    .map((p) => ({ name: p.name, column: p.fieldNames[0] }));
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
  for (;;) {
    const query = knex(meta.tableName).select(columns).orderBy(pk).limit(batchSize);
    const rows = (await (last === null ? query : query.where(pk, '>', last))) as Row[];
    if (rows.length === 0) break;
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
  return count;
}

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('reencrypt', config.logLevel);
  const orm = await createOrm(config);
  try {
    const result = await reencryptPersonalData(orm.em.fork());
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
