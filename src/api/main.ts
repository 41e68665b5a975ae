// The HTTP API process. Startable on its own against an existing Temporal and database.
import 'reflect-metadata';
import { loadConfigOrExit } from '../config/config';
import { createApp } from './app.factory';

async function main() {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
