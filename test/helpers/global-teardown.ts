// jest globalTeardown: stops the private PostgreSQL that global-setup.ts started, if it did.
import type { PrivatePostgres } from './private-postgres';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { privatePostgres?: PrivatePostgres };
  holder.privatePostgres?.destroy();
  holder.privatePostgres = undefined;
}
