// Prints the API's OpenAPI document (the same one served at /docs-json) to stdout, without a running
// Temporal: the Temporal client connects lazily and no request is made, and the database is a
// throw-away SQLite file in a temporary directory. Used by `npm run console:client` to generate the
// staff console's typed client (src/console/api/schema.d.ts).
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '../config/config';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-openapi-'));
  let app: INestApplication | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // Never dialled: the client is lazy and nothing here starts a workflow.
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      JWT_SECRET: 'openapi-document-only-secret',
    });
    app = await createApp(config);
    await app.init();
    const document = await fetchDocument(app);
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await app?.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The document exactly as /docs-json serves it, read once over an ephemeral loopback port. */
async function fetchDocument(app: INestApplication): Promise<unknown> {
  const server = app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/docs-json`);
    if (!res.ok) throw new Error(`/docs-json answered ${res.status}`);
    return await res.json();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
