// One-shot: waits for the Temporal cluster, then creates the namespace and search attributes if missing.
import { Connection } from '@temporalio/client';
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { setupCluster } from './setup-cluster';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('temporal-setup', config.logLevel);
  const { address, namespace, retentionDays } = config.temporal;
  const deadline = Date.now() + 5 * 60_000;
  let connection: Connection | undefined;
  // The cluster may still be starting (schema just set up): retry for up to five minutes.
  while (!connection) {
    try {
      connection = await Connection.connect({ address, connectTimeout: 5_000 });
      await connection.healthService.check({});
    } catch (err) {
      await connection?.close();
      connection = undefined;
      if (Date.now() > deadline) throw err;
      log.info({ address, err: (err as Error).message }, 'waiting for the Temporal cluster');
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
  try {
    const result = await setupCluster(connection, { namespace, retentionDays });
    log.info({ namespace, ...result }, 'Temporal cluster ready');
  } finally {
    await connection.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
