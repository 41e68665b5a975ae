// jest globalSetup: finds a PostgreSQL the integration tests can use. When none answers at the
// configured URL but the server is installed (PostgreSQL installed, not running: a fresh machine),
// it starts a private instance for this run (stopped by global-teardown.ts), so the PostgreSQL suites
// run everywhere the server exists. Without any, it says so loudly and those suites are skipped.
import { Client } from 'pg';
import { findPostgresBin, PrivatePostgres } from './private-postgres';

const DEFAULT_URL = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const masked = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

export default async function globalSetup(): Promise<void> {
  // Already found (or started) for another project of the same run.
  if (process.env.PENGADUAN_PG_TEST_URL) return;
  const configured = process.env.DATABASE_URL ?? process.env.PG_TEST_URL;
  const url = configured ?? DEFAULT_URL;
  const problem = await answers(url);
  if (problem === null) {
    process.env.PENGADUAN_PG_TEST_URL = url;
    console.log(`\n[integration] PostgreSQL available: integration tests run on SQLite and PostgreSQL`);
    return;
  }
  const bin = configured ? null : findPostgresBin();
  if (bin) {
    const pg = new PrivatePostgres(bin);
    try {
      const privateUrl = await pg.init();
      (globalThis as { privatePostgres?: PrivatePostgres }).privatePostgres = pg;
      process.env.PENGADUAN_PG_TEST_URL = privateUrl;
      console.log(
        `\n[integration] no PostgreSQL at ${masked(url)} (${problem}); started a private one from ${bin} ` +
          `on port ${pg.port} for this run: integration tests run on SQLite and PostgreSQL`,
      );
      return;
    } catch (err) {
      pg.destroy();
      console.warn(`\n[integration] could not start a private PostgreSQL: ${(err as Error).message}`);
    }
  }
  const reason = `${masked(url)}: ${problem}`;
  process.env.PENGADUAN_PG_UNAVAILABLE = reason;
  console.warn(`\n[integration] PostgreSQL NOT available (${reason}); PostgreSQL tests are skipped`);
}
