// One-shot: waits for the Temporal cluster, then creates the namespace and search attributes if missing.
import { Connection } from '@temporalio/client';
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { retryTemporalCall } from './retry';
import { setupCluster } from './setup-cluster';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('temporal-setup', config.logLevel);
  const { address, namespace, retentionDays } = config.temporal;
  // The cluster may still be starting (schema just set up): retry for up to five minutes.
  const deadline = Date.now() + 5 * 60_000;
  const connection = await retryTemporalCall(
    `connecting to the Temporal cluster at ${address}`,
    async () => {
      const candidate = await Connection.connect({ address, connectTimeout: 5_000 });
      try {
        await candidate.healthService.check({});
        return candidate;
      } catch (err) {
        await candidate.close();
        throw err;
      }
    },
    { log, keepTrying: () => Date.now() <= deadline, maxDelayMs: 2_000 },
  );
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
