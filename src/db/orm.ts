import fs from 'node:fs';
import path from 'node:path';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { type MetadataStorage, MikroORM, type Options, type Platform } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { AppConfig, DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { migrationsFor } from './migrations';
import {
  bindPersonalDataCipher,
  PersonalDataCipher,
  type PersonalDataKeys,
  resolvePersonalDataKeys,
} from './personal-data-cipher';

/**
 * MikroORM options for either database. SQLite is the embedded default; PostgreSQL is used when
 * DATABASE_URL is set. Migrations are listed in code (not discovered on disk) so the same list
 * runs from compiled JS, from ts sources under jest, and inside the container image.
 * `personalData`: the keys of the encrypted personal-data columns (src/db/personal-data-cipher.ts),
 * bound to this ORM's platform once its entities are discovered.
 */
export function ormOptions(
  database: DatabaseConfig,
  debug: boolean,
  personalData: PersonalDataKeys | PersonalDataCipher,
): Options {
  const cipher =
    personalData instanceof PersonalDataCipher ? personalData : new PersonalDataCipher(personalData);
  const common = {
    entities: ENTITIES,
    debug,
    discovery: {
      afterDiscovered: (_storage: MetadataStorage, platform: Platform) =>
        bindPersonalDataCipher(platform, cipher),
    },
    allowGlobalContext: false,
    extensions: [Migrator],
    migrations: {
      migrationsList: migrationsFor(database.kind),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts' as const,
      path: path.join(__dirname, 'migrations', database.kind),
    },
  };
  if (database.kind === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: database.url, pool: { min: 0, max: 10 } };
  }
  fs.mkdirSync(path.dirname(database.path), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: database.path,
    pool: {
      // The API and the worker are separate processes sharing one SQLite file: WAL lets readers
      // run beside the writer, and the busy timeout makes a writer wait instead of failing.
      afterCreate: (
        conn: { pragma: (sql: string) => unknown },
        done: (err: Error | null, conn: unknown) => void,
      ) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
        done(null, conn);
      },
    },
  } as Options;
}

export type OrmConfig = Pick<AppConfig, 'database' | 'dbDebug' | 'personalData' | 'dataDir'>;

/** The ORM options of an application configuration (its personal-data keys resolved). */
export function appOrmOptions(config: OrmConfig): Options {
  return ormOptions(config.database, config.dbDebug, resolvePersonalDataKeys(config));
}

export async function createOrm(config: OrmConfig): Promise<MikroORM> {
  return MikroORM.init(appOrmOptions(config));
}

/** Applies pending migrations; returns the names applied. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
