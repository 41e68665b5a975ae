/**
 * A throwaway PostgreSQL cluster in a temporary directory, on its own port, with trust
 * authentication on 127.0.0.1 only. Used by the test command when no PostgreSQL answers (so that the
 * PostgreSQL suites run on any machine that has the server installed, running or not) and by the
 * database-outage scenario, which stops and starts it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The newest installed server's binaries (Debian: /usr/lib/postgresql/<version>/bin), or PG_BIN. */
export function findPostgresBin(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class PrivatePostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-pg-'));
  port = 0;

  constructor(private readonly bin: string) {}

  /** initdb refuses to run as root: as root, the cluster belongs to the postgres OS user. */
  private run(args: string[]): void {
    const [cmd, ...rest] = args;
    if (process.getuid?.() === 0) {
      execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...rest], { stdio: 'ignore' });
    } else {
      execFileSync(cmd, rest, { stdio: 'ignore' });
    }
  }

  /** Creates and starts the cluster; returns the URL of its `postgres` database. */
  async init(): Promise<string> {
    this.port = await freePort();
    if (process.getuid?.() === 0) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
      fs.chownSync(this.dir, id('-u'), id('-g'));
    }
    this.run([path.join(this.bin, 'initdb'), '-D', `${this.dir}/data`, '-A', 'trust', '-U', 'postgres']);
    this.start();
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    this.run([
      path.join(this.bin, 'pg_ctl'),
      '-D',
      `${this.dir}/data`,
      '-l',
      `${this.dir}/log`,
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      'start',
    ]);
  }

  stop(): void {
    this.run([path.join(this.bin, 'pg_ctl'), '-D', `${this.dir}/data`, '-m', 'fast', '-w', 'stop']);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
