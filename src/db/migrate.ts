// Applies pending database migrations and seeds the shipped holiday lists, then exits.
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { createOrm, migrateUp } from './orm';
import { seedOfficialHolidays } from './seed-holidays';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('migrate', config.logLevel);
  const orm = await createOrm(config);
  try {
    const applied = await migrateUp(orm);
    const seeded = await seedOfficialHolidays(orm.em.fork());
    log.info({ database: config.database.kind, applied, holidaysAdded: seeded }, 'database is up to date');
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
