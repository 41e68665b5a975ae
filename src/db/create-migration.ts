// Developer tool: writes a new migration for both databases from the entity definitions.
//   npm run build && node dist/src/db/create-migration.js <name> [postgresql-url]
// Needs a PostgreSQL to diff against (default: the local test database).
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
    const base = ormOptions(database);
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
