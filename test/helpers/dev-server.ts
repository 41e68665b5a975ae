import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { Connection } from '@temporalio/client';
import { searchAttributeCliSpecs } from '../../src/temporal/search-attributes';
import { TEMPORAL_CLI } from './paths';

export interface DevServer {
  address: string;
  uiPort: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the real Temporal dev server (in memory unless dbFile is given) with our search attributes
 * (unless `searchAttributes: false`, to test the production setup step that registers them).
 */
export async function startDevServer(opts: DevServerOptions = {}): Promise<DevServer> {
  // A free port can be taken between our probe and the server's bind (another test file's server
  // picks its internal ports at the same time): then try again on new ports, unless one was asked for.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDevServerOnce(opts);
    } catch (err) {
      const portTaken = /address already in use/.test(String(err));
      if (!portTaken || opts.port !== undefined || attempt >= 3) throw err;
    }
  }
}

interface DevServerOptions {
  dbFile?: string;
  ui?: boolean;
  /** The Web UI's remote codec endpoint (`--ui-codec-endpoint`), as `npm start` passes it. */
  uiCodecEndpoint?: string;
  searchAttributes?: boolean;
  /** reuse a port (a restart) */
  port?: number;
}

async function startDevServerOnce(opts: DevServerOptions): Promise<DevServer> {
  if (!fs.existsSync(TEMPORAL_CLI)) {
    throw new Error(`${TEMPORAL_CLI} is missing: run scripts/install-temporal.sh (npm test does)`);
  }
  const port = opts.port ?? (await freePort());
  const uiPort = await freePort();
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  args.push(...(opts.ui ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (opts.ui && opts.uiCodecEndpoint) args.push('--ui-codec-endpoint', opts.uiCodecEndpoint);
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  if (opts.searchAttributes !== false)
    for (const spec of searchAttributeCliSpecs()) args.push('--search-attribute', spec);
  const child = spawn(TEMPORAL_CLI, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`temporal dev server exited: ${stderr}`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      await conn.workflowService.describeNamespace({ namespace: 'default' });
      await conn.close();
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`temporal dev server did not start: ${err}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return {
    address,
    uiPort,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
