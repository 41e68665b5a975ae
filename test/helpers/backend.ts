import { Client, Connection } from '@temporalio/client';
import { ComplaintWorkflows } from '../../src/temporal/complaint-workflows';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { type DevServer, startDevServer } from './dev-server';
import { testDataConverter } from './processes';

/**
 * A Temporal dev server, a fresh database of the given kind and a client: what most integration tests
 * need. The client encrypts payloads as the real system does (testDataConverter: workers of these
 * tests, in process or not, use the same key).
 */
export interface Backend {
  server: DevServer;
  db: TestDatabase;
  client: Client;
  stop(): Promise<void>;
}

export async function startBackend(kind: DatabaseKind): Promise<Backend> {
  const [server, db] = await Promise.all([startDevServer(), createTestDatabase(kind)]);
  const client = new Client({
    connection: await Connection.connect({ address: server.address }),
    dataConverter: testDataConverter(),
  });
  return {
    server,
    db,
    client,
    stop: async () => {
      await client.connection.close();
      await server.stop();
      await db.destroy();
    },
  };
}

/** The gateway to complaint workflows on a test client (generous deadlines: tests share two cores). */
export function gateway(client: Client, taskQueue = 'complaints'): ComplaintWorkflows {
  return new ComplaintWorkflows(client, {
    taskQueue,
    actionTimeoutMs: 30_000,
    startTimeoutMs: 30_000,
    queryTimeoutMs: 30_000,
  });
}
