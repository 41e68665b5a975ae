// jest globalSetup: finds a PostgreSQL the integration tests can use and says so loudly if none.
import { Client } from 'pg';

const DEFAULT_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL ?? process.env.PG_TEST_URL ?? DEFAULT_URL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    process.env.PENGADUAN_PG_TEST_URL = url;
    console.log(`\n[integration] PostgreSQL available: integration tests run on SQLite and PostgreSQL`);
  } catch (err) {
    const reason = `${url.replace(/:[^:@/]*@/, ':***@')}: ${(err as Error).message}`;
    process.env.PENGADUAN_PG_UNAVAILABLE = reason;
    console.warn(`\n[integration] PostgreSQL NOT available (${reason}); PostgreSQL tests are skipped`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
