// Developer tool: writes a new migration for both databases from the entity definitions.
//   npm run build && node dist/src/db/create-migration.js <name> [postgresql-url]
// Needs a PostgreSQL to diff against (default: the local test database).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from './orm';

async function main() {
  const name = process.argv[2] ?? 'change';
  const pgUrl =
    process.argv[3] ?? process.env.DATABASE_URL ?? 'postgresql://postgres@localhost:5432/pengaduan_test';
  const srcDir = path.resolve(__dirname, '..', '..', '..', 'src', 'db', 'migrations');
  for (const database of [
    { kind: 'sqlite' as const, path: path.join(os.tmpdir(), `migration-${Date.now()}.sqlite`) },
    { kind: 'postgresql' as const, url: pgUrl },
  ]) {
    // Only the schema is compared here: throwaway personal-data keys.
    const base = ormOptions(database, false, {
      keys: [{ id: 'schema', key: randomBytes(32) }],
      hashKey: randomBytes(32),
    });
    const orm = await MikroORM.init({
      ...base,
      migrations: { ...base.migrations, path: path.join(srcDir, database.kind) },
    });
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(undefined, false, false, name);
    console.log(`${database.kind}: ${result.fileName || 'no changes'}`);
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
