import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { DatabaseConfig } from '../../src/config/config';
import { REPO_ROOT } from './paths';
import { TEST_PERSONAL_DATA_ENV } from './personal-data';

/** Environment for the compiled worker/API processes (built by `npm test` before jest runs). */
export function appEnv(opts: {
  temporalAddress: string;
  database: DatabaseConfig;
  taskQueue: string;
  port?: number;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...TEST_PERSONAL_DATA_ENV,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_APP_LOG_LEVEL ?? 'warn',
    TEMPORAL_ADDRESS: opts.temporalAddress,
    TEMPORAL_TASK_QUEUE: opts.taskQueue,
    ...(opts.database.kind === 'postgresql'
      ? { DATABASE_URL: opts.database.url }
      : { DATABASE_URL: '', SQLITE_PATH: opts.database.path }),
    ...(opts.port ? { PORT: String(opts.port), HOST: '127.0.0.1' } : {}),
  };
}

export function startWorkerProcess(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'worker', 'main.js')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
