// Applies pending database migrations, encrypts personal data still in plaintext or under an old
// key (src/db/reencrypt.ts), and seeds the shipped holiday lists, then exits.
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { createOrm, migrateUp } from './orm';
import { reencryptPersonalData } from './reencrypt';
import { seedAreas, seedDevelopmentUsers } from './seed';
import { seedOfficialHolidays } from './seed-holidays';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('migrate', config.logLevel);
  const orm = await createOrm(config);
  try {
    const applied = await migrateUp(orm);
    // Only the rows not yet under the current key (all rows after a hash-key change): see reencrypt.ts.
    const { scope, updated: reencrypted } = await reencryptPersonalData(orm.em.fork(), { scope: 'stale' });
    const holidaysAdded = await seedOfficialHolidays(orm.em.fork());
    const areasAdded = await seedAreas(orm.em.fork());
    // Production starts with no accounts but those an admin creates.
    const usersAdded =
      config.env === 'production' ? 0 : await seedDevelopmentUsers(orm.em.fork(), config.seedPassword);
    log.info(
      {
        database: config.database.kind,
        applied,
        reencryptScope: scope,
        reencrypted,
        holidaysAdded,
        areasAdded,
        usersAdded,
      },
      'database is up to date',
    );
  } finally {
    await orm.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
