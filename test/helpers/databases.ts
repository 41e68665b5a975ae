/**
 * The databases integration tests run on: always a fresh SQLite file, and PostgreSQL when
 * DATABASE_URL is set or a local server answers at the default test URL (see globalSetup).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../src/config/config';
import { createOrm, migrateUp } from '../../src/db/orm';
import { seedAreas, seedDevelopmentUsers } from '../../src/db/seed';
import { seedOfficialHolidays } from '../../src/db/seed-holidays';
import { testPersonalData } from './personal-data';

export const TEST_SEED_PASSWORD = 'uji-coba-rahasia';

export type DatabaseKind = 'sqlite' | 'postgresql';

/** Set by test/helpers/global-setup.ts: a PostgreSQL URL tests may create databases through. */
export const PG_ADMIN_URL = process.env.PENGADUAN_PG_TEST_URL;
export const PG_UNAVAILABLE_REASON = process.env.PENGADUAN_PG_UNAVAILABLE;

export function databaseKinds(): DatabaseKind[] {
  // Against the topology of npm run start:cluster (E2E_TARGET=cluster) there is its PostgreSQL only.
  if (process.env.E2E_TARGET === 'cluster') return ['postgresql'];
  return PG_ADMIN_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
}

export interface TestDatabase {
  kind: DatabaseKind;
  config: DatabaseConfig;
  orm: MikroORM;
  destroy(): Promise<void>;
}

/**
 * A new, empty, migrated and seeded database of the given kind (PostgreSQL: on the test server, or on
 * `adminUrl`, e.g. a private instance a reliability test stops and starts).
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  opts: { adminUrl?: string } = {},
): Promise<TestDatabase> {
  const adminUrl = opts.adminUrl ?? PG_ADMIN_URL;
  const name = `pengaduan_t_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let config: DatabaseConfig;
  let dropDatabase: () => Promise<void>;
  if (kind === 'postgresql') {
    if (!adminUrl) throw new Error('PostgreSQL is not available for tests');
    await withAdmin(adminUrl, async (c) => {
      await c.query(`CREATE DATABASE ${name}`);
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { kind, url: url.toString() };
    dropDatabase = () =>
      withAdmin(adminUrl, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-test-'));
    config = { kind, path: path.join(dir, `${name}.sqlite`) };
    dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const orm = await createOrm({
    database: config,
    dbDebug: false,
    dataDir: os.tmpdir(),
    personalData: testPersonalData(),
  });
  await migrateUp(orm);
  await seedOfficialHolidays(orm.em.fork());
  await seedAreas(orm.em.fork());
  await seedDevelopmentUsers(orm.em.fork(), TEST_SEED_PASSWORD);
  return {
    kind,
    config,
    orm,
    destroy: async () => {
      await orm.close(true);
      await dropDatabase();
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
