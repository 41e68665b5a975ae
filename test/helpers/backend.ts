import { Client, Connection } from '@temporalio/client';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { type DevServer, startDevServer } from './dev-server';

/** A Temporal dev server, a fresh database of the given kind and a client: what most integration tests need. */
export interface Backend {
  server: DevServer;
  db: TestDatabase;
  client: Client;
  stop(): Promise<void>;
}

export async function startBackend(kind: DatabaseKind): Promise<Backend> {
  const [server, db] = await Promise.all([startDevServer(), createTestDatabase(kind)]);
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
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
